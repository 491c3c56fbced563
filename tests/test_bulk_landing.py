"""An import's landing, with the insert triggers set aside and their work done in set form
(``store/landing.py``), leaves every table exactly as the triggers fired row by row do:
the search index (documents, their numbers and what a search finds), the runs of days,
the day tables and sync's outbox, into an empty journal and into one that already has
entries on the same and neighbouring days."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from selfcompassion.store import Answer, Entry, EntryRecord, JournalStore, importing, landing
from selfcompassion.store.portability import CHECKIN_COLUMNS, REFRAME_COLUMNS

BASE = date(2025, 12, 20)
WORDS = ("harbour", "kettle", "lantern", "quiet", "walk", "sister", "rain", "garden", "tired")
#: Every table a landing writes to or derives, with an order that makes its rows comparable.
TABLES = {
    "entries": "id",
    "answers": "entry_id, position",
    "tags": "entry_id, tag",
    "reframe_scores": "entry_id",
    "checkin_scores": "entry_id",
    "entry_traps": "entry_id, trap_id",
    "commitments": "id",
    "search_docs": "doc",
    "day_runs": "first",
    "journal_days": "day",
    "day_answers": "day, step_id, kind, theme",
    "sync_outbox": "kind, key",
    "bulk_loading": "loading",
    "imports_landing": "import_id",
    "imported_entries_landing": "entry_id",
}
REFRAME = dict(zip(REFRAME_COLUMNS, (80.0, 42.5, 70, 40, None, None, 60), strict=True))
CHECKIN = dict(zip(CHECKIN_COLUMNS, (3.5, 3.0, None, 4.25), strict=True))
SEARCHES = ("harbour", "kettle lantern", "quiet OR rain", "prompts:heavy", "walk*", "tired")


def _answers(rng: random.Random) -> tuple[Answer, ...]:
    mood = rng.choice([1, 2, 3, 4, 5])
    said = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))
    return (
        Answer("mood", "scale", "How heavy does today feel?", mood, "check-in", str(mood)),
        Answer("present", "text", "What is here for you?", said, None, said),
        Answer("small-win", "long_text", "What went well?", said[::-1], "wins", said[::-1]),
    )[: rng.randint(0, 3)]


def records(count: int, days: list[int], seed: int) -> list[EntryRecord]:
    """``count`` records on days chosen from ``days`` (offsets from BASE), some with
    scores, thinking traps and commitments."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        day = BASE + timedelta(days=rng.choice(days))
        stamp = f"{day.isoformat()}T{rng.randint(0, 23):02d}:{number % 60:02d}:00+01:00"
        entry = Entry(
            str(uuid.UUID(int=rng.getrandbits(128))),
            rng.choice(["daily", "reframe", "checkin"]),
            day,
            stamp,
            stamp,
            "daily",
            _answers(rng),
            tuple(sorted(rng.sample(["work", "home", "rest"], rng.randint(0, 2)))),
        )
        record = EntryRecord(entry)
        if entry.kind == "reframe":
            record = EntryRecord(
                entry,
                reframe_scores=REFRAME,
                traps=({"trap_id": "all-or-nothing", "phrase": "always"},),
                commitments=tuple(
                    {
                        "id": str(uuid.UUID(int=rng.getrandbits(128))),
                        "text": "a short walk",
                        "due_date": day.isoformat(),
                        "status": "open",
                        "note": None,
                        "created_at": stamp,
                        "updated_at": stamp,
                        "closed_date": None,
                    }
                    for _ in range(rng.randint(0, 2))
                ),
            )
        elif entry.kind == "checkin":
            record = EntryRecord(
                entry,
                checkin_scores=CHECKIN,
            )
        made.append(record)
    return made


@contextlib.contextmanager
def _triggers_fire(conn: object) -> Iterator[landing.Before]:
    """The landing as it was: the insert triggers do the work, row by row."""
    yield landing.Before(0, 0)


def add_one(store: JournalStore, offset: int) -> Entry:
    """One entry saved the ordinary way, on the day ``offset`` days after BASE."""
    answers = _answers(random.Random(offset)) or _answers(random.Random(offset + 1))
    return store.add_entry(
        kind="daily",
        journal_date=BASE + timedelta(days=offset),
        answers=answers,
        now=datetime(2026, 1, 1, 9, tzinfo=UTC),
        tags=["rest"],
    )


def table_rows(store: JournalStore) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()  # noqa: S608
        for table, order in TABLES.items()
    }


def search_results(store: JournalStore) -> dict[str, list[tuple[object, ...]]]:
    found = {}
    for query in SEARCHES:
        found[query] = store.conn.execute(
            "SELECT d.entry_id, search_index.prompts, search_index.answers FROM search_index "
            "JOIN search_docs d ON d.doc = search_index.rowid "
            "WHERE search_index MATCH ? ORDER BY rank, d.entry_id",
            [query],
        ).fetchall()
    return found


def build(
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    row_by_row: bool,
    sync: bool,
) -> JournalStore:
    """A journal with some entries, then an import of many more landed in several steps."""
    store = JournalStore.open(path)
    if sync:
        store.device_id()
    store.add_records(records(12, [0, 1, 5, 9, 10, 30], seed=1))
    with monkeypatch.context() as patched:
        patched.setattr(importing, "FIRST_CHUNK", 40)
        patched.setattr(importing, "MAX_CHUNK", 40)
        if row_by_row:
            patched.setattr(landing, "triggers_aside", _triggers_fire)
        store.add_records(records(150, [-3, -1, 2, 3, 4, 6, 8, 11, 12, 20, 29, 31, 40], seed=2))
        store.add_records(records(30, [7, 13, 14, 15, 19], seed=3))
    return store


