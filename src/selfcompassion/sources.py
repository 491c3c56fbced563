"""Reading what a person points the tool at: a file path, or ``-`` for standard input.

Both ``--answers`` files and import files are read the same careful way: a folder, a
missing file or an unreadable one is one plain InputError, and nothing past a size limit
is read into memory.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any


def read_source(
    source: str, *, limit: int, noun: str, stdin: IO[bytes] | Any = None
) -> tuple[str, bytes]:
    """(how to name the source in messages, its bytes); ``noun`` names what it should be."""
    from .errors import InputError

    where = "standard input" if source == "-" else source
    article = "an" if noun[:1] in "aeiou" else "a"
    try:
        if source == "-":
            raw = (stdin if stdin is not None else sys.stdin.buffer).read(limit + 1)
        else:
            path = Path(source)
            if path.is_dir():
                raise InputError(f"{where}: is a folder, not {article} {noun}")
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{where}: no such {noun}") from None
    except OSError as error:
        raise InputError(f"{where}: cannot be read ({error.strerror or error})") from None
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogateescape")
    if len(raw) > limit:
        raise InputError(f"{where}: the {noun} is larger than {limit:,} bytes")
    return where, raw
