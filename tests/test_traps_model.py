"""The thinking-trap model: the shipped weights, the union with the rules, the words shown.

The sentences below were written for these tests, in words not taken from any labelled set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import Journal
from selfcompassion.traps import learned
from selfcompassion.traps.catalog import TRAPS
from selfcompassion.traps.detector import detect_traps, trap_ids

FIXTURES = Path(__file__).parent / "data" / "traps_model_fixtures.json"

#: Sentences the rules miss and the model ticks, each with a word its trap hangs on.
MODEL_ONLY = [
    ("Passed the swimming test, but the instructor was being generous.", "discounting-positive"),
    (
        "Won the chess tournament, but the other players were half asleep, so.",
        "discounting-positive",
    ),
    (
        "The nurse frowned, this rash is probably something serious and I'll end up in hospital.",
        "catastrophising",
    ),
    (
        "Clearly the new neighbours find me boring, they barely waved at me this morning.",
        "mind-reading",
    ),
]
PLAIN = [
    "The bakery closed early and I bought bread at the corner shop instead.",
    "My aunt phoned on Sunday to talk about her tomatoes.",
    "We painted the fence blue on Saturday afternoon.",
]


def test_the_shipped_weights_give_the_probabilities_torch_gave() -> None:
    fixtures = json.loads(FIXTURES.read_text(encoding="utf-8"))
    cases = fixtures["probabilities"]
    got = learned.probabilities([case["text"] for case in cases])
    assert len(cases) >= 40
    for case, row in zip(cases, got, strict=True):
        expected = dict(zip(fixtures["labels"], case["p"], strict=True))
        assert row.keys() == expected.keys()
        for trap_id, p in expected.items():
            assert row[trap_id] == pytest.approx(p, abs=1e-3), (case["text"], trap_id)


def test_the_model_knows_every_trap_and_no_other() -> None:
    fixtures = json.loads(FIXTURES.read_text(encoding="utf-8"))
    assert sorted(fixtures["labels"]) == sorted(TRAPS)


@pytest.mark.parametrize(("text", "trap_id"), MODEL_ONLY, ids=lambda v: str(v)[:30])
def test_the_model_ticks_what_the_rules_miss(text: str, trap_id: str) -> None:
    assert trap_id not in trap_ids(text, second_opinion=False)
    assert trap_id in trap_ids(text)
    (hit,) = [hit for hit in detect_traps(text) if hit.trap_id == trap_id]
    assert text[hit.start : hit.end] == hit.phrase
    assert 0 < len(hit.phrase.split()) < len(text.split())


@pytest.mark.parametrize("text", PLAIN)
def test_plain_sentences_stay_clear_with_the_model(text: str) -> None:
    assert trap_ids(text) == []
    assert all(p < 0.3 for p, _ in learned.scores(text).best.values())


#: Permission given rather than a rule laid down: each scored above the threshold for
#: should-statements before the model's reading of them gave way.
LIFTED = [
    "I don't have to be perfect.",
    "Nobody has to be perfect, and that includes me.",
    "You don't have to be perfect to be loved.",
    "A good parent doesn't have to get everything right.",
    "I dont have to be perfect",
    "No one needs to be perfect all the time.",
    "I don't need to be the best at everything.",
    "I don’t have to be perfect.",
    "I do not have to be perfect to be worth something.",
]


@pytest.mark.parametrize("text", LIFTED)
def test_an_obligation_lifted_is_not_a_should_statement(text: str) -> None:
    assert "should-statements" not in trap_ids(text)


def test_a_choice_asked_about_is_not_a_should_statement() -> None:
    # the model alone read this one as a rigid rule before the choice was told apart
    assert trap_ids("should i get the red or the black boots, cant decide lol") == []
    assert trap_ids("Should we stay in or go out tonight?") == []


def test_going_to_bed_is_not_a_should_statement() -> None:
    # the model alone read this one as a rigid rule before bed was told apart
    assert trap_ids("watched four episodes in a row, should really sleep now lol") == []


@pytest.mark.parametrize(
    "text",
    [
        "I don't have to be perfect, but I must never let the team down.",
        "I don't have to be perfect. I should have seen it coming though.",
        "I have to be perfect.",
        "Should I have known better or not?",
        "should i quit or stay, I should never have taken this job",
        "I should sleep less and work harder.",
    ],
)
def test_a_rule_beside_a_lifted_one_is_still_ticked(text: str) -> None:
    assert "should-statements" in trap_ids(text)


def test_a_trap_the_rules_find_keeps_the_rules_words() -> None:
    text = "I'm such an idiot, I always mess up."
    hits = {hit.trap_id: hit.phrase for hit in detect_traps(text)}
    rules = {hit.trap_id: hit.phrase for hit in detect_traps(text, second_opinion=False)}
    assert rules.items() <= hits.items()
    assert [hit.trap_id for hit in detect_traps(text)].count("labelling") == 1


def test_occlusion_finds_the_words_the_trap_hangs_on() -> None:
    text = "Passed the swimming test, but the instructor was being generous."
    start, end = learned.triggering_words(text, (0, len(text)), "discounting-positive")
    assert text[start:end] == "the instructor was being generous"  # its clause, from "but"
    text = "The nurse frowned, this rash is probably something serious and I'll end up in hospital."
    start, end = learned.triggering_words(text, (0, len(text)), "catastrophising")
    assert start > text.index("frowned") and "I'll end" in text[start:end]


def test_occlusion_reads_one_clause_of_a_long_sentence() -> None:
    # Over the limit of words: only the clause that scores highest is taken apart word by word.
    filler = "and then we walked along the canal past the boats and the old mill " * 3
    text = f"We went out on Sunday {filler}, but honestly anybody could have baked that cake."
    window = (0, len(text))
    assert len(text.split()) > learned.MAX_OCCLUSION_WORDS
    start, end = learned.triggering_words(text, window, "discounting-positive")
    assert start > text.index("canal")
    assert end <= len(text)


def test_json_shape_holds_for_a_trap_only_the_model_ticks(journal: Journal) -> None:
    text = MODEL_ONLY[0][0]
    data = json.loads(journal("traps", text, "--format", "json").out)
    (hit,) = [hit for hit in data["traps"] if hit["id"] == "discounting-positive"]
    assert set(hit) == {"id", "name", "phrase", "start", "end", "explanation"}
    assert text[hit["start"] : hit["end"]] == hit["phrase"]
    assert hit["explanation"] == TRAPS["discounting-positive"].explanation


@pytest.mark.parametrize(
    ("text", "traps"),
    [
        (MODEL_ONLY[0][0], 1),
        ("Feels like Dan is bored of me, and he is going to end it soon.", 2),
    ],
    ids=["one-trap", "two-traps"],
)
def test_no_stretch_of_text_is_read_twice(
    monkeypatch: pytest.MonkeyPatch, text: str, traps: int
) -> None:
    """Finding a trap's words reads the model once per stretch of text: not the window
    again as occlusion's focus, nor the same focus again for another trap."""
    read: list[str] = []
    real = learned.probabilities

    def counted(texts: list[str]) -> list[dict[str, float]]:
        read.extend(texts)
        return real(texts)

    monkeypatch.setattr(learned, "probabilities", counted)
    hits = [
        hit for hit in detect_traps(text) if hit.trap_id not in trap_ids(text, second_opinion=False)
    ]
    assert len(hits) == traps
    assert len(read) == len(set(read))


def test_the_model_ticks_each_trap_above_its_bar_likeliest_first_beside_the_rules() -> None:
    """Beside a trap the rules found, every trap the model reads above THRESHOLD is ticked,
    the likeliest first, and none under it; where the rules found none, only those above
    ALONE_THRESHOLD. Those the rules found already are not ticked twice."""
    bar, alone = learned.THRESHOLD, learned.ALONE_THRESHOLD
    assert bar < alone
    between, above, under = (bar + alone) / 2, (alone + 1) / 2, bar - 0.05
    reading = learned.Scores(
        {
            "labelling": (between, (0, 5)),
            "catastrophising": (above, (0, 5)),
            "mind-reading": (under, (0, 5)),
            "fortune-telling": (0.5, (0, 5)),
        }
    )
    assert reading.ticked({"fortune-telling"}) == ["catastrophising", "labelling"]
    assert reading.ticked({"catastrophising"}) == ["labelling"]
    assert reading.ticked() == ["catastrophising"]
    assert reading.joined({"fortune-telling"}) == {
        "catastrophising",
        "labelling",
        "fortune-telling",
    }
    assert reading.joined(set()) == {"catastrophising"}
    assert learned.Scores({"labelling": (alone, (0, 5))}).ticked() == []
