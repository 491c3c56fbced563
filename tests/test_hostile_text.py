"""Text from the journal, a pack or a file name is shown as text, never obeyed.

Answers, a user's pack and the journal's own path are filled with Rich markup, ANSI and
OSC escape sequences (OSC 52 writes the clipboard), C1 controls and bidi overrides. Every
view must show the markup literally and none of the control characters; every JSON output
must escape them and still hold the exact text.

To cover a new view or export, add one line to ``TEXT_VIEWS`` or ``JSON_VIEWS``: a name
and a function from the hostile ``Scene`` to the command's output.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cli_run import DOWN, ENTER, CliResult, run_cli, run_cli_with_keys
from conftest import write_json

MARKUP = "[red]R[/red][link=https://x]L[/link][bold]B"
ESCAPES = (
    "\x1b[31mansi\x1b[0m\x1b[2J"  # colour, clear screen
    "\x1b]52;c;aGk=\x07"  # OSC 52: write the clipboard
    "\x1b]0;title\x07"  # OSC 0: retitle the window
    "\x9b31m\x9d0;c1\x9c\x85"  # C1 controls: CSI, OSC, ST, NEL
    "\u202eevil\u202c\u2066iso\u2069\u200f"  # bidi overrides and marks
    "\x08\x7f"
)
HOSTILE = f"{MARKUP} {ESCAPES} #calm end"
# A folder name can hold all of this but '/', so its markup has no closing tags.
PATH_MARKUP = "[red]R[bold]B[link=x]L"
HOSTILE_NAME = f"j {PATH_MARKUP} \x1b]52;c;aGk=\x07 \u202e\x9b"

# Characters that must never reach the terminal from journal text (tabs and newlines may).
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \\u escapes is a valid TOML basic string


HOSTILE_PACK = f"""
[pack]
name = "hostile"
title = {toml_string("Title " + HOSTILE)}
description = {toml_string("About " + HOSTILE)}
flow = "today"

[[steps]]
id = "mood"
kind = "scale"
prompt = {toml_string("Rate " + HOSTILE)}
help = {toml_string("Help " + HOSTILE)}
min = 1
max = 3
labels = {{ "1" = {toml_string("low " + HOSTILE)}, "2" = "middle", "3" = "high" }}

[[steps]]
id = "reflection"
kind = "draw"
count = 1
prompt = "Today's question"

[[steps]]
id = "intention"
kind = "text"
prompt = {toml_string("Intend " + HOSTILE)}

