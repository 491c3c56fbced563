"""The whole path a person takes, in a real pseudo-terminal: a reframe at the keyboard,
then ``journal today`` asking about its next step on the day it is due."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from conftest import JOURNAL

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.pty

DOWN, ENTER, SPACE, BACKSPACE = "\x1b[B", "\r", " ", "\x7f"


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {
        **os.environ,
        "SELFCOMPASSION_HOME": str(home),
        "TERM": "xterm",
        "NO_COLOR": "1",
        # Without a terminal that answers cursor-position requests, prompt_toolkit waits for
        # each answer; this keeps every prompt instant.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    return pexpect.spawn(
        str(JOURNAL), args, env=env, encoding="utf-8", timeout=10, dimensions=(40, 110)
    )


def test_reframe_at_the_keyboard_then_today_asks_about_the_next_step(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["reframe"], home)
    steps = [
        ("camera", "My demo crashed in front of the client." + ENTER),
        ("feeling", SPACE + DOWN + DOWN + SPACE + ENTER),  # anxious, embarrassed
        ("own words", ENTER),
        ("strong is 'anxious'", "70" + ENTER),
        ("strong is 'embarrassed'", "80" + ENTER),
        ("inner critic", "I'm such an idiot and I always mess up demos." + ENTER),
        ("0 to 100", "90" + ENTER),
        ("Labelling", ENTER),  # the checklist arrives ticked with what was found
        ("no bigger", ENTER),
        ("Who else", ENTER),
        ("colleague you respect", "Demos crash for everyone; you stayed calm." + ENTER),
        ("process", ENTER),
        ("next step", "Rehearse on the client's setup" + ENTER),
        ("By when", "yesterday" + ENTER),
        ("already passed", BACKSPACE * len("yesterday") + "today" + ENTER),
        ("those feelings now", ENTER),  # the same two feelings, already ticked
        ("strong is 'anxious'", "40" + ENTER),
        ("strong is 'embarrassed'", "50" + ENTER),
        ("critic's words now", "30" + ENTER),
    ]
    for expected, keys in steps:
        child.expect(expected)
        child.send(keys)
    child.expect("Reframe saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    db = home / "data" / "journal.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT trap_id FROM entry_traps ORDER BY trap_id").fetchall() == [
            ("labelling",),
            ("overgeneralising",),
        ]
        assert conn.execute(
            "SELECT intensity_before, intensity_after, belief_before, belief_after "
            "FROM reframe_scores"
        ).fetchall() == [(75.0, 45.0, 90, 30)]
        assert conn.execute("SELECT text, status FROM commitments").fetchall() == [
            ("Rehearse on the client's setup", "open")
        ]

    child = spawn(["today"], home)
    for _ in range(2):  # mood and kindness: skipping is the default
        child.expect("skip")
        child.send(ENTER)
    for _ in range(4):  # a word on how you are, three rotating prompts
        child.expect(r"\?")
        child.send(ENTER)
    child.expect("intention|tomorrow")
    child.send("Rest well tonight" + ENTER)
    child.expect("give this intention a day")
    child.send(ENTER)  # it stays an intention
    child.expect("Rehearse on the client's setup")
    child.send(ENTER)  # done
    child.expect("Saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM commitments").fetchall() == [("done",)]
