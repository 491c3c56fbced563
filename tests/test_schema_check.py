"""``journal doctor`` compares the schema with the one the migrations build and runs the
search index's own check; a lost record of a migration is written back, never a copy of
the journal per command (issue 12, item 11)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_cli
from selfcompassion.store import Answer, JournalStore

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "j" / "journal.db"
    with JournalStore.open(path) as store:
        store.add_entry(
            kind="daily",
            journal_date=date(2026, 11, 20),
            answers=[Answer("present", "text", "Here?", "some words", None, "some words")],
            now=MOMENT,
        )
    return path


def change(journal: Path, sql: str) -> None:
    conn = sqlite3.connect(journal)
    try:
        conn.executescript(sql)
    finally:
        conn.close()


def doctor(journal: Path) -> tuple[int, dict]:
    result = run_cli("--db", str(journal), "doctor", "--format", "json")
    return result.code, json.loads(result.out)


def summaries(report: dict, topic: str) -> list[str]:
    return [f["summary"] for f in report["findings"] if f["topic"] == topic]


def test_a_sound_journal_has_every_table(journal: Path) -> None:
    code, report = doctor(journal)
    assert code == 0
    assert summaries(report, "tables") == ["every table and index is there"]


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("DROP TABLE answers;", "the table 'answers' is missing"),
        ("DROP TABLE search_index;", "the table 'search_index' is missing"),
        ("DROP INDEX entries_by_date;", "the index 'entries_by_date' is missing"),
    ],
)
def test_doctor_names_a_dropped_table_or_index(journal: Path, sql: str, named: str) -> None:
    with JournalStore.open(journal) as store:
        indexes = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")]
    if "entries_by_date" in sql and "entries_by_date" not in indexes:
        pytest.skip("no such index in this schema")
    change(journal, sql)
    code, report = doctor(journal)
    assert code == 1
    (line,) = summaries(report, "tables")
    assert named in line
    assert "search_index_data" not in line  # the index's own tables are not listed one by one


def test_doctor_runs_the_search_indexs_own_check(journal: Path) -> None:
    change(journal, "UPDATE search_index_content SET c1 = 'words that were never written';")
    code, report = doctor(journal)
    assert code == 1
    (line,) = summaries(report, "integrity")
    assert "search index" in line


def copies(journal: Path) -> list[str]:
    return sorted(p.name for p in journal.parent.iterdir() if "before-upgrade" in p.name)


def test_a_lost_migration_record_is_written_back_without_a_copy(journal: Path) -> None:
    change(journal, "DELETE FROM _sqlite_migrations WHERE name LIKE '0003%';")
    code, report = doctor(journal)
    assert code == 0
    assert any("record of an upgrade is lost" in s for s in summaries(report, "schema"))
    for _ in range(3):
        result = run_cli("--db", str(journal), "list")
        assert result.code == 0, result
    assert copies(journal) == []
    with JournalStore.open(journal) as store:
        assert any(name.startswith("0003") for name in store.applied_migrations())
    code, report = doctor(journal)
    assert code == 0
    (line,) = summaries(report, "schema")
    assert line.endswith("up to date")


def test_a_lost_record_with_missing_tables_is_one_clear_error_and_no_copy(journal: Path) -> None:
    change(
        journal,
        "DELETE FROM _sqlite_migrations WHERE name LIKE '0003%'; DROP TABLE search_index;",
    )
    for _ in range(3):
        result = run_cli("--db", str(journal), "list")
        assert result.code == 1
        assert len(result.err_lines) == 1 and "record of its upgrades" in result.err
    assert copies(journal) == []
    code, report = doctor(journal)
    assert code == 1 and "search_index" in " ".join(summaries(report, "tables"))


def test_doctor_fix_writes_back_a_lost_record(journal: Path) -> None:
    change(journal, "DELETE FROM _sqlite_migrations WHERE name LIKE '0002%';")
    result = run_cli("--db", str(journal), "doctor", "--fix", "--format", "json")
    report = json.loads(result.out)
    assert any(s.startswith("wrote back the lost record") for s in summaries(report, "schema"))
    assert copies(journal) == []