[[prompts]]
id = "only"
theme = {toml_string("theme " + MARKUP + ESCAPES)}
prompt = {toml_string("Ask " + HOSTILE)}
"""


@dataclass
class Scene:
    """A journal at a hostile path holding a hostile entry written today, and a hostile
    user pack."""

    tmp: Path
    db: Path
    saved: CliResult

    def cli(self, *args: str) -> CliResult:
        return run_cli("--db", str(self.db), *args)


@pytest.fixture
def scene(tmp_path: Path, private_home: Path) -> Scene:
    packs = private_home / "config" / "packs"
    packs.mkdir(parents=True)
    (packs / "hostile.toml").write_text(HOSTILE_PACK, encoding="utf-8")
    db = tmp_path / HOSTILE_NAME / "journal.db"
    plan = json.loads(run_cli("today", "--plan").out)
    answers = {
        step["id"]: (2 if step["kind"] == "scale" else HOSTILE)
        for step in plan["steps"]
        if step["kind"] in ("scale", "text", "long_text")
    }
    saved = run_cli(
        "--db", str(db), "today", "--answers", str(write_json(tmp_path / "a.json", answers))
    )
    assert saved.code == 0, saved.err
    return Scene(tmp_path, db, saved)


def _permission_warning(scene: Scene) -> str:
    scene.db.chmod(0o644)
    return scene.cli("today", "--plan").err + scene.cli("doctor").err + _today_again(scene).err


def _today_again(scene: Scene) -> CliResult:
    answers = write_json(scene.tmp / "again.json", {"intention": "x"})
    return scene.cli("today", "--answers", str(answers))


def _error_naming_the_path(scene: Scene) -> str:
    not_a_journal = scene.db.with_name("notes.db")
    not_a_journal.write_text("plain words")
    result = run_cli("--db", str(not_a_journal), "today", "--answers", str(scene.tmp / "a.json"))
    assert result.code == 1
    return result.err


def _with_hostile_pack(scene: Scene) -> str:
    answers = write_json(scene.tmp / "p.json", {"mood": 1, "only": HOSTILE, "intention": HOSTILE})
    result = scene.cli("today", "--pack", "hostile", "--answers", str(answers))
    assert result.code == 0, result.err
    return result.out


TEXT_VIEWS: dict[str, Callable[[Scene], str]] = {
    "today: the summary after saving": lambda s: s.saved.out,
    "today: show today's entry": lambda s: (
        run_cli_with_keys("--db", str(s.db), "today", keys=DOWN + ENTER).out
    ),
    "today: summary with a hostile pack": _with_hostile_pack,
    "prompts list": lambda s: run_cli("prompts", "list").out,
    "prompts show": lambda s: run_cli("prompts", "show", "hostile").out,
    "doctor": lambda s: s.cli("doctor").out,
    "backup": lambda s: s.cli("backup").out,
    "an error naming the path": _error_naming_the_path,
    "the warning about permissions": _permission_warning,
}

JSON_VIEWS: dict[str, Callable[[Scene], str]] = {
    "today --plan with a hostile pack": lambda s: (
        run_cli("today", "--plan", "--pack", "hostile").out
    ),
    "prompts show --format json": lambda s: (
        run_cli("prompts", "show", "hostile", "--format", "json").out
    ),
    "doctor --format json": lambda s: s.cli("doctor", "--format", "json").out,
}


def assert_inert(output: str) -> None:
    assert output.strip(), "the view showed nothing"
    assert not FORBIDDEN.findall(output), FORBIDDEN.findall(output)
    # The markup is shown as it was written (Rich would have eaten the tags).
    flat = "".join(output.split())
    assert MARKUP in flat or PATH_MARKUP in flat


@pytest.mark.parametrize("view", TEXT_VIEWS)
def test_hostile_text_is_shown_inert(scene: Scene, view: str) -> None:
    assert_inert(TEXT_VIEWS[view](scene))


def strings_in(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings_in(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings_in(value)]
    return []


@pytest.mark.parametrize("view", JSON_VIEWS)
def test_hostile_text_is_escaped_in_json_and_kept_exactly(scene: Scene, view: str) -> None:
    output = JSON_VIEWS[view](scene)
    assert not FORBIDDEN.findall(output)
    found = strings_in(json.loads(output))
    assert any(HOSTILE in text or HOSTILE_NAME in text for text in found)


def test_questions_drawn_at_the_terminal_are_inert(scene: Scene) -> None:
    """A downloaded pack's wording reaches the terminal through questionary, not Rich."""
    screen = io.StringIO()
    result = run_cli_with_keys(
        "today",
        "--pack",
        "hostile",
        keys="1" + ENTER + "words" + ENTER + "x" + ENTER,
        screen=screen,
    )
    assert result.code == 0, result.err
    drawn = screen.getvalue()
    assert "Rate [red]R[/red]" in drawn
    # prompt_toolkit draws with its own CSI sequences; nothing else may get through.
    payloads = ("\x1b]", "\x07", "\x9b", "\x9d", "\x85", "\u202e", "\u2066", "\u200f")
    assert not [p for p in payloads if p in drawn]


def test_hostile_answers_are_kept_exactly_as_written(scene: Scene) -> None:
    from selfcompassion.store import JournalStore

    with JournalStore.open(scene.db) as store:
        (entry,) = [e for e in store.entries_on(store_day(scene))]
        assert entry.answer("intention").value == HOSTILE.strip()
        assert "calm" in entry.tags


def store_day(scene: Scene) -> Any:
    from datetime import date

    return date.fromisoformat(json.loads(run_cli("today", "--plan").out)["date"])
