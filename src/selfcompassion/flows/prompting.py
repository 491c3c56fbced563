"""Running one questionary prompt: its lines wrap, and Ctrl-C is never lost.

A question is printed before its prompt starts. Ctrl-C pressed in that moment would arrive
as a signal before prompt_toolkit has taken the terminal over, and could be swallowed by
its event loop as it starts. So while a question is on its way, SIGINT is held back (where
the system can hold it). When the prompt starts, a Ctrl-C held meanwhile ends it at once,
just as the Ctrl-C key would (a list of choices ignores the signal itself), and the flow
keeps its draft as always; otherwise the signal is let through again. Holding it back in
the main thread works because every background thread blocks it (``background.py``).
SIGTERM and SIGHUP reach a prompt the same way (``deliver_stop``), never raised from the
signal handler into the middle of the prompt's event loop.
"""

from __future__ import annotations

import contextlib
import signal
import sys
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


#: A SIGTERM or SIGHUP received while a question was asked: the command is stopping, so
#: the prompt running ends, and so does any prompt started after it (the signal may have
#: come while the question was drawn, or just as the prompt before it ended).
_stopping: list[BaseException] = []


def deliver_stop(stop: BaseException) -> None:
    """Hand a stop signal's exception to the prompt, as Ctrl-C is handed to it: to the one
    running now, else to the next one as it starts."""
    _stopping.append(stop)
    # No import inside a signal handler; the module may be there only half imported.
    get_app = getattr(sys.modules.get("prompt_toolkit.application"), "get_app_or_none", None)
    app = get_app() if get_app is not None else None
    if app is not None and app.is_running and app.loop is not None:
        app.loop.call_soon_threadsafe(_end, app, stop)


def _end(app: Any, stop: BaseException) -> None:
    if app.is_running and not app.is_done:
        app.exit(exception=stop, style="class:aborting")


def _starting(app: Any) -> None:
    """Called by prompt_toolkit as the prompt starts: a stop signal already received, or a
    Ctrl-C held meanwhile, stops it."""
    if _stopping:
        app.exit(exception=_stopping[0], style="class:aborting")
        return
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
    from prompt_toolkit.key_binding import KeyBindings

    ends = KeyBindings()

    @ends.add("c-d", filter=Condition(lambda: not app.current_buffer.text))
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    _add_keys(app, ends)


def _stray_sequences_ignored(app: Any) -> None:
    """An escape sequence typed or pasted as text ("ESC[31m", a colour code) looks to
    prompt_toolkit like a mouse report it cannot parse, and it stopped the prompt with a
    traceback. No prompt here asks for the mouse, so such a report is let go."""
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    ignored = KeyBindings()

    @ignored.add(Keys.Vt100MouseEvent)
    def _let_go(event: Any) -> None:
        return None

    _add_keys(app, ignored)


def _add_keys(app: Any, bindings: Any) -> None:
    """``bindings`` on top of the prompt's own: the later bindings win."""
    from prompt_toolkit.key_binding import merge_key_bindings

    app.key_bindings = (
        merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
    )


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
    _stray_sequences_ignored(app)
    app.pre_run_callables.append(lambda: _starting(app))
    try:
        return question.unsafe_ask()
    except OSError:
        # The terminal is gone (closed, hung up): the prompt can neither read nor draw.
        # That is the end of input, so the words typed so far are kept as after Ctrl-D,
        # or as after the signal that came with it.
        raise (_stopping[0] if _stopping else EOFError()) from None
    finally:
        _hold()  # until the next prompt of the same question starts
