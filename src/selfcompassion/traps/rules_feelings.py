"""Rules for discounting the positive and emotional reasoning."""

from __future__ import annotations

from .rule import Rule, rule
from .words import AT_A_PLACE, GRATEFUL, HARSH_ADJ, ROLE_WORDS

RULES: tuple[Rule, ...] = (
    # What someone secretly wants, claimed: "I know she wishes it was my brother".
    rule(
        "mind-reading",
        r"\bI (?:just |still )?know (?:she|he|they|everyone|my \w+) (?:secretly )?(?:wish\w*"
        r"|would rather|prefers?|resents?)\b",
    ),
    # --- discounting-positive ---
    rule(
        "discounting-positive",
        r"\b(?:just|only|pure|dumb|sheer|all|beginner'?s|blind)\s+luck\b",
    ),
    rule(
        "discounting-positive",
        r"\b(?:got|was|were) (?:just |really |very )?lucky\b",
        unless=GRATEFUL,
    ),
    rule("discounting-positive", r"\bfluke\b", negatable=True),
    rule(
        "discounting-positive",
        # also with where they are: "anybody on the team would have"
        r"\b(?:anyone|anybody)" + AT_A_PLACE + r" (?:could|would) (?:have|do|manage)\b",
        unless=GRATEFUL,
    ),
    rule(
        "discounting-positive",
        r"\b(?:was|is|were|'s)\s+(?:just\s+|only\s+|all\s+|pure\s+)?luck\b",
    ),
    rule(
        "discounting-positive",
        r"\bbut\s+(?:they|he|she)\s+(?:don't|doesn't|didn't)\s+(?:really\s+)?know\s+"
        r"(?:me|the real me|what I'm like)\b",
    ),
    rule(
        "discounting-positive",
        r"\b(?:doesn't|does not|didn't|did not|don't) (?:really\s+)?(?:count|mean anything"
        r"|mean much|prove anything|mean (?:I'm|I am|that I'm)\s+(?:any\s+)?(?:good|clever"
        r"|capable|talented|smart|competent))\b",
    ),
    rule(
        "discounting-positive",
        r"\b(?:just|only) being (?:nice|polite|kind|encouraging|supportive|generous|diplomatic)\b"
        # the reason given for it: "they only clapped to be polite", "mere politeness"
        r"|\b(?:just|only)\s+(?:\w+\s+){1,2}?to be (?:nice|polite|kind|encouraging)\b"
        r"|\b(?:mere|just|only|simple) (?:politeness|pity|kindness|charity)\b"
        r"|\bmixed me up with (?:someone|somebody) else\b"
        r"|\b(?:which|that's what|that is what)\s+(?:people|everyone|they|you|folk)\s+(?:do|does"
        r"|say|says)\s+to be (?:polite|nice|kind)\b",
    ),
    rule("discounting-positive", r"\bnothing (?:special|to be proud of)\b"),
    # "I fixed the bug in an hour but it was a dumb bug anyway"
    rule(
        "discounting-positive",
        r"\bbut (?:it|that|they|she|he) (?:was|were|is) (?:just |only )?(?:a |an )?(?:dumb|easy"
        r"|simple|small|tiny|stupid|silly|basic|rubbish|pathetic) \w+ anyway\b",
    ),
    rule(
        "discounting-positive",
        r"\b(?:this|the|my|that|one)\s+(?:\w+\s+)?(?:promotion|award|prize|win|grade|mark|result"
        r"|praise|compliment|review|offer|pass|score|raise|bonus|feedback)\s+(?:proves|means"
        r"|shows)\s+nothing\b",
    ),
    rule(
        "discounting-positive",
        r"\bnot (?:a|an) (?:real|proper) (?:achievement|accomplishment|success|win)\b",
    ),
    rule("discounting-positive", r"\bI (?:just|only) did my job\b"),
    rule(
        "discounting-positive",
        r"\b(?:only|just)\s+(?:\w+\s+){0,2}?(?:got|won|passed|hired|picked|chose|chosen"
        r"|promoted|praised|invited|offered|accepted|selected|did (?:well|ok|okay|fine)|succeeded"
        r"|managed|made it|scored|landed|liked|loved|rated|approved|enjoyed|complimented"
        r"|thanked|agreed)\b[^.;]{0,40}?\bbecause\b",
        # what others are guessed to think of it is mind-reading: "they all think I only got
        # the part because I know the director"
        not_after=r"\b(?:think|thinks|thought|believe|believes|reckon|reckons|assume|assumes)\s+"
        r"(?:that\s+)?I\s+$",
    ),
    rule("discounting-positive", r"\bsays? that to everyone\b"),
    rule(
        "discounting-positive",
        r"\b(?:it was|that was|it's|that's|but)\s+(?:\w+\s+)?only because\b",
    ),
    rule("discounting-positive", r"\b(?:they|he|she)\s+didn't (?:really\s+)?mean it\b"),
    rule("discounting-positive", r"\bin the right place at the right time\b"),
    rule(
        "discounting-positive",
        r"\b(?:review|praise|compliment|award|grade|mark|result|feedback|score|promotion|win|prize"
        r"|achievement|success|thanks)s?\s+(?:is|was|are|were|'s)\s+(?:\w+\s+)?(?:meaningless"
        r"|worthless|irrelevant|a fluke)\b",
    ),
    rule(
        "discounting-positive",
        r"\bbut\s+(?:\w+\s+){1,3}?did\s+(?:all|most)\s+(?:of\s+)?the\s+(?:work|hard\s+part"
        r"|heavy\s+lifting)\b",
    ),
    # --- emotional-reasoning ---
    rule(
        "emotional-reasoning",
        r"\bI feel (?:like )?(?:(?:a|an|so|such|really|completely|totally|utterly)\s+)*"
        r"(?:failure|fraud|idiot|stupid|useless|worthless|hopeless|loser|burden|impostor"
        r"|imposter|incompetent|inadequate|pathetic|disappointment|joke|mess|unlovable"
        r"|(?:" + HARSH_ADJ + r")\s+[\w-]+|bad\s+" + ROLE_WORDS + r")\b",
    ),
    rule(
        "emotional-reasoning",
        # (also without "I" where a sentence starts: "feel like nobody likes me, so")
        r"(?:\b(?:I|it)\s+feels?|^\s*feel(?:ing)?|(?<=[.!?] )feel(?:ing)?)\b[^.;]{0,50}?"
        r"(?:,\s*so\b|\bso\s+(?:I|it|that|this)\b"
        r"|\bwhich (?:kind of |sort of |pretty much |basically )?(?:means|proves|settles it)\b"
        r"|\bthat (?:means|proves|settles it)\b|\btherefore\b"
        r"|\b(?:I|it|they|he|she|everyone|this|that|things|something)\s+must\b)",
        # "I feel tired, so I went to bed": a feeling acted on, not taken as proof.
        # (or doing something about it: "so I'm making soup")
        not_before=r"^\s*(?:I\s*)?(?:(?:am|'m)\s+(?:just\s+)?\w+ing\b|(?:(?:am|'m)\s+)?(?:just\s+)?"
        r"(?:went|go|going|will|'ll|took|take|called|left"
        r"|stayed|had|made|did|asked|rested|slept|decided|booked|cancelled|skipped|turned|put"
        r"|got|texted|rang|told|talked|sat|walked|ate|drank|lay|napped)\b)",
    ),
    rule(
        "emotional-reasoning",
        r"\bI(?:'m|\s+am)\s+(?:so\s+|really\s+|too\s+)?(?:scared|afraid|frightened|anxious"
        r"|nervous|overwhelmed|ashamed|guilty|embarrassed|worried|terrified|panicking"
        r"|miserable|insecure|stressed)\b[^.;]{0,40}?(?:\bwhich (?:means|proves)\b"
        r"|\bthat (?:means|proves)\b|\btherefore\b|\bso\s+(?:I|it|this|that|something|things"
        r"|everything)\s+(?:must|obviously|clearly|definitely)\b|\bso\s+(?:it|this|that)\s+"
        r"(?:is|'s)\b)",
    ),
    rule("emotional-reasoning", r"\b(?:because|since|as) (?:I|it) feels?\b"),
    # The feeling called as a witness: "feelings don't lie", "that fear tells me it'll go badly".
    rule(
        "emotional-reasoning",
        r"\b(?:feelings?|emotions?|gut|instincts?)\s+(?:don't|dont|doesn't|doesnt|do\s+not|does\s+not"
        r"|never)"
        r"\s+lie\b|\b(?:the|that|this|my)\s+(?:fear|feeling|dread|gut|anxiety|nerves|panic|guilt"
        r"|shame)\s+(?:is\s+|are\s+)?(?:tells?|telling|told)\s+me\b",
    ),
    # A feeling, or how things seem, named as the proof in other words: "lonely tonight, which
    # proves nobody cares", "the guilt is proof enough that I'm a bad friend".
    rule(
        "emotional-reasoning",
        r"\b(?:feel\w*|felt|lonel\w*|guilt\w*|dread\w*|fear\w*|scared|anxi\w+|asham\w+|shame"
        r"|panick?\w*|sadness|hopeless\w*|embarrass\w+|seems?|jealous\w*|nervous\w*|insecur\w+"
        r"|miserable)\b[^.;!?]{0,50}?(?:\bwhich\s+(?:just\s+|only\s+|kind of\s+)?(?:proves"
        r"|tells me|shows me|is proof)\b|\b(?:is|are|'s)\s+(?:all\s+the\s+)?proof\b)",
    ),
    # A good thing that does not feel so, therefore is not: "it doesn't feel earned, so it
    # wasn't".
    rule(
        "emotional-reasoning",
        r"\b(?:doesn't|does not|didn't|did not|don't|do not)\s+feel\s+(?:\w+\s+)?\w+,?\s+so\s+"
        r"(?:it|I|they|that|this|he|she)\s+(?:wasn't|isn't|am not|'m not|aren't|weren't"
        r"|can't be|must not|mustn't|probably (?:isn't|wasn't))\b",
    ),
    # --- discounting-positive, more ---
    # Praise put down to the one who gave it being wrong: "the review missed something".
    rule(
        "discounting-positive",
        r"\b(?:review|praise|feedback|compliments?|grade|mark|score|result|award|reviewers?"
        r"|appraisal)s?\s+(?:must\s+have\s+|must've\s+|clearly\s+|obviously\s+|probably\s+)?"
        r"(?:missed something|got it wrong|got me wrong|was wrong|were wrong|is wrong|are wrong"
        r"|was mistaken|were mistaken|was too generous|were too generous|was too kind)\b",
    ),
    # A good result with the writer's part taken out at the end: "..., nothing I did."
    rule("discounting-positive", r",\s*nothing\s+(?:to do with\s+)?(?:I|me)\s+did\s*(?=[.!?;]|$)"),
)
