"""Ctrl-C and the journal's background threads (the care check's warm-up, the thinking-trap
model's loading, the key worked out ahead): a Ctrl-C pressed while a question is being drawn
waits for the question's prompt, even while such a thread is at work.

The system gives SIGINT to any thread that does not block it. The main thread holds it back
while a question is drawn; a background thread that let it through took it, and Python then
raised KeyboardInterrupt in the main thread wherever it was (importing the prompt, say), where
it could become "something went wrong inside the journal (TypeError)" with exit status 1, or
be lost so that the prompt waited for a key already pressed.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from selfcompassion.background import start_in_background

pexpect = pytest.importorskip("pexpect")

SOURCE = Path(__file__).resolve().parents[1] / "src" / "selfcompassion"
HELD = "[Ctrl-C held for the prompt]"

# ``journal today`` with the care check's warm-up started with the first question and kept
# alive after its work (so that a thread other than the main one is always there when the
# Ctrl-C comes), and a pause once the first question is drawn, before its prompt starts,
# that waits for the Ctrl-C to be held for the main thread.
DRIVER = f"""
import signal, sys, threading, time
from selfcompassion.care import moment
from selfcompassion.flows import asking

warm_up = moment.warm_up

def warm_up_and_stay() -> None:
    warm_up()
    threading.Event().wait()

moment.warm_up = warm_up_and_stay
moment.WARM_UP_AFTER_SECONDS = 0
draw = asking.show_question

def show_question(*args, **kwargs):
    draw(*args, **kwargs)
    print("[question drawn]", flush=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if signal.SIGINT in signal.sigpending():
            print({HELD!r}, flush=True)
            return
        time.sleep(0.01)

asking.show_question = show_question
from selfcompassion.cli import main
sys.argv[0] = "journal"
main()
"""


def _blocks_sigint(thread: threading.Thread) -> bool:
    """Whether the thread blocks SIGINT, read from the kernel's view of it."""
    status = Path(f"/proc/self/task/{thread.native_id}/status").read_text()
    found = re.search(r"^SigBlk:\s*([0-9a-f]+)$", status, re.MULTILINE)
    assert found is not None
    return bool(int(found.group(1), 16) >> (signal.SIGINT - 1) & 1)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("after", [0.0, 0.2])
def test_a_background_thread_blocks_sigint_and_the_caller_does_not(after: float) -> None:
    done = threading.Event()
    thread = start_in_background(done.wait, 5, after=after)
    try:
        assert _blocks_sigint(thread)
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    finally:
        done.set()
        thread.join()


def test_every_thread_is_started_where_it_blocks_sigint() -> None:
    starts = re.compile(r"\b(?:threading\.)?(?:Thread|Timer)\(")
    elsewhere = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if path.name != "background.py" and starts.search(path.read_text(encoding="utf-8"))
    ]
    assert elsewhere == []


@pytest.mark.pty
@pytest.mark.parametrize("columns", [60, 80])
def test_ctrl_c_while_the_first_question_is_drawn_waits_for_its_prompt(
    tmp_path: Path, columns: int
) -> None:
    db = tmp_path / "journal.db"
    env = dict(os.environ, SELFCOMPASSION_DB=str(db), TERM="xterm", NO_COLOR="1")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    child = pexpect.spawn(
        sys.executable,
        ["-c", DRIVER, "today"],
        env=env,
        encoding="utf-8",
        dimensions=(40, columns),
        timeout=30,
    )
    child.expect_exact("[question drawn]")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    said = child.before
    assert HELD in said, said[-2000:]
    assert "Stopped. Anything not yet saved was left out." in said  # nothing answered yet
    assert "went wrong" not in said
    assert child.exitstatus == 130, said[-2000:]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    assert child.signalstatus is None
