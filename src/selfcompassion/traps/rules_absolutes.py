"""Rules for all-or-nothing thinking and overgeneralising."""

from __future__ import annotations

from .rule import Rule, rule
from .words import (
    A_SPELL_OF_TIME,
    ABOUT_A_THING,
    ABOUT_ME_GOING_WRONG,
    BAD_OUTCOME,
    NEVER_MANAGE,
    NOT_MY_ALWAYS,
    PLANNED_AROUND,
    PREDICTING,
)

RULES: tuple[Rule, ...] = (
    # One miss makes the whole a failure: "the one we missed makes it a failed year".
    rule(
        "all-or-nothing",
        r"\b(?:the|that|this) one (?:\w+ ){1,3}?(?:makes|made|means|meant) (?:it|the (?:\w+ )?\w+)"
        r" (?:was |is )?(?:a |an )?(?:fail\w*|write-?off|waste|disaster|mess|wasted|pointless"
        r"|worthless|ruined|rubbish)\b",
    ),
    # ... or "apart from one handover I fumbled, so really it went badly"
    rule(
        "all-or-nothing",
        r"\b(?:apart from|except for|except|but for) (?:\w+ing )?one\b[^.!?]{0,40}?\b(?:so|which"
        r" (?:makes|made|means))\b[^.!?]{0,20}?\b(?:went badly|(?:was |is |an? )(?:disaster|mess"
        r"|failure|write-?off|waste)|was rubbish|failed|was ruined|counts for nothing)\b",
    ),
    # Two boxes, the second a walking away: "either I nail it or I might as well quit".
    rule(
        "all-or-nothing",
        r"\beither I\b[^.!?]{0,50}?\bor I (?:might as well|may as well|should just|'ll just)"
        r" (?:quit|give up|resign|hand in|pack it in|leave|stop)\b",
    ),
    # Nothing done without the bad part: "we can't talk about anything without fighting".
    rule(
        "overgeneralising",
        r"\b(?:we|I)\s+(?:can't|cannot|can not)\s+(?:\w+\s+){1,3}?(?:anything|anywhere|at all"
        r"|ever)\s+without\s+\w+ing\b",
    ),
    # --- all-or-nothing ---
    # "Today was a total failure": an event judged all or nothing. Said bare at the start of
    # a clause ("Total failure.", "missed the run, total failure me"), it sums up the writer:
    # labelling, found by the label rules. "Total waste of an evening" names its event.
    rule(
        "all-or-nothing",
        r"\b(?:complete|total|utter|absolute)\s+(?:failure|waste|write-?off|flop|bust|washout)\b",
        negatable=True,
        not_after=ABOUT_A_THING + r"|^\s*$",
        not_before=r"^\s+of\s+" + A_SPELL_OF_TIME,
    ),
    rule(
        "all-or-nothing",
        r"\b(?:complete|total|utter|absolute)\s+(?:failure|waste|write-?off|flop|bust|washout)"
        r"\s+(?:of|with|at|in)\s+(?!me\b|myself\b)",
        negatable=True,
        not_after=ABOUT_A_THING,
        not_before=r"^\s*" + A_SPELL_OF_TIME,
    ),
    rule(
        "all-or-nothing",
        r"\b(?:completely|totally|utterly|entirely)\s+"
        r"(?:ruined|failed|wasted|pointless|worthless|useless|spoil\w*|blown)\b",
        negatable=True,
        not_after=ABOUT_A_THING,
    ),
    rule(
        "all-or-nothing",
        r"\b(?:failed|ruined|wasted|blew|blown|spoil\w*)\b(?:\s+\w+(?:'\w+)?){0,3}?\s+"
        r"(?:completely|totally|entirely|utterly)\b",
    ),
    rule(
        "all-or-nothing",
        r"\b(?:whole|entire)\b[^.;]{0,40}?\b(?:worthless|pointless|waste|wasted|ruined"
        r"|for nothing|write-?off|bust|flop|failure|spoil\w*|garbage|rubbish|down the drain"
        r"|blown)\b",
        # a trap caught before it landed: "was about to write the whole day off"
        not_after=r"\b(?:was|were)\s+about\s+to\s+(?:\w+\s+){0,2}$|\b(?:almost|nearly)\s+"
        r"(?:\w+\s+){0,2}$",
    ),
    rule(
        "all-or-nothing",
        r"\beither\b[^.;]{0,60}?\bor\b[^.;]{0,40}?"
        r"\b(?:useless|pointless|worthless|nothing|failure|failed|waste|wasted|don't bother"
        r"|at all)\b",
    ),
    rule(
        "all-or-nothing",
        r"\b(?:perfect|the best|perfectly|flawless\w*|brilliant\w*|properly|top)\b[^.;]{0,40}?"
        r"\b(?:failure|I'm nothing|nothing|worthless|no point|pointless|useless|garbage|rubbish"
        r"|ruined|spoil\w*|waste|wasted)\b",
        requires=r"\b(?:if|unless|or|either|otherwise)\b",
    ),
    rule("all-or-nothing", r"\bno point\b[^.;]{0,30}?\bat all\b"),
    # (with a verdict in the sentence: "anything less than a week's notice makes the rota
    # hard" is a fact about notice)
    rule(
        "all-or-nothing",
        r"\banything (?:less|short) (?:than|of)\b",
        requires=r"\b(?:fail\w*|pointless|useless|worthless|wast\w*|not good enough|disappoint\w*"
        r"|unacceptable|nothing|no point|perfect\w*|flawless|the best|top|first|full marks|100"
        r"|straight|an? [a-e][+*]?|embarrass\w*|shame\w*|let\w* (?:\w+ )?down|los\w+|nobody"
        r"|worth\w*|matters?|counts?|good enough|acceptable|ok|okay|fine)\b",
    ),
    rule("all-or-nothing", r"\bas good as (?:failing|failure|nothing|useless|losing)\b"),
    rule(
        "all-or-nothing",
        r"\bunless\b[^.;,]{0,30}?\b(?:perfect\w*|the best|first|top|every|all|flawless\w*"
        r"|100%)",
    ),
    rule(
        "all-or-nothing",
        r"\b(?:if|since|because|as)\b[^.;,]{0,20}?(?:\bnot\b|n't\b)[^.;,]{0,20}?\b(?:perfect\w*"
        r"|the best|first|top|number one|flawless\w*|brilliant\w*|spotless|immaculate|full marks"
        r"|top marks|100%)",
        requires=r"\b(?:failure|fail\w*|nothing|worthless|pointless|point|useless|garbage|rubbish"
        r"|ruined|spoil\w*|waste\w*|last|lose|loser)\b",
    ),
    rule("all-or-nothing", r"\b(?:nothing|no)\s+in[\s-]+between\b|\bno middle ground\b"),
    rule("all-or-nothing", r"\b(?:wasted|ruined|blown)\s+the\s+(?:whole|entire)\b"),
    rule("all-or-nothing", r"\bnothing I (?:do|say|try|make)\b"),
    rule("all-or-nothing", r"\bI've\s+(?:achieved|done|got)\s+nothing\b"),
    rule(
        "all-or-nothing",
        r"\ball\s+(?:of\s+)?(?:the|my|that|this)\s+(?:\w+(?:'\w+)?\s+){0,6}?(?:is|was|has been"
        r"|'s|are|were)\s+(?:\w+\s+)?(?:wasted|gone|pointless|for nothing|undone|down the drain"
        r"|worthless|ruined)\b",
    ),
    rule(
        "all-or-nothing",
        r"\b(?:one|a single|a tiny|one little|two|once)\b[^.;]{0,40}?"
        r"\b(?:is|was|'s|are|were|has been|have been)\s+(?:\w+\s+)?(?:ruined|wasted|worthless"
        r"|pointless|gone|a write-?off|a bust|a failure|spoil\w*|for nothing|down the drain"
        r"|undone)\b",
    ),
    # --- overgeneralising ---
    rule(
        "overgeneralising",
        r"\b(?:always|constantly|invariably)\b(?:\s+\w+(?:'\w+)?){0,3}?\s+" + BAD_OUTCOME + r"\b",
        not_after=NOT_MY_ALWAYS,
        unless=PLANNED_AROUND,
    ),
    rule(
        "overgeneralising",
        r"\bnever\b(?!\s+(?:going\s+to|gonna)\b)(?:\s+\w+(?:'\w+)?){0,3}?\s+" + NEVER_MANAGE + r"\b"
        # (one thing not done is a fact, not a pattern: "never learned to swim", "never
        # finished my degree"; "i never finish anything" still generalises)
        r"(?!(?<=ed|nt)\s+(?:to\s+(?!\w+\s+(?:anything|a\s+thing))\w+|(?:my|the|an?)\s+"
        r"(?!single\b|thing\b)\w+|school|college|uni\w*|high\s+school)\b)",
        not_after=PREDICTING,
    ),
    rule("overgeneralising", r"\b(?:it|this|that|things)\s+never\s+(?:does|do|works?|goes)\b"),
    rule(
        "overgeneralising",
        r"\b(?:nothing|nobody|no one|no-one)\b(?!(?:'s|\s+is)?\s+ever\s+(?:going\s+to|gonna)\b"
        r"|(?:'ll|\s+will)\s+ever\b)[^.,;]{0,30}?\bever\b",
    ),
    rule(
        "overgeneralising",
        r"\b(?:every\s+(?:single\s+)?[\w-]+|whenever)\s+I\b",
        requires=ABOUT_ME_GOING_WRONG,
        unless=PLANNED_AROUND,
    ),
    rule(
        "overgeneralising",
        r"\bevery\s+(?:single\s+)?(?:time|relationship|job|friendship|project|attempt|interview"
        r"|date|day|week|month|year|morning|meeting)\b",
        requires=ABOUT_ME_GOING_WRONG,
        unless=PLANNED_AROUND,
    ),
    rule(
        "overgeneralising",
        r"\b(?:blow|blew|waste|wasted|ruin|ruined|miss|missed|mess\w* up|screw\w* up)\w*\s+"
        r"every\s+(?:single\s+)?(?:opportunity|chance|time)\b",
    ),
    rule(
        "overgeneralising",
        r"\b(?:bad|hopeless|useless|terrible|rubbish|late|fail\w*)\s+(?:at|for|in)\s+everything\b",
    ),
    rule("overgeneralising", r"\bover and over\b"),
    rule(
        "overgeneralising",
        r"\b(?:mess|messes|messing|screw|screws|screwing|ruin|ruins|ruining|muck|mucks|mucking)"
        r"\s+(?:up\s+)?everything\b",
    ),
    rule(
        "overgeneralising",
        r"\b(?:can't|cannot|can never|never|couldn't)\s+(?:seem\s+to\s+|even\s+|ever\s+)?"
        r"(?:do|get|say|make)\s+(?:anything|a\s+single\s+thing|one\s+thing|a\s+thing)\s+"
        r"(?:\w+\s+)?right\b",
    ),
    rule("overgeneralising", r"\b(?:do|get|say)\s+nothing\s+right\b"),
    rule("overgeneralising", r"\bno matter what I\b"),
    rule("overgeneralising", r"\b(?:it's|it is|I'm|I am)\s+never\s+(?:good\s+)?enough\b"),
    rule(
        "overgeneralising",
        r"\beverything I (?:do|touch|try|say|make)\s+(?:\w+\s+)?(?:fails|goes wrong|is wrong"
        r"|turns|falls apart|is rubbish|ends)\b",
    ),
    rule(
        "overgeneralising",
        r"\b(?:nobody|no one|no-one)\b[^.,;]{0,20}?\b(?:respects|likes|listens|cares|wants"
        r"|understands|trusts|values)\s+me\b",
    ),
    # --- all-or-nothing, more ---
    # Short of the whole, no point at all: "every answer right or there's no point".
    rule(
        "all-or-nothing",
        r"\b(?:or|otherwise|or else)\s+(?:there's|there is|it's|it is|what's)\s+(?:no|the)\s+"
        r"point\b",
    ),
    # "anything less is failing", "anything short of a first means I've wasted it"
    rule(
        "all-or-nothing",
        r"\banything\s+(?:less|short|under|below)\b[^.;,]{0,25}?\b(?:is|means|=|counts as"
        r"|feels like)\s+(?:a\s+)?(?:fail\w*|pointless|not good enough|waste\w*|losing"
        r"|worthless|useless|unacceptable)\b",
    ),
    # Not perfect, so all of it goes: "morale isn't perfect, so the whole department is
    # falling apart" ("not perfect, so I'll keep practising" is no trap).
    rule(
        "all-or-nothing",
        r"\b(?:isn't|wasn't|aren't|weren't|not|never)\s+(?:\w+\s+)?(?:perfect|flawless|spotless)"
        r"\b,?\s+so\s+(?:\w+\s+){0,2}?(?:the whole|whole|everything|nothing|all of it|entire)\b",
    ),
    # One slip, so the whole: "one glitch, so it was a total catastrophe", "one fight so
    # nothing about us works".
    rule(
        "all-or-nothing",
        r"\b(?:had|made|got|was|there was)\s+(?:just\s+|only\s+)?one\s+(?:\w+\s+)?(?:glitch"
        r"|mistake|typo|error|slip|fight|argument|hiccup|flaw|bad\s+\w+|wrong\s+\w+)\b[^.;]{0,25}?"
        r"\bso\b[^.;]{0,25}?\b(?:total|whole|entire|complete|utter|nothing|everything)\b",
    ),
    # --- overgeneralising, more ---
    # Everyone of a kind, from one: "they all do", "all men are exactly like him".
    rule(
        "overgeneralising",
        r"\b(?:they|men|women|people|guys|girls|bosses|landlords|exes|managers)\s+all\s+do\b"
        r"|\b(?:like|as)\s+they\s+all\s+(?:do|did|will)\b|\ball\s+(?:men|women|people|guys|girls"
        r"|bosses|managers|landlords|exes|doctors|teachers)\s+are\s+(?:exactly\s+|just\s+)?"
        r"(?:like|the same|alike)\b",
    ),
    # One flop joined to all the others: "flopped, just like all my baking does".
    rule(
        "overgeneralising",
        r"\blike\s+(?:all|every)\s+(?:of\s+)?(?:my|the other)\s+(?:\w+\s+)?\w+\s+(?:does|do|did"
        r"|has|have)\b",
    ),
)
