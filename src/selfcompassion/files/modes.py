"""The journal's one set of file modes, and the one way it creates files and folders.

Whatever the umask, a file the journal creates is 0600 and a folder 0700: the journal
itself, its copies, exports, reports, notes, settings and temporary files alike.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError, StorageError

#: Every file the journal writes: read and write for its owner only.
PRIVATE_FILE = 0o600
#: Every folder the journal creates: open to its owner only.
PRIVATE_DIR = 0o700


def make_private_dir(folder: Path) -> None:
    """Create the folder (and missing parents) with 0700 on the folders this call creates;
    a folder that already exists is left as it is."""
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for created in reversed(missing):
        try:
            created.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # another process made it at the same moment
        except OSError as error:
            raise StorageError(f"{created}: cannot be created ({error.strerror})") from None
        os.chmod(created, PRIVATE_DIR)
    if not folder.is_dir():
        raise InputError(f"{folder}: is not a folder")


def create_private_file(path: Path, *, exist_ok: bool = False) -> None:
    """Create an empty file that only its owner can read, whatever the umask."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, PRIVATE_FILE)
    except FileExistsError:
        if exist_ok:
            return  # another process created it at the same moment
        raise StorageError(f"{path}: already exists; choose another name") from None
    try:
        os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
