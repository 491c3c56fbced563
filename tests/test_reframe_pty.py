"""The whole path a person takes, in a real pseudo-terminal: a reframe at the keyboard,
then ``journal today`` asking about its next step on the day it is due."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import JOURNAL

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.pty

DOWN, ENTER, SPACE, BACKSPACE = "\x1b[B", "\r", " ", "\x7f"


def spawn(args: list[str], home: Path, columns: int = 110) -> pexpect.spawn:
    # The terminal's own size, not one inherited from the environment the tests run in.
    inherited = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env = {
        **inherited,
        "SELFCOMPASSION_HOME": str(home),
        "TERM": "xterm",
        "NO_COLOR": "1",
        # Without a terminal that answers cursor-position requests, prompt_toolkit waits for
        # each answer; this keeps every prompt instant.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    return pexpect.spawn(
        str(JOURNAL), args, env=env, encoding="utf-8", timeout=10, dimensions=(40, columns)
    )


#: The whole thought record at the keyboard, step by step: what the screen shows (the start
#: of each question, short enough not to wrap at 60 columns) and the keys pressed.
REFRAME_WALK = [
    ("What happened", "My demo crashed in front of the client." + ENTER),
    ("What are you feeling", SPACE + DOWN + DOWN + SPACE + ENTER),  # anxious, embarrassed
    ("own words", ENTER),
    ("strong is 'anxious'", "70" + ENTER),
    ("strong is 'embarrassed'", ENTER),  # named, left unrated
    ("Before looking closer", ENTER),  # naming the difficulty comes before the critic
    ("What is your inner critic", "I'm such an idiot and I always mess up demos." + ENTER),
    ("How much do you believe what", "90" + ENTER),
    ("Description: Seeing only", ENTER),  # every trap explains itself; keep the ticked ones
    ("What facts back up", "The demo crashed." + ENTER),
    ("What facts do not fit", "The last five demos went fine." + ENTER),
    ("With both sides in view", "One demo crashed; I usually do them well." + ENTER),
    ("How much do you believe that", "60" + ENTER),
    ("Who else has been", ENTER),
    ("Someone you care about", "Demos crash for everyone; you stayed calm." + ENTER),
    ("What part of this was", ENTER),
    ("What is one concrete", "Rehearse on the client's setup" + ENTER),
    ("By when", "yesterday" + ENTER),
    ("already passed", BACKSPACE * len("yesterday") + "today" + ENTER),
    ("Having written all this", ENTER),  # the same two feelings, already ticked
    ("strong is 'anxious'", "40" + ENTER),
    ("strong is 'embarrassed'", ENTER),
    ("And how much do you believe", "30" + ENTER),
]


def walk_reframe(home: Path, columns: int) -> str:
    """Answer a whole reframe at the keyboard; what the saved summary showed."""
    child = spawn(["reframe"], home, columns)
    for expected, keys in REFRAME_WALK:
        child.expect_exact(expected)
        child.send(keys)
    child.expect_exact("Reframe saved")
    child.expect(pexpect.EOF)
    summary = str(child.before)
    child.close()
    assert child.exitstatus == 0
    return summary


def check_saved_reframe(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT trap_id FROM entry_traps ORDER BY trap_id").fetchall() == [
            ("labelling",),
            ("overgeneralising",),
        ]
        assert conn.execute(
            "SELECT intensity_before, intensity_after, belief_before, belief_after, "
            "balanced_belief FROM reframe_scores"
        ).fetchall() == [(70.0, 40.0, 90, 30, 60)]
        assert conn.execute("SELECT value FROM answers WHERE step_id = 'emotions'").fetchall() == [
            ('{"anxious": 70, "embarrassed": null}',)
        ]
        assert conn.execute("SELECT text, status FROM commitments").fetchall() == [
            ("Rehearse on the client's setup", "open")
        ]


@pytest.mark.parametrize("columns", [60, 80])
def test_the_thought_record_walked_at_a_narrow_terminal(tmp_path: Path, columns: int) -> None:
    home = tmp_path / "home"
    summary = walk_reframe(home, columns)
    flat = " ".join(summary.replace("│", " ").split())
    assert "balanced thought" in flat and "not rated" in flat
    assert "in the critic 90 → 30" in flat
    shown = re.sub(r"\x1b\[[0-9;]*m", "", summary)
    panel = [line for line in shown.splitlines() if line.startswith(("╭", "│", "╰"))]
    assert panel and max(len(line) for line in panel) <= columns
    check_saved_reframe(home / "data" / "journal.db")


def test_reframe_at_the_keyboard_then_today_asks_about_the_next_step(tmp_path: Path) -> None:
    home = tmp_path / "home"
    walk_reframe(home, 110)
    db = home / "data" / "journal.db"
    check_saved_reframe(db)

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
