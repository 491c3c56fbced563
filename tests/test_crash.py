"""A process killed with SIGKILL in the middle of writing leaves a sound journal.

A worker adds large entries in a loop and prints each id once its transaction has
committed; the test kills it at a random moment, three times over the same journal (so
later rounds also start from a log left by a killed writer). Every printed entry must
be there, whole, and SQLite's integrity check must pass. No entry may be half there.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

import pytest

from reliability_workers import (
    FOREVER_STEPS,
    FOREVER_TEXT,
    connect_to_check,
    encrypt_new_journal,
    start,
)


def kill_at_random(db: Path, rng: random.Random) -> list[str]:
    """Start a writer, SIGKILL it after a random number of entries plus a random pause,
    and return the ids it reported as committed."""
    worker = start("forever", str(db))
    assert worker.stdout is not None
    committed: list[str] = []
    wanted = rng.randint(3, 25)
    while len(committed) < wanted:
        line = worker.stdout.readline()
        assert line, "the writer stopped on its own"
        committed.append(line.strip())
    time.sleep(rng.uniform(0, 0.02))
    os.kill(worker.pid, signal.SIGKILL)
    rest, _ = worker.communicate()
    committed += rest.split()
    assert worker.returncode == -signal.SIGKILL
    return committed


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_sigkill_in_the_middle_of_writes_loses_nothing_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool
) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    db = tmp_path / "journal" / "journal.db"
    if encrypted:
        monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "killed mid-sentence")
        encrypt_new_journal(db)
    committed: list[str] = []
    for _ in range(3):
        committed += kill_at_random(db, rng)
        conn = connect_to_check(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], seed
            present = {row[0] for row in conn.execute("SELECT id FROM entries")}
            assert set(committed) <= present, seed
            # Whole entries only: an entry is there with all its answers and tags, or not at all.
            partial = conn.execute(
                "SELECT count(*) FROM entries e WHERE "
                "(SELECT count(*) FROM answers a WHERE a.entry_id = e.id) != ? OR "
                "(SELECT count(*) FROM tags t WHERE t.entry_id = e.id) != 2",
                [FOREVER_STEPS],
            ).fetchone()[0]
            assert partial == 0, seed
            for entry_id in committed:
                values = conn.execute(
                    "SELECT value FROM answers WHERE entry_id = ? ORDER BY position", [entry_id]
                ).fetchall()
                assert values == [
                    (json.dumps(f"{k} {FOREVER_TEXT}"),) for k in range(FOREVER_STEPS)
                ]
            orphans = conn.execute(
                "SELECT count(*) FROM answers WHERE entry_id NOT IN (SELECT id FROM entries)"
            ).fetchone()[0]
            assert orphans == 0, seed
        finally:
            conn.close()
    assert len(committed) >= 9
    if encrypted:
        assert not db.read_bytes().startswith(b"SQLite format 3")
        assert FOREVER_TEXT.encode()[:40] not in db.read_bytes()
