"""Reading import files with limits, and writing exports that only their owner can read.

An import file is read whole, refused past a size limit, and must be UTF-8 JSON; every
way it can fail to parse is one InputError naming the file. Exports are written to a
temporary 0600 file beside the target and renamed into place when complete, so an
interrupted export never leaves half a file under the chosen name.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, StorageError
from ..sources import read_source

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


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (0700) and any missing parents; an existing folder stays as it is."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"{folder}: cannot be created ({error.strerror or error})") from None
    if not folder.is_dir():
        raise InputError(f"{folder}: is not a folder")


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Stop before writing anything when a target exists and --force was not given."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise InputError(f"{path}: already exists; choose another name or add --force")


@contextlib.contextmanager
def private_text_file(target: Path) -> Iterator[IO[str]]:
    """A text stream that becomes ``target`` (0600) once the block ends without error."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise StorageError(f"{target}: cannot be written ({error.strerror or error})") from None
    temp = Path(temp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise StorageError(f"{target}: cannot be written ({error.strerror or error})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
