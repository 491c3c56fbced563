"""Pattern-type rules on the plain form: fears, other minds, predictions, feelings, successes.

Like ``rules_plain_self``, these read the plain form and name shapes rather than phrases:
a chain of "what if"s, a whole future declared over, someone "obviously" thinking something,
a future marker with something going wrong, a success followed by a minimiser, a feeling
followed by "so ... must".
"""

from __future__ import annotations

from .rule import Rule, rule
from .words import DOUBTED, GOOD_OPINION, SAID_ALOUD, UNDENIED_WORD
from .words_plain import (
    BAD,
    FEELING,
    LABEL_ADJ,
    LABEL_NOUN,
    MINIMISER,
    PEOPLE,
    PEOPLE_SOMEWHERE,
    SUCCESS,
)

_LIFE_PART = (
    r"(?:career|life|future|season|year|marriage|relationship|reputation|chances?|plans?|world"
    r"|business|company|deal|degree|family|credit|health|body|running life|music career|job)"
)
#: What a person hopes for and may fear losing all at once.
_HOPED_FOR = (
    r"(?:career|life|future|dreams?|promotion|job|chances?|place|degree|bonus|deposit|savings"
    r"|marriage|reputation|business|scholarship|contract|spot|visa|mortgage|licen[cs]e)"
)
#: Something going wrong, which a forecast sealed as certain needs ("gonna flop it, calling it
#: now"; not "I'll see you at six, for sure").
_GOES_WRONG = (
    r"\b(?:not|no|never|nobody|nothing|fail\w*|flop\w*|bomb\w*|bad|badly|wrong|empty|lose|lost"
    r"|late|worse|worst|mess\w*|disaster|drop\w*|sack\w*|fired|reject\w*|miss\w*|forget|crash\w*"
    r"|break|broke|quit|cut|close|problem\w*|hate\w*|pass on|infection|ruin\w*|end badly)\b"
)
_OVER = (
    # "over lunch", "over the last year": a preposition, no ending.
    r"(?:over(?! (?:the|a|an|my|last|past|next|lunch|dinner|breakfast|coffee|drinks|tea|many"
    r"|several|budget|time|capacity|schedule|the limit|\d+)\b)|finished|ruined|done|gone"
    r"|pointless|destroyed|wrecked|doomed|blow\w* up"
    r"|fall\w* apart|fell apart|collapse\w*|down the drain|in ruins|shut down|basically pointless"
    r"|falls apart|is over)"
)
_THINK = r"(?:think\w*|thought|know|knows|see|saw|believe\w*|reckon\w*|feel\w*|felt)"
_ATTITUDE = (
    r"(?:decided|judg\w*|can see|can tell|could tell|notic\w*|hate\w*|pit(?:y|ied|ies)"
    r"|felt sorry|feel sorry|laugh\w* at|talk\w* about|vent\w*"
    r"|sick of|tired of|fed up|losing interest|lost interest|bored|annoyed|disappointed|regret\w*"
    r"|resent\w*|want me gone|would rather|wish\w*|can not stand|do not care|does not care"
    r"|did not care|do not like|does not like|do not want|does not want|do not rate|does not rate"
    r"|do not respect|does not respect|do not trust|does not trust"
    r"|see through)"
)
_FUTURE_BAD = (
    r"(?:fail\w*|go wrong|go badly|go south|be (?:even )?worse|be a disaster|be rejected|be fired"
    r"|get (?:fired|sacked|rejected|dumped|shot down|laughed at|worse)|shot down|resent\w*"
    r"|hate\w*|leave (?:me|him|her|us)|leave(?=\s*[.,;!?]|$)|break up|dump\w*|struggle\w*"
    r"|laugh\w* at|reject\w*|end (?:badly|in tears)|fall behind|never catch up"
    r"|(?:shoot|shut|turn|put) (?:me|him|her|us|it) down"
    r"|end (?:up )?(?:exactly |just )?(?:like|the same (?:way )?as) (?:all )?the"
    r" (?:others|last \w+|rest)"
    r"|be nothing|there will be nothing|regret\w*|embarrass\w*|humiliat\w*"
    r"|flop\w*|bomb\w*|tank\w*|see through|be alone|end up alone|die alone)"
)
_GOOD_THING = (
    r"(?:get\w*|reply|work|go anywhere|happen|change|improve|like|love|want|hire|pick|choose|pass"
    r"|make it|succeed|recover|find|last|settle|forgive|call|text|come|help|be (?:good|enough"
    r"|happy|ok|okay|fine|any good|picked|chosen))"
)

