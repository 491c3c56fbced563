"""A journal large enough that exporting or backing it up takes a moment, so a test can
stop the command half-way (built once per module: a bulk load of a few thousand entries)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from selfcompassion.store import Answer, Entry, JournalStore

STAMP = "2026-11-20T21:00:00+01:00"


def make_large_journal(path: Path, words: str, count: int = 6000) -> Path:
    """``count`` entries, each holding ``words``, its number and some filler."""

    def entries() -> Iterator[Entry]:
        for number in range(count):
            text = f"{words} {number} " + "more private words " * 20
            answer = Answer("present", "text", "What is here?", text, None, text)
            day = date(2026, 11, 20) - timedelta(days=number % 2000)
            yield Entry(f"e-{number:06d}", "daily", day, STAMP, STAMP, "daily", (answer,))

    with JournalStore.open(path) as store:
        store.bulk_load(entries())
    return path
