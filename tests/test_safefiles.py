"""One home for every file the journal writes (issue 12, items 1 and 16).

Reports, exports, daily notes and backups never replace the journal, its side files or a
backup (not even with --force), never write into a FIFO, device or a link to one, never
replace an existing file without --force, and an existing file is intact when a write
fails part-way.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_cli
from selfcompassion.errors import InputError
from selfcompassion.files import safefiles
from selfcompassion.store import Answer, JournalStore

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))


def journal_with(folder: Path, entries: int = 3) -> Path:
    path = folder / "journal.db"
    with JournalStore.open(path) as store:
        for number in range(entries):
            words = f"kept words {number}"
            store.add_entry(
                kind="daily",
                journal_date=date(2026, 11, 20) - timedelta(days=number),
                answers=[Answer("present", "text", "What is here?", words, None, words)],
                now=MOMENT,
            )
    return path


def entry_count(journal: Path) -> int:
    with JournalStore.open(journal) as store:
        return store.count_entries()


def no_temporary_files(folder: Path) -> bool:
    return not [path for path in folder.iterdir() if path.name.endswith(".part")]


def refused(result: object, target: Path, why: str) -> None:
    assert result.code == 2, result  # type: ignore[attr-defined]
    lines = result.err_lines  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith(f"journal: {target}: ") and why in lines[0]
    assert result.out == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_report_never_replaces_the_journal(tmp_path: Path, force: list[str]) -> None:
    journal = journal_with(tmp_path)
    result = run_cli("--db", str(journal), "report", "-o", str(journal), *force)
    refused(result, journal, "is the journal, which is never written over")
    assert entry_count(journal) == 3
    assert no_temporary_files(tmp_path)


def test_an_export_with_force_never_replaces_the_journal(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    result = run_cli("--db", str(journal), "export", "--force", "-o", str(journal))
    refused(result, journal, "is the journal")
    assert entry_count(journal) == 3
    assert [path.name for path in tmp_path.iterdir() if path.name != "home"] == ["journal.db"]


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_journals_side_files_are_never_written(tmp_path: Path, suffix: str) -> None:
    journal = journal_with(tmp_path)
    side = journal.with_name(journal.name + suffix)
    result = run_cli("--db", str(journal), "export", "--force", "-o", str(side))
    refused(result, side, "beside")
    assert not side.exists() or side.stat().st_size == 0 or suffix != "-journal"
    assert entry_count(journal) == 3


def test_another_journal_or_a_backup_is_never_replaced_even_with_force(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    backup = tmp_path / "journal-backup-20261120-210000.db"
    assert run_cli("--db", str(journal), "backup", str(backup)).code == 0
    before = backup.read_bytes()
    for command in (["report"], ["export"], ["backup"]):
        where = ["-o", str(backup)] if command != ["backup"] else [str(backup)]
        result = run_cli("--db", str(journal), *command, *where, "--force")
        refused(result, backup, "a backup of the journal")
    assert backup.read_bytes() == before


def test_the_journal_reached_through_a_link_is_refused(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    link = tmp_path / "looks-harmless.md"
    link.symlink_to(journal)
    result = run_cli("--db", str(journal), "report", "-o", str(link), "--force")
    refused(result, link, "is the journal")
    assert entry_count(journal) == 3 and link.is_symlink()


def test_a_fifo_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for force in ([], ["--force"]):
        result = run_cli("--db", str(journal), "report", "-o", str(fifo), *force)
        refused(result, fifo, "is not a regular file")
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_to_a_device_is_refused_and_left_alone(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    result = run_cli("--db", str(journal), "report", "-o", str(link), "--force")
    refused(result, link, "is not a regular file")
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize(
    "command", [["report", "--format", "json"], ["export"], ["export", "--format", "csv"]]
)
def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path, command: list[str]) -> None:
    journal = journal_with(tmp_path)
    target = tmp_path / "out.txt"
    target.write_text("someone's notes")
    result = run_cli("--db", str(journal), *command, "-o", str(target))
    refused(result, target, "already exists; choose another name or add --force")
    assert target.read_text() == "someone's notes"
    result = run_cli("--db", str(journal), *command, "-o", str(target), "--force")
    assert result.code == 0, result
    assert "someone's notes" not in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert no_temporary_files(tmp_path)


def test_daily_notes_never_replace_a_note_without_force(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    notes = tmp_path / "notes"
    notes.mkdir()
    taken = notes / "2026-11-19.md"
    taken.write_text("my own note")
    result = run_cli("--db", str(journal), "export", "--daily-notes", str(notes))
    refused(result, taken, "already exists")
    assert sorted(p.name for p in notes.iterdir()) == ["2026-11-19.md"]
    assert run_cli("--db", str(journal), "export", "--daily-notes", str(notes), "--force").code == 0
    assert "kept words 1" in taken.read_text()


def test_many_files_are_synced_once_and_appear_only_when_all_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Daily notes: one sync for all of them (not two per note), each note 0600, no
    staging folder left behind, and a failure before the end leaves no note at all."""
    syncs: list[str] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "sync", lambda: syncs.append("sync"))
    monkeypatch.setattr(os, "fsync", lambda fd: syncs.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(safefiles.sys, "platform", "linux")
    notes = tmp_path / "notes"
    with safefiles.private_text_files(notes) as write:
        for day in range(30):
            write(f"2026-11-{day + 1:02d}.md", f"note {day}")
            assert not list(notes.glob("2026-*"))  # none takes its name before the end
    assert syncs == ["sync", "fsync"]  # the files at once, then the folder
    written = sorted(notes.iterdir())
    assert len(written) == 30 and written[4].read_text() == "note 4"
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in written)
    with pytest.raises(RuntimeError), safefiles.private_text_files(tmp_path / "other") as write:
        write("2026-11-01.md", "words")
        raise RuntimeError("the export stopped")
    assert list((tmp_path / "other").iterdir()) == []


