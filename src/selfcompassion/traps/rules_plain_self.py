"""Pattern-type rules on the plain form: verdicts on the writer (and on others).

These read the text as ``language.normalize`` gives it (lowercase, "im" and "I'm" both "i am",
"dont" as "do not"), with misspelt key words corrected, so each rule states a shape once:
a subject and a harsh verdict, a frequency word with something going wrong, a rule for how
people must be. Labels follow the shared labelled data: labelling someone else ("he's a
selfish jerk") and rigid rules for others ("people should reply within the hour") count too.
"""

from __future__ import annotations

from .rule import Rule, rule
from .words import (
    AFTER_OTHERS_THINK,
    PLANNED_AROUND,
    PREDICTING,
    SENTENCE_START,
    THING,
)
from .words_plain import BAD, BOOSTER, ERRAND, EVERY_TIME, LABEL_ADJ, LABEL_NOUN, PEOPLE, ROLE

# A harsh noun for a person, not for a state of things ("what kind of mess is this").
_HARSH_NAME = r"(?!(?:mess|wreck|joke|nothing|waste|nobody)\b)" + LABEL_NOUN
# A harsh verdict after "i am" (or "you are"): a label noun, a label adjective, or a harsh
# adjective pinned on a role ("a terrible friend").
_VERDICT = (
    BOOSTER
    + r"(?:"
    + LABEL_NOUN
    + r"|"
    + LABEL_ADJ
    + r"(?:\s+"
    + ROLE
    + r")?)\b(?!\s+(?:at|of|for|about|with|to|that|when|if|because|news|idea|day|week|thing"
    r"|romantic)\b)"
)
PERSON_NOUN = (
    r"(?:idiot|loser|fraud|moron|jerk|leech|clown|liar|coward|hypocrite|bully|creep|monster|pig"
    r"|snob|brat|parasite|muppet|prat|numpty|fool|imbecile|waste of space)"
)
_GROUPS = (
    r"(?:team|street|ward|office|family|class|batch|place|school|company|department|group|world"
    r"|town|village|staff|crew|squad|year|cohort|internet|industry)"
)
_GROUP_SWEEP = (
    r"\b(?:whole|entire) (?:\w+ )?" + _GROUPS + r"(?: is| are)? (?:hates?|has it in for|is against"
    r"|despises?|laughs? at|laughing at|ignores?|ignoring|is like this|like this|disrespectful"
    r"|can not stand)\b"
    r"|\b(?:everybody|everyone)(?:s| is| are) (?:ignoring|avoiding|abandoning|giving up on|sick of"
    r"|fed up with|tired of) me\b"
    r"|\bnone of (?:my|the|them|these)\b[^.!?,]{0,25}?\b(?:care|cares|like|likes|want|wants"
    r"|bother|listen|listens|respect|rate)\b"
    r"|\b(?:no one|nobody|noone) (?:ever )?wants to \w+(?: \w+){0,3}? (?:me|with me|for me)\b"
    r"|\b(?:one|a single|once)\b[^.!?]{0,50}?\b(?:so|and|now)(?: (?:clearly|obviously|apparently"
    r"|it is obvious|its obvious|basically))? (?:(?:my|the|all) )?(?:\w+ )?\w+s (?:all |across the"
    r" board )?(?:hate|do not|never|can not|have it in for|are all|are crooks|are liars|are snakes"
    r"|are the same)\b"
)
_LIFE_PATTERN = (
    r"\b(?:story of my life|(?:it is|its) a pattern|classic me"
    r"|(?:that is|thats|it is|its|this is) just how (?:\w+ ){0,3}?goes? for me|how it always goes"
    r"|same wherever (?:i|we) go|(?:for|against) people like me"
    r"|the lot of them)\b"
)
# Someone else's verdict ("they decided I'm useless") is mind-reading, not the writer's label.
_SOMEONE_DECIDED = (
    r"\b(?!i\b)\w+\s+(?:\w+\s+){0,2}?(?:decided|thinks?|thought|believes?|knows?|assumes?|assumed"
    r"|sees|saw|said|says|told \w+|reckons?|is sure|is convinced|has decided|think|meant|means"
    r"|implied|implies)\s+(?:that\s+)?$"
)
# "Every" or "always" as what a rule or a condition asks ("i must answer every single
# message", "unless every single guest is happy"): a standard, not a pattern seen in events.
_UNDER_A_RULE = (
    r"\b(?:must|should|have to|has to|need to|needs to|supposed to|ought to|unless|until"
    r"|(?:a|any) (?:good|real|proper|decent) [\w-]+ would|(?:good|real|proper|decent) [\w-]+s)\s+"
    r"(?:(?!that\b|i\b)\w+\s+){0,3}$"
)
_EXTREME = (
    r"(?:perfect\w*|flawless\w*|complete\w*|total\w*|wrong|broken|failure|fail\w*|nothing"
    r"|useless|brilliant|at all|whole|everything|worthless|pointless|no in between)"
)

