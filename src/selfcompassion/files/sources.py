"""Reading what a person points the tool at: a file path, or ``-`` for standard input.

Both ``--answers`` files and import files are read the same careful way: a folder, a
missing file or an unreadable one is one plain InputError, and nothing past a size limit
is read into memory. Answers files are read whole; imports, which may be large, a piece
at a time.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def open_source(
    source: str, *, noun: str, stdin: IO[bytes] | None = None
) -> Iterator[tuple[str, IO[bytes]]]:
    """(how to name the source in messages, a binary stream of it), for reading a piece at
    a time; ``noun`` names what it should be."""
    from ..errors import InputError

    where = "standard input" if source == "-" else source
    article = "an" if noun[:1] in "aeiou" else "a"
    if source == "-":
        yield where, stdin if stdin is not None else sys.stdin.buffer
        return
    path = Path(source)
    try:
        if path.is_dir():
            raise InputError(f"{where}: is a folder, not {article} {noun}")
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{where}: no such {noun}") from None
    except OSError as error:
        raise InputError(f"{where}: cannot be read ({error.strerror or error})") from None
    with handle:
        yield where, handle


def read_chunk(where: str, handle: IO[bytes], size: int) -> bytes:
    """Up to ``size`` bytes from ``handle``; a read that fails is one InputError."""
    from ..errors import InputError

    try:
        raw = handle.read(size)
    except OSError as error:
        raise InputError(f"{where}: cannot be read ({error.strerror or error})") from None
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw


def too_large(noun: str, limit: int) -> str:
    """Why a source past its size limit is refused."""
    return f"the {noun} is larger than {limit:,} bytes"


def read_source(
    source: str, *, limit: int, noun: str, stdin: IO[bytes] | None = None
) -> tuple[str, bytes]:
    """(how to name the source in messages, its bytes); ``noun`` names what it should be."""
    from ..errors import InputError

    with open_source(source, noun=noun, stdin=stdin) as (where, handle):
        raw = read_chunk(where, handle, limit + 1)
    if len(raw) > limit:
        raise InputError(f"{where}: {too_large(noun, limit)}")
    return where, raw


def read_regular_file(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. A FIFO, device or socket
    (or a link to one) is refused without waiting on it, and nothing past the limit is
    read, so a pack linked to /dev/zero or a pipe cannot hang or fill memory.

    Raises OSError (with a ``strerror`` fit for a message) for what cannot be used.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a device, pipe or socket)")
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes")
    return raw
