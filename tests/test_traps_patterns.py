"""The detector meets how people write privately: pattern types, typos, shorthand, guards.

Each case is a fresh sentence (in none of the labelled sets) for one kind of writing the old
phrase rules missed, with a contrast where the same words carry no trap.
"""

from __future__ import annotations

import pytest

from selfcompassion.language.normalize import normalize
from selfcompassion.language.spelling import Speller
from selfcompassion.traps.detector import detect_traps, trap_ids
from selfcompassion.traps.plain import plain_form
from selfcompassion.traps.words_plain import KEY_WORDS, NOT_TYPOS
from spelling_support import vocabulary_respelt

#: Shapes and answers read in blind66 and blind67 (training): twins below, read by the rules
#: alone too (``test_the_rules_alone_read_the_shapes_read_in_blind66_and_blind67``).
GUESS_DOUBTED = (
    "i keep thinking they all hate me, but the whole team came to my birthday so prob not"
)
LUCK_WEIGHED = "we only won the quiz because we got lucky, but we still had to know the answers"
NEAR_MISS_A_FAIL = "Got a B, so its basically a fail."
THE_TOP_OR_NO_POINT = "Top marks or whats even the point"
NO_WIN_NO_POINT = "No first place, no point."
A_MOOD_ABOUT_ME = "my sister is cross again, its probably about me"
ITS_ME_ISNT_IT = "printer jammed the second i touched it, its me isnt it"


# Each retrained model shipped by its rule (tests/data/traps_scores.md, which sums over the
# kept-aside sets) reads some twins of our own worse than the model before it did, while it
# reads more of them right (their marks went); strict, so a fix shows.
LOOK_ALIKE_TICKED = pytest.mark.xfail(
    strict=True, reason="the shipped model ticks this look-alike (the rules do not)"
)
TRAP_MISSED = pytest.mark.xfail(
    strict=True, reason="the shipped model misses this trap (the rules never found it)"
)
# The rules find these traps, but the model reads the whole text as free of every trap (each
# probability under learned.SURE_NO_BELOW), so the rules give way: what the sure "no" costs,
# chosen for what it clears at first sight (tests/data/traps_scores.md). Strict, so a fix shows.
SURE_NO_COSTS = pytest.mark.xfail(
    strict=True, reason="the model reads the text as free of every trap, so the rules give way"
)
# The rules find these traps, but the model reads that one trap as all but absent (under
# learned.DOUBTED_BELOW), so the rules' find gives way: what the model's doubt costs, chosen for
# the false ticks it takes at first sight (tests/data/traps_scores.md). Strict, so a fix shows.
DOUBTED_COSTS = pytest.mark.xfail(
    strict=True, reason="the model doubts this trap, so the rules' find gives way"
)

#: Whole words of the vocabulary near a key word that are kept as typos: two names and two
#: spellings likelier to be slips ("prefect" for "perfect", "nothin" for "nothing").
LIKELIER_TYPOS = {"pearson", "buren", "prefect", "nothin"}


@pytest.mark.parametrize(
    ("text", "trap_id"),
    [
        # labels without a subject, and second-person self-talk
        ("Hopeless. Forgot the passport again.", "labelling"),
        ("absolute muppet. sent the invoice to the wrong client", "labelling"),
        ("Left my bag on the bus again. Scatterbrain.", "labelling"),
        ("What kind of father misses the school play?", "labelling"),
        ("why am i so useless at this", "labelling"),
        # typos in the label words, shorthand
        ("im a terible sister", "labelling"),
        ("I'm such an idoit", "labelling"),
        # "what if" chains
        (
            "what if the scan is bad, what if they find something, what if it has spread",
            "catastrophising",
        ),
        # patterns named without "always" or "never"
        ("Yet again the car broke down on me. Same old story.", "overgeneralising"),
        # positives explained away without "lucky"
        ("Got the grant, but only because nobody else applied this round.", "discounting-positive"),
        # feelings taken as proof in other words
        ("I feel so behind, so I must be the weakest one on the course.", "emotional-reasoning"),
        # others' minds read with "obviously"
        ("she hasnt replied so she obviously thinks im boring", "mind-reading"),
        ("Everyone at the dinner must have thought I was strange.", "mind-reading"),
        # the blame taken whole, in three words
        ("No second date. All on me.", "personalising"),
        # predictions without "never"
        ("the interview is going to go badly, no question", "fortune-telling"),
    ],
)
def test_pattern_types(text: str, trap_id: str) -> None:
    assert trap_id in trap_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I always walk the dog before work.",
        "I'm going to start the course again in May.",
        "I'll never forget the view from the ferry.",
        "We should leave by eight to beat the traffic.",
        "I feel tired, so I went to bed early.",
        "My coach explained I was benched because of my ankle, and showed me the scan.",
        "Whenever I cycle in the rain I get soaked, so I've packed a spare shirt.",
    ],
)
def test_plain_sentences_stay_clear(text: str) -> None:
    assert trap_ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "my boss said im useless",
        "My boss said I am useless.",
        "my sister told me im a disaster with money",
        'Mum said "you are hopeless" when I was ten.',
    ],
)
def test_reported_speech_is_not_the_writers_label(text: str) -> None:
    """Pins the reported-speech guard: without it each of these reads as labelling."""
    assert "labelling" not in trap_ids(text)


def test_the_guard_is_what_makes_the_difference() -> None:
    assert "labelling" in trap_ids("im useless")
    assert "labelling" in trap_ids("I am useless.")


def test_spans_of_plain_form_hits_are_the_words_written() -> None:
    text = "honestly im a terible freind"
    (hit,) = [h for h in detect_traps(text) if h.trap_id == "labelling"]
    assert text[hit.start : hit.end] == hit.phrase
    assert "terible" in hit.phrase


def test_speller_corrects_only_its_key_words() -> None:
    speller = Speller(["terrible", "friend", "thick"])
    assert speller.correct("terible") == "terrible"
    assert speller.correct("freind") == "friend"
    assert speller.correct("think") == "think"  # a changed letter is another word, not a typo
    assert speller.correct("friends") == "friends"
    plain = speller.respell(normalize("Im a terible freind"))
    assert plain.text == "i am a terrible friend"
    assert plain.original_words(7, 15) == "terible"


