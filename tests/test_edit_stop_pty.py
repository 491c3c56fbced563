"""Stopping a question that keeps no draft (``journal edit --step``, ``journal delete``) in
a real pseudo-terminal: the entry is as it was, and the one line said does not promise a
draft that does not exist."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from cli_run import run_cli
from conftest import write_json
from test_interrupt_pty import spawn
from test_signals_pty import stopped_by

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

#: What each stopped question says became of things (no draft is kept by either).
ENTRY_AS_IT_WAS = "Stopped. The entry is as it was."
NOTHING_DELETED = "Kept. Nothing was deleted."


def an_entry(tmp_path: Any) -> str:
    answers = write_json(
        tmp_path / "answers.json", {"mood": 3, "present": "calm", "intention": "rest"}
    )
    saved = run_cli("today", "--answers", str(answers))
    assert saved.code == 0, saved.err
    return run_cli("show", "today", "--format", "json").out


def said_honestly(said: str, line: str) -> None:
    assert said.count(line) == 1, said[-2000:]
    assert "draft" not in said and "Traceback" not in said, said[-2000:]


@pytest.mark.parametrize("how", ["ctrl-c", signal.SIGTERM])
def test_stopping_a_re_answered_step_keeps_the_entry_and_promises_no_draft(
    tmp_path: Any, how: Any
) -> None:
    before = an_entry(tmp_path)
    child = spawn("edit", "today", "--step", "present")
    child.expect("a word or two")
    child.send("new words")
    child.expect_exact("new words")
    if how == "ctrl-c":
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
        code, said = child.exitstatus, child.before
    else:
        code, said = stopped_by(child, how)
    assert code == (130 if how == "ctrl-c" else 128 + how)
    said_honestly(said, ENTRY_AS_IT_WAS)
    assert run_cli("show", "today", "--format", "json").out == before
    assert "none waiting" in run_cli("doctor").out


def test_stopping_the_delete_question_deletes_nothing_and_promises_no_draft(
    tmp_path: Any,
) -> None:
    before = an_entry(tmp_path)
    child = spawn("delete", "today")
    child.expect("Delete this entry")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    said_honestly(child.before, NOTHING_DELETED)
    assert run_cli("show", "today", "--format", "json").out == before


def test_ctrl_d_at_the_delete_question_deletes_nothing(tmp_path: Any) -> None:
    before = an_entry(tmp_path)
    child = spawn("delete", "today")
    child.expect("Delete this entry")
    child.expect_exact("(y/N)")  # drawn by the prompt itself
    child.sendcontrol("d")  # a yes/no question ignored it, and went on waiting
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    said_honestly(child.before, NOTHING_DELETED)
    assert run_cli("show", "today", "--format", "json").out == before
