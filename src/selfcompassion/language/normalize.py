"""Text as people write it privately, brought to one plain form that checks can read.

Journal sentences come lowercase, without apostrophes, with curly quotes, texting shorthand
("im", "u", "rn") and stretched letters ("sooo"). Both language checks match against the form
made here, so a pattern is written once ("i am") and still meets "Im", "i'm" and "I’m".

Spans found in the plain form are mapped back to the person's own words with
:meth:`Normalized.original_span`, so a check can always show the words that triggered it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Written forms (lowercase, apostrophes already straightened) and the plain form they stand for.
# Words that are also ordinary English ("ill", "well", "were", "its", "hell", "shed") are left out.
_SHORTHAND: dict[str, str] = {
    "im": "i am",
    "i'm": "i am",
    "ive": "i have",
    "i've": "i have",
    "i'd": "i would",
    "id": "i would",
    "i'll": "i will",
    "youre": "you are",
    "you're": "you are",
    "youve": "you have",
    "you've": "you have",
    "you'll": "you will",
    "you'd": "you would",
    "theyre": "they are",
    "they're": "they are",
    "theyll": "they will",
    "they'll": "they will",
    "they'd": "they would",
    "theyd": "they would",
    "everyone's": "everyone is",
    "everyones": "everyone is",
    "it's": "it is",
    "that's": "that is",
    "thats": "that is",
    "there's": "there is",
    "theres": "there is",
    "what's": "what is",
    "whats": "what is",
    "he's": "he is",
    "she's": "she is",
    "hes": "he is",
    "shes": "she is",
    "he'll": "he will",
    "she'll": "she will",
    "it'll": "it will",
    "itll": "it will",
    "there'll": "there will",
    "that'll": "that will",
    "who'll": "who will",
    "we're": "we are",
    "we'd": "we would",
    "we'll": "we will",
    "dont": "do not",
    "don't": "do not",
    "doesnt": "does not",
    "doesn't": "does not",
    "didnt": "did not",
    "didn't": "did not",
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "couldn't": "could not",
    "wont": "will not",
    "won't": "will not",
    "wouldnt": "would not",
    "wouldn't": "would not",
    "shouldnt": "should not",
    "shouldn't": "should not",
    "isnt": "is not",
    "isn't": "is not",
    "arent": "are not",
    "aren't": "are not",
    "wasnt": "was not",
    "wasn't": "was not",
    "werent": "were not",
    "weren't": "were not",
    "havent": "have not",
    "haven't": "have not",
    "hasnt": "has not",
    "hasn't": "has not",
    "hadnt": "had not",
    "hadn't": "had not",
    "aint": "am not",
    "ain't": "am not",
    "mustnt": "must not",
    "mustn't": "must not",
    "u": "you",
    "ur": "your",
    "r": "are",
    "b4": "before",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "kinda": "kind of",
    "sorta": "sort of",
    "dunno": "do not know",
    "idk": "i do not know",
    "rn": "right now",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tonite": "tonight",
    "abt": "about",
    "ppl": "people",
    "every1": "everyone",
    "any1": "anyone",
    "no1": "no one",
    "some1": "someone",
    "nobody's": "nobody is",
    "noone": "no one",
    "shoulda": "should have",
    "coulda": "could have",
    "woulda": "would have",
    "should've": "should have",
    "shouldve": "should have",
    "could've": "could have",
    "couldve": "could have",
    "would've": "would have",
    "wouldve": "would have",
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STRETCHED = re.compile(r"([a-z])\1{2,}")


class Normalized(NamedTuple):
    """The plain form of a text, with where each of its characters came from."""

    original: str
    text: str
    origins: tuple[int, ...]  # for each character of ``text``, its index in ``original``

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that the plain span ``start:end`` was made from."""
        if not self.text or start >= end:
            return (0, 0)
        first = self.origins[min(start, len(self.origins) - 1)]
        last = self.origins[min(end, len(self.origins)) - 1]
        # Widen to whole words of the original so the person sees their own words.
        while first > 0 and self.original[first - 1].isalnum():
            first -= 1
        last += 1
        while last < len(self.original) and (
            self.original[last].isalnum() or self.original[last] in "'\u2019"
        ):
            last += 1
        return (first, last)

    def original_words(self, start: int, end: int) -> str:
        first, last = self.original_span(start, end)
        return self.original[first:last]


def normalize(text: str) -> Normalized:
    """Lowercase, straight apostrophes, shorthand spelled out, stretched letters shortened.

    Whitespace runs become one space; every other character keeps its place, so punctuation
    still separates clauses.
    """
    out: list[str] = []
    origins: list[int] = []
    folded = [unicodedata.normalize("NFKC", ch).translate(_APOSTROPHES).lower() for ch in text]
    flat = ""
    flat_origins: list[int] = []
    for index, piece in enumerate(folded):
        for ch in piece:
            flat += ch
            flat_origins.append(index)
    position = 0
    for match in _WORD.finditer(flat):
        _copy(flat, flat_origins, position, match.start(), out, origins)
        word = match.group(0)
        word_origins = flat_origins[match.start() : match.end()]
        shortened = _STRETCHED.sub(r"\1\1", word)
        if shortened != word:
            word_origins = _shorten_origins(word, word_origins)
            word = shortened
        plain = _SHORTHAND.get(word)
        if plain is None:
            out.append(word)
            origins.extend(word_origins)
        else:
            out.append(plain)
            origins.extend(word_origins[min(i, len(word_origins) - 1)] for i in range(len(plain)))
        position = match.end()
    _copy(flat, flat_origins, position, len(flat), out, origins)
    return Normalized(original=text, text="".join(out), origins=tuple(origins))


def _copy(
    flat: str, flat_origins: list[int], start: int, end: int, out: list[str], origins: list[int]
) -> None:
    """Copy the characters between words, with any run of whitespace made one space."""
    previous_space = bool(out) and out[-1].endswith(" ")
    for index in range(start, end):
        ch = flat[index]
        if ch.isspace():
            if previous_space:
                continue
            ch = " "
            previous_space = True
        else:
            previous_space = False
        out.append(ch)
        origins.append(flat_origins[index])


def _shorten_origins(word: str, word_origins: list[int]) -> list[int]:
    """The origins of the letters that survive when runs of three or more become two."""
    kept: list[int] = []
    run = 0
    for index, ch in enumerate(word):
        run = run + 1 if index and word[index - 1] == ch else 1
        if run <= 2:
            kept.append(word_origins[index])
    return kept
