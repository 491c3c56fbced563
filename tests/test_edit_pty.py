"""Questions asked outside a flow's draft, at a real terminal of 60 and 80 columns: one
step asked again (``journal edit --step``) starts from the earlier answer, so Enter keeps
it; Ctrl-C there, at a delete's confirmation or at the check-in offered after today's
reflection says what became of things, not that a draft was kept."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import JOURNAL, write_json
from test_pty_widths import Terminal, _answer, _plan, _question

pytestmark = pytest.mark.pty

WORDS = "Tired, and glad the day is done"


def _written(db: Path, tmp_path: Path) -> str:
    """A daily entry rated 2 for mood, with words at 'present'; its id."""
    plan = json.loads(
        subprocess.run(
            [str(JOURNAL), "--db", str(db), "today", "--plan"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    answers = {"mood": 2, "present": WORDS, "intention": "Go gently"}
    assert {step["id"] for step in plan["steps"]} >= set(answers)
    source = write_json(tmp_path / "answers.json", answers)
    subprocess.run(
        [str(JOURNAL), "--db", str(db), "today", "--answers", str(source)],
        capture_output=True,
        check=True,
    )
    with sqlite3.connect(db) as connection:
        [(entry_id,)] = connection.execute("SELECT id FROM entries").fetchall()
    return str(entry_id)


def choices_order(db: Path) -> Callable[[str], int]:
    """Where each feeling stands in the reframe's list, the order their strengths are asked."""
    plan = json.loads(
        subprocess.run(
            [str(JOURNAL), "--db", str(db), "reframe", "--plan"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    choices = next(step["choices"] for step in plan["steps"] if step["id"] == "emotions")
    return lambda feeling: choices.index(feeling) if feeling in choices else len(choices)


def _answers(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT step_id, text FROM answers").fetchall())


@pytest.mark.parametrize("columns", [60, 80])
def test_enter_keeps_the_earlier_answer(tmp_path: Path, columns: int) -> None:
    db = tmp_path / "journal.db"
    entry_id = _written(db, tmp_path)
    before = _answers(db)
    assert before["mood"].startswith("2 ") and before["present"] == WORDS

    term = Terminal(db, columns, "edit", entry_id[:8], "--step", "mood")
    term.wait_for("Your earlier answer: 2 (a bit heavy)")
    term.send("\r")
    term.wait_for("Nothing changed; the entry is as it was.")
    assert term.finish() == 0

    term = Terminal(db, columns, "edit", entry_id[:8], "--step", "present")
    term.wait_for("Enter keeps what is there; clear the line to leave it out.")
    term.wait_for(f"› {WORDS}")  # typed in already, ready to change
    term.send("\r")
    term.wait_for("Nothing changed; the entry is as it was.")
    assert term.finish() == 0
    assert _answers(db) == before

    term = Terminal(db, columns, "edit", entry_id[:8], "--step", "present")
    term.wait_for(f"› {WORDS}")
    term.send("\x15Lighter now\r")  # Ctrl-U clears the line, then new words
    term.wait_for("Saved the changes")
    assert term.finish() == 0
    assert _answers(db)["present"] == "Lighter now"


@pytest.mark.parametrize("columns", [60, 80])
def test_ctrl_c_outside_a_flow_says_what_became_of_things(tmp_path: Path, columns: int) -> None:
    db = tmp_path / "journal.db"
    entry_id = _written(db, tmp_path)
    before = _answers(db)
    for args, note in (
        (("delete", entry_id[:8]), "Kept. Nothing was deleted."),
        (("edit", entry_id[:8], "--step", "present"), "Stopped. The entry is as it was."),
    ):
        term = Terminal(db, columns, *args)
        term.wait_for("›")
        term.send("\x03")
        term.wait_for(note)
        assert term.finish() == 130
        assert "pick up where you left off" not in term.text()
    assert _answers(db) == before


@pytest.mark.parametrize("columns", [60, 80])
def test_ctrl_c_at_the_checkin_offer_keeps_the_reflection(tmp_path: Path, columns: int) -> None:
    db = tmp_path / "journal.db"
    source = write_json(tmp_path / "answers.json", {"intention": "Go gently"})
    subprocess.run(  # first written nine days ago: the check-in is offered after today's
        [str(JOURNAL), "--db", str(db), "today", "--date", "9 days ago", "--answers", str(source)],
        capture_output=True,
        check=True,
    )
    with sqlite3.connect(db) as connection:
        [(first,)] = connection.execute("SELECT id FROM entries").fetchall()
    # Its intention already looked back at this morning, so today starts at its first
    # question (the look back has pty tests of its own).
    looked_back = {"intention": "Rest", f"intention-{str(first)[:8]}": "It went well"}
    morning = write_json(tmp_path / "morning.json", looked_back)
    subprocess.run(
        [str(JOURNAL), "--db", str(db), "today", "--answers", str(morning)],
        capture_output=True,
        check=True,
    )
    term = Terminal(db, columns, "today")
    term.wait_for("(arrow keys, then Enter) » Add another entry")
    term.send("\r")
    for step in _plan(db, "today"):
        term.wait_for(_question(step))
        _answer(term, step)
    term.wait_for("Would you like to do it now?")
    term.send("\x03")
    term.wait_for("Stopped. Your reflection is saved; journal checkin is there any time.")
    assert term.finish() == 130
    assert "pick up where you left off" not in term.text()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM entries").fetchone() == (3,)


@pytest.mark.parametrize("columns", [60, 80])
def test_feelings_asked_again_keep_their_strengths_on_enter(tmp_path: Path, columns: int) -> None:
    from reframe_support import REFRAME_ANSWERS

    db = tmp_path / "journal.db"
    source = write_json(tmp_path / "reframe.json", REFRAME_ANSWERS)
    subprocess.run(
        [str(JOURNAL), "--db", str(db), "reframe", "--answers", str(source)],
        capture_output=True,
        check=True,
    )
    with sqlite3.connect(db) as connection:
        [(entry_id,)] = connection.execute("SELECT id FROM entries").fetchall()
    before = _answers(db)
    term = Terminal(db, columns, "edit", str(entry_id)[:8], "--step", "emotions")
    term.wait_for("done")
    term.send("\r")  # the feelings named stay ticked
    term.wait_for("Any in your own words?")
    term.send("\r")
    for feeling in sorted(REFRAME_ANSWERS["emotions"], key=choices_order(db)):
        level = REFRAME_ANSWERS["emotions"][feeling]
        term.wait_for(f"How strong is '{feeling}'? 0 to 100. Enter keeps what is there")
        term.wait_for(f"› {level}")  # the earlier strength, typed in already
        term.send("\r")
    term.wait_for("Nothing changed; the entry is as it was.")
    assert term.finish() == 0
    assert _answers(db) == before