@pytest.mark.parametrize("sync", [False, True], ids=["no sync", "sync set up"])
def test_a_landing_in_set_form_leaves_what_row_triggers_leave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sync: bool
) -> None:
    """Search documents made as records are staged index the same text as the triggers."""
    fast = build(tmp_path / "fast.db", monkeypatch, row_by_row=False, sync=sync)
    slow = build(tmp_path / "slow.db", monkeypatch, row_by_row=True, sync=sync)
    with fast, slow:
        fast_rows, slow_rows = table_rows(fast), table_rows(slow)
        assert fast_rows["entries"] and fast_rows["commitments"] and fast_rows["day_runs"]
        assert bool(fast_rows["sync_outbox"]) == sync
        for table in TABLES:
            assert fast_rows[table] == slow_rows[table], table
        assert fast_rows["bulk_loading"] == []
        assert search_results(fast) == search_results(slow)
        assert search_results(fast)["harbour"]
        for store in (fast, slow):
            store.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
        assert fast.integrity_problems() == []


def test_writes_outside_a_landing_still_fire_the_triggers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with build(tmp_path / "j.db", monkeypatch, row_by_row=False, sync=True) as store:
        entry = add_one(store, 100)
        day = entry.journal_date.isoformat()
        assert store.conn.execute(
            "SELECT first, last, length FROM day_runs WHERE first = ?", [day]
        ).fetchone() == (day, day, 1)
        assert store.conn.execute(
            "SELECT edits FROM sync_outbox WHERE key = ?", [entry.id]
        ).fetchone()[0] == 1 + len(entry.answers) + len(entry.tags)


def test_a_landing_that_fails_leaves_no_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails part-way rolls back its mark with everything else: the next
    write fires its triggers as usual."""
    with JournalStore.open(tmp_path / "j.db") as store:

        def failing(*args: object) -> None:
            raise RuntimeError("disk I/O error")

        monkeypatch.setattr(importing.landing, "derive", failing)
        with pytest.raises(Exception, match="I/O"):
            store.add_records(records(5, [0, 1], seed=4))
        monkeypatch.undo()
        assert store.conn.execute("SELECT count(*) FROM bulk_loading").fetchone()[0] == 0
        assert store.count_entries() == 0
        add_one(store, 3)
        assert store.conn.execute("SELECT count(*) FROM day_runs").fetchone()[0] == 1
        assert store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 1


def test_a_write_from_another_connection_during_a_landing_step_keeps_its_triggers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection opens the journal and saves an entry while a step holds its
    mark: it sees no mark and no change of schema, waits for the step to commit, then
    its own insert triggers fire (search, runs of days, day tables, sync's outbox)."""
    path = tmp_path / "j.db"
    store = JournalStore.open(path)
    store.device_id()
    real = landing.derive
    seen: dict[str, object] = {}
    saved: list[Entry] = []

    def save_beside() -> None:
        with JournalStore.open(path) as other:
            saved.append(add_one(other, 100))

    def derive_with_a_writer_waiting(conn: object, before: landing.Before) -> None:
        if "marks seen" not in seen:
            assert store.conn.execute("SELECT count(*) FROM bulk_loading").fetchone()[0] == 1
            reader = sqlite3.connect(path)
            try:
                marks = reader.execute("SELECT count(*) FROM bulk_loading").fetchone()[0]
                seen["marks seen"] = marks
            finally:
                reader.close()
            writer = threading.Thread(target=save_beside)
            writer.start()
            time.sleep(0.5)
            seen["waited"] = writer.is_alive()  # the step still holds the write lock
            seen["writer"] = writer
        real(conn, before)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(importing, "FIRST_CHUNK", 40)
        patched.setattr(importing, "MAX_CHUNK", 40)
        patched.setattr(landing, "derive", derive_with_a_writer_waiting)
        store.add_records(records(120, [0, 1, 2, 5, 9], seed=5))
    writer = seen["writer"]
    assert isinstance(writer, threading.Thread)
    writer.join(timeout=60)
    assert seen["marks seen"] == 0 and seen["waited"] is True
    assert saved, "the other connection's write failed"
    entry = saved[0]
    day = entry.journal_date.isoformat()
    with store:
        conn = store.conn
        assert store.count_entries() == 121
        assert conn.execute("SELECT count(*) FROM bulk_loading").fetchone()[0] == 0
        assert conn.execute(
            "SELECT first, last, length FROM day_runs WHERE first = ?", [day]
        ).fetchone() == (day, day, 1)
        days = conn.execute("SELECT entries FROM journal_days WHERE day = ?", [day])
        assert days.fetchone() == (1,)
        counted = conn.execute("SELECT sum(written + rated) FROM day_answers WHERE day = ?", [day])
        assert counted.fetchone()[0] >= len(entry.answers) > 0
        assert conn.execute("SELECT edits FROM sync_outbox WHERE key = ?", [entry.id]).fetchone()[
            0
        ] == 1 + len(entry.answers) + len(entry.tags)
        assert (
            conn.execute(
                "SELECT count(*) FROM search_docs WHERE entry_id = ?", [entry.id]
            ).fetchone()[0]
            == 1
        )
        assert conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 121
