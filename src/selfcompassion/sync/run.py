"""One sync: this device's changes out to a file of its own, the others' changes in.

1. Look at this device's own files in the folder: after a restore from a backup the
   folder may hold changes the journal no longer remembers making, so the clock is set
   after them and the next file gets a number after theirs. A file of its own that is
   no longer as it was written (``ownfiles``) has its items written again.
2. Stamp every item changed here since the last sync and write them to new files
   (``sending``), and record them as sent in one transaction.
3. Read every file not read before (the others', and this device's own from before a
   restore); a file that cannot be read yet is skipped with one line and tried next time.
4. Decide each change (``merge``) and write the result, a few thousand changes (whole
   files) per transaction, each with the record of which files it read: a sync that
   stops part-way loses nothing and is simply done again; memory stays bounded however
   large the first sync.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..gcpause import cycle_collector_paused
from ..store import JournalStore
from ..store.staging import ImportStage
from . import arriving, changefiles, ownfiles, sending
from .clock import Clock, Stamp
from .items import StoreItems
from .merge import Outcome, apply
from .ownfiles import Check
from .sealing import FolderKey

#: Changes brought in per transaction (whole files at a time), so memory stays bounded:
#: records stay text until they land, about 2.5 KB each.
GROUP_CHANGES = 25_000


@dataclass
class SyncResult:
    folder: Path
    sent: int = 0
    sent_again: int = 0  # items already sent elsewhere, written again to this folder
    healed: int = 0  # this device's files found damaged in the folder
    healed_items: int = 0  # the items they carried, written again
    new_folder: bool = False
    received: int = 0
    kept: int = 0
    file_written: str | None = None
    skipped: list[str] = field(default_factory=list)  # one line per file left for later


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def check_folder(folder: Path) -> Path:
    folder = folder.expanduser()
    try:
        is_folder = folder.is_dir()
    except OSError as error:  # a folder on the way that may not be looked into
        raise InputError(f"{folder}: cannot be used ({error.strerror or error})") from None
    if not is_folder:
        raise InputError(f"{folder}: no such folder; create it (and keep it in sync) first")
    try:
        str(folder).encode("utf-8")  # the journal remembers the folder by its name
    except UnicodeEncodeError:
        raise InputError(f"{folder}: its name is not UTF-8 text; rename the folder") from None
    return folder


def pending_files(store: JournalStore, folder: Path, sealed: bool = False) -> list[str]:
    """The change files in ``folder`` this journal has not read (leaving out damaged ones
    their device has written again)."""
    done = store.read_files() | store.healed_files()
    return [item.name for item in changefiles.listed(folder, sealed) if item.name not in done]


def sync_journal(
    store: JournalStore,
    folder: Path,
    clock_ms: Callable[[], int] = now_ms,
    key: FolderKey | None = None,
    resend: bool = False,
) -> SyncResult:
    """Sync with ``folder`` (``_sync``), Python's cycle collector paused meanwhile: a
    first sync makes as many objects as an import of the same entries."""
    with cycle_collector_paused():
        return _sync(store, folder, clock_ms, key, resend)


def _sync(
    store: JournalStore,
    folder: Path,
    clock_ms: Callable[[], int],
    key: FolderKey | None,
    resend: bool,
) -> SyncResult:
    """Sync with ``folder``; with ``key`` every file is sealed, and with ``resend`` (a key
    taken up just now) everything this journal knows is written again, sealed, and this
    device's plain files are taken out of the folder.

    A folder that holds no file this journal wrote or read, although it has synced
    before, is another folder than last time (or one emptied since): everything this
    journal knows is written there again too, so a device that syncs only with the new
    folder gets the whole journal. A folder that was moved or renamed keeps those files,
    so nothing is written twice."""
    folder = check_folder(folder)
    result = SyncResult(folder)
    device = store.device_id()
    saved = store.sync_value("clock")
    clock = Clock(device, Stamp.parse(saved) if saved else None)
    files = changefiles.listed(folder, sealed=key is not None)
    done = store.read_files()
    for item in files:
        # Its own files this journal does not remember: it was restored from a backup.
        own = item.device == device and item.name not in done
        if own and (latest := changefiles.latest_stamp(item, key)):
            clock.see(latest)
    number = max([int(store.sync_value("number") or 0), *changefiles.own_numbers(files, device)])

    synced_before = bool(done) or number > 0
    new_folder = synced_before and not any(i.device == device or i.name in done for i in files)
    result.new_folder = new_folder

    # Its own files, as written? Not worth a look when everything is written again.
    everything = resend or new_folder
    looked = Check() if everything else ownfiles.check(store, folder, device, key, files)
    sent = sending.send(store, folder, clock, number, clock_ms(), key)
    if everything:
        sent.add(sending.resend(store, folder, device, sent.number, key))
        result.sent_again = sent.again
    elif looked.damaged:
        items = ownfiles.items_to_heal(store, looked)
        named = ownfiles.names_to_announce(store, device, looked)
        sent.add(sending.resend(store, folder, device, sent.number, key, items, named))
        result.healed, result.healed_items = len(looked.damaged), sent.again
    if resend:
        for item in changefiles.listed(folder, sealed=False):
            if item.device == device:
                item.path.unlink(missing_ok=True)
    result.sent = len(sent.items)
    result.file_written = sent.files[-1] if sent.files else None
    if sent.written or looked.rows:
        with store.applying() as write:
            if everything:
                write.forget_own_files()
            write.sent_in(looked.sent_in, latest=True)
            write.sent_items(sent.items)
            write.sent_in(sent.carried)
            write.keep_own_files([*looked.rows, *map(ownfiles.as_written, sent.written)])
            write.unread(looked.unread)
            write.healed(looked.damaged)
            write.files_read(sent.files)
            write.value("clock", clock.last.text())
            write.value("number", str(sent.number))

    kept_before = store.kept_count()
    group: arriving.Group = []
    already = (done - set(looked.unread)) | set(sent.files)
    told: list[str] = []  # files their devices say they found damaged and wrote again
    unreadable: list[tuple[str, str]] = []
    for item in files:
        if item.name in already:
            continue
        try:
            contents = changefiles.read_whole(item, key)
        except changefiles.Unreadable as error:
            unreadable.append(
                (item.name, f"{item.name}: {error}; it will be tried again next time")
            )
            continue
        group.append((item.name, contents.changes))
        told += contents.healed
        if sum(len(changes) for _, changes in group) >= GROUP_CHANGES:
            result.received += _bring_in(store, group, clock, result)
            group = []
    result.received += _bring_in(store, group, clock, result)
    if told:
        with store.applying() as write:
            write.healed(told)
    # A damaged file its device has written again is still tried, but not named.
    healed = store.healed_files()
    result.skipped += [line for name, line in unreadable if name not in healed]
    result.kept = store.kept_count() - kept_before
    return result


def _bring_in(store: JournalStore, group: arriving.Group, clock: Clock, result: SyncResult) -> int:
    """Check the records of a group of files, decide their changes and write them in one
    transaction, with the record that those files were read; returns how many changed
    something."""
    with store.import_stage() as stage:
        checked, group, unfit = arriving.check(stage, group)
        result.skipped += [f"{line}; it will be tried again next time" for line in unfit]
        items = StoreItems(store, checked)
        incoming = [change for _, changes in group for change in changes]
        if incoming:
            # Stamps sort as text in time order: seeing the latest is seeing them all.
            clock.see(Stamp.parse(max(change.stamp for change in incoming)))
        items.prepare(incoming)
        received = sum(apply(items, change) is not Outcome.HAVE for change in incoming)
        _write(store, stage, items, [name for name, _ in group], clock)
    return received


def _write(
    store: JournalStore, stage: ImportStage, items: StoreItems, files: list[str], clock: Clock
) -> None:
    arrived, gone_entries = items.entries()
    commitments, gone_commitments = items.commitments()
    store.keep_staged(stage, [entry.seq for entry in arrived])
    with store.applying() as write:
        write.known(items.known_rows())
        write.kept(items.kept_rows, items.settled_rows())
        write.entries(stage, gone_entries)
        write.commitments(commitments, gone_commitments)
        write.place_waiting()
        write.files_read(files)
        write.value("clock", clock.last.text())
        write.value("last_sync", time.strftime("%Y-%m-%dT%H:%M:%S%z"))
