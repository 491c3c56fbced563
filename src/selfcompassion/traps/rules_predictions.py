"""Rules for catastrophising, mind-reading and fortune-telling."""

from __future__ import annotations

from .rule import Rule, rule
from .words import (
    ABOUT_A_THING,
    BEFORE_A_THING,
    BOUNDED_DISASTER,
    DOUBTED,
    GOOD_OPINION,
    LIGHT_HEARTED,
    NOT_A_DISASTER_WORD,
    OTHER_SUBJECT,
    OTHERS_SOMEWHERE,
    ROLE_WORDS,
    SAID_ALOUD,
    UNDENIED,
)

RULES: tuple[Rule, ...] = (
    # --- catastrophising ---
    rule(
        "catastrophising",
        r"\b(?:(?:a|an|total|complete|absolute|utter)\s+)*(?:disaster|catastrophe|nightmare"
        r"|disastrous|catastrophic)\b" + NOT_A_DISASTER_WORD,
        negatable=True,
        not_after=r"(?:"
        + ABOUT_A_THING
        + r"|\bI(?:'m|\s+am)\s+(?:\w+\s+){0,2}$|\bnatural\s+$|(?-i:\b[A-Z]\w+)\s+$)",
        # "a nightmare commute" is about the commute; "a disaster of a human" labels someone.
        not_before=BEFORE_A_THING + r"|^\s+of\s+an?\s+" + ROLE_WORDS + r"\b",
        unless=LIGHT_HEARTED + "|" + BOUNDED_DISASTER,
    ),
    rule(
        "catastrophising",
        r"\b(?:ruin|wreck|destroy|sink|kill|bankrupt)\w*\s+(?:us\b|me\b|(?:my|the|our)\s+"
        r"(?:whole\s+|entire\s+)?(?:career|life|future|reputation|everything|marriage"
        r"|relationship|family|business|company|firm|shop|chances|finances|credibility))\b",
        negatable=True,
    ),
    rule(
        "catastrophising",
        r"\bthe worst\s+(?:thing|possible|outcome|mistake)\b",
        negatable=True,
    ),
    rule("catastrophising", r"\b(?:life|career|world)\s+is\s+over\b", negatable=True),
    rule("catastrophising", r"\bend of the world\b", negatable=True),
    rule("catastrophising", r"(?:^|[,.;]\s*|\bno \w+,\s*)no future\b"),
    # "that's my running over for good"; "I'll be finished" (not "by five")
    rule(
        "catastrophising",
        r"\b(?:that's|thats|that is) my (?:\w+ ){1,2}?(?:over|finished|done) for good\b",
    ),
    rule(
        "catastrophising",
        r"\b(?:I'll|I will|I'd|I would|I'm going to|I am going to) be (?:finished|done for|ruined"
        r"|destroyed)\b",
        not_before=r"^\s+(?:by|at|in|before|soon|early|on time|with|after|tonight|today"
        r"|tomorrow)\b",
    ),
    rule(
        "catastrophising",
        r"\b(?:everything|it all|all of it|the whole\s+\w+|(?:my|our|the)\s+(?:\w+\s+)?(?:business"
        r"|company|firm|shop|career|life|marriage|relationship|family|future|reputation|team"
        r"|finances|plans?|world))\s+(?:will|is going to|'s going to|are going to|would|could"
        r"|might|'ll|is|'s|are)\s+" + UNDENIED + r"(?:fall(?:ing)? apart|fall(?:ing)? to pieces"
        r"|collaps\w*|go(?:ing)? under|go(?:ing)? bust|fold(?:ing)?|crumbl\w*|implod\w*"
        r"|come crashing down|be ruined|be destroyed|be finished|be over(?! budget| time)"
        r"|sink(?:ing)?"
        r"|go down the drain)\b|\b(?:the|my|our)\s+(?:business|company|firm|shop|career|life"
        r"|marriage|family)\s+(?:goes under|goes bust|collapses|falls apart|crumbles|folds"
        r"|implodes)\b",
    ),
    rule(
        "catastrophising",
        r"\b(?:my|our)\s+(?:whole\s+|entire\s+)?(?:\w+\s+)?(?:future|life|career|chances"
        r"|reputation|marriage|business)\s+(?:is|are|'s|will be|would be|is going to be)\s+"
        + UNDENIED
        + r"(?:gone|over|finished|ruined|destroyed|doomed|in tatters|in ruins)\b"
        r"|\beverything (?:I've|I have|we've|we have) (?:worked|built|done|fought)(?: for)?"
        r"\s+(?:is|was|will be|'s)\s+(?:\w+\s+)?(?:gone|over|ruined|wasted|for nothing)\b",
        negatable=True,
    ),
    rule(
        "catastrophising",
        r"\b(?:I'll|I will|I'm going to|I am going to|I'm gonna)\s+(?:\w+\s+)?"
        r"(?:get|be)\s+(?:fired|sacked|let go)\b"
        r"|\bI(?:'m|\s+am)\s+getting\s+(?:fired|sacked)\b(?!\s+up)",
    ),
    # "I'll lose everything" (not "I lose everything", a habit: rules_plain_self.py).
    rule(
        "catastrophising", r"(?<!\bI\s)\blose\s+(?:everything|(?:the|my)\s+(?:flat|house|home))\b"
    ),
    rule(
        "catastrophising",
        r"\b(?:will|'ll|going to|gonna|could|might|would)\s+(?:\w+\s+)?lose\s+(?:all\s+(?:of\s+)?"
        r"|every\s+)?(?:my|our|the)\s+(?:\w+\s+)?(?:job|house|home|flat|apartment|kids|children"
        r"|family|friends|partner|marriage|business|clients|customers|savings|money|career"
        r"|reputation)\b",
    ),
    rule("catastrophising", r"\bnever recover\b"),
    # The gravest guess about what has already happened: "something terrible must have
    # happened to him" (not "something terrible happened at work", a report).
    rule(
        "catastrophising",
        r"\bsomething\s+(?:terrible|awful|horrible|dreadful|bad|serious)\s+(?:must|might|could"
        r"|has|'s)\s+(?:have\s+)?happened\b",
        negatable=True,
    ),
    rule("catastrophising", r"\b(?:ruined|wrecked|destroyed)\s+everything\b", negatable=True),
    rule(
        "catastrophising",
        r"\bbeginning of the end\b|\bno (?:coming|going|way) back from\b",
        negatable=True,
    ),
    rule(
        "catastrophising",
        r"\b(?:we're|we are)\s+(?:\w+\s+)?(?:finished|doomed|ruined|done for|sunk|toast)\b"
        r"|\b(?:I'm|I am)\s+(?:\w+\s+)?(?:doomed|done for|ruined|toast|sunk)\b",
        negatable=True,
    ),
    rule(
        "catastrophising",
        r"\b(?:will|'ll|going to|gonna|could|might)\s+" + UNDENIED + r"(?:go bankrupt|go bust"
        r"|go under|be bankrupt|be homeless|be ruined|be destitute|be on the streets?"
        r"|be evicted|run out of money|end up out of (?:work|a job))\b",
    ),
    rule(
        "catastrophising",
        r"\b(?:scarred|ruined|destroyed|damaged|traumati[sz]ed|messed up)\s+(?:for life|forever"
        r"|for good|for ever)\b",
    ),
    rule(
        "catastrophising",
        r"\bI(?:'ll|\s+will|'m going to|\s+am going to)\s+(?:completely\s+|just\s+)?(?:break"
        r"|crack|fall apart|go under|snap|collapse)\b(?!\s+(?:the|it|my|a|an|this|that|up|down"
        r"|out|in|into|through|on|at|back|even|records?|free|ground|bread)\b)",
    ),
    rule(
        "fortune-telling",
        r"\b(?:we|I|they|he|she)(?:'ll|\s+will)\s+have\s+(?:split up|broken up|failed|been fired"
        r"|been sacked|gone bust|given up|lost (?:it|everything|the \w+)|dropped out|quit|flunked"
        r"|been dumped|been let go|been laid off|blown it|messed it up)\s+by\b",
    ),
    rule(
        "fortune-telling",
        r"\b(?:I'm|I am|Im)\s+(?:definitely|so|totally|100%|obviously|clearly|surely|certainly)"
        r"\s+(?:being|getting)\s+(?:fired|sacked|let go|dumped|dropped|kicked out|laid off"
        r"|replaced)\b",
    ),
    rule(
        "catastrophising",
        r"\b(?:alone forever|end up (?:\w+\s+and\s+)?(?:homeless|alone|broke|bankrupt|destitute"
        r"|on the streets?|with nothing|in prison|in jail))\b",
    ),
    # --- mind-reading ---
    rule(
        "mind-reading",
        r"\b" + OTHERS_SOMEWHERE + r"\s+(?:(?:all|must|probably|secretly|clearly|obviously"
        r"|definitely|just|really)\s+)*(?:think|thinks|thought|believe|believes|could tell"
        r"|can tell|could see|can see|know|knows|see|sees|saw)\s+(?:that\s+)?(?:I\b|I'|me\b)",
        not_before=GOOD_OPINION,
        # "I must never let the team see me stressed": what they may see, not what they think.
        not_after=DOUBTED + r"|\b(?:let|letting|lets|make|making)\s+$",
        unless=SAID_ALOUD,
    ),
    rule(
        "mind-reading",
        r"\b" + OTHERS_SOMEWHERE + r"(?:'s|'re|\s+is|\s+are|\s+was|\s+were|\s+must be)\s+"
        r"(?:\w+\s+){0,2}?"
        r"(?:annoyed|angry|mad|upset|disappointed|fed up|sick|tired|bored|laughing|judging"
        r"|talking|gossiping|whispering|complaining|embarrassed|ashamed)\s+(?:(?:of|with)\s+\w+ing"
        r"\s+(?:from|to|with|about)?\s*|with\s+|at\s+|of\s+|by\s+|in\s+|about\s+)?me\b"
        r"|\b(?:talking|gossiping|laughing|whispering)\s+about\s+my\s+\w+",
        not_after=DOUBTED,
    ),
    rule(
        "mind-reading",
        r"\b" + OTHERS_SOMEWHERE + r"\s+(?:(?:must|probably|secretly|all|really)\s+)*(?:regrets?"
        r"|regretted|resents?|hates?|can't stand|wish(?:es)?)\s+(?:\w+\s+){0,2}?me\b",
        not_after=DOUBTED,
    ),
    rule("mind-reading", r"\bI bet\s+(?:that\s+)?" + OTHER_SUBJECT + r"\b"),
    rule(
        "mind-reading",
        r"\b" + OTHERS_SOMEWHERE + r"\s+(?:(?:all|must|probably|clearly|obviously|definitely)\s+)*"
        r"(?:noticed|notice|saw|could see|could tell|can tell)\s+(?:how|that|what)\s+"
        r"(?:\w+\s+){0,2}?I\b",
        not_after=DOUBTED,
    ),
    rule(
        "mind-reading",
        r"\b(?:think|thinks|thought)\s+less\s+of\s+me\b|\blook\w*\s+down\s+on\s+me\b"
        r"|\bwondering\s+why\s+I\b",
    ),
    rule("mind-reading", r"\bI (?:can|could) tell\s+(?:that\s+)?" + OTHER_SUBJECT + r"\b"),
    rule(
        "mind-reading",
        r"\b" + OTHERS_SOMEWHERE + r"\s+(?:doesn't|don't|didn't)\s+(?:really\s+)?(?:trust|like"
        r"|respect|want|rate|value|believe in)\s+me\b",
        not_after=DOUBTED,
    ),
    rule("mind-reading", r"\bbehind my back\b"),
    rule(
        "mind-reading",
        r"\b(?:everyone|everybody|they all|all of them|the whole (?:team|office|class|school"
        r"|family))\s+(?:knows|know|can see|sees|see)\s+it\b(?!'|\s+(?:is|was|will)\b)",
    ),
    rule(
        "mind-reading",
        r"\b(?:inside|deep down),?\s+(?:she|he|they|everyone)\s+(?:was|were|is|are|must be"
        r"|must have been)\b",
    ),
    rule("mind-reading", r"\blook at me and (?:see|think)\b"),
    # --- fortune-telling ---
    # (not "I'll never understand why people like it", a taste, no forecast)
    rule(
        "fortune-telling",
        r"\bI(?:'ll|\s+will)\s+(?:\w+\s+)?never\b(?!\s+forget|\s+understand\s+(?:why|how|what)\b)",
    ),
    rule(
        "fortune-telling",
        r"\b(?:I'm|I am|it's|it is|this is|that's|we're|they're|he's|she's)\s+never\s+going\s+to\b",
    ),
    rule(
        "fortune-telling",
        r"\b(?:will|'ll)\s+never\s+(?:work|happen|succeed|change|get better|improve|hire|love"
        r"|want|trust|forgive|pay off|\w+ me)\b",
    ),
    rule("fortune-telling", r"\bnever will\b"),
    rule(
        "fortune-telling",
        r"\bI(?:'m|\s+am)\s+(?:going to|gonna|bound to|sure to|certain to|destined to)\s+"
        r"(?:\w+\s+)?(?:fail|mess|screw|blow|bomb|freeze|ruin|embarrass|make a fool|flop|choke"
        r"|get (?:fired|rejected|dumped|found out)|be (?:rejected|found out|dumped|laughed at"
        r"|humiliated|embarrassed))\w*\b",
    ),
    rule("fortune-telling", r"\bbound to\b"),
    rule(
        "fortune-telling",
        r"\b(?:will|'ll|is going to|'s going to|are going to|'re going to|gonna)\s+(?:\w+\s+)?"
        r"(?:go|end|turn out)\s+(?:(?:a|an|up|in)\s+)?(?:\w+\s+)?(?:badly|wrong|terribly|awfully"
        r"|horribly|pear-shaped|disaster|mess|failure|nightmare)\b",
    ),
    rule(
        "fortune-telling",
        r"\b(?:will|'ll|is going to|'s going to|are going to|'re going to|gonna)\s+be\s+"
        r"(?:(?:a|an|so|really|very|completely|totally|utterly|such|a\s+complete|a\s+total)\s+)*"
        r"(?:awkward|awful|humiliating|embarrassing|flop|disaster|nightmare|mess|failure|bad"
        r"|terrible|horrible|dreadful|pointless|a waste)\b",
    ),
    rule("fortune-telling", r"\bwill end (?:in|up)\s+(?:disaster|failure|tears|badly)\b"),
    rule(
        "fortune-telling",
        r"\b(?:they|he|she|it|people|everyone|everybody|(?:my|the|our)\s+[\w-]+(?:\s+[\w-]+)?)"
        r"(?:'ll|\s+will|'s going to|\s+is going to|'re going to|\s+are going to)\s+"
        r"(?:\w+\s+)?(?:say no|reject|laugh|see (?:straight |right )?(?:it"
        r"|through)|find out|fire|sack|replace|hate|refuse|turn me down|leave me|dump|judge"
        r"|realise|realize|notice|get (?:bored|tired|sick|fed up))",
    ),
    rule(
        "fortune-telling",
        r"\b(?:they|he|she|it|people|anyone|anybody|everyone|(?:my|the|our|this|that)\s+[\w-]+)\s+"
        r"(?:won't|will not|isn't going to|aren't going to|'s not going to|'re not going to)\s+"
        r"(?:\w+\s+)?(?:want|like|hire|pick|choose|forgive|respect|trust|approve|accept|care"
        r"|listen|understand|last|get better|take me seriously)\b",
    ),
    rule(
        "fortune-telling",
        r"\bI (?:just |already )?know I(?:'ll|\s+will|'m going to)\b"
        # a result not yet out, already known: "I already know I haven't passed"
        r"|\bI already know I(?:\s+haven't|\s+didn't|\s+won't|\s+failed)\b",
    ),
    rule(
        "fortune-telling",
        r"\bI(?:'ll|\s+will)\s+(?:(?:probably|definitely|just|only|surely)\s+)?(?:get rejected"
        r"|be rejected|fail|mess|screw|freeze|blow|embarrass|make a fool|be found out"
        r"|be alone forever|end up alone|die alone|get sick|get ill|get injured)",
    ),
    rule(
        "fortune-telling",
        r"\b(?:nobody|no one|no-one)(?:\s+will|'ll"
        r"|(?:\s+is|'s)\s+(?:ever\s+)?(?:going\s+to|gonna))\b",
        # no harm foreseen: "I'll call it a trifle and nobody will mind"
        not_before=r"^\s+(?:even\s+|really\s+)?(?:mind|object|be bothered|be any the wiser)\b",
    ),
    rule("fortune-telling", r"\b(?:won't|will not|isn't going to)\s+work(?:\s+out)?\b"),
    rule("fortune-telling", r"\bI don't think I(?:'ll|\s+will)\s+ever\b"),
    rule(
        "fortune-telling",
        r"\bno way\s+(?:that\s+)?(?:they|he|she|it|we|anyone|anybody|people|(?:the|my|our)\s+\w+)"
        r"\s+(?:will|'ll|would|is going to|\w+s)\b",
    ),
    rule(
        "fortune-telling",
        r"\bsomething\s+(?:bad|terrible|awful|horrible|dreadful)\s+(?:\w+\s+)?(?:is|'s)\s+"
        r"(?:\w+\s+)?(?:about|going)\s+to\s+happen\b|\bsomething\s+(?:bad|terrible|awful"
        r"|horrible|dreadful)\s+will\s+happen\b",
    ),
    # --- mind-reading, more ---
    # Someone's feelings about the writer, concluded: "she must be upset about what I said",
    # "clearly annoyed at me". Not when they said so.
    rule(
        "mind-reading",
        r"\b(?:she|he|they)\s+must\s+be\s+(?:so\s+|really\s+)?(?:upset|angry|annoyed|mad|cross"
        r"|furious|disappointed|sick of me|tired of me|fed up|hurt|offended)\b(?=[^.;]{0,40}"
        r"\b(?:I|me|my)\b)|\b(?:clearly|obviously|definitely|must be|pretty obviously)\s+"
        r"(?:annoyed|angry|upset|mad|cross|furious|disappointed|fed up|irritated)\s+(?:at|with)"
        r"\s+me\b",
        unless=r"\b(?:she|he|they)\s+(?:\w+\s+)?(?:told|tells|said|says|texted|mentioned"
        r"|explained|admitted)\b",
    ),
    rule("mind-reading", r"\b(?:has|have|'s|'ve)\s+(?:already\s+)?written\s+me\s+off\b"),
    # --- fortune-telling, more ---
    # "I just know it's the engine and we'll be bankrupt"
    rule(
        "fortune-telling",
        r"\bI\s+(?:just\s+)?know\s+(?:it'?s\s+(?:going|gonna)|it'll|it will|we'll|they'll|I'll"
        r"|this will|that will|he'll|she'll)\b",
    ),
    # --- catastrophising, more ---
    rule(
        "catastrophising",
        r"\b(?:be|end up|ending up|left|living)\s+(?:out\s+)?on\s+the\s+streets?\b",
    ),
)
