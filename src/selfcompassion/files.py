"""Writing a file the tool makes for the person (a report, an export): private and whole.

The text goes to a temporary file created 0600 beside the target and is moved into place
only once it is completely on disk, so the target is never half-written and never
readable by anyone else, even for a moment.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError, JournalError


def write_private_text(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (replacing it), readable and writable by its owner only."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name to write to")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; create it first or choose another path")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise JournalError(f"{path}: cannot be written ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise JournalError(f"{path}: cannot be written ({error.strerror or error})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path
