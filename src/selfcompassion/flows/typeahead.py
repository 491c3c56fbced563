"""Keys pressed between two questions are kept, but not echoed by the terminal.

While a question is on screen prompt_toolkit owns the terminal and draws what is typed.
Between two questions (an answer being saved, the next question being printed) the
terminal is back in its ordinary mode, which echoes every key: an arrow key pressed a
moment early showed as "^[[B" above the next menu. The key itself was never lost: the
next prompt reads it. So for the length of an interactive flow the terminal's echo is off
(prompt_toolkit restores the settings it found after each prompt, so it stays off), and
the settings as they were come back when the flow finishes or the process ends.
"""

from __future__ import annotations

import atexit
import sys
from typing import Any

_saved: list[Any] | None = None


def silence_echo() -> None:
    """Turn the terminal's echo off until ``restore_echo`` or the end of the process;
    nothing happens where standard input is not a terminal."""
    global _saved
    if _saved is not None:
        return
    try:
        import termios
    except ImportError:  # no terminal settings to change on this system
        return
    try:
        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~termios.ECHO
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except (termios.error, OSError, ValueError):
        return
    _saved = saved


def restore_echo() -> None:
    """The terminal's settings as they were before ``silence_echo``."""
    global _saved
    if _saved is None:
        return
    saved, _saved = _saved, None
    import termios

    try:
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, saved)
    except (termios.error, OSError, ValueError):  # the terminal is gone: nothing to restore
        return


# Registered once, whatever number of flows a process runs; a no-op unless echo is off.
atexit.register(restore_echo)
