"""SIGTERM, SIGHUP and a closed terminal at a question, in a real pseudo-terminal: the words
typed so far are kept in the draft like on Ctrl-C, the command says so in one line and
exits with the signal's code, and the next run offers the draft back.

The steps and helpers of ``journal today`` are those of ``test_interrupt_pty``.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cli_run import run_cli
from conftest import JOURNAL
from selfcompassion.files.paths import journal_path
from selfcompassion.store import JournalStore
from test_interrupt_pty import (
    RESUME_QUESTION,
    answer_for,
    finish,
    give,
    journal_state,
    prompt_of,
    spawn,
    todays_plan,
)

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

HALF = "half a thought, still being typed"
PAUSED = "Paused. Your answers so far are kept as a draft"


def hang_up(child: Any) -> int:
    """Close the terminal the way closing its window does (the system sends SIGHUP to the
    program in it, and the terminal is gone); the program's exit code."""
    child.ptyproc.fileobj.close()
    deadline = time.monotonic() + 15
    while child.isalive():
        assert time.monotonic() < deadline, "the journal did not end when its terminal closed"
        time.sleep(0.02)
    return int(child.exitstatus)


def stopped_by(child: Any, how: signal.Signals) -> tuple[int, str]:
    """Send ``how`` to a journal waiting at a question; its exit code and last words."""
    child.kill(how)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def one_calm_line(said: str) -> None:
    assert "Traceback" not in said and "went wrong" not in said, said[-2000:]
    assert said.count(PAUSED) == 1, said[-2000:]


def typing_at(stop: int) -> tuple[Any, list[dict[str, Any]]]:
    """``journal today`` answered up to step ``stop``, with words half typed at it."""
    _, steps = todays_plan()
    assert steps[stop]["kind"] == "text"
    child = spawn()
    for step in steps[:stop]:
        give(child, step)
    child.expect(prompt_of(steps[stop]))
    child.send(HALF)
    child.expect_exact(HALF)  # drawn by the prompt, so it holds the words
    return child, steps


def resume_with_more(steps: list[dict[str, Any]], stop: int) -> None:
    """Pick the draft up: the half-typed words are back at their step, and finishing the
    entry removes the draft."""
    child = spawn()
    child.expect(RESUME_QUESTION)
    child.send("\r")  # "Pick up where I left off"
    child.expect(prompt_of(steps[stop]))
    child.expect_exact(HALF)
    child.send(", and the rest\r")
    finish(child, steps[stop + 1 :])
    entries, draft = journal_state()
    assert entries == 1 and draft is None


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_at_a_typed_step_keeps_the_words_typed_so_far(how: signal.Signals) -> None:
    stop = 2  # "a word or two", after the two ratings
    child, steps = typing_at(stop)
    code, said = stopped_by(child, how)
    assert code == 128 + how
    one_calm_line(said)
    entries, draft = journal_state()
    assert entries == 0 and draft is not None
    assert draft["_typed"] == {"step": steps[stop]["id"], "text": HALF}
    assert {"mood", "kindness"} <= draft.keys()
    resume_with_more(steps, stop)


def test_a_terminal_closed_under_a_shell_keeps_the_words_typed_so_far(tmp_path: Path) -> None:
    """Started from a shell, the journal is not the terminal's first program: the shell
    gets the hang-up, and the journal may find its terminal gone before any signal."""
    stop = 2
    _, steps = todays_plan()
    code = tmp_path / "exit-code"
    # A stand-in for the shell that outlives the hang-up to note the journal's exit code;
    # the journal starts with SIGHUP as a program from a shell has it.
    shell = (
        "import signal, subprocess, sys; signal.signal(signal.SIGHUP, signal.SIG_IGN); "
        "done = subprocess.run(sys.argv[2:], preexec_fn=lambda: signal.signal("
        "signal.SIGHUP, signal.SIG_DFL)); open(sys.argv[1], 'w').write(str(done.returncode))"
    )
    child = pexpect.spawn(
        sys.executable,
        ["-c", shell, str(code), str(JOURNAL), "today"],
        env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1"},
        dimensions=(40, 220),
        encoding="utf-8",
        timeout=15,
    )
    for step in steps[:stop]:
        give(child, step)
    child.expect(prompt_of(steps[stop]))
    child.send(HALF)
    child.expect_exact(HALF)
    hang_up(child)
    assert int(code.read_text()) in (128 + signal.SIGHUP, 130)  # the signal or the lost input
    entries, draft = journal_state()
    assert entries == 0 and draft is not None
    assert draft["_typed"] == {"step": steps[stop]["id"], "text": HALF}


