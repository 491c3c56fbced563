"""The features the trap model reads: word and letter n-grams of a sentence's plain form.

Word n-grams (one to three words) carry the pattern ("i am such", "what if"); letter n-grams
inside each word (three to five letters) let a misspelt word ("idoit", "failur") still share
most of its pieces with the word it stands for. Each feature is hashed into a fixed number of
buckets (``zlib.crc32``, stable across runs and machines), so the weights are one flat array.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

BUCKET_BITS = 17
BUCKETS = 1 << BUCKET_BITS
_MASK = BUCKETS - 1

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(plain: str) -> list[re.Match[str]]:
    """The words of a plain text, with their places."""
    return list(_TOKEN.finditer(plain))


def word_ngrams(words: list[str]) -> Iterator[tuple[str, int, int]]:
    """(feature, first word, last word + 1) for every word n-gram, n = 1..3."""
    padded = ["<s>", *words, "</s>"]
    for n in (1, 2, 3):
        for first in range(len(padded) - n + 1):
            gram = padded[first : first + n]
            if n == 1 and first in (0, len(padded) - 1):
                continue
            start = max(first - 1, 0)
            end = min(first - 1 + n, len(words))
            yield "w" + str(n) + "|" + " ".join(gram), start, max(end, start + 1)


def letter_ngrams(word: str) -> Iterator[str]:
    padded = f"<{word}>"
    for n in (3, 4, 5):
        for first in range(len(padded) - n + 1):
            yield "c|" + padded[first : first + n]


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & _MASK


def feature_buckets(words: list[str]) -> dict[int, float]:
    """Bucket -> value for one sentence, scaled so that every sentence has unit length."""
    counts: dict[int, float] = {}
    for feature, _start, _end in word_ngrams(words):
        index = bucket(feature)
        counts[index] = counts.get(index, 0.0) + 1.0
    for word in words:
        for feature in letter_ngrams(word):
            index = bucket(feature)
            counts[index] = counts.get(index, 0.0) + 0.5
    norm = sum(value * value for value in counts.values()) ** 0.5 or 1.0
    return {index: value / norm for index, value in counts.items()}
