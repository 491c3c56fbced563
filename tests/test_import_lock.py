"""A long import keeps nobody waiting, and still lands whole or not at all.

Reported: during a 300,000-entry import (74 s) three ``journal today`` runs failed after
62 s with "busy", and ``journal import -`` held the lock while it waited for its input.
Now an import reads and checks everything before it takes the lock, then lands in short
transactions with pauses, listing what it landed so that a stopped import is taken out.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import JOURNAL
from selfcompassion.portability.schema import header
from selfcompassion.portability.transfer import import_journal
from selfcompassion.store import Answer, JournalStore
from selfcompassion.store import importing as landing


def export_record(number: int) -> dict[str, Any]:
    moment = (datetime(2020, 1, 1, 9, tzinfo=UTC) + timedelta(hours=number)).isoformat()
    text = f"Entry {number}: a slow morning, then a walk by the river."
    return {
        "id": str(uuid.UUID(int=number + 1, version=4)),
        "kind": "daily",
        "journal_date": moment[:10],
        "created_at": moment,
        "updated_at": moment,
        "pack": "daily",
        "tags": ["walk"],
        "answers": [
            {"step_id": "went-well", "kind": "long_text", "prompt": "What went well?",
             "theme": None, "value": text, "text": text},
        ],
    }  # fmt: skip


def export_text(count: int) -> str:
    document = {**header("2026-11-20T10:00:00+00:00", count), "entries": []}
    document["entries"] = [export_record(n) for n in range(count)]
    return json.dumps(document)


def save_one(db: Path, words: str) -> float:
    """Write one entry through a store of its own; how long it took."""
    started = time.perf_counter()
    with JournalStore.open(db) as store:
        store.add_entry(
            kind="daily",
            journal_date=date(2026, 11, 20),
            answers=[Answer("went-well", "long_text", "What went well?", words, text=words)],
            now=datetime(2026, 11, 20, 21, tzinfo=UTC),
        )
    return time.perf_counter() - started


def count(db: Path, table: str = "entries") -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
    finally:
        conn.close()


def test_import_from_standard_input_reads_it_all_before_taking_the_lock(
    db_path: Path, tmp_path: Path
) -> None:
    JournalStore.open(db_path).close()
    text = export_text(50).encode()
    env = {**os.environ, "SELFCOMPASSION_HOME": str(tmp_path / "home")}
    importer = subprocess.Popen(
        [str(JOURNAL), "--db", str(db_path), "import", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert importer.stdin is not None
    importer.stdin.write(text[: len(text) // 2])
    importer.stdin.flush()
    time.sleep(1.0)  # the importer is reading, waiting for the rest
    assert importer.poll() is None
    assert save_one(db_path, "written while the import waits") < 5.0
    importer.stdin.write(text[len(text) // 2 :])
    importer.stdin.close()
    assert importer.wait(timeout=60) == 0
    assert importer.stdout is not None and b"50 added" in importer.stdout.read()
    assert count(db_path) == 51


def test_a_day_s_entry_gets_in_while_a_long_import_lands(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small landing steps here, so that a short import lands in many of them."""
    monkeypatch.setattr(landing, "FIRST_CHUNK", 10)
    monkeypatch.setattr(landing, "MAX_CHUNK", 10)
    monkeypatch.setattr(landing, "HOLD_SECONDS", 0.05)
    source = tmp_path / "export.json"
    source.write_text(export_text(6_000), encoding="utf-8")
    JournalStore.open(db_path).close()
    results: list[Any] = []

    def run_import() -> None:
        with JournalStore.open(db_path) as store:
            results.append(import_journal(store, str(source)))

    worker = threading.Thread(target=run_import)
    worker.start()
    deadline = time.monotonic() + 60
    while count(db_path, "imports_landing") == 0:  # wait until landing has begun
        assert time.monotonic() < deadline and worker.is_alive()
        time.sleep(0.005)
    wait = save_one(db_path, "written during the import")
    still_landing = count(db_path, "imports_landing") == 1
    landed_meanwhile = count(db_path) - 1
    worker.join(timeout=120)
    assert results and results[0].added == 6_000
    assert still_landing, "the import ended before the test could write beside it"
    assert 0 < landed_meanwhile < 6_000  # the write went in between the import's steps
    assert wait < 5.0, wait  # a few seconds at most, on a busy machine too
    assert count(db_path) == 6_001
    assert count(db_path, "imported_entries_landing") == 0


def test_an_import_that_fails_while_landing_takes_its_entries_out(
    store: JournalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(landing, "FIRST_CHUNK", 10)
    monkeypatch.setattr(landing, "MIN_CHUNK", 10)
    monkeypatch.setattr(landing, "MAX_CHUNK", 10)
    source = tmp_path / "export.json"
    source.write_text(export_text(45), encoding="utf-8")
    real = landing.ImportQueries._land_chunk
    calls: list[int] = []

    def failing(self: Any, conn: sqlite3.Connection, import_id: str, first: int, last: int) -> int:
        calls.append(first)
        if first > 30:
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, conn, import_id, first, last)

    monkeypatch.setattr(landing.ImportQueries, "_land_chunk", failing)
    with pytest.raises(Exception, match="disk"):
        import_journal(store, str(source))
    assert calls == [1, 11, 21, 31]
    assert count(store.path) == 0
    assert count(store.path, "imports_landing") == 0
    assert store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 0


def test_an_import_killed_while_landing_is_taken_out_when_the_journal_next_opens(
    db_path: Path, tmp_path: Path
) -> None:
    save_one(db_path, "kept from before")
    source = tmp_path / "export.json"
    source.write_text(export_text(30_000), encoding="utf-8")
    env = {**os.environ, "SELFCOMPASSION_HOME": str(tmp_path / "home")}
    importer = subprocess.Popen(
        [str(JOURNAL), "--db", str(db_path), "import", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 120
    while count(db_path, "imported_entries_landing") == 0:
        assert time.monotonic() < deadline and importer.poll() is None
        time.sleep(0.005)
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    assert 1 < count(db_path) < 30_001  # part of the import had landed
    with JournalStore.open(db_path) as store:
        assert store.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
        assert store.conn.execute("SELECT count(*) FROM imports_landing").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 1
    with JournalStore.open(db_path) as store:  # and the file imports whole afterwards
        assert import_journal(store, str(source)).added == 30_000
