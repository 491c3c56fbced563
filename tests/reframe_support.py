"""Helpers shared by the reframe, commitment and trap tests: running the CLI in process on a
fixed day, a complete set of reframe answers, and keys for driving questionary."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import fixed_clock

#: A reframe that a person might write after a rough presentation. The critic's words hold
#: three traps the detector finds: labelling, overgeneralising and mind-reading.
REFRAME_ANSWERS: dict[str, Any] = {
    "happened": "I presented the quarterly figures and one slide had last month's numbers. "
    "My manager pointed it out in front of the team. #presenting",
    "emotions": {"embarrassed": 80, "anxious": 60, "exposed": 40},
    "critic": "I'm such an idiot. I always mess up the important things and "
    "everyone thinks I'm useless.",
    "belief": 85,
    "naming": "This is an uncomfortable moment and I feel exposed.",
    "evidence_for": "One slide had the wrong month's numbers and it was noticed in public.",
    "evidence_against": "The other eleven slides were right and two people thanked me after.",
    "balanced": "I made one slip in a careful piece of work, and I can catch it next time.",
    "balanced_belief": 60,
    "shared": "Anyone who presents figures has had a wrong slide at some point.",
    "kind_words": "One wrong slide does not undo months of careful work.",
    "control": "The late data was not mine to fix; checking the slides was.",
    "next_step": "Add a slide check to my preparation list",
    "next_due": "friday",
    "emotions_after": {"embarrassed": 50, "anxious": 30},
    "belief_after": 40,
}

#: Friday of the week the tests write in, and the Wednesday before it.
WEDNESDAY = date(2026, 11, 18)
FRIDAY = date(2026, 11, 20)


@dataclass
class Result:
    code: int
    out: str
    err: str


class Journal:
    """Runs ``journal ...`` in process, through ``cli.main`` (the one exit point), on a
    chosen day."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path) -> None:
        self.monkeypatch = monkeypatch
        self.capsys = capsys
        self.tmp_path = tmp_path
        self.db = tmp_path / "journal" / "journal.db"
        monkeypatch.setenv("SELFCOMPASSION_DB", str(self.db))

    def answers_file(self, answers: dict[str, Any], name: str = "answers.json") -> str:
        path = self.tmp_path / name
        path.write_text(json.dumps(answers), encoding="utf-8")
        return str(path)

    def __call__(self, *args: str, day: date = WEDNESDAY) -> Result:
        from selfcompassion import cli
        from selfcompassion.commands import context as cli_support
        from selfcompassion.commands import today

        clock = fixed_clock(day)
        self.monkeypatch.setattr(cli_support, "now", clock)
        self.monkeypatch.setattr(today, "now", clock)
        self.monkeypatch.setattr(sys, "argv", ["journal", *args])
        self.capsys.readouterr()
        code = 0
        try:
            cli.main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def reframe(self, answers: dict[str, Any], *extra: str, day: date = WEDNESDAY) -> Result:
        return self("reframe", "--answers", self.answers_file(answers), *extra, day=day)


@pytest.fixture(name="journal")
def journal_fixture(monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path) -> Journal:
    """Import this into a test module to use the ``journal`` fixture there."""
    return Journal(monkeypatch, capsys, tmp_path)


# Keys for questionary, as a terminal sends them.
ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
