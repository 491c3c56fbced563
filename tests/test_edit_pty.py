"""Asking one step again (``journal edit --step``) at a real terminal of 60 and 80 columns:
the answer starts from the earlier one, so Enter on it keeps it, and the hint says so."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import JOURNAL, write_json
from test_pty_widths import Terminal

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
