"""The plain form the care check reads: normalised, with its key words' typos put right.

People write these words fast and on their worst nights: "its hopless", "suicdal again",
"i want to disapear". The rules and the gate in front of the model match whole words, so
a slip of one letter in a key word hid the sentence from both (the model itself reads the
words as typed and copes with slips). Only the closed list below is corrected, by one
dropped, added or swapped letter (``language.spelling``), so no ordinary word is rewritten.
"""

from __future__ import annotations

from functools import cache

from ..language.normalize import Normalized, normalize
from ..language.spelling import Speller

#: Words the check depends on whose slips it should still read. Words of five letters or
#: fewer are left out ("alive" would turn "live" into it): the rules spell out the slips of
#: short words they need ("kil", "wnat").
KEY_WORDS = (
    *("hopeless", "hopelessness", "worthless", "pointless", "meaningless"),
    *("suicide", "suicidal", "overdose", "overdosed", "unalive", "disappear"),
    *("goodbye", "funeral", "burden", "myself", "anymore"),
)
#: Real words one dropped, added or swapped letter from a key word, never respelt: every
#: whole word of the model's vocabulary the speller would change (a test keeps it complete).
NOT_TYPOS = ("buren",)


@cache
def _speller() -> Speller:
    return Speller(KEY_WORDS, NOT_TYPOS)


def plain_form(text: str) -> Normalized:
    """``text`` normalised (``language.normalize``) with slips in the key words corrected;
    spans still map back to the words as written."""
    return _speller().respell(normalize(text))
