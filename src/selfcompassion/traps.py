"""Spot common thinking traps in what the inner critic says.

The reframe flow asks people to write down the harsh words in their head after a setback and
then shows which familiar thinking traps those words fall into. This module does the spotting
with small, readable rules (regular expressions) rather than a trained model, because:

* every hit can be explained: it points at the exact words that matched and a rule a person
  can read, argue with and fix;
* journal entries are private: nothing leaves the machine and nothing is sent anywhere;
* it works offline and instantly, with no downloads and the same answer every time.

The price is some imperfection. The rules aim to be quiet rather than noisy: a missed trap
costs little (the person can still spot it), while pointing at a trap that is not there feels
like being told off. Decisions built into the rules:

* Quoted speech and reported speech ("my manager said I'm ...") are someone else's words,
  not the writer's own trap, and are skipped.
* Labelling needs a first-person subject ("I'm such an idiot", "what a loser I am").
  "He is an idiot" is about someone else and is not flagged; "they think I'm useless" is
  mind-reading rather than self-labelling.
* A negation just before a phrase ("I'm not to blame", "it isn't a disaster", "I don't think
  I'm stupid") switches off the traps whose meaning it reverses.
* Should-statements are rules about how the writer must be or should have been ("I should have
  known", "I must never", "I have to be perfect"). Plans ("I should call mum at 5", "I should
  have the figures ready by Friday") are not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trap:
    """A thinking trap: a stable id, a short name and one warm line describing it."""

    id: str
    name: str
    explanation: str


@dataclass(frozen=True)
class TrapHit:
    """One place in the text where a trap shows up; ``text[start:end] == phrase``."""

    trap_id: str
    phrase: str
    start: int
    end: int


TRAPS: dict[str, Trap] = {
    trap.id: trap
    for trap in (
        Trap(
            "all-or-nothing",
            "All-or-nothing thinking",
            "Seeing only two boxes, perfect or worthless, when most things land somewhere between.",
        ),
        Trap(
            "overgeneralising",
            "Overgeneralising",
            "Turning one hard moment into 'always' or 'never', as if it were the whole story.",
        ),
        Trap(
            "labelling",
            "Labelling",
            "Summing up a whole person in one harsh word because of one thing that happened.",
        ),
        Trap(
            "should-statements",
            "Should-statements",
            "Holding yourself to rigid rules about how you must be, with little room to be human.",
        ),
        Trap(
            "catastrophising",
            "Catastrophising",
            "Jumping to the worst ending, when the likely one is usually smaller and survivable.",
        ),
        Trap(
            "personalising",
            "Personalising",
            "Carrying all the blame for something that many people and circumstances shaped.",
        ),
        Trap(
            "mind-reading",
            "Mind-reading",
            "Feeling sure you know what others think of you, without having asked them.",
        ),
        Trap(
            "fortune-telling",
            "Fortune-telling",
            "Predicting things will go badly as if it were already decided before it happens.",
        ),
        Trap(
            "discounting-positive",
            "Discounting the positive",
            "Brushing off what went well as luck or nothing much, so it never gets to count.",
        ),
        Trap(
            "emotional-reasoning",
            "Emotional reasoning",
            "Treating a feeling as proof: feeling like a failure is not the same as being one.",
        ),
    )
}


# --- building blocks ----------------------------------------------------------------------------

_FLAGS = re.IGNORECASE

# Words that describe a whole person harshly; used by labelling and emotional reasoning.
_LABEL_WORDS = (
    r"(?:idiot|failure|loser|fraud|fake|impostor|imposter|useless|stupid|dumb|pathetic|burden"
    r"|embarrassment|disappointment|joke|hopeless|worthless|incompetent|moron|waste of space"
    r"|mess|disaster|inadequate|unlovable|nobody|the worst)"
)
_ROLE_WORDS = (
    r"(?:mother|father|mum|mom|dad|parent|friend|partner|wife|husband|son|daughter|sister"
    r"|brother|manager|boss|colleague|person|human|employee|teacher|leader|student|writer"
    r"|engineer|developer)"
)
_HARSH_ADJ = r"(?:terrible|awful|horrible|bad|rubbish|hopeless|useless|lousy|crap)"
_INTENSIFIERS = (
    r"(?:(?:such|so|just|a|an|the|completely|totally|utterly|really|absolute|utter|complete"
    r"|total|truly|basically|literally|honestly|officially|clearly|obviously|always"
    r"|nothing but)\s+)*"
)
_I_AM = r"\bI(?:'m|\s+am)\s+"
_OTHER_SUBJECT = (
    r"(?:he|she|they|everyone|everybody|people|nobody|no one|(?:my|the)\s+[\w-]+(?:\s+[\w-]+)?"
    r"|[\w-]+s)"
)
_BAD_OUTCOME = (
    r"(?:mess\w*|screw\w*|ruin\w*|fail\w*|forget\w*|learn\w*|wrong|right|finish\w*"
    r"|work\w*\s+out|happens|let\w*\s+(?:\w+\s+)?down|say\s+the\s+wrong)"
)
_PAST_PARTICIPLE = (
    r"(?:\w+ed|known|been|seen|done|said|caught|gone|made|told|thought|taken|spoken|got"
    r"|gotten|left|sent|written|given|come|become|kept|let|put|quit|stood|run|eaten|drunk"
    r"|fought|held|brought|bought|felt|meant|paid|read|won|lost)"
)


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a rule; a plain apostrophe in a rule also matches a curly one."""
    return re.compile(pattern.replace("'", "['\u2019]"), _FLAGS)


