"""Helpers for the browse and portability tests: run the CLI in process, make entries."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from selfcompassion.store import Answer, Entry, JournalStore

TZ = timezone(timedelta(hours=1))
HOSTILE = "[red]alarm[/red] \x1b]52;c;aGVsbG8=\x07 \x1b[2J \x9b31m end"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_journal(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    *args: str,
    stdin: bytes | None = None,
) -> Result:
    """Run ``journal --db DB ARGS`` through the real exit point, in this process."""
    from selfcompassion.cli import main

    monkeypatch.setattr(sys, "argv", ["journal", "--db", str(db_path), *args])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return Result(code, out, err)


def written(step_id: str, text: str, *, kind: str = "long_text", prompt: str = "") -> Answer:
    return Answer(step_id, kind, prompt or f"What about {step_id}?", text, None, text)


def add(
    store: JournalStore,
    day: date,
    *texts: str,
    kind: str = "daily",
    tags: tuple[str, ...] = (),
    hour: int = 21,
    extra: tuple[Answer, ...] = (),
) -> Entry:
    answers = [written(f"step-{i}", text) for i, text in enumerate(texts)]
    return store.add_entry(
        kind=kind,
        journal_date=day,
        answers=[*extra, *answers],
        now=datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ),
        pack="daily" if kind == "daily" else None,
        tags=tags,
    )


def rating(step_id: str, value: int) -> Any:
    return Answer(step_id, "scale", f"How is {step_id}?", value, "check-in", str(value))
