"""``journal backup`` makes a consistent, checked copy at any time; ``journal doctor``
reports what it finds without changing anything, and says plainly what to do."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cli_run import digest, run_cli
from conftest import TZ, write_json
from fixtures.make_fixtures import private_copy
from reliability_workers import FOREVER_STEPS, start
from selfcompassion.store import Draft, JournalStore


def journal_with(tmp_path: Path, entries: int = 2) -> Path:
    journal = tmp_path / "journal" / "journal.db"
    for number in range(entries):
        answers = write_json(tmp_path / "answers.json", {"mood": 3, "intention": f"rest {number}"})
        assert run_cli("--db", str(journal), "today", "--answers", str(answers)).code == 0
    return journal


def checkup(journal: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("--db", str(journal), "doctor", "--format", "json", *extra)
    assert "Traceback" not in result.err
    return result.code, json.loads(result.out)


def finding(report: dict[str, Any], topic: str) -> dict[str, str]:
    (found,) = [f for f in report["findings"] if f["topic"] == topic]
    return found


# -- backup -------------------------------------------------------------------------------


def test_backup_writes_a_checked_copy_next_to_the_journal(tmp_path: Path) -> None:
    journal = journal_with(tmp_path, entries=3)
    result = run_cli("--db", str(journal), "backup")
    assert result.code == 0, result.err
    (copy,) = journal.parent.glob("journal-backup-*.db")
    assert copy.name[len("journal-backup-") :].replace("-", "").removesuffix(".db").isdigit()
    assert "Backed up 3 entries to" in result.out
    with JournalStore.inspect(copy) as store:
        assert store.count_entries() == 3
        assert store.integrity_problems() == []


def test_backups_made_in_the_same_second_get_their_own_names(tmp_path: Path) -> None:
    journal = journal_with(tmp_path, entries=1)
    for _ in range(3):
        assert run_cli("--db", str(journal), "backup").code == 0
    assert len(list(journal.parent.glob("journal-backup-*.db"))) == 3


def test_backup_to_a_path_or_into_a_folder(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    assert run_cli("--db", str(journal), "backup", str(tmp_path / "mine.db")).code == 0
    (tmp_path / "safe").mkdir()
    assert run_cli("--db", str(journal), "backup", str(tmp_path / "safe")).code == 0
    assert (tmp_path / "mine.db").is_file()
    assert len(list((tmp_path / "safe").glob("journal-backup-*.db"))) == 1


def test_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    taken = tmp_path / "taken.db"
    taken.write_text("precious")
    result = run_cli("--db", str(journal), "backup", str(taken))
    assert result.code == 2
    assert result.err_lines == [
        f"journal: {taken}: already exists; choose another name or add --force"
    ]
    assert taken.read_text() == "precious"


def test_backups_taken_while_another_process_writes_are_consistent(tmp_path: Path) -> None:
    journal = tmp_path / "journal" / "journal.db"
    writer = start("forever", str(journal))
    try:
        assert writer.stdout is not None
        writer.stdout.readline()  # the journal exists and holds an entry
        for number in range(5):
            result = run_cli("--db", str(journal), "backup", str(tmp_path / f"copy{number}.db"))
            assert result.code == 0, result.err
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.communicate()
    counts = []
    for number in range(5):
        conn = sqlite3.connect(tmp_path / f"copy{number}.db")
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute(
            "SELECT count(*) FROM entries e WHERE "
            "(SELECT count(*) FROM answers a WHERE a.entry_id = e.id) != ?",
            [FOREVER_STEPS],
        ).fetchone() == (0,)
        counts.append(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
        conn.close()
    assert counts == sorted(counts) and counts[0] >= 1


# -- doctor -------------------------------------------------------------------------------


def test_doctor_on_a_sound_journal(tmp_path: Path) -> None:
    journal = journal_with(tmp_path, entries=2)
    code, report = checkup(journal)
    assert code == 0 and report["healthy"]
    assert report["path"] == str(journal) and report["source"] == "from --db"
    assert (report["file_mode"], report["folder_mode"]) == ("0600", "0700")
    assert report["schema_version"] == report["latest_version"]
    assert report["pending_upgrades"] == [] and report["integrity"] == ["ok"]
    assert report["entries"] == 2 and report["drafts"] == []
    assert finding(report, "backups")["advice"].startswith("journal backup makes one")
    text = run_cli("--db", str(journal), "doctor")
    assert text.code == 0 and "All is well with your journal." in text.out


def test_doctor_changes_nothing(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    before = digest(journal), sorted(os.listdir(journal.parent))
    assert checkup(journal)[0] == 0
    assert run_cli("--db", str(journal), "doctor").code == 0
    assert (digest(journal), sorted(os.listdir(journal.parent))) == before


def test_doctor_where_there_is_no_journal_yet(private_home: Path) -> None:
    result = run_cli("doctor")
    assert result.code == 0
    assert "no journal here yet" in result.out and "journal today starts one" in result.out
    assert "(the default location)" in result.out
    assert not private_home.exists()  # looking does not create anything


def test_doctor_lists_waiting_drafts(tmp_path: Path) -> None:
    journal = journal_with(tmp_path, entries=1)
    with JournalStore.open(journal) as store:
        draft = Draft("today", date(2026, 11, 19), "daily", {"mood": 2, "kindness": None})
        store.save_draft(draft, datetime(2026, 11, 19, 22, 0, tzinfo=TZ))
    code, report = checkup(journal)
    assert code == 0
    assert report["drafts"] == [{"flow": "today", "date": "2026-11-19", "answers": 2}]
    drafts = finding(report, "drafts")
    assert drafts["status"] == "note" and "(1 answer so far)" in drafts["summary"]
    assert drafts["advice"] == "journal today offers to pick it up"


def test_doctor_reports_waiting_upgrades_and_fix_applies_them(tmp_path: Path) -> None:
    journal = private_copy(1, tmp_path / "old" / "journal.db")
    before = digest(journal)
    code, report = checkup(journal)
    assert code == 0  # an upgrade waiting is not a fault: it happens on the next use
    assert report["schema_version"] == 1 and report["pending_upgrades"]
    assert "upgrade(s) waiting" in finding(report, "schema")["summary"]
    assert digest(journal) == before

    code, report = checkup(journal, "--fix")
    assert code == 0
    schema = finding(report, "schema")
    assert schema["status"] == "fixed" and "the earlier version is kept at" in schema["summary"]
    assert report["pending_upgrades"] == []
    (copy,) = journal.parent.glob("journal.db.before-upgrade-v1-*")
    assert report["backups"] == [str(copy)]  # the copy counts as a backup from now on


def test_doctor_refuses_an_unknown_format(tmp_path: Path) -> None:
    result = run_cli("doctor", "--format", "yaml")
    assert result.code == 2
    assert result.err_lines == ["journal: unknown format 'yaml'; use text or json"]


def test_doctor_fix_on_a_damaged_old_journal_reports_instead_of_failing(tmp_path: Path) -> None:
    journal = private_copy(1, tmp_path / "old" / "journal.db")
    conn = sqlite3.connect(journal)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()[0]
    conn.close()
    with journal.open("r+b") as handle:
        handle.seek((root - 1) * 4096 + 8)
        handle.write(b"\xff" * 64)
    before = digest(journal)
    code, report = checkup(journal, "--fix")
    assert code == 1
    assert finding(report, "schema")["summary"].endswith("the upgrade could not be made")
    assert finding(report, "integrity")["status"] == "to fix"
    assert digest(journal) == before
