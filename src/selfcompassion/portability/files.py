"""Opening import files to be read a piece at a time, and writing exports that only their
owner can read.

An import file is read through a JsonStream: it must be UTF-8 JSON and is refused past a
size limit, and a file that cannot be opened or read is one InputError naming it.
Exports are written through ``files.safefiles``, the one writer of the journal's files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import IO

from ..files.safefiles import (
    make_private_dir,
    private_text_file,
    private_text_files,
    refuse_existing,
)
from ..files.sources import open_source, read_chunk, too_large
from .stream import JsonStream

__all__ = [
    "make_private_dir",
    "open_import",
    "private_text_file",
    "private_text_files",
    "refuse_existing",
]

#: The largest import file accepted, in bytes.
MAX_IMPORT_BYTES = 1 << 30
NOUN = "file to import"


@contextlib.contextmanager
def open_import(source: str, stdin: IO[bytes] | None = None) -> Iterator[tuple[str, JsonStream]]:
    """(how to name the source, its JSON to read) for a file path, or standard input for
    ``-``."""
    with open_source(source, noun=NOUN, stdin=stdin) as (where, handle):
        yield (
            where,
            JsonStream(
                lambda size: read_chunk(where, handle, size),
                limit=MAX_IMPORT_BYTES,
                too_large=too_large(NOUN, MAX_IMPORT_BYTES),
            ),
        )
