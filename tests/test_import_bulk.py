"""An import lands with its triggers set aside and does their work once per step
(``store/bulkland.py``): the journal it leaves is the one the triggers leave when the same
entries are added one at a time, oldest first.

Two journals start alike (entries on scattered days, sync switched on) and take the same
file: one imports it, landed in several small steps, the other adds its records one by
one with every trigger firing for every row. Their search documents and results, runs of
days, streaks, the order of a day's entries, sync's outbox and every table must then be
the same.
"""

from __future__ import annotations

import json
import random
import shutil
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from selfcompassion.errors import StorageError
from selfcompassion.portability.reading import read_document
from selfcompassion.portability.schema import header
from selfcompassion.portability.stream import JsonStream
from selfcompassion.portability.transfer import import_journal
from selfcompassion.store import Answer, EntryFilter, JournalStore, bulkland
from selfcompassion.store import importing as landing

START = date(2026, 1, 1)
WORDS = ("lighthouse", "river", "kind", "tired", "garden", "letter", "rain", "morning")
#: Days that already have entries: runs the import's days fall inside, beside and between.
HELD_DAYS = (0, 1, 2, 6, 9, 10, 11, 20, 40)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _record(rng: random.Random, day: int, hour: int) -> dict[str, Any]:
    moment = datetime(2026, 1, 1, hour, tzinfo=UTC) + timedelta(days=day)
    stamp = moment.isoformat()
    texts = [" ".join(rng.choices(WORDS, k=6)) for _ in range(rng.randint(0, 3))]
    record: dict[str, Any] = {
        "id": _uuid(rng),
        "kind": rng.choice(("daily", "reframe", "checkin")),
        "journal_date": stamp[:10],
        "created_at": stamp,
        "updated_at": stamp,
        "pack": "daily",
        "tags": sorted(rng.sample(("walk", "work", "garden"), rng.randint(0, 2))),
        "answers": [
            {"step_id": f"s{n}", "kind": "long_text", "prompt": f"About {WORDS[n]}?",
             "theme": None, "value": text, "text": text}
            for n, text in enumerate(texts)
        ],
    }  # fmt: skip
    if rng.random() < 0.3:
        record["traps"] = [{"trap_id": "all-or-nothing", "phrase": "always"}]
    if rng.random() < 0.3:
        record["commitments"] = [
            {"id": _uuid(rng), "text": "Rest", "due_date": stamp[:10], "status": "open",
             "note": None, "created_at": stamp, "updated_at": stamp, "closed_date": None}
        ]  # fmt: skip
    if rng.random() < 0.2:
        record["checkin_scores"] = {
            "total": 3.5, "self_kindness": 3, "common_humanity": None, "mindfulness": 4.25
        }  # fmt: skip
    return record


def _base(path: Path) -> str:
    """A journal with entries on HELD_DAYS and sync switched on; the id of one entry."""
    with JournalStore.open(path) as store:
        ids = [
            store.add_entry(
                kind="daily",
                journal_date=START + timedelta(days=day),
                answers=[
                    Answer("s0", "long_text", "About it?", "a river walk", text="a river walk")
                ],
                now=datetime(2026, 1, 1, 8, tzinfo=UTC) + timedelta(days=day),
                tags=("walk",),
            ).id
            for day in HELD_DAYS
        ]
        store.device_id()
    return ids[0]


def _document(tmp_path: Path, held: str) -> Path:
    rng = random.Random(18)
    days = [*range(0, 60), 90, 91, 93, 200]
    records = [_record(rng, rng.choice(days), rng.randint(0, 23)) for _ in range(150)]
    records += [_record(rng, 3, 12), _record(rng, 3, 12)]  # same day, same time
    with JournalStore.open(tmp_path / "a.db") as store:  # one entry the journal holds
        (held_record,) = [
            r for batch in store.iter_records(EntryFilter()) for r in batch if r.entry.id == held
        ]
    from selfcompassion.portability.schema import record_to_json

    records.insert(40, record_to_json(held_record))
    path = tmp_path / "import.json"
    path.write_text(json.dumps({**header("2026-11-20T10:00:00+00:00", len(records)),
                                "entries": records}), encoding="utf-8")  # fmt: skip
    return path


