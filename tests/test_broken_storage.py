"""Broken storage gets one clear line, exit 1 and no traceback, and nothing is changed.

Each case spoils the journal (or its folder, or the disk) in one way, then runs a command
that writes (``today --answers``), one that copies (``backup``) and the checkup
(``doctor``). The message must name the path and say what to do; the files that were
there must be byte for byte as they were.

Read-only cases use ``chmod`` for an ordinary user and the immutable flag or a read-only
mount as root (for whom permissions do not bite); the full disk is a tiny tmpfs, so it
runs as root only.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from cli_run import CliResult, digest, folder_state, run_cli
from conftest import write_json
from selfcompassion.store import Answer, JournalStore

IS_ROOT = os.geteuid() == 0
PAGE = 4096
DAY = date(2026, 11, 20)


def make_journal(path: Path, entries: int = 60) -> Path:
    """A journal spread over many pages, so damage can land in the middle of it."""
    moment = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))
    with JournalStore.open(path) as store:
        for number in range(entries):
            store.add_entry(
                kind="daily",
                journal_date=DAY - timedelta(days=number),
                answers=[
                    Answer("mood", "scale", "How?", 3),
                    Answer("long", "long_text", "Say more", f"{number} " + "words " * 300),
                ],
                now=moment,
                tags=["kept"],
            )
    return path


def root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [table]
        ).fetchone()[0]
    finally:
        conn.close()


def spoil_page(path: Path, page: int, start: int = 0) -> None:
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE + start)
        handle.write(b"\xde\xad\xbe\xef" * ((PAGE - start) // 4))


def truncate(path: Path, size: int) -> None:
    with path.open("r+b") as handle:
        handle.truncate(size)


# Each case: how to spoil a fresh journal at ``path``, and words the message must contain.
Spoil = Callable[[Path], None]
CASES: dict[str, tuple[Spoil, str]] = {
    "plain text": (lambda p: p.write_text("my notes\n" * 500), "not a journal"),
    # Not a whole number of pages: page-aligned random bytes look like an encrypted
    # journal, which test_encryption covers.
    "random bytes": (lambda p: p.write_bytes(os.urandom(3 * PAGE + 100)), "not a journal"),
    "another SQLite database": (
        lambda p: (p.unlink(), sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.close()),
        "not a selfcompassion journal",
    ),
    "cut off inside the header": (lambda p: truncate(p, 60), "is damaged"),
    "cut off to three pages": (lambda p: truncate(p, 3 * PAGE), "is damaged"),
    "cut off at half": (lambda p: truncate(p, p.stat().st_size // 2), "is damaged"),
    "cut off mid-page": (lambda p: truncate(p, p.stat().st_size - 1000), "is damaged"),
    "damaged schema page": (lambda p: spoil_page(p, 1, start=100), "is damaged"),
    "damaged entries page": (lambda p: spoil_page(p, root_page(p, "entries")), "is damaged"),
    "damaged answers page": (lambda p: spoil_page(p, root_page(p, "answers")), "is damaged"),
    "damaged index page": (
        lambda p: spoil_page(p, root_page(p, "entries_by_date")),
        "is damaged",
    ),
}


def check_refusal(result: CliResult, path: Path, advice: str) -> None:
    assert result.code == 1, (result.out, result.err)
    assert "Traceback" not in result.err + result.out
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith("journal: ") and str(path) in line
    assert advice in line
    # ... and says what to do about it.
    assert any(verb in line for verb in ("restore", "move", "make", "free", "point", "check"))


def run_everything(tmp_path: Path, path: Path, advice: str) -> None:
    """``today --answers`` and ``backup`` refuse; ``doctor`` reports; nothing changes."""
    folder = path.parent
    before = folder_state(folder) if folder.is_dir() else {}
    answers = write_json(tmp_path / "answers.json", {"mood": 2, "intention": "rest"})

    check_refusal(run_cli("--db", str(path), "today", "--answers", str(answers)), path, advice)
    check_refusal(run_cli("--db", str(path), "backup"), path, advice)
    doctor = run_cli("--db", str(path), "doctor")
    assert doctor.code == 1 and "to fix" in doctor.out and "Traceback" not in doctor.err
    if folder.is_dir():
        assert folder_state(folder) == before


@pytest.mark.parametrize("case", CASES)
def test_a_spoiled_journal_is_refused_and_left_as_it_was(tmp_path: Path, case: str) -> None:
    spoil, advice = CASES[case]
    path = make_journal(tmp_path / "journal" / "journal.db")
    spoil(path)
    run_everything(tmp_path, path, advice)


def test_a_folder_where_the_journal_should_be(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    path.mkdir()
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    result = run_cli("--db", str(path), "today", "--answers", str(answers))
    check_refusal(result, path, "the journal must be a file")
    assert path.is_dir() and not any(path.iterdir())


def test_a_journal_path_inside_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    path = tmp_path / "notes.txt" / "journal.db"
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    result = run_cli("--db", str(path), "today", "--answers", str(answers))
    check_refusal(result, path, "check the path given by --db")
    assert (tmp_path / "notes.txt").read_text() == "not a folder"


def test_damage_outside_what_a_command_reads_is_found_by_doctor(tmp_path: Path) -> None:
    """A write only reads the pages it needs, so damage elsewhere can go unnoticed by it;
    the checkup reads everything."""
    path = make_journal(tmp_path / "journal" / "journal.db")
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    spoil_page(path, pages // 2)
    before = digest(path)
    result = run_cli("--db", str(path), "doctor", "--format", "json")
    assert result.code == 1
    report = json.loads(result.out)
    (integrity,) = [f for f in report["findings"] if f["topic"] == "integrity"]
    assert integrity["status"] == "to fix" and "damaged" in integrity["summary"]
    assert (
        ".recover" in integrity["advice"] and "move the damaged file aside" in integrity["advice"]
    )
    assert report["integrity"] != ["ok"]
    assert digest(path) == before


# -- read-only and full storage -----------------------------------------------------------


def _chattr(flag: str, path: Path) -> None:
    subprocess.run(["chattr", flag, str(path)], check=True, capture_output=True)


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Make a file or folder read-only for the current user: chmod for a user, the
    immutable flag for root."""
    undo: list[Callable[[], None]] = []

    def make(path: Path) -> None:
        if IS_ROOT:
            if shutil.which("chattr") is None:
                pytest.skip("chattr is not available")
            try:
                _chattr("+i", path)
            except subprocess.CalledProcessError:
                pytest.skip("this file system has no immutable flag")
            undo.append(lambda: _chattr("-i", path))
        else:
            mode = path.stat().st_mode
            path.chmod(0o500 if path.is_dir() else 0o400)
            undo.append(lambda: path.chmod(mode))

    yield make
    for step in reversed(undo):
        step()


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_journal_is_refused_before_any_question(
    tmp_path: Path, read_only: Callable[[Path], None], what: str
) -> None:
    path = make_journal(tmp_path / "journal" / "journal.db")
    read_only(path.parent if what == "folder" else path)
    advice = "writable" if what == "folder" else "readable and writable for you"
    before = folder_state(path.parent)
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    check_refusal(run_cli("--db", str(path), "today", "--answers", str(answers)), path, advice)
    doctor = run_cli("--db", str(path), "doctor")
    assert doctor.code == 1 and "read-only for you" in doctor.out
    assert "entries" in doctor.out  # it could still read the journal to check it
    assert folder_state(path.parent) == before


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a small tmpfs (root only); unmounted afterwards."""
    if not IS_ROOT:
        pytest.skip("mounting a file system needs root")
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        point = tmp_path / f"mount{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(point)],
            capture_output=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_read_only_mount_is_refused(tmp_path: Path, tmpfs: Callable[[str], Path]) -> None:
    point = tmpfs("16m")
    path = make_journal(point / "journal.db")
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
    before = folder_state(point)
    answers = write_json(tmp_path / "answers.json", {"intention": "rest"})
    check_refusal(run_cli("--db", str(path), "today", "--answers", str(answers)), path, "writable")
    assert folder_state(point) == before


def fill(folder: Path, leave: int = 8 * 1024) -> None:
    free = shutil.disk_usage(folder).free
    with (folder / "filler").open("wb") as handle:
        handle.write(b"\0" * max(free - leave, 0))
        handle.flush()
        os.fsync(handle.fileno())


def test_a_full_disk_saves_nothing_and_says_so(
    tmp_path: Path, tmpfs: Callable[[str], Path]
) -> None:
    point = tmpfs("16m")  # room for the write-ahead log the journal is made with
    path = make_journal(point / "journal.db")
    fill(point)
    before = folder_state(point)
    big = {"mood": 2, "present": "x " * 9000, "intention": "y " * 9000}
    answers = write_json(tmp_path / "answers.json", big)
    check_refusal(
        run_cli("--db", str(path), "today", "--answers", str(answers)), path, "the disk is full"
    )
    assert folder_state(point) == before
    doctor = run_cli("--db", str(path), "doctor")
    assert doctor.code == 1 and "the disk is full" in doctor.out
    (point / "filler").unlink()
    with JournalStore.inspect(path) as store:
        assert store.count_entries() == 60


def test_a_backup_onto_a_full_disk_leaves_no_half_copy(
    tmp_path: Path, tmpfs: Callable[[str], Path]
) -> None:
    path = make_journal(tmp_path / "journal" / "journal.db")
    point = tmpfs("256k")
    fill(point)
    target = point / "copy.db"
    result = run_cli("--db", str(path), "backup", str(target))
    check_refusal(result, target, "the disk is full")
    assert not target.exists()
