"""Labelling sums up a person: a strong word for a thing or an animal ("this spreadsheet is
cursed", "the dog is a total idiot, love him to bits"), or a kind name for someone ("what a
legend", "such a goofball"), is not it.

The model reads such words as labels; ``learned.py`` sets its labelling reading to nothing
for a window this module clears. A window with a kind name and a harsh word too, or with a
thing's verdict and a person's ("I'm", "she's"), is left to the model.
"""

from __future__ import annotations

import re
from functools import cache

from .label_texts import PATTERN_TEXTS
from .rules import compiled_pattern


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The four patterns, from the trap rules' shipped compiled file."""
    return tuple(compiled_pattern(text) for text in PATTERN_TEXTS)


def is_not_a_label(text: str) -> bool:
    """Whether ``text``'s strong or fond words name a thing, an animal or someone kindly."""
    thing, person, kind, harsh = _patterns()
    if kind.search(text) and not harsh.search(text):
        return True
    return bool(thing.search(text)) and not person.search(text)
