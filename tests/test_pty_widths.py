"""Every question whole at 60 and 80 columns: the installed ``journal`` in a pseudo-terminal,
its output drawn by a terminal emulator (pyte), each step's question and help read back from
the screen with whitespace normalised."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import JOURNAL

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")
pytestmark = pytest.mark.pty

ROWS = 50
# Under CPU load a step can take seconds to draw; the walk waits this long per step.
STEP_TIMEOUT = 30.0
REFUSAL = "A few words are enough here"
CRITIC = "I always mess everything up and everyone can see it"
# Notes that --plan adds for scripts; they are not shown at the terminal.
PLAN_NOTES = re.compile(r" (Left out of --answers|Use the feelings named).*$")


def _words(text: str) -> str:
    return " ".join(text.split())


class Terminal:
    """A pseudo-terminal of a given width with a screen that keeps its scrolled-off lines."""

    def __init__(self, db: Path, columns: int, *args: str, term: str = "xterm") -> None:
        env = dict(os.environ, SELFCOMPASSION_DB=str(db), TERM=term, NO_COLOR="1")
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.screen = pyte.HistoryScreen(columns, ROWS, history=2000)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            str(JOURNAL), list(args), env=env, encoding="utf-8", dimensions=(ROWS, columns)
        )

    def text(self) -> str:
        """Everything on the screen and scrolled above it, as one line of words."""
        history = [
            "".join(line[x].data for x in range(self.screen.columns))
            for line in self.screen.history.top
        ]
        return _words(" ".join(history + list(self.screen.display)))

    def wait_for(self, words: str) -> None:
        """Read output until ``words`` appear on the screen (whitespace normalised)."""
        wanted = _words(words)
        deadline = time.monotonic() + STEP_TIMEOUT
        ended = False
        while wanted not in self.text():
            if ended or time.monotonic() > deadline:
                raise AssertionError(f"not on screen whole: {wanted!r}\n---\n{self.text()}")
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.5))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                ended = True

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF, timeout=STEP_TIMEOUT)
        self.child.close()
        return int(self.child.exitstatus)


def _plan(db: Path, flow: str) -> list[dict[str, Any]]:
    out = subprocess.run(
        [str(JOURNAL), "--db", str(db), flow, "--plan"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)["steps"]


def _question(step: dict[str, Any]) -> str:
    """The words the terminal must show whole for a step: its question, marked "(needed)"
    when it needs an answer, and its help."""
    help_text = PLAN_NOTES.sub("", step.get("help") or "")
    needed = " (needed)" if step["required"] else ""
    if step["id"] == "traps":  # the checklist shows the words it looks at first
        needed = f' The critic\'s words: "{CRITIC}"'
    return f"{step['prompt']}{needed} {help_text}"


def _answer(term: Terminal, step: dict[str, Any]) -> None:
    kind = step["kind"]
    if kind == "scale" and step["max"] - step["min"] <= 10:
        term.send("\r")  # keep the default: skip the rating
    elif kind == "scale":
        term.send("70\r")
    elif kind in ("multi", "intensities"):
        term.send("\r")
        if step.get("other_allowed"):
            term.wait_for("Any in your own words?")
            term.send("\r")
    elif kind == "date":
        term.send("friday\r")
    elif step["id"] == "critic":
        term.send(CRITIC + "\r")
    else:
        term.send(f"some words for {step['id']}\r")


def _refusal_sits_under_the_prompt(term: Terminal) -> None:
    """An empty answer to a needed question is refused on the row right under its prompt,
    not at the bottom of the terminal."""
    term.send("\r")
    term.wait_for(REFUSAL)
    rows = [row.rstrip() for row in term.screen.display]
    refusal = next(i for i, row in enumerate(rows) if REFUSAL in row)
    assert rows[refusal - 1].startswith("›")


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("flow", ["today", "reframe"])
def test_every_question_is_on_screen_whole(tmp_path: Path, flow: str, columns: int) -> None:
    db = tmp_path / "journal.db"
    steps = _plan(db, flow)
    term = Terminal(db, columns, flow)
    asked = 0
    for step in steps:
        if step["id"] == "emotions_after":
            continue  # asked only about feelings named at the start; none were
        term.wait_for(_question(step))
        asked += 1
        if step["id"] == "intention":
            _refusal_sits_under_the_prompt(term)
        _answer(term, step)
    term.wait_for("Reframe saved" if flow == "reframe" else "Saved")
    assert term.finish() == 0
    assert asked >= 7
    longest = max(len(_question(step)) for step in steps)
    assert longest > columns  # the walk did meet questions wider than the terminal


def _walk_to_the_checklist(term: Terminal, db: Path) -> None:
    for step in _plan(db, "reframe"):
        term.wait_for(_question(step))
        if step["id"] == "traps":
            return
        _answer(term, step)


def test_every_trap_explains_itself_in_the_checklist(tmp_path: Path) -> None:
    """The reframe's trap checklist at the keyboard: whichever trap the cursor is on, ticked
    by the detector or not, its explanation is on the screen."""
    from selfcompassion.traps.detector import TRAPS, trap_ids

    db = tmp_path / "journal.db"
    term = Terminal(db, 120, "reframe")  # wide enough that no explanation wraps
    _walk_to_the_checklist(term, db)
    found = trap_ids(CRITIC)
    assert found and set(found) != set(TRAPS)  # both kinds are on the list
    for trap in TRAPS.values():
        term.wait_for(f"Description: {trap.explanation}")
        term.send("\x1b[B")  # down to the next trap
    term.send("\x03")  # Ctrl-C: the answers so far are kept as a draft
    assert term.finish() == 130


@pytest.mark.parametrize("columns", [60, 80])
def test_a_found_trap_wraps_under_its_own_first_line(tmp_path: Path, columns: int) -> None:
    """Above the checklist each trap found is one indented paragraph: its name, its words and
    what it means, every line it wraps to starting where its first line does."""
    from selfcompassion.traps.detector import TRAPS, detect_traps

    db = tmp_path / "journal.db"
    term = Terminal(db, columns, "reframe")
    _walk_to_the_checklist(term, db)
    found = {hit.trap_id: hit.phrase for hit in detect_traps(CRITIC)}
    assert found
    for trap_id, phrase in found.items():  # drawn after the question: wait for each whole
        trap = TRAPS[trap_id]
        term.wait_for(f'{trap.name} ("{phrase}"): {trap.explanation}')
    rows = [row.rstrip() for row in term.screen.display]
    wrapped = 0
    for trap_id, phrase in found.items():
        trap = TRAPS[trap_id]
        first = next(i for i, row in enumerate(rows) if row.startswith(f"    {trap.name} ("))
        paragraph = [rows[first]]
        while _words(trap.explanation) not in _words(" ".join(paragraph)):
            paragraph.append(rows[first + len(paragraph)])
        assert _words(" ".join(paragraph)) == _words(
            f'{trap.name} ("{phrase}"): {trap.explanation}'
        )
        # The question's words start 2 columns in, a trap found 2 more, on every line.
        assert all(row[:4] == "    " and row[4] != " " for row in paragraph), paragraph
        wrapped += len(paragraph) > 1
    assert wrapped  # at this width at least one of them does wrap
    term.send("\x03")
    assert term.finish() == 130


#: An answer longer than the terminal is wide, whose words a cut at either edge would split.
LONG_ANSWER = (
    "Finished the half marathon in the rain, but the course was mostly downhill anyway "
    "and everyone else in my club was faster than me by miles"
)


@pytest.mark.parametrize("columns", [60, 80])
def test_a_long_answer_stays_on_screen_wrapped_at_words(tmp_path: Path, columns: int) -> None:
    """The answer left under its question after Enter is wrapped at words, its next lines
    under its first, not cut wherever the terminal's edge falls."""
    db = tmp_path / "journal.db"
    first = _plan(db, "reframe")[0]
    term = Terminal(db, columns, "reframe")
    term.wait_for(f"{_question(first)} ›")  # the prompt is up: typing now reaches it
    term.send(LONG_ANSWER + "\r")
    term.wait_for(_question(_plan(db, "reframe")[1]))
    rows = [row.rstrip() for row in term.screen.display]
    start = next(i for i, row in enumerate(rows) if row.startswith("›  Finished"))
    echo = [rows[start]]
    while len(" ".join(echo).split()) < len(LONG_ANSWER.split()):
        echo.append(rows[start + len(echo)])
    assert len(echo) > 1
    assert " ".join(echo).split()[1:] == LONG_ANSWER.split()  # every word whole on a line
    assert all(row.startswith("   ") and row[3] != " " for row in echo[1:]), echo
    assert all(len(row) <= columns for row in echo)
    term.send("\x03")
    assert term.finish() == 130


