"""The figures kept beside an entry stay true to its answers: a check-in's scores travel
through export and import, and re-answering a rating or a feeling with ``journal edit``
works the scores out again, in the same transaction as the edit."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli, write_json
from keys import CLEAR_LINE, DOWN, ENTER, keyboard
from reframe_support import REFRAME_ANSWERS
from selfcompassion.store import Answer, Entry

# Two check-ins, a week apart. Reversed statements count as 6 - x.
EARLIER_WEEK = {"colleague-voice": 2, "replay-and-scold": 4, "same-boat": 3}
# self-kindness (2 + 2) / 2 = 2.0, common humanity 3.0, total 7 / 3
THIS_WEEK = {
    "colleague-voice": 4,
    "unfair-standard": 1,  # counts 5 -> self-kindness 4.5
    "same-boat": 2,
    "out-of-step": 5,  # counts 1 -> common humanity 1.5
    "real-size": 4,  # mindfulness 4.0
    "note": "A full week. #work",
}  # total (4 + 5 + 2 + 1 + 4) / 5 = 3.2
REPORT = ("report", "--week", "2026-W47", "--weeks", "2", "--format", "json")


def journal(db: Path, *args: str, stdin: str = "") -> Any:
    result = run_cli("--db", str(db), *args, stdin=stdin)
    assert result.code == 0, result.err
    return result


def checkin(db: Path, tmp_path: Path, day: str, answers: dict[str, Any]) -> None:
    journal(
        db, "checkin", "--date", day, "--answers", str(write_json(tmp_path / "a.json", answers))
    )


def only_id(db: Path, kind: str) -> str:
    with sqlite3.connect(db) as conn:
        (entry_id,) = conn.execute("SELECT id FROM entries WHERE kind = ?", [kind]).fetchone()
    return entry_id


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


# -- export and import ---------------------------------------------------------------------


def test_checkin_figures_survive_export_and_import(tmp_path: Path) -> None:
    first, second, exported = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "out.json"
    checkin(first, tmp_path, "2026-11-11", EARLIER_WEEK)
    checkin(first, tmp_path, "2026-11-18", THIS_WEEK)
    journal(first, "export", "--format", "json", "--output", str(exported))
    journal(second, "import", str(exported))

    before, after = (journal(db, *REPORT).json() for db in (first, second))
    assert before["current"]["checkin"] == {
        "count": 1,
        "total": 3.2,
        "self_kindness": 4.5,
        "common_humanity": 1.5,
        "mindfulness": 4.0,
    }
    assert before["previous"]["checkin"]["total"] == 2.3  # 7 / 3, one decimal
    assert after["checkin_available"] is True
    for part in ("current", "previous", "changes", "trend"):
        assert after[part] == before[part], part
    assert rows(second, "SELECT count(*) FROM checkin_scores") == [(2,)]


# -- edits ---------------------------------------------------------------------------------


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """``journal edit --step`` asks at a terminal; the keys come from a pipe instead."""
    monkeypatch.setattr(
        "selfcompassion.flows.asking.require_terminal", lambda command, instead=None: None
    )


def test_re_rating_a_checkin_statement_updates_its_scores(
    tmp_path: Path, at_a_terminal: None
) -> None:
    db = tmp_path / "j.db"
    checkin(db, tmp_path, "2026-11-18", THIS_WEEK)
    entry_id = only_id(db, "checkin")
    # unfair-standard is reversed: from 1 (counts 5) to 5 (counts 1).
    with keyboard("5", ENTER):
        journal(db, "edit", entry_id[:8], "--step", "unfair-standard")
    figures = journal(db, *REPORT).json()["current"]["checkin"]
    assert figures["self_kindness"] == 2.5  # (4 + 1) / 2
    assert figures["total"] == 2.4  # (4 + 1 + 2 + 1 + 4) / 5
    assert (figures["common_humanity"], figures["mindfulness"]) == (1.5, 4.0)
    assert rows(db, "SELECT total, self_kindness FROM checkin_scores") == [
        (pytest.approx(2.4), 2.5)
    ]

    # Asked again, the pointer starts on the earlier rating: Enter keeps it.
    with keyboard(ENTER):
        journal(db, "edit", entry_id[:8], "--step", "unfair-standard")
    assert rows(db, "SELECT total, self_kindness FROM checkin_scores") == [
        (pytest.approx(2.4), 2.5)
    ]
    # Skipping the statement when it is asked again takes it out of every mean.
    with keyboard(DOWN, ENTER):  # from 5 down to "skip"
        journal(db, "edit", entry_id[:8], "--step", "unfair-standard")
    assert rows(db, "SELECT total, self_kindness FROM checkin_scores") == [(2.75, 4.0)]  # 11 / 4


def save_reframe(db: Path, tmp_path: Path) -> str:
    answers = write_json(tmp_path / "reframe.json", REFRAME_ANSWERS)
    journal(db, "reframe", "--answers", str(answers))  # written today
    return only_id(db, "reframe")


def test_re_rating_a_reframes_feelings_and_belief_updates_its_scores(
    tmp_path: Path, at_a_terminal: None
) -> None:
    db = tmp_path / "j.db"
    entry_id = save_reframe(db, tmp_path)
    scores = (
        "SELECT intensity_before, intensity_after, belief_before, belief_after FROM reframe_scores"
    )
    assert rows(db, scores) == [(70.0, 40.0, 85, 40)]  # 'exposed' not rated again
    traps = rows(db, "SELECT trap_id FROM entry_traps ORDER BY trap_id")

    # The feelings named after writing: embarrassed 50 -> 20, anxious 30 -> 10.
    # Each strength starts from the earlier one, typed in already: cleared, then typed.
    with keyboard(ENTER, CLEAR_LINE, "20", ENTER, CLEAR_LINE, "10", ENTER):
        journal(db, "edit", entry_id[:8], "--step", "emotions_after")
    with keyboard(CLEAR_LINE, "70", ENTER):  # the earlier 85 is typed in already
        journal(db, "edit", entry_id[:8], "--step", "belief")
    assert rows(db, scores) == [(70.0, 15.0, 70, 40)]
    # This week's report works the drop out from the stored figures: 70 - 15.
    report = journal(db, "report", "--format", "json").json()["current"]["reframes"]
    assert report["average_intensity_drop"] == 55.0
    # The traps the person confirmed are theirs; an edit of the ratings leaves them be.
    assert rows(db, "SELECT trap_id FROM entry_traps ORDER BY trap_id") == traps


EDITOR = """
import sys
path = sys.argv[-1]
text = open(path, encoding="utf-8").read()
text = text.replace("One wrong slide", "A single wrong slide")
open(path, "w", encoding="utf-8").write(text)
"""


def test_editing_written_answers_keeps_the_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor changes words only; the figures beside the entry stay exactly as saved."""
    db = tmp_path / "j.db"
    entry_id = save_reframe(db, tmp_path)
    before = rows(db, "SELECT * FROM reframe_scores")
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"'{sys.executable}' '{script}'")
    assert "Saved the changes" in journal(db, "edit", entry_id[:8]).out
    assert rows(db, "SELECT text FROM answers WHERE step_id = 'kind_words'") == [
        ("A single wrong slide does not undo months of careful work.",)
    ]
    assert rows(db, "SELECT * FROM reframe_scores") == before


