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
* "Always" and "never" count as overgeneralising when they go with something going wrong ("I
  always let the team down", "I never get it right"), not with habits ("I always take the bus").
* Strong words about things ("the traffic was a nightmare", "a disaster movie") are not the
  writer's catastrophising, nor is a disaster the sentence itself calls fun ("the picnic was a
  disaster, but we laughed"); someone's good opinion ("she thinks I'd make a good lead") is not
  feared mind-reading, and neither is doubting a feared opinion ("I don't think they hate me").
* "Not always" is not overgeneralising ("I don't always get it right"), and a prediction ("I'll
  never get promoted", "nobody's ever going to hire me") is fortune-telling rather than
  overgeneralising, which is about how things are ("I never get picked").
* Luck that the writer is grateful for ("I got lucky and I'm glad") is not discounting.

tests/test_traps.py measures the rules against hand-labelled sentences in tests/data/: the
corpus and tuning sets shape the rules, the held-out sets only check them.
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

# Nouns and adjectives that sum up a whole person harshly; used by labelling.
_LABEL_WORDS = (
    r"(?:idiot|failure|loser|fraud|fake|impostor|imposter|useless|stupid|dumb|thick|pathetic"
    r"|burden|embarrassment|disappointment|let-?down|joke|hopeless(?!\s+romantic)|worthless"
    r"|incompetent|inept"
    r"|clueless|moron|imbecile|fool|clown|coward|hypocrite|liar|phon(?:e)?y|sham|charlatan"
    r"|screw-?up|mess|wreck|disaster|nightmare|liability|nuisance|pushover|doormat|disgrace"
    r"|quitter|flake|klutz|wimp|lost cause|basket case|write-?off|waste of (?:space|oxygen|air)"
    r"|shambles|car crash|train wreck"
    r"|inadequate|unlovable|unworthy|selfish|spineless|gutless|lazy|nobody|the worst"
    r"|(?:the\s+)?world's worst\s+[\w-]+)"
)
_ROLE_WORDS = (
    r"(?:mother|father|mum|mom|dad|parent|friend|partner|wife|husband|son|daughter|sister"
    r"|brother|manager|boss|colleague|person|human|employee|teacher|leader|student|writer"
    r"|engineer|developer|girlfriend|boyfriend|grandparent|aunt|uncle|coach|carer|nurse"
    r"|doctor|mentor|team-?mate|neighbour|neighbor)"
)
# Harsh enough to label whatever noun follows ("a lousy cook"); "bad" needs a role word.
_HARSH_ADJ = (
    r"(?:terrible|awful|horrible|rubbish|hopeless(?!\s+romantic)|useless|lousy|crap|crappy"
    r"|pathetic|dreadful"
    r"|appalling|shocking|worthless|sorry excuse for an?)"
)
_INTENSIFIERS = (
    r"(?:(?:such|so|just|a|an|the|completely|totally|utterly|really|absolute|utter|complete"
    r"|total|truly|basically|literally|honestly|officially|clearly|obviously|always|actually"
    r"|simply|nothing but|even|a\s+bit\s+of|kind of|sort of|such)\s+)*"
)
_I_AM = (
    r"\bI(?:'m|\s+am|\s+(?:really|truly|honestly|clearly|obviously|just)\s+am"
    r"|'ve\s+become|\s+have\s+become|'m\s+turning\s+into|\s+am\s+turning\s+into)\s+"
)
_OTHER_SUBJECT = (
    r"(?:he|she|they|everyone|everybody|people|nobody|no one|(?:my|the|our|his|her|their)\s+"
    r"[\w-]+(?:\s+(?!(?:will|would|won't|must|might|could|can|should|shall|is|are|was|were"
    r"|do|does|did|has|have|had|all|probably|secretly|clearly|obviously|really|just)\b)[\w-]+)?"
    r"|[\w-]+s)"
)
# Things that go wrong, when someone says they "always" (or "constantly") do them.
_BAD_OUTCOME = (
    r"(?:mess\w*|screw\w*|ruin\w*|fail\w*|forget\w*|learn\w*|wrong|right|finish\w*"
    r"|work\w*\s+out|happens|let\w*\s+(?:\w+\s+){0,2}down|say\w*\s+(?:the\s+wrong|something"
    r"\s+(?:stupid|wrong|dumb|awkward|silly))|disappoint\w*|upset\w*|embarrass\w*|annoy\w*"
    r"|hurt\w*|blow\w*\s+it|bottl\w*\s+it|chok\w*|freez\w*|panic\w*|overreact\w*|sabotag\w*"
    r"|regret\w*|stuff\w*\s+up|muck\w*\s+up|cock\w*\s+up|drop\w*\s+the\s+ball"
    r"|put\w*\s+my\s+foot\s+in\s+it|fall\w*\s+(?:short|flat|apart)|fell\s+(?:short|flat|apart)"
    r"|(?:pick|choose)\w*\s+the\s+wrong|chose\s+the\s+wrong|end\w*\s+up\s+(?:alone|on\s+my\s+own"
    r"|by\s+myself|hurt|crying|in\s+tears|last|worse|the\s+odd\s+one)|give\w*\s+up|quit\w*"
    r"|make\w*\s+(?:a\s+fool|a\s+mess|mistakes|the\s+same\s+mistake|things\s+worse|it\s+worse)"
    r"|get\w*\s+(?:it\s+wrong|passed\s+over|left\s+out|rejected|dumped|ignored|overlooked"
    r"|blamed))"
)
# Signs that a sentence with "every time" or "whenever I" is about things going wrong.
_GOES_WRONG = (
    r"\b(?:wrong|mess\w*|fail\w*|ruin\w*|forget\w*|same way|badly|disaster"
    r"|let\w*\s+(?:\w+\s+)?down|regret\w*|embarrass\w*|awkward|stupid|fall\w* (?:flat|apart)"
    r"|fell (?:flat|apart)|late|worse|mistake\w*|panic\w*|freez\w*|reject\w*|cry|crying|dislik\w*"
    r"|hat(?:e|es|ing)|end\w* up)\b"
)
# ... and that it is about the writer.
_ABOUT_ME_GOING_WRONG = r"^(?=.*\b(?:I|me|my)\b).*" + _GOES_WRONG
# Good things that someone says they "never" manage.
_NEVER_MANAGE = (
    r"(?:learn\w*|finish\w*|right|work\w*\s+out|stick\w*|follow\w*\s+through|manag\w*"
    r"|succeed\w*|measure\s+up|fit\s+in|improve\w*|get\s+better|go\w*\s+my\s+way"
    r"|catch\s+a\s+break|get\s+(?:anything|picked|chosen|promoted|noticed|asked|invited"
    r"|a\s+break|a\s+chance|it\s+right|the\s+(?:good|best|credit|promotion|job))"
    r"|good\s+enough|enough|make\s+(?:any\s+)?progress|get\s+(?:anywhere|ahead))"
)
_PAST_PARTICIPLE = (
    r"(?:\w+ed|known|been|seen|done|said|caught|gone|made|told|thought|taken|spoken|got"
    r"|gotten|left|sent|written|given|come|become|kept|let|put|quit|stood|run|eaten|drunk"
    r"|fought|held|brought|bought|felt|meant|paid|read|won|lost)"
)
# Rigid rules for how to be: "I must be perfect", "I have to be the strong one".
_RIGID_STANDARD = (
    r"(?:perfect|better|the best|stronger|strong|tougher|tough|braver|flawless|in control"
    r"|on top|liked|everything|right|good enough|the one|able to (?:handle|cope|do)|over (?:it"
    r"|this|that)|grateful|always|smarter|cleverer|more \w+ than|available|there for (?:everyone"
    r"|everybody|them|all)|everything to everyone)"
)
_SHOULD = r"(?:should|shouldn't|should not|ought to|oughtn't to)"
_MUST = (
    r"(?:must|have to|need to|got to|gotta|'ve got to|have got to|'m meant to|am meant to"
    r"|'m supposed to|am supposed to)"
)
# Strong words about things ("the traffic was a nightmare") are not the writer's trap.
_ABOUT_A_THING = (
    r"\b(?:traffic|weather|commute|queue|line|trains?|bus(?:es)?|tube|roads?|flights?|airport"
    r"|journey|game|match|film|movie|show|episode|series|season|final|rain|snow|parking|wifi"
    r"|storm|flood|fire|hurricane|earthquake|drought|harvest|roadworks?|building works"
    r"|wi-fi|internet|printer|food|hotel|service|course|concert|gig|book|album|referee|election"
    r")\b(?:\s+\w+(?:'\w+)?){0,4}\s+(?:was|is|were|are|has been|have been|'s|looks|looked)\s+$"
)
_NOT_A_DISASTER_WORD = (
    r"(?!\s+(?:recovery|relief|zone|movie|film|plan\w*|management|drill|response|fund))"
)
_SOMEONE_ELSE = (
    r"\b(?:he|she|they|him|her|them|his|their|partner|friend|boss|mum|mom|dad|wife|husband"
    r"|kids?|son|daughter|team|everyone|colleague\w*|manager)\b"
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
    # If set and the clause text after the match starts with this, the hit is dropped.
    not_before: re.Pattern[str] | None = None
    # If set and the same sentence matches this, the hit is dropped.
    unless: re.Pattern[str] | None = None


def _rule(
    trap_id: str,
    pattern: str,
    *,
    negatable: bool = False,
    requires: str | None = None,
    not_after: str | None = None,
    not_before: str | None = None,
    unless: str | None = None,
) -> _Rule:
    return _Rule(
        trap_id,
        _compile(pattern),
        negatable,
        _compile_optional(requires),
        _compile_optional(not_after),
        _compile_optional(not_before),
        _compile_optional(unless),
    )


def _compile_optional(pattern: str | None) -> re.Pattern[str] | None:
    return _compile(pattern) if pattern else None


# "They think I'm useless" is mind-reading, not the writer calling themselves names, and
# "I used to think I was a failure" is a belief let go of.
_AFTER_OTHERS_THINK = (
    r"(?:"
    + _OTHER_SUBJECT
    + r"\s+(?:\w+\s+)?(?:think|thinks|thought|believe|believes|assume|assumes|know|knows|see"
    r"|sees|said|says)\s+(?:that\s+)?|\bused\s+to\s+(?:think|believe|feel)\s+(?:that\s+)?)$"
)
# "She thinks I'm ready for it" is someone's good opinion, not a feared one.
_GOOD_OPINION = (
    r"^\s*(?:'m|am|was|'d|would|will|'ll|did|have|'ve|could|can)?\s*(?:(?:be|make|become)\s+)?"
    r"(?:(?:so|really|very|a|an|the|doing|more\s+than)\s+)*"
    r"(?:ready|great|good|brilliant|capable|talented|clever|smart|kind|lovely|amazing|well|fine"
    r"|right|natural|best|perfect|funny|strong|wonderful|fantastic|excellent|up to it|do it"
    r"|manage|cope|handle|should(?!\s+have\b|'ve\b)|deserve"
    r"|have\s+(?:real\s+|a\s+lot\s+of\s+)?(?:potential"
    r"|talent|what it takes))\b"
)
# "I don't think everyone hates me" doubts the feared opinion rather than reading it.
_DOUBTED = (
    r"(?:\bI\s+(?:\w+\s+)?(?:don't|do not|didn't|did not)\s+(?:really\s+|honestly\s+"
    r"|actually\s+)?(?:think|believe|reckon|suppose|imagine|feel)|\bI\s+(?:really\s+)?doubt"
    r"|\bnot\s+(?:true|the case)|\bno\s+(?:sign|reason\s+to\s+think))\s+(?:that\s+)?$"
)
# "Not always" ("I don't always get it right") is the opposite of overgeneralising, and a
# pronoun just before means it is about someone else.
_NOT_MY_ALWAYS = r"\b(?:he|she|they|you)(?:'s|'re|\s+is|\s+are)?\s+$|(?:\bnot|n't)\s+$"
# "I'll never get promoted" predicts; "I never get picked" generalises.
_PREDICTING = (
    r"\b(?:he|she|they|you)(?:'s|'re|\s+is|\s+are)?\s+$"
    r"|(?:'ll|\bwill|\bshall)\s+(?:\w+\s+)?$"
)
# A disaster the sentence itself calls fun ("the picnic was a disaster, but we laughed").
_LIGHT_HEARTED = (
    r"(?<!\bno )(?<!\bnot )\bfun\b|\bhilarious\b|\b(?:we|I)\s+(?:all\s+)?laughed\b(?!\s+at\s+me)"
    r"|\b(?:loved (?:it|every)|enjoy\w*|the best \w+ (?:of|in|ever)|(?:great|good|lovely) time"
    r"|worth it|made (?:our|my) (?:day|week))\b"
)
# Luck the writer is thankful for, or luck in the people and things around them.
_GRATEFUL = (
    r"\b(?:grateful|thankful|glad|blessed|appreciat\w*)\b"
    r"|\blucky\s+(?:to\s+(?:have|know|meet|work\s+with|be\s+(?:alive|here|around))"
    r"|with\s+the\s+weather)\b"
)

_RULES: tuple[_Rule, ...] = (
    # --- all-or-nothing ---
    _rule(
        "all-or-nothing",
        r"\b(?:complete|total|utter|absolute)\s+(?:failure|waste|write-?off|flop|bust|washout)\b",
        negatable=True,
        not_after=_ABOUT_A_THING,
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:completely|totally|utterly|entirely)\s+"
        r"(?:ruined|failed|wasted|pointless|worthless|useless|spoil\w*|blown)\b",
        negatable=True,
        not_after=_ABOUT_A_THING,
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:failed|ruined|wasted|blew|blown|spoil\w*)\b(?:\s+\w+(?:'\w+)?){0,3}?\s+"
        r"(?:completely|totally|entirely|utterly)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:whole|entire)\b[^.;]{0,40}?\b(?:worthless|pointless|waste|wasted|ruined"
        r"|for nothing|write-?off|bust|flop|failure|spoil\w*|garbage|rubbish|down the drain"
        r"|blown)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\beither\b[^.;]{0,60}?\bor\b[^.;]{0,40}?"
        r"\b(?:useless|pointless|worthless|nothing|failure|failed|waste|wasted|don't bother"
        r"|at all)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:perfect|the best|perfectly|flawless\w*|brilliant\w*|properly|top)\b[^.;]{0,40}?"
        r"\b(?:failure|I'm nothing|nothing|worthless|no point|pointless|useless|garbage|rubbish"
        r"|ruined|spoil\w*|waste|wasted)\b",
        requires=r"\b(?:if|unless|or|either|otherwise)\b",
    ),
    _rule("all-or-nothing", r"\bno point\b[^.;]{0,30}?\bat all\b"),
    _rule("all-or-nothing", r"\banything (?:less|short) (?:than|of)\b"),
    _rule("all-or-nothing", r"\bas good as (?:failing|failure|nothing|useless|losing)\b"),
    _rule(
        "all-or-nothing",
        r"\bunless\b[^.;,]{0,30}?\b(?:perfect\w*|the best|first|top|every|all|flawless\w*"
        r"|100%)",
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:if|since|because|as)\b[^.;,]{0,20}?(?:\bnot\b|n't\b)[^.;,]{0,20}?\b(?:perfect\w*"
        r"|the best|first|top|number one|flawless\w*|brilliant\w*|spotless|immaculate|full marks"
        r"|top marks|100%)",
        requires=r"\b(?:failure|fail\w*|nothing|worthless|pointless|point|useless|garbage|rubbish"
        r"|ruined|spoil\w*|waste\w*|last|lose|loser)\b",
    ),
    _rule("all-or-nothing", r"\b(?:nothing|no)\s+in[\s-]+between\b|\bno middle ground\b"),
    _rule("all-or-nothing", r"\b(?:wasted|ruined|blown)\s+the\s+(?:whole|entire)\b"),
    _rule("all-or-nothing", r"\bnothing I (?:do|say|try|make)\b"),
    _rule("all-or-nothing", r"\bI've\s+(?:achieved|done|got)\s+nothing\b"),
    _rule(
        "all-or-nothing",
        r"\ball\s+(?:of\s+)?(?:the|my|that|this)\s+(?:\w+(?:'\w+)?\s+){0,6}?(?:is|was|has been"
        r"|'s|are|were)\s+(?:\w+\s+)?(?:wasted|gone|pointless|for nothing|undone|down the drain"
        r"|worthless|ruined)\b",
    ),
    _rule(
        "all-or-nothing",
        r"\b(?:one|a single|a tiny|one little|two|once)\b[^.;]{0,40}?"
        r"\b(?:is|was|'s|are|were|has been|have been)\s+(?:\w+\s+)?(?:ruined|wasted|worthless"
        r"|pointless|gone|a write-?off|a bust|a failure|spoil\w*|for nothing|down the drain"
        r"|undone)\b",
    ),
    # --- overgeneralising ---
    _rule(
        "overgeneralising",
        r"\b(?:always|constantly|invariably)\b(?:\s+\w+(?:'\w+)?){0,3}?\s+" + _BAD_OUTCOME + r"\b",
        not_after=_NOT_MY_ALWAYS,
    ),
    _rule(
        "overgeneralising",
        r"\bnever\b(?!\s+(?:going\s+to|gonna)\b)(?:\s+\w+(?:'\w+)?){0,3}?\s+"
        + _NEVER_MANAGE
        + r"\b",
        not_after=_PREDICTING,
    ),
    _rule("overgeneralising", r"\b(?:it|this|that|things)\s+never\s+(?:does|do|works?|goes)\b"),
    _rule(
        "overgeneralising",
        r"\b(?:nothing|nobody|no one|no-one)\b(?!(?:'s|\s+is)?\s+ever\s+(?:going\s+to|gonna)\b"
        r"|(?:'ll|\s+will)\s+ever\b)[^.,;]{0,30}?\bever\b",
    ),
    _rule(
        "overgeneralising",
        r"\b(?:every\s+(?:single\s+)?[\w-]+|whenever)\s+I\b",
        requires=_ABOUT_ME_GOING_WRONG,
    ),
    _rule(
        "overgeneralising",
        r"\bevery\s+(?:single\s+)?(?:time|relationship|job|friendship|project|attempt|interview"
        r"|date|day|week|month|year|morning|meeting)\b",
        requires=_ABOUT_ME_GOING_WRONG,
    ),
    _rule(
        "overgeneralising",
        r"\b(?:blow|blew|waste|wasted|ruin|ruined|miss|missed|mess\w* up|screw\w* up)\w*\s+"
        r"every\s+(?:single\s+)?(?:opportunity|chance|time)\b",
    ),
    _rule(
        "overgeneralising",
        r"\b(?:bad|hopeless|useless|terrible|rubbish|late|fail\w*)\s+(?:at|for|in)\s+everything\b",
    ),
    _rule("overgeneralising", r"\bover and over\b"),
    _rule(
        "overgeneralising",
        r"\b(?:mess|messes|messing|screw|screws|screwing|ruin|ruins|ruining|muck|mucks|mucking)"
        r"\s+(?:up\s+)?everything\b",
    ),
    _rule(
        "overgeneralising",
        r"\b(?:can't|cannot|can never|never|couldn't)\s+(?:seem\s+to\s+|even\s+|ever\s+)?"
        r"(?:do|get|say|make)\s+(?:anything|a\s+single\s+thing|one\s+thing|a\s+thing)\s+"
        r"(?:\w+\s+)?right\b",
    ),
    _rule("overgeneralising", r"\b(?:do|get|say)\s+nothing\s+right\b"),
    _rule("overgeneralising", r"\bno matter what I\b"),
    _rule("overgeneralising", r"\b(?:it's|it is|I'm|I am)\s+never\s+(?:good\s+)?enough\b"),
    _rule(
        "overgeneralising",
        r"\beverything I (?:do|touch|try|say|make)\s+(?:\w+\s+)?(?:fails|goes wrong|is wrong"
        r"|turns|falls apart|is rubbish|ends)\b",
    ),
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
        + r"|(?:an?\s+)?(?:even\s+)?(?:"
        + _HARSH_ADJ
        + r"|worse)\s+[\w-]+|bad\s+"
        + _ROLE_WORDS
        + r")\b(?!-)",
        negatable=True,
        not_after=_AFTER_OTHERS_THINK,
    ),
    _rule(
        "labelling",
        r"\bwhat\s+an?\s+(?:\w+\s+)?" + _LABEL_WORDS + r"\s+I\s+am\b",
    ),
    _rule(
        "labelling",
        _I_AM + r"(?:just\s+|simply\s+|still\s+)?not\s+(?:good|smart|clever|strong)\s+enough\b",
        not_after=_AFTER_OTHERS_THINK,
    ),
    # --- should-statements ---
    _rule(
        "should-statements",
        r"\bI\s+(?:really\s+|just\s+|honestly\s+|definitely\s+|clearly\s+|obviously\s+)?"
        + _SHOULD
        + r"(?:'ve|\s+have)\s+(?:\w+ly\s+|just\s+|at least\s+)?"
        + _PAST_PARTICIPLE
        + r"\b",
    ),
    _rule(
        "should-statements",
        r"\bI\s+(?:really\s+|just\s+|honestly\s+|definitely\s+|clearly\s+|obviously\s+)?"
        + _SHOULD
        + r"\s+(?:be|feel|know|never|always)\b"
        r"(?!\s+(?:home|there|back|at|in|on|ready|done|fine|okay|ok|able to make)\b)",
    ),
    _rule(
        "should-statements",
        r"\bI\s+(?:shouldn't|should not|oughtn't to|ought not to)\s+(?:need|struggle|find|care"
        r"|mind|cry|complain|get (?:upset|angry|so|this|that)|have (?:to|needed)|make mistakes"
        r"|worry|take (?:so|this)|still|ask for help)\b",
    ),
    _rule("should-statements", r"\bI\s+" + _SHOULD + r"\b[^.;]{0,40}?\bby now\b"),
    _rule(
        "should-statements",
        r"\bI(?:'m|\s+am)\s+(?:meant|supposed)\s+to\s+(?:have\s+(?:it\s+all|everything|my\s+life"
        r"|figured|got)|know)\b",
    ),
    _rule("should-statements", r"\bI\s+(?:must|mustn't|must not)\s+(?:always|never|ever)\b"),
    _rule(
        "should-statements",
        r"\bI\s+(?:must|mustn't|must not|can't|cannot|can never)\s+(?:ever\s+)?let\s+(?:anyone"
        r"|anybody|them|people|him|her|everyone)\s+(?:see|know)\b",
    ),
    _rule(
        "should-statements",
        r"\bI\s*" + _MUST + r"\s+be\s+(?:\w+\s+)?" + _RIGID_STANDARD + r"\b",
        negatable=True,
    ),
    _rule(
        "should-statements",
        r"\bI\s*" + _MUST + r"\s+(?:get|do|make|have|keep)\s+(?:\w+\s+){0,3}?"
        r"(?:perfect\w*|right the first time|flawless\w*|exactly right|everything right"
        r"|it all right|all of it right|without (?:a|any) mistakes?)\b",
        negatable=True,
    ),
    _rule(
        "should-statements",
        r"\b(?:a|any)\s+(?:good|real|proper|decent|competent|normal|grown)\s+[\w-]+\s+"
        r"(?:should|must|ought to|would (?:never|always|have)|wouldn't|never|always)\b",
    ),
    _rule(
        "should-statements",
        r"\b(?:good|real|proper|decent|competent|normal|grown)\s+[\w-]+s\s+(?:don't|do not"
        r"|never|always|should|must|would never|wouldn't)\b",
    ),
    # --- catastrophising ---
    _rule(
        "catastrophising",
        r"\b(?:(?:a|an|total|complete|absolute|utter)\s+)*(?:disaster|catastrophe|nightmare"
        r"|disastrous|catastrophic)\b" + _NOT_A_DISASTER_WORD,
        negatable=True,
        not_after=r"(?:"
        + _ABOUT_A_THING
        + r"|\bI(?:'m|\s+am)\s+(?:\w+\s+)?$|\bnatural\s+$|(?-i:\b[A-Z]\w+)\s+$)",
        unless=_LIGHT_HEARTED,
    ),
    _rule(
        "catastrophising",
        r"\b(?:ruin|wreck|destroy|sink|kill|bankrupt)\w*\s+(?:us\b|me\b|(?:my|the|our)\s+"
        r"(?:whole\s+|entire\s+)?(?:career|life|future|reputation|everything|marriage"
        r"|relationship|family|business|company|firm|shop|chances|finances|credibility))\b",
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
        r"\b(?:everything|it all|all of it|the whole\s+\w+|(?:my|our|the)\s+(?:\w+\s+)?(?:business"
        r"|company|firm|shop|career|life|marriage|relationship|family|future|reputation|team"
        r"|finances|plans?|world))\s+(?:will|is going to|'s going to|are going to|would|could"
        r"|might|'ll|is|'s|are)\s+(?:\w+\s+)?(?:fall(?:ing)? apart|fall(?:ing)? to pieces"
        r"|collaps\w*|go(?:ing)? under|go(?:ing)? bust|fold(?:ing)?|crumbl\w*|implod\w*"
        r"|come crashing down|be ruined|be destroyed|be finished|be over|sink(?:ing)?"
        r"|go down the drain)\b|\b(?:the|my|our)\s+(?:business|company|firm|shop|career|life"
        r"|marriage|family)\s+(?:goes under|goes bust|collapses|falls apart|crumbles|folds"
        r"|implodes)\b",
    ),
    _rule(
        "catastrophising",
        r"\b(?:my|our)\s+(?:whole\s+|entire\s+)?(?:future|life|career|chances|reputation"
        r"|marriage|business)\s+(?:is|are|'s|will be|would be|is going to be)\s+(?:\w+\s+)?"
        r"(?:gone|over|finished|ruined|destroyed|doomed|in tatters|in ruins)\b",
        negatable=True,
    ),
    _rule(
        "catastrophising",
        r"\b(?:I'll|I will|I'm going to|I am going to|I'm gonna)\s+(?:\w+\s+)?"
        r"(?:get|be)\s+(?:fired|sacked|let go)\b",
    ),
    _rule("catastrophising", r"\blose\s+(?:everything|(?:the|my)\s+(?:flat|house|home))\b"),
    _rule(
        "catastrophising",
        r"\b(?:will|'ll|going to|gonna|could|might|would)\s+(?:\w+\s+)?lose\s+(?:all\s+(?:of\s+)?"
        r"|every\s+)?(?:my|our)\s+(?:\w+\s+)?(?:job|house|home|flat|apartment|kids|children"
        r"|family|friends|partner|marriage|business|clients|customers|savings|money|career"
        r"|reputation)\b",
    ),
    _rule("catastrophising", r"\bnever recover\b"),
    _rule("catastrophising", r"\b(?:ruined|wrecked|destroyed)\s+everything\b", negatable=True),
    _rule(
        "catastrophising",
        r"\bbeginning of the end\b|\bno (?:coming|going|way) back from\b",
        negatable=True,
    ),
    _rule(
        "catastrophising",
        r"\b(?:we're|we are)\s+(?:\w+\s+)?(?:finished|doomed|ruined|done for|sunk|toast)\b"
        r"|\b(?:I'm|I am)\s+(?:\w+\s+)?(?:doomed|done for|ruined|toast|sunk)\b",
        negatable=True,
    ),
    _rule(
        "catastrophising",
        r"\b(?:will|'ll|going to|gonna|could|might)\s+(?:\w+\s+)?(?:go bankrupt|go bust"
        r"|go under|be bankrupt|be homeless|be ruined|be destitute|be on the streets?)\b",
    ),
    _rule(
        "catastrophising",
        r"\b(?:scarred|ruined|destroyed|damaged|traumati[sz]ed|messed up)\s+(?:for life|forever"
        r"|for good|for ever)\b",
    ),
    _rule(
        "catastrophising",
        r"\b(?:alone forever|end up (?:\w+\s+and\s+)?(?:homeless|alone|broke|bankrupt|destitute"
        r"|on the streets?|with nothing|in prison|in jail))\b",
    ),
    # --- personalising ---
    _rule(
        "personalising",
        r"\b(?:(?:all|entirely|totally|completely)\s+)?my (?:fault|doing)\b",
        negatable=True,
    ),
    _rule(
        "personalising",
        r"\bmy responsibility\b",
        negatable=True,
        requires=r"\b(?:wrong|fail\w*|mess\w*|problem\w*|broke\w*|mistake\w*|blame\w*)\b",
    ),
    _rule("personalising", r"\bbecause of me\b", negatable=True),
    _rule("personalising", _I_AM + r"(?:the one\s+)?(?:to blame|the reason|responsible for)\b"),
    _rule(
        "personalising",
        r"\b(?:failed|fell apart|went wrong|collapsed|broke down|lost)\s+because\s+I\b",
    ),
    _rule(
        "personalising",
        r"\bbecause\s+I\b",
        not_after=r"^\s*(?:and\s+|so\s+)?I\b|\bI\s+(?:\w+\s+)?$",
        requires=r"\b(?:fail\w*|sick|ill|upset|angry|sad|cry\w*|cried|lost|left|quit|broke\w*"
        r"|split|miserable|unhappy|hurt|went wrong|struggl\w*|suffer\w*|stress\w*|cancel\w*"
        r"|fell|dropped|died|flopped|missed|behind|worse|disappointed|badly|wrong|ruined|argu\w*"
        r"|fight\w*|fought|row\w*|divorc\w*|lonely)\b",
    ),
    _rule("personalising", r"\bsomething I (?:did|said|didn't do)\b", negatable=True),
    _rule(
        "personalising",
        r"\bI must have (?:upset|annoyed|hurt|offended|disappointed|let \w+ down|done something"
        r"|said something)\b",
        requires=_SOMEONE_ELSE,
    ),
    _rule("personalising", r"\bI (?:ruined|spoiled|spoilt|wrecked)\b"),
    _rule("personalising", r"\bif (?:only )?I(?:'d| had)(?:n't)? been\b[^.;]{0,40}?\bwould"),
    _rule(
        "personalising",
        r"\bif (?:only )?I(?:'d|\s+had)(?:n't|\s+not)?\s+(?:\w+\s+){1,5}?(?:\w+,\s*)?"
        r"(?:he|she|they|we|it|[A-Z]\w+|my\s+\w+|the\s+\w+|our\s+\w+)(?:'d|\s+would|\s+wouldn't"
        r"|\s+might)\b",
    ),
    _rule("personalising", r"\b(?:it's|it is|that's|that is|it was) (?:all )?on me\b"),
    _rule("personalising", r"\b(?:(?:all|entirely|completely)\s+)?down to me\b", negatable=True),
    # --- mind-reading ---
    _rule(
        "mind-reading",
        r"\b" + _OTHER_SUBJECT + r"\s+(?:(?:all|must|probably|secretly|clearly|obviously"
        r"|definitely|just|really)\s+)*(?:think|thinks|thought|believe|believes|could tell"
        r"|can tell|could see|can see|know|knows|see|sees|saw)\s+(?:that\s+)?(?:I\b|I'|me\b)",
        not_before=_GOOD_OPINION,
        not_after=_DOUBTED,
    ),
    _rule(
        "mind-reading",
        r"\b" + _OTHER_SUBJECT + r"(?:'s|'re|\s+is|\s+are|\s+was|\s+were|\s+must be)\s+"
        r"(?:\w+\s+){0,2}?"
        r"(?:annoyed|angry|mad|upset|disappointed|fed up|sick|tired|bored|laughing|judging"
        r"|talking|gossiping|whispering|complaining|embarrassed|ashamed)\s+(?:(?:of|with)\s+\w+ing"
        r"\s+(?:from|to|with|about)?\s*|with\s+|at\s+|of\s+|by\s+|in\s+|about\s+)?me\b"
        r"|\b(?:talking|gossiping|laughing|whispering)\s+about\s+my\s+\w+",
        not_after=_DOUBTED,
    ),
    _rule(
        "mind-reading",
        r"\b" + _OTHER_SUBJECT + r"\s+(?:(?:must|probably|secretly|all|really)\s+)*(?:regrets?"
        r"|regretted|resents?|hates?|can't stand|wish(?:es)?)\s+(?:\w+\s+){0,2}?me\b",
        not_after=_DOUBTED,
    ),
    _rule("mind-reading", r"\bI bet\s+(?:that\s+)?" + _OTHER_SUBJECT + r"\b"),
    _rule(
        "mind-reading",
        r"\b" + _OTHER_SUBJECT + r"\s+(?:(?:all|must|probably|clearly|obviously|definitely)\s+)*"
        r"(?:noticed|notice|saw|could see|could tell|can tell)\s+(?:how|that|what)\s+"
        r"(?:\w+\s+){0,2}?I\b",
        not_after=_DOUBTED,
    ),
    _rule(
        "mind-reading",
        r"\b(?:think|thinks|thought)\s+less\s+of\s+me\b|\blook\w*\s+down\s+on\s+me\b"
        r"|\bwondering\s+why\s+I\b",
    ),
    _rule("mind-reading", r"\bI (?:can|could) tell\s+(?:that\s+)?" + _OTHER_SUBJECT + r"\b"),
    _rule(
        "mind-reading",
        r"\b" + _OTHER_SUBJECT + r"\s+(?:doesn't|don't|didn't)\s+(?:really\s+)?(?:trust|like"
        r"|respect|want|rate|value|believe in)\s+me\b",
        not_after=_DOUBTED,
    ),
    _rule("mind-reading", r"\bbehind my back\b"),
    _rule("mind-reading", r"\blook at me and (?:see|think)\b"),
    # --- fortune-telling ---
    _rule("fortune-telling", r"\bI(?:'ll|\s+will)\s+(?:\w+\s+)?never\b(?!\s+forget)"),
    _rule(
        "fortune-telling",
        r"\b(?:I'm|I am|it's|it is|this is|that's|we're|they're|he's|she's)\s+never\s+going\s+to\b",
    ),
    _rule(
        "fortune-telling",
        r"\b(?:will|'ll)\s+never\s+(?:work|happen|succeed|change|get better|improve|hire|love"
        r"|want|trust|forgive|pay off|\w+ me)\b",
    ),
    _rule("fortune-telling", r"\bnever will\b"),
    _rule(
        "fortune-telling",
        r"\bI(?:'m|\s+am)\s+(?:going to|gonna|bound to|sure to|certain to|destined to)\s+"
        r"(?:\w+\s+)?(?:fail|mess|screw|blow|bomb|freeze|ruin|embarrass|make a fool|flop|choke"
        r"|get (?:fired|rejected|dumped|found out)|be (?:rejected|found out|dumped|laughed at"
        r"|humiliated|embarrassed))\w*\b",
    ),
    _rule("fortune-telling", r"\bbound to\b"),
    _rule(
        "fortune-telling",
        r"\b(?:will|'ll|is going to|'s going to|are going to|'re going to|gonna)\s+(?:\w+\s+)?"
        r"(?:go|end|turn out)\s+(?:(?:a|an|up|in)\s+)?(?:\w+\s+)?(?:badly|wrong|terribly|awfully"
        r"|horribly|pear-shaped|disaster|mess|failure|nightmare)\b",
    ),
    _rule(
        "fortune-telling",
        r"\b(?:will|'ll|is going to|'s going to|are going to|'re going to|gonna)\s+be\s+"
        r"(?:(?:a|an|so|really|very|completely|totally|utterly|such|a\s+complete|a\s+total)\s+)*"
        r"(?:awkward|awful|humiliating|embarrassing|flop|disaster|nightmare|mess|failure|bad"
        r"|terrible|horrible|dreadful|pointless|a waste)\b",
    ),
    _rule("fortune-telling", r"\bwill end (?:in|up)\s+(?:disaster|failure|tears|badly)\b"),
    _rule(
        "fortune-telling",
        r"\b(?:they|he|she|it|people|everyone|everybody|(?:my|the|our)\s+[\w-]+(?:\s+[\w-]+)?)"
        r"(?:'ll|\s+will|'s going to|\s+is going to|'re going to|\s+are going to)\s+"
        r"(?:\w+\s+)?(?:say no|reject|laugh|see (?:straight |right )?(?:it"
        r"|through)|find out|fire|sack|replace|hate|refuse|turn me down|leave me|dump|judge"
        r"|realise|realize|notice|get (?:bored|tired|sick|fed up))",
    ),
    _rule(
        "fortune-telling",
        r"\b(?:they|he|she|it|people|anyone|anybody|everyone|(?:my|the|our|this|that)\s+[\w-]+)\s+"
        r"(?:won't|will not|isn't going to|aren't going to|'s not going to|'re not going to)\s+"
        r"(?:\w+\s+)?(?:want|like|hire|pick|choose|forgive|respect|trust|approve|accept|care"
        r"|listen|understand|last|get better|take me seriously)\b",
    ),
    _rule("fortune-telling", r"\bI (?:just |already )?know I(?:'ll|\s+will|'m going to)\b"),
    _rule(
        "fortune-telling",
        r"\bI(?:'ll|\s+will)\s+(?:(?:probably|definitely|just|only|surely)\s+)?(?:get rejected"
        r"|be rejected|fail|mess|screw|freeze|blow|embarrass|make a fool|be found out"
        r"|be alone forever|end up alone|die alone)",
    ),
    _rule(
        "fortune-telling",
        r"\b(?:nobody|no one|no-one)(?:\s+will|'ll"
        r"|(?:\s+is|'s)\s+(?:ever\s+)?(?:going\s+to|gonna))\b",
    ),
    _rule("fortune-telling", r"\b(?:won't|will not|isn't going to)\s+work(?:\s+out)?\b"),
    _rule("fortune-telling", r"\bI don't think I(?:'ll|\s+will)\s+ever\b"),
    _rule(
        "fortune-telling",
        r"\bno way\s+(?:that\s+)?(?:they|he|she|it|we|anyone|anybody|people|(?:the|my|our)\s+\w+)"
        r"\s+(?:will|'ll|would|is going to|\w+s)\b",
    ),
    _rule(
        "fortune-telling",
        r"\bsomething\s+(?:bad|terrible|awful|horrible|dreadful)\s+(?:\w+\s+)?(?:is|'s)\s+"
        r"(?:\w+\s+)?(?:about|going)\s+to\s+happen\b|\bsomething\s+(?:bad|terrible|awful"
        r"|horrible|dreadful)\s+will\s+happen\b",
    ),
    # --- discounting-positive ---
    _rule(
        "discounting-positive",
        r"\b(?:just|only|pure|dumb|sheer|all|beginner's|blind)\s+luck\b",
    ),
    _rule(
        "discounting-positive",
        r"\b(?:got|was|were) (?:just |really |very )?lucky\b",
        unless=_GRATEFUL,
    ),
    _rule("discounting-positive", r"\bfluke\b"),
    _rule(
        "discounting-positive",
        r"\b(?:anyone|anybody) (?:could|would) (?:have|do|manage)\b",
    ),
    _rule(
        "discounting-positive",
        r"\b(?:was|is|were|'s)\s+(?:just\s+|only\s+|all\s+|pure\s+)?luck\b",
    ),
    _rule(
        "discounting-positive",
        r"\bbut\s+(?:they|he|she)\s+(?:don't|doesn't|didn't)\s+(?:really\s+)?know\s+"
        r"(?:me|the real me|what I'm like)\b",
    ),
    _rule(
        "discounting-positive",
        r"\b(?:doesn't|does not|didn't|did not|don't) (?:really\s+)?(?:count|mean anything"
        r"|mean much|prove anything|mean (?:I'm|I am|that I'm)\s+(?:any\s+)?(?:good|clever"
        r"|capable|talented|smart|competent))\b",
    ),
    _rule("discounting-positive", r"\b(?:just|only) being (?:nice|polite|kind)\b"),
    _rule("discounting-positive", r"\bnothing (?:special|to be proud of)\b"),
    _rule(
        "discounting-positive",
        r"\bnot (?:a|an) (?:real|proper) (?:achievement|accomplishment|success|win)\b",
    ),
    _rule("discounting-positive", r"\bI (?:just|only) did my job\b"),
    _rule(
        "discounting-positive",
        r"\b(?:only|just)\s+(?:\w+\s+){0,2}?(?:got|won|passed|hired|picked|chose|chosen"
        r"|promoted|praised|invited|offered|accepted|selected|did (?:well|ok|okay|fine)|succeeded"
        r"|managed|made it|scored|landed)\b[^.;]{0,40}?\bbecause\b",
    ),
    _rule("discounting-positive", r"\bsays? that to everyone\b"),
    _rule(
        "discounting-positive",
        r"\b(?:it was|that was|it's|that's|but)\s+(?:\w+\s+)?only because\b",
    ),
    _rule("discounting-positive", r"\b(?:they|he|she)\s+didn't (?:really\s+)?mean it\b"),
    _rule("discounting-positive", r"\bin the right place at the right time\b"),
    _rule(
        "discounting-positive",
        r"\b(?:review|praise|compliment|award|grade|mark|result|feedback|score|promotion|win|prize"
        r"|achievement|success|thanks)s?\s+(?:is|was|are|were|'s)\s+(?:\w+\s+)?(?:meaningless"
        r"|worthless|irrelevant|a fluke)\b",
    ),
    _rule(
        "discounting-positive",
        r"\bbut\s+(?:\w+\s+){1,3}?did\s+(?:all|most)\s+(?:of\s+)?the\s+(?:work|hard\s+part"
        r"|heavy\s+lifting)\b",
    ),
    # --- emotional-reasoning ---
    _rule(
        "emotional-reasoning",
        r"\bI feel (?:like )?(?:(?:a|an|so|such|really|completely|totally|utterly)\s+)*"
        r"(?:failure|fraud|idiot|stupid|useless|worthless|hopeless|loser|burden|impostor"
        r"|imposter|incompetent|inadequate|pathetic|disappointment|joke|mess|unlovable"
        r"|(?:" + _HARSH_ADJ + r")\s+[\w-]+|bad\s+" + _ROLE_WORDS + r")\b",
    ),
    _rule(
        "emotional-reasoning",
        r"\b(?:I|it)\s+feels?\b[^.;]{0,50}?(?:,\s*so\b|\bso\s+(?:I|it|that|this)\b"
        r"|\bwhich (?:means|proves)\b|\bthat (?:means|proves)\b|\btherefore\b"
        r"|\b(?:I|it|they|he|she|everyone|this|that|things|something)\s+must\b)",
    ),
    _rule(
        "emotional-reasoning",
        r"\bI(?:'m|\s+am)\s+(?:so\s+|really\s+|too\s+)?(?:scared|afraid|frightened|anxious"
        r"|nervous|overwhelmed|ashamed|guilty|embarrassed|worried|terrified|panicking"
        r"|miserable|insecure|stressed)\b[^.;]{0,40}?(?:\bwhich (?:means|proves)\b"
        r"|\bthat (?:means|proves)\b|\btherefore\b|\bso\s+(?:I|it|this|that|something|things"
        r"|everything)\s+(?:must|obviously|clearly|definitely)\b|\bso\s+(?:it|this|that)\s+"
        r"(?:is|'s)\b)",
    ),
    _rule("emotional-reasoning", r"\b(?:because|since|as) (?:I|it) feels?\b"),
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


def _clause_rest(text: str, end: int) -> str:
    """The text between ``end`` and the next clause boundary."""
    boundary = _CLAUSE_END.search(text, end)
    return text[end : boundary.start() if boundary else len(text)]


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
            if rule.not_before is not None and rule.not_before.search(_clause_rest(text, end)):
                continue
            if rule.requires is not None or rule.unless is not None:
                sentence = _sentence_around(text, start, end)
                if rule.requires is not None and not rule.requires.search(sentence):
                    continue
                if rule.unless is not None and rule.unless.search(sentence):
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
