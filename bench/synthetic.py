"""Synthetic journals for the report benchmark, written with the project's own code.

Entries are made as ``journal today`` makes them (the daily pack's steps and rotating
prompts for each day, ``build_answers``) and saved with the store's ``bulk_load``, all in
one transaction; reframes get intensities, thinking traps and a commitment each.

    python bench/synthetic.py ten-years PATH [--years 10] [--reframes 1500]
    python bench/synthetic.py 100k PATH [--years 10] [--count 100000]
    python bench/synthetic.py empty PATH

prints the entries written and the seconds it took. It runs as a process of its own so
that the benchmark, which measures the peak memory of the processes it starts, stays
small itself (a child started from a large parent inherits its peak on Linux).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from selfcompassion.flows.common import build_answers
from selfcompassion.flows.today import plan_today
from selfcompassion.packs.loader import Pack, load_pack
from selfcompassion.packs.steps import SCALE
from selfcompassion.store import Answer, Entry, JournalStore

TAGS = ("work", "family", "team", "health", "sleep", "one-on-one", "rest", "deadline")
TRAPS = (
    "all-or-nothing",
    "mind-reading",
    "catastrophising",
    "should-statements",
    "labelling",
    "fortune-telling",
    "discounting-the-positive",
    "personalising",
)
STATUSES = ("done",) * 10 + ("partly",) * 3 + ("let-go",) * 2 + ("open",) * 5
WORDS = [
    "The meeting ran long and I felt the old urge to fix everything at once",
    "I noticed it, took a breath and asked one question instead",
    "Tomorrow I would like to start with the hardest conversation and be gentle about it",
    "",
]


class Synth:
    """Makes entries the way the flows do, with a seeded random source."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.pack: Pack = load_pack("daily")
        self.serial = 0
        self.rows: dict[str, list[dict[str, Any]]] = {
            "reframe_scores": [],
            "entry_traps": [],
            "commitments": [],
        }

    def _id(self) -> str:
        self.serial += 1
        return f"{self.serial:08x}-0000-4000-8000-{self.rng.getrandbits(48):012x}"

    def _stamp(self, day: date) -> str:
        moment = datetime(day.year, day.month, day.day, tzinfo=timezone(timedelta(hours=1)))
        moment += timedelta(minutes=self.rng.randrange(6 * 60, 26 * 60))  # some after midnight
        return moment.isoformat(timespec="seconds")

    def _text(self) -> str:
        return ". ".join(self.rng.sample(WORDS, 2)) + "."

    def daily(self, day: date) -> Entry:
        steps = plan_today(self.pack, day).steps
        values = {
            step.id: self.rng.randint(step.min or 1, step.max or 5)
            if step.kind == SCALE
            else self._text()
            for step in steps
        }
        stamp = self._stamp(day)
        tags = self.rng.sample(TAGS, self.rng.choice((0, 0, 1, 2)))
        answers = tuple(build_answers(steps, values))
        return Entry(self._id(), "daily", day, stamp, stamp, self.pack.name, answers, tuple(tags))

    def reframe(self, day: date) -> Entry:
        stamp = self._stamp(day)
        entry = Entry(
            self._id(),
            "reframe",
            day,
            stamp,
            stamp,
            None,
            (
                Answer("situation", "long_text", "What happened?", self._text(), None, "-"),
                Answer("kinder-view", "long_text", "A kinder view?", self._text(), None, "-"),
            ),
            (),
        )
        before = self.rng.randint(40, 95)
        self.rows["reframe_scores"].append(
            {
                "entry_id": entry.id,
                "intensity_before": before,
                "intensity_after": max(0, before - self.rng.randint(0, 45)),
                "belief_before": self.rng.randint(40, 100),
                "belief_after": self.rng.randint(10, 80),
            }
        )
        for trap in self.rng.sample(TRAPS, self.rng.randint(1, 3)):
            self.rows["entry_traps"].append({"entry_id": entry.id, "trap_id": trap})
        due = day + timedelta(days=self.rng.randint(1, 14))
        status = self.rng.choice(STATUSES) if due < self.today else "open"
        closed = None if status == "open" else min(self.today, due + timedelta(days=1))
        self.rows["commitments"].append(
            {
                "id": self._id(),
                "entry_id": entry.id,
                "text": "One small step.",
                "due_date": due.isoformat(),
                "status": status,
                "created_at": stamp,
                "updated_at": stamp,
                "closed_date": closed.isoformat() if closed else None,
            }
        )
        return entry


def ten_years(synth: Synth, years: int, reframes: int) -> Iterator[Entry]:
    days = [synth.today - timedelta(days=n) for n in range(years * 365)][::-1]
    reframe_days = sorted(synth.rng.choices(days, k=reframes))
    for day in days:
        yield synth.daily(day)
        while reframe_days and reframe_days[0] == day:
            reframe_days.pop(0)
            yield synth.reframe(day)


def many_entries(synth: Synth, years: int, count: int) -> Iterator[Entry]:
    days = years * 365
    for n in range(count):
        day = synth.today - timedelta(days=days - 1 - n * days // count)
        yield synth.reframe(day) if n % 20 == 19 else synth.daily(day)


def build(path: Path, entries: Iterator[Entry], synth: Synth) -> tuple[int, float]:
    """Write a journal in one transaction; (entries, seconds). The reframe rows fill up
    while the entries are generated, and bulk_load writes them after the entries."""
    started = time.perf_counter()
    with JournalStore.open(path) as store:
        written = store.bulk_load(entries, synth.rows)
    return written, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic journal.")
    parser.add_argument("kind", choices=("empty", "ten-years", "100k"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--reframes", type=int, default=1500)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    synth = Synth(options.seed, date.today())
    if options.kind == "ten-years":
        entries: Iterator[Entry] = ten_years(synth, options.years, options.reframes)
    elif options.kind == "100k":
        entries = many_entries(synth, options.years, options.count)
    else:
        entries = iter(())
    written, seconds = build(options.path, entries, synth)
    print(written, f"{seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
