"""Running one questionary prompt: its lines wrap, and Ctrl-C is never lost.

A question is printed before its prompt starts. Ctrl-C pressed in that moment would arrive
as a signal before prompt_toolkit has taken the terminal over, and could be swallowed by
its event loop as it starts. So while a question is on its way, SIGINT is held back (where
the system can hold it). When the prompt starts, a Ctrl-C held meanwhile ends it at once,
just as the Ctrl-C key would (a list of choices ignores the signal itself), and the flow
keeps its draft as always; otherwise the signal is let through again. Holding it back in
the main thread works because every background thread blocks it (``background.py``).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any


def _can_hold() -> bool:
    return hasattr(signal, "pthread_sigmask") and threading.current_thread() is (
        threading.main_thread()
    )


def _hold() -> None:
    if _can_hold():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _let_through() -> None:
    if _can_hold():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _starting(app: Any) -> None:
    """Called by prompt_toolkit as the prompt starts: a Ctrl-C held meanwhile stops it."""
    if _can_hold() and signal.SIGINT in signal.sigpending():
        signal.sigwait({signal.SIGINT})  # take the held signal, so it is not seen twice
        app.exit(exception=KeyboardInterrupt, style="class:aborting")
    _let_through()


@contextlib.contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back for the block (a question being drawn and asked); what was held is
    delivered when the block ends, if no prompt has taken it first."""
    if not _can_hold():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _ctrl_d_ends(app: Any) -> None:
    """Ctrl-D (end of input) ends every prompt as it ends a line left empty: a list of
    choices or a yes/no question ignored it, so a person pressing it was left waiting.
    In a line holding words it still deletes the character under the cursor."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    ends = KeyBindings()

    @ends.add("c-d", filter=Condition(lambda: not app.current_buffer.text))
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app.key_bindings = merge_key_bindings([app.key_bindings, ends]) if app.key_bindings else ends


def run_prompt(question: Any) -> Any:
    """Ask a questionary question: every window wraps its lines instead of cutting them,
    Ctrl-D ends it as Ctrl-C does, and a held Ctrl-C is let through once the prompt can
    take it."""
    from prompt_toolkit.filters import to_filter
    from prompt_toolkit.layout import Window

    app = question.application
    for window in app.layout.find_all_windows():
        if isinstance(window, Window):
            window.wrap_lines = to_filter(True)
    _ctrl_d_ends(app)
    app.pre_run_callables.append(lambda: _starting(app))
    try:
        return question.unsafe_ask()
    finally:
        _hold()  # until the next prompt of the same question starts
