"""Pausing Python's cycle collector while a large import or sync makes its objects.

Bringing in 100,000 entries makes millions of small objects (decoded records, their
rows, the changes of a sync's group), none of them in reference cycles, and the collector
would scan the ones still alive again and again: about a tenth of a first sync's CPU
time before the sync paused it too. Everything is freed by reference counting as usual;
the collector runs again when the block ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block, and as it was after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