@dataclass(frozen=True)
class _Rule:
    trap_id: str
    pattern: re.Pattern[str]
    # A negation in the few words before the match (same clause) cancels the hit.
    negatable: bool = False
    # If set, the same sentence must also match this for the hit to count.
    requires: re.Pattern[str] | None = None
    # If set and the clause text before the match ends with this, the hit is dropped.
    not_after: re.Pattern[str] | None = None


def _rule(
    trap_id: str,
    pattern: str,
    *,
    negatable: bool = False,
    requires: str | None = None,
    not_after: str | None = None,
) -> _Rule:
    return _Rule(
        trap_id,
        _compile(pattern),
        negatable,
        _compile(requires) if requires else None,
        _compile(not_after) if not_after else None,
    )


# "They think I'm useless" is mind-reading, not the writer calling themselves names.
_AFTER_OTHERS_THINK = (
    _OTHER_SUBJECT + r"\s+(?:\w+\s+)?(?:think|thinks|thought|believe|believes|assume|assumes"
    r"|know|knows|see|sees|said|says)\s+(?:that\s+)?$"
)

_RULES: tuple[_Rule, ...] = (
    # --- all-or-nothing ---
    _rule(
        "all-or-nothing", r"\b(?:complete|total|utter|absolute)\s+(?:failure|waste|write-?off)\b"
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:completely|totally|utterly|entirely)\s+"
        r"(?:ruined|failed|wasted|pointless|worthless|useless)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:whole|entire)\b[^.;]{0,40}?\b(?:worthless|pointless|waste|ruined|for nothing)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\beither\b[^.;]{0,60}?\bor\b[^.;]{0,40}?"
        r"\b(?:useless|pointless|worthless|nothing|failure|failed|waste)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:perfect|the best|perfectly)\b[^.;]{0,40}?"
        r"\b(?:failure|I'm nothing|worthless|no point)\b",
    ),
    _rule("all-or-nothing", r"\bno point\b[^.;]{0,30}?\bat all\b"),
    _rule("all-or-nothing", r"\banything less than\b"),
    _rule("all-or-nothing", r"\b(?:wasted|ruined|blown)\s+the\s+(?:whole|entire)\b"),
    _rule("all-or-nothing", r"\bnothing I (?:do|say|try|make)\b"),
    # --- overgeneralising ---
    _rule(
        "overgeneralising",
        r"\b(?:always|constantly)\b(?:\s+\w+(?:'\w+)?){0,3}?\s+" + _BAD_OUTCOME + r"\b",
    ),
    _rule(
        "overgeneralising",
        r"\bnever\b(?:\s+\w+(?:'\w+)?){0,3}?\s+(?:learn\w*|finish\w*|right|work\w*\s+out)\b",
    ),
    _rule("overgeneralising", r"\b(?:it|this|that|things)\s+never\s+(?:does|do|works?|goes)\b"),
    _rule("overgeneralising", r"\b(?:nothing|nobody|no one|no-one)\b[^.,;]{0,30}?\bever\b"),
    _rule(
        "overgeneralising",
        r"\bevery\s+(?:single\s+)?(?:time|relationship|job|friendship|project|attempt|interview)\b",
        requires=r"\b(?:wrong|mess\w*|fail\w*|ruin\w*|forget\w*|same way|badly|disaster"
        r"|let\w*\s+(?:\w+\s+)?down)\b",
    ),
    _rule("overgeneralising", r"\b(?:bad|hopeless|useless|terrible|rubbish)\s+at\s+everything\b"),
    _rule("overgeneralising", r"\bover and over\b"),
    _rule("overgeneralising", r"\b(?:mess|screw|ruin|muck)\w*\s+(?:up\s+)?everything\b"),
    _rule(
        "overgeneralising",
        r"\b(?:nobody|no one|no-one)\b[^.,;]{0,20}?\b(?:respects|likes|listens|cares|wants"
        r"|understands|trusts|values)\s+me\b",
    ),
    # --- labelling ---
    _rule(
        "labelling",
        _I_AM
        + _INTENSIFIERS
        + r"(?:"
        + _LABEL_WORDS
        + r"|"
        + _HARSH_ADJ
        + r"\s+"
        + _ROLE_WORDS
        + r")\b",
        negatable=True,
        not_after=_AFTER_OTHERS_THINK,
    ),
    _rule(
        "labelling",
        r"\bwhat\s+an?\s+(?:\w+\s+)?(?:idiot|loser|failure|fraud|moron|mess|joke|disaster)"
        r"\s+I\s+am\b",
    ),
    _rule(
        "labelling",
        _I_AM + r"(?:just\s+|simply\s+|still\s+)?not\s+good\s+enough\b",
        not_after=_AFTER_OTHERS_THINK,
    ),
    # --- should-statements ---
    _rule(
        "should-statements",
        r"\bI\s+(?:should|shouldn't|should not|ought to|oughtn't to)(?:'ve|\s+have)\s+"
        r"(?:\w+ly\s+|just\s+|at least\s+)?" + _PAST_PARTICIPLE + r"\b",
    ),
    _rule(
        "should-statements",
        r"\bI\s+(?:should|shouldn't|should not|ought to|oughtn't to)\s+(?:be|feel|know|never"
        r"|always)\b(?!\s+(?:home|there|back|at|in|on|ready|done|fine|okay|ok|able to make)\b)",
    ),
    _rule("should-statements", r"\bI\s+(?:must|mustn't|must not)\s+(?:always|never|ever)\b"),
    _rule(
        "should-statements",
        r"\bI\s+(?:must|have to|need to|got to|gotta)\s+be\s+(?:\w+\s+)?"
        r"(?:perfect|better|the best|stronger|strong|flawless|in control|on top|liked|everything"
        r"|right|good enough)\b",
        negatable=True,
    ),
    _rule(
        "should-statements",
        r"\b(?:a|any)\s+(?:good|real|proper|decent|competent)\s+[\w-]+\s+"
        r"(?:should|must|ought to)\b",
    ),
    # --- catastrophising ---
    _rule(
        "catastrophising",
        r"\b(?:(?:a|an|total|complete|absolute|utter)\s+)*(?:disaster|catastrophe|nightmare"
        r"|disastrous|catastrophic)\b",
        negatable=True,
    ),
    _rule(
        "catastrophising",
        r"\b(?:ruin|wreck|destroy)\w*\s+(?:my|the)\s+(?:whole\s+|entire\s+)?"
        r"(?:career|life|future|reputation|everything)\b",
        negatable=True,
    ),
    _rule(
        "catastrophising",
        r"\bthe worst\s+(?:thing|possible|outcome|mistake)\b",
        negatable=True,
    ),
    _rule("catastrophising", r"\b(?:life|career|world)\s+is\s+over\b", negatable=True),
    _rule("catastrophising", r"\bend of the world\b", negatable=True),
    _rule(
        "catastrophising",
        r"\b(?:everything|it all|all of it|the whole\s+\w+)\s+(?:will|is going to|would|'ll)\s+"
        r"(?:fall apart|collapse|go under|crumble|be ruined|come crashing down)\b",
    ),
    _rule(
        "catastrophising",
        r"\b(?:I'll|I will|I'm going to|I am going to|I'm gonna)\s+(?:\w+\s+)?"
        r"(?:get|be)\s+(?:fired|sacked|let go)\b",
    ),
    _rule("catastrophising", r"\blose\s+(?:everything|(?:the|my)\s+(?:flat|house|home))\b"),
    _rule("catastrophising", r"\bnever recover\b"),
    _rule(
        "catastrophising",
        r"\b(?:alone forever|end up (?:homeless|on the street|with nothing|alone))\b",
    ),
    # --- personalising ---
    _rule(
        "personalising", r"\b(?:(?:all|entirely|totally|completely)\s+)?my fault\b", negatable=True
    ),
    _rule("personalising", r"\bbecause of me\b", negatable=True),
    _rule("personalising", _I_AM + r"(?:the one\s+)?(?:to blame|the reason|responsible for)\b"),
    _rule(
        "personalising",
        r"\b(?:failed|fell apart|went wrong|collapsed|broke down|lost)\s+because\s+I\b",
    ),
    _rule("personalising", r"\bsomething I (?:did|said|didn't do)\b", negatable=True),
    _rule(
        "personalising",
        r"\bI must have (?:upset|annoyed|hurt|offended|disappointed|let \w+ down)\b",
    ),
    _rule("personalising", r"\bI (?:ruined|spoiled|spoilt|wrecked)\b"),
    _rule("personalising", r"\bif (?:only )?I(?:'d| had)(?:n't)? been\b[^.;]{0,40}?\bwould"),
    _rule("personalising", r"\b(?:it's|it is|that's|that is) (?:all )?on me\b"),
    _rule("personalising", r"\b(?:(?:all|entirely|completely)\s+)?down to me\b", negatable=True),
    # --- mind-reading ---
    _rule(
        "mind-reading",
        r"\b" + _OTHER_SUBJECT + r"\s+(?:(?:all|must|probably|secretly|clearly|obviously"
        r"|definitely|just|really)\s+)*(?:think|thinks|thought|believe|believes|could tell"
        r"|can tell|know|knows|see|sees|saw)\s+(?:that\s+)?(?:I\b|I'|me\b)",
    ),
    _rule(
        "mind-reading",
        r"\b(?:he|she|they|everyone)(?:'s|'re|\s+is|\s+are)\s+(?:\w+\s+)?(?:annoyed|angry|mad"
        r"|upset|disappointed|fed up|sick|tired|bored|laughing|judging)\s+(?:with|at|of|by|in)?\s*"
        r"me\b",
    ),
    _rule("mind-reading", r"\bbehind my back\b"),
    _rule("mind-reading", r"\blook at me and (?:see|think)\b"),
    # --- fortune-telling ---
    _rule("fortune-telling", r"\bI(?:'ll|\s+will)\s+(?:\w+\s+)?never\b(?!\s+forget)"),
    _rule("fortune-telling", r"\bnever will\b"),
    _rule(
        "fortune-telling",
        r"\bI(?:'m|\s+am)\s+(?:going to|gonna|bound to|sure to|certain to|destined to)\s+"
        r"(?:\w+\s+)?(?:fail|mess|screw|blow|bomb|freeze|ruin|embarrass|make a fool"
        r"|get (?:fired|rejected|dumped|found out))\w*\b",
    ),
    _rule("fortune-telling", r"\bbound to\b"),
    _rule(
        "fortune-telling",
        r"\b(?:is|are|it's|this is)\s+going to\s+(?:go|be|end)\s+(?:(?:a|an|up|in)\s+)?(?:\w+\s+)?"
        r"(?:badly|wrong|terribly|awfully|horribly|disaster|mess|failure|nightmare)\b",
    ),
    _rule("fortune-telling", r"\bwill end (?:in|up)\s+(?:disaster|failure|tears|badly)\b"),
    _rule(
        "fortune-telling",
        r"\b(?:they|he|she|it|people|everyone)(?:'ll|\s+will)\s+(?:\w+\s+)?(?:say no|reject"
        r"|laugh|see (?:it|through)|find out|fire|replace|hate|refuse|turn me down|leave me)",
    ),
    _rule("fortune-telling", r"\bI know I(?:'ll|\s+will|'m going to)\b"),
    _rule(
        "fortune-telling",
        r"\bI(?:'ll|\s+will)\s+(?:(?:probably|definitely|just|only|surely)\s+)?(?:get rejected"
        r"|be rejected|fail|mess|screw|freeze|blow|embarrass|make a fool|be found out"
        r"|be alone forever|end up alone|die alone)",
    ),
    _rule("fortune-telling", r"\b(?:nobody|no one)\s+(?:will|is going to|'ll)\b"),
    _rule("fortune-telling", r"\b(?:won't|will not|isn't going to)\s+work(?:\s+out)?\b"),
    _rule("fortune-telling", r"\bI don't think I(?:'ll|\s+will)\s+ever\b"),
    # --- discounting-positive ---
    _rule("discounting-positive", r"\b(?:just|only|pure|dumb|sheer|all)\s+luck\b"),
    _rule("discounting-positive", r"\b(?:got|was) lucky\b"),
    _rule("discounting-positive", r"\bfluke\b"),
    _rule("discounting-positive", r"\b(?:anyone|anybody) could have\b"),
    _rule(
        "discounting-positive",
        r"\b(?:doesn't|does not|didn't|did not|don't) (?:really\s+)?(?:count|mean anything)\b",
    ),
    _rule("discounting-positive", r"\b(?:just|only) being (?:nice|polite|kind)\b"),
    _rule("discounting-positive", r"\bnothing special\b"),
    _rule("discounting-positive", r"\bI (?:just|only) did my job\b"),
    _rule("discounting-positive", r"\bI only got\b[^.;]{0,40}?\bbecause\b"),
    _rule("discounting-positive", r"\bsays? that to everyone\b"),
    _rule("discounting-positive", r"\b(?:it was|that was|it's)\s+only because\b"),
    _rule("discounting-positive", r"\b(?:they|he|she)\s+didn't (?:really\s+)?mean it\b"),
    # --- emotional-reasoning ---
    _rule(
        "emotional-reasoning",
        r"\bI feel (?:like )?(?:(?:a|an|so|such|really|completely|totally|utterly)\s+)*"
        r"(?:failure|fraud|idiot|stupid|useless|worthless|hopeless|loser|burden|impostor"
        r"|imposter|incompetent|inadequate|pathetic|disappointment|joke|mess)\b",
    ),
    _rule(
        "emotional-reasoning",
        r"\b(?:I|it)\s+feels?\b[^.;]{0,50}?(?:,\s*so\b|\bso\s+(?:I|it|that|this)\b"
        r"|\bwhich (?:means|proves)\b|\bthat (?:means|proves)\b|\btherefore\b|\bI must\b"
        r"|\bit must\b)",
    ),
    _rule("emotional-reasoning", r"\bbecause (?:I|it) feels?\b"),
)


