"""The support panel at the moment of writing, in a real pseudo-terminal, at 60 and 80
columns: a risk answer brings the panel before the next question; Ctrl-C right after it
shows the panel again on the way out and keeps the draft; choosing to stop keeps the draft
and exits quietly; going on leads to the next question. For the reframe's first question,
today's prompts and the check-in note."""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import subprocess
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import JOURNAL
from selfcompassion.care.detector import find_concerns
from selfcompassion.care.moment import GO_ON, OFFER_PROMPT, offer
from selfcompassion.care.panel import CRISIS_MESSAGE_TITLE
from selfcompassion.store import JournalStore
from selfcompassion.store.drafts import Draft

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

DOWN, ENTER = "\x1b[B", "\r"
RISK = "i dont want to be here anymore"
OFFERED = re.escape(OFFER_PROMPT[:30])
TITLE = re.escape(CRISIS_MESSAGE_TITLE)


def spawn(args: list[str], home: Path, width: int) -> Any:
    env = dict(
        os.environ,
        SELFCOMPASSION_HOME=str(home),
        NO_COLOR="1",
        TERM="xterm",
        PROMPT_TOOLKIT_NO_CPR="1",  # a pty that never answers cursor queries
        COLUMNS=str(width),
        LINES="40",
        TZ="Europe/London",
    )
    env.pop("SELFCOMPASSION_DB", None)
    child = pexpect.spawn(
        str(JOURNAL), args, env=env, encoding="utf-8", timeout=15, dimensions=(40, width)
    )
    child.delaybeforesend = None
    return child


def draft_of(home: Path, flow: str) -> str:
    with sqlite3.connect(home / "data" / "journal.db") as conn:
        rows = conn.execute("SELECT answers FROM drafts WHERE flow = ?", (flow,)).fetchall()
        entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert entries == 0
    assert len(rows) == 1
    return str(rows[0][0])


def panel_before_next(child: Any, next_question: str) -> None:
    """The panel and the offer come right after the answer, before the next question."""
    child.expect(TITLE)
    child.expect("116 123")
    child.expect(OFFERED)
    assert next_question not in child.before