# (and what someone noticed, welcomed: "i am glad she noticed")
_NOT_READ = (
    DOUBTED
    + r"|\b(?:if|whether|do|does|did|ask(?:ed)?|know|said|says|told me)\s+$"
    + r"|\b(?:glad|happy|pleased|grateful|relieved|chuffed) (?:that )?$"
)
_GOOD = (
    GOOD_OPINION + r"|\s+(?:i am|i was|i would|i will) (?:so |really |very )?"
    r"(?:good|great|ready|right|fine|kind|capable|brilliant|amazing)\b"
)
# What someone decided or feels about a third person, the writer not in it: "my daughter
# decided nobody likes her".
_ABOUT_SOMEONE_ELSE = (
    r"^\s+(?:that\s+)?(?:(?!(?:me|my|i|we|us|our)\b)\w+(?:'\w+)?\s+){0,4}?(?:her|him|them|herself"
    r"|himself|themselves)\b(?![^.!?]*\b(?:me|my|i|we|us|our)\b)"
)

#: A success the writer is glad of is not explained away.
_GLAD = r"\b(?:grateful|thankful|glad|blessed|proud)\b"


def _discounted_success(pattern: str) -> Rule:
    """Discounting the positive where a success word comes before (in the sentence or the
    two before it) and the writer is not glad of it."""
    return rule(
        "discounting-positive",
        pattern,
        requires=r"\b" + SUCCESS + r"\b",
        reach_back=True,
        unless=_GLAD,
    )


