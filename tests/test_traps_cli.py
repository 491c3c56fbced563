"""``journal traps "TEXT"``: the same detector as the reframe flow, as text or json."""

from __future__ import annotations

import json

import pytest

from reframe_support import Journal, journal_fixture  # noqa: F401  (the journal fixture)
from selfcompassion.traps.detector import TRAPS

THOUGHT = "I'm such an idiot. I always mess up and I should have known better."


def test_text_shows_each_trap_with_its_words_and_meaning(journal: Journal) -> None:
    result = journal("traps", THOUGHT)
    assert result.code == 0, result.err
    said = " ".join(result.out.split())
    for trap_id, words in (
        ("labelling", '"I\'m such an idiot"'),
        ("overgeneralising", '"always mess"'),
        ("should-statements", '"I should have known"'),
    ):
        assert TRAPS[trap_id].name in said
        assert words in said
        assert " ".join(TRAPS[trap_id].explanation.split()[:6]) in said
    assert not (journal.db).exists()  # a quick check never opens the journal


def test_json_lists_ids_and_character_spans(journal: Journal) -> None:
    result = journal("traps", THOUGHT, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["text"] == THOUGHT
    assert [hit["id"] for hit in data["traps"]] == [
        "labelling",
        "overgeneralising",
        "should-statements",
    ]
    assert set(data) == {"text", "traps"}
    for hit in data["traps"]:
        # The shape scripts rely on: the trap's id, the span and the words that showed it.
        assert set(hit) == {"id", "name", "phrase", "start", "end", "explanation"}
        assert THOUGHT[hit["start"] : hit["end"]] == hit["phrase"]
        assert hit["explanation"] == TRAPS[hit["id"]].explanation


@pytest.mark.parametrize(
    "text",
    ["I'm not a failure, I made one mistake.", 'My manager said "you always rush".'],
)
def test_negation_and_quotes_find_nothing(journal: Journal, text: str) -> None:
    assert "No familiar thinking traps stood out" in journal("traps", text).out
    assert json.loads(journal("traps", text, "--format", "json").out)["traps"] == []


@pytest.mark.parametrize(
    ("args", "words"),
    [(("   ",), "give a thought to check"), (("I always", "--format", "yaml"), "unknown format")],
)
def test_bad_input_is_one_line_and_exit_2(
    journal: Journal, args: tuple[str, ...], words: str
) -> None:
    result = journal("traps", *args)
    assert result.code == 2
    assert words in result.err and len(result.err.strip().splitlines()) == 1


def test_rich_markup_in_the_thought_stays_literal(journal: Journal) -> None:
    result = journal("traps", "[bold red]I always ruin everything[/]")
    assert "[bold red]I always ruin everything[/]" in result.out
