"""The whole path a person takes: the installed ``journal`` in a pseudo-terminal."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import JOURNAL

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty


def _spawn(db: Path, *args: str):
    env = dict(os.environ, SELFCOMPASSION_DB=str(db), TERM="xterm", NO_COLOR="1")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"  # a pexpect terminal never answers cursor queries
    child = pexpect.spawn(str(JOURNAL), ["today", *args], env=env, encoding="utf-8", timeout=20)
    child.setwinsize(40, 120)
    return child


def _plan_prompts(db: Path) -> list[dict]:
    import json
    import subprocess

    out = subprocess.run(
        [str(JOURNAL), "--db", str(db), "today", "--plan"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["steps"]


def _type_the_rest_and_save(child: Any, db: Path, steps: list[dict]) -> dict[str, str]:
    """Type an answer at each of ``steps`` (the intention's day left empty: it stays an
    intention), see the entry saved and the command end well; the saved answers' values."""
    for step in steps:
        child.expect_exact(step["prompt"][:40])
        child.sendline("" if step["kind"] == "date" else f"typed for {step['id']}")
    child.expect("Saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    conn = sqlite3.connect(db)
    answers = dict(conn.execute("SELECT step_id, value FROM answers"))
    conn.close()
    return answers


def test_journal_today_by_keyboard_saves_an_entry(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    steps = _plan_prompts(db)
    child = _spawn(db)
    child.expect_exact(steps[0]["prompt"][:40])
    child.send("4")
    child.send("\r")
    child.expect_exact(steps[1]["prompt"][:40])
    child.send("\r")  # skip the kindness rating
    answers = _type_the_rest_and_save(child, db, steps[2:])
    assert answers["mood"] == "4"
    assert "kindness" not in answers
    assert answers["intention"] == '"typed for intention"'
    assert "intention_date" not in answers
    assert oct(db.stat().st_mode & 0o777) == "0o600"


def test_ctrl_c_leaves_a_draft_that_the_next_run_offers(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    steps = _plan_prompts(db)
    child = _spawn(db)
    child.expect_exact(steps[0]["prompt"][:40])
    child.send("2\r")
    child.expect_exact(steps[1]["prompt"][:40])
    child.send("\x03")
    child.expect("kept as a draft")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    assert conn.execute("SELECT answers FROM drafts").fetchone()[0] == '{"mood": 2}'
    conn.close()
    again = _spawn(db)
    again.expect("unfinished reflection")
    again.send("\x03")
    again.expect(pexpect.EOF)


@pytest.mark.parametrize("sequence", ["\x1b[31m", "\x1b[0;1m", "\x1b[<99;1m"])
def test_an_escape_sequence_typed_at_a_question_does_not_stop_it(
    tmp_path: Path, sequence: str
) -> None:
    """A colour code arriving as keys (typed, or pasted where pasting is not marked) reads
    like a broken mouse report: it is let go, and the question goes on as if it was not
    there, with no traceback and no 'Press ENTER'."""
    db = tmp_path / "journal.db"
    steps = _plan_prompts(db)
    child = _spawn(db)
    child.expect_exact(steps[0]["prompt"][:40])
    child.send("4\r")
    child.expect_exact(steps[1]["prompt"][:40])
    child.send("\r")
    child.expect_exact(steps[2]["prompt"][:40])
    child.send("before ")
    child.send(sequence)
    child.send("after\r")
    answers = _type_the_rest_and_save(child, db, steps[3:])
    assert "Unhandled exception" not in child.before and "Traceback" not in child.before
    assert answers[steps[2]["id"]] == '"before after"'
