"""Keys pressed a moment before a question is drawn: the terminal does not echo them as
"^[[B" above the question, the question still takes them, and the terminal's own settings
are back when the journal exits."""

from __future__ import annotations

import os
import termios
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import JOURNAL

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

DOWN, ENTER, SPACE = "\x1b[B", "\r", " "


def _spawn(db: Path) -> Any:
    env = dict(os.environ, SELFCOMPASSION_DB=str(db), TERM="xterm", NO_COLOR="1")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    return pexpect.spawn(str(JOURNAL), ["reframe"], env=env, encoding="utf-8", timeout=30)


def _echoes(child: Any) -> bool:
    return bool(termios.tcgetattr(child.child_fd)[3] & termios.ECHO)


# Between the answer and the next question the journal saves a draft and prints the
# question: an arrow key sent in that moment reached the terminal while it was echoing.
@pytest.mark.parametrize("delay", [0.08, 0.1, 0.12])
def test_an_early_arrow_key_is_taken_and_not_echoed(tmp_path: Path, delay: float) -> None:
    child = _spawn(tmp_path / "journal.db")
    child.expect("camera")
    time.sleep(0.3)
    child.send("My demo froze in the meeting." + ENTER)
    time.sleep(delay)
    child.send(DOWN)  # before the list of feelings is drawn
    child.expect("Pick any that fit")
    seen = child.before
    time.sleep(0.5)
    child.send(SPACE + ENTER)  # pick the feeling the arrow moved to, and go on
    child.expect("own words")
    child.send(ENTER)
    child.expect(r"How strong is '(\w+)'")
    picked = child.match.group(1)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    assert "^[" not in seen
    assert picked == "ashamed"  # the second feeling: the early arrow key was not lost
    assert _echoes(child)  # the terminal echoes again once the journal has gone
    child.close()