def test_closing_the_terminal_keeps_the_words_typed_so_far() -> None:
    stop = 6  # the intention, after the rotating prompts
    child, steps = typing_at(stop)
    assert hang_up(child) == 128 + signal.SIGHUP
    entries, draft = journal_state()
    assert entries == 0 and draft is not None
    assert draft["_typed"] == {"step": steps[stop]["id"], "text": HALF}
    doctor = run_cli("doctor", "--format", "json")
    assert doctor.code == 0 and doctor.json()["healthy"], doctor.out + doctor.err
    resume_with_more(steps, stop)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_at_the_resume_question_keeps_the_draft_as_it_was(how: signal.Signals) -> None:
    stop = 2
    child, _ = typing_at(stop)
    stopped_by(child, signal.SIGTERM)
    kept = journal_state()
    child = spawn()
    child.expect(RESUME_QUESTION)
    code, said = stopped_by(child, how)
    assert code == 128 + how
    one_calm_line(said)
    assert journal_state() == kept


def test_sigterm_at_the_critics_words_keeps_them_in_the_reframes_draft() -> None:
    from test_reframe_pty import REFRAME_WALK

    critic = next(i for i, (shown, _) in enumerate(REFRAME_WALK) if "inner critic" in shown)
    child = spawn("reframe")
    for shown, keys in REFRAME_WALK[:critic]:
        child.expect_exact(shown)
        child.send(keys)
    child.expect_exact(REFRAME_WALK[critic][0])
    child.send(HALF)
    child.expect_exact(HALF)
    code, said = stopped_by(child, signal.SIGTERM)
    assert code == 128 + signal.SIGTERM
    one_calm_line(said)
    with JournalStore.open(journal_path()) as store:
        draft = store.load_draft("reframe")
        assert store.count_entries() == 0
    assert draft is not None and draft.answers["_typed"] == {"step": "critic", "text": HALF}
    assert draft.answers["happened"] == "My demo crashed in front of the client."

    child = spawn("reframe")
    child.expect("unfinished reframe")
    child.send("\r")  # "Pick up where I left off"
    child.expect_exact(REFRAME_WALK[critic][0])
    child.expect_exact(HALF)  # the words are back where they were being typed
    stopped_by(child, signal.SIGTERM)


def test_a_closed_terminal_at_the_check_ins_note_keeps_the_note_and_every_rating() -> None:
    child = spawn("checkin")
    for rating in range(12):
        child.expect("almost always")
        child.send(f"{rating % 5 + 1}\r")
    child.expect("notice")
    child.send(HALF)
    child.expect_exact(HALF)
    assert hang_up(child) == 128 + signal.SIGHUP
    with JournalStore.open(journal_path()) as store:
        draft = store.load_draft("checkin")
        assert store.count_entries() == 0
    assert draft is not None and draft.answers["_typed"] == {"step": "note", "text": HALF}
    assert len([key for key in draft.answers if not key.startswith("_")]) == 12


@pytest.mark.parametrize("stop", [1, 3])  # a rating, a line left empty
def test_ctrl_d_ends_a_list_of_choices_as_it_ends_an_empty_line(stop: int) -> None:
    """End of input at any question pauses the flow; a list of choices used to ignore it."""
    _, steps = todays_plan()
    child = spawn()
    for step in steps[:stop]:
        give(child, step)
    child.expect(prompt_of(steps[stop]))
    # Drawn by the prompt itself, so the key reaches it (typed sooner, the terminal's own
    # line editing would take Ctrl-D before the prompt starts).
    child.expect_exact("skip, no rating" if steps[stop]["kind"] == "scale" else "›")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    one_calm_line(child.before)
    entries, draft = journal_state()
    assert entries == 0 and draft == {step["id"]: answer_for(step) for step in steps[:stop]}


def test_ctrl_d_ends_the_checklist_of_feelings() -> None:
    from test_reframe_pty import REFRAME_WALK

    child = spawn("reframe")
    child.expect_exact(REFRAME_WALK[0][0])
    child.send(REFRAME_WALK[0][1])
    child.expect_exact(REFRAME_WALK[1][0])  # the checklist of feelings
    child.expect_exact("space to pick")  # drawn by the prompt itself
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    one_calm_line(child.before)
    with JournalStore.open(journal_path()) as store:
        draft = store.load_draft("reframe")
    assert draft is not None and list(draft.answers) == ["happened"]
