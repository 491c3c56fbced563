"""Shared fixtures: every test gets its own home and journal in a temp dir."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from cli_run import TZ, CliResult, Journal, fixed_clock, run_cli
from selfcompassion.store import JournalStore

__all__ = ["JOURNAL", "TZ", "CliResult", "fill_plan", "fixed_clock", "run_cli", "write_json"]

JOURNAL = Path(sys.executable).parent / "journal"

# The property tests draw the same examples on every run, so a run is red or green for the
# code, not for the draw: what the suite says can be said again. HYPOTHESIS_PROFILE=explore
# draws new examples each run (and keeps failing ones in .hypothesis/), for looking harder.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the per-user folders at a temp dir so no test can touch a real home."""
    home = tmp_path / "home"
    monkeypatch.setenv("SELFCOMPASSION_HOME", str(home))
    monkeypatch.delenv("SELFCOMPASSION_DB", raising=False)
    for name in (
        "SELFCOMPASSION_PASSPHRASE",
        "SELFCOMPASSION_PASSPHRASE_COMMAND",
        "SELFCOMPASSION_NEW_PASSPHRASE",
    ):
        monkeypatch.delenv(name, raising=False)
    # No test may reach a real keyring; the keyring tests install their own backend.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    from selfcompassion.commands.context import OPTIONS

    monkeypatch.setattr(OPTIONS, "db", None)
    monkeypatch.setattr(OPTIONS, "debug", False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[JournalStore]:
    with JournalStore.open(db_path) as opened:
        yield opened


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Journal:
    """The command line, run in this process on this test's journal (see cli_run.Journal)."""
    return Journal(tmp_path, monkeypatch)


def fill_plan(plan: dict[str, Any], text: str = "a few honest words") -> dict[str, Any]:
    """Answers for every step of a ``--plan``: a middle rating for scales, text otherwise."""
    answers: dict[str, Any] = {}
    for step in plan["steps"]:
        if step["kind"] == "scale":
            answers[step["id"]] = (step["min"] + step["max"]) // 2
        elif step["kind"] in ("text", "long_text"):
            answers[step["id"]] = f"{text} ({step['id']})"
    return answers


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
