"""Counting the work SQLite does for a read, to show that it does not grow with history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from selfcompassion.store import JournalStore


def vm_steps(store: JournalStore, read: Callable[[], Any]) -> int:
    """How many SQLite virtual-machine instructions (in tens) ``read`` takes."""
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    store.conn.set_progress_handler(tick, 10)
    try:
        read()
    finally:
        store.conn.set_progress_handler(None, 0)
    return counted[0]