PAUSED_NOTE = (
    "Paused. Your answers so far are kept as a draft; run the same command again to pick "
    "up where you left off."
)


@pytest.mark.parametrize("columns", [60, 80])
def test_the_pause_note_is_wrapped_at_words(tmp_path: Path, columns: int) -> None:
    """The note after Ctrl-C keeps every word whole on a line of the terminal."""
    db = tmp_path / "journal.db"
    first, second = _plan(db, "reframe")[:2]
    term = Terminal(db, columns, "reframe")
    term.wait_for(f"{_question(first)} ›")
    term.send("The facts.\r")  # one answer, so that a draft is kept
    term.wait_for(_question(second))
    term.send("\x03")
    term.wait_for(PAUSED_NOTE)
    rows = [row.rstrip() for row in term.screen.display]
    start = next(i for i, row in enumerate(rows) if row.startswith("Paused."))
    note = rows[start : start + 3]
    assert all(len(row) <= columns for row in note)
    words = set(" ".join(note).split())
    assert set(PAUSED_NOTE.split()) <= words, note  # no word cut at the edge
    assert term.finish() == 130


INTRO_NOTE = (
    "Questions marked (needed) want a few words; skip any other you like. Ctrl-C keeps your "
    "answers as a draft."
)


@pytest.mark.parametrize("columns", [60, 80])
def test_a_dumb_terminal_is_wrapped_at_its_own_width(tmp_path: Path, columns: int) -> None:
    """TERM=dumb, as an editor's shell sets it: the opening note and the questions are
    wrapped at words at the terminal's own width, not at the 80 columns Rich assumes."""
    db = tmp_path / "journal.db"
    steps = _plan(db, "today")
    term = Terminal(db, columns, "today", term="dumb")
    for step in steps[:3]:
        term.wait_for(_question(step))
        _answer(term, step)
    term.wait_for(_question(steps[3]))
    rows = [row.rstrip() for row in term.screen.display]
    start = next(i for i, row in enumerate(rows) if row.startswith("Questions marked"))
    note = rows[start : start + 2]
    assert set(INTRO_NOTE.split()) <= set(" ".join(note).split()), note  # no word cut
    shown = [row.split() for row in rows if row]
    for step in steps[:4]:  # every word of each question whole on a line of the screen
        words = set(_question(step).split())
        assert words <= {word for row in shown for word in row}, step["id"]
    term.send("\x03")
    assert term.finish() == 130


