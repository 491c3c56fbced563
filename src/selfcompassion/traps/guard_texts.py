"""The model guards' pattern texts (``model_guards.py`` reads them): kept apart, as the
label checks' are (``label_texts.py``), so that the rules' compiled file can hold them
without importing the guards.
"""

from __future__ import annotations

from .rule import widen
from .words import FEELING_EXPLAINED, LABEL_WORDS
from .words_plain import ERRAND

# "I don't have to be perfect" gives permission, the opposite of a rigid rule; the model saw
# no such sentence in training and reads the rule in it (0.92). A window whose every word of
# obligation is lifted this way does not count for should-statements.
LIFTED = (
    r"\b(?:do\s+not|does\s+not|don['\u2019]?t|doesn['\u2019]?t|no\s+one|nobody|need\s+not"
    r"|needn['\u2019]?t)\s+(?:\w+\s+)?(?:have|has|need|needs)\s+to\b"
)
OBLIGATION = (
    r"\b(?:should\w*|must\w*|ought|have\s+to|has\s+to|need\s+to|needs\s+to|got\s+to|gotta"
    r"|supposed\s+to|meant\s+to)\b"
)
# "I never sign anything without reading it twice", "I always catch the 8:05": a habit kept as
# a precaution or a timetable, not a pattern drawn from a bad moment. A window whose every
# "always" and "never" is such a habit does not count for overgeneralising.
HABIT = (
    r"\b(?:never|always)\b[^.!?;,]*?\bwithout\s+(?:first\s+)?(?:checking|waiting|asking"
    r"|thinking|sleeping|reading|looking|saving|talking)\b"
    r"|\balways\s+(?:\w+\s+){1,2}?(?:the\s+|an?\s+)?\d{1,2}(?:[:.]\d{2}|\s*(?:am|pm))\b"
)
ABSOLUTE = r"\b(?:never|always)\b"
# Personalising is blame the writer takes on: the writer doing something ("I chose it", "I've
# stressed her out", "my cooking drove them off") or a word of cause or blame ("because of me",
# "my fault", "it was me", "must have been something in my update"). A window with neither
# ("my sister is upset with her boss again", "the dog's limping, must be something he stepped
# on") does not count for it. The inner critic's second person takes the same blame ("that's
# on you", "you must have said something", "your email that sank it").
TAKES_THE_BLAME = (
    r"\b(?:i|i'm|i've|i'd|im|ive|id|you|you're|you've|you'd|youre|youve)\b"
    r"|\b(?:because|cause|coz|cos|bc|due|fault|blam\w*|responsib\w*|caused?|down to|thanks to"
    r"|my doing|on me|on you|(?:my|your) (?:\w+ )?fail\w*)\b"
    r"|\b(?:must|should)\b[^.!?,;]{0,25}?\b(?:my|me|us|our|you|your)\b"
    r"|\b(?:was|is|it's|its|all|be)\s+(?:(?:probably|obviously|clearly|just|really|definitely"
    r"|totally|always|all|about)\s+){0,2}(?:me|you)\b"
    r"|\bmust(?:'ve| have| of)\s+(?:upset|annoyed|offended|hurt|said|done)\b"
    r"|\b(?:my|your) (?:\w+ ){1,2}(?:that |which )?(?:did|drove|made|caused|let|lets|ruined"
    r"|killed|sank|put|set|started|wrecked|spoiled|spoilt|tipped|pushed|turned)\b"
)
# A guess about how things will go, hedged and drawn from what is in front of the writer, who is
# not in it: "ticket sales are at 40%, so the gig probably won't sell out", "the baby's
# teething so tonight's probably going to be a rough one". A window with such a guess and no
# first person does not count for fortune-telling.
REASONED_GUESS = (
    r"\bso\s+(?:the\s+\w+|tonight\S*|tomorrow\S*|it|this|that|\w+['\u2019]s)\b[^.!?;]{0,30}?"
    r"\b(?:probably|likely|most likely)\b"
)
FIRST_PERSON = (
    r"\b(?:i|i['\u2019](?:m|ll|ve|d)|im|ive|me|my|myself|mine|we|we['\u2019](?:ll|re|ve)|us|our)\b"
)
# A feeling or an ache put down to something plain the writer did ("feeling irritable, probably
# because I skipped lunch") seeks its cause; it takes no proof from it unless the window
# concludes, and no blame for what happened to others.
A_FEELING_EXPLAINED = widen(FEELING_EXPLAINED)
CONCLUDES = r"\b(?:so|must|means?|proves?|therefore|clearly)\b"
# An errand is no rigid rule: "I should tell my manager I'm at capacity", "need to book the
# vet". A window whose every word of obligation leads to one does not count for
# should-statements.
AN_ERRAND = (
    r"\b(?:should|need to|needs to|have to|has to|must|ought to|got to|gotta)\s+(?:really\s+"
    r"|probably\s+|just\s+|definitely\s+|also\s+)?" + ERRAND + r"\b"
)
# ... unless the errand is kept without fail ("I have to reply to every single email", "finish
# the plan exactly as written", "at the gym 6 days a week minimum", "reply within the hour").
WITHOUT_FAIL = (
    r"\b(?:every\w*|always|never|each|perfect\w*|all the time|exactly|minimum|at the very least"
    r"|within (?:the|an|a) (?:hour|day|minute)|or else|no excuses|no matter what"
    r"|basic (?:respect|decency|manners))\b"
)
# Something savoured ("nothing like the smell of cut grass at six", "nothing beats a quiet
# Sunday") puts nothing in two boxes.
SAVOURED = (
    r"\bnothing (?:like|beats|compares (?:to|with)|quite like|better than) (?:an? |the )?"
    r"(?!(?:me|my|i|failing|failure|losing)\b)\w+"
)
# A failure of one's own denied ("I'm not going to ruin the wedding", "I won't fail this time")
# foresees nothing bad; a window whose every future form is such a denial does not count for
# fortune-telling. ("I won't get the job" denies a good outcome, which is a forecast.)
A_FAILURE = (
    r"(?:fail\w*|mess\w*\s+(?:\w+\s+)?up|screw\w*\s+(?:\w+\s+)?up|ruin\w*|wreck\w*"
    r"|blow\w*\s+it|let\s+\w+\s+down|embarrass\w*|give\s+up|quit|panic|freeze|choke"
    r"|make\s+a\s+(?:fool|mess))\b"
)
I_WONT = (
    r"\bi(?:['\u2019]?m|\s+am)\s+(?:not|never)\s+(?:going\s+to|gonna)\s+"
    r"|\bi\s+(?:won['\u2019]?t|will\s+not|will\s+never|['\u2019]?ll\s+never)\s+"
)
# ... as does a resolve ("I won't let one comment ruin my day") and a hope that a bad time
# will pass ("I won't always feel this way", "this won't last forever").
FAILURE_DENIED = (
    r"(?:" + I_WONT + r")(?:(?:\w+ly|ever|just)\s+)?(?=" + A_FAILURE + r")"
    r"|(?:" + I_WONT + r")let\s+(?:\w+\s+){1,4}?(?=(?:ruin|spoil|wreck|define|stop|get\s+to)\w*\b)"
    r"|\b(?:won['\u2019]?t|will\s+not|isn['\u2019]?t\s+going\s+to|is\s+not\s+going\s+to)\s+"
    r"(?=always\s+(?:feel|be)\b|last\s+forever\b|be\s+like\s+this\s+forever\b)"
    r"|\b(?:won['\u2019]?t|will\s+not)\s+(?=define\s+(?:me|us|them|him|her)\b)"
    r"|\b(?:will|['\u2019]ll)\s+(?:\w+ly\s+)?(?=be\s+behind\s+(?:me|us)\b|pass\b|get\s+easier\b"
    r"|ease\b|heal\b|feel\s+(?:easier|lighter|better)\b)"
)
FUTURE = r"\b(?:will|won['\u2019]?t|going\s+to|gonna|shall)\b|['\u2019]ll\b"
# Common humanity ("nobody gets everything right the first time", "humans get things wrong",
# "we all make mistakes") is a kindness about everyone, not a pattern drawn from a bad moment:
# a window whose every word for everyone or every time stands in one does not count for
# overgeneralising.
COMMON_HUMANITY = (
    r"\b(?:nobody|no\s+one|everyone|everybody|we\s+all|all\s+of\s+us|humans|people|anyone)\s+"
    r"(?:\w+\s+)?(?:gets?|makes?|has|have|had|struggles?|messes\s+up|fails?|slips?\s+up)\s+"
    r"(?:everything\s+right|it\s+(?:all\s+)?right|things\s+wrong|it\s+wrong|mistakes|bad\s+days"
    r"|off\s+days|a\s+bad\s+day|with\s+this|sometimes|at\s+first|now\s+and\s+then)\b"
)
EVERYONE_OR_EVERY_TIME = (
    r"\b(?:nobody|no\s+one|everyone|everybody|all|always|never|every\w*|anyone|humans|people)\b"
)
# A harsh word the writer denies of themselves ("I'm not useless, I'm overloaded", "you're
# not a failure, love"): a window whose every such word stands in a denial does not count for
# labelling.
LABEL_DENIED = (
    r"\b(?:i['\u2019]?m|i\s+am|you['\u2019]?re|youre|you\s+are)\s+(?:not|never|no)\s+"
    r"(?:(?:a|an|just\s+a|some|the|such\s+a|really|actually)\s+)?(?:\w+\s+)?" + LABEL_WORDS + r"\b"
)
LABEL = r"\b" + LABEL_WORDS + r"\b"
# Telling oneself to go easy ("I shouldn't beat myself up about it", "I shouldn't be so hard on
# myself") is kindness, not a rigid rule: a window whose every word of obligation says so does
# not count for should-statements.
GO_EASY = (
    r"\b(?:should\s*n['\u2019]?t|should\s+not|must\s*n['\u2019]?t|must\s+not)\s+(?:\w+\s+)?"
    r"(?:beat\s+(?:myself|yourself)\s+up|be\s+(?:so\s+|too\s+)?(?:hard|harsh|tough)\s+on"
    r"\s+(?:myself|yourself)|blame\s+(?:myself|yourself)|punish\s+(?:myself|yourself))"
    # and a kind "should": "I should let people help", "I should rest"
    r"|\bshould\s+(?:really\s+|probably\s+|just\s+)?(?:let\s+(?:people|others|someone|them|him|her"
    r"|friends|family)\s+help|ask\s+for\s+help|rest\b|take\s+a\s+break|go\s+easy|be\s+(?:kinder"
    r"|gentler|easier)\s+(?:to|on|with)\s+(?:myself|yourself))"
    # and bed: "should really sleep now lol", "I should get an early night"
    r"|\bshould\s+(?:really\s+|probably\s+|just\s+|prob\s+)?(?:sleep|get\s+some\s+sleep|go\s+to"
    r"\s+bed|get\s+an\s+early\s+night)(?=\s*(?:now|soon|tonight|early)?\b\s*(?:lol|tbh|haha)?"
    r"\s*(?:[.!?,;]|$))"
)
# A choice asked about ("should I get the blue or the green ones?", "should we stay or go") is
# no rigid rule; "should I have known" is a reproach and stays one.
CHOICE = r"\bshould\s+(?:i|we)\s+(?!have\b|of\b)\w+\b[^.!?,;]{0,40}?\bor\b"
# Every word of obligation in a window lifted, kind or a choice asked about ("I should let
# people help. I don't have to do it all alone."): no rigid rule in it.
EASED = LIFTED + "|" + GO_EASY + "|" + CHOICE
# Someone else taking the blame on themselves ("my colleague blames himself for the outage")
# is their trap, described; a window with it and no blame the writer takes does not count
# for personalising.
THEIR_OWN_BLAME = r"\b(?:blames?|blamed|blaming)\s+(?:himself|herself|themselves)\b"
WRITERS_BLAME = r"\b(?:my fault|because of me|blame myself|blamed myself|on me|down to me)\b"


#: Every guard's pattern text, for the compiled file.
GUARD_TEXTS = (
    LIFTED,
    OBLIGATION,
    HABIT,
    ABSOLUTE,
    TAKES_THE_BLAME,
    REASONED_GUESS,
    FIRST_PERSON,
    A_FEELING_EXPLAINED,
    CONCLUDES,
    AN_ERRAND,
    WITHOUT_FAIL,
    SAVOURED,
    FAILURE_DENIED,
    FUTURE,
    COMMON_HUMANITY,
    EVERYONE_OR_EVERY_TIME,
    LABEL_DENIED,
    LABEL,
    GO_EASY,
    EASED,
    THEIR_OWN_BLAME,
    WRITERS_BLAME,
)
