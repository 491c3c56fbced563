"""Nobody else on the machine can read the journal: files 0600, folders 0700, whatever the
umask, for the journal, SQLite's side files and every copy the tool writes."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_run import run_cli
from conftest import write_json
from fixtures.make_fixtures import private_copy
from selfcompassion.files import temps
from selfcompassion.files.paths import data_dir, journal_path
from selfcompassion.store import JournalStore


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o022, 0o077], ids=["umask000", "umask022", "umask077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    saved = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(saved)


def test_a_new_journal_and_its_folders_are_private(
    umask: int, private_home: Path, tmp_path: Path
) -> None:
    answers = write_json(tmp_path / "answers.json", {"mood": 3, "intention": "rest"})
    result = run_cli("today", "--answers", str(answers))
    assert result.code == 0, result.err
    assert result.err == ""  # no warning about permissions
    journal = journal_path()
    assert mode(journal) == 0o600
    assert mode(data_dir()) == 0o700
    assert mode(private_home) == 0o700  # created for the journal, so private too


def test_sqlite_side_files_are_private_while_the_journal_is_open(umask: int, db_path: Path) -> None:
    with JournalStore.open(db_path) as store:
        store.count_entries()
        sides = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
        assert all(side.exists() for side in sides)
        assert [mode(side) for side in sides] == [0o600, 0o600]


def test_backups_are_private(umask: int, tmp_path: Path) -> None:
    journal = tmp_path / "journal" / "journal.db"
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    assert run_cli("--db", str(journal), "today", "--answers", str(answers)).code == 0
    assert run_cli("--db", str(journal), "backup").code == 0
    assert (
        run_cli("--db", str(journal), "backup", str(tmp_path / "elsewhere" / "copy.db")).code == 0
    )
    copies = list(journal.parent.glob("journal-backup-*.db"))
    assert len(copies) == 1 and mode(copies[0]) == 0o600
    assert mode(tmp_path / "elsewhere" / "copy.db") == 0o600
    assert mode(tmp_path / "elsewhere") == 0o700


def test_the_copy_made_before_an_upgrade_is_private(umask: int, tmp_path: Path) -> None:
    journal = private_copy(1, tmp_path / "journal.db")
    with JournalStore.open(journal) as store:
        assert store.upgrade_backup is not None
        assert mode(store.upgrade_backup) == 0o600


def test_a_journal_others_can_read_is_named_on_every_command(tmp_path: Path) -> None:
    journal = tmp_path / "journal" / "journal.db"
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    assert run_cli("--db", str(journal), "today", "--answers", str(answers)).code == 0
    journal.chmod(0o644)
    result = run_cli("--db", str(journal), "today", "--answers", str(answers))
    assert result.code == 0  # the entry is still saved
    assert len(result.err_lines) == 1
    assert f"warning: {journal} (file, 0644, should be 0600)" in result.err
    assert "journal doctor --fix" in result.err


def test_doctor_fix_makes_the_journal_private_again(tmp_path: Path) -> None:
    journal = tmp_path / "journal" / "journal.db"
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    assert run_cli("--db", str(journal), "today", "--answers", str(answers)).code == 0
    assert run_cli("--db", str(journal), "backup").code == 0
    (copy,) = journal.parent.glob("journal-backup-*.db")
    for path, loose in ((journal, 0o644), (copy, 0o640), (journal.parent, 0o755)):
        path.chmod(loose)

    found = run_cli("--db", str(journal), "doctor")
    assert found.code == 1
    assert "others on this computer can read" in found.out
    fixed = run_cli("--db", str(journal), "doctor", "--fix")
    assert fixed.code == 0, fixed.out
    assert "made private" in fixed.out
    assert (mode(journal), mode(copy), mode(journal.parent)) == (0o600, 0o600, 0o700)
    assert run_cli("--db", str(journal), "today", "--answers", str(answers)).err == ""


def test_a_shared_folder_is_reported_but_never_changed(tmp_path: Path) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir()
    shared.chmod(0o755)
    (shared / "letter.txt").write_text("someone else's file")
    journal = shared / "journal.db"
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    assert run_cli("--db", str(journal), "today", "--answers", str(answers)).code == 0
    journal.chmod(0o644)
    fixed = run_cli("--db", str(journal), "doctor", "--fix", "--format", "json")
    assert fixed.code == 0
    assert mode(journal) == 0o600
    assert mode(shared) == 0o755
    (note,) = [f for f in json.loads(fixed.out)["findings"] if f["topic"] == "folder"]
    assert note["status"] == "note" and "also holds other files" in note["summary"]


def test_what_the_journal_keeps_about_its_temporary_files_is_private(
    umask: int, private_home: Path, tmp_path: Path
) -> None:
    """The note of where a temporary file is (kept so a SIGKILL leaves it findable) names
    the file being written, an export's name say: 0600 like everything else."""
    (tmp_path / "out").mkdir()
    with temps.temporary(tmp_path / "out", "notes-about-sam.json") as temp:
        kept = list(temps.temp_dir().iterdir())
        assert kept and all(mode(path) == 0o600 for path in kept), [oct(mode(p)) for p in kept]
        assert mode(temp) == 0o600