@pytest.mark.parametrize("columns", [60, 80])
def test_the_commitments_table_keeps_its_days_whole(tmp_path: Path, columns: int) -> None:
    """journal commitments at the terminal: the id, status and day of each next step stay
    on one line, and the next step's own words wrap, whole, in the room left."""
    from reframe_support import REFRAME_ANSWERS

    db = tmp_path / "journal.db"
    step = "Ask Sam for ten minutes on Thursday to go through the figures together"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**REFRAME_ANSWERS, "next_step": step, "next_due": "in 5 days"}))
    subprocess.run(
        [str(JOURNAL), "--db", str(db), "reframe", "--answers", str(answers)],
        capture_output=True,
        check=True,
    )
    term = Terminal(db, columns, "--no-pager", "commitments")
    term.wait_for(step)
    assert term.finish() == 0
    rows = [row.rstrip() for row in term.screen.display if row.strip()]
    header, first, *rest = rows
    assert header.split() == ["id", "status", "day", "next", "step"]
    day = " ".join(first.split()[2:5])  # "Monday 7 December": weekday, day and month
    assert day.split()[1].isdigit() and day.split()[0].endswith("day")
    words = first.split()[5:] + [word for row in rest for word in row.split()]
    assert words == step.split()  # every word of the step whole, in order
    assert len(rows) <= 5  # the step has room: it does not run down the screen


@pytest.mark.parametrize("columns", [60, 80])
def test_the_pack_list_leaves_its_descriptions_room(tmp_path: Path, columns: int) -> None:
    """journal prompts list at the terminal: a pack's name, flow and count on its first
    line, its description wrapped whole beside them in more than a narrow strip."""
    term = Terminal(tmp_path / "journal.db", columns, "--no-pager", "prompts", "list")
    term.wait_for("reframe")
    assert term.finish() == 0
    rows = [row.rstrip() for row in term.screen.display if row.strip()]
    assert rows[0].split() == ["name", "flow", "prompts", "description"]
    first = next(row for row in rows if row.startswith("daily "))
    assert first.split()[:3] == ["daily", "today", first.split()[2]] and first.split()[2].isdigit()
    description_starts = rows[0].index("description")
    assert all(len(row[description_starts:]) >= 30 for row in rows if row.startswith("daily "))