def _state(path: Path) -> dict[str, Any]:
    with JournalStore.open(path) as store:
        conn = store.conn
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'search_index_%' AND name != '_sqlite_migrations' ORDER BY name"
            )
        ]
        state: dict[str, Any] = {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()  # noqa: S608
            for table in tables
            if table != "search_index"
        }
        state["search_index"] = conn.execute(
            "SELECT rowid, prompts, answers FROM search_index ORDER BY rowid"
        ).fetchall()
        state["days"] = [
            [entry.id for entry in store.entries_on(START + timedelta(days=n))] for n in range(210)
        ]
        state["triggers"] = conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        state["found"] = {
            word: [
                (hit.entry.id, hit.snippet) for hit in store.search(word, EntryFilter(), 20).hits
            ]
            for word in WORDS
        }
        state["streaks"] = [store.streak(START + timedelta(days=n)) for n in range(0, 210, 3)]
        state["outbox"] = store.sync_outbox()
    return state


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(landing, "FIRST_CHUNK", 17)
    monkeypatch.setattr(landing, "MIN_CHUNK", 17)
    monkeypatch.setattr(landing, "MAX_CHUNK", 17)


def _import_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, stop_at: int) -> Any:
    """Import the same file into two alike journals, the bulk way into a.db and with the
    triggers firing into b.db, stopping with an error in step ``stop_at``; the states
    before and after, and the errors."""
    held = _base(tmp_path / "a.db")
    shutil.copyfile(tmp_path / "a.db", tmp_path / "b.db")
    source = _document(tmp_path, held)
    before = _state(tmp_path / "a.db")
    real = landing.ImportQueries._land_chunk

    def step(self: Any, conn: Any, import_id: str, first: int, last: int) -> int:
        added = real(self, conn, import_id, first, last)
        if first > (stop_at - 1) * 17:
            raise OSError("disk full")
        return added

    monkeypatch.setattr(landing.ImportQueries, "_land_chunk", step)
    results = []
    for name in ("a.db", "b.db"):
        if name == "b.db":
            monkeypatch.setattr(bulkland, "set_aside", lambda conn: [])
        with JournalStore.open(tmp_path / name) as store:
            try:
                results.append(import_journal(store, str(source)))
            except StorageError as error:
                results.append(str(error).split(": ")[1].split(";")[0])
    return before, _state(tmp_path / "a.db"), _state(tmp_path / "b.db"), results


@pytest.mark.usefixtures("small_steps")
def test_a_bulk_import_leaves_what_adding_one_at_a_time_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = _base(tmp_path / "a.db")
    shutil.copyfile(tmp_path / "a.db", tmp_path / "b.db")
    source = _document(tmp_path, held)
    before = _state(tmp_path / "a.db")
    with JournalStore.open(tmp_path / "a.db") as store:
        bulk = import_journal(store, str(source))

    monkeypatch.setattr(bulkland, "set_aside", lambda conn: [])
    with source.open("rb") as stream:
        records = list(read_document(JsonStream(stream.read, limit=1 << 30, too_large=""), print))
    records.sort(key=lambda r: (r.entry.journal_date, r.entry.created_at, r.entry.id))
    with JournalStore.open(tmp_path / "b.db") as store:
        added = sum(store.add_records([record]) for record in records)

    assert (bulk.added, bulk.skipped) == (added, 1) == (152, 1)
    after, expected = _state(tmp_path / "a.db"), _state(tmp_path / "b.db")
    assert after == expected
    # Not two ways of doing nothing: the import changed what the triggers keep.
    assert after["triggers"] == before["triggers"]
    for derived in ("day_runs", "search_docs", "outbox", "found", "streaks"):
        assert after[derived] != before[derived], derived
    assert len(after["day_runs"]) > 3 and max(after["streaks"]) > 10
    assert max(len(ids) for ids in after["days"]) > 5


@pytest.mark.usefixtures("small_steps")
def test_an_import_that_stops_leaves_what_the_triggers_leave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taken out again after three steps, with the triggers in place."""
    before, after, expected, results = _import_both(tmp_path, monkeypatch, stop_at=3)
    assert results == ["disk full", "disk full"]
    assert after == expected
    for table in ("entries", "day_runs", "search_docs", "search_index", "triggers", "found"):
        assert after[table] == before[table], table