# --- other people's words ---------------------------------------------------------------------

_QUOTED = re.compile(
    r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019(?!\w)|(?<!\w)'.*?'(?!\w)",
)
_REPORTED = re.compile(
    r"\b(?:(?:he|she|they|someone|somebody|everyone|people)|(?:my|our|his|her|their|the)\s+[\w-]+"
    r"|(?-i:[A-Z][a-z]+))\s+(?:\w+\s+)?(?:said|says|told me|tells me|told us|wrote|replied)\s+"
    r"(?:that\s+)?(?=(?:I|you|we)\b)",
    _FLAGS,
)
_CLAUSE_END = re.compile(r"[.!?;,]|\bbut\b", _FLAGS)
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans holding someone else's words: quotations and reported speech."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for m in _REPORTED.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


# --- negation -----------------------------------------------------------------------------------

_NEGATION = _compile(r"(?:\b(?:not|never|no)\b|n't\b)(?:\s+\w+(?:'\w+)?){0,3}\s*$")
_NOT_A_NEGATION = _compile(r"\b(?:can't|cannot|can not|couldn't) (?:believe|stop|help)\b")


def _clause_prefix(text: str, start: int) -> str:
    """The text between the last clause boundary and ``start``."""
    boundary = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        boundary = m.end()
    return text[boundary:start]


