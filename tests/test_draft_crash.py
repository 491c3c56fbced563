"""A crash right after an entry is saved never leaves its draft behind as well (issue 12,
item 15): the draft is removed in the transaction that saves the entry, so the next run
cannot offer to pick up an entry that is already in the journal."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from selfcompassion.store import JournalStore

WORKER = Path(__file__).with_name("draft_crash_worker.py")


def test_a_kill_just_after_the_entrys_commit_leaves_no_draft(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    worker = subprocess.run(
        [sys.executable, str(WORKER), str(journal)], capture_output=True, text=True, timeout=120
    )
    assert worker.returncode in (0, -signal.SIGKILL), worker.stderr
    # The crash means something only if the flow kept a draft on the way.
    assert worker.stderr.count("draft kept") >= 3
    with JournalStore.open(journal) as store:
        assert store.count_entries() == 1
        assert store.load_draft("today") is None
