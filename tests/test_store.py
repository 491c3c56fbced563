"""The store on a real SQLite file: permissions, migrations, transactions, refusals."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import fixed_clock
from selfcompassion.errors import InputError, StorageError
from selfcompassion.store import Answer, Draft, JournalStore
from selfcompassion.store.migrations import MIGRATION_SET, latest_version

DAY = date(2026, 11, 20)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _save(store: JournalStore, day: date = DAY, text: str = "steady") -> str:
    entry = store.add_entry(
        kind="daily",
        journal_date=day,
        answers=[Answer("present", "text", "What is here?", text, None, text)],
        now=fixed_clock(day)(),
    )
    return entry.id


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_new_journal_is_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "fresh" / "deeper" / "journal.db"
    old = os.umask(umask)
    try:
        with JournalStore.open(path) as store:
            _save(store)
    finally:
        os.umask(old)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _mode(path.parent.parent) == 0o700


def test_existing_parent_folder_is_left_as_it_is(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    with JournalStore.open(tmp_path / "journal.db"):
        pass
    assert _mode(tmp_path) == 0o755
    assert _mode(tmp_path / "journal.db") == 0o600


def test_migrations_are_recorded_and_schema_is_current(store: JournalStore) -> None:
    rows = store.conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
        [MIGRATION_SET],
    ).fetchall()
    assert [name for (name,) in rows][0] == "0001_entries_answers_tags_drafts"
    assert store.schema_version() == latest_version() == len(rows)
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"entries", "answers", "tags", "drafts", "commitments"} <= tables
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    with JournalStore.open(db_path) as store:
        entry_id = _save(store)
    with JournalStore.open(db_path) as store:
        assert store.schema_version() == latest_version()
        assert store.get_entry(entry_id) is not None
    assert not list(db_path.parent.glob("*.before-upgrade-*"))


def test_entry_round_trip_keeps_prompt_text_values_and_tags(store: JournalStore) -> None:
    answers = [
        Answer("mood", "scale", "How light do you feel?", 4, "check-in", "4"),
        Answer("p1", "long_text", "What went well?", "The demo #work", "effort", "The demo #work"),
        Answer("feel", "intensities", "Feelings", {"tired": 40}, None, "tired 40"),
    ]
    entry = store.add_entry(
        kind="daily", journal_date=DAY, answers=answers, now=fixed_clock(DAY)(), tags=["work"]
    )
    loaded = store.get_entry(entry.id)
    assert loaded is not None
    assert loaded.journal_date == DAY
    assert loaded.created_at.endswith("+01:00")
    assert [a.prompt for a in loaded.answers] == [a.prompt for a in answers]
    assert loaded.answer("mood").value == 4
    assert loaded.answer("feel").value == {"tired": 40}
    assert loaded.tags == ("work",)
    assert store.get_entry(entry.id[:8]).id == entry.id
    number = store.conn.execute(
        "SELECT number FROM answers WHERE entry_id = ? AND step_id = 'mood'", [entry.id]
    ).fetchone()[0]
    assert number == 4.0


def test_an_entry_is_all_or_nothing(store: JournalStore) -> None:
    broken = [
        Answer("a", "text", "First", "one", None, "one"),
        Answer("b", "text", "Second", object(), None, "two"),  # cannot be stored as JSON
    ]
    with pytest.raises(TypeError):
        store.add_entry(kind="daily", journal_date=DAY, answers=broken, now=fixed_clock(DAY)())
    assert store.count_entries() == 0
    assert store.conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    assert not store.conn.in_transaction


def test_naive_timestamps_are_refused(store: JournalStore) -> None:
    from datetime import datetime

    with pytest.raises(ValueError):
        store.add_entry(kind="daily", journal_date=DAY, answers=[], now=datetime(2026, 1, 1))


def test_streak_counts_back_from_today_or_yesterday(store: JournalStore) -> None:
    for offset in (0, 1, 2, 4):
        _save(store, DAY - timedelta(days=offset))
    _save(store, DAY)  # two entries on one day count once
    assert store.streak(DAY) == 3
    assert store.streak(DAY + timedelta(days=1)) == 3  # today not written yet
    assert store.streak(DAY + timedelta(days=2)) == 0
    assert store.streak(DAY - timedelta(days=4)) == 1


def test_streak_crosses_month_and_year_ends(store: JournalStore) -> None:
    for day in (date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2)):
        _save(store, day)
    assert store.streak(date(2026, 1, 2)) == 4


def test_drafts_are_saved_replaced_and_cleared_with_the_entry(store: JournalStore) -> None:
    clock = fixed_clock(DAY)
    store.save_draft(Draft("today", DAY, "daily", {"mood": 3}), clock())
    store.save_draft(Draft("today", DAY, "daily", {"mood": 3, "present": "calm"}), clock())
    draft = store.load_draft("today")
    assert draft is not None and draft.answers == {"mood": 3, "present": "calm"}
    store.add_entry(kind="daily", journal_date=DAY, answers=[], now=clock(), clear_draft="today")
    assert store.load_draft("today") is None


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my shopping list\n" * 100)
    path.chmod(0o644)
    before = _digest(path)
    with pytest.raises(StorageError, match="not a journal"):
        JournalStore.open(path)
    assert _digest(path) == before
    assert _mode(path) == 0o644


def test_another_apps_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StorageError, match="not a selfcompassion journal"):
        JournalStore.open(path)
    assert _digest(path) == before


def test_a_truncated_journal_gives_a_clear_error(db_path: Path) -> None:
    with JournalStore.open(db_path) as store:
        for offset in range(30):
            _save(store, DAY - timedelta(days=offset), "x" * 2000)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    before = _digest(db_path)
    with pytest.raises(StorageError) as raised, JournalStore.open(db_path) as store:
        store.entries_on(DAY)
        store.count_entries()
        for offset in range(30):
            store.entries_on(DAY - timedelta(days=offset))
    assert str(db_path) in raised.value.message
    assert _digest(db_path) == before


def test_a_folder_in_place_of_the_journal_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder"):
        JournalStore.open(tmp_path)


def test_upgrade_from_version_one_writes_a_backup_first(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from selfcompassion.store.migrations import migrations

    path = tmp_path / "old.db"
    JournalStore.open(path).close()  # a current journal, then cut back to version 1
    path.unlink()
    conn = sqlite3.connect(path)
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before="0002_reframes_and_commitments")
    conn.execute(
        "INSERT INTO entries VALUES ('e1', 'daily', '2026-11-01', "
        "'2026-11-01T21:00:00+01:00', '2026-11-01T21:00:00+01:00', 'daily')"
    )
    conn.commit()
    conn.close()
    with JournalStore.open(path) as store:
        assert store.schema_version() == latest_version()
        assert store.get_entry("e1") is not None
    backups = list(tmp_path.glob("old.db.before-upgrade-v1-*"))
    assert len(backups) == 1
    assert _mode(backups[0]) == 0o600
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
    copy.close()


def test_backup_is_a_consistent_private_copy(store: JournalStore, tmp_path: Path) -> None:
    _save(store)
    target = store.backup(tmp_path / "copies" / "copy.db")
    assert _mode(target) == 0o600
    with JournalStore.open(target) as copy:
        assert copy.count_entries() == 1
    with pytest.raises(InputError, match="never written over"):
        store.backup(target, force=True)


def test_switching_a_new_journal_to_wal_waits_for_another_opener(tmp_path: Path) -> None:
    """Two processes opening a new journal at once: the switch to WAL finds the file busy
    for a moment, and SQLite does not wait for that by itself."""
    import threading

    path = tmp_path / "journal.db"
    path.touch(mode=0o600)
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN IMMEDIATE")  # another process, part-way into creating it
    threading.Timer(0.2, lambda: reader.execute("COMMIT")).start()
    with JournalStore.open(path) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reader.close()