def test_where_sync_may_not_wait_each_file_is_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    monkeypatch.setattr(safefiles.sys, "platform", "darwin")
    with safefiles.private_text_files(tmp_path / "notes") as write:
        for name in ("a.md", "b.md", "c.md"):
            write(name, name)
    assert len(synced) == 4  # three files and the folder


def test_a_staging_folder_left_by_sigkill_is_swept(tmp_path: Path) -> None:
    from selfcompassion.files import temps

    folder = tmp_path / "notes"
    folder.mkdir()
    dead = 2**22 + 12345  # beyond the usual pid range: no process has it
    staging = folder / f".notes.{dead}-abcdef.part"
    staging.mkdir()
    (staging / "2026-11-01.md").write_text("words")
    record = temps.temp_dir() / f"{dead}-abcdef{temps.RECORD_SUFFIX}"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(str(staging))
    assert temps.leftovers() == [staging]
    assert temps.sweep() == [staging]
    assert not staging.exists() and not record.exists()


def test_settings_are_the_journals_own_file_and_are_rewritten(tmp_path: Path) -> None:
    from selfcompassion.settings import values as settings

    target = tmp_path / "settings.toml"
    settings.write_settings({"a": 1}, target)
    settings.write_settings({"a": 2}, target)
    assert "a = 2" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_file_is_intact_when_a_write_fails_part_way(tmp_path: Path) -> None:
    """Item 16: the new text goes to a temporary file, which takes the name only once the
    write is complete; a failure half-way leaves the old file as it was, and no temporary
    file behind."""
    target = tmp_path / "export.json"
    target.write_text("the earlier export, complete")
    target.chmod(0o600)

    class DiskFull(Exception):
        pass

    with pytest.raises(DiskFull), safefiles.private_text_file(target, force=True) as stream:
        stream.write("the first half of the new export")
        stream.flush()
        assert target.read_text() == "the earlier export, complete"
        raise DiskFull
    assert target.read_text() == "the earlier export, complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json", "home"]


def test_a_new_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    with safefiles.private_text_file(target) as stream:
        stream.write("half")
        stream.flush()
        assert not target.exists()
    assert target.read_text() == "half"


def test_a_file_that_appears_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    with (
        pytest.raises(InputError, match="already exists"),
        safefiles.private_text_file(target) as stream,
    ):
        stream.write("mine")
        target.write_text("someone else's, written meanwhile")
    assert target.read_text() == "someone else's, written meanwhile"
    assert no_temporary_files(tmp_path)


def test_the_store_creates_its_files_through_the_one_creator(tmp_path: Path) -> None:
    os.umask(0o022)
    journal = journal_with(tmp_path / "fresh" / "deeper", entries=1)
    assert stat.S_IMODE(journal.stat().st_mode) == safefiles.PRIVATE_FILE
    assert stat.S_IMODE(journal.parent.stat().st_mode) == safefiles.PRIVATE_DIR
    conn = sqlite3.connect(journal)
    conn.close()


def test_an_encrypted_backup_without_an_sqlite_header_is_never_replaced(tmp_path: Path) -> None:
    journal = journal_with(tmp_path)
    backup = tmp_path / "journal-backup-20261120-210000.db"
    backup.write_bytes(os.urandom(4096))
    backup.chmod(0o600)
    before = backup.read_bytes()
    result = run_cli("--db", str(journal), "report", "-o", str(backup), "--force")
    refused(result, backup, "a backup of the journal")
    assert backup.read_bytes() == before
