"""SIGTERM and SIGHUP turned into an exception for the length of a block.

Left to their default, both signals end the process on the spot: no ``finally`` runs, a
temporary file holding entry text stays behind, the words half typed at a question are
lost and the terminal is left without echo. Inside ``signals_raise`` each raises the
exception it is given instead, so the command ends the way an error or Ctrl-C does.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

#: The signals that end a command in an orderly way: ``kill`` and a closed terminal.
CAUGHT = ("SIGTERM", "SIGHUP")


class SignalStop(KeyboardInterrupt):
    """SIGTERM or SIGHUP at a question: it ends the question as Ctrl-C does (so the words
    typed so far are kept), and the command exits with the signal's own code."""

    def __init__(self, signum: int) -> None:
        super().__init__()
        self.exit_code = 128 + signum


def exit_code_of(stop: BaseException, usual: int = 130) -> int:
    """The exit code for a stop: the signal's for a SignalStop, else ``usual``."""
    return stop.exit_code if isinstance(stop, SignalStop) else usual


@contextlib.contextmanager
def signals_raise(
    make: Callable[[int], BaseException],
    deliver: Callable[[BaseException], None] | None = None,
) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise ``make(signal number)`` in the main
    thread; the handlers before are put back when it ends. Elsewhere than the main thread,
    where Python cannot set handlers, the block runs unchanged.

    ``deliver``, when given, is handed the exception instead, to pass it on where it is
    safe to raise (a prompt's event loop: raised from the handler, an exception can land
    in a callback or a finaliser, where it is printed and lost).

    Once one has arrived the command is on its way out, and both are ignored from then on:
    a shell passes a closed terminal's SIGHUP on to the programs it started, so a second
    one often follows the first, and it must not cut short the draft or the clean-up that
    the first set going."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved: dict[int, object] = {}
    fired: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        for number in saved:
            signal.signal(number, signal.SIG_IGN)
        fired.append(signum)
        stop = make(signum)
        if deliver is None:
            raise stop
        deliver(stop)

    for name in CAUGHT:
        number = getattr(signal, name, None)
        if number is not None:
            saved[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        if not fired:
            for number, before in saved.items():
                signal.signal(number, before)  # type: ignore[arg-type]
