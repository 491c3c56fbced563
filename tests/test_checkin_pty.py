"""``journal checkin`` in a real pseudo-terminal: stop half-way, come back, finish."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pexpect
import pytest

from conftest import JOURNAL

pytestmark = pytest.mark.pty


def _spawn(home: Path) -> pexpect.spawn:
    env = dict(
        os.environ,
        SELFCOMPASSION_HOME=str(home),
        NO_COLOR="1",
        PROMPT_TOOLKIT_NO_CPR="1",  # a pty that never answers cursor queries
    )
    env.pop("SELFCOMPASSION_DB", None)
    return pexpect.spawn(
        str(JOURNAL), ["checkin"], env=env, encoding="utf-8", timeout=15, dimensions=(40, 100)
    )


def test_pause_and_pick_up_at_a_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = _spawn(home)
    first.expect("almost always")
    first.send("5\r")  # the first statement: 5
    first.expect("almost always")
    first.send("\x03")  # Ctrl-C on the second
    first.expect("Paused")
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 130

    again = _spawn(home)
    again.expect("unfinished check-in")
    again.send("\r")  # pick up where I left off
    for _ in range(11):
        again.expect("almost always")
        again.send("\r")  # skip
    again.expect("notice")
    again.send("Back again.\r")
    again.expect("1 of 12 statements")
    again.expect("not a clinical measure")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0

    with sqlite3.connect(home / "data" / "journal.db") as conn:
        assert conn.execute("SELECT total, self_kindness FROM checkin_scores").fetchall() == [
            (5.0, 5.0)
        ]
        assert conn.execute("SELECT count(*) FROM drafts").fetchone() == (0,)