@functools.cache
def today_prompts() -> tuple[str, ...]:
    """Today's questions in the order they are asked, from the flow's own plan: the
    check-in's wording and the prompts drawn change with the day."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, SELFCOMPASSION_HOME=home, TZ="Europe/London")
        env.pop("SELFCOMPASSION_DB", None)
        out = subprocess.run(
            [str(JOURNAL), "today", "--plan"], env=env, capture_output=True, text=True, check=True
        )
    return tuple(step["prompt"] for step in json.loads(out.stdout)["steps"])


def opening(prompt: str) -> str:
    """The opening words of a question, short enough not to wrap at 60 columns (plain
    words, so a regex as is)."""
    return re.match(r"[\w' ]{1,16}", prompt).group().strip()


def script(flow: str) -> tuple[list[str], list[tuple[str, str]], str]:
    """A flow's command, the keys up to the question that gets the risk answer (each after
    the words it waits for), and the opening of the question after it."""
    if flow == "today":  # two ratings left blank, then "what is here", then the drawn prompts
        mood, kindness, _, first_drawn = today_prompts()[:4]
        return ["today"], [(opening(mood), ENTER), (opening(kindness), ENTER)], opening(first_drawn)
    if flow == "reframe":
        return ["reframe"], [], "feeling"
    return ["checkin"], [("almost always", ENTER)] * 12, "statements"


def risk_question(flow: str) -> str:
    """The opening of the question that gets the risk answer."""
    if flow == "today":
        return opening(today_prompts()[2])
    return {"reframe": "camera", "checkin": "notice"}[flow]


def reach_the_question(child: Any, flow: str) -> None:
    for expected, keys in script(flow)[1]:
        child.expect(expected)
        child.send(keys)
    child.expect(risk_question(flow))


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("flow", ["reframe", "today", "checkin"])
def test_ctrl_c_right_after_the_panel_shows_it_again_and_keeps_the_draft(
    tmp_path: Path, flow: str, width: int
) -> None:
    home = tmp_path / "home"
    child = spawn(script(flow)[0], home, width)
    reach_the_question(child, flow)
    child.send(RISK + ENTER)
    panel_before_next(child, script(flow)[2])
    child.sendcontrol("c")
    child.expect(TITLE)  # on the way out, the panel again
    child.expect("Paused")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert RISK in draft_of(home, flow)


@pytest.mark.parametrize("width", [60, 80])
def test_going_on_leads_to_the_next_question_and_ctrl_c_later_still_shows_it(
    tmp_path: Path, width: int
) -> None:
    home = tmp_path / "home"
    child = spawn(["reframe"], home, width)
    reach_the_question(child, "reframe")
    child.send(RISK + ENTER)
    panel_before_next(child, "feeling")
    child.send(ENTER)  # the first choice: go on writing
    child.expect("feeling")
    child.sendcontrol("c")
    child.expect(TITLE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert RISK in draft_of(home, "reframe")
    assert offer().choices[0] == GO_ON


@pytest.mark.parametrize("flow", ["reframe", "today"])
def test_stop_for_now_keeps_the_draft_and_exits_quietly(tmp_path: Path, flow: str) -> None:
    home = tmp_path / "home"
    child = spawn(script(flow)[0], home, 80)
    reach_the_question(child, flow)
    child.send(RISK + ENTER)
    panel_before_next(child, script(flow)[2])
    child.send(DOWN + ENTER)  # save what I've written and stop for now
    child.expect("988|116 123")  # the contacts once more on the way out
    child.expect("Stopped for now")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert RISK in draft_of(home, flow)


def test_see_the_contacts_again_then_go_on(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["today"], home, 80)
    reach_the_question(child, "today")
    child.send(RISK + ENTER)
    panel_before_next(child, script("today")[2])
    child.send(DOWN + DOWN + ENTER)  # see the support contacts again
    child.expect("Samaritans")
    child.expect(OFFERED)
    child.send(ENTER)
    child.expect(script("today")[2])
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()


@pytest.mark.parametrize("width", [60, 80])
def test_a_risk_answer_only_the_model_recognises_brings_the_panel_too(
    tmp_path: Path, width: int
) -> None:
    # No rule names this plan; the model, loaded in the background while the first
    # question is on screen, has to read it before the next question is asked.
    answer = "i gave my guitar to my nephew and wrote everyone a letter. its all sorted now"
    assert not find_concerns(answer, model=False)
    home = tmp_path / "home"
    child = spawn(["reframe"], home, width)
    reach_the_question(child, "reframe")
    child.send(answer + ENTER)
    panel_before_next(child, "feeling")
    child.sendcontrol("c")
    child.expect(TITLE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "nephew" in draft_of(home, "reframe")


def test_an_ordinary_answer_brings_no_panel(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["reframe"], home, 80)
    reach_the_question(child, "reframe")
    child.send("My demo crashed and this week is killing me." + ENTER)
    child.expect("feeling")
    assert CRISIS_MESSAGE_TITLE not in child.before
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert CRISIS_MESSAGE_TITLE not in (child.before or "")


def test_support_in_a_terminal_with_no_journal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["support"], home, 60)
    child.expect(TITLE)
    child.expect("116 123")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (home / "data" / "journal.db").exists()


def test_leave_for_now_on_a_kept_risky_draft_shows_the_panel(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = spawn(["today"], home, 80)
    reach_the_question(first, "today")
    first.send(RISK + ENTER)
    panel_before_next(first, script("today")[2])
    first.sendcontrol("c")
    first.expect(pexpect.EOF)
    first.close()

    again = spawn(["today"], home, 80)
    again.expect("unfinished reflection")
    again.send(DOWN + DOWN + ENTER)  # leave for now
    again.expect(TITLE)
    again.expect("Nothing changed")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    assert RISK in draft_of(home, "today")


@pytest.mark.parametrize(
    "feelings", [{"hopeless": 90, "tired": 40}, {"hopeless": None}], ids=["rated", "unrated"]
)
def test_leave_for_now_on_a_draft_with_a_risk_feeling_shows_the_panel(
    tmp_path: Path, feelings: dict[str, Any]
) -> None:
    """A feeling chosen in a kept draft counts on the way out, as it does in the flow."""
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    with JournalStore.open(home / "data" / "journal.db") as store:
        draft = Draft("reframe", date(2026, 12, 1), "reframe", {"emotions": feelings})
        store.save_draft(draft, datetime(2026, 12, 1, 21, 0, tzinfo=UTC))
    child = spawn(["reframe"], home, 60)
    child.expect("unfinished reframe")
    child.send(DOWN + DOWN + ENTER)  # leave for now
    child.expect(TITLE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "hopeless" in draft_of(home, "reframe")
    # Nothing was written, only a feeling picked: the panel does not speak of writing.
    panel = " ".join((child.before or "").split())
    assert "heavy" in panel
    assert "What you wrote" not in panel