RULES: tuple[Rule, ...] = (
    # --- labelling ---
    rule(
        "labelling",
        r"\b(?:i am|i have become|i am becoming|i am turning into|i have turned into|you are"
        r"|i was|i will always be|i will never be anything but|makes me|made me)\s+" + _VERDICT,
        negatable=True,
        not_after=AFTER_OTHERS_THINK + r"|\b(?:not|never)\s+$|" + _SOMEONE_DECIDED,
    ),
    rule(
        "labelling",
        SENTENCE_START
        + r"(?:and |so |just |god |honestly |ugh |seriously )?(?:what an? |such an? |an? |you "
        r"|you are an? |you absolute |you complete |you total |absolute |total |complete |utter "
        r"|bloody |complete and utter |lazy |greedy |stupid |useless |talentless |heartless )*"
        + r"(?:"
        + PERSON_NOUN
        + r"|useless|pathetic|hopeless|worthless|stupid|idiot|loser|failure|fraud|clown|hack"
        r"|amateur|coward|disgrace|embarrassing|incompetent|a mess|what a mess of a person|quitter"
        r"|sod|muppet|numpty|prat|plonker|moaner|whinger|dunce|eejit|moron|imbecile|fool|klutz"
        r"|doofus|halfwit|nitwit|twit|pillock|wally|plank|wazzock|dipstick|numbskull"
        r"|scatterbrain|airhead|brainless|dimwit|bonehead|knucklehead|plodder"
        r"|freeloader|has-?been|no-?hoper|waste of space|basket case|walking disaster)"
        r"(?=\s*(?:[.!?,;:\n]|$|with|at|who|that|calling|for))",
        negatable=True,
    ),
    # A harsh word owned as the whole of oneself: "lazy, that's what I am", "a fraud, that's
    # all I am", "nervous wreck, that's me".
    rule(
        "labelling",
        r"\b(?:an? )?(?:"
        + LABEL_ADJ
        + "|"
        + LABEL_NOUN
        + r"),\s*(?:that is|thats)\s+(?:(?:what|all|who)\s+i\s+am\b|me(?=\s*(?:[.!?]|$)))",
        # (a trait owned with what it does: "stubborn, that's what I am, and it helps on the
        # long climbs")
        not_before=r"^,?\s+(?:and|but)\s+(?:it|that|this)\s+(?:\w+\s+)?(?:got|gets|made|makes"
        r"|helped|helps|worked|works|paid|pays|keeps|kept)\b",
    ),
    # A harsh name said to oneself (or another) after a comma, to end the sentence: "you
    # should never have said yes to that deadline, idiot".
    rule(
        "labelling",
        r",\s*(?:you )?(?:absolute |complete |total |utter |stupid |useless |bloody )?"
        + PERSON_NOUN
        + r"(?=\s*[.!?]*\s*$)",
    ),
    rule("labelling", r"\bwhat (?:kind|sort) of (?:\w+ )?(?:" + ROLE + r"|" + _HARSH_NAME + r")\b"),
    # A harsh name worn as who one is: "like the amateur you are", "and I, the idiot coach,
    # must have rattled him", "that's on me, the clown who agreed".
    rule(
        "labelling",
        r"\blike the (?:\w+ )?" + _HARSH_NAME + r" (?:i am|you are|he is|she is|they are)\b"
        r"|\b(?:i|me), the (?:\w+ )?" + _HARSH_NAME + r"\b",
    ),
    # Someone named by their place in the writer's life and summed up in one harsh noun: "my
    # boss is a tyrant", "the new guy is a complete liability".
    rule(
        "labelling",
        r"\b(?:he|she|(?:my|our|the|his|her|their) (?:\w+ )?"
        + ROLE
        + r"s?) (?:is|was) "
        + BOOSTER
        + r"(?:"
        + LABEL_NOUN
        + r"|"
        + PERSON_NOUN
        + r"|tyrant|menace|dead weight)\b",
        negatable=True,
    ),
    rule(
        "labelling",
        r"\bwhy am i (?:so|such an?|always so|this) (?:" + LABEL_NOUN + r"|" + LABEL_ADJ + r")\b",
    ),
    rule(
        "labelling",
        r"\b(?!i\b|you\b|"
        + THING
        + r"\b)(?:he|she|they|\w+) (?:is|are|was|were) "
        + BOOSTER
        + r"(?:(?:"
        + LABEL_ADJ
        + r" )?"
        + PERSON_NOUN
        + r"|"
        + LABEL_ADJ
        + r" hacks?)\b",
        not_after=r"\b(?:it|this|that|there|what|which|life|work|day|week)\s+$",
        negatable=True,
    ),
    rule(
        "labelling",
        r"\bfeel like (?:such )?an? [\w ]{2,30}?,? so (?:i|he|she|it) (?:must|guess|suppose"
        r"|probably|definitely)? ?(?:i |he |she )?(?:be|am|is) one\b",
    ),
    # "I'm a useless one", not "I'm a careful one who slipped once"
    rule(
        "labelling",
        r"\ba heartless one\b|\bi am a (?:(?:\w+ )?"
        + LABEL_ADJ
        + r"|"
        + BAD
        + r") one\b(?!\s+(?:of|at|for))",
    ),
    # --- should-statements ---
    rule(
        "should-statements",
        r"\b(?:"
        + PEOPLE
        + r"|kids|children|friends|people|partners|parents|men|women|mums|moms|dads|adults"
        r"|grown ups|husbands|wives|a (?:real|good|proper) \w+"
        r"|real \w+s|\w+ people)\s+(?:should|ought to|are meant to|is meant to|are supposed to"
        r"|is supposed to|should have|should just|should never|should always)\b"
        r"(?!\s+(?:be (?:here|there|home|back|fine|ok|okay)|arrive|come|move|start|open|close"
        r"|call me back|have the|get (?:the|a|that) (?:promotion|job|award|prize|raise|bonus"
        r"|credit|part|role))\b)",
        # (their own rule, reported: "dad insists he should have prevented it"; advice given:
        # "told the new starter he should taste everything")
        not_after=r"\b(?:i|you)\s+(?:think|thought|hope|guess|suppose|reckon)\s+$|\b(?:insists?"
        r"|insisted|claims?|claimed|keeps saying|kept saying|is convinced|was convinced)"
        r"(?: that)?\s+$|\b(?:told|tell|telling|advised|reminded|suggested to)\s+(?:\w+\s+){1,3}?"
        r"(?:that\s+)?$",
        negatable=True,
    ),
    rule(
        "should-statements",
        SENTENCE_START
        + r"(?:should have|should not have|should never|must|has to be|have to be|needs to be"
        r"|ought to have)\b(?!\s+(?:" + ERRAND + r"))"
        # (a guess at what happened is no rule: "must be something i said", "must have been
        # my update", "brain tumour. has to be.", "must mean i am ...")
        r"(?!\s*(?:be\s+)?(?:something|someone|me|my|because)\b|\s+have been\b|\s*[.!?]|\s*$"
        r"|\s+mean\b)",
    ),
    rule(
        "should-statements",
        # (a conclusion drawn with "so" is an inference: "so i must be the slowest")
        r"(?<!\bso )(?<!\bthen )(?<!\btherefore )"
        r"\bi (?:must|must not|have to|have got to|got to|need to)\s+(?:always |never |not "
        r"|just |really )?(?:keep|make (?:this|it|everything|everyone)|be (?:the|perfect|strong"
        r"|better|able|good|flawless|okay|ok|happy|grateful|there for)|stop|prove|look|show|win"
        r"|hide|handle|cope|hold|do (?:it all|everything)|get (?:it|everything) right|please"
        r"|succeed|complain|fail|let|cry|ask|need)\b",
        negatable=True,
        not_after=r"\b(?:so|then|therefore)\s+$",
    ),
    rule(
        "should-statements",
        r"\b(?:i|you) (?:should not|should never|must not|ought not to|ought not|should just"
        r"|should really|should be able to|should not have|should already)\s+(?:\w+\s+)?"
        r"(?:feel|be|have|need|want|complain|cry|ask|let|struggle|find|get|know)\b",
    ),
    rule(
        "should-statements",
        r"\b(?:no excuse|(?:have|has|got) no right to|is unacceptable|are unacceptable"
        r"|is not an option|is not allowed|am not allowed to|i am (?:supposed|meant) to be"
        r"|by now|at my age|(?:a |any )?real (?:\w+ ){0,2}(?:\w+s|man|woman|leader|friend|mum|dad"
        r"|parent|artist|writer|athlete) (?:would|should|do|does|never|always|can|create|are))\b",
        negatable=True,
        requires=r"\b(?:should|must|have to|has to|supposed|meant|ought|no excuse|no right"
        r"|unacceptable|not an option|not allowed)\b",
    ),
    # Everyone's approval as a need: "i need every single person at work to like me".
    rule(
        "should-statements",
        r"\bi (?:need|have to have|must have|have got to have) (?:every(?:one|body)"
        r"|every single \w+|all (?:of )?(?:them|my \w+)|the whole \w+)\b[^.!?]{0,40}?"
        r"\bto (?:like|love|approve of|respect|rate|be happy with) me\b",
    ),
    # --- all-or-nothing ---
    rule(
        "all-or-nothing",
        r"\beither\b(?! way\b)[^.!?]{0,80}?\bor\b",
        requires=r"\b" + _EXTREME + r"\b",
    ),
    rule(
        "all-or-nothing",
        r"\b(?:no (?:in between|in-between|middle ground|grey area|gray area|halfway)"
        r"|half (?:good|done|right|finished) is (?:the same as|as good as|basically) \w+"
        r"|anything (?:under|less than|short of|below|other than|but) (?:an? )?\w+ (?:is|was|=)"
        r"|anything less(?: than that)?,? and (?:i|it|we|you|the|my)\b"
        r"|full stop|it is all or nothing|all or nothing|(?:\w+ )?or (?:it is |i am )?nothing"
        r"|(?:every single one|all) of them\b(?=[.!?]|$)|zero day|a total loss|a write off"
        r"|(?:doing|do|did|get|got|getting) (?:all of it|everything|it all) wrong"
        r"|not (?:a |an |the )?(?:real |proper |true )?\w+(?: for \w+)? at all"
        r"|for nothing|not a (?:real|proper|true) " + ROLE + r"|not \w+ at all|counts? for nothing"
        r"|(?:it is |its |i am |is |was )(?:basically |officially )?(?:a )?(?:fail|failure|flop)\b"
        r"|(?:=|is|was) wasted|(?:is|was|are) (?:blown|ruined|a write off))",
        negatable=True,
        # a tired body's hyperbole ("12-hour shift. feet are ruined") is no verdict
        not_after=r"\b(?:feet|legs|back|knees|hands|arms|eyes|voice|shoulders|hair|nails|throat"
        r"|skin|hips|calves)\s+$",
        requires=r"\b(?:one|single|only|apart from|except|just|under|less than|instead of"
        r"|if|every|either|half|two|\d+|so|anything|missed|a bit|then|because|b\+?|ate)\b",
        reach_back=True,
    ),
    # Less than all counted as none: "which in my book is the same as failing", "half a novel
    # written is the same as no novel".
    rule(
        "all-or-nothing",
        r"\b(?:is|are|was|were|=) (?:(?:in my book|to me|for me|honestly|basically|pretty much"
        r"|just|practically|effectively),? )*(?:the same as|as good as|no different from"
        r"|no better than) (?:failing|failure|a fail|nothing|losing|zero|no \w+)\b",
        negatable=True,
    ),
    rule(
        "all-or-nothing",
        r"\bif\b[^.!?]{0,60}?\bnot\b[^.!?]{0,30}?\b(?:perfect\w*|flawless\w*|the best"
        r"|every single|everything|100 percent|an a|first|all)\b",
    ),
    rule("all-or-nothing", r"\bfail\w* (?:every single one|all of them|everyone)\b"),
    # The world split in two: "there are two kinds of coders, naturals and the rest"; and
    # short of perfect, so worth nothing: "my french is not perfect so it is useless to try".
    rule(
        "all-or-nothing",
        r"\b(?:only )?two (?:kinds|types|sorts) of (?:\w+ )?(?:people|humans|folk|men|women|kids"
        r"|devs|coders|programmers|engineers|writers|artists|parents|players|students|workers"
        r"|employees|friends|doctors|nurses|teachers|managers|mums|moms|dads)\b",
    ),
    rule(
        "all-or-nothing",
        r"\bnot (?:perfect|flawless|fluent|the best)\b[^.!?;]{0,20}?\bso\b[^.!?;]{0,20}?"
        r"\b(?:useless|pointless|no point|worthless|a waste)\b",
    ),
    rule("all-or-nothing", r"\b(?:perfect\w*|flawless\w*) or (?:it|i|not|nothing|worthless)"),
    # The top or nothing worth doing: "i should be top of the class or whats even the point"
    # (the plain form reads "whats" as "what is"), "No gold medal, no point."
    rule(
        "all-or-nothing",
        r"\bor what is (?:even )?the point\b"
        r"|(?:^|[.!?] )no (?:\w+ ){0,2}\w+,? no point(?=[.!?]|$)",
    ),
    # --- overgeneralising ---
    rule(
        "overgeneralising",
        r"\b" + EVERY_TIME + r"\b",
        negatable=True,
        not_after=PREDICTING + r"|\b(?:not|almost|nearly|as)\s+$|" + _UNDER_A_RULE,
        requires=r"\b(?:"
        + BAD
        + r"|ill|sick|someone else|somebody else|wrong|same|curse|last|behind|like this|like that"
        r"|forgets|forgetting|forgotten|battle|throats|fight|lose|lost"
        r"|argue|fight\w*|fought|at each other|late|nowhere|anything|cooperat\w*)\b",
        # (and a thing that keeps failing is the thing's: "the printer jams every day")
        unless=r"\bi (?:will|would) never\b|\bnever (?:forget|again)\b|^\s*(?:the|my|our) "
        + THING
        + r"\b"
        # (and a timetable kept is a habit: "i always get the 7:15 bus, today it was late")
        r"|\balways (?:\w+ ){1,2}?(?:the |an? )?\d{1,2}(?:[:.]\d{2}|\s*(?:am|pm))\b|"
        + PLANNED_AROUND,
    ),
    rule(
        "overgeneralising",
        r"\b(?:i|we) never \w+ (?:anything|anyone|a thing|any \w+)\b"
        r"|\bnothing (?:ever )?(?:works|goes right|goes my way|changes|helps|lasts)\b"
        r"|\bit(?:s| is) always (?:me|my|us)\b|\b(?:always|forever) (?:have|has|had|got) it in"
        r" for\b|\b(?:without exception|every single (?:time|one"
        r"|day|morning|night|visit|week|review|meeting)|as per usual|same old (?:story|thing|me)"
        r"|here we go again|like always|without fail)\b|\b(?:as usual|typical)[.!]"
        r"|\bwhen it (?:matters|counts)\b"
        r"|\b(?:i|we|my \w+) (?:can )?never (?:\w+ )?(?:cooperates|works|listens|learns?|gets? it"
        r"|hold it together|remember anything|understand anything)\b",
        negatable=True,
        not_after=_UNDER_A_RULE,
        # (a habit kept as a precaution: "i never buy anything big without sleeping on it")
        not_before=r"^[^.!?;]*?\bwithout (?:first )?(?:checking|waiting|asking|thinking|sleeping"
        r"|reading|looking|saving|talking|a (?:list|plan|receipt))\b",
    ),
    # A habit of spoiling things said of everything: "i lose everything", "he forgets
    # everything i tell him" (not "i will lose everything", a prediction).
    rule(
        "overgeneralising",
        r"\b(?:i|he|she|they|you) (?:ruin|lose|mess up|wreck|spoil|break|forget|screw up|drop"
        r"|ruins|loses|messes up|wrecks|spoils|breaks|forgets|screws up|drops) (?:everything"
        r"|it all)\b",
        negatable=True,
        not_after=AFTER_OTHERS_THINK,
    ),
    # A whole group judged at once, often from one event: "the entire street has it in for
    # me", "none of my kids care", "one bad review and clearly customers hate my baking".
    rule("overgeneralising", _GROUP_SWEEP, negatable=True),
    # What keeps happening named as the way life goes: "story of my life", "like clockwork".
    rule("overgeneralising", _LIFE_PATTERN),
    # ... or as a clock the writer's own life keeps ("and it collapses, like clockwork"); the
    # ferry leaving at nine like clockwork is no trap.
    rule(
        "overgeneralising",
        r"\b(?:like clockwork|happens every time)\b",
        requires=r"\b(?:i|me|my)\b",
    ),
)
