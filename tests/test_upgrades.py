"""A journal made by an earlier schema version upgrades itself, after writing a copy.

Every fixture in ``tests/fixtures`` (one per schema version, made by
``make_fixtures.py``) is opened with today's code: it must end at the latest version
with every row it had, and the copy written first must be the journal exactly as it was.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_run import Journal, digest, run_cli
from conftest import write_json
from fixtures.make_fixtures import fixture_path, fixture_versions, private_copy
from selfcompassion.errors import StorageError
from selfcompassion.store import JournalStore, migrations

Rows = dict[str, list[tuple[Any, ...]]]


def snapshot(db: Path) -> Rows:
    """Every row of every table, in a stable order (the migrations record aside)."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations' ORDER BY name"
            )
        ]
        return {
            table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)  # noqa: S608
            for table in tables
        }
    finally:
        conn.close()


def columns(db: Path, table: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    finally:
        conn.close()


def rows_as_of(db: Path, table: str, names: list[str]) -> list[tuple[Any, ...]]:
    """The table's rows limited to the columns an older version had."""
    conn = sqlite3.connect(db)
    try:
        shown = ", ".join(f'"{name}"' for name in names)
        return sorted(conn.execute(f'SELECT {shown} FROM "{table}"').fetchall(), key=repr)  # noqa: S608
    finally:
        conn.close()


def applied(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()


def old_journal(tmp_path: Path, version: int) -> Path:
    return private_copy(version, tmp_path / "journal" / "journal.db")


def test_every_schema_version_has_a_fixture() -> None:
    """Adding a migration means running make_fixtures.py once and committing its file."""
    expected = list(range(1, migrations.latest_version() + 1))
    assert fixture_versions() == expected, (
        "run: .venv/bin/python tests/fixtures/make_fixtures.py (and commit the new file)"
    )
    for version in expected:
        assert len(applied(fixture_path(version))) == version


@pytest.mark.parametrize("version", fixture_versions())
def test_an_old_journal_is_upgraded_after_a_copy_is_made(tmp_path: Path, version: int) -> None:
    db = old_journal(tmp_path, version)
    before = snapshot(db)
    before_digest = digest(db)
    latest = migrations.latest_version()

    with JournalStore.open(db) as store:
        assert store.schema_version() == latest
        copy = store.upgrade_backup
        assert store.integrity_problems() == []

    assert applied(db) == migrations.names()
    for table, rows in before.items():
        assert rows_as_of(db, table, columns(fixture_path(version), table)) == rows, table
    if version == latest:
        assert copy is None
        assert digest(db) == before_digest
        return
    assert copy is not None and copy.parent == db.parent
    assert copy.name.startswith(f"journal.db.before-upgrade-v{version}-")
    assert copy.stat().st_mode & 0o777 == 0o600
    assert snapshot(copy) == before
    assert len(applied(copy)) == version


@pytest.mark.parametrize("version", fixture_versions())
def test_an_upgraded_journal_works_from_the_command_line(tmp_path: Path, version: int) -> None:
    db = old_journal(tmp_path, version)
    answers = write_json(tmp_path / "answers.json", {"mood": 4, "intention": "keep going"})
    result = run_cli("--db", str(db), "today", "--answers", str(answers))
    assert result.code == 0, result.err
    if version < migrations.latest_version():
        assert "upgraded your journal; a copy of the earlier version is at" in result.err
    doctor = run_cli("--db", str(db), "doctor", "--format", "json")
    assert doctor.code == 0, doctor.out
    assert '"pending_upgrades": []' in doctor.out


def test_a_failing_upgrade_leaves_the_journal_exactly_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = old_journal(tmp_path, 1)
    before = digest(db)
    broken = migrations.MigrationList(migrations.MIGRATION_SET)
    for name, step in migrations.migrations._steps:
        broken(name=name)(step)

    @broken(name="9999_breaks_halfway")
    def _breaks(database: Any) -> None:
        database.execute("CREATE TABLE half_done (id INTEGER)")
        database.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(migrations, "migrations", broken)
    with pytest.raises(StorageError) as raised:
        JournalStore.open(db)
    assert str(db) in raised.value.message
    assert digest(db) == before
    assert applied(db) == ["0001_entries_answers_tags_drafts"]
    copies = list(db.parent.glob("journal.db.before-upgrade-v1-*"))
    assert len(copies) == 1 and snapshot(copies[0]) == snapshot(db)


def test_a_damaged_old_journal_is_refused_before_the_upgrade(tmp_path: Path) -> None:
    db = old_journal(tmp_path, 1)
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * 4096 + 8)
        handle.write(b"\xff" * 64)
    before = digest(db)
    answers = write_json(tmp_path / "answers.json", {"intention": "x"})
    result = run_cli("--db", str(db), "today", "--answers", str(answers))
    assert result.code == 1
    assert "damaged" in result.err and str(db) in result.err
    assert digest(db) == before
    assert not list(db.parent.glob("*before-upgrade*"))


def test_a_journal_from_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    db = old_journal(tmp_path, migrations.latest_version())
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [migrations.MIGRATION_SET, "9999_from_the_future", "2030-01-01"],
    )
    conn.close()
    before = digest(db)
    answers = write_json(tmp_path / "answers.json", {"intention": "x"})
    result = run_cli("--db", str(db), "today", "--answers", str(answers))
    assert result.code == 1
    assert "newer version of selfcompassion" in result.err
    assert digest(db) == before


def _shown_rating(journal: Journal, entry_id: str, prompt: str) -> str:
    """The line ``journal show`` draws under a rating's question."""
    result = journal("--no-pager", "show", entry_id[:8])
    assert result.code == 0, result.err
    lines = [line.strip("│ ") for line in result.out.splitlines()]
    return lines[lines.index(prompt) + 1]


@pytest.mark.parametrize("version", fixture_versions())
def test_an_old_rating_is_shown_as_a_rating_saved_today(journal: Journal, version: int) -> None:
    """Ratings saved before they kept their scale's words (a bare "4") are shown as the same
    rating saved today is: the number and what it means on its scale."""
    private_copy(version, journal.db)
    conn = sqlite3.connect(journal.db)
    try:
        old = conn.execute(
            "SELECT entry_id, prompt, value, text FROM answers WHERE step_id = 'mood'"
        ).fetchall()
    finally:
        conn.close()
    assert old
    for day, (entry_id, prompt, value, text) in enumerate(old, start=1):
        answers = journal.answers_file({"mood": int(value), "intention": "one step"})
        assert journal("today", "--answers", answers, day=date(2026, 9, day)).code == 0
        conn = sqlite3.connect(journal.db)
        try:
            (new_id, new_prompt, new_text) = conn.execute(
                "SELECT a.entry_id, a.prompt, a.text FROM answers a JOIN entries e "
                "ON e.id = a.entry_id WHERE a.step_id = 'mood' AND e.journal_date = ?",
                (date(2026, 9, day).isoformat(),),
            ).fetchone()
        finally:
            conn.close()
        shown_today = _shown_rating(journal, new_id, new_prompt)
        assert shown_today == new_text != value
        assert _shown_rating(journal, entry_id, prompt) == shown_today, (version, text)