def _is_negated(prefix: str) -> bool:
    return bool(_NEGATION.search(prefix)) and not _NOT_A_NEGATION.search(prefix)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return text[left:right]


# --- public API -------------------------------------------------------------------------------

_TRAP_ORDER = {trap_id: index for index, trap_id in enumerate(TRAPS)}


def detect_traps(text: str) -> list[TrapHit]:
    """Find thinking traps in ``text``, ordered by where they start.

    Each trap is reported at most once for any stretch of overlapping words; hits inside
    quotations or reported speech are skipped.
    """
    excluded = _excluded_spans(text)
    found: dict[str, list[tuple[int, int]]] = {trap_id: [] for trap_id in TRAPS}
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            start, end = m.start(), m.end()
            if start == end:
                continue
            if any(start < ex_end and ex_start < end for ex_start, ex_end in excluded):
                continue
            prefix = _clause_prefix(text, start)
            if rule.negatable and _is_negated(prefix):
                continue
            if rule.not_after is not None and rule.not_after.search(prefix):
                continue
            if rule.requires is not None and not rule.requires.search(
                _sentence_around(text, start, end)
            ):
                continue
            found[rule.trap_id].append((start, end))

    hits: list[TrapHit] = []
    for trap_id, spans in found.items():
        kept: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if any(start < k_end and k_start < end for k_start, k_end in kept):
                continue
            kept.append((start, end))
        hits.extend(TrapHit(trap_id, text[start:end], start, end) for start, end in kept)
    hits.sort(key=lambda hit: (hit.start, _TRAP_ORDER[hit.trap_id], hit.end))
    return hits


def trap_ids(text: str) -> list[str]:
    """The ids of the traps found in ``text``, each once, in ``TRAPS`` order."""
    present = {hit.trap_id for hit in detect_traps(text)}
    return [trap_id for trap_id in TRAPS if trap_id in present]
