"""Private files: owner-only folders (0700) and files (0600), replaced atomically.

Everything the tool writes outside the journal itself (settings today; exports and backups
may follow) goes through here, so that no file is ever readable by others, whatever the
umask, and a crash or a full disk never leaves half a file in place of a good one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def make_private_dir(folder: Path) -> None:
    """Create the folder (and missing parents) with 0700 on the folders this call creates."""
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700)
        os.chmod(created, 0o700)


def write_private_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: written to a 0600 file beside it, flushed to disk,
    then renamed over it, so readers see the old file or the new one, never a mix."""
    make_private_dir(path.parent)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
