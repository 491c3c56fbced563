"""``journal doctor`` and the journal's files (issue 12, items 3, 7, 8 and 9).

Backups appear only complete and checked, and doctor names a bad one; checks and fixes
are made on the real files and only on files that are the journal's and its owner's;
side files keep the journal's private mode; a FIFO or device is refused, never waited on.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import JOURNAL, run_cli
from large_journal import make_large_journal
from selfcompassion.store import Answer, JournalStore

IS_ROOT = os.geteuid() == 0
NOBODY = 65534
MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))


def journal_with(path: Path, entries: int = 2) -> Path:
    with JournalStore.open(path) as store:
        for number in range(entries):
            store.add_entry(
                kind="daily",
                journal_date=date(2026, 11, 20) - timedelta(days=number),
                answers=[Answer("present", "text", "Here?", "words", None, "words")],
                now=MOMENT,
            )
    return path


def doctor(journal: Path, *extra: str) -> tuple[int, str]:
    result = run_cli("--db", str(journal), "doctor", "--format", "json", *extra)
    assert "Traceback" not in result.err
    return result.code, result.out


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# -- item 3: backups ------------------------------------------------------------------------


def test_a_backup_that_fails_its_check_never_takes_its_name(tmp_path: Path) -> None:
    journal = journal_with(tmp_path / "journal.db")
    target = tmp_path / "copy.db"

    def damaged(copy: Path) -> None:
        raise OSError(5, "the copy could not be read back")

    with JournalStore.open(journal) as store, pytest.raises(Exception, match="read back"):
        store.backup(target, check=damaged)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["journal.db"]


@pytest.fixture(scope="module")
def large_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_large_journal(tmp_path_factory.mktemp("large") / "journal.db", "entry")


@pytest.mark.slow
def test_a_backup_killed_half_way_is_never_left_under_its_name(
    large_journal: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.db"
    shutil.copyfile(large_journal, journal)
    out = tmp_path / "copies"
    out.mkdir()
    target = out / "backup.db"
    caught = 0
    for _ in range(20):
        worker = subprocess.Popen(
            [str(JOURNAL), "--db", str(journal), "backup", str(target)],
            env={**os.environ, "SELFCOMPASSION_HOME": str(tmp_path / "home")},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while worker.poll() is None:
            if any(p.name.endswith(".part") for p in out.iterdir()):
                os.kill(worker.pid, signal.SIGKILL)
                break
            time.sleep(0.0002)
        worker.wait(timeout=60)
        if worker.returncode == -signal.SIGKILL:
            caught += 1
            assert not target.exists()
        else:
            assert target.exists()
            target.unlink()
        if caught >= 2:
            break
    assert caught, "the backup was never caught half-way"
    code, _ = doctor(journal, "--fix")
    assert [p.name for p in out.iterdir()] == []


def test_doctor_checks_each_backup_and_names_a_bad_one(tmp_path: Path) -> None:
    journal = journal_with(tmp_path / "journal.db", entries=40)
    assert run_cli("--db", str(journal), "backup").code == 0
    (good,) = [p for p in tmp_path.iterdir() if "-backup-" in p.name]
    cut = tmp_path / "journal-backup-20260101-000000.db"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = tmp_path / "journal-backup-20250101-000000.db"
    empty.write_bytes(b"")
    for path in (cut, empty):
        path.chmod(0o600)
    code, out = doctor(journal)
    assert code == 1
    import json

    report = json.loads(out)
    assert sorted(report["bad_backups"]) == sorted([str(cut), str(empty)])
    lines = [f["summary"] for f in report["findings"] if f["topic"] == "backups"]
    assert any(line.startswith(cut.name) and "not a usable copy" in line for line in lines)
    assert any(line.startswith(empty.name) for line in lines)
    assert any(line.startswith("1 good copy") and good.name in line for line in lines)


# -- item 7: links, owners and what doctor --fix may change -----------------------------------


def test_doctor_fix_never_changes_a_plain_file_behind_a_link(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("a shared shopping list")
    notes.chmod(0o644)
    link = tmp_path / "j" / "journal.db"
    link.parent.mkdir(mode=0o700)
    link.symlink_to(notes)
    code, out = doctor(link, "--fix")
    assert code == 1 and "is not a journal" in out
    assert mode(notes) == 0o644 and notes.read_text() == "a shared shopping list"


def special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo, 0o644)
    found = [fifo]
    if IS_ROOT:
        device = tmp_path / "null-device"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found.append(device)
    return found


def test_doctor_fix_never_changes_a_device_or_pipe_behind_a_link(tmp_path: Path) -> None:
    for special in special_files(tmp_path):
        link = tmp_path / f"journal-{special.name}.db"
        link.symlink_to(special)
        before = mode(special)
        code, out = doctor(link, "--fix")
        assert code == 1 and "not a regular file" in out
        assert mode(special) == before


def test_the_privacy_check_looks_at_the_real_folder(tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real_folder.chmod(0o755)
    journal = journal_with(real_folder / "journal.db")
    journal.chmod(0o644)
    shown = tmp_path / "shown"
    shown.mkdir()
    shown.chmod(0o755)
    (shown / "other.txt").write_text("not the journal's")
    link = shown / "journal.db"
    link.symlink_to(journal)
    code, out = doctor(link)
    assert code == 1
    assert f"{real_folder} (folder, 0755" in out and f"{journal} (file, 0644" in out
    code, out = doctor(link, "--fix")
    assert code == 0, out
    assert mode(real_folder) == 0o700 and mode(journal) == 0o600
    assert mode(shown) == 0o755


@pytest.mark.skipif(not IS_ROOT, reason="giving a file to another account needs root")
def test_a_journal_of_another_account_is_reported_and_never_changed(tmp_path: Path) -> None:
    journal = journal_with(tmp_path / "j" / "journal.db")
    journal.chmod(0o644)
    os.chown(journal, NOBODY, NOBODY)
    code, out = doctor(journal, "--fix")
    assert code == 1 and "belongs to another account" in out
    assert mode(journal) == 0o644


# -- item 8: side files keep the journal's modes ----------------------------------------------


def _as_nobody_when_root(folder: Path, work: object) -> int:
    """Run ``work()`` in a child process; as root, as an account without root's powers
    (root can write any file, so a read-only journal is only read-only for others)."""
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            if IS_ROOT:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            code = int(work())  # type: ignore[operator]
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_doctor_on_a_read_only_journal_leaves_no_side_file_the_owner_cannot_write() -> None:
    from selfcompassion.commands.context import OPTIONS  # noqa: F401 - loaded before the fork
    from selfcompassion.dates import describe  # noqa: F401
    from selfcompassion.files import temps  # noqa: F401
    from selfcompassion.store import migrations  # noqa: F401
    from selfcompassion.upkeep.maintenance import checkup

    folder = Path(tempfile.mkdtemp(prefix="journal-ro-"))
    try:
        journal = journal_with(folder / "journal.db")
        for path in (folder, journal):
            if IS_ROOT:
                os.chown(path, NOBODY, NOBODY)
        folder.chmod(0o700)
        journal.chmod(0o400)
        os.environ["SELFCOMPASSION_HOME"] = str(folder / "home")

        def look() -> int:
            checkup(journal, source="test", today=date(2026, 11, 20))
            return 0

        assert _as_nobody_when_root(folder, look) == 0
        journal.chmod(0o600)
        sides = [journal.with_name(journal.name + s) for s in ("-wal", "-shm")]
        for side in sides:
            if side.exists():
                assert mode(side) == 0o600, f"{side.name} is {mode(side):04o}"

        def write() -> int:
            with JournalStore.open(journal) as store:
                store.add_entry(
                    kind="daily", journal_date=date(2026, 11, 21), answers=[], now=MOMENT
                )
                return 0 if store.count_entries() == 3 else 1

        assert _as_nobody_when_root(folder, write) == 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- item 9: FIFOs and devices are refused, never waited on -----------------------------------

COMMANDS = [
    ["today", "--plan"],
    ["list"],
    ["report"],
    ["search", "word"],
    ["export"],
    ["backup"],
    ["doctor"],
]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_where_the_journal_should_be_is_refused_at_once(
    tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "journal.db"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = subprocess.run(
        [str(JOURNAL), "--db", str(fifo), *command],
        env={**os.environ, "SELFCOMPASSION_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.monotonic() - started < 30
    assert result.returncode != 0
    assert "not a regular file" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_pack_linked_to_an_endless_device_is_refused(tmp_path: Path, private_home: Path) -> None:
    packs = private_home / "config" / "packs"
    packs.mkdir(parents=True)
    (packs / "endless.toml").symlink_to("/dev/zero")
    os.mkfifo(packs / "pipe.toml")
    result = run_cli("prompts", "check", str(packs / "endless.toml"))
    assert result.code != 0 and "not a regular file" in result.err
    result = run_cli("prompts", "check", str(packs / "pipe.toml"))
    assert result.code != 0 and "not a regular file" in result.err


def test_a_pack_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text('name = "huge"\n' + "# padding\n" * 200_000)
    result = run_cli("prompts", "check", str(huge))
    assert result.code != 0 and "larger than" in result.err
