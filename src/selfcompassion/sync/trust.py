"""Which devices may read an encrypted sync folder, and how a new one is let in.

The folder's key (``sealing.FolderKey``) is made by the first device that turns
encryption on and kept in its journal, so it is encrypted at rest when the journal is
(``journal encrypt``). Its public half is written to ``sync-key.txt`` in the folder, which
is how every device tells that the folder is encrypted. Each device also has an age
identity of its own, kept in its journal the same way. A device that syncs an encrypted
folder without holding the key writes its public key (``device-ID.recipient``) and waits:
nothing in the folder can be read by it yet. The person lets it in from a device that
already holds the key, with the short code the new device showed (``journal sync --allow
CODE``); only then is the key written for it (``device-ID.key.age``, sealed to its public
key). A public key someone else drops in the folder is never answered on its own: it is
let in only when the person types its code on a device of theirs.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, JournalError
from ..files.safefiles import private_new_file, write_private_text
from ..store import JournalStore
from . import sealing
from .sealing import FolderKey, SealError

MARKER = "sync-key.txt"
_DEVICE_FILE = re.compile(r"^device-([0-9a-f]{32})\.recipient$")
#: The largest file of keys read from the folder, in bytes.
_MAX_KEY_BYTES = 4096


class NotLetIn(JournalError):
    """This device syncs an encrypted folder whose key it has not been given yet."""


def recipient_file(folder: Path, device: str) -> Path:
    return folder / f"device-{device}.recipient"


def grant_file(folder: Path, device: str) -> Path:
    return folder / f"device-{device}.key.age"


def _small(path: Path) -> bytes | None:
    try:
        if not path.is_file() or path.stat().st_size > _MAX_KEY_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def folder_recipient(folder: Path) -> str | None:
    """The public half of the folder's key when the folder is encrypted, else None."""
    data = _small(folder / MARKER)
    if data is None:
        return None
    try:
        return sealing.check_recipient(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise InputError(
            f"{folder / MARKER}: not the public key of a sync folder; if it was changed by "
            "hand, put back the copy from another device"
        ) from None


def encrypted_here(store: JournalStore) -> bool:
    return store.sync_value("folder_key") is not None


def folder_key(store: JournalStore, folder: Path, encrypt: bool) -> tuple[FolderKey | None, bool]:
    """The key this sync seals and opens files with (None: the folder is not encrypted),
    and whether it was taken up just now (then everything known is sent again, sealed).
    Raises NotLetIn when the folder is encrypted and this device has not been let in."""
    published = folder_recipient(folder)
    held = store.sync_value("folder_key")
    if held is not None:
        key = FolderKey(held)
        if published is None:
            write_private_text(folder / MARKER, key.recipient + "\n", own=True)
        elif published != key.recipient:
            raise InputError(
                f"{folder}: encrypted with another key than this journal's; sync this "
                "journal with a folder of its own devices (see docs/sync.md)"
            )
        return key, False
    if published is None and not encrypt:
        return None, False
    if published is None:
        key = FolderKey(sealing.new_identity())
        store.set_sync_value("folder_key", key.identity)
        write_private_text(folder / MARKER, key.recipient + "\n", own=True)
        return key, True
    return _let_in(store, folder, published), True


def _own_identity(store: JournalStore) -> str:
    found = store.sync_value("device_identity")
    if found is None:
        found = sealing.new_identity()
        store.set_sync_value("device_identity", found)
    return found


def own_code(store: JournalStore) -> str:
    return sealing.code(sealing.recipient_of(_own_identity(store)))


def _let_in(store: JournalStore, folder: Path, published: str) -> FolderKey:
    device = store.device_id()
    identity = _own_identity(store)
    mine = sealing.recipient_of(identity)
    sealed = _small(grant_file(folder, device))
    if sealed is not None:
        try:
            key = FolderKey(sealing.unseal(sealed, identity).decode("ascii"))
            if key.recipient == published:
                store.set_sync_value("folder_key", key.identity)
                return key
        except (SealError, UnicodeDecodeError, ValueError):
            pass  # not a key for this device: wait to be let in as if it were not there
    if _small(recipient_file(folder, device)) != (mine + "\n").encode("ascii"):
        write_private_text(recipient_file(folder, device), mine + "\n", own=True)
    raise NotLetIn(
        f"{folder} is encrypted and this device is not let in yet. On a device that "
        f"already syncs it, run: journal sync --allow {sealing.code(mine)}  then sync here "
        "again (see docs/sync.md)"
    )


def waiting_devices(folder: Path) -> list[tuple[str, str]]:
    """(device, code) of the devices whose public key is in the folder and for which no
    key has been written yet."""
    return [
        (device, sealing.code(recipient))
        for device, recipient in _published(folder)
        if not grant_file(folder, device).exists()
    ]


def _published(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(folder.iterdir()):
        match = _DEVICE_FILE.match(path.name)
        data = _small(path) if match else None
        if match is None or data is None:
            continue
        try:
            found.append((match.group(1), sealing.check_recipient(data.decode("ascii"))))
        except (UnicodeDecodeError, ValueError):
            continue
    return found


def allow(store: JournalStore, folder: Path, wanted: str) -> str:
    """Let in the device whose public key in ``folder`` has the code ``wanted``: write
    the folder's key for it, sealed to that public key. Returns the device id."""
    held = store.sync_value("folder_key")
    if held is None:
        raise InputError(
            "this journal does not hold the sync folder's key, so it cannot let a device "
            "in: run journal sync --allow on a device that syncs the folder encrypted"
        )
    key = FolderKey(held)
    code = "".join(ch for ch in wanted.upper() if ch.isalnum())
    for device, recipient in _published(folder):
        if sealing.code(recipient).replace("-", "") == code:
            sealed = sealing.seal(key.identity.encode("ascii"), [recipient])
            with private_new_file(grant_file(folder, device), own=True) as temp:
                temp.write_bytes(sealed)
            return device
    raise InputError(
        f"no device waiting in {folder} has the code {wanted}; check it on the new device "
        "(journal sync there shows it) and that the folder has finished syncing"
    )