def test_words_after_an_answer_are_still_read() -> None:
    assert "fortune-telling" in trap_ids("I'll ask about the job but they'll turn me down anyway.")
    text = "I'll ask her about it. Everyone at the barbecue thought I was boring."
    assert "mind-reading" in trap_ids(text)


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        # answered by the writer: coping, a plan, setting it straight (answered.py)
        # coping
        (
            "The worst that could happen is the bank says no and we lose the house.",
            "The worst that could happen is the bank says no, and we'd cope with that.",
            "catastrophising",
        ),
        # a plan that checks
        pytest.param(
            "It would be a total disaster if the boiler went in January.",
            "It would be a total disaster if the boiler went in January, so I've had it checked.",
            "catastrophising",
        ),
        # a plan that mends
        (
            "Should have rung her back sooner.",
            "Should have rung her back sooner, putting a reminder in my phone for Fridays.",
            "should-statements",
        ),
        # setting it straight
        (
            "Everyone at the barbecue thought I was boring.",
            "Everyone at the barbecue thought I was boring, but actually two of them asked for"
            " my number.",
            "mind-reading",
        ),
        (
            "My mates must think I'm pathetic for crying at the film.",
            "My mates must think I'm pathetic for crying at the film, they're probably not even"
            " bothered.",
            "mind-reading",
        ),
        (
            "i keep thinking they all hate me",
            GUESS_DOUBTED,
            "mind-reading",
        ),
        # luck weighed with the effort
        (
            "we only won the quiz because we got lucky",
            LUCK_WEIGHED,
            "discounting-positive",
        ),
        # the answer in the next sentence
        pytest.param(
            "Feels like the whole office is judging my haircut.",
            "Feels like the whole office is judging my haircut. That's ok, it'll grow.",
            "mind-reading",
            marks=DOUBTED_COSTS,
        ),
        # a verdict of ending without a verb
        (
            "Missed the audition, career over.",
            "Talked about my career over lunch with Sam.",
            "catastrophising",
        ),
        # doom declared
        pytest.param(
            "the boiler went in january, were screwed",
            "We were screwed into our seats on the rollercoaster.",
            "catastrophising",
            marks=SURE_NO_COSTS,
        ),
        # a farewell to what was hoped for
        pytest.param(
            "Overslept before the exam, bye bye scholarship.",
            "Waved bye bye to the kids at the school gate.",
            "catastrophising",
            marks=SURE_NO_COSTS,
        ),
        # escalation
        pytest.param(
            "He skipped one lesson, next thing he'll be failing the whole year.",
            "The next thing on my list is the ironing.",
            "catastrophising",
        ),
        # a guess that lands on the gravest outcome
        (
            "My arm is tingling, probably a stroke.",
            "My arm is tingling, probably slept on it funny.",
            "catastrophising",
        ),
        # a success explained away in the next clause, without "but"
        (
            "Won the pub quiz, the other teams must have been half asleep.",
            "Won the pub quiz, must have been our best night yet.",
            "discounting-positive",
        ),
        pytest.param(
            "My manager praised the launch plan, she probably did not read past page one.",
            "My manager praised the launch plan, she read every page.",
            "discounting-positive",
            marks=LOOK_ALIKE_TICKED,
        ),
        (
            "Got a distinction, the marker must have felt sorry for me.",
            "Got a distinction, mum cried when I told her.",
            "discounting-positive",
        ),
        # disagreeing with the thought or with whoever said it
        pytest.param(
            "Grandad used to say I'm lazy, and he was right.",
            "Grandad used to say I'm lazy. I don't buy it, I'm up at six every day.",
            "labelling",
            marks=DOUBTED_COSTS,
        ),
        (
            "I'm a walking disaster.",
            "My brother calls me a walking disaster, he's only teasing.",
            "labelling",
        ),
        (
            "One rotten month and I'm a complete failure.",
            "One rotten month, and it doesn't make me a failure.",
            "labelling",
        ),
        # a thought named as a thought, then a "but"
        (
            "Everyone at book club finds me dull.",
            "The thought came that everyone at book club finds me dull, but three of them asked"
            " me to lunch.",
            "mind-reading",
        ),
        # mending
        (
            "I shouldn't have shouted at my brother.",
            "I shouldn't have shouted at my brother, I'll apologise tonight.",
            "should-statements",
        ),
        # a practical step for what keeps happening or is feared
        pytest.param(
            "I always forget my gym bag.",
            "I always forget my gym bag, so I keep a spare in the car.",
            "overgeneralising",
        ),
        (
            "I always forget my umbrella.",
            "I always forget my umbrella, I'll leave it by the front door tonight.",
            "overgeneralising",
        ),
        (
            "Every single time I start the car it stalls.",
            "Every single time I start the car it stalls, need to replace the battery.",
            "overgeneralising",
        ),
        (
            "The storm will knock the power out for a week.",
            "The storm might knock the power out, so I bought candles just in case.",
            "fortune-telling",
        ),
        # a strong word for an animal or a thing, or a kind name, is not a label
        (
            "My brother is a total idiot, he lost my charger.",
            "The cat is a total idiot, fell in the bath again, adore her.",
            "labelling",
        ),
        # someone named by their place in the writer's life and summed up in one harsh noun
        (
            "My sister is a complete liability, she lost the car keys twice.",
            "My sister is a complete star, she found the car keys twice.",
            "labelling",
        ),
        (
            "The new manager is a tyrant, she cancelled our breaks.",
            "The new manager is a runner, she does the marathon every year.",
            "labelling",
        ),
        (
            "What a clown, he forgot the tickets.",
            "What a legend, he remembered the tickets.",
            "labelling",
        ),
        (
            "What a clown, he forgot to wait for me.",
            "What a legend, he waited for me in the rain.",
            "labelling",
        ),
        (
            "Missed the connection, what a nightmare, we'll never get home.",
            "What a nightmare journey, three changes and a replacement bus.",
            "catastrophising",
        ),
        # a feeling denied as proof
        (
            "I feel like a fraud at this job.",
            "I feel like a fraud at this job, but feeling it doesn't make it true.",
            "emotional-reasoning",
        ),
        # an event denied as proof of something bad
        (
            "My tutor frowned, she thinks I'm hopeless.",
            "My tutor frowned; it doesn't mean she thinks I'm hopeless.",
            "mind-reading",
        ),
        # not enough to know
        (
            "He's probably furious with me.",
            "He might be furious with me, or just tired. I don't have enough to go on.",
            "mind-reading",
        ),
        # a nightmare laughed off
        (
            "The school run was a nightmare, we'll never get there on time.",
            "The school run was a nightmare lol, we made it with a minute to spare.",
            "catastrophising",
        ),
        # someone else's words, said over and over
        (
            "My uncle is a loser, he got laid off again.",
            "My uncle kept saying he's a loser after the layoff; I told him a job isn't who he is.",
            "labelling",
        ),
        # "when it counts" is a time, not credit given
        (
            "Froze on the solo. I always freeze when it counts.",
            "Froze on the solo, then played the rest clean, and that counts.",
            "overgeneralising",
        ),
        # a negation inside a condition that runs on without a comma is the condition's own
        pytest.param(
            "If I don't get the job my life is over.",
            "If I don't get the job my life goes on, and so will I.",
            "catastrophising",
            marks=LOOK_ALIKE_TICKED,
        ),
        (
            "If no one comes the party is ruined.",
            "If no one comes, the party is off and we'll try again next month.",
            "all-or-nothing",
        ),
        # kind self-talk: kindness the writer gives themselves is read as the answer it is
        # a belief named as old or being unlearned, questioned, or held lightly
        (
            "Being single at 38 means I'm unlovable.",
            "Being single at 38 isn't a verdict on me.",
            "labelling",
        ),
        (
            "If I ask for help I'm a burden.",
            "Old belief: if I ask for help I'm a burden.",
            "labelling",
        ),
        (
            "I have to be the easy, low-maintenance one.",
            "Something I'm unlearning: that I have to be the easy, low-maintenance one.",
            "should-statements",
        ),
        (
            "I should be over this by now.",
            "I should be over this by now. Who says?",
            "should-statements",
        ),
        (
            "Everyone at the party was judging me.",
            "Used to think everyone at the party was judging me.",
            "mind-reading",
        ),
        (
            "I must eat before every shift.",
            "I must eat before every shift, not as a rule, just kinder.",
            "should-statements",
        ),
        (
            "If I don't pass the bar first time, I'm a failure.",
            "If I don't pass the bar first time, I'm a failure, but I'd be in good company.",
            "labelling",
        ),
        # a failure denied, and a should that says go easy
        (
            "I'll fail this time, I just know it.",
            "I won't fail this time, I've prepared well.",
            "fortune-telling",
        ),
        ("I'm going to ruin the wedding.", "I'm not going to ruin the wedding.", "fortune-telling"),
        (
            "I should be over this by now.",
            "I shouldn't beat myself up about it.",
            "should-statements",
        ),
        (
            "I should never make mistakes.",
            "I shouldn't be so hard on myself.",
            "should-statements",
        ),
        # a thought the writer answers kindly: a guess found wrong, a feeling told apart from
        # the truth, a guess owned, a fair share of blame, credit kept
        (
            "I thought my manager sighed because of me.",
            "I thought my manager sighed because of me. Turns out her train was cancelled.",
            "personalising",
        ),
        (
            "I feel stupid right now, so I must be stupid.",
            "I feel stupid right now, and feeling stupid isn't the same as being stupid.",
            "emotional-reasoning",
        ),
        (
            "What if the new boss thinks I'm slow?",
            "What if the new boss thinks I'm slow? I don't know what she thinks.",
            "mind-reading",
        ),
        (
            "The rota clash was my fault.",
            "The rota clash was partly my fault, I didn't check the dates.",
            "personalising",
        ),
        (
            "Got the promotion, but it was a fluke.",
            "Got the promotion. Not a fluke, I've done the extra work for a year.",
            "discounting-positive",
        ),
        (
            "I didn't cause it, but it's my fault Dad is ill.",
            "I can feel sad about Dad's illness without making it my fault.",
            "personalising",
        ),
        # from the third and fourth kind batches: a guess declined, blame denied, a feeling
        # that is no proof, a careful one, another reading, what a blow was about, a kind should
        (
            "Wife was quiet tonight, she's annoyed with me.",
            "Wife was quiet tonight. I'll ask how she is rather than assume she's annoyed with me.",
            "mind-reading",
        ),
        (
            "Mum didn't recognise me, it's because of something I did.",
            "Mum didn't recognise me for a moment. It wasn't because of anything I did.",
            "personalising",
        ),
        (
            "Guilt means I'm doing wrong.",
            "Feeling guilty. Guilt isn't proof I'm doing wrong; it's a sign I miss them.",
            "emotional-reasoning",
        ),
        ("I'm a useless one.", "I'm a careful one who slipped once.", "labelling"),
        (
            "My mother-in-law commented on his sleep. She was judging me.",
            "My mother-in-law commented on his sleep. She might have been judging, or she might"
            " have just been chatting.",
            "mind-reading",
        ),
        pytest.param(
            "A relative shouted at me today. It was aimed at me.",
            "A relative shouted at me today. It was aimed at me, but it was about their fear.",
            "personalising",
            marks=SURE_NO_COSTS,
        ),
        (
            "I should do it all myself, asking for help is weak.",
            "I should let people help with the clear-out. I don't have to do it all alone.",
            "should-statements",
        ),
        # read in blind66 and blind67: a near miss summed up as a miss, the top or no point,
        # a mood nearby taken as being about the writer
        (NEAR_MISS_A_FAIL, "its basically a formality now", "all-or-nothing"),
        (
            THE_TOP_OR_NO_POINT,
            "Whats the point of the meeting? I asked my manager.",
            "all-or-nothing",
        ),
        pytest.param(
            NO_WIN_NO_POINT,
            "No ticket, no entry.",
            "all-or-nothing",
            marks=DOUBTED_COSTS,
        ),
        (
            A_MOOD_ABOUT_ME,
            "my sister is cross again, its probably about the wedding",
            "personalising",
        ),
        (
            ITS_ME_ISNT_IT,
            "its me, open up",
            "personalising",
        ),
        # read in blind72 to blind75: a success summed up as the least that was owed, and
        # "then again" before what makes it not count
        (
            "They thanked me for covering the night shift. It's my job, anyway.",
            "It's my job to lock up tonight, so I left at nine.",
            "discounting-positive",
        ),
        (
            "Hit every deadline this quarter, but that's what I'm paid to do.",
            "Got the promotion. It's my job now.",
            "discounting-positive",
        ),
        (
            "Passed my driving test. Then again, anyone can pass it on the third go.",
            "Passed my driving test. Then again, I did practise every day for a month.",
            "discounting-positive",
        ),
        # someone's leaving put down to the writer with a sure word
        (
            "my brother left the party early, def bc of me",
            "my brother left the party early, def bc of the trains",
            "personalising",
        ),
    ],
)
def test_trap_shapes_and_their_look_alikes(trap: str, look_alike: str, trap_id: str) -> None:
    """Twins: the same words, once a trap, once a plain report or answered by the writer
    (kind self-talk among the answers)."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "twin"),
    [
        # the ending denied
        ("My career is finished.", "My career is not finished."),
        ("Our marriage is basically over.", "Our marriage is not over."),
        ("My career will be ruined by one slide.", "My career will not be ruined by one slide."),
        ("The business will go under.", "The business will not go under."),
        ("Everything is slowly falling apart.", "Everything is not falling apart."),
        # the gravest ending in everyday words, and the same words without it
        ("If they listen back, it's over for me.", "If they listen back, it's over for the day."),
        (
            "A mole looks a bit different. I've basically planned the funeral.",
            "A mole looks a bit different. I've booked the GP for Tuesday.",
        ),
        (
            "Missed a call from the agency. No more shifts ever.",
            "Missed a call from the agency. No more shifts this week, which is fine.",
        ),
        ("This is how people end up losing everything.", "We played cards and I lost every hand."),
    ],
)
def test_the_rules_read_the_worst_ending_and_not_its_twin(trap: str, twin: str) -> None:
    """The rules alone: an ending is catastrophising; a "not" or "never" between the thing and
    its ending denies it, and the same words without the ending are not."""
    assert "catastrophising" in trap_ids(trap, second_opinion=False)
    assert trap_ids(twin, second_opinion=False) == []


def test_a_harsh_word_given_back_to_the_mind_is_answered_unless_the_writer_agrees() -> None:
    assert trap_ids("'Loser' is what my brain offered after the match. I'm not a loser.") == []
    assert "labelling" in trap_ids("Loser is what my brain offered, and it's right, I am one.")


def test_a_harsh_word_denied_is_not_a_label_unless_another_stands() -> None:
    assert trap_ids("I'm not useless, I'm overloaded.") == []
    assert trap_ids("you're not a failure, love") == []
    assert "labelling" in trap_ids("I'm not a loser, I'm a complete idiot.")


def test_a_good_outcome_denied_is_still_a_forecast() -> None:
    assert "fortune-telling" in trap_ids("I'm not going to get the job, I know it.")
    assert "fortune-telling" in trap_ids(
        "I'm not going to ruin the wedding, but I'll definitely cry through the speech and "
        "everyone will laugh."
    )


def test_a_negation_inside_a_condition_still_cancels_what_the_condition_holds() -> None:
    for text in (
        "If it isn't the end of the world, I can cope.",
        "If this goes badly it's not the end of the world.",
        "If it's not my fault, why do I feel so bad?",
    ):
        assert trap_ids(text, second_opinion=False) == []


def test_a_disaster_the_writer_bounds_is_not_catastrophising() -> None:
    assert "catastrophising" in trap_ids("Burnt the roast, the whole evening is a disaster.")
    bounded = "Burnt the roast, a disaster for the gravy but the guests never noticed."
    assert trap_ids(bounded) == []
    worse = "Burnt the roast, it's a disaster, but what if they never come back."
    assert "catastrophising" in trap_ids(worse)


def test_luck_without_its_apostrophe_is_still_luck() -> None:
    assert "discounting-positive" in trap_ids("sold my first painting, beginners luck")


def test_a_kind_name_beside_a_harsh_one_is_still_read() -> None:
    assert "labelling" in trap_ids("What a legend, but I'm such an idiot for forgetting.")


def test_a_failed_thing_of_a_person_labels_them() -> None:
    """ "A disaster of a father" sums up a person (labelling), not a disaster to come."""
    assert trap_ids("Disaster of a father, forgot sports day.") == ["labelling"]
    assert "labelling" not in trap_ids("Disaster of a morning, the buses were all late.")


@pytest.mark.parametrize(
    ("trap", "look_alike"),
    [
        # a whole group judged at once, often from one event
        (
            "One rude email and now the whole department has it in for me.",
            "The whole department is in a meeting until four.",
        ),
        pytest.param(
            "My nephew forgot to call, none of my family care about me.",
            "My nephew forgot to call, none of my family knew he was travelling.",
            marks=LOOK_ALIKE_TICKED,
        ),
        (
            "One parcel went missing, so clearly couriers never deliver to my street.",
            "One parcel went missing, so I asked the courier to leave them with my neighbour.",
        ),
        pytest.param(
            "Texted the group and nobody answered, everyone's sick of me.",
            "Texted the group and nobody answered, everyone's at the match.",
        ),
        # what keeps happening named as the way life goes
        (
            "Missed the bus again, story of my life.",
            "Read her memoir, the story of my grandmother's life.",
        ),
        (
            "I ask for a day off and the rota changes, like clockwork.",
            "The ferry leaves at nine, like clockwork.",
        ),
    ],
)
def test_overgeneralising_without_always_or_never(trap: str, look_alike: str) -> None:
    assert "overgeneralising" in trap_ids(trap)
    assert trap_ids(look_alike) == []


def test_a_must_drawn_as_a_conclusion_is_not_a_rule() -> None:
    """ "So I must be the weakest" infers (from a feeling, here); "I must be the strongest"
    sets a rule."""
    assert "should-statements" in trap_ids("I must be the strongest one in the class.")
    inferred = trap_ids("I feel slow at the gym, so I must be the weakest one in the class.")
    assert "should-statements" not in inferred


@pytest.mark.parametrize(
    ("proof", "conclusion_alone", "conclusion_trap"),
    [
        # a feeling restated as what one is lands on no label of its own
        ("I feel useless today, so I must be useless.", "I'm useless.", "labelling"),
    ],
)
def test_a_feeling_taken_as_proof_carries_its_conclusion(
    proof: str, conclusion_alone: str, conclusion_trap: str
) -> None:
    """The conclusion of emotional reasoning is that trap's, not a second one beside it;
    said on its own, the same conclusion is its own trap."""
    assert trap_ids(proof) == ["emotional-reasoning"]
    assert conclusion_trap in trap_ids(conclusion_alone)


@pytest.mark.parametrize(
    ("text", "beside"),
    [
        # a harsh name the writer concludes they are is a label too
        ("I feel like a coward, so I must be one.", "labelling"),
        ("i feel like a fraud so im one", "labelling"),
        # a guess at a mind, a forecast, blame: traps of their own beside the feeling
        ("I feel invisible at work, so my manager obviously doesn't rate me.", "mind-reading"),
        (
            "I feel broke, so I must be broke, and next month is going to be even worse.",
            "fortune-telling",
        ),
        ("I feel like I'm the one who ruined the party, so I must have.", "personalising"),
        ("I'm dreading the audit, and that dread tells me it will go badly.", "fortune-telling"),
    ],
)
def test_the_rules_keep_a_trap_beside_a_feeling_taken_as_proof(text: str, beside: str) -> None:
    """Only a label or a sweeping pattern that restates the feeling is its conclusion."""
    found = trap_ids(text, second_opinion=False)
    assert {"emotional-reasoning", beside} <= set(found)


def test_a_feeling_named_without_proof_leaves_the_rest_to_be_read() -> None:
    text = "I feel like a coward. My manager obviously doesn't rate me."
    assert {"emotional-reasoning", "mind-reading"} <= set(trap_ids(text))
    assert "emotional-reasoning" in trap_ids(
        "Something feels off about the move, and feelings don't lie."
    )


def test_what_others_are_guessed_to_think_is_not_the_writers_label() -> None:
    """ "The parents at the gate must think I'm a mess" reads their minds; "I'm a mess"
    calls myself names."""
    guessed = trap_ids("The parents at the school gate must think I'm a mess.")
    assert "mind-reading" in guessed and "labelling" not in guessed
    assert "labelling" in trap_ids("I'm such a mess at the school gate.")


def test_every_under_a_rule_or_condition_is_a_standard_not_a_pattern() -> None:
    assert "overgeneralising" in trap_ids("Every single email I send gets ignored.")
    ruled = trap_ids("I have to reply to every single email before I sleep.")
    assert "should-statements" in ruled and "overgeneralising" not in ruled
    assert "overgeneralising" not in trap_ids(
        "Unless every single guest leaves happy, the party was a flop."
    )


def test_a_habit_of_spoiling_things_is_overgeneralising_not_a_catastrophe() -> None:
    assert trap_ids("Dropped the eggs, I break everything.") == ["overgeneralising"]
    assert trap_ids("If the deal falls through we'll lose everything.") == ["catastrophising"]


def test_a_doubt_that_a_success_means_much_is_still_discounting() -> None:
    assert "discounting-positive" in trap_ids("Getting the award doesn't mean I'm any good.")


def test_real_words_near_a_key_word_are_not_respelt() -> None:
    """ "ever" is not a typo of "never", nor "other" of "mother", nor "lose" of "loser"."""
    plain = plain_form("Best trip ever, the other kids agreed. I lose my keys. im a terible freind")
    assert plain.text.startswith("best trip ever, the other kids agreed. i lose my keys.")
    assert plain.text.endswith("i am a terrible friend")


def test_every_real_word_near_a_key_word_is_listed() -> None:
    """Every whole word of the model's vocabulary the speller would change is either listed
    as a real word or one of the few kept as likelier typos, so a new key word cannot
    silently start rewriting ordinary words."""
    assert vocabulary_respelt(KEY_WORDS) == set(NOT_TYPOS) | LIKELIER_TYPOS


def test_a_feeling_restated_as_a_fact_is_emotional_reasoning() -> None:
    assert trap_ids("feel clumsy today so i am clumsy, that's that") == ["emotional-reasoning"]
    assert trap_ids("feel slow = am slow") and "emotional-reasoning" in trap_ids(
        "feel slow = am slow"
    )
    # a feeling acted on, in either spelling of "I am" (the rules)
    assert trap_ids("I feel sleepy so I am going to lie down.", second_opinion=False) == []
    assert (
        trap_ids("I feel sleepy, so I'm going to lie down for an hour.", second_opinion=False) == []
    )


@LOOK_ALIKE_TICKED
def test_a_feeling_acted_on_is_not_taken_as_proof() -> None:
    assert trap_ids("I feel sleepy, so I'm going to lie down for an hour.") == []


def test_a_bare_total_failure_sums_up_the_writer() -> None:
    """ "Total failure." said of nothing named is a label; "the day was a total failure" or
    "a total waste of an evening" judges an event all or nothing."""
    assert trap_ids("Forgot the dentist again. Total failure.") == ["labelling"]
    assert "all-or-nothing" in trap_ids("One slide had a typo, so the talk was a total failure.")
    assert "all-or-nothing" in trap_ids("Spoke to two people all night. Total waste of an evening.")


def test_what_others_may_see_is_not_what_they_think() -> None:
    assert "mind-reading" in trap_ids("My kids can see I'm falling apart.")
    assert trap_ids("I must never let my kids see me cry.") == ["should-statements"]


def test_certainty_about_ones_own_blame_is_personalising() -> None:
    assert "catastrophising" in trap_ids("It has to be cancer, the headaches won't stop.")
    blamed = "She went quiet at dinner, it has to be something I said."
    assert trap_ids(blamed) == ["personalising"]


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        # the others named with where they are
        (
            "Everyone in my lab must think I'm slow.",
            "Everyone in my lab must think the deadline is Friday.",
            "mind-reading",
        ),
        (
            "The parents on the team probably think I'm useless.",
            "The parents on the team probably think the kit is new.",
            "mind-reading",
        ),
        # "ill" for "I'll" where a clause starts, and words typed without their apostrophe
        (
            "ill probably never pass the theory test",
            "I was ill, so I never sat the theory test.",
            "fortune-telling",
        ),
        ("theyll find out im a fake eventually", "im sure theyll like the cake", "fortune-telling"),
        # what someone said out loud is not guessed
        (
            "My aunt probably thinks im too quiet",
            "My aunt thinks im too quiet, she told me at lunch",
            "mind-reading",
        ),
        # the gravest guess about what has happened already, or is happening
        (
            "She's an hour late, something awful must have happened to her.",
            "Something awful happened in the film and we all gasped.",
            "catastrophising",
        ),
        (
            "Manager booked a meeting with HR, I'm getting fired.",
            "I'm getting fired up for the match tonight.",
            "catastrophising",
        ),
        # predictions of falling behind or ending like the others
        (
            "He's going to fall behind and never catch up.",
            "He's going to fall asleep on the sofa again.",
            "fortune-telling",
        ),
        (
            "This job is going to end like all the others.",
            "The film is going to end at nine.",
            "fortune-telling",
        ),
        # a feeling as proof, without "I" or with "which settles it"; a feeling acted on
        (
            "feel like they're all annoyed with me, so that's probably the truth",
            "feel like pasta tonight, so I'm making some",
            "emotional-reasoning",
        ),
        (
            "Feeling useless today, which pretty much settles it.",
            "Booked the flights today, which settles it.",
            "emotional-reasoning",
        ),
        # anybody, wherever they are, could have done it
        (
            "Got the project done, but anyone on the team could have.",
            "Anyone on the team can borrow the spare key.",
            "discounting-positive",
        ),
        # short of perfect, so worth nothing; people in two kinds
        (
            "My drawing is not perfect so it is pointless to show anyone.",
            "My drawing is not perfect so I'll keep practising.",
            "all-or-nothing",
        ),
        (
            "There are two kinds of people, winners and me.",
            "There are two kinds of pasta in the cupboard.",
            "all-or-nothing",
        ),
        # what keeps happening named as the way it goes for the writer
        (
            "Missed the train again, this is just how it goes for me.",
            "That's just how it goes sometimes, next week will be calmer.",
            "overgeneralising",
        ),
        # a loss put down to the writer
        (
            "Sales dropped this quarter because of my pitch.",
            "Sales rose this quarter because of my pitch.",
            "personalising",
        ),
        (
            "The team missed the target, entirely my failing.",
            "Spelling is my failing, so I use a checker.",
            "personalising",
        ),
        # a rule with no way out; "every" under "a real X would" is the standard
        (
            "I have to reply to every text the same day, no exceptions.",
            "The pool has to close at nine, no exceptions.",
            "should-statements",
        ),
        (
            "A real runner would train every single morning.",
            "A real runner came to talk to our club.",
            "should-statements",
        ),
        # a practical step answers a gap; a repair answers a blame
        (
            "I never learn anything.",
            "I never learned to cook, so I signed up for a class.",
            "overgeneralising",
        ),
        (
            "Missed the deadline, that's on me.",
            "Missed the deadline, that's on me, sending it first thing tomorrow.",
            "personalising",
        ),
        # a belief from childhood, a reminder that minds can't be read, a taste (blind52-55)
        (
            "The move was my fault.",
            "When I was little I thought the move was my fault. It was Dad's new job.",
            "personalising",
        ),
        (
            "The whole choir was laughing at my solo.",
            "I was sure the whole choir was laughing at my solo. Then I remembered I can't read"
            " minds.",
            "mind-reading",
        ),
        (
            "I'll never pass this course.",
            "I'll never understand why anyone likes marmite.",
            "fortune-telling",
        ),
        # a key word misspelt
        (
            "i could tell he was disapointed in me",
            "we were disapointed by the weather",
            "mind-reading",
        ),
    ],
)
def test_shapes_read_in_the_seventh_blind_batch(trap: str, look_alike: str, trap_id: str) -> None:
    """Twins in our own words: the trap is ticked; the look-alike gets nothing from the rules
    (the model's own readings of the look-alikes are not what these shapes changed)."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike, second_opinion=False) == []


def test_ill_is_read_as_i_will_only_where_a_clause_starts() -> None:
    assert plain_form("i feel tired, so ill go to bed early").text.endswith(
        "so i will go to bed early"
    )
    for unwell in (
        "I feel ill today",
        "i was so ill i stayed home",
        "ill health runs in the family",
    ):
        assert "will" not in plain_form(unwell).text
    assert trap_ids("i feel tired, so ill go to bed early", second_opinion=False) == []


def test_what_others_are_guessed_to_think_of_a_success_is_mind_reading() -> None:
    assert trap_ids("I only got the grant because of my supervisor.") == ["discounting-positive"]
    guessed = "They probably think I only got the grant because of my supervisor."
    assert trap_ids(guessed, second_opinion=False) == ["mind-reading"]


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        # a thing that keeps failing, and "every" in a standard for real painters
        (
            "I mess up every single day.",
            "The kettle is useless, it trips the fuse every day.",
            "overgeneralising",
        ),
        pytest.param(
            "I mess up every single day.",
            "Real painters paint every single day.",
            "overgeneralising",
            marks=LOOK_ALIKE_TICKED,
        ),
        # "either way" is no either/or
        (
            "Either I win or it's all pointless.",
            "Either way, win or lose, I'll enjoy the match.",
            "all-or-nothing",
        ),
        # a disaster laughed about
        pytest.param(
            "The cake was a total disaster, the whole party is ruined.",
            "The cake was a total disaster, we laughed about it all evening.",
            "catastrophising",
        ),
        # answers: a step for next time, not knowing yet, what it is for, the old way of seeing it
        (
            "My fault we missed the bus.",
            "My fault we missed the bus. Setting an alarm tomorrow.",
            "personalising",
        ),
        (
            "She probably thinks I'm boring.",
            "She probably thinks I'm boring, but I don't know yet.",
            "mind-reading",
        ),
        (
            "I feel stupid asking so many questions, so I must be stupid.",
            "I feel stupid asking so many questions, but that's what training is for.",
            "emotional-reasoning",
        ),
        (
            "This is a catastrophe.",
            "My old self would have called this a catastrophe. It's a hiccup.",
            "catastrophising",
        ),
        # everyone's approval as a need
        pytest.param(
            "I need every single person at work to like me.",
            "I need every single person at work to sign the card.",
            "should-statements",
            marks=LOOK_ALIKE_TICKED,
        ),
        # "shell", "well" for "she'll", "we'll" where a clause starts before a verb
        pytest.param(
            "shell laugh at me if I ask",
            "they shell out for the good coffee",
            "fortune-telling",
            marks=DOUBTED_COSTS,
        ),
        pytest.param(
            "well never get better",
            "well done us, we raised loads",
            "fortune-telling",
            marks=DOUBTED_COSTS,
        ),
        # "musnt" for "mustn't"; what a whole kind of person must never do
        pytest.param(
            "a good dad musnt ever shout",
            "the dog musnt go on the sofa",
            "should-statements",
        ),
        ("men dont cry, so I never do", "the men dont arrive until nine", "should-statements"),
        # a result not out yet, already known; falling ill foretold
        pytest.param(
            "i already know i havent passed",
            "i already knew i passed",
            "fortune-telling",
            marks=LOOK_ALIKE_TICKED,
        ),
        ("ill get sick on the day, watch", "i got sick on the day", "fortune-telling"),
        # coping: the worst case met with a plan, worse handled before
        pytest.param(
            "worst case the train is cancelled and the whole trip is ruined",
            "worst case the train is cancelled and we rebook",
            "catastrophising",
        ),
        (
            "I always fall apart under pressure.",
            "I always pull through, I've handled worse than this.",
            "overgeneralising",
        ),
        # the blind training batch blind12: shapes of its misses and false ticks
        (
            "Anyone could have got that grade, and next time I'll fail anyway.",
            "Anyone could have got that grade if they'd put the hours in, "
            "and next time I'll revise the same way.",
            "discounting-positive",
        ),
        (
            "The launch failed because I was slow to sign off.",
            "The launch failed partly because I was slow to sign off; we've fixed the process.",
            "personalising",
        ),
        (
            "She doesn't want to work with me, I can just tell.",
            "She said outright she doesn't want to work with me, which hurt.",
            "mind-reading",
        ),
        (
            "One more late night and I will break.",
            "If I drop it I will break the vase, so I'll carry it in the box.",
            "catastrophising",
        ),
        (
            "We'll have split up by Christmas, I can see it coming.",
            "We'll have moved in by Christmas, the keys come next week.",
            "fortune-telling",
        ),
        pytest.param(
            "I messed up the figures and everyone knows it.",
            "The office moves in June and everyone knows it's going to be noisy.",
            "mind-reading",
            marks=LOOK_ALIKE_TICKED,
        ),
        (
            "He smiled at the meeting, but inside he was furious with me.",
            "Inside, the office was warm and quiet.",
            "mind-reading",
        ),
        (
            "My mentor said the draft is good, but she's just being encouraging.",
            "My mentor said the draft is good and pointed out two gaps to fix.",
            "discounting-positive",
        ),
        (
            "If the pitch goes badly everything I've worked for is gone.",
            "Everything I've worked for this term is in the folder, ready to hand in.",
            "catastrophising",
        ),
        # the blind training batch blind14: shapes of its misses and false ticks
        (
            "Anything less than an A and my parents will be gutted.",
            "Anything less than a week's notice makes the rota hard, so I asked early.",
            "all-or-nothing",
        ),
        (
            "Anxious all morning, which proves the interview will go badly.",
            "Anxious all morning, which is normal before an interview.",
            "emotional-reasoning",
        ),
        (
            "The promotion doesn't feel deserved, so it wasn't.",
            "The promotion doesn't feel real yet, so I wrote down what I did to earn it.",
            "emotional-reasoning",
        ),
        (
            "My appraisal was glowing, so the appraisal was wrong.",
            "My appraisal was glowing and my manager gave three examples.",
            "discounting-positive",
        ),
        pytest.param(
            "The physio says my knee is stronger, it's the exercises, nothing I did.",
            "The physio says my knee is stronger, thanks to the exercises I did.",
            "discounting-positive",
            marks=SURE_NO_COSTS,
        ),
        (
            "Every slide has to be flawless or there's no point presenting.",
            "Every slide has a source, and there's a point to each one.",
            "all-or-nothing",
        ),
        (
            "Nothing less than straight As, anything less is failing.",
            "Anything under ten minutes is fine for the warm-up.",
            "all-or-nothing",
        ),
        (
            "The kitchen isn't spotless, so the whole house is a tip.",
            "The kitchen isn't spotless yet, and the guests come at eight.",
            "all-or-nothing",
        ),
        (
            "I made one typo in the report so the whole thing is ruined.",
            "I made one typo in the report and fixed it before lunch.",
            "all-or-nothing",
        ),
        (
            "She stopped replying, they all do.",
            "She stopped replying because her phone broke, she told me on Monday.",
            "overgeneralising",
        ),
        (
            "The cake sank, just like all my cakes do.",
            "The cake sank in the middle; the oven runs hot, so I'll lower it next time.",
            "overgeneralising",
        ),
        (
            "Whenever I speak up in meetings I get it wrong.",
            "Whenever I cycle in the rain I get soaked, so I've packed a spare shirt.",
            "overgeneralising",
        ),
        (
            "Forgot my keys again; classic idiot.",
            "Forgot my keys again, so a spare set now lives with my neighbour.",
            "labelling",
        ),
        (
            "Forgot the school form again, what a useless mother.",
            "Forgot the school form again; set a phone reminder for Thursdays.",
            "labelling",
        ),
        (
            "My manager frowned all through the demo, obviously because of my slides.",
            "My manager frowned all through the demo and later said her tooth ached.",
            "personalising",
        ),
        (
            "He went quiet after the call, he must be angry about what I said.",
            "He went quiet after the call, and he told me he was tired, so I let him rest.",
            "mind-reading",
        ),
        (
            "My tutor has written me off already.",
            "My tutor has written me a reference already.",
            "mind-reading",
        ),
        (
            "The boiler is clanking and I just know it's going to break and cost a fortune.",
            "The boiler is clanking, so I booked the engineer for Friday.",
            "fortune-telling",
        ),
        (
            "If I lose this contract we'll end up on the street.",
            "If I lose this contract we'll live on savings for three months while I look.",
            "catastrophising",
        ),
    ],
)
def test_look_alikes_read_in_the_training_parts(trap: str, look_alike: str, trap_id: str) -> None:
    """Twins in our own words for the trap-free sentences the training parts flagged and the
    traps the blind training batches showed: the trap is ticked, the look-alike gets
    nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        # answers: the guess doubted at once, a feeling named as a feeling, a fair reading,
        # letting it go, a deed set against the feeling, the old belief left behind, a step
        (
            "My neighbour probably thinks I'm rude.",
            "My neighbour probably thinks I'm rude. Or maybe not, who knows.",
            "mind-reading",
        ),
        (
            "I feel like a burden to my family.",
            "I feel like a burden to my family, which is a feeling, not a fact.",
            "emotional-reasoning",
        ),
        (
            "My daughter rolled her eyes at my advice, she thinks I'm a dinosaur.",
            "My daughter rolled her eyes at my advice, fair enough, it was preachy.",
            "mind-reading",
        ),
        (
            "Dented the hire car, my fault.",
            "Dented the hire car, my fault, paid the excess, moving on.",
            "personalising",
        ),
        (
            "I feel worthless since the redundancy.",
            "I feel worthless since the redundancy, but I applied for two jobs today and that"
            " counts.",
            "emotional-reasoning",
        ),
        (
            "I wreck everything I touch.",
            "I used to think I wreck everything I touch. I don't believe that any more.",
            "overgeneralising",
        ),
        (
            "I'm useless at the guitar.",
            "I'm useless at the guitar, signing up for lessons next month.",
            "labelling",
        ),
        # one thing not done is a fact; a habit kept as a timetable or a precaution
        (
            "I never finish anything I start.",
            "I never finished my apprenticeship, and I run my own shop now.",
            "overgeneralising",
        ),
        pytest.param(
            "I never learn.",
            "I never learnt to drive as a teenager.",
            "overgeneralising",
            marks=LOOK_ALIKE_TICKED,
        ),
        (
            "I'm always late for everything.",
            "I always catch the 8:05 train, it was late again today.",
            "overgeneralising",
        ),
        (
            "I never get anything right.",
            "I never sign anything without reading it twice.",
            "overgeneralising",
        ),
        # a guess at what happened is no rule; with nobody taking the blame, no personalising
        (
            "Must be perfect at the recital.",
            "The dog's limping. Must be something he stepped on.",
            "should-statements",
        ),
        (
            "Has to be spotless before they arrive.",
            "Rash on my arm for a week. Has to be.",
            "should-statements",
        ),
        (
            "The dog's limping. Must be something I did.",
            "The dog's limping, it must be something he stepped on on the walk.",
            "personalising",
        ),
        pytest.param(
            "My sister is upset with me again, it must be something I said.",
            "My sister is upset with her boss again.",
            "personalising",
        ),
        # an eye roll seen is not a thought read
        (
            "My son rolled his eyes when I asked about homework, he thinks I'm a nag.",
            "My son rolled his eyes when I asked about homework.",
            "mind-reading",
        ),
    ],
)
def test_look_alikes_read_in_the_tenth_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the trap-free sentences the training parts (the tenth blind
    batch among them) flagged: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


def test_what_lies_inside_two_boxes_is_all_or_nothing() -> None:
    boxes = "Either I'm top of the class or I'm a fraud, there's no middle ground."
    assert trap_ids(boxes, second_opinion=False) == ["all-or-nothing"]
    assert trap_ids("If I'm not the best player on the team I'm nothing, no in between.") == [
        "all-or-nothing"
    ]
    # a ruin as the second box, and the same ruin foreseen on its own
    ruin = "Either I land this contract or my career is finished, no middle ground."
    assert trap_ids(ruin) == ["all-or-nothing"]
    assert trap_ids("If I lose this contract my career is finished.") == ["catastrophising"]
    no_point = "If I can't swim the full mile there's no point going to the pool at all."
    assert trap_ids(no_point) == ["all-or-nothing"]
    # the writer then says which box they are in: the label is theirs
    chosen = boxes + " And I'm not top."
    assert set(trap_ids(chosen)) == {"all-or-nothing", "labelling"}


@LOOK_ALIKE_TICKED
def test_a_harsh_word_inside_two_boxes_is_not_a_label_of_its_own() -> None:
    assert trap_ids("Either I'm top of the class or I'm a fraud, there's no middle ground.") == [
        "all-or-nothing"
    ]


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        (
            "Missed the bus again and forgot my badge, muppet.",
            "Missed the bus again and forgot my badge, so I walked.",
            "labelling",
        ),
        pytest.param(
            "The council always have it in for our street.",
            "The council gave our street new lamps.",
            "overgeneralising",
        ),
        (
            "First week on the new team and I'll be the one who holds everyone back.",
            "First week on the new team and I'll be the one who brings the cake.",
            "fortune-telling",
        ),
        (
            "The recital has to be flawless, anything less and I've let my teacher down.",
            "The recital is on Friday and my teacher will be there.",
            "all-or-nothing",
        ),
        pytest.param(
            "The director sighed at the whole cast, but it was obviously aimed at me.",
            "The director sighed at the whole cast, then we ran the scene again.",
            "personalising",
            marks=SURE_NO_COSTS,
        ),
        (
            "My manager is quiet this morning, it must be about my proposal.",
            "My manager is quiet this morning, she has a cold.",
            "personalising",
        ),
        (
            "They all noticed that I was shaking.",
            "My mentor said my talk was clear, and I'm glad they noticed.",
            "mind-reading",
        ),
    ],
)
def test_look_alikes_read_in_the_sixteenth_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the sixteenth blind batch (for training) showed:
    the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        (
            "Every trainee feels like an impostor, so I must be one.",
            "I feel like an impostor some days, which most trainees feel, and it doesn't mean "
            "I am one.",
            "emotional-reasoning",
        ),
        (
            "I feel swamped by the move, so it's going to be a total disaster.",
            "I feel swamped by the move, so I've written a list and I'm doing one room a day.",
            "emotional-reasoning",
        ),
        (
            "I should be a perfect listener, always.",
            "I want to listen better, so I'm practising not cutting in.",
            "should-statements",
        ),
        (
            "I always ruin every trip, I'm hopeless.",
            "i always leave my gloves on the bus lol, bought a cheap pair for my coat pocket",
            "overgeneralising",
        ),
        (
            "She definitely thinks my joke was offensive.",
            "She said she found my joke a bit much, and I can see why.",
            "mind-reading",
        ),
        (
            "They only laughed to be polite.",
            "They clapped at the end and I let myself enjoy it.",
            "discounting-positive",
        ),
        (
            "The praise for my cake was mere politeness.",
            "My cake got praised and I said thank you.",
            "discounting-positive",
        ),
        (
            "If this contract falls through we'll be evicted by spring.",
            "If this contract falls through we'll move the launch to spring.",
            "catastrophising",
        ),
    ],
)
def test_look_alikes_read_in_the_eighteenth_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the eighteenth blind batch (for training)
    showed: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


def test_only_feedback_given_is_answered_by_seeing_why_and_only_a_step_by_a_purchase() -> None:
    """ "and I can see why" answers what someone said, not a guess the writer agrees with; a
    purchase after a comma answers a habit, not any event that follows one."""
    assert "mind-reading" in trap_ids("They all think I'm boring and I can see why.")
    assert trap_ids("She said she found my joke a bit much, and I can see why.") == []
    assert "overgeneralising" in trap_ids("I always mess up, got a warning today.")


def test_what_someone_is_guessed_to_have_meant_is_not_the_writers_label() -> None:
    guessed = "Dad said 'good effort' at the match, but he meant I was useless."
    assert "labelling" not in trap_ids(guessed, second_opinion=False)
    assert "labelling" in trap_ids("Missed every pass at the match, I was useless.")


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        pytest.param(
            "The bakery will be ruined this winter, I just know it.",
            "Flour costs doubled, so the bakery will likely be over budget this month.",
            "catastrophising",
            marks=DOUBTED_COSTS,
        ),
        (
            "The recital is going to go badly, I'll freeze.",
            "Only half the seats are sold, so the recital probably won't fill up.",
            "fortune-telling",
        ),
        (
            "I feel like a burden, so I must be one.",
            "Feeling snappy, probably because I skipped breakfast.",
            "emotional-reasoning",
        ),
        (
            "The whole launch was a complete failure.",
            "That call was a complete waste of an afternoon.",
            "all-or-nothing",
        ),
        (
            "I'm a pathetic excuse for a runner.",
            "What a sad excuse for a burger, eight pounds too.",
            "labelling",
        ),
        (
            "I always get the handover wrong.",
            "the 7.40 is always packed on fridays so i cycle in",
            "overgeneralising",
        ),
        (
            "It was only good feedback because they felt sorry for me.",
            "I thought the feedback was just politeness, then decided to take it at face value.",
            "discounting-positive",
        ),
        pytest.param(
            "A good nurse doesn't need to ask for help.",
            "A good nurse asked me for help with the rota today.",
            "should-statements",
            marks=SURE_NO_COSTS,
        ),
        (
            "Mums are meant to have it all under control.",
            "Mums at the school gate are meant to sign the trip form by Friday.",
            "should-statements",
        ),
        pytest.param(
            "I'm not supposed to get tired, grown-ups just cope.",
            "I'm not supposed to lift heavy boxes until my back heals.",
            "should-statements",
            marks=LOOK_ALIKE_TICKED,
        ),
        pytest.param(
            "We can't plan anything without arguing.",
            "We can't plan the route without the new map.",
            "overgeneralising",
        ),
        (
            "The audience clapped, which people do to be polite.",
            "The audience clapped, and I stayed to chat afterwards.",
            "discounting-positive",
        ),
        (
            "This award proves nothing.",
            "I got the award and I am letting myself enjoy it.",
            "discounting-positive",
        ),
        pytest.param(
            "Joined the choir at 50, I'll have quit by spring.",
            "Joined the choir at 50, I'll have learnt three songs by spring.",
            "fortune-telling",
        ),
        pytest.param(
            "The director wants a word, I'm definitely getting sacked.",
            "The director wants a word about the rota; I'll bring my notes.",
            "fortune-telling",
            marks=DOUBTED_COSTS,
        ),
        pytest.param(
            "I told myself the whole week was wasted.",
            "I told myself the whole week was wasted, when really it was just Monday.",
            "all-or-nothing",
            marks=SURE_NO_COSTS,
        ),
    ],
)
def test_look_alikes_read_in_the_twentieth_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the twentieth blind batch (for training)
    showed: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


def test_what_someone_decided_about_themselves_is_not_read_as_about_the_writer() -> None:
    """The rules leave someone's view of a third person alone (the model, on its own, may
    still read it as mind-reading)."""
    niece = "My niece decided nobody at school likes her after one lonely lunch."
    assert "mind-reading" not in trap_ids(niece, second_opinion=False)
    assert "mind-reading" in trap_ids("My team decided I'm not up to it.", second_opinion=False)


def test_a_sure_no_from_the_model_quiets_the_rules() -> None:
    """Where the model reads a text as free of every trap, the rules' finds give way; where it
    does not, they stand (tests/data/traps_scores.md)."""
    plain_habit = "The team always does a retro on the last day of the sprint."
    assert "overgeneralising" in trap_ids(plain_habit, second_opinion=False)
    assert trap_ids(plain_habit) == []
    assert "overgeneralising" in trap_ids("I always let the team down.")


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        (
            "I must never turn down extra work.",
            "I should email the client before I agree to anything else.",
            "should-statements",
        ),
        (
            "The outage was my fault, all of it.",
            "My manager blames herself for the outage; I'll remind her the supplier's update"
            " broke it.",
            "personalising",
        ),
        (
            "If my essay isn't perfect I've wasted the whole term.",
            "My son says if he doesn't win the race he's rubbish; we're going to talk about it.",
            "all-or-nothing",
        ),
        (
            "Nobody will come to my talk, I can tell.",
            "If the bread sinks I'll call it flatbread and nobody will mind.",
            "fortune-telling",
        ),
        (
            "The interview will go terribly, I'll freeze up.",
            "thought the interview would go terribly, but my practice went fine so that's just"
            " nerves talking",
            "fortune-telling",
        ),
        (
            "I'm a pathetic excuse for a friend.",
            "What a pathetic excuse for a train service.",
            "labelling",
        ),
        (
            "If this launch slips it's the end of my career.",
            "Stayed to the end of the meeting, then cycled home.",
            "catastrophising",
        ),
        (
            "The whole project failed and it's all my fault.",
            "Felt like the whole mess was my fault, but four things slipped and only one was mine.",
            "personalising",
        ),
        (
            "we lost the match cos of me",
            "we lost the match cos of the rain",
            "personalising",
        ),
        (
            "We hit nine deadlines but the one we missed makes it a failed quarter.",
            "We hit nine deadlines and missed one; we'll look at why on Monday.",
            "all-or-nothing",
        ),
        (
            "Teacher of the year? Hardly. More like a fraud.",
            "Teacher of the year? Hardly. More like teacher of the week, and that's fine.",
            "labelling",
        ),
    ],
)
def test_look_alikes_read_in_the_twenty_third_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the twenty-third blind batch (for training)
    showed: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        (
            "I'm a useless runner, always have been.",
            "Swam a full mile for the first time, dead chuffed.",
            "labelling",
        ),
        (
            "I'm such a useless idiot with machines.",
            "Stupid printer ate my boarding pass.",
            "labelling",
        ),
        (
            "The talk went well but that one stumble means it was a disaster.",
            "The talk went well and I stumbled once; I'll slow down at that slide.",
            "all-or-nothing",
        ),
        (
            "The day went fine apart from one email I sent late, so really it was a failure.",
            "The day went fine apart from one email I sent late, so I've set a reminder.",
            "all-or-nothing",
        ),
        pytest.param(
            "Either I ace the audition or I might as well give up singing.",
            "Either I take the early train or I get a lift with Sam.",
            "all-or-nothing",
            marks=LOOK_ALIKE_TICKED,
        ),
        (
            "Forgot one line in the play, no drama school, no future.",
            "Forgot one line in the play and carried on; the future's still wide open.",
            "catastrophising",
        ),
        (
            "The kids are rude to the new nanny, they must have picked that up from me.",
            "The kids say please at the table, they picked that up from their gran.",
            "personalising",
        ),
        (
            "Finished the report early but it was a simple report anyway.",
            "Finished the report early, and it was a simple one, so I took a long lunch.",
            "discounting-positive",
        ),
        (
            "Dad thanked me, but I know he wishes my sister was the one helping.",
            "Dad thanked me and said he's glad I'm the one helping.",
            "mind-reading",
        ),
        (
            "Complained about the rota again. I'm such a whinger.",
            "Complained about the rota and they changed it, so that worked.",
            "labelling",
        ),
    ],
)
def test_look_alikes_read_in_the_twenty_fifth_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the twenty-fifth blind batch (for training)
    showed: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        (
            "I'll fail the driving test, no matter what.",
            "A boy in my class told me he'll fail his test no matter what. I rang his mum.",
            "fortune-telling",
        ),
        (
            "I was sure the whole committee hated my plan.",
            "Was sure the committee hated my plan, then actually asked them: one doubt, the rest"
            " keen.",
            "mind-reading",
        ),
        (
            "The pitch will go badly, I just know it.",
            "The last two pitches to this client went badly, so I expect a no and I've got a"
            " fallback.",
            "fortune-telling",
        ),
        (
            "If the harvest fails the farm will go under.",
            "Grandad keeps saying the farm will go under if he stops.",
            "catastrophising",
        ),
        (
            "I'm a useless lump, can't even get up on time.",
            "This microwave is a useless lump of plastic.",
            "labelling",
        ),
        (
            "Missed the last rep. Quitter.",
            "Missed the last rep. Tomorrow, then.",
            "labelling",
        ),
        (
            "you lazy sod, slept through the alarm again",
            "lazy sunday, slept through the alarm and it was lovely",
            "labelling",
        ),
        (
            "Deleted the client's files, this is the end of me at this firm.",
            "Deleted the old files at the end of the day, as planned.",
            "catastrophising",
        ),
        pytest.param(
            "Pulled a hamstring, that's my football over for good.",
            "Pulled a hamstring, so that's my football over for a month or two.",
            "catastrophising",
        ),
        (
            "If the inspection goes badly I'll be finished.",
            "If the inspection goes smoothly I'll be finished by four.",
            "catastrophising",
        ),
        (
            "The fair went well apart from losing one stall, which makes the day a disaster.",
            "The fair went well apart from losing one stall, which we'll book earlier next year.",
            "all-or-nothing",
        ),
    ],
)
def test_look_alikes_read_in_the_twenty_seventh_blind_batch(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the twenty-seventh blind batch (for training)
    showed: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        # "must be" before a word in -ing is a guess, not a rule for how to be
        (
            "I have to be perfect at every handover.",
            "I must be getting better at this, the ward is calm tonight.",
            "should-statements",
        ),
        # a dislike they said out loud is no mind read
        (
            "Everyone in the choir hated the song I chose, I could feel it.",
            "Everyone in the choir hated the song I chose, they said so, and we swapped it.",
            "mind-reading",
        ),
        # the writer's own mood or ache put down to what they did takes no blame for others
        (
            "Everyone was quiet at dinner, probably because I was in a mood.",
            "Feeling grumpy, probably because I slept badly.",
            "personalising",
        ),
        (
            "The team lost, probably because of me.",
            "Had a migraine this morning, probably because of my screen time.",
            "personalising",
        ),
    ],
)
def test_look_alikes_read_in_the_twenty_ninth_and_thirty_first_blind_batches(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the twenty-ninth and thirty-first blind batches
    (for training) showed: the trap is ticked, the look-alike gets nothing."""
    assert trap_id in trap_ids(trap)
    assert trap_ids(look_alike) == []


