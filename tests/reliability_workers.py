"""Programs the reliability tests run as separate processes (``python reliability_workers.py
MODE ...``), so that concurrency and crashes are real: separate interpreters, separate
SQLite connections, a real SIGKILL.

Modes:
  cli DB ANSWERS COUNT TAG GO  run ``journal --db DB today --answers ANSWERS`` COUNT times
                               through the CLI's ``main()``; each run's intention is
                               "TAG-i"; starts when the file GO appears
  forever DB                   add entries through the store until killed, printing each
                               entry's id once its transaction has committed
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from cli_run import run_cli
from selfcompassion.store import Answer, JournalStore

#: Answers of each entry written by ``forever``: enough text that a transaction spans
#: several pages, so a kill often lands inside one.
FOREVER_STEPS = 6
FOREVER_TEXT = "a long and honest answer " * 300


def connect_to_check(db: Path) -> Any:
    """A connection for the test to look at ``db`` with: plain sqlite3, or SQLCipher with
    the key from ``SELFCOMPASSION_PASSPHRASE`` when the journal is encrypted."""
    import os
    import sqlite3

    from selfcompassion.encryption.keys import derive
    from selfcompassion.store import driver

    if not driver.looks_encrypted(db):
        return sqlite3.connect(db)
    key = derive(os.environ["SELFCOMPASSION_PASSPHRASE"], driver.salt_of(db))
    return driver.connect(db, key, isolation_level="DEFERRED")


def encrypt_new_journal(db: Path) -> None:
    """Create an empty journal at ``db`` and encrypt it with the passphrase in the
    environment, as ``journal encrypt`` does."""
    result = run_cli("--db", str(db), "encrypt")
    assert result.code == 0, result.err


def start(mode: str, *arguments: str, stderr: int | None = None) -> subprocess.Popen[str]:
    """Run this file as a worker in a new process, its output read as text lines."""
    return subprocess.Popen(
        [sys.executable, __file__, mode, *arguments],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )


def wait_for(go: Path) -> None:
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)


def cli(db: str, answers: str, count: str, tag: str, go: str) -> int:
    base = json.loads(Path(answers).read_text(encoding="utf-8"))
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        wait_for(Path(go))
        for number in range(int(count)):
            mine = Path(scratch) / "answers.json"
            mine.write_text(json.dumps({**base, "intention": f"{tag}-{number}"}))
            result = run_cli("--db", db, "today", "--answers", str(mine))
            if result.code != 0:
                failures += 1
                print(f"{tag}-{number} exit {result.code}: {result.err.strip()}", file=sys.stderr)
    print(f"done {failures}", flush=True)
    return 1 if failures else 0


def forever(db: str) -> int:
    moment = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))
    with JournalStore.open(Path(db)) as store:
        number = 0
        while True:
            answers = [
                Answer(f"step{k}", "long_text", f"Prompt {k}", f"{k} {FOREVER_TEXT}", text=f"{k}")
                for k in range(FOREVER_STEPS)
            ]
            entry = store.add_entry(
                kind="daily",
                journal_date=date(2026, 11, 20),
                answers=answers,
                now=moment,
                tags=["kept", f"n{number}"],
            )
            print(entry.id, flush=True)
            number += 1


if __name__ == "__main__":
    mode, *arguments = sys.argv[1:]
    sys.exit({"cli": cli, "forever": forever}[mode](*arguments))
