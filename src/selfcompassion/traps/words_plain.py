"""Word lists for the rules that read the plain form (lowercase, contractions spelt out).

Each list names a kind of word (a harsh label, a bad outcome, a minimiser), so a rule states a
pattern type ("a future marker followed by a bad outcome") rather than one phrase.
"""

from __future__ import annotations

# Harsh one-word verdicts on a whole person (nouns).
LABEL_NOUN = (
    r"(?:idiot|failure|loser|fraud|fake|impostor|imposter|burden|embarrassment|disappointment"
    r"|let ?down|joke|moron|imbecile|fool|clown|coward|hypocrite|liar|phony|phoney|sham|charlatan"
    r"|screw ?up|mess|wreck|liability|nuisance|pushover|doormat|disgrace|quitter|flake|klutz"
    r"|moaner|whinger|whiner"
    r"|wimp|lost cause|basket case|write ?off|waste of (?:space|oxygen|air)|monster|hack|amateur"
    r"|jerk|leech|pig|slob|cow|witch|bitch|prat|muppet|numpty|dope|dunce|nobody|nothing"
    r"|waste|parasite|freak|weirdo|mug|sucker|coward|snob|brat|bully|creep|dud|has ?been"
    r"|no ?hoper|chancer|pretender|fraudster|omnishambles|shambles|train ?wreck|car ?crash"
    r"|mess of a (?:person|human)|excuse for an? \w+)"
)
# Harsh adjectives that sum up a person.
LABEL_ADJ = (
    r"(?:useless|stupid|dumb|thick|pathetic|worthless|hopeless|incompetent|inept|clueless"
    r"|inadequate|unlovable|unworthy|selfish|spineless|gutless|lazy|greedy|weak|heartless"
    r"|talentless|pointless|broken|defective|disgusting|repulsive|hideous|ugly|boring"
    r"|annoying|needy|clingy|cruel|a mess|rubbish|terrible|awful|horrible|hopeless"
    r"|crap|lousy|dreadful|bad|neglectful|irresponsible|unbearable|unfit|unemployable"
    r"|unlikeable|unlikable|naive|gullible|spoilt|spoiled|mediocre|second rate|third rate"
    r"|pitiful|the worst)"
)
# How sure the writer is of a cause they guess at ("probably", "def", "obviously").
SURE = r"probably|prob|definitely|def|obviously|clearly"
# Words that make a label stronger or stand between "I am" and it.
BOOSTER = (
    r"(?:(?:such|so|just|a|an|the|completely|totally|utterly|really|absolute|absolutely|utter"
    r"|complete|total|truly|basically|literally|honestly|officially|clearly|obviously|always"
    r"|actually|simply|still|only|nothing but|even|fundamentally|genuinely|properly|proper"
    r"|massive|huge|big|little|right|bloody|effing|fucking|damn|kind of|sort of|a bit of"
    r"|an? \w+ly|\w+ly)\s+)*"
)
# People and roles a label can be pinned on ("a terrible mother").
ROLE = (
    r"(?:mother|father|mum|mom|dad|parent|friend|partner|wife|husband|son|daughter|sister"
    r"|brother|manager|boss|colleague|person|human|human being|employee|teacher|leader|student"
    r"|writer|artist|player|runner|athlete|coach|cook|driver|engineer|developer|girlfriend"
    r"|boyfriend|carer|nurse|doctor|mentor|team ?mate|neighbour|neighbor|grandparent|host"
    r"|founder|musician|singer|designer|lead|captain|worker|adult|grown ?up|man|woman|guy"
    r"|girl|kid|child|leader|boss|student|learner|investor|saver|human)"
)
# A thing going wrong: the content of a fear, a prediction or a pattern.
BAD = (
    r"(?:fail\w*|wrong|mess\w* up|ruin\w*|disaster\w*|worse|worst|badly|reject\w*|hate\w*"
    r"|break up|broke up|dump\w*|lose|lost|losing|fired|sack\w*|struggl\w*"
    r"|shot down|laugh\w* at|go south|goes south|went south|fall\w* apart|fell apart|collapse\w*"
    r"|crash\w*|blow\w* up|embarrass\w*|humiliat\w*|alone|broke|die|dying|dead|cancer|end\w* badly"
    r"|resent\w*|regret\w*|nothing|nowhere|nobody|no one|miserable|hurt\w*|disappoint\w*"
    r"|flop\w*|bomb\w*|tank\w*|ignor\w*|forgot\w*|blank\w*|freez\w*"
    r"|panic\w*|let \w+ down|screw\w* up|stuff\w* up|cock\w* up|choke\w*|bottl\w*|fall\w* short"
    r"|fell short|sabotag\w*|wreck\w*|go\w* wrong|went wrong|gone wrong|turn\w* out badly"
    r"|a mess|terrible|awful|horrible|rubbish|pointless|hopeless|useless|no good)"
)
# Success words: what discounting explains away.
SUCCESS = (
    r"(?:won|win|winning|passed|pass|got (?:the|a|an|into|in|my)|promot\w*|prais\w*|compliment\w*"
    r"|thank\w*|liked|loved|likes|clapp\w*|applau\w*|scored|score|hit|nailed|accepted|took my"
    r"|offered|offer|bonus|raise|award\w*|prize|picked|selected|chosen|great|brilliant|good"
    r"|well|amazing|best|fine|success\w*|went well|did well|managed|finished|finally|approved"
    r"|said (?:i|it|my|she|he|they|yes)|told me|says? i|reviews?|feedback|first|grade|mark|an a\b"
    r"|top|better|improv\w*|made it|got through|survived|birthday|party|surprise|present)"
)
# What makes a success not count: luck, ease, other people's kindness, "anyone could".
MINIMISER = (
    r"(?:only (?:because|bc|cause|as|since)|just (?:because|luck|lucky|being|polite|nice|kind"
    r"|saying|the|what|an? \w+|to|how|a fluke)|luck|lucky|fluke|easy|easier|anyone|anybody"
    r"|everyone|everybody|desperate|does not (?:count|mean)|did not (?:count|mean)"
    r"|(?:means|meant|counts|counted) (?:nothing|for nothing|little)|not (?:really|actually)"
    r"|not me|not mine|have to say|has to say|had to say|had to be|say that|says that"
    r"|said that|being (?:nice|kind|polite)|pity|felt sorry|a slow|a weak|weak year|low bar"
    r"|probably|really it was|anyone could|no one else|nobody else|nothing special"
    r"|nothing much|not a big deal|no big deal|a shocker|designed so|so easy|any idiot"
    r"|the algorithm|a fluke|by accident|accidentally|happened to)"
)
# Feelings read as facts.
FEELING = (
    r"(?:feel\w*|felt|nervous|anxious|scared|afraid|terrified|guilty|ashamed|embarrassed|sad"
    r"|jealous|stupid|sick|dread\w*|gut|stomach|heart|uneasy|worried|panicky|panic\w*|tense"
    r"|awkward|overwhelmed|frightened|hopeless|lonely|empty|numb)"
)
# Frequency absolutes.
EVERY_TIME = (
    r"(?:always|every (?:single |\w+ )?(?:time|day|week|morning|night|visit|meeting|date|match"
    r"|game|term|year|month|essay|review|one|job|relationship|thing|investment|attempt|try)"
    r"|all the time|constantly|without exception|again and again|over and over|every single"
    r"|yet again|as (?:per )?usual|same (?:old )?(?:story|pattern|thing|result|mistake)"
    r"|here we go again|like always|as always|each and every|whenever i|each time"
    r"|every \w+ (?:i|we) (?:touch|try|start|do|make|pick|choose|write|plan))"
)
# Words that turn a future into a certainty or a prediction.
FUTURE = (
    r"(?:going to|will|would|is never|am never|are never|never going|bound to|doomed to|sure to"
    r"|certain to|definitely|there will|gonna|will not|would not|is not going|are not going"
    r"|am not going|next (?:year|month|week|time|season|term))"
)
# People other than the writer, as a subject.
PEOPLE = (
    r"(?:he|she|they|everyone|everybody|people|nobody|no one|all of them|the whole \w+"
    r"|the (?:rest|others)(?: of \w+)?|my (?:\w+ )?(?:boss|manager|team|partner|friends?"
    r"|colleagues?|family|parents?|mum|mom|dad|wife|husband|kids?|son|daughter|coach|teacher"
    r"|editor|squad|class|audience|reports?|staff|director|neighbours?|sister|brother)"
    r"|the (?:teacher|boss|manager|team|class|audience|room|panel|interviewer|editor|client"
    r"|crowd|squad|other \w+|others|new \w+))"
)
# ... and where they are, said after them: "everyone at work", "the others on the team".
PEOPLE_SOMEWHERE = (
    PEOPLE
    + r"(?: (?:at|in|on|from) (?:(?:the|my|our|this|that|his|her|their) )?(?!i\b|me\b)[\w-]+)?"
)
# Kind, neutral or plan-like things after "should" or "must": plans, not rigid rules.
ERRAND = (
    r"(?:call|ring|phone|email|text|book|buy|pick up|collect|send|post|pay|check|remember to"
    r"|go to|get to|be at|be in|be home|be back|be there|be up|leave|finish the|sort out the"
    r"|water|bring|order|print|renew|file|tidy|clean|visit|ask|reply|write to|look at|take the"
    r"|get the|get some|get back to|drop off|make an appointment|see the|tell|cancel|confirm"
    r"|charge|pack|return|update|back up|fill in|sign)"
)

# Words whose misspellings the rules should still meet ("terible", "freind").
_KEY_WORDS_TEXT = (
    "terrible friend failure useless stupid idiot pathetic worthless hopeless because definitely"
    " perfect disaster always everyone everybody nobody obviously probably clearly mother father"
    " parent person player leader manager ruined disappointment embarrassment incompetent"
    " horrible rubbish loser whole completely totally absolutely failed ruined worst never"
    " everything nothing anything pointless selfish burden imposter impostor weak lazy"
    " disappointed should"
)
KEY_WORDS = tuple(_KEY_WORDS_TEXT.split())
# Real words one dropped or added letter from a key word, never respelt: without this "ever"
# read as "never", "lose" as "loser" and "the other parents" as "the mother parents". They
# are every whole word of the model's vocabulary (language/model/vocab.txt) the speller would
# change, but for the names ("pearson", "buren") and the two likelier to be typos ("prefect",
# "nothin"); tests/test_traps_patterns.py keeps the list complete.
NOT_TYPOS = (
    *("other", "ever", "closer", "lose", "hole", "manage"),
    *("filed", "layer", "farther", "noting", "fried", "feather"),
)