def test_an_edit_and_its_figures_are_saved_together_or_not_at_all(
    tmp_path: Path, at_a_terminal: None
) -> None:
    db = tmp_path / "j.db"
    checkin(db, tmp_path, "2026-11-18", THIS_WEEK)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE UPDATE ON checkin_scores "
            "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with keyboard("5", ENTER):
        result = run_cli("--db", str(db), "edit", only_id(db, "checkin")[:8], "--step", "real-size")
    assert result.code == 1 and "disk trouble" in result.err
    assert rows(db, "SELECT value FROM answers WHERE step_id = 'real-size'") == [("4",)]
    assert rows(db, "SELECT mindfulness FROM checkin_scores") == [(4.0,)]


def unsaved(kind: str, pack: str, *answers: Answer) -> Entry:
    """An entry as the edit code sees it, without a journal behind it."""
    return Entry("e", kind, date(2026, 11, 18), "", "", pack, answers)


def test_a_list_of_picks_is_offered_again_with_the_earlier_ones_ticked() -> None:
    from selfcompassion.flows.editing import step_for
    from selfcompassion.packs.loader import load_pack

    feelings = {"embarrassed": 80, "stuck in my head": 40}
    entry = unsaved(
        "reframe",
        "reframe",
        Answer("emotions", "intensities", "What are you feeling?", feelings),
        Answer("emotions_after", "intensities", "How strong now?", {"embarrassed": 50}),
    )
    named = step_for(entry, entry.answers[0], load_pack)
    # The pack's feelings first, then the one written in the person's own words.
    assert named.choices[-1] == "stuck in my head" and "anxious" in named.choices
    # Ticked, each with its strength, which is where it is asked again from.
    assert named.default == feelings and list(named.default) == ["embarrassed", "stuck in my head"]
    # The pack leaves the second rating's feelings to the flow: the earlier ones are offered.
    again = step_for(entry, entry.answers[1], load_pack)
    assert again.choices == ("embarrassed",) and again.default == {"embarrassed": 50}
    assert again.prompt == "How strong now?"


def test_figures_that_cannot_be_worked_out_again_stop_the_edit() -> None:
    from selfcompassion.entries.derived import refigure
    from selfcompassion.errors import InputError, PackError

    def no_pack(name: str) -> Any:
        raise PackError(f"no pack called '{name}'")

    entry = unsaved(
        "checkin",
        "gone",
        Answer("real-size", "scale", "Real size?", 4),
        Answer("note", "text", "", "x"),
    )
    # Words alone change no figure, so no pack is needed for them.
    assert refigure(entry, (entry.answers[0],), no_pack) is None
    with pytest.raises(InputError, match="prompt pack 'gone' is not available; nothing changed"):
        refigure(entry, (Answer("real-size", "scale", "Real size?", 2),), no_pack)
