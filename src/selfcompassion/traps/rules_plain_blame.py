"""Pattern-type rules on the plain form for personalising: the writer taking the blame.

Like ``rules_plain_self``, these read the text as ``language.normalize`` gives it. Each names
a shape: a cause put down to the writer ("it's def bc of me", "the share price fell because
of my announcement"), the writer as the one who caused it ("something I'm doing"), and words
meant for a whole room taken as aimed at the writer.
"""

from __future__ import annotations

from .rule import Rule, rule
from .words import FEELING_EXPLAINED
from .words_plain import SURE

RULES: tuple[Rule, ...] = (
    rule(
        "personalising",
        r"\b(?:it is|it was|that is|that was|is|was|all|"
        + SURE
        + r"|surely|must be|has to be|just)"
        r" (?:all |just |probably |obviously )?(?:because|bc|cause|due to) (?:of )?(?:me|my|i"
        r"|all the \w+ i|something i)\b"
        # a loss put down to the writer: "the share price fell because of my announcement"
        r"|\b(?:fell|dropped|failed|crashed|tanked|flopped|collapsed|went wrong|broke up"
        r"|fell apart|lost|quit) (?:\w+ ){0,2}?because of (?:me|my)\b",
        negatable=True,
        # the reason given by someone who knows: "coach explained i was dropped because of my
        # hamstring"; the writer's own feeling put down to what they did ("feeling irritable,
        # probably because i skipped lunch")
        unless=r"\b(?:explained|showed me|told me)\b|" + FEELING_EXPLAINED,
    ),
    rule(
        "personalising",
        # not credit taken back from the critic: "but I did it", "that matters, and I did that"
        r"\b(?:(?<!\bbut )(?<!\band )i (?:did|caused) (?:this|it|that)"
        r"|i (?:somehow |must have |probably )?caused (?:it|this|that|the)|something i am doing"
        r"|i am (?:obviously |probably |clearly )?doing"
        r" something|it is my (?:work|fault|doing|presence|mood|personality|behaviour|parenting)"
        r" that|i am the one who (?:ruined|caused|broke|messed|let|made)"
        r"|because of (?:all )?(?:the \w+ )?i caused"
        r"|(?:must|has to) be (?:me|(?:all )?my fault|(?:about|aimed at|directed at|over)"
        r" (?:me|my))|(?:it is|its) (?:" + SURE + r")"
        r" (?:about|over) me|(?:it is|its) me,? is not it)\b",
        negatable=True,
    ),
    # Someone's mood blamed on the writer before anything is known: "your friend looks upset.
    # what did you do this time?"
    rule("personalising", r"\bwhat did (?:i|you) do this time\b(?! (?:last|next|of|on|in)\b)"),
    # Someone else's words taken as meant for the writer: "the coach yelled at the whole
    # team, but it was really aimed at me" (a mood "has to be about my report" is above).
    rule(
        "personalising",
        r"\b(?:it|that|this|which|all of it) (?:was|is|were|has to be|must be|must have been)"
        r" (?:really |actually |obviously |clearly |definitely |secretly |totally |all |just )?"
        r"(?:aimed|directed|meant|pointed) at me\b",
        negatable=True,
    ),
)
