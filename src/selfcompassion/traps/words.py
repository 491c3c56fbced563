"""Building blocks shared by the trap rules: word lists and context patterns, as regex text.

Rules are written against the plain form of the text (``language.normalize``) as well as the
words as written, so a pattern spelt "I'm" also meets "im" and "I am".
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE

# Where a sentence, or a clause after a colon or semicolon, starts: the spaces after its stop
# are taken in, and ``rules.rule_spans`` trims them from the words it reports.
SENTENCE_START = r"(?:^|(?<=[.!?;:\n])\s*)"

# Nouns and adjectives that sum up a whole person harshly; used by labelling.
LABEL_WORDS = (
    r"(?:idiot|failure|loser|fraud|fake|impostor|imposter|useless|stupid|dumb|thick|pathetic"
    r"|weirdo|scatterbrain|airhead|slob|weak(?:est)? link"
    r"|burden|embarrassment|disappointment|let-?down|joke|hopeless(?!\s+romantic)|worthless"
    r"|incompetent|inept"
    r"|clueless|moron|imbecile|fool|clown|coward|hypocrite|liar|phon(?:e)?y|sham|charlatan"
    r"|screw-?up|mess|wreck|disaster|nightmare|liability|nuisance|pushover|doormat|disgrace"
    r"|quitter|flake|klutz|wimp|lost cause|basket case|write-?off|waste of (?:space|oxygen|air)"
    r"|moaner|whinger|whiner"
    r"|shambles|car crash|train wreck"
    r"|inadequate|unlovable|unworthy|selfish|spineless|gutless|lazy|nobody|the worst"
    r"|(?:the\s+)?world's worst\s+[\w-]+)"
)
ROLE_WORDS = (
    r"(?:mother|father|mum|mom|dad|parent|friend|partner|wife|husband|son|daughter|sister"
    r"|brother|manager|boss|colleague|person|human|employee|teacher|leader|student|writer"
    r"|engineer|developer|girlfriend|boyfriend|grandparent|aunt|uncle|coach|carer|nurse"
    r"|doctor|mentor|team-?mate|neighbour|neighbor)"
)
# Harsh enough to label whatever noun follows ("a lousy cook"); "bad" needs a role word.
HARSH_ADJ = (
    r"(?:terrible|awful|horrible|rubbish|hopeless(?!\s+romantic)|useless|lousy|crap|crappy"
    r"|pathetic|dreadful"
    r"|appalling|shocking|worthless|sorry excuse for an?)"
)
INTENSIFIERS = (
    r"(?:(?:such|so|just|a|an|the|completely|totally|utterly|really|absolute|utter|complete"
    r"|total|truly|basically|literally|honestly|officially|clearly|obviously|always|actually"
    r"|simply|nothing but|even|a\s+bit\s+of|kind of|sort of|such)\s+)*"
)
I_AM = (
    r"\bI(?:'m|\s+am|\s+(?:really|truly|honestly|clearly|obviously|just)\s+am"
    r"|'ve\s+become|\s+have\s+become|'m\s+turning\s+into|\s+am\s+turning\s+into)\s+"
)
OTHER_SUBJECT = (
    # ("her and still know" is no one: a conjunction is not a noun)
    r"(?:he|she|they|everyone|everybody|people|nobody|no one|(?:my|the|our|his|her|their)\s+"
    r"(?!(?:and|or|but|so)\b)[\w-]+(?:\s+(?!(?:will|would|won't|must|might|could|can|should"
    r"|shall|is|are|was|were|do|does|did|has|have|had|all|probably|secretly|clearly|obviously|really|just)\b)[\w-]+)?"
    r"|[\w-]+s)"
)
# Where the other people are, said after them: "everyone at work", "the others in the
# meeting", "people on the team" ("Everyone at work must think I'm a fraud").
AT_A_PLACE = (
    r"(?:\s+(?:at|in|on|from)\s+(?:(?:the|my|our|this|that|his|her|their)\s+)?"
    r"(?!I\b|me\b)[\w-]+)?"
)
OTHERS_SOMEWHERE = OTHER_SUBJECT + AT_A_PLACE
# Things that go wrong, when someone says they "always" (or "constantly") do them.
BAD_OUTCOME = (
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
# A word that may stand before an ending or a failure ("is basically over", "will probably
# fail"), but not one that denies it ("is not over", "will not fail").
UNDENIED_WORD = r"(?!not\b|never\b|no\b)\w+"
UNDENIED = r"(?:" + UNDENIED_WORD + r"\s+)?"
# Signs that a sentence with "every time" or "whenever I" is about things going wrong.
GOES_WRONG = (
    r"\b(?:wrong|mess\w*|fail\w*|ruin\w*|forget\w*|same way|badly|disaster"
    r"|let\w*\s+(?:\w+\s+)?down|regret\w*|embarrass\w*|awkward|stupid|fall\w* (?:flat|apart)"
    r"|fell (?:flat|apart)|late|worse|mistake\w*|panic\w*|freez\w*|reject\w*|cry|crying|dislik\w*"
    r"|hat(?:e|es|ing)|end\w* up)\b"
)
# ... and that it is about the writer.
ABOUT_ME_GOING_WRONG = r"^(?=.*\b(?:I|me|my)\b).*" + GOES_WRONG
# Good things that someone says they "never" manage.
NEVER_MANAGE = (
    r"(?:learn\w*|finish\w*|right|work\w*\s+out|stick\w*|follow\w*\s+through|manag\w*"
    r"|succeed\w*|measure\s+up|fit\s+in|improve\w*|get\s+better|go\w*\s+my\s+way"
    r"|catch\s+a\s+break|get\s+(?:anything|picked|chosen|promoted|noticed|asked|invited"
    r"|a\s+break|a\s+chance|it\s+right|the\s+(?:good|best|credit|promotion|job))"
    r"|good\s+enough|enough|make\s+(?:any\s+)?progress|get\s+(?:anywhere|ahead))"
)
PAST_PARTICIPLE = (
    r"(?:\w+ed|known|been|seen|done|said|caught|gone|made|told|thought|taken|spoken|got"
    r"|gotten|left|sent|written|given|come|become|kept|let|put|quit|stood|run|eaten|drunk"
    r"|fought|held|brought|bought|felt|meant|paid|read|won|lost)"
)
# Rigid rules for how to be: "I must be perfect", "I have to be the strong one".
RIGID_STANDARD = (
    r"(?:perfect|better|the best|stronger|strong|tougher|tough|braver|flawless|in control"
    r"|on top|liked|everything|right|good enough|the one|able to (?:handle|cope|do)|over (?:it"
    r"|this|that)|grateful|always|smarter|cleverer|more \w+ than|available|there for (?:everyone"
    r"|everybody|them|all)|everything to everyone)"
)
SHOULD = r"(?:should|shouldn't|should not|ought to|oughtn't to)"
MUST = (
    r"(?:must|have to|need to|got to|gotta|'ve got to|have got to|'m meant to|am meant to"
    r"|'m supposed to|am supposed to)"
)
# Things, machines and animals: strong words about them are not the writer's trap.
THING = (
    r"(?:traffic|weather|commute|queue|line|trains?|bus(?:es)?|tube|roads?|flights?|airport"
    r"|journey|game|match|film|movie|show|episode|series|season|final|rain|snow|parking|wifi"
    r"|storm|flood|fire|hurricane|earthquake|drought|harvest|roadworks?|building works"
    r"|wi-fi|internet|printer|food|hotel|service|course|concert|gig|book|album|referee|election"
    r"|spreadsheet|laptop|computer|phone|app|website|software|code|system|car|van|bike|boiler"
    r"|oven|kettle|blender|washing machine|fridge|dishwasher|toaster|router|sat ?nav|kitchen"
    r"|fryer|microwave|hoover|vacuum|tractor|projector|scanner|photocopier|machine"
    r"|dog|cat|puppy|kitten|parrot|hamster|rabbit|horse|goat"
    # a train or bus named by its time: "the 8.15 is always late" (not "by 5.30 it was")
    r"|(?<=the )\d{1,2}[.:]\d{2})"
)
# A feeling of the writer's put down to something plain they did, its cause sought rather than
# its proof taken: "feeling irritable, probably because I skipped lunch".
FEELING_EXPLAINED = (
    r"^\W*(?:(?:(?:i'm|im|i am|i was|i've been|ive been|i have been|been|am)\s+)?(?:feeling|felt"
    r"|feel)\s+(?:\w+(?:'\w+)?\s+){0,2}?\w+(?:'\w+)?"
    # ... or an ache of the body ("headache all day, probably because I skipped lunch")
    r"|(?:(?:i've had|ive had|i have had|had|got|i've got|ive got)\s+)?(?:an?\s+)?(?:headache"
    r"|migraine|stomach ?ache|tummy ache|back ?ache|sore \w+)(?:\s+\w+){0,3}?)"
    r",?\s+(?:(?:probably|maybe|likely|prob|just|possibly)\s+)?"
    r"(?:because|bc|cos|cause|due to)\s+(?:of\s+)?(?:i|my)\b"
)
# A spell of time wasted is a fair complaint, not a verdict on everything: "a complete waste of
# an hour".
A_SPELL_OF_TIME = (
    r"(?:an?|the|my|our|this|that)\s+(?:whole\s+|full\s+)?(?:hour|morning|afternoon|evening"
    r"|lunch ?break|weekend|saturday|sunday|\w+day)\b"
)
# "the traffic was a nightmare"
ABOUT_A_THING = (
    r"\b" + THING + r"\b(?:\s+\w+(?:'\w+)?){0,4}\s+(?:was|is|were|are|has been|have been|'s|looks"
    r"|looked)\s+$"
)
# A strong word used of the thing that follows it: "what a nightmare commute".
BEFORE_A_THING = r"^\s+" + THING + r"\b"
# Food named by a harsh word is not a person labelled: "what a pathetic excuse for a sandwich".
FOOD = (
    r"(?:sandwich|coffee|pizza|burger|meal|dinner|lunch|breakfast|cake|curry|takeaway|salad"
    r"|soup|pie|chips|toast)"
)
# A kind or joking name for someone: "what a legend", "such a goofball".
KIND_LABEL = (
    r"\b(?:legend|hero|star|gem|angel|sweetheart|sweetie|darling|champ|champion|trooper"
    r"|goofball|cheeky monkey|little monkey|rascal|superstar|lifesaver|genius|sweet pea)\b"
    # strong words for something good: "dead chuffed", "absolutely killed it"
    r"|\b(?:dead|well|proper|so|really|right)\s+(?:chuffed|proud|pleased|buzzing|made up)\b"
    r"|\b(?:killed|smashed|nailed|aced|crushed)\s+it\b"
)
NOT_A_DISASTER_WORD = (
    r"(?!\s+(?:recovery|relief|zone|movie|film|plan\w*|management|drill|response|fund))"
)
SOMEONE_ELSE = (
    r"\b(?:he|she|they|him|her|them|his|their|partner|friend|boss|mum|mom|dad|wife|husband"
    r"|kids?|son|daughter|team|everyone|colleague\w*|manager)\b"
)


# "They think I'm useless" is mind-reading, not the writer calling themselves names (also
# with a few words between: "the other parents at pickup must think I'm a mess"), and "I used
# to think I was a failure" is a belief let go of.
AFTER_OTHERS_THINK = (
    r"(?:"
    + OTHER_SUBJECT
    + r"\s+(?:(?!I\b)\w+\s+){0,3}?(?:think|thinks|thought|believe|believes|assume|assumes|know"
    r"|knows|see|sees|said|says|decided|reckon|reckons)\s+(?:that\s+)?"
    r"|\bused\s+to\s+(?:think|believe|feel)\s+(?:that\s+)?)$"
)
# What someone has said out loud is known, not guessed: "my gran thinks I'm too thin, she
# says it every visit".
SAID_ALOUD = r"\b(?:told|tells)\s+(?:me|us)\b|\b(?:said|says)\s+(?:it|so|that|as much)\b"
# "She thinks I'm ready for it" is someone's good opinion, not a feared one.
GOOD_OPINION = (
    r"^\s*(?:'m|am|was|'d|would|will|'ll|did|have|'ve|could|can)?\s*(?:(?:be|make|become)\s+)?"
    r"(?:(?:so|really|very|a|an|the|doing|more\s+than)\s+)*"
    r"(?:ready|great|good|brilliant|capable|talented|clever|smart|kind|lovely|amazing|well|fine"
    r"|right|natural|best|perfect|funny|strong|wonderful|fantastic|excellent|up to it|do it"
    r"|manage|cope|handle|should(?!\s+have\b|'ve\b)|deserve"
    r"|have\s+(?:real\s+|a\s+lot\s+of\s+)?(?:potential"
    r"|talent|what it takes))\b"
)
# "I don't think everyone hates me" doubts the feared opinion rather than reading it.
DOUBTED = (
    r"(?:\bI\s+(?:\w+\s+)?(?:don't|do not|didn't|did not)\s+(?:really\s+|honestly\s+"
    r"|actually\s+)?(?:think|believe|reckon|suppose|imagine|feel)|\bI\s+(?:really\s+)?doubt"
    r"|\bnot\s+(?:true|the case)|\bno\s+(?:sign|reason\s+to\s+think))\s+(?:that\s+)?$"
)
# "Not always" ("I don't always get it right") is the opposite of overgeneralising, and a
# pronoun just before means it is about someone else.
NOT_MY_ALWAYS = r"\b(?:he|she|they|you)(?:'s|'re|\s+is|\s+are)?\s+$|(?:\bnot|n't)\s+$"
# A pattern noticed and planned around is a fact, not a trap: "whenever I eat late I sleep
# badly, so dinner's at seven", "the twins always fight over the seat, so we take turns".
PLANNED_AROUND = (
    r",?\s+so\s+(?:now\s+|this week\s+|from now on\s+|these days\s+)?(?:I|we)(?:'ll|\s+will"
    r"|'ve|\s+have|'re|\s+are|\s+now)?\s+(?:take|book|set|plan|keep|eat|leave|start|switch"
    r"|bring|pack|use|put|go to bed)\b|,?\s+so\s+(?:dinner|lunch|bedtime|breakfast)(?:'s|\s+is)\b"
)
# "I'll never get promoted" predicts; "I never get picked" generalises.
PREDICTING = (
    r"\b(?:he|she|they|you)(?:'s|'re|\s+is|\s+are)?\s+$"
    r"|(?:'ll|\bwill|\bshall)\s+(?:\w+\s+)?$"
)
# A disaster the sentence itself calls fun ("the picnic was a disaster, but we laughed") or
# laughs off ("the kitchen was a nightmare lol").
LIGHT_HEARTED = (
    r"(?<!\bno )(?<!\bnot )\bfun\b|\bhilarious\b|\b(?:lol|lmao|haha\w*)\b"
    r"|\b(?:we|I)\s+(?:all\s+)?laughed\b(?!\s+at\s+me)|\blaughed (?:about|it off)\b"
    r"|\b(?:loved (?:it|every)|enjoy\w*|the best \w+ (?:of|in|ever)|(?:great|good|lovely) time"
    r"|worth it|made (?:our|my) (?:day|week))\b"
)
# A disaster named and then bounded in the same sentence: "a disaster for the keyboard, but the
# backups are fine" (not "but what if it gets worse").
BOUNDED_DISASTER = (
    r"\b(?:disaster|catastrophe|nightmare|disastrous|catastrophic)\b[^.!?]*\bbut\b"
    r"(?!\s+(?:what if|also|worse|even worse|now|then)\b)"
)
# Luck the writer is thankful for, or luck in the people and things around them.
GRATEFUL = (
    r"\b(?:grateful|thankful|glad|blessed|appreciat\w*)\b"
    r"|\blucky\s+(?:to\s+(?:have|know|meet|work\s+with|be\s+(?:alive|here|around))"
    r"|with\s+the\s+weather)\b"
)

# The words that make a feeling proof ("I feel lazy, so", "which proves", "that fear tells me",
# "feelings don't lie"): emotional reasoning holding one lands on a conclusion
# (traps/feeling_proof.py).
PROOF_WORDS = (
    r"\b(?:so|then|therefore|means|meant|proves?|proved|must|tells?\s+me|told\s+me|lie|lies)\b"
    r"|="
)
# A feeling's conclusion that names what the writer is: "so I must be one", "so i guess im
# one", "so I am a failure" (not "so I am lazy": that is the feeling restated).
NAMED_CONCLUSION = (
    r"\b(?:so|then|therefore|means|proves?)\b[^.!?]{0,40}?(?:\b(?:am|are|be)|\b(?:I|you)'?(?:m|re))"
    r"\s+(?:one|an?\s+\w+)\b"
)

# The two boxes of all-or-nothing thinking, to the end of their sentence: "either I'm brilliant
# or I'm useless", "if I'm not the best nurse here then I'm a bad one", "if I don't get a first
# the whole degree was pointless", "unless everyone rates me I'm a rubbish lead"
# (traps/two_boxes.py).
TWO_BOXES = (
    r"\beither\b(?! way\b)[^.!?]*?\bor\b[^.!?]*"
    r"|\bif (?:i'm|im|i am|i was|you're|youre|you are) not\b[^.!?]*"
    r"|\bif (?:i|you) (?:don't|dont|do not|can't|cant|cannot|didn't|didnt)\b[^.!?]*"
    r"|\bunless\b[^.!?]*"
)
# The writer then says which box they are in: "and I'm not fluent", "so I'm terrible".
BOX_CHOSEN = r"\b(?:so|and|today|and today)\s+(?:i'm|im|i am|i was|you're|youre|you are|you were)\b"
