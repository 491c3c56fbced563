"""Features of the experimental trap model (bench/traps_model_cv.py): word, class, letter n-grams.

Word n-grams (one and two words) carry the exact wording; the same sequence with each word
of a known kind replaced by its class ("i am such an <label>", "<feel> so <must>") lets the
model meet a pattern it has seen with other words; letter n-grams inside each word (three to
five letters) let a misspelt word share most of its pieces with the word it stands for.
Each feature is hashed into a fixed number of buckets (``zlib.crc32``, stable across runs
and machines), so the weights are one flat array.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

BUCKET_BITS = 17
BUCKETS = 1 << BUCKET_BITS
_MASK = BUCKETS - 1
LETTER_WEIGHT = 0.3

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;,]")

_CLASSES: dict[str, str] = {
    "label": "idiot failure loser fraud fake imposter impostor useless stupid dumb thick pathetic"
    " burden embarrassment disappointment joke hopeless worthless incompetent inept clueless"
    " moron fool clown coward hypocrite liar mess wreck disgrace quitter lazy selfish weak"
    " heartless talentless inadequate unlovable monster hack amateur jerk leech pig greedy"
    " terrible awful horrible rubbish crap lousy pitiful neglectful mediocre failure idiots",
    "bad": "fail fails failed failing wrong ruin ruined ruins disaster worse worst badly reject"
    " rejected hate hates broke lose lost losing fired sacked struggle struggling miserable"
    " hurt embarrassed humiliated flop flopped bombed tanked blank froze panic wasted waste"
    " pointless nothing nowhere mistake mistakes mess messed screwed blew broken dead die",
    "feel": "feel feels felt feeling nervous anxious scared afraid terrified guilty ashamed"
    " jealous sick dread gut stomach uneasy worried overwhelmed frightened lonely numb",
    "people": "he she they everyone everybody people nobody boss manager team partner friends"
    " friend mum mom dad wife husband kids colleagues family teacher coach editor audience"
    " others someone squad class parents sister brother",
    "always": "always never constantly every forever whenever",
    "future": "will going gonna bound doomed definitely next tomorrow",
    "must": "should must ought supposed meant shouldn't mustn't",
    "success": "won win passed promoted promotion praised compliment liked loved scored nailed"
    " accepted offered bonus raise award prize picked selected chosen got grade",
    "minimise": "only just luck lucky fluke easy anyone anybody desperate polite kind nice"
    " probably accident algorithm",
    "me": "i me my myself mine",
    "think": "think thinks thought know knows decided judge judging noticed obviously clearly"
    " secretly",
    "cause": "because bc cause fault blame caused",
    "whole": "whole entire completely totally all everything perfect perfectly flawless total"
    " complete absolutely",
    "not": "not no never nothing n't",
}
WORD_CLASS: dict[str, str] = {
    word: name for name, words in _CLASSES.items() for word in words.split()
}


def tokens(plain: str) -> list[re.Match[str]]:
    """The words and clause marks of a plain text, with their places."""
    return list(_TOKEN.finditer(plain))


def word_ngrams(words: list[str]) -> Iterator[tuple[str, int, int]]:
    """(feature, first word, last word + 1) for the word and word-class n-grams."""
    classed = [f"<{WORD_CLASS[word]}>" if word in WORD_CLASS else word for word in words]
    for index, word in enumerate(words):
        yield "w1|" + word, index, index + 1
    for index in range(len(words) - 1):
        yield "w2|" + words[index] + " " + words[index + 1], index, index + 2
        yield "k2|" + classed[index] + " " + classed[index + 1], index, index + 2
    for index in range(len(words) - 2):
        yield "k3|" + " ".join(classed[index : index + 3]), index, index + 3


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
        if word.isalpha():
            for feature in letter_ngrams(word):
                index = bucket(feature)
                counts[index] = counts.get(index, 0.0) + LETTER_WEIGHT
    norm = sum(value * value for value in counts.values()) ** 0.5 or 1.0
    return {index: value / norm for index, value in counts.items()}
