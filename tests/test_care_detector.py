"""The care check: which words bring the support panel, judged on labelled sentences.

Data (all in tests/data/):
* crisis_tuning.json: two thirds of the shared development set (../shared/data/crisis_dev.json),
  split by ``split_crisis.py`` with a fixed seed, stratified by category. The rules were
  written against it.
* crisis_kept_aside.json: the other third. Never read while writing rules; only its totals
  are measured (``test_kept_aside_figures`` prints them; docs/safety.md reports them).
* crisis_own.json: sentences written for this project in seven batches, each measured once
  before any rule was changed for it (first-run figures in docs/safety.md), then tuned on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from selfcompassion.care import gate
from selfcompassion.care.detector import crisis_phrases, find_concerns, needs_care, suggests_crisis
from selfcompassion.care.generate import TARGET, cues, generated
from selfcompassion.care.plain import plain_form
from selfcompassion.care.rules import RuleBook, build, rule_book, rules_document
from selfcompassion.language.normalize import normalize
from spelling_support import vocabulary_respelt

DATA = Path(__file__).parent / "data"


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


TUNING = _load("crisis_tuning.json")
OWN = _load("crisis_own.json")
KEPT_ASIDE = _load("crisis_kept_aside.json")
#: Everyday sentences of work and self-criticism; the rules were fixed by shape on them.
WORKDAY = _load("crisis_workday.json")

#: Sentences of our own the rules still get wrong, kept visible rather than dropped.
KNOWN_MISSES = {
    "i want to di e",
    "everything is ready for friday. nobody knows.",
    "scheduled the emails to go out after",
    "wrote a text to my mum and saved it in drafts for when it's time",
    "gave my best friend my favourite jacket and told her to keep it forever",
    "i sat on the edge of the bath for an hour deciding",
}
#: Everyday sentences the rules alone still flag (the model quiets the first two).
KNOWN_FALSE_ALARMS = {
    "I'm killing myself with these hours and nobody notices",
    "If I mess up the launch I'm dead meat",
    "I'm drowning in work and can't see the end of it",
}


def _cases(items: list[dict[str, Any]]) -> list[Any]:
    return [
        pytest.param(
            item["text"],
            item["risk"],
            id=f"{item['category']}:{item['text'][:40]}",
            marks=[pytest.mark.xfail(strict=True)]
            if item["text"] in KNOWN_MISSES | KNOWN_FALSE_ALARMS
            else [],
        )
        for item in items
    ]


@pytest.mark.parametrize(("text", "risk"), _cases(TUNING + OWN + WORKDAY))
def test_each_labelled_sentence(text: str, risk: bool) -> None:
    # The rules on their own (the model's figures are in test_care_model.py).
    assert bool(find_concerns(text, model=False)) is risk, find_concerns(text, model=False)


def _figures(items: list[dict[str, Any]]) -> tuple[float, float]:
    risky = [item for item in items if item["risk"]]
    calm = [item for item in items if not item["risk"]]
    recall = sum(bool(find_concerns(item["text"], model=False)) for item in risky) / len(risky)
    flagged = sum(bool(find_concerns(item["text"], model=False)) for item in calm) / len(calm)
    return recall, flagged


def test_kept_aside_figures() -> None:
    """The rules alone on sentences no rule was written from. The floor guards against a
    change that makes them worse; the check's figures with the model are printed by
    bench/crisis_eval.py (docs/safety.md reports both), never asserted."""
    recall, flagged = _figures(KEPT_ASIDE)
    print(f"kept aside, rules alone: recall {recall:.3f}, non-risk flagged {flagged:.3f}")
    # 70.8% and 6.0% when written; the margin (a few sentences) lets the shared
    # normalisation change without turning main red, but not a real step back.
    assert recall >= 0.65
    assert flagged <= 0.09


def test_the_split_is_whole_and_disjoint() -> None:
    shared = {item["text"] for item in TUNING} | {item["text"] for item in KEPT_ASIDE}
    assert len(TUNING) + len(KEPT_ASIDE) == len(shared) == 400
    assert not {item["text"] for item in TUNING} & {item["text"] for item in KEPT_ASIDE}


# -- every rule and guard is pinned: remove one and a test here fails --------------------------


def _only(rule_id: str) -> RuleBook:
    return rule_book().only(rule_id)


@pytest.mark.parametrize(
    ("rule_id", "example"),
    [(rule.id, example) for rule in rule_book().rules for example in rule.examples],
)
def test_each_rule_finds_its_examples_on_its_own(rule_id: str, example: str) -> None:
    assert find_concerns(example, book=_only(rule_id), model=False), (rule_id, example)


def test_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in rule_book().rules)


def test_the_json_rules_are_up_to_date() -> None:
    """Run ``python -m selfcompassion.care.generate`` after editing rules.toml."""
    assert TARGET.read_text("utf-8") == generated()


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b(?:kill|end) (?:myself|my life)\b", "i want to end my life"),
        (r"(?:a|b)c(?:de|fg)+", "xbcfgde"),
        (r"\bnot (?:ok|fine)?\s*$", "i am not "),
    ],
)
def test_cues_are_in_every_match(pattern: str, text: str) -> None:
    found = cues(pattern)
    assert re.search(pattern, text)
    assert not found or any(cue in text for cue in found)


def test_cues_never_hide_a_match_in_the_data() -> None:
    data = [normalize(item["text"]).text for item in TUNING + OWN]
    for rule in rule_book().rules:
        for text in data + [normalize(example).text for example in rule.examples]:
            if rule.pattern.search(text):
                assert rule.may_match(text), (rule.id, text)


@pytest.mark.parametrize(
    "text",
    [
        "i would be better off dead",
        "Honestly? Better off dead.",
        "everyone keeps telling me to cheer up but id be better off dead",
    ],
)
def test_better_off_dead_is_pinned(text: str) -> None:
    concerns = find_concerns(text, book=_only("better-off-dead"), model=False)
    assert [concern.rule for concern in concerns] == ["better-off-dead"]
    assert concerns[0].words.lower().endswith("better off dead")


def _book_without(section: str, containing: str) -> RuleBook:
    """The shipped rules with one guard taken out, to show the guard is doing the work."""
    document = rules_document()
    guards = document["guards"]
    if isinstance(guards[section], list):
        kept = [g for g in guards[section] if containing not in g["pattern"]]
        assert len(kept) == len(guards[section]) - 1, (section, containing)
        guards[section] = kept
    else:
        guards[section] = r"(?!x)x"  # matches nothing
    return build(document)


@pytest.mark.parametrize(
    ("text", "section", "containing"),
    [
        ("I'd rather die than sing karaoke", "mask", "(?:sooner|rather)"),
        ("I'm dying to see that film", "mask", "dying to|"),
        ("I'm going to kill my sister if she borrows my jumper", "mask", "two birds"),
        ("need to cut myself a break, I've worked every weekend", "mask", "slack"),
        ("my phone is about to die", "mask", "laptop|phone"),
        ("i'm literally dying of heat", "mask", "(?:of|from) (?!"),
        ("I'd kill to have her confidence", "mask", "(?:to|for) (?:have"),
        ("I'm dead, that meme is hilarious", "mask", "completely )?(?:dead"),
        ("over my dead body is he getting the last slice", "mask", "over my dead body"),
        ("forgot my lunch AND my charger today kms lol", "joke", ""),
        ("I'm going to do it! signing up for the marathon", "cheer", ""),
        ("I used to think I was a burden. Now I know I'm not.", "past", r"\bused to\b"),
        ("when I was 16 I overdosed. I'm 34 and happy now.", "past", r"when i was (?:\d+|a (?:kid"),
        (
            "I once tried to take my life. I'm glad I'm still here",
            "past",
            r"\b(?:i once|once i) (?:",
        ),
        (
            "reading my old journals is hard. so many entries about wanting to die. "
            "I'm so far from that now",
            "recovery",
            "",
        ),
        ("dad keeps saying he'd be better off dead since the diagnosis", "third_party", ""),
        ("my daughter asked me what 'unalive' means", "third_party", ""),
        ("podcast on men's mental health and suicide rates", "media", ""),
    ],
)
def test_each_guard_that_matters_is_pinned(text: str, section: str, containing: str) -> None:
    assert not find_concerns(text, model=False)
    book = _book_without(section, containing)
    assert find_concerns(text, book=book, model=False), "without the guard this would be flagged"


@pytest.mark.parametrize(
    ("quiet", "flagged"),
    [
        # A relapse dated in the past, with clean time since, is not a relapse now.
        (
            "I relapsed last spring but I've been clean since June and I'm doing well",
            "I relapsed last night and I've been clean since never",
        ),
        ("i relapsed two years ago but i have been clean since", "i relapsed again, clean since"),
        # A date picked for an event named right after it.
        ("i've picked the date! wedding is june 14th", "picked the date. friday."),
        # Getting better at a skill is not hopelessness about life.
        ("my team will never get better at estimates", "it will never get better at this point"),
        ("I will never get better at public speaking", "I will never get better, not at all"),
        # A named piece of work, a rest for a while, trying for something.
        ("I can't keep doing this job the way I'm doing it", "i cant keep doing this anymore"),
        ("there's no way out of this reorg, I just have to ride it out", "no way out of this"),
        ("I just want it all to stop for a bit, the noise", "I just want it all to stop"),
        ("I don't see the point in trying for promotion", "i dont see the point in trying anymore"),
        # Medicine in an everyday routine.
        ("Take the pills the doctor gave me with breakfast", "Take the pills the doctor gave me"),
        (
            "picked up my prescription and set a reminder for the evening dose",
            "picked up my prescription and hid the pills",
        ),
        ("picked up my tablets, one a day for a month", "picked up my tablets and hid them"),
        # Shapes added with the tenth batch, each beside its everyday twin.
        ("I asked the universe to take me somewhere warm this winter", "universe, just take me"),
        (
            "closed my eyes and did not open them till York",
            "i want to close my eyes and never open them",
        ),
        ("annoyed i woke up late again", "annoyed i woke up again"),
        ("I hope the scan comes back clear", "I hope the scan comes back malignant"),
        ("I envy people who get to travel for work", "I envy people who died in their sleep"),
        ("this is my last entry before the holidays", "this is my last entry"),
        ("looked up how many it would take to fill the van", "looked up how many it would take"),
        ("i know where and when the party is", "i know where and when"),
        (
            "checked how high the shelf is, not high enough",
            "checked how high the bridge is. high enough",
        ),
        ("if i had the guts i'd have quit already", "if i had the guts i'd have done it already"),
        ("I don't want to be rescued from every mistake", "I don't want to be rescued this time"),
        ("this commute feels like a prison sentence", "being alive feels like a prison sentence"),
        (
            "thinking about driving into town for the market",
            "thinking about driving into the median",
        ),
        ("i've made my peace with the new manager", "i've made my peace with it"),
        (
            "no one would even notice if i took the afternoon off",
            "no one would even notice if i was gone",
        ),
        (
            "i could just die, i called my boss mum in the meeting",
            "i could just die, i hate my life",
        ),
        ("everyone's happier the day i am gone on holiday", "everyone's happier the day i am gone"),
        ("i don't have it in me to keep going to the gym", "i don't have it in me to keep going"),
        # Shapes added with the eleventh batch.
        (
            "disappointed when i woke up, it was such a good dream",
            "disappointed when i woke up again this morning",
        ),
        ("bought plasters for the first aid kit", "hid the plasters in my bag"),
        (
            "my arms get cold so it's long sleeves all year",
            "my arms are a mess so it's long sleeves all summer",
        ),
        ("laughed so hard i thought i was gonna die", "i wish i was gonna die"),
        (
            "if i hear that song one more time i will literally die",
            "if i have to wake up one more time i will die",
        ),
        ("tying up loose ends before i go on leave", "tying up loose ends before i go"),
        # Shapes added with the twelfth batch.
        ("checking out of the hotel for good", "thinking about checking out for good"),
        ("i wish something would just take me to the beach", "i wish something would take me"),
        (
            "if a lorry hit me on the way home i'd sue",
            "if a lorry hit me on the way home it wouldnt be the worst thing",
        ),
        (
            "if something happened to me i wouldn't want the kids to worry",
            "if something happened to me i wouldn't mind",
        ),
        ("I hope the plane doesn't go down in this storm", "I wish the plane would go down"),
        ("nearly crashed into the car in front, so scary", "wanting to steer into something"),
        (
            "i have everything i need for the trip, it's under the bed",
            "i have everything i need now, it's in the shoebox under the bed",
        ),
        ("nobody to feed her after six, so I'll rush home", "nobody to feed her after."),
        ("new cuts from the rose bush again", "new cuts over the old scars"),
        (
            "my arms are covered in paint. nobody sees them under the overalls",
            "my arms are a mess again. nobody sees them so nobody knows",
        ),
        (
            "locked the bathroom door and had a long bath",
            "locked the bathroom door and did it again",
        ),
        ("at the end of my rope with this printer", "at the end of my rope with my life"),
        ("I'm drowning in revision this week", "I'm drowning and nobody sees it"),
        (
            "Tried the hot wings, I thought I was going to die, 10/10",
            "I thought I was going to die and I wanted to",
        ),
        ("Six months since my last relapse, feeling steady", "relapsed last night"),
        (
            "Old me would've hurt myself after a day like today",
            "I want to hurt myself after a day like today",
        ),
        ("my flatmate has been self harming, i found the plasters", "i have been self harming"),
        # Shapes added with the thirteenth and fourteenth batches.
        (
            "hoping the scan shows nothing serious, fingers crossed",
            "hoping the scan shows something serious, honestly",
        ),
        (
            "hoping this cold turns into something worse so i can skip the exam",
            "kind of hoping this cough turns into something worse",
        ),
        (
            "i'm saving up so i don't have to keep going to that job",
            "wish it would all stop so i don't have to keep going",
        ),
        ("every door is shut at the office after six", "every door is shut. all of them"),
        (
            "i wanted to hear her voice one last time before she went into surgery",
            "rang my dad to hear his voice one last time",
        ),
        ("i just need to pick the night for the pub quiz", "i just need to pick the night."),
        ("put my out of office on so nobody expects me.", "called in sick so nobody expects me."),
        (
            "told my boss i am off to paris. i am not going until june",
            "told everyone i am moving away. i am not",
        ),
        ("he laughed. i did not get the joke", "told him to keep my bike. he laughed. i meant it"),
        (
            "cancelled netflix, no point paying for next month when i never watch it",
            "cancelled the gym, no point paying for next month.",
        ),
        (
            "the scars from surgery are fading and i made new friends at physio",
            "the scars were fading so i made new ones",
        ),
        ("the hunger after the run felt like a punishment", "skipping meals as punishment again"),
        (
            "i feel like a weight around my neck with this mortgage",
            "i feel like a weight around my family's necks",
        ),
        (
            "i'd sleep and stay asleep till the alarm if the baby let me",
            "i want to go to sleep and stay asleep.",
        ),
        (
            "it gets better, they say. it does not feel like it yet but i'm trying",
            "it gets better, they say. it does not.",
        ),
        (
            "stuck at the bottom of the well at work this month",
            "at the bottom of a well with no top",
        ),
        ("ate so much at the buffet i could die, worth it", "i could die and nobody would notice"),
        ("overdosed on chocolate at the party", "overdosed on my pills last night"),
        (
            "we admitted a lad after a suicide attempt on the ward",
            "i made a suicide attempt last week",
        ),
        (
            "once i felt like a burden to everyone. now i'm the one people call",
            "i feel like a burden to everyone",
        ),
        ("500 days without self harm, the app says", "self harm again tonight"),
        (
            "mum thinks the bruises are from hockey, and they are",
            "mum thinks the bruises are from hockey. they are not",
        ),
        (
            "asked about the marks on the wall and i said the kids did it",
            "she asked about the marks on my arms and i said the cat",
        ),
        # Shapes added with the sixteenth batch.
        (
            "i want to join her for lunch on friday",
            "three years without her. i am ready to join her now",
        ),
        (
            "taking myself out of the equation on hiring decisions",
            "thinking about taking myself out of the picture for good",
        ),
        (
            "the new bridge is the answer to the traffic",
            "the bridge looks more like an answer every day",
        ),
        (
            "my brother envies the ones who get to work from home",
            "i envy the ones who never wake up",
        ),
        (
            "the kids would be better off with a bigger garden",
            "the kids need a calmer mum. they would be better off.",
        ),
        (
            "sorted the when and where for the reunion",
            "it is all worked out, the when and the where",
        ),
        (
            "the hunger hits around four so i pack a snack",
            "every time the hunger hits i think good",
        ),
        (
            "long sleeves at the barbecue because of the midges",
            "long sleeves at the barbecue because of my arms",
        ),
        (
            "no way back through the woods, so we took the road",
            "everything is gone. there is no way back.",
        ),
        ("cleaned the rifle before the shooting season", "keep staring at the gun cabinet"),
        ("cut myself once on the mandoline, tiny nick", "i cut myself again tonight"),
        ("shot myself in the thumb with the staple gun", "i want to shoot myself"),
        ("eighteen months self-harm free today", "self harm again tonight after a year"),
        # Shapes added with the seventeenth and nineteenth batches.
        ("deleted the old photos of myself from the cloud", "i wish i could just delete myself"),
        ("i want off this group chat", "i want off. for good."),
        (
            "i pray each night the lord keeps my children safe",
            "every night i pray god takes me in my sleep",
        ),
        (
            "labelled the boxes so nobody has to guess what is in them",
            "tidied the flat so nobody has to deal with my things when i am gone",
        ),
        (
            "we just need to pick the day for the christening",
            "letters written, car sold. just need to pick the day.",
        ),
        (
            "practising my last speech to the board before i retire",
            "practising what to say in my last message to my brother",
        ),
        (
            "googled how long it takes to boil an egg",
            "looked up how long it takes and whether it hurts",
        ),
        (
            "long sleeves at the lake so the midges leave my arms alone",
            "wore a jumper all week so nobody sees the marks",
        ),
        (
            "the only thing that helped tonight was a hot bath",
            "the only thing that helped was cutting",
        ),
        (
            "i am getting better at hiding my tiredness at work meetings",
            "they think i stopped. i am just better at hiding it now",
        ),
        (
            "the nurse asked if i felt safe walking home, and i said yes, i did",
            "she asked whether i had been safe this week and i lied",
        ),
        (
            "the team would be fine without me for a week",
            "my family would be happier without me",
        ),
        (
            "the scan came back clear and i felt so relieved",
            "the results came back normal and i felt disappointed",
        ),
        (
            "there is no reason to keep going to that gym",
            "i cannot see a single reason to keep going",
        ),
        ("the world has no room for another podcast", "the world has no place for me"),
        (
            "lie down on the sofa and not get up until dinner",
            "i want to lie down in the snow and never get up",
        ),
        (
            "not eating after eight to sleep better",
            "not eating today. punishment for being useless",
        ),
        ("the comedian had me dead, best night out", "i want to be dead"),
        (
            "in drama we fake stab ourselves every rehearsal",
            "i want to stab myself tonight",
        ),
        (
            "my friend sent me a goodbye message before her flight",
            "i wrote a goodbye message to everyone tonight",
        ),
        (
            "the song goes 'i want to die young', it's very catchy",
            "i keep thinking 'i want to die'",
        ),
        (
            "told my sister about my suicidal years. she held my hand. i feel lighter",
            "i have suicidal thoughts all the time lately",
        ),
        (
            "what would i tell 16 year old me who wanted to die? hold on",
            "i want to die, i am 16 and nobody knows",
        ),
        ("giving away my books before i move to spain", "giving away my books. won't need them"),
        # Shapes added with the twentieth and twenty-first batches.
        (
            "half hoping the train is late so i don't have to come back from lunch early",
            "half hoping the flight goes down and i just don't come back from it",
        ),
        (
            "imagining just not being at work on a monday",
            "lay awake imagining not existing anymore",
        ),
        (
            "if the car breaks down on me the family would manage fine with the bus",
            "if the boat went down with me the kids would manage fine, maybe better",
        ),
        ("i am such a drain on the battery with all these apps", "i am just a drain on everyone"),
        (
            "got everything sorted before i go on holiday",
            "it feels calm, having my affairs in order before i go.",
        ),
        (
            "rang the funeral home for gran's service. it is for saturday.",
            "asked the funeral home about prepaying. said it was for dad. it is for me.",
        ),
        (
            "been collecting what i need for the camping trip",
            "been collecting what i need for weeks now",
        ),
        (
            "my sister walked in on me singing in the shower",
            "my sister nearly walked in on me cutting",
        ),
        ("broke my 30 day streak on the language app", "broke my 90 days clean last night"),
        (
            "the scars are from last week's surgery, healing well",
            "the scars are from last week, not from the summer like i told him",
        ),
        (
            "there is no point going on about it, the match is lost",
            "there is no point going on.",
        ),
        ("why keep going to the gym if it's shut", "why keep going when nothing changes"),
        ("wanted to die on the spot when i tripped on stage", "i want to die tonight"),
        (
            "song lyric i want to die young stuck in my head all day",
            "i want to die young, nothing will change",
        ),
        (
            "remembered how i planned to end it 6 yrs ago. so glad i didn't",
            "i am planning to end it.",
        ),
        (
            "in my 30s i was suicidal, now at 60 i help run the group",
            "i am suicidal, i am 60 and tired",
        ),
        ("gave away my old pram on marketplace", "gave away my records, won't need them"),
        # Shapes added with the twenty-second batch.
        ("a cake made by my own hand", "i want to end it by my own hand"),
        (
            "how nice it would be to simply not have a meeting today",
            "how nice it would be to simply not exist",
        ),
        (
            "hoping we'll be with them by morning if the ferry runs",
            "everyone i loved is gone and i keep hoping i'll be with them by morning",
        ),
        (
            "told him it was decluttering. it is, the flat is tiny",
            "i said decluttering. it's not decluttering.",
        ),
        ("i know how and when to ask for help", "it is decided. i know how and i know when."),
        (
            "booked the venue, sent the invites. friday is the day!",
            "updated my will and wrote the letters. friday is the day.",
        ),
        (
            "said sorry in advance for the long email",
            "prayed for forgiveness in advance",
        ),
        (
            "picked at the scab on my knee, gross",
            "picked at the scars until they opened",
        ),
        ("i see no path forward on this merger", "i see no path forward."),
        ("the printer is hopeless, seriously", "hopeless. completely."),
        (
            "i want to die on the dancefloor at the wedding",
            "i want to die on my own tonight",
        ),
        (
            "a year ago tonight i wanted to die. today i swam and laughed",
            "it has been years since the divorce and tonight i want to die",
        ),
        (
            "i always burn myself on the oven tray when i bake",
            "i burn myself when the shouting in my head gets too loud",
        ),
        (
            "grabbed the pan without a glove and burned myself, ouch",
            "burned my arm on purpose to shut the noise up",
        ),
        (
            "scratched my own hand on the rose bush, ouch",
            "kept punching my own legs until they went purple",
        ),
        (
            "want to end it for the day and go to bed",
            "want to end it for good this time",
        ),
        (
            "the budget cuts do not show up until next year",
            "wearing long sleeves so the new burns do not show",
        ),
        (
            "hiding the scars from my surgery under a scarf",
            "hiding the scars from my parents is getting harder",
        ),
        (
            "everything is ready for when i go to spain on monday",
            "everything is ready for when i go.",
        ),
        (
            "updated my will after the wedding, as you do",
            "updated my will and my pension forms. nobody suspects why",
        ),
        (
            "if i have to sit through one more status meeting i will shoot myself",
            "if i have to face one more day like this i will shoot myself",
        ),
        (
            "that reply-all was career suicide",
            "suicide is on my mind all day",
        ),
        (
            "stop killing yourself over the report and go home",
            "you should kill yourself, you are a waste",
        ),
        (
            "nobody is perfect, me included",
            "everyone would be better off if i just disappeared. me too",
        ),
        (
            "keep rereading the last message she sent me before she died",
            "wrote my last message to everyone and saved it in drafts",
        ),
        (
            "our module today was on self-harm assessment",
            "had my self-harm assessment today and lied to them",
        ),
        (
            "when i was suicidal at 19 my aunt took me in. i am well now",
            "i have been suicidal since i was 19 and it is worse now",
        ),
        (
            "i starved myself through my teens; i eat well now",
            "i starved myself all week and nobody noticed",
        ),
        (
            "put my affairs in order for the move abroad",
            "put my affairs in order this week. it is time",
        ),
        (
            "role-playing asking 'are you thinking about killing yourself?' on the course",
            "my therapist asked 'are you thinking about killing yourself?' and i said yes",
        ),
        (
            "i do not want to die anymore, and writing it down feels good",
            "i do not want to die, i want the pain to stop",
        ),
        (
            "i pray every night now that god keeps my grandson safe",
            "i pray every night now that god takes me in my sleep",
        ),
        (
            "my affairs are in order for the move to spain",
            "my affairs are in order now. the letters are on the mantelpiece",
        ),
        (
            "there is no version of the future where the old office reopens",
            "there is no version of the future where i am ok. i have looked",
        ),
        (
            "then i cut the cake and everyone sang",
            "day was ok. rain. then i cut.",
        ),
        (
            "wore a scarf so no one asks about my sunburn",
            "bought plasters in bulk so no one asks about my arms",
        ),
        (
            "pulling my hair out over this tax return",
            "pulling my hair out in clumps again, there is a bald patch now",
        ),
        (
            "stockpiling tins for winter like my gran did",
            "stockpiling. not saying more than that here.",
        ),
        (
            "i have a date now and i am not telling anyone until it goes well",
            "i have a date now and i am not telling anyone. sunday.",
        ),
        (
            "waiting in a room for my name to be called",
            "everyone i loved is gone. i am just waiting in a room for nothing",
        ),
        (
            "learned my cofounder has been fighting suicidal thoughts for months",
            "i have been fighting suicidal thoughts for months",
        ),
        (
            "the self harm scenes in the novel were hard to read",
            "the self harm is every night now",
        ),
        (
            "that tiktok trend with the 'unalive' jokes is out of hand",
            "unalive is looking real good tonight, not a meme",
        ),
        (
            "had a bad week but i did not hurt myself. called a friend instead",
            "had a bad week and i did not hurt myself badly, just a bit",
        ),
        (
            "one year since i deleted the goodbye note. kept living instead",
            "wrote the goodbye note this week and saved it",
        ),
        (
            "passed the 18 month mark without self-harm. gold star",
            "self-harm every night this month",
        ),
        # Shapes from the everyday entries written blind, each beside its risk twin.
        (
            "my own head is pounding after the all-hands",
            "slammed my own head into the door again",
        ),
        (
            "the quarter ate me alive, inbox at 400",
            "i ate dinner alone. i dont want to be alive",
        ),
        (
            "there's no way out of this awful quarterly review",
            "there is no way out of this marriage or this life",
        ),
        (
            "i can't take it anymore with this job, three reorgs in a year",
            "i cant take it anymore with my life",
        ),
        (
            "i cant go on like this with the rota, something has to give",
            "i cant go on like this with the pain",
        ),
        (
            "nearly jumped out of my skin when the door slammed",
            "i nearly jumped last night",
        ),
        (
            "i feel like i am drowning at work this month",
            "i feel like i am drowning and nobody sees it",
        ),
        (
            "we made a plan together for the move",
            "i made a plan. its in the drawer",
        ),
        (
            "took my thyroid pills like every morning, then the school run",
            "took the pills out and counted them again",
        ),
        (
            "took my blood pressure pills at 8 like every day",
            "like every day, i counted the pills again",
        ),
        (
            "my team managed fine without me while i was off sick",
            "they would have managed fine without me",
        ),
        (
            "back in sixth form i starved myself, now i bake bread every sunday",
            "in sixth form i starved myself and now i am doing it again",
        ),
        (
            "i wrote a letter to teenage me who wanted to disappear: it gets better, it did",
            "teenage me wanted to disappear and so do i, tonight more than ever",
        ),
        (
            "i used to want to die but now i want to live",
            "i used to love running and now i want to die",
        ),
        (
            "i think about younger me who wanted to disappear. it got better",
            "i wrote a letter to teenage me and then i cut myself tonight",
        ),
        (
            "the thoughts of hurting myself faded a while ago and i barely remember them",
            "the thoughts of hurting myself faded a while ago but they are back tonight",
        ),
        (
            "that song about wanting to die has been stuck in my head since the gig",
            "the song is on repeat and my head keeps telling me i want to die",
        ),
        (
            "at the first aid course we practised asking directly, are you thinking of killing "
            "yourself",
            "i keep asking myself, are you going to kill yourself tonight",
        ),
        (
            "we had a lecture on suicide and self harm for the nursing module",
            "suicide thoughts all morning, could not concentrate in the lecture",
        ),
        (
            "took my asthma meds and walked to the shop",
            "took my asthma meds, the whole box, and lay down",
        ),
        (
            "twelve hour shifts all month and no end in sight, i need a holiday",
            "no end in sight for me. i am tired of being alive",
        ),
        (
            "took my meds, fed the cat, answered emails",
            "took my meds, all of them, and went to bed",
        ),
        (
            "my brother texted me goodbye before his flight to perth",
            "wrote my goodbye messages tonight, they go out in the morning",
        ),
        (
            "ward shift today: an overdose and a man who had cut his wrists. i am fine, just tired",
            "after my shift i took an overdose, i am in a&e now",
        ),
        (
            "i was suicidal after the redundancy. it passed. i am okay now",
            "i was suicidal after the redundancy and i am suicidal again tonight",
        ),
        (
            "two years of no self harm, and my arms feel like mine again",
            "two years of no self harm and tonight i cut again",
        ),
        (
            "i drafted a goodbye letter once. i read it today and threw it away",
            "i drafted a goodbye letter tonight, it is in the drawer",
        ),
        (
            "my mum will kill me when she sees the car",
            "i want to kill me, i think about it all day",
        ),
        (
            "stood by the river at lunch watching the rowers go past",
            "stood by the river at lunch wanting to walk in",
        ),
        (
            "been clean since march and still clean today",
            "been clean since march. not anymore, since last night",
        ),
        (
            "twenty days sober and the only thing i want is a quiet night in",
            "twenty days sober and the only thing i want is to not be alive. "
            "i keep thinking about doing it",
        ),
        (
            "three years since the divorce and i still wake up wanting to call her",
            "three years since the divorce and i still wake up wanting to take my own life",
        ),
        (
            "found someone to take the cat while we are in spain",
            "found a new home for my dog. that was the last thing on the list",
        ),
        (
            "no time left in the day for the gym",
            "there is no fight left in me, i have given it years",
        ),
        (
            "my duolingo streak is back to zero, oops",
            "my sh free streak is back to zero tonight",
        ),
        (
            "new ones under the sink, the old bottles went out",
            "new cuts under my sleeves, nobody has noticed",
        ),
        (
            "i used to think i was bad at maths. i know now it just takes practice",
            "i used to hope it would lift. i know now it never will. "
            "nothing is ever going to change for me",
        ),
        (
            "all through the lecture i was thinking about lunch",
            "had the urge to cut all through the seminar and then i did",
        ),
        (
            "it has been a decade since i planned my own death. i am a mum now",
            "it has been a decade of planning my own death and tonight i am close",
        ),
        (
            "threw out what i had been saving just in case. i do not need a way out anymore",
            "i am still keeping the pills i have been saving just in case",
        ),
        (
            "i was suicidal last spring. this spring i am planting tomatoes",
            "i was suicidal last spring and i still am",
        ),
        (
            "last year i wanted to die, now i am better, new flat",
            "since last year i want to die every single day",
        ),
        (
            "we danced to a song about dying in your arms",
            "i want to die in my bed tonight and not wake up",
        ),
        (
            "it is just hormones talking, everything feels pointless today",
            "everything feels pointless and it is not the hormones, it is me",
        ),
        (
            "my therapist asked if i still think about suicide. honestly, no. not for months",
            "my therapist asked if i still think about suicide. honestly, yes, every day",
        ),
        (
            "my sister texted i cannot do this anymore, so i drove over",
            "i texted my sister: i cannot do this anymore",
        ),
        (
            "i would honestly rather die than sit through another karaoke night",
            "i would honestly rather die than keep living like this",
        ),
        (
            "the mortgage hangs over us like a noose",
            "i tied a noose tonight",
        ),
        (
            "on the drive home i thought how easy it would be to just stop for chips",
            "on the drive home i thought how easy it would be to just not get home",
        ),
        (
            "the scan came back clear and i was so relieved",
            "the scan came back bad and part of me was relieved, finally a way out",
        ),
        (
            "keeping some things aside for the school fair next week",
            "been saving some things aside for weeks. i know what they are for",
        ),
        (
            "found someone to take the rabbits for the summer holidays",
            "found someone to take the dog, told them its because of my hours. it is not",
        ),
        (
            "deleted my socials for lent, back at easter",
            "deleted my accounts one by one and saved the family chat till last",
        ),
        (
            "sorted out who gets the car on weekends with my ex",
            "sorted out who gets the cat and left her food on the counter",
        ),
        (
            "this spreadsheet has me pulling my hair out",
            "pulled my hair out in clumps again last night",
        ),
        (
            "cold shower was not enough to wake me so i made coffee",
            "the ice did not help so i did the other thing",
        ),
        (
            "lost myself in a good book all weekend, no regrets",
            "lost everything this year. lost myself too. there is no way back",
        ),
        (
            "my gf self harms and i am learning how to support her",
            "my gf left and i self harm again",
        ),
        (
            "so many poets wrote about wanting to die, we read three for the seminar",
            "so many poems and i still want to die every night",
        ),
        (
            'the chorus is literally just "i wanna die" and the whole club sang it',
            "i wanna die, no chorus, no club, just me in the dark",
        ),
        (
            "my therapist asked if i still want to die. honestly no, not for over a year",
            "my therapist asked if i still want to die and i said yes",
        ),
        (
            "at my worst i starved myself for months. today i ate lunch with friends",
            "i am at my worst and i starved myself again today",
        ),
        (
            "was suicidal most of uni. graduated today",
            "most of uni i was fine, now i am suicidal",
        ),
        (
            "two years ago i stopped hurting myself and now i feel like myself again",
            "two years ago i stopped. i hurt myself again today",
        ),
        (
            "my tomatoes are committing suicide in this heat",
            "i keep thinking about suicide in this heat",
        ),
        (
            "webinar on spotting self harm in pupils today, useful slides",
            "i self harm after every webinar, nobody on the call knows",
        ),
        (
            "relapsed once last spring, eleven months steady now",
            "relapsed last night after eleven months",
        ),
        (
            "no urges to harm today, just tired",
            "urges to harm myself all day today",
        ),
        (
            "finally a way out of this contract, the new job starts monday",
            "bad news from the doctor. finally a way out of this life",
        ),
        (
            "old me wrote goodbye letters. new me writes birthday cards",
            "old me hid it. new me wrote goodbye letters tonight and told no one",
        ),
        (
            "relapse anniversary this week, four years since the last time and proud of myself",
            "relapsed again this week after four years",
        ),
        (
            "revising the poisoning and the suicide in act five for my english exam",
            "revising for my english exam and thinking about suicide the whole time",
        ),
        (
            "three years since the ward. i still take my meds and i genuinely like my life now",
            "three years since the ward. i still take my meds but i want to take them all tonight",
        ),
        (
            "the suicidal thoughts i had at school seem far away now",
            "the suicidal thoughts are back tonight, worse than at school",
        ),
        (
            "working in a secondary school i hear kms a dozen times a day",
            "working in a secondary school and i want to kms a dozen times a day",
        ),
        (
            "overdose of caffeine before the exam, jittery all morning",
            "thinking about an overdose before the exam",
        ),
        (
            "looking up ways to save on rent for hours tonight",
            "looking up ways for hours tonight. i know what i am looking for",
        ),
        (
            "reviewed forty comments about suicide for the forum's safety queue today",
            "read forty comments about suicide today and saved the ones that explain how",
        ),
        (
            "signed up for a course on suicide prevention through work",
            "signed up for nothing this week. thinking about suicide more than work",
        ),
        (
            "the detective show ruled it a suicide in episode two and i guessed the twist",
            "i keep thinking suicide is the only twist left in my own story",
        ),
        (
            "putting my affairs in order for the accountant before january",
            "putting my affairs in order so nobody has to deal with it after",
        ),
        (
            "haven't cut myself since march and i got my chip today",
            "cut myself again last night, first time since march",
        ),
        (
            "was suicidal for most of my first year, now i'm about to graduate",
            "suicidal again this term, worse than in my first year",
        ),
        (
            "i told my counsellor about the dark time when i wanted to die. it is past now",
            "i told my counsellor i want to die. it is not past",
        ),
        (
            "this week i did not once think about dying, it used to be daily",
            "this week i could not stop thinking about dying",
        ),
        (
            "picked up my repeat prescription of blood pressure pills",
            "picked up extra pills and hid them in the drawer",
        ),
        (
            "gave away my secret recipe to the whole office",
            "gave away my guitar and my books this week",
        ),
        (
            "scheduled an email to the team for monday explaining the new rota",
            "scheduled an email to my brother for sunday night explaining everything",
        ),
        (
            "i genuinely cannot see a way to fit all this in, ever",
            "i genuinely cannot see a single way out of this, ever",
        ),
        (
            "finished it at last. the self-harm chapters were hard to read",
            "self-harmed again between chapters of my revision",
        ),
        (
            "intention: remember to take my meds on time this week",
            "intention: take my meds all at once this week",
        ),
        (
            "swapped the blades on the hedge trimmer before the weekend",
            "swapped the blades for new ones tonight, the ones i use on my arm",
        ),
        (
            "we screamed ourselves hoarse. i'd die happy if i got to see them again",
            "i would die tonight if i could, happy or not",
        ),
        (
            "cutting it fine with the school run again, through the gate with seconds to spare",
            "cutting again, it's fine, nobody notices",
        ),
        (
            "as a youth worker i hear 'kms' a dozen times a day",
            "i type 'kms' a dozen times a day and i mean it every time",
        ),
        (
            "we attended an attempted suicide on shift, the young man survived",
            "i attempted suicide on friday and nobody knows",
        ),
        (
            "told my partner about the year i was suicidal. i'm safe and happy now",
            "told my partner i was suicidal this year. i'm not safe",
        ),
        (
            "the darkest winter of my life was 2015, when i didn't want to live",
            "it is the darkest winter of my life and i don't want to live",
        ),
        (
            "relapse prevention group tonight. i haven't had a self-harm urge in over a year",
            "relapse prevention group tonight and i self-harmed again after",
        ),
        (
            "used to scratch my arms raw at school. these days i squeeze a stress ball",
            "used to scratch my arms raw at school. these days i do it again",
        ),
        (
            "the double suicide ending of the play made me furious at the messenger",
            "the suicide idea keeps coming back to me at night",
        ),
        (
            "hung the new mirror in the hallway and the christmas lights",
            "thought about hanging myself again last night",
        ),
        (
            "felt like a burden of proof was on me in that meeting",
            "feel like such a burden on mam and dad since the redundancy",
        ),
        (
            "they'd have an easier life if i was not in charge of the rota",
            "they'd have an easier life if i was not in it",
        ),
        (
            "nothing anyone does will fix the boiler, we need a new one",
            "nothing anyone does will fix me, i am beyond it",
        ),
        (
            "the heat in the city today, i thought i'd die walking to the station",
            "i thought i'd die tonight and honestly i wanted to",
        ),
        (
            "if one more parent emails me about the trip i'm going to die. kidding",
            "if one more thing goes wrong i'm going to die, i mean it",
        ),
        (
            "suicidal for most of 2019. survived it. married now, dog, mortgage",
            "suicidal for most of this year and it is not getting better",
        ),
        (
            "cut the grass, trimmed the hedge, ordered a takeaway",
            "cut my arm again tonight",
        ),
        (
            "left a goodbye message on the group chat as i leave the choir after twenty years",
            "left goodbye messages for everyone tonight, they will understand tomorrow",
        ),
        (
            "hung the pictures and the new mirror in the hallway",
            "thought about hanging myself from the hooks in the garage",
        ),
        (
            "left a goodbye message on the group chat as i leave the choir",
            "wrote a goodbye note before i leave this world",
        ),
    ],
)
def test_everyday_shapes_are_quiet_and_their_risk_twins_are_not(quiet: str, flagged: str) -> None:
    assert not find_concerns(quiet, model=False)
    assert find_concerns(flagged, model=False)


# -- behaviour the flows rely on ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("slip", "written_right"),
    [
        ("suicdal again tonight, properly", "suicidal again tonight, properly"),
        ("i want to disapear for good", "i want to disappear for good"),
        ("everything feels pointles and hopless", "everything feels pointless and hopeless"),
    ],
)
def test_a_slip_in_a_key_word_reads_as_the_word(slip: str, written_right: str) -> None:
    # The rules and the gate read the key word put right; the words shown are as typed.
    assert bool(find_concerns(slip, model=False)) == bool(find_concerns(written_right, model=False))
    assert gate.passes(slip) and gate.passes(written_right)
    for concern in find_concerns(slip, model=False):
        assert slip[concern.start : concern.end] == concern.words


def test_only_the_key_words_are_put_right() -> None:
    # An ordinary word one letter from a key word stays itself ("live" is not "alive").
    assert plain_form("we live near the funreal home").text == "we live near the funeral home"
    assert plain_form("a van buren lecture").text == "a van buren lecture"
    assert plain_form("i spilled my tea").text == "i spilled my tea"


def test_every_real_word_near_a_crisis_key_word_is_listed() -> None:
    """Every whole word of the model's vocabulary the care speller would change is listed as
    a real word, so a new key word cannot silently start rewriting ordinary words."""
    from selfcompassion.care.plain import KEY_WORDS, NOT_TYPOS

    assert vocabulary_respelt(KEY_WORDS) == set(NOT_TYPOS)


def test_a_named_rule_is_not_hidden_behind_the_last_net() -> None:
    # "kill" alone is the last net, which the model may quiet; "kill myself" must be what
    # is found, so that no second opinion can take it back.
    concerns = find_concerns(
        "all the way home i thought i want to kill myself tonight", model=False
    )
    assert [concern.rule for concern in concerns] == ["kill-oneself"]
    assert concerns[0].words == "kill myself"


def test_negation_does_not_switch_it_off() -> None:
    # People often play down how they feel; the panel is gentle and never blocks saving.
    assert needs_care("I'm not suicidal, just worn out")
    assert needs_care("I would never hurt myself")


def test_a_chosen_feeling_counts_on_its_own() -> None:
    assert needs_care("", feelings=["hopeless"])
    assert needs_care("a hard day", feelings=["tired", "Hopeless"])
    assert not needs_care("a hard day", feelings=["sad", "tired", "hopeful"])


def test_words_come_back_as_written() -> None:
    text = "Honestly I DONT want to be here anymore… and I’ve been cutting again"
    concerns = find_concerns(text)
    assert [c.words for c in concerns] == ["DONT want to be here", "cutting again"]
    for concern in concerns:
        assert text[concern.start : concern.end] == concern.words


def test_phrases_and_many_answers() -> None:
    assert crisis_phrases("I hurt myself last week and I still want to die.") == [
        "hurt myself",
        "want to die",
    ]
    answers = ["The meeting went badly.", "My boss thinks I'm useless.", "I want to die."]
    assert suggests_crisis(answers)
    assert suggests_crisis(iter(answers))
    assert not suggests_crisis(answers[:2])
    assert not suggests_crisis([])


@pytest.mark.parametrize("text", ["", "   ", "\n", "🙂", "a" * 4000, "." * 4000])
def test_odd_input_is_quiet(text: str) -> None:
    assert find_concerns(text) == []
