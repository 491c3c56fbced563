"""Helpers for the browse and portability tests: make entries, with hostile text too."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from selfcompassion.store import Answer, Entry, JournalStore

TZ = timezone(timedelta(hours=1))
HOSTILE = "[red]alarm[/red] \x1b]52;c;aGVsbG8=\x07 \x1b[2J \x9b31m end"


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
