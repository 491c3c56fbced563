"""Private files: owner-only folders (0700) and files (0600), written whole or not at all.

Everything the tool writes besides the journal itself (settings, reports, exports, daily
notes) goes through here, so no file is ever readable by others, whatever the umask, and
a crash or a full disk never leaves half a file in place of a good one: the text goes to
a 0600 temporary file beside the target and is renamed into place once it is on disk.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError, StorageError


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
            created.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another process made it at the same moment
        except OSError as error:
            raise StorageError(f"{created}: cannot be created ({error.strerror})") from None
        os.chmod(created, 0o700)
    if not folder.is_dir():
        raise InputError(f"{folder}: is not a folder")


@contextlib.contextmanager
def private_text_file(target: Path, *, make_folder: bool = False) -> Iterator[IO[str]]:
    """A text stream that becomes ``target`` (0600) once the block ends without error.

    The target's folder must exist unless ``make_folder`` asks for it to be created.
    """
    target = Path(target).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if make_folder:
        make_private_dir(folder)
    elif not folder.is_dir():
        raise InputError(f"{folder}: no such folder; create it first or choose another path")
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


def write_private_text(target: Path, text: str, *, make_folder: bool = False) -> Path:
    """Replace ``target`` with ``text``, readable and writable by its owner only."""
    with private_text_file(target, make_folder=make_folder) as stream:
        stream.write(text)
    return Path(target).expanduser()
