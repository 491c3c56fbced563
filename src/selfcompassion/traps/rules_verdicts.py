"""Rules for labelling, should-statements and personalising."""

from __future__ import annotations

from .rule import Rule, rule
from .words import (
    AFTER_OTHERS_THINK,
    FEELING_EXPLAINED,
    HARSH_ADJ,
    I_AM,
    INTENSIFIERS,
    LABEL_WORDS,
    MUST,
    PAST_PARTICIPLE,
    RIGID_STANDARD,
    ROLE_WORDS,
    SENTENCE_START,
    SHOULD,
    SOMEONE_ELSE,
)

RULES: tuple[Rule, ...] = (
    # --- labelling ---
    rule(
        "labelling",
        I_AM
        + INTENSIFIERS
        + r"(?:"
        + LABEL_WORDS
        + r"|(?:an?\s+)?(?:even\s+)?(?:"
        + HARSH_ADJ
        + r"|worse)\s+[\w-]+|bad\s+"
        + ROLE_WORDS
        + r")\b(?!-)",
        negatable=True,
        not_after=AFTER_OTHERS_THINK,
    ),
    rule(
        "labelling",
        r"\bwhat\s+an?\s+(?:\w+\s+)?" + LABEL_WORDS + r"\s+I\s+am\b",
    ),
    # A whole person summed up as a failed thing: "a disaster of a human", "a joke of a nurse".
    rule(
        "labelling",
        r"\b(?:disaster|catastrophe|nightmare|joke|failure|mess|waste|wreck|shambles"
        r"|embarrassment|disgrace|car crash|train wreck)\s+of\s+an?\s+" + ROLE_WORDS + r"\b",
        negatable=True,
    ),
    rule(
        "labelling",
        I_AM + r"(?:just\s+|simply\s+|still\s+)?not\s+(?:good|smart|clever|strong)\s+enough\b",
        not_after=AFTER_OTHERS_THINK,
    ),
    # --- should-statements ---
    # The inner critic's rule in the second person, with the rigidity that makes it one: "you
    # must finish the plan exactly as written", "you have to stop being like this" (not "you
    # should drink more water on long rides", advice kept).
    rule(
        "should-statements",
        r"\byou\s+(?:should|must|have to|have got to|ought to|need to)\b"
        r"(?!\s+have\s+(?:done|said|made|been|had|gone)\b|\s+be\s+(?:exhausted|tired|proud)\b)"
        r"[^.!?]{0,60}?\b(?:everything|every single|exactly|be perfect|perfectly|by now|at your age"
        r"|without (?:complaining|fail)|or they|no excuses|no skipping|within the hour"
        r"|stop being)\b",
        negatable=True,
    ),
    rule(
        "should-statements",
        r"\bI\s+(?:really\s+|just\s+|honestly\s+|definitely\s+|clearly\s+|obviously\s+)?"
        + SHOULD
        + r"(?:'ve|\s+have)\s+(?:\w+ly\s+|just\s+|at least\s+)?"
        + PAST_PARTICIPLE
        + r"\b",
    ),
    rule(
        "should-statements",
        r"\bI\s+(?:really\s+|just\s+|honestly\s+|definitely\s+|clearly\s+|obviously\s+)?"
        + SHOULD
        + r"\s+(?:be|feel|know|never|always)\b"
        r"(?!\s+(?:home|there|back|at|in|on|ready|done|fine|okay|ok|able to make)\b)",
    ),
    rule(
        "should-statements",
        r"\bI\s+(?:shouldn't|should not|oughtn't to|ought not to)\s+(?:need|struggle|find|care"
        r"|mind|cry|complain|get (?:upset|angry|so|this|that)|have (?:to|needed)|make mistakes"
        r"|worry|take (?:so|this)|still|ask for help)\b",
    ),
    rule("should-statements", r"\bI\s+" + SHOULD + r"\b[^.;]{0,40}?\bby now\b"),
    rule(
        "should-statements",
        r"\bI(?:'m|\s+am)\s+(?:meant|supposed)\s+to\s+(?:have\s+(?:it\s+all|everything|my\s+life"
        r"|figured|got)|know)\b",
    ),
    rule("should-statements", r"\bI\s+(?:must|mustn't|must not)\s+(?:always|never|ever)\b"),
    rule(
        "should-statements",
        r"\bI\s+(?:must|mustn't|must not|can't|cannot|can never)\s+(?:ever\s+)?let\s+(?:anyone"
        r"|anybody|them|people|him|her|everyone)\s+(?:see|know)\b",
    ),
    rule(
        "should-statements",
        # (a word ending in -ing after "be" makes it a guess: "I must be doing more harm than
        # good")
        r"\bI\s*" + MUST + r"\s+be\s+(?:(?!\w+ing\b)\w+\s+)?" + RIGID_STANDARD + r"\b",
        negatable=True,
    ),
    rule(
        "should-statements",
        r"\bI\s*" + MUST + r"\s+(?:get|do|make|have|keep)\s+(?:\w+\s+){0,3}?"
        r"(?:perfect\w*|right the first time|flawless\w*|exactly right|everything right"
        r"|it all right|all of it right|without (?:a|any) mistakes?)\b",
        negatable=True,
    ),
    # A rule held with no way out: "I must answer every call within the hour, no exceptions".
    rule(
        "should-statements",
        r"\bI\s*" + MUST + r"\s+[^.;!?]{0,60}?\b(?:no exceptions|no matter what|at all costs"
        r"|whatever it takes|without exception)\b",
        negatable=True,
    ),
    rule(
        "should-statements",
        r"\b(?:a|any)\s+(?:good|real|proper|decent|competent|normal|grown)\s+[\w-]+\s+"
        r"(?:should|must|mustn't|ought to|would|wouldn't|never|always)\b",
    ),
    # "a decent student doesn't need to ask for extensions", "a good nurse has to cope"
    rule(
        "should-statements",
        r"\b(?:a|any)\s+(?:good|real|proper|decent|competent|normal|grown)\s+"
        + ROLE_WORDS
        + r"\s+(?:has to|needs to|doesn't need to|does not need to|is meant to|is supposed to"
        r"|shouldn't|can't|cannot)\b",
    ),
    # A need the writer is not allowed: "I'm not supposed to need a nap", "adults just push
    # through".
    rule(
        "should-statements",
        r"\b(?:I'm|I am|Im)\s+not\s+(?:supposed|meant)\s+to\s+(?:need|feel|cry|get tired"
        r"|struggle|ask for|find (?:it|this) hard|be (?:tired|sad|upset|scared|nervous|anxious"
        r"|struggling))\b"
        r"|\b(?:adults|grown-ups|grown ups|real (?:men|women|adults))\s+(?:just\s+)?(?:push through"
        r"|get on with it|cope|deal with it|suck it up|man up)\b",
    ),
    # What a whole kind of person must never do: "men don't cry", "mums never get tired".
    rule(
        "should-statements",
        r"\b(?:real\s+)?(?:men|boys|women|girls|adults|grown-ups|mums|moms|dads|parents)\s+"
        r"(?:don't|do not|never|shouldn't|mustn't)\s+(?:cry|complain|get tired|give up|ask for help"
        r"|need help|show weakness|moan|quit)\b",
    ),
    rule(
        "should-statements",
        r"\b(?:good|real|proper|decent|competent|normal|grown)\s+[\w-]+s\s+(?:don't|do not"
        r"|never|always|should|must|would never|wouldn't)\b",
    ),
    # A title denied and a harsh name put in its place: "nurse of the year, not. more like a
    # liability".
    rule(
        "labelling", r"(?:^|[.!?]\s*)(?:more like|more of) an?\s+(?:\w+\s+)?" + LABEL_WORDS + r"\b"
    ),
    # --- personalising ---
    rule(
        "personalising",
        r"\b(?:(?:all|entirely|totally|completely)\s+)?my (?:fault|doing)\b"
        r"|\b(?:all|entirely|totally|completely)\s+my failing\b",
        negatable=True,
    ),
    rule(
        "personalising",
        r"\bmy responsibility\b",
        negatable=True,
        requires=r"\b(?:wrong|fail\w*|mess\w*|problem\w*|broke\w*|mistake\w*|blame\w*)\b",
    ),
    rule("personalising", r"\b(?:because|cos|coz|cuz|cause) of me\b", negatable=True),
    # "they must have picked that up from me"
    rule(
        "personalising",
        r"\b(?:must have|must've|probably|obviously|clearly) (?:picked|learnt|learned|got|caught)"
        r" (?:that|it|this)(?: up)? from me\b",
    ),
    rule("personalising", I_AM + r"(?:the one\s+)?(?:to blame|the reason|responsible for)\b"),
    rule(
        "personalising",
        r"\b(?:failed|fell apart|went wrong|collapsed|broke down|lost)\s+because\s+I\b",
    ),
    rule(
        "personalising",
        r"\bbecause\s+I\b",
        # "partly because I signed off late": a share owned in proportion, not the whole
        not_after=r"^\s*(?:and\s+|so\s+)?I\b|\bI\s+(?:\w+\s+)?$"
        r"|\b(?:partly|partially|in part|also|some of it was)\s+$",
        # the writer's own feeling or ache put down to what they did ("feeling grumpy,
        # probably because I slept badly")
        unless=FEELING_EXPLAINED,
        requires=r"\b(?:fail\w*|sick|ill|upset|angry|sad|cry\w*|cried|lost|left|quit|broke\w*"
        r"|split|miserable|unhappy|hurt|went wrong|struggl\w*|suffer\w*|stress\w*|cancel\w*"
        r"|fell|dropped|died|flopped|missed|behind|worse|disappointed|badly|wrong|ruined|argu\w*"
        r"|fight\w*|fought|row\w*|divorc\w*|lonely)\b",
    ),
    rule("personalising", r"\bsomething I (?:did|said|didn't do)\b", negatable=True),
    rule(
        "personalising",
        r"\bI must have (?:upset|annoyed|hurt|offended|disappointed|let \w+ down|done something"
        r"|said something)\b",
        requires=SOMEONE_ELSE,
    ),
    rule("personalising", r"\bI (?:ruined|spoiled|spoilt|wrecked)\b"),
    rule("personalising", r"\bif (?:only )?I(?:'d| had)(?:n't)? been\b[^.;]{0,40}?\bwould"),
    rule(
        "personalising",
        r"\bif (?:only )?I(?:'d|\s+had)(?:n't|\s+not)?\s+(?:\w+\s+){1,5}?(?:\w+,\s*)?"
        r"(?:he|she|they|we|it|[A-Z]\w+|my\s+\w+|the\s+\w+|our\s+\w+)(?:'d|\s+would|\s+wouldn't"
        r"|\s+might)\b",
    ),
    # and "all on me" standing as a sentence of its own after what went wrong
    rule(
        "personalising",
        r"\b(?:it's|it is|that's|that is|it was) (?:all )?on me\b"
        r"|" + SENTENCE_START + r"all on me(?=\s*(?:[.!?,;:]|$))",
    ),
    rule("personalising", r"\b(?:(?:all|entirely|completely)\s+)?down to me\b", negatable=True),
    # --- labelling, more ---
    # A label concluded from a feeling: "I feel like such a loser, so I guess I am one".
    rule(
        "labelling",
        r"\bso\s+I\s+(?:guess|suppose|must|probably)\s+(?:I\s+)?(?:am|'m|be)\s+one\b"
        r"|\bso\s+I\s+must\s+be\s+one\b",
    ),
    # A label with no subject after "classic" or "typical": "classic scatterbrain".
    rule("labelling", r"\b(?:classic|typical)\s+(?:" + LABEL_WORDS + r")\b"),
    rule(
        "labelling",
        r"\b(?:I'm|I am|me,?|always)\s+the\s+weak(?:est)?\s+link\b",
    ),
    # "what a useless adult", "what a hopeless mother"
    rule(
        "labelling",
        r"\bwhat\s+(?:a|an)\s+(?:useless|pathetic|hopeless|terrible|awful|rubbish|lousy"
        r"|dreadful)\s+(?:" + ROLE_WORDS + r"|adult|grown-?up|human being)\b",
    ),
    # --- personalising, more ---
    # Someone's mood read as being about the writer: "boss sighed, pretty obviously about my
    # report".
    rule(
        "personalising",
        r"\b(?:sighed|frowned|was quiet|went quiet|was short|snapped|rolled (?:his|her|their)"
        r" eyes|left early|didn't smile|seemed (?:off|annoyed|upset|tense|cold))\b[^.;]{0,40}?"
        r"\b(?:obviously|clearly|definitely|must be|must have been|probably|surely)\s+(?:about"
        r"|because of|at|over|due to)\s+(?:me|my)\b",
    ),
    # "my parenting caused his struggles"
    rule(
        "personalising",
        r"\bmy\s+(?:\w+\s+)?(?:parenting|mistakes?|failures?|mood|behaviou?r|temper|absence"
        r"|nagging)\s+(?:caused|ruined|is why|are why)\b",
    ),
)