RULES: tuple[Rule, ...] = (
    # --- catastrophising ---
    rule("catastrophising", r"\bwhat if\b[^.!?]{0,140}?\bwhat if\b"),
    # One loss leading link by link to ruin: "lost my ID, which means no library, which means
    # no revision, which means I fail the year".
    rule(
        "catastrophising",
        r"\b(?:which|that|this) means\b[^.!?]{0,60}?\b(?:which|that|this) means\b",
        requires=r"\b" + BAD + r"\b",
    ),
    rule(
        "catastrophising",
        r"\bwhat if\b[^.!?]{0,60}?\b(?:die|dies|dying|dead|heart attack|collaps\w*|cancer|stroke"
        r"|lose everything|lose the (?:house|flat)|homeless|fired|layoffs?|bankrupt|never \w+"
        r"|ruin\w*|falls apart|fall apart|wreck\w*|nobody helps)\b",
    ),
    rule(
        "catastrophising",
        r"\b(?:my|our|the|his|her|that is my|that is the) (?:whole |entire )?(?:\w+ )?"
        + _LIFE_PART
        # no "not" or "never" on the way to the ending: "my career is not finished" denies it
        + r"\b(?: "
        + UNDENIED_WORD
        + r"){0,3}? (?:is |are |was |will be |would be |could "
        r"|would |will |has |have"
        r" |going to |is going to )?(?:be |get |basically )?" + _OVER + r"\b",
        negatable=True,
    ),
    rule(
        "catastrophising",
        r"\b(?:(?:the )?(?:single )?(?:most|worst) (?:\w+ ){0,2}(?:of|in) my (?:entire |whole )?"
        r"life|worst thing that could (?:possibly )?(?:have )?happen\w*|i am going to die"
        r"|i (?:can not|could not|will not) (?:survive|cope|take|handle) (?:this|it|any more"
        r"|without)|genuinely can not cope|never recover"
        r"|the end of (?:the(?! (?:day|week|month|year|shift|term|night|meeting|session|season"
        r"|quarter|call|film|match|game|holiday|lesson|class|month|street|garden|queue)\b)|my|us"
        r"|me"
        r"|everything)"
        r"|(?<!\bi )(?:ruin\w* everything|lose everything)|take me down"
        r"|\blos(?:e|ing) (?:it all|everything)\b|(?:it is|it was|its) (?:all )?over for (?:me|us)"
        r"|(?:planned|planning|plan|writing) (?:the|my|his|her|their) (?:own )?funeral"
        r"|no more (?:\w+ ){1,2}ever(?! again)"
        r"|(?:going to|will) be shut down|it has to be(?! (?:something i|me\b|my\b|because"
        r"|about (?:me|my)\b))|convinced (?:there is|it is|that|he|she|i)|went straight to"
        r"|ruin\w* (?:my"
        r"|their|his|her|our) (?:whole )?(?:life|lives|childhood|future|career)"
        r"|(?:whole|entire) (?:\w+ )?(?:future|life) (?:is )?gone|thrown away everything"
        r"|it is (?:melanoma|cancer|a tumou?r|serious))\b",
        negatable=True,
    ),
    # A verdict of ending, without a verb: "career over", "= brand finished".
    rule(
        "catastrophising",
        r"\b(?:career|life|future|dreams?|brand|business|marriage|reputation|chances|hopes"
        r"|promotion) (?:over|finished|done for|toast)(?= *(?:[,.;:!?=]|$|and\b|then\b))",
        negatable=True,
    ),
    # Doom declared: "we are screwed", "were toast" (at a clause's start, "were" is "we're").
    rule(
        "catastrophising",
        r"(?:^|(?<=[,;:.!?])|(?<=[,;:.!?] )|(?<=\band ))(?:we are|were|i am)"
        r" (?:so |totally |completely |well and truly )?(?:screwed|doomed|done for|toast|sunk)\b",
        negatable=True,
    ),
    # A farewell to what was hoped for: "bye bye promotion", "kiss the deposit goodbye".
    rule(
        "catastrophising",
        r"\b(?:bye bye|goodbye|kiss\w* goodbye to) (?:to )?(?:my |the |any |that )?(?:\w+ )?"
        + _HOPED_FOR
        + r"\b|\bkiss\w* (?:my |the |any |that )(?:\w+ )?"
        + _HOPED_FOR
        + r" goodbye\b",
    ),
    # Escalation: "next thing he is dropping out".
    rule(
        "catastrophising",
        r"\bnext thing (?:you know )?(?:i|he|she|they|we|it|you|the|my|our|his|her)\b",
        not_after=r"\b(?:the|my|a|your|our) $",
    ),
    # A guess that lands on the gravest outcome: "probably a heart attack", "could be burning
    # down", "convinced it has spread".
    rule(
        "catastrophising",
        r"\b(?:probably|must be|must have|could be|might be|could have|might have|am convinced"
        r"|am sure|am certain)\b(?: \w+){0,4}? (?:a heart attack|a stroke|cancer|a tumou?r"
        r"|had a fall|(?:burning|burnt|burned) down|on fire|spread\w*|dying(?! to)|going to die)\b",
        negatable=True,
    ),
    # --- mind-reading ---
    rule(
        "mind-reading",
        r"\b"
        + PEOPLE_SOMEWHERE
        + r"\s+(?:(?:all|obviously|clearly|probably|secretly|definitely|must|just|so|were all"
        r"|was|were|are|is|all just|must have|have|has|could|can) )*"
        + r"(?:obviously|clearly|probably|secretly|definitely|must(?: have)?|all|surely) "
        + _THINK
        + r"\b(?! (?:it|the|that the|about the|what) (?:plan|meeting|idea|weather)\b)",
        not_after=_NOT_READ,
        not_before=_GOOD,
        negatable=True,
        # the writer named after the verb ("everyone in my lab must think the plan is late"
        # is not about the writer)
        requires=r"\b" + _THINK + r"\b[^.!?]*\b(?:me|my|i|we|us|our|myself|mine|it|rubbish|lost)\b",
        unless=SAID_ALOUD,
    ),
    rule(
        "mind-reading",
        r"\b"
        + PEOPLE
        + r"\s+(?:(?:all|obviously|clearly|probably|secretly|definitely|must|just|so|were all"
        r"|was|were|are|is|all just|must have|have|has|could|can) "
        r"|(?!(?:will|would|going|gonna|said|says|told)\b)\w+ ){0,3}?" + _ATTITUDE + r"\b",
        not_after=_NOT_READ,
        not_before=_GOOD + "|" + _ABOUT_SOMEONE_ELSE,
        negatable=True,
        unless=SAID_ALOUD,
    ),
    rule(
        "mind-reading",
        r"\b(?:"
        + PEOPLE_SOMEWHERE
        + r"|the \w+) (?:\w+ )?(?:thinks?|thought|believes?|decided|reckons?"
        r"|can tell|could tell|knows?|sees?|saw) (?:that )?i (?:am|was|have|had|will|would)"
        r" (?:a |an |so |such |really |just |being |not |totally |completely )*(?:"
        + LABEL_NOUN
        + r"|"
        + LABEL_ADJ
        + r"|out of my depth|no idea|\w+ing it up|a bad \w+|too \w+ (?:to|for)\b)\b",
        not_after=DOUBTED,
        unless=SAID_ALOUD,
    ),
    rule(
        "mind-reading",
        r"\b(?:and|then|just|all) (?:decided|concluded|could tell|can tell|knew) (?:that )?i"
        r" (?:am|was|have|had|do not|did not|can not)\b",
    ),
    rule(
        "mind-reading",
        r"\b(?:inside|secretly|deep down|behind (?:my|the) back|under (?:their|his|her) breath)"
        r" (?:\w+ )?(?:he|she|they|everyone)?\s*(?:was|were|is|are)? ?(?:thinking|thinks|laughing"
        r"|judging|talking)\b|\b(?:was|were) (?:all )?thinking\b",
    ),
    # --- fortune-telling ---
    rule(
        "fortune-telling",
        # no "not" or "never" on the way: "I will not fail this time" denies the failure
        r"\b(?:going to|will|bound to|doomed to|sure to|certain to|definitely|there will)\s+"
        r"(?:" + UNDENIED_WORD + r"\s+){0,3}?" + _FUTURE_BAD + r"\b",
        negatable=True,
        not_after=r"\b(?:if|what if|when|whether|unless|hope|maybe|might|worried|afraid|scared"
        r"|fear|worry)\b[^,.;]*$",
    ),
    # A failure called with certainty: "no chance i will pass", "no chance we are going to win".
    rule(
        "fortune-telling",
        r"\bno chance (?:in hell )?(?:i|we|they|he|she|it) (?:will|would|am going to|are going to"
        r"|is going to|gonna) (?:\w+ ){0,2}?" + _GOOD_THING + r"\b",
        not_after=r"\b(?:what if|whether|unless|hope|maybe)\b[^,.;]*$",
    ),
    rule(
        "fortune-telling",
        r"\b(?:will not|would not|is not going to|am not going to|are not going to|never going to"
        r"|am never|is never|are never|will never|not ever going to)\s+(?:\w+\s+){0,2}?"
        + _GOOD_THING
        + r"\b",
        not_after=r"\b(?:what if|whether|unless|hope|maybe)\b[^,.;]*$",
        unless=r"\bi will never forget\b",
    ),
    # The writer cast ahead of time as the one who fails: "i will be the nurse who can not
    # keep up", "i am going to be the one that lets everyone down".
    rule(
        "fortune-telling",
        r"\bi (?:will|am going to|am gonna|am bound to) be the (?:\w+ ){1,2}?(?:who|that)"
        r" (?:(?:can not|could not|never|always|just|still) )?(?:can not|does not|fails?|ruins?"
        r"|messes|screws|lets?|holds?|falls?|gets? (?:fired|dropped|cut|left|laughed)|keep up"
        r"|drags?|slows?|embarrass\w*|freezes|chokes|forgets?|breaks?)\b",
        negatable=True,
    ),
    rule(
        "fortune-telling",
        r"\b(?:no question|mark my words|it is pointless even trying"
        r"|no point (?:even )?(?:trying|entering|applying|going|bothering)"
        r"|might as well not bother|not going to happen|never going to happen)\b",
    ),
    # A gloomy forecast sealed with a dare: "I'll make a bad call before the night's out, you
    # watch", "gonna flop it, calling it now" (not "we'll win on Saturday, you watch").
    rule(
        "fortune-telling",
        r"\b(?:will|going to|gonna)\b[^.!?]{0,60}?,?\s*"
        r"(?:you watch|you wait|just you wait|watch this space|calling it now|i am calling it"
        r"|bet you|you will see)\b",
        requires=_GOES_WRONG,
    ),
    # A forecast sealed as certain in the same sentence: "the panel will pass on me,
    # guaranteed", "there is going to be some hidden problem, i just know it" (not a good
    # outcome: "we are going to smash it, i can feel it").
    rule(
        "fortune-telling",
        r"\b(?:will|going to|gonna|is never|am never|are never)\b[^.!?]{0,80}?,?\s*"
        r"(?:guaranteed|for sure|no doubt(?: about it)?|without a doubt|(?:i )?just know it"
        r"|i know it|100 ?%|100 percent|i can feel it|i can tell)(?=\s*(?:[.,;!?]|$))",
        not_after=r"\b(?:what if|whether|unless|hope|maybe)\b[^,.;]*$",
        requires=_GOES_WRONG,
    ),
    # --- discounting-positive ---
    _discounted_success(
        r"\b(?:but|though|although|however|yeah but|still|then again)\b[^.!?]{0,80}?\b"
        + MINIMISER
        + r"\b"
    ),
    # A success summed up as the least that was owed, ending its clause: "that is the bare
    # minimum though", "it is my job." (not "it is my job to lock up", "the minimum to stay on
    # the course", "what i am meant to do as their dad"), "its what i am supposed to do".
    _discounted_success(
        r"\b(?:that is|it is|that was|it was|thats|its)\s+(?:just\s+|only\s+|really\s+)?"
        r"(?:the\s+(?:bare\s+)?minimum|my job|what i am (?:supposed|meant|paid) to (?:do|be doing))"
        r"(?=\s*(?:[.;!?,]|$|\s+(?:though|anyway|after all|really)\b))"
    ),
    rule(
        "discounting-positive",
        r"\b(?:(?:praises|likes|loves|says that (?:to|about)|say that (?:to|about)) (?:everything"
        r"|everyone|anyone)|(?:has|have|had) to say that|that is just what (?:you|people) say"
        r"|(?:they|she|he) (?:were|was) desperate|(?:would|will) have taken anyone"
        r"|(?:was|were|is) the \w+, not me|only (?:because|bc|cause) (?:nobody|no one|they"
        r"|she|he|it|the|of)|anyone (?:could|would|can) (?:have )?(?:\w+ )?(?:done|pass\w*|do)"
        r"|basically anyone|what else (?:would|could) (?:they|she|he) (?:say|tell|do)"
        # "they'd have said that whatever I read", "a finished draft barely counts", "hit
        # target despite me"
        r"|(?:would|will) (?:have )?(?:say|said) (?:that|so|it|the same)\b[^.!?]{0,30}?"
        r"\b(?:whatever|anyway|regardless|no matter|either way)"
        r"|(?:barely|hardly|scarcely) counts?|despite me(?! \w+ing))\b",
        unless=_GLAD,
    ),
    # Praise put down to the one who gave it: "she says that to everybody", "they say that
    # after every offsite" (not "my gran says that to everybody she meets: drink water").
    _discounted_success(
        r"\b(?:says|say) (?:that|it) (?:to|about|after|at) (?:everybody|anybody"
        r"|all of (?:us|them)|every \w+|any \w+)\b"
    ),
    # A success, then in the next clause, with no "but", a guess at some other cause: "got
    # into the masters, they must have been short on applicants", "kids said i am the best,
    # kids say that" (not "must have been our best night yet").
    rule(
        "discounting-positive",
        r"(?:(?<=[,.;:=!])|(?<=[,.;:=!] )|(?<=\band ))(?:\w+ ){0,4}?(?:(?:must have|mustve|must of)"
        r" been(?! (?:my|our|the|a|an) (?:best|greatest|favourite|proudest|happiest|finest)\b)"
        r"|(?:probably|prob) did not (?:really )?(?:read|mean|notice|look|check|listen)"
        r"|of course (?:\w+ ){0,2}say (?:that|so)|(?:they|he|she|people|kids|mums?|dads?"
        r"|parents|friends|everyone) (?:always |just )?say (?:that|so)"
        r"|(?:has|have|had) to say (?:that|so|nice)|just (?:a|an) (?:weak|easy|soft|small|slow"
        r"|bad) \w+|only (?:because|cos|coz|cuz|cause) of|pity me|felt sorry for me"
        r"|(?:probably|prob|just|only) (?:just )?(?:an? )?(?:bot|bots|spam|fake account))\b",
        requires=r"\b" + SUCCESS + r"\b",
        reach_back=True,
        unless=_GLAD,
    ),
    # --- emotional-reasoning ---
    rule(
        "emotional-reasoning",
        r"\b" + FEELING + r"\b[^.!?]{0,70}?\b(?:so|then|therefore|which means|that means|means"
        r"|proves|—|-)\s+(?:\w+\s+){0,3}?(?:must|clearly|obviously|i guess|i knew|i know|has to"
        r"|definitely|have clearly|has clearly)\b",
    ),
    # The feeling restated as a fact: "feel ugly today so i am ugly", "feel lazy = am lazy".
    rule(
        "emotional-reasoning",
        r"\b(?:feel|feels|felt|feeling) (?:like )?(?:an? |so |really |such an? )?(\w+)\b"
        r"[^.!?]{0,30}?(?:\bso\b|\btherefore\b|\bwhich means\b|\bmeans\b|\bthen\b|=)"
        r" ?(?:i |he |she |they |it |we )?(?:am |is |are |was |were |must be )?"
        r"(?:an? |so |really |just )?\1\b",
    ),
    rule(
        "emotional-reasoning",
        r"\b(?:feel|feels|felt|feeling) (?:like )?[^.!?]{0,40}?,? so (?:he|she|it|i|they|we)"
        r" (?:probably |must |really |definitely |clearly )?(?:is|am|are|was|were|did|do|does)\b"
        r"(?=\s*(?:[,.;!?]|$|and))"
        r"|\b(?:nervous|anxious|scared|uneasy|worried|dread\w*)\b[^.!?]{0,50}?\b(?:there|something)"
        r" (?:must|has to) be\b",
    ),
)
