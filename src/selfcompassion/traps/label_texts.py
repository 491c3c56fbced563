"""The pattern texts ``not_a_label.py`` reads with: kept apart so that ``rules.py`` can
compile them ahead into the shipped file without importing the check itself."""

from __future__ import annotations

from .rules_plain_self import PERSON_NOUN
from .words import FOOD, KIND_LABEL, THING
from .words_plain import LABEL_ADJ, LABEL_NOUN

# A thing as the subject of a verdict ("the dog is", "this printer's") or named by one ("what
# a nightmare commute", "what a sad excuse for a burger").
A_THING = (
    r"\b(?:(?:the|this|that|these|those|my|our)\s+(?:[\w-]+\s+)?" + THING + r"\s+(?:is|was|are"
    r"|were|'s)|(?:stupid|useless|bloody|rubbish|pathetic|dumb|crappy|crap|awful|terrible"
    r"|idiotic|hopeless|cursed)\s+"
    + THING
    + r"|(?:what|such)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:"
    + THING
    + r"|(?:excuse for an?\s+)(?:"
    + THING
    + "|"
    + FOOD
    + ")"
    + r"))\b"
)
# Someone is the subject of a verdict.
A_PERSON = (
    r"\b(?:i'm|im|i am|i was|me|myself|you're|youre|you are|you|he's|hes|he is|she's|shes|she is"
    r"|they're|theyre|they are)\b"
)
HARSH = r"\b(?:" + LABEL_NOUN + "|" + LABEL_ADJ + "|" + PERSON_NOUN + r")\b"

#: In the order ``not_a_label`` unpacks them: a thing, a person, a kind name, a harsh word.
PATTERN_TEXTS = (A_THING, A_PERSON, KIND_LABEL, HARSH)
