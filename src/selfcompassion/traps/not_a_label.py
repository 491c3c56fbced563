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

from .rules_plain_self import PERSON_NOUN
from .words import KIND_LABEL, THING
from .words_plain import LABEL_ADJ, LABEL_NOUN

# A thing as the subject of a verdict ("the dog is", "this printer's") or named by one ("what
# a nightmare commute").
_A_THING = (
    r"\b(?:(?:the|this|that|these|those|my|our)\s+(?:[\w-]+\s+)?" + THING + r"\s+(?:is|was|are"
    r"|were|'s)|(?:what|such)\s+an?\s+(?:[\w-]+\s+){0,2}?" + THING + r")\b"
)
# Someone is the subject of a verdict.
_A_PERSON = (
    r"\b(?:i'm|im|i am|i was|me|myself|you're|youre|you are|you|he's|hes|he is|she's|shes|she is"
    r"|they're|theyre|they are)\b"
)
_HARSH = r"\b(?:" + LABEL_NOUN + "|" + LABEL_ADJ + "|" + PERSON_NOUN + r")\b"


#: Compiled ahead into the trap rules' shipped file (``rules.pattern_sources``).
PATTERN_TEXTS = (_A_THING, _A_PERSON, KIND_LABEL, _HARSH)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    from .rules import compiled_pattern  # rules imports this module's texts

    return tuple(compiled_pattern(text) for text in PATTERN_TEXTS)


def is_not_a_label(text: str) -> bool:
    """Whether ``text``'s strong or fond words name a thing, an animal or someone kindly."""
    thing, person, kind, harsh = _patterns()
    if kind.search(text) and not harsh.search(text):
        return True
    return bool(thing.search(text)) and not person.search(text)
