"""This device's own change files, checked at every sync: is each still as it was written?

Something outside can cut a file short, empty it, put an older copy in its place or
delete it after it was written (a folder put back from an older copy, a sync tool's own
repair). The other devices then skip it or never see it, and the changes it carried
would reach them no more. So when a file is written its size and SHA-256 are kept, with
its modification time to the nanosecond. A file of the same size and time is taken as
intact without being read: any copy that differs was written at another moment (a copy
that keeps times keeps those of the file it copies). One whose time moved but whose
size did not (copied over without its times) is read once and its digest compared. A
file found damaged is "healed": the sync writes again, in new files, what the items it
carried are now (``sending.resend``); the damaged file itself is never touched, and is
read like any other file once it can be (it may hold something a copy of this journal
wrote elsewhere).

Files written before this check existed are taken up the first time they are seen: read
whole once, to learn which items each carried; one that cannot be read then has every
item no readable file carries written again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..store import JournalStore
from . import changefiles
from .sealing import FolderKey

#: A file's row as kept: (name, size, SHA-256, how it looks on disk, healed).
Row = tuple[str, int, str, str, bool]
#: How a file that is not there looks.
GONE = ""


@dataclass
class Check:
    """What the look at this device's own files found."""

    damaged: list[str] = field(default_factory=list)  # found damaged now, not healed yet
    rows: list[Row] = field(default_factory=list)  # rows to keep anew
    unread: list[str] = field(default_factory=list)  # changed files there: to be read again
    sent_in: list[tuple[int, str, str]] = field(default_factory=list)  # from files taken up
    unknown: bool = False  # a damaged file whose items are not known one by one
    healed_before: int = 0  # files healed at an earlier sync

    def numbers(self) -> list[int]:
        return [number_of(name) for name in self.damaged]


def number_of(name: str) -> int:
    match = changefiles.NAME.match(name)
    return int(match[2]) if match else 0


def seen(path: Path) -> tuple[int, str]:
    """(size, how the file looks on disk: its size and modification time), or
    (-1, GONE) when it is not there."""
    try:
        stat = os.stat(path)
    except OSError:  # not there, or not to be looked at: as good as gone
        return -1, GONE
    return stat.st_size, f"{stat.st_size}:{stat.st_mtime_ns}"


def as_written(written: changefiles.Written) -> Row:
    return (written.name, written.size, written.digest, seen(written.path)[1], False)


def _digest(path: Path) -> str:
    try:
        return changefiles.digest_of(path.read_bytes())
    except OSError:  # gone since, or not readable: not as written
        return GONE


def check(
    store: JournalStore,
    folder: Path,
    device: str,
    key: FolderKey | None,
    listed: list[changefiles.ChangeFile] | None = None,
) -> Check:
    """Look at every file this device wrote to ``folder``. Given the folder's ``listed``
    change files, those of this device written before their digests were kept are taken
    up, read whole once (``--status`` leaves them)."""
    found = Check()
    for name, size, digest, was, healed in store.own_files():
        path = folder / name
        now_size, now = seen(path)
        if now == was:
            found.healed_before += healed
            continue
        now_digest = _digest(path) if now_size >= 0 else GONE
        if now_size == size and now_digest == digest:
            found.rows.append((name, size, digest, now, healed))  # touched, not changed
            found.healed_before += healed
            continue
        if healed:
            found.healed_before += 1
        else:
            found.damaged.append(name)
        found.rows.append((name, now_size, now_digest, now, True))
        if now_size >= 0:
            found.unread.append(name)
    if listed is not None:
        _take_up(store, listed, device, key, found)
    return found


def _take_up(
    store: JournalStore,
    listed: list[changefiles.ChangeFile],
    device: str,
    key: FolderKey | None,
    found: Check,
) -> None:
    """Files of this device read before their digests were kept (written before this
    check existed, or read back after a restore from a backup): each readable one is
    kept as it is, with the items it carries; one that cannot be read is damaged, with
    items unknown. One gone is left alone: it cannot be told from a file of a folder
    synced with before.

    A file of this device that this journal has neither written nor read was written
    after the backup it was restored from: a readable one is read back by the sync like
    any other file; one that cannot be read (cut short or emptied in the folder since) is
    damaged too, so the healing file names it and the other devices stop saying they skip
    it (it is still read, by every device, once a whole copy of it turns up)."""
    kept = {row[0] for row in store.own_files()}
    done = store.read_files()
    for item in listed:
        if item.device != device or item.name in kept:
            continue
        after_the_backup = item.name not in done
        size, now = seen(item.path)
        if after_the_backup and size < 0:
            continue
        try:
            changes = changefiles.read(item, key)
        except changefiles.Unreadable:
            found.damaged.append(item.name)
            found.unknown = True
            found.rows.append((item.name, size, _digest(item.path), now, True))
            found.unread.append(item.name)
            continue
        if after_the_backup:
            continue
        found.rows.append((item.name, size, _digest(item.path), now, False))
        found.sent_in += [(item.number, change.kind, change.key) for change in changes]


def items_to_heal(store: JournalStore, found: Check) -> Sequence[tuple[str, str]]:
    """The items the damaged files carried last (every item no file is known to carry,
    when a damaged file's items are not known)."""
    items = set(store.items_sent_in(found.numbers()))
    if found.unknown:
        taken_up = {(kind, key) for _, kind, key in found.sent_in}
        items.update(set(store.items_sent_nowhere()) - taken_up)
    return sorted(items)


def names_to_announce(store: JournalStore, device: str, found: Check) -> list[str]:
    """The damaged files a healing file names: those found now, and every file of this
    device healed before. The file that announced an earlier healing may be among those
    damaged now; without naming it again, the other devices would go on reporting that
    earlier file as unreadable although nothing it carried is missing."""
    before = {
        name
        for name in store.healed_files()
        if (match := changefiles.NAME.match(name)) and match[1] == device
    }
    return sorted({*found.damaged, *before})