@pytest.mark.parametrize(
    ("trap", "look_alike", "trap_id"),
    [
        # advice given to someone is no rule for them
        (
            "My team should never make mistakes.",
            "Told my apprentice she should take more breaks.",
            "should-statements",
        ),
        # a tired body's hyperbole is no verdict on the day
        (
            "Missed one delivery and the whole week is ruined.",
            "Double shift on the ward. Feet are ruined, bath and bed.",
            "all-or-nothing",
        ),
        # "must mean" draws a conclusion; it sets no rule
        (
            "I must be perfect every single shift.",
            "Kept waking at 3am. Must mean the new pillow is too high.",
            "should-statements",
        ),
        # a disaster the writer calls themselves is a label, not a catastrophe foreseen
        (
            "This launch will be a disaster.",
            "I'm a walking disaster of a manager.",
            "catastrophising",
        ),
        # a slip nobody noticed is set in proportion
        (
            "I tripped on stage and everyone was laughing at me.",
            "Fluffed a line in the school play and nobody noticed but me.",
            "mind-reading",
        ),
        # the thought weighed against what is real
        pytest.param(
            "My head says I should have caught it.",
            "My head says I should have caught it. Realistically it needed a scanner we lack.",
            "should-statements",
            marks=SURE_NO_COSTS,
        ),
        # the guess confirmed out loud, or weighed and found fair
        (
            "My manager thinks I am lazy.",
            "My manager thinks I am lazy. She told me, in my review.",
            "mind-reading",
        ),
        (
            "My sister thinks I am a failure.",
            "My sister thinks I work too much. She might have a point.",
            "mind-reading",
        ),
        # a hurt not taken to heart
        (
            "A customer called me useless and he was right, I am useless.",
            "A customer called me useless. Did not take it personally, he was angry at the delay.",
            "labelling",
        ),
        # a slip everyone makes
        (
            "Dropped a tray of glasses, I ruin everything.",
            "Dropped a tray of glasses on my first shift. Apparently everyone does it the first few"
            " times.",
            "overgeneralising",
        ),
        # a harsh word owned as the whole of oneself, not a trait owned with what it did
        (
            "I should know my scales by now. Lazy, that's what I am.",
            "Stubborn, that's what I am, and it helps on the long climbs.",
            "labelling",
        ),
        # a bare insult as a sentence of its own
        (
            "Still can't read the bass clef properly. Dunce.",
            "Still can't read the bass clef properly. Lesson on Friday.",
            "labelling",
        ),
        # a gloomy forecast sealed with a dare, not a hopeful one
        pytest.param(
            "Tomorrow's a double. I'll make a bad call before the night's out, you watch.",
            "We'll win on Saturday, you watch.",
            "fortune-telling",
            marks=LOOK_ALIKE_TICKED,
        ),
        # something savoured puts nothing in two boxes
        (
            "If it is not perfect it is worthless.",
            "Nothing beats a cold swim at dawn.",
            "all-or-nothing",
        ),
    ],
)
def test_look_alikes_read_in_the_thirty_third_and_thirty_fifth_blind_batches(
    trap: str, look_alike: str, trap_id: str
) -> None:
    """Twins in our own words for the shapes the thirty-third and thirty-fifth blind batches
    (for training) showed: the trap is ticked, the look-alike does not get it (a label, as
    "a walking disaster of a manager" is given, may stand)."""
    assert trap_id in trap_ids(trap)
    assert trap_id not in trap_ids(look_alike)
    assert set(trap_ids(look_alike)) <= {"labelling"}


