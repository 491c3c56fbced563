"""Work on a background thread that never takes the person's Ctrl-C.

The system hands Ctrl-C (SIGINT) to any thread of the process that does not block it.
While a question is being drawn the main thread holds SIGINT back (``flows/prompting.py``)
so that its prompt can take it; a background thread that does not block the signal takes it
instead, and Python then raises KeyboardInterrupt in the main thread wherever it happens to
be, say in the middle of importing the prompt, where CPython can turn it into another error
(a TypeError from ``ssl``'s import) or lose it in an import lock's callback (the prompt then
waits for a key that was already pressed). A thread started here blocks SIGINT from its first
instruction, as a new thread takes the signal mask of the thread that starts it, so Ctrl-C
always goes to the main thread.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any


def start_in_background(
    work: Callable[..., object], *args: Any, after: float = 0.0
) -> threading.Thread:
    """Run ``work(*args)`` on a daemon thread, ``after`` seconds from now, with SIGINT
    blocked in that thread."""
    thread = threading.Timer(after, work, args)
    thread.daemon = True
    if not hasattr(signal, "pthread_sigmask"):  # no per-thread signal masks (Windows)
        thread.start()
        return thread
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        thread.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    return thread
