"""The writer's own answers to a thought, as one pattern: the shapes ``answered.py`` reads.

Kept apart from ``words.py`` (the words the rules are made of) because it is long and
grows with every kind of answer found: setting a thought straight, calling it normal,
coping, a plan that checks or mends, a feeling told apart from the truth, blame weighed
fairly, kind self-talk.
"""

from __future__ import annotations

from .words import LABEL_WORDS, SENTENCE_START

# The writer's own answer to a thought (traps/answered.py).
ANSWER = (
    # setting the thought straight
    r"\bbut actually\b|\bactually,|\b(?:they're|theyre|they are|it's|its|it is)\s+probably not\b"
    # the guess doubted at once: "i keep thinking they all hate me but ... so prob not"
    r"|\bso (?:prob|probably) not(?=\s*[.,;!?]|\s*$)"
    # luck weighed with the effort: "got lucky with the draw but we still had to play well"
    r"|\bbut (?:we|i) still had to\b"
    # "... the whole day was ruined, when really it was just the morning"
    r"|\b(?:when|but|though)\s+(?:really|in fact|in reality),?\s+(?:it was|it's|its|it is"
    r"|that was)\s+(?:just|only)\b"
    # the thought put down to nerves: "so that's just nerves talking"
    r"|\b(?:that's|thats|that is|it's|its|it is)\s+(?:just\s+)?(?:the\s+|my\s+)?(?:nerves"
    r"|anxiety|tiredness|tired|worry|fear|stress|grief|exhaustion|critic|depression)\s+talking\b"
    # the fault weighed: "but three things went wrong and only one was mine"
    r"|\bbut\b[^.!?]{0,50}?\bonly (?:one|some|part|a bit|half)(?: of (?:it|them))? (?:was|were|is)"
    r" (?:mine|me|my fault|on me|down to me)\b"
    # a moment laughed off together: "fair, we all laughed" (not "everyone laughed at me")
    r"|\bwe (?:all |both )?(?:laughed|cracked up)\b|\bhad a (?:good )?laugh about\b"
    r"|\blaughed it off\b"
    # the guess checked after all: "was sure they hated it, then actually asked them"
    r"|\bthen (?:actually )?asked\b|\bactually asked\b"
    # a fallback ready: "so I expect to lose it and I've got a fallback"
    r"|\b(?:i've|ive|i have)(?: got)? a (?:fallback|back-?up|plan b)\b"
    # the thought taken back: "then decided to take it at face value", "then (I) remembered"
    r"|\bthen (?:decided|chose) to (?:take|believe|accept|trust)\b|\bthen (?:i )?remembered\b"
    # the thought weighed against what is real: "Realistically it needed a device we don't own"
    r"|\brealistically\b|\bin reality\b"
    # the guess confirmed out loud, so no guess: "my co-founder thinks I'm too cautious. He told
    # me, twice."
    r"|\b(?:he|she|they)\s+(?:told me|said so|said as much)\b"
    # feedback weighed and found fair: "she might have a point"
    r"|\b(?:might|may|probably|does|do|did)\s+(?:have|has)\s+a\s+point\b"
    # a hurt not taken to heart: "didn't take it personally"
    r"|\b(?:didn't|didnt|did not|don't|dont|do not|not)\s+take\s+it\s+personally\b"
    # a slip hardly seen: "honestly nobody noticed much", "nobody noticed but me"
    r"|\b(?:nobody|no one|noone)\s+(?:else\s+)?(?:even\s+|really\s+|actually\s+)?noticed"
    r"(?!\s+(?:me|my|how|that|when|what)\b)"
    # a slip everyone makes: "apparently everyone does it the first few times"
    r"|\beveryone (?:does|did|makes|made|gets|got) (?:it|that|this)(?= the first| at first"
    r"| sometimes|\s*[.,;!?]|\s*$)"
    # calling it normal or fine
    r"|\b(?:which|that|it)\s+makes sense\b|\bwhich is (?:completely |totally |perfectly )?normal\b"
    r"|\b(?:and )?(?:that's|thats|that is|it's|its|it is)\s+(?:ok|okay|fine|alright|allowed)\b"
    # a guess found wrong: "Turns out her train was cancelled", "the fact is they picked me"
    # (not "turns out" as "comes out": "nothing I bake ever turns out", "turned out well")
    r"|\b(?:it )?turn(?:s|ed) out\b(?!\s*(?:right|well|ok|okay|fine|badly|great|good|nice"
    r"|perfect\w*|flat|wrong|[.,;!?]|$))|\bthe (?:fact|facts|evidence|truth) (?:is|are|says)\b"
    # a feeling, or the thought, told apart from the truth: "feeling stupid isn't the same as
    # being stupid", "that's a feeling I'm noticing", "my gut has been wrong before", "a
    # signal to slow down, not a sign I can't cope", "not proof I'm unlovable"
    r"|\b(?:isn't|isnt|is not|aren't|arent|are not) the same as (?:being|a fact|the truth)\b"
    r"|\b(?:that's|thats|that is|it's|its|it is) (?:just )?a (?:feeling|thought)\b"
    r"|\b(?:has|have) been wrong (?:about (?:this|that|it) )?before\b"
    r"|\bnot a sign (?:that )?(?:i|i'm|im|we)\b|\bnot (?:proof|evidence) (?:that |of )?"
    r"|\b(?:isn't|isnt|is not|aren't|arent|are not) (?:proof|evidence)\b|\bnot a verdict\b"
    # blame denied, and oneself let off: "it wasn't because of anything I did", "letting
    # myself off the hook", "without beating myself up"
    r"|\b(?:wasn't|wasnt|was not|isn't|isnt|is not|not) (?:because of|down to)"
    r" (?:anything|something) i (?:did|said)\b|\bnot because of me\b"
    r"|\bletting myself off (?:the|that) hook\b"
    r"|\bwithout beating myself up\b"
    # permission after the thought: "you won't get everything right, and you don't need to"
    r"|\band (?:you|i) (?:don't|dont|do not) (?:need|have) to(?=\s*[.,;!?]|\s*$)"
    # someone's mood given a cause that is not the writer: "she's probably frightened"
    r"|\b(?:she's|shes|she is|he's|hes|he is|they're|theyre|they are) (?:probably|likely|just)"
    r" (?:frightened|scared|worried|tired|exhausted|stressed|busy|overwhelmed|grieving|in pain"
    r"|having a bad day)\b"
    r"|\bfeelings? about (?:\w+ ){1,2}(?:aren't|arent|are not|isn't|isnt|is not) the\b"
    # another reading weighed beside the guess: "or she might have just been chatting"; what
    # it was about: "it was aimed at me, but it was about their fear"
    r"|\bor (?:she|he|they|it) (?:might|may|could) (?:have )?(?:just|simply|only)\b"
    r"|\bbut (?:it was|it's|its|it is) (?:really )?about (?:their|his|her|them|him)\b"
    # one of many, doing what anyone can: "not alone in this", "that's all anyone can do"
    r"|\b(?:i'm |im |i am |you're |youre |you are )?not (?:alone|the only one) in (?:this|that"
    r"|it)\b|\ball anyone can do\b|\bin good company\b"
    r"|\b(?:we're|were|we are|everyone's|everyones|everyone is) all (?:just )?(?:winging it"
    r"|figuring it out|making it up as we go|doing (?:our|their) best|human)\b"
    r"|\bwhat (?:most|lots of|a lot of|many|plenty of) (?:people|\w+s) (?:feel|go through|think"
    r"|do|struggle with)\b"
    # a guess owned as a guess: "I don't know what she thinks"
    r"|\bi (?:don't|dont|do not) (?:actually |really )?know what (?:he|she|they|you|people|anyone"
    r"|\w+) (?:thinks?|feels?|meant|means)\b"
    # a fair share of the blame, owned: "partly my fault", "I'll own my bit"
    r"|\b(?:partly|partially|a bit|slightly) (?:my fault|on me|down to me)\b"
    r"|\bown (?:my|our) (?:bit|part|share)\b"
    # a harsh word given back to the mind that offered it ("'Loser' is what my brain offered"),
    # unless the writer then agrees with it ("... and it's right")
    r"|\bis what my (?:brain|mind|head|anxiety|inner critic|critic) (?:offered|said|came up with"
    r"|served up|went to|threw at me|jumped to)\b(?![^.!?]{0,40}\b(?:right|true|correct)\b)"
    # the critic heard as a part of oneself: "the part of me that says I must be perfect"
    r"|\bthe part of me that (?:says|thinks|wants|believes|insists)\b[^.!?]*"
    # feedback someone gave, taken as fair ("she said it was a bit much, and I can see why";
    # not "they all think I'm boring and I can see why", which agrees with a guess)
    r"|\b(?:said|says|told me|pointed out|mentioned)\b[^.!?;]{0,60}\band i can (?:see|understand)"
    r" why(?=\s*[.!?]|\s*$)"
    # coping
    r"|\b(?:i'd|id|i would|we'd|we would)\s+(?:survive|cope|be (?:ok|okay|fine|alright))\b"
    r"|\b(?:handled|survived|got through|been through|coped with) worse\b"
    r"|\bworst case\b[^.!?]{0,60}?\b(?:and|then|so)\s+(?:we|i)\s+(?:just\s+)?(?:rebook"
    r"|reschedule|try again|start again|go again|find another|cope|manage)\b"
    # a plan that checks or mends
    r"|\b(?:i'll|ill|i will|i'm going to|im going to|gonna|going to)\s+ask\b"
    r"|\brather than guess\w*|\binstead of guessing\b"
    # ... with what would have been assumed: "rather than assume she's annoyed with me"
    r"|\brather than assum\w*[^.!?,;]*|\binstead of assuming[^.!?,;]*"
    r"|\b(?:for|until) next time\b|\blessons? (?:learned|learnt)\b"
    r"|\bnext time i\b(?![^.!?;]{0,40}\b(?:come last|fail|mess (?:it )?up|screw (?:it )?up"
    r"|blow it|lose|be worse|do worse|be rejected|anyway)\b)"
    r"|\bnoted\b|\bkeep going\b|\bsee what happens\b|\breminder\b"
    r"|\b(?:set|setting)(?: up)? (?:an? |my )?(?:alarm|reminder|timer)s?\b"
    # not knowing yet: "I don't know yet", "I can't know", the guess doubted at once ("maybe
    # not")
    r"|\b(?:don't|dont|do not) (?:really )?know (?:yet|for sure|either way)\b"
    r"|\bi (?:can't|cant|cannot|can not) know\b|\b(?:or )?maybe not(?=\s*(?:[.,;!?]|$))"
    # a feeling named as a feeling: "which is a feeling, not a verdict", "feelings aren't facts"
    r"|\ba feeling,? not (?:a |the )?(?:fact|verdict|truth|proof)\b"
    r"|\b(?:isn't|isnt|is not|not) a verdict on (?:me|you|us|who i am|my \w+)\b"
    r"|\bfeelings? (?:aren't|arent|are not|isn't|isnt|is not) (?:a )?(?:facts?|proof|evidence)\b"
    # the thought let go or weighed fairly: "fair enough", "paid it, moving on", "and that
    # counts" (not "when it counts", a time); the old belief left behind: "I used to think I
    # ruin everything", "used to think everyone was watching", "I don't believe that now"
    r"|\bfair enough\b|(?:^|[,;.!?-]\s*|\band\s+|\bi'm\s+|\bim\s+)moving on\b"
    r"|(?<!\ball )(?<!\bwhen )(?<!\bwhere )"
    r"\b(?:and )?(?:that|it|this) (?:still )?counts\b"
    r"(?!\s+(?:for nothing|for little|against"
    r"|as (?:a |an |another )?(?:fail|mistake|loss|mess)\w*))"
    r"|(?:\bi |" + SENTENCE_START + r")used to (?:think|believe|tell myself)\b[^.!?,;]*"
    # a belief placed in childhood: "As a kid I believed the divorce was my fault"
    r"|\b(?:as a (?:kid|child|teen|teenager|little \w+)|when i was (?:little|small|a kid|a child"
    r"|young|younger|a teenager)),? i (?:believed|thought|told myself|was sure)\b[^.!?,;]*"
    # the writer's own reminder or doubt: "I can't read minds", "who knows what that was
    # about" (not "who knows why", a shrug at the reasons)
    r"|\b(?:i|we|you|nobody|no one) (?:can't|cant|cannot|can not) read"
    r" (?:minds|her mind|his mind|their minds)\b|\bwho knows what (?:that|it|this) (?:was|is)"
    r" about\b|\bwho knows what (?:she|he|they|people|anyone) (?:was|were|is|are|really)"
    r" think\w*"
    # a belief named as an old one, or one being unlearned: "Old belief: if I ask for help I'm a
    # burden", "something I'm unlearning: that I have to be the easy one"
    r"|\bold (?:belief|story|script|rule|thought)s?\s*[:\u2014-][^.!?]*"
    r"|\b(?:i'm|im|i am) (?:slowly |still )?unlearning\b[^.!?]*"
    # the thought questioned or held lightly: "'I should be over this by now', came up again.
    # Who says?"; "should eat something first, not as a rule"
    r"|\bwho says\s*\?|\bnot as a rule\b"
    r"|\bi (?:don't|dont|do not|no longer) believe (?:that|it|this)(?: (?:now|anymore|any more))?\b"
    # what it is for, and the old way of seeing it: "but that's what onboarding is for", "my
    # old self would have called this a disaster"
    r"|\bbut (?:that's|thats|that is|it's|its|it is) (?:literally |exactly |just )?what"
    r" (?:\w+ ){1,3}?(?:is|are) for\b"
    r"|\b(?:my old self|old me|the old me) would (?:have )?(?:said|thought|called)\b[^.!?]*"
    r"|(?<!should )(?<!could )(?<!would )(?<!must )\b(?:got|get|getting|have|had|i've|ive)"
    r"\s+(?:it |them )?checked\b"
    # disagreeing with the thought or with whoever said it
    r"|\bi (?:don't|dont|do not) buy (?:it|that)\b"
    r"|\b(?:she's|shes|she is|he's|hes|he is|they're|theyre|they are)\s+(?:only |just )?"
    r"(?:joking|kidding|teasing)\b"
    r"|\b(?:isn't|isnt|is not|doesn't|doesnt|does not)\s+(?:my whole|define me|make me an?)\b"
    # a feeling or an event denied as proof of something bad: "feeling it doesn't make it
    # true", "it doesn't mean they think I'm bad at it" (not "doesn't mean I'm any good")
    r"|\b(?:doesn't|doesnt|does not|didn't|didnt|did not)\s+make\s+(?:it|that|this)\s+(?:true"
    r"|so|a fact|real)\b"
    r"|\b(?:doesn't|doesnt|does not|didn't|didnt|did not)\s+(?:mean|make)\s+(?:that\s+)?"
    r"(?:i'm|im|i am|me)\s+(?:one|it|that)\b"
    r"|\b(?:doesn't|doesnt|does not|didn't|didnt|did not)\s+mean\s+(?:that\s+)?"
    r"(?:(?!not\b)\w+(?:'\w+)?\s+){0,4}?(?:bad|worse|worst|wrong|hate\w*|angry|mad|annoyed|upset|disappointed"
    r"|fail\w*|terrible|awful|over|ruined|doomed|" + LABEL_WORDS + r")\b"
    # not enough to know: "I don't have enough to go on", "no way to know yet"
    r"|\b(?:don't|dont|do not)\s+have\s+enough\s+to\s+go\s+on\b"
    r"|\bno\s+way\s+(?:to|of)\s+know\w*\b"
    # a thought named as a thought, then a "but": "the thought came that ..., but"
    r"|\b(?:the|a) thought (?:that|came|popped|crept)\b[^.!?]*?\bbut\b"
    r"|\b(?:brain|anxiety|inner critic)\s+(?:says|said|tells me|is telling me|keeps saying)\b"
    r"[^.!?]*?\bbut\b"
    # mending, or a practical step taken for what is feared or keeps happening
    r"|\b(?:i'll|ill|i will|going to|gonna)\s+(?:say sorry|apologi[sz]e|make (?:it|that) up"
    r"|(?:leave|put|set|pack|keep|write|book|bring|charge) (?:it|them|an?|the|my))\b"
    # (a prediction "called" is not a call: "gonna flop it, calling it now")
    r"|\b(?:(?:sending|fixing|doing|sorting|emailing|paying|booking) (?:it|them|that)"
    r"|calling (?:them|that)) (?:first thing|tomorrow|today|tonight|now|asap)\b"
    r"|\bjust in case\b|\bunless i ask\b|\bneed to (?:replace|repair|fix|service) the\b"
    r"|\b(?:so|that's why|thats why|that is why)\s+i(?:'m|m| am|'ve|ve| have)?\s+"
    r"(?:keep\w*|kept|carry\w*"
    r"|set|setting|book\w*|bought|buy\w*|pack\w*|leav\w*|text\w*|updat\w*|download\w*"
    r"|signed up|sign\w* up|enrol\w*|join\w*|took up|registered"
    r"|call\w*|email\w*|brought|bring\w*|use|using|wrote|writ\w*|put|practi[sc]\w*"
    r"|working on|learning)\b"
    # a practical step after a comma, its "i" left out: "always forget it, bought a spare"
    r"|[,;]\s*(?:so\s+)?(?:bought|ordered|booked|packed) (?:a|an|some|myself a|a new)\b"
    # signing up for what was missed: "never learned to swim, signing up for lessons in march"
    r"|\b(?:signing|signed|signing myself) up for (?:\w+ )?(?:lessons|classes|a course|a class)\b"
)
