"""Reading import files with limits, and writing exports that only their owner can read.

An import file is read whole, refused past a size limit, and must be UTF-8 JSON; every
way it can fail to parse is one InputError naming the file. Exports are written to a
temporary 0600 file beside the target and renamed into place when complete, so an
interrupted export never leaves half a file under the chosen name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..safefiles import make_private_dir, private_text_file
from ..sources import read_source

__all__ = ["make_private_dir", "private_text_file", "read_json", "refuse_existing"]

#: The largest import file accepted, in bytes.
MAX_IMPORT_BYTES = 1 << 30


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(source: str, stdin: IO[bytes] | None = None) -> Any:
    """The parsed JSON of a file path, or of standard input for ``-``."""
    where, raw = read_source(source, limit=MAX_IMPORT_BYTES, noun="file to import", stdin=stdin)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where}: not UTF-8 text (a broken byte at position {error.start:,}); "
            "nothing was imported"
        ) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise InputError(
            f"{where}: nested too deeply to be a journal; nothing was imported"
        ) from None
    except ValueError as error:
        raise InputError(f"{where}: not valid JSON ({error}); nothing was imported") from None


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Stop before writing anything when a target exists and --force was not given."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise InputError(f"{path}: already exists; choose another name or add --force")
