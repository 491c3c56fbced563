"""The support panel in scripted runs, ``journal traps``, ``journal edit`` and ``journal
support``: shown when the words need it (at the moment the answer is read), never otherwise,
never in the way of saving, with real contacts for the person's country.

The pseudo-terminal side (the panel before the next question, Ctrl-C after it, at 60 and 80
columns) is in test_care_pty.py.
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import fill_plan
from reframe_support import REFRAME_ANSWERS, Journal, journal_fixture  # noqa: F401
from selfcompassion.care.directory import DIRECTORY_FILE, directory
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


def _flat(out: str) -> str:
    return " ".join(out.replace("│", " ").split())


def _shown(out: str) -> bool:
    return CRISIS_MESSAGE_TITLE in _flat(out)


def _rows(journal: Journal, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(journal.db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(autouse=True)
def in_britain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.mark.parametrize("critic", POSITIVES)
def test_a_scripted_reframe_shows_the_panel_when_read_and_still_saves(
    journal: Journal, critic: str
) -> None:
    result = journal.reframe({**REFRAME_ANSWERS, "critic": critic})
    assert result.code == 0, result.err
    out = _flat(result.out)
    assert out.index(CRISIS_MESSAGE_TITLE) < out.index("Reframe saved")
    assert "116 123" in out and "999" in out and "findahelpline.com" in out
    assert "Your entry is saved as usual" in out
    assert _rows(journal, "SELECT count(*) FROM entries") == [(1,)]


def test_a_risk_sentence_in_the_critic_step_is_not_a_thinking_trap(journal: Journal) -> None:
    answers = {**REFRAME_ANSWERS, "critic": "I'm useless. Everyone would be better off without me."}
    assert journal.reframe(answers).code == 0
    assert _rows(journal, "SELECT count(*) FROM entry_traps") == [(0,)]


@pytest.mark.parametrize("critic", NEGATIVES)
def test_a_reframe_stays_quiet_for_everyday_words(journal: Journal, critic: str) -> None:
    result = journal.reframe({**REFRAME_ANSWERS, "critic": critic})
    assert result.code == 0, result.err
    assert not _shown(result.out)


def test_the_hopeless_feeling_counts_on_its_own(journal: Journal) -> None:
    answers = {**REFRAME_ANSWERS, "emotions": {"hopeless": 90, "tired": 50}}
    answers["emotions_after"] = {"hopeless": 80}
    result = journal.reframe(answers)
    assert result.code == 0, result.err
    assert _shown(result.out)


@pytest.mark.parametrize(("intention", "shown"), [(POSITIVES[0], True), (NEGATIVES[0], False)])
def test_today_shows_the_panel_only_when_it_fits(
    journal: Journal, intention: str, shown: bool
) -> None:
    plan = json.loads(journal("today", "--plan").out)
    answers = {**fill_plan(plan), "intention": intention}
    result = journal("today", "--answers", journal.answers_file(answers))
    assert result.code == 0, result.err
    assert _shown(result.out) is shown
    assert _rows(journal, "SELECT count(*) FROM entries") == [(1,)]


@pytest.mark.parametrize("flow", ["today", "checkin"])
def test_no_rating_brings_the_panel(journal: Journal, flow: str) -> None:
    # A rating's words are the scale's ("2 (a bit heavy)"), not the person's: only what
    # they write is read, after saving as during the flow.
    plan = json.loads(journal(flow, "--plan").out)
    scales = [step for step in plan["steps"] if step["kind"] == "scale"]
    for rating in range(1, 6):
        ratings = {step["id"]: min(max(rating, step["min"]), step["max"]) for step in scales}
        answers = {**fill_plan(plan, "I went for a walk at lunch"), **ratings}
        result = journal(flow, "--answers", journal.answers_file(answers))
        assert result.code == 0, result.err
        assert not _shown(result.out), rating
    assert _rows(journal, "SELECT count(*) FROM entries") == [(5,)]


def test_the_check_in_note_is_checked(journal: Journal) -> None:
    plan = json.loads(journal("checkin", "--plan").out)
    note = next(step["id"] for step in plan["steps"] if step["kind"] in ("text", "long_text"))
    answers = {**fill_plan(plan), note: "i keep wishing i could sleep and not wake up"}
    result = journal("checkin", "--answers", journal.answers_file(answers))
    assert result.code == 0, result.err
    assert _shown(result.out)


def test_traps_shows_the_panel_without_claiming_anything_was_saved(journal: Journal) -> None:
    result = journal("traps", "I'm a failure and everyone would be better off without me")
    assert result.code == 0
    out = _flat(result.out)
    assert _shown(out) and "116 123" in out
    assert "saved" not in out.lower()
    assert not journal.db.exists()


@pytest.mark.parametrize("thought", [*POSITIVES, "I want to end it all"])
def test_traps_names_no_thinking_trap_in_words_that_need_care(
    journal: Journal, thought: str
) -> None:
    """As in a reframe, words that sound like someone may not be safe are not treated as a
    thinking trap to argue with: the support panel speaks instead."""
    from selfcompassion.traps.catalog import TRAPS

    result = journal("traps", thought)
    assert result.code == 0, result.err
    out = _flat(result.out)
    assert _shown(out)
    assert [trap.name for trap in TRAPS.values() if trap.name in out] == []
    assert "more than a thinking trap" in out


def test_an_edit_that_brings_risk_words_shows_the_panel(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plan = json.loads(journal("today", "--plan").out)
    assert journal("today", "--answers", journal.answers_file(fill_plan(plan))).code == 0
    editor = tmp_path / "editor.sh"
    editor.write_text(
        "#!/bin/sh\nsed -i 's/a few honest words/i want to kill myself/' \"$1\"\n", "utf-8"
    )
    editor.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(editor))
    entry_id = _rows(journal, "SELECT id FROM entries")[0][0]
    result = journal("edit", entry_id[:8])
    assert result.code == 0, result.err
    assert _shown(result.out)
    assert "Your entry is saved as usual" in _flat(result.out)


@pytest.mark.parametrize(("country", "number"), [("GB", "116 123"), ("US", "988")])
def test_support_shows_the_lines_for_the_country_set(
    journal: Journal, country: str, number: str
) -> None:
    assert journal("config", "set", "country", country.lower()).code == 0
    result = journal("support")
    assert result.code == 0, result.err
    out = _flat(result.out)
    assert number in out and "your country setting" in out
    assert not journal.db.exists()


def test_support_guesses_from_the_time_zone_and_says_so(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")
    out = _flat(journal("support").out)
    assert "988" in out
    assert "guessed from your time zone (America/Chicago)" in out
    assert "journal config set country" in out


def test_support_falls_back_to_the_locale_then_to_the_worldwide_list(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LC_ALL", "en_NZ.UTF-8")
    assert "1737" in _flat(journal("support").out)
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    out = _flat(journal("support").out)
    assert "could not tell which country" in out and "findahelpline.com" in out
    # No country was chosen or guessed, so there is no "another" to choose.
    assert "To choose it:" in " ".join(out.split()) and "another" not in out
    assert "your local emergency number" in out


def test_support_refuses_a_bad_country_in_one_line(journal: Journal) -> None:
    result = journal("support", "--country", "Narnia")
    assert result.code == 2 and "two-letter" in result.err and "Traceback" not in result.err
    assert journal("config", "set", "country", "X1").code != 0


def test_the_directory_covers_thirty_countries_each_with_a_source_and_a_day() -> None:
    raw = tomllib.loads(DIRECTORY_FILE.read_text("utf-8"))
    found = directory()
    assert len(found.countries) >= 30
    assert found.fallback_url == "https://findahelpline.com"
    for code, lines in found.countries.items():
        assert len(code) == 2 and code.isupper()
        assert lines.emergency and lines.source.startswith("https://")
        assert len(lines.reviewed) == 10 and lines.reviewed.startswith("20")
        assert lines.lines and all(line.phone or line.text for line in lines.lines)
        assert set(raw["country"][code]) <= {"name", "emergency", "source", "reviewed", "lines"}
    assert found.countries["GB"].lines[0].phone == "116 123"
    assert found.countries["US"].lines[0].phone == "988"
