"""Several journal processes writing at once lose nothing (WAL, busy timeout, retries).

Two workers each run ``journal today --answers`` 200 times through the CLI's ``main()``
(the whole command, a fresh store each run), in two real processes released together;
a smaller round spawns the installed ``journal`` script itself. Every entry must be
there, once, and the file must pass SQLite's integrity check.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import JOURNAL, write_json
from reliability_workers import connect_to_check, encrypt_new_journal, start
from selfcompassion.store import JournalStore

BASE_ANSWERS = {"mood": 3, "kindness": 4, "present": "steady #calm"}


def start_workers(tmp_path: Path, db: Path, count: int, tags: list[str]) -> list[str]:
    """Run one ``cli`` worker per tag, all released at the same moment; their stdout."""
    answers = write_json(tmp_path / "answers.json", BASE_ANSWERS)
    go = tmp_path / "go"
    workers = [
        start("cli", str(db), str(answers), str(count), tag, str(go), stderr=subprocess.PIPE)
        for tag in tags
    ]
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    go.touch()
    outputs = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        outputs.append(out)
    return outputs


def intentions(db: Path) -> list[str]:
    conn = connect_to_check(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [
            row[0] for row in conn.execute("SELECT text FROM answers WHERE step_id = 'intention'")
        ]
    finally:
        conn.close()


def assert_all_present(db: Path, tags: list[str], count: int) -> None:
    found = intentions(db)
    expected = {f"{tag}-{number}" for tag in tags for number in range(count)}
    assert len(found) == len(expected)
    assert set(found) == expected
    conn = connect_to_check(db)
    try:
        # Every entry arrived whole: each has all its answers and its tag.
        per_entry = conn.execute(
            "SELECT count(*) FROM entries e WHERE "
            "(SELECT count(*) FROM answers a WHERE a.entry_id = e.id) != 4 OR "
            "(SELECT count(*) FROM tags t WHERE t.entry_id = e.id) != 1"
        ).fetchone()[0]
        assert per_entry == 0
    finally:
        conn.close()


def test_two_processes_times_200_cli_writes_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "journal" / "journal.db"
    tags = ["first", "second"]
    start_workers(tmp_path, db, 200, tags)
    assert_all_present(db, tags, 200)


def test_two_processes_writing_to_an_encrypted_journal_lose_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same race, 2 x 60, on an encrypted journal (the workers inherit the passphrase)."""
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "two windows, one journal")
    db = tmp_path / "journal" / "journal.db"
    encrypt_new_journal(db)
    tags = ["first", "second"]
    start_workers(tmp_path, db, 60, tags)
    assert_all_present(db, tags, 60)
    assert b"SQLite format 3" not in db.read_bytes()


def test_processes_creating_a_new_journal_at_the_same_moment_all_succeed(
    tmp_path: Path,
) -> None:
    """The folder, the file and the schema are created once, whoever comes first."""
    db = tmp_path / "new" / "deeper" / "journal.db"
    tags = [f"w{n}" for n in range(4)]
    start_workers(tmp_path, db, 1, tags)
    assert_all_present(db, tags, 1)
    conn = sqlite3.connect(db)
    applied = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    conn.close()
    from selfcompassion.store.migrations import latest_version

    assert applied == latest_version()


@pytest.mark.pty
def test_two_shells_running_the_installed_script_lose_nothing(tmp_path: Path) -> None:
    """The scripted loop from the issue, with real process start-up: 2 x 10."""
    db = tmp_path / "journal.db"
    script = (
        'for i in $(seq 0 9); do printf \'{"mood": 2, "present": "here #calm", '
        '"kindness": 1, "intention": "%s-%s"}\' "$1" "$i" | '
        '"$2" --db "$3" today --answers - >/dev/null || exit 1; done'
    )
    shells = [
        subprocess.Popen(
            ["bash", "-c", script, "loop", tag, str(JOURNAL), str(db)],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        for tag in ("left", "right")
    ]
    for shell in shells:
        _, err = shell.communicate(timeout=120)
        assert shell.returncode == 0, err
    assert_all_present(db, ["left", "right"], 10)


def test_two_processes_upgrading_an_old_journal_at_once_upgrade_it_once(
    tmp_path: Path,
) -> None:
    from fixtures.make_fixtures import private_copy

    db = private_copy(1, tmp_path / "journal.db")
    before = len(intentions(db))
    start_workers(tmp_path, db, 3, ["a", "b"])
    assert len(intentions(db)) == before + 6
    backups = sorted(tmp_path.glob("journal.db.before-upgrade-v1-*"))
    assert len(backups) == 1
    assert len(intentions(backups[0])) == before


# The same races, made certain: another process acts in the instant between a check
# and the step that relies on it.


def test_a_folder_and_file_created_by_another_process_in_the_same_instant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "new" / "journal.db"
    real_mkdir, real_open = Path.mkdir, os.open

    def mkdir_just_after_another(self: Path, *args: Any, **kwargs: Any) -> None:
        real_mkdir(self, *args, **kwargs)  # the other process
        real_mkdir(self, *args, **kwargs)  # this one

    def open_just_after_another(path: Any, flags: int, mode: int = 0o777) -> int:
        if Path(path) == db and flags & os.O_EXCL:
            os.close(real_open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        return real_open(path, flags, mode)

    monkeypatch.setattr(Path, "mkdir", mkdir_just_after_another)
    monkeypatch.setattr(os, "open", open_just_after_another)
    with JournalStore.open(db) as store:
        assert store.count_entries() == 0


def test_an_upgrade_made_by_another_process_while_this_one_waited_is_not_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlite_utils import Database

    from fixtures.make_fixtures import fixture_path
    from selfcompassion.store import migrations

    db = tmp_path / "journal.db"
    db.write_bytes(fixture_path(1).read_bytes())
    real_pending = migrations.migrations.pending
    upgraded_elsewhere: list[bool] = []

    def pending_then_upgraded_elsewhere(database: Any) -> Any:
        found = real_pending(database)
        if not upgraded_elsewhere:
            upgraded_elsewhere.append(True)
            other = sqlite3.connect(db, isolation_level=None)
            migrations.migrations.apply(Database(other))
            other.close()
        return found

    monkeypatch.setattr(migrations.migrations, "pending", pending_then_upgraded_elsewhere)
    with JournalStore.open(db) as store:
        assert store.schema_version() == migrations.latest_version()
        assert store.upgrade_backup is None  # the other process's upgrade, not this one's
