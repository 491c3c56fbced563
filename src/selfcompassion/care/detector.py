"""Notice words that suggest someone may be in crisis.

A journal for people who are hard on themselves will sometimes hear more than a bad day. When
an entry contains language about self-harm, suicide or not wanting to live, the app shows a
calm panel encouraging the person to reach out to someone they trust, a local crisis line or
emergency services. The panel never blocks saving and never replaces professional help.

Like the thinking-trap rules, this is plain pattern matching: private, offline, and readable.
Decisions built into the rules:

* Only self-directed phrases count ("kill myself", "hurt myself", "want to die"). Everyday
  workplace idioms stay quiet: "this project is killing me", "killing it at work", "I could
  kill for a coffee", "the build died again", "dead tired", "I died of embarrassment".
* "I'd rather die than sing karaoke" is treated as hyperbole: "rather die than" is not matched,
  and neither is "want to die of embarrassment/boredom/laughter".
* Negation is NOT used to switch the panel off. "I'm not suicidal" or "I would never hurt
  myself" still show it: people often play down how they feel, and the panel is gentle and
  costs only a moment, so erring on the side of showing it is the kinder mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CRISIS_MESSAGE_TITLE: str = "You don't have to carry this alone"

CRISIS_MESSAGE: str = (
    "Some of what you wrote sounds really heavy, and it matters. "
    "If you are thinking about hurting yourself or ending your life, please reach out now: "
    "to someone you trust, to a local crisis line, or to your local emergency number. "
    "Talking with a person can help in ways a journal cannot. "
    "This tool is not a substitute for professional help. "
    "Your entry is saved as usual, and you can come back to it whenever you like."
)


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile case-insensitively; a plain apostrophe also matches a curly one."""
    return re.compile(pattern.replace("'", "['\u2019]"), re.IGNORECASE)


# Hyperbole about dying of something harmless is not treated as a crisis.
_HARMLESS_DEATH = r"(?!\s+(?:of|from)\s+(?:embarrassment|boredom|laughter|laughing|cringe))"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    _compile(p)
    for p in (
        r"\bsuicid\w*",
        r"\b(?:kill|killing|killed|hang|hanging|drown|drowning)\s+myself\b",
        r"\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|injure|injuring)\s+myself\b",
        r"\bself[- ]?harm\w*",
        r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b",
        r"\b(?:end|ending)\s+it\s+all\b",
        r"\b(?:want|wanna|wanted|wish|wishing|going|plan|planning|ready)\s+(?:\w+\s+)?to\s+die\b"
        + _HARMLESS_DEATH,
        r"\b(?:wish|wishing)\s+I\s+(?:was|were)\s+dead\b",
        r"\bbetter off dead\b",
        r"\b(?:wish|wishing)\s+I\s+(?:had\s+never\s+been|was\s+never|wasn't|weren't)\s+born\b",
        r"\b(?:don't|do not|didn't|no longer)\s+want\s+to\s+(?:be\s+here|be\s+alive|live|exist"
        r"|wake\s+up|go\s+on)\b",
        r"\b(?:no|not\s+any|not\s+a\s+single)\s+(?:reason|point)\s+(?:to|in)\s+"
        r"(?:live|living|go\s+on|going\s+on|be\s+alive|being\s+alive|carry\s+on|carrying\s+on)\b",
        r"\b(?:everyone|everybody|they|people|my\s+\w+|the\s+world)\s+(?:\w+\s+)?(?:would|'d)"
        r"\s+be\s+better\s+off\s+without\s+me\b",
        r"\bcan't\s+(?:go\s+on|keep\s+going)\s+any\s*more\b",
        r"\bdisappear\s+(?:forever|for\s+good)\b",
    )
)


def crisis_phrases(text: str) -> list[str]:
    """The phrases in ``text`` that suggest a crisis, in the order they appear."""
    found: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end()))
    phrases: list[str] = []
    last_end = -1
    for start, end in sorted(found):
        if start < last_end:
            continue
        phrases.append(text[start:end])
        last_end = end
    return phrases


def suggests_crisis(texts: Iterable[str]) -> bool:
    """True if any of ``texts`` contains language that suggests a crisis."""
    return any(crisis_phrases(text) for text in texts)
