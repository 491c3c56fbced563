"""How big the terminal is, for every console the journal draws on.

Rich takes a terminal that calls itself dumb (``TERM=dumb``, as an editor's shell sets it)
to be 80 columns wide unless it is given a height as well as a width: at 60 columns every
line it wrapped at words would be cut again by the terminal, inside a word. There the
width (one asked for, else COLUMNS, else the terminal's own) is given with a height.
"""

from __future__ import annotations

import os
from typing import IO

#: The TERM values Rich treats as a dumb terminal.
DUMB_TERMS = ("dumb", "unknown")
#: The height Rich assumes where it cannot tell.
DEFAULT_LINES = 25


def console_size(stream: IO[str], width: int | None = None) -> tuple[int | None, int | None]:
    """The width and height to give a Rich console that writes to ``stream``: ``width``
    and None (Rich finds the rest) except at a dumb terminal, where the width is given
    with a height so that Rich keeps it."""
    if os.environ.get("TERM", "").lower() not in DUMB_TERMS:
        return width, None
    columns = os.environ.get("COLUMNS", "")
    lines = os.environ.get("LINES", "")
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError):
        size = os.terminal_size((0, 0))  # a file or a pipe
    width = width or (int(columns) if columns.isdigit() else size.columns) or None
    if width is None:
        return None, None  # nothing to go by: Rich's 80 columns
    return width, (int(lines) if lines.isdigit() else size.lines) or DEFAULT_LINES