def test_a_moment_laughed_off_together_is_answered_but_not_laughter_at_the_writer() -> None:
    """ "we all laughed" answers the moment before it; words after it are still read, and
    everyone laughing *at* the writer is no answer."""
    assert trap_ids("Team voted me 'most likely to miss the bus', fair, we all laughed.") == []
    assert "mind-reading" in trap_ids(
        "Tripped on stage and we all laughed, but I know they think I'm a clown."
    )
    assert "labelling" in trap_ids("Tripped on stage, everyone laughed at me, I'm such a clown.")


def test_only_a_train_named_by_its_time_is_a_thing_not_any_time_of_day() -> None:
    """ "the 8.15" is a train; "by 5.30" is when a verdict came, and the verdict stands."""
    assert trap_ids("the 7.52 is always late on tuesdays so i cycle", second_opinion=False) == []
    assert "catastrophising" in trap_ids(
        "By 5.30 the whole evening was a total disaster.", second_opinion=False
    )


def test_the_rules_alone_read_the_shapes_read_in_blind66_and_blind67() -> None:
    """The twins above for these shapes, read without the model, which reads some of them
    the same way on its own: each trap is the rules' own find, each answer their own."""
    shapes = {
        NEAR_MISS_A_FAIL: "all-or-nothing",
        THE_TOP_OR_NO_POINT: "all-or-nothing",
        NO_WIN_NO_POINT: "all-or-nothing",
        A_MOOD_ABOUT_ME: "personalising",
        ITS_ME_ISNT_IT: "personalising",
    }
    missed = [
        text
        for text, trap_id in shapes.items()
        if trap_id not in trap_ids(text, second_opinion=False)
    ]
    assert missed == []
    answered = [GUESS_DOUBTED, LUCK_WEIGHED]
    assert [trap_ids(text, second_opinion=False) for text in answered] == [[], []]
