"""The care panel: shown after saving when an answer sounds like crisis, never otherwise,
and never in the way of saving."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import fill_plan
from reframe_support import REFRAME_ANSWERS, Journal, journal_fixture  # noqa: F401
from selfcompassion.care.panel import CRISIS_MESSAGE_TITLE

POSITIVES = [
    "Honestly I want to die after that meeting.",
    "Everyone would be better off without me.",
    "I keep thinking about hurting myself.",
    "I'm not suicidal, just tired of everything.",
]
NEGATIVES = [
    "This project is killing me.",
    "I died of embarrassment when the slide came up.",
    "We killed it at the demo, except for my slide.",
    "I'm such an idiot and I always mess up.",
]


def _shown(out: str) -> bool:
    return CRISIS_MESSAGE_TITLE in " ".join(out.split())


def _entries(journal: Journal) -> int:
    with sqlite3.connect(journal.db) as conn:
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]


@pytest.mark.parametrize("critic", POSITIVES)
def test_reframe_shows_the_panel_after_saving(journal: Journal, critic: str) -> None:
    result = journal.reframe({**REFRAME_ANSWERS, "critic": critic})
    assert result.code == 0, result.err
    assert _shown(result.out)
    assert result.out.index("Reframe saved") < result.out.index(CRISIS_MESSAGE_TITLE)
    assert "not a substitute for professional help" in " ".join(result.out.split())
    assert _entries(journal) == 1


@pytest.mark.parametrize("critic", NEGATIVES)
def test_reframe_stays_quiet_for_everyday_words(journal: Journal, critic: str) -> None:
    result = journal.reframe({**REFRAME_ANSWERS, "critic": critic})
    assert result.code == 0, result.err
    assert not _shown(result.out)


@pytest.mark.parametrize(("intention", "shown"), [(POSITIVES[0], True), (NEGATIVES[0], False)])
def test_today_shows_the_panel_only_when_it_fits(
    journal: Journal, intention: str, shown: bool
) -> None:
    plan = json.loads(journal("today", "--plan").out)
    answers = {**fill_plan(plan), "intention": intention}
    result = journal("today", "--answers", journal.answers_file(answers))
    assert result.code == 0, result.err
    assert _shown(result.out) is shown
    assert _entries(journal) == 1
