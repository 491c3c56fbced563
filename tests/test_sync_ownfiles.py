"""A device's own change files, damaged in the folder after it wrote them: cut short,
emptied, deleted, or replaced by an older copy. At its next sync the device notices and
writes again what they carried, so a device that syncs afterwards gets every change."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from selfcompassion.store import JournalStore
from selfcompassion.sync import changefiles
from test_sync import NOW, STATUSES, Device, journal_state, words

DAMAGE = ("cut short", "emptied", "deleted")


def shared(root: Path, *names: str) -> list[Device]:
    """Devices syncing through one folder (the first device's)."""
    devices = [Device(root, name) for name in names]
    for device in devices[1:]:
        device.folder.rmdir()
        device.folder = devices[0].folder
    return devices


def own_files(device: Device) -> list[Path]:
    device_id = device_of(device)
    return sorted(
        item.path
        for item in changefiles.listed(device.folder, sealed=False)
        if item.device == device_id
    )


def device_of(device: Device) -> str:
    with device.open() as store:
        return store.device_id()


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "cut short":
        path.write_bytes(data[: len(data) // 2])
    elif how == "emptied":
        path.write_bytes(b"")
    else:
        path.unlink()


def a_bit_of_everything(device: Device) -> None:
    """Entries, an edit, tags, a delete, a commitment with its outcome, a check-in."""
    with device.open() as store:
        store.device_id()  # sync is set up: the delete is carried
        kept = store.add_entry(kind="daily", journal_date=date(2026, 11, 20),
                               answers=words("kept"), now=NOW)  # fmt: skip
        gone = store.add_entry(kind="daily", journal_date=date(2026, 11, 21),
                               answers=words("gone"), now=NOW)  # fmt: skip
        store.replace_answers(kept, words("kept, edited"), ["tired", "work"], NOW)
        store.delete_entry(gone.id)
        with store.writing() as conn:
            made = store.new_commitment(conn, kept.id, "walk", date(2026, 11, 27), NOW)
        store.close_commitment(made.id, STATUSES[1], day=date(2026, 11, 27), now=NOW)
        store.add_entry(kind="checkin", journal_date=date(2026, 11, 22),
                        answers=words("a check-in"), now=NOW)  # fmt: skip


def two_files_written(device: Device) -> None:
    """A first file with ``a_bit_of_everything`` (four items), a second with one entry."""
    a_bit_of_everything(device)
    assert device.sync().file_written
    with device.open() as store:
        store.add_entry(kind="daily", journal_date=date(2026, 11, 23), answers=words("later"),
                        now=NOW)  # fmt: skip
    device.sync()


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_file_of_its_own_is_written_again(tmp_path: Path, how: str) -> None:
    a, b = shared(tmp_path, "a", "b")
    two_files_written(a)
    first, second = own_files(a)
    damage(first, how)
    left = first.read_bytes() if first.exists() else None

    result = a.sync()
    assert result.healed == 1 and result.healed_items == 4  # two entries, a commitment, a delete
    assert a.sync().healed == 0 and a.sync().skipped == []  # once, and quietly after
    assert (first.read_bytes() if first.exists() else None) == left  # left as it was found
    outcome = b.sync()
    assert outcome.skipped == []  # the damaged file is not named: its device wrote it again
    assert journal_state(a.db) == journal_state(b.db)
    assert len(b.entry_ids()) == 3 and b.commitment_ids() == a.commitment_ids()


def test_a_file_swapped_for_an_older_copy_is_written_again_and_the_copy_read(
    tmp_path: Path,
) -> None:
    """The folder is put back from an older copy that holds, under this device's file name,
    a file written by an older copy of its journal (restored from a backup and synced
    with another folder meanwhile): both what the device wrote and what the copy holds
    reach every device."""
    a, b = shared(tmp_path, "a", "b")
    a.sync()
    backup = tmp_path / "backup.db"
    with a.open() as store:
        store.backup(backup)
        store.add_entry(kind="daily", journal_date=date(2026, 11, 20), answers=words("here"),
                        now=NOW)  # fmt: skip
    a.sync()
    (mine,) = own_files(a)

    elsewhere = Device(tmp_path, "old")
    elsewhere.db.parent.mkdir(parents=True)
    shutil.copyfile(backup, elsewhere.db)
    with elsewhere.open() as store:
        store.add_entry(kind="daily", journal_date=date(2026, 11, 21), answers=words("there"),
                        now=NOW)  # fmt: skip
    elsewhere.sync()
    older = elsewhere.folder / mine.name
    assert older.exists() and older.read_bytes() != mine.read_bytes()
    shutil.copyfile(older, mine)

    result = a.sync()
    assert result.healed == 1 and result.received == 1
    b.sync()
    assert journal_state(a.db) == journal_state(b.db)
    assert len(b.entry_ids()) == 2


def test_a_file_copied_over_by_the_same_bytes_is_not_damaged(tmp_path: Path) -> None:
    (a,) = shared(tmp_path, "a")
    a_bit_of_everything(a)
    a.sync()
    (path,) = own_files(a)
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)  # another inode, other times, the same bytes
    assert a.sync().healed == 0
    assert a.sync().file_written is None


def test_a_copy_that_keeps_the_times_is_not_even_read(tmp_path: Path, monkeypatch: Any) -> None:
    (a,) = shared(tmp_path, "a")
    two_files_written(a)
    aside = tmp_path / "aside"
    shutil.copytree(a.folder, aside)  # a folder put back from a copy that keeps times
    shutil.rmtree(a.folder)
    shutil.copytree(aside, a.folder)

    def never(data: bytes) -> str:
        raise AssertionError("a file of the same size and time was read")

    monkeypatch.setattr(changefiles, "digest_of", never)
    assert a.sync().healed == 0


def test_versions_kept_aside_reach_a_device_that_never_read_the_damaged_file(
    tmp_path: Path,
) -> None:
    """a and b change the same entry at the same time; b's change wins and a's is kept
    aside. a's file is then lost before c read it: c must keep a's version too."""
    a, b, c = shared(tmp_path, "a", "b", "c")
    with a.open() as store:
        entry = store.add_entry(kind="daily", journal_date=date(2026, 11, 20),
                                answers=words("first"), now=NOW)  # fmt: skip
    a.sync()
    b.sync()
    with a.open() as store:
        store.replace_answers(entry, words("a's words"), [], NOW)
    with b.open() as store:
        found = store.get_entry(entry.id)
        assert found is not None
        store.replace_answers(found, words("b's words"), [], NOW)
    a.sync()
    b.clock = a.clock + 10_000  # b's change is the later one
    b.sync()
    a.sync()
    assert journal_state(a.db)["kept"] and journal_state(a.db) == journal_state(b.db)
    for path in own_files(a):
        path.unlink()
    assert a.sync().healed == 2
    c.sync()
    assert journal_state(c.db) == journal_state(a.db)


def forget_own_files(db: Path) -> None:
    """The journal as it was before sync kept its files' digests (migration 0011)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM sync_own_files")
        conn.execute("UPDATE sync_items SET sent_in = NULL")
    conn.close()


def test_files_written_before_digests_were_kept_are_taken_up_once(tmp_path: Path) -> None:
    a, b = shared(tmp_path, "a", "b")
    two_files_written(a)
    forget_own_files(a.db)
    assert a.sync().healed == 0
    with a.open() as store:
        assert [row[4] for row in store.own_files()] == [False, False]
        assert store.items_sent_nowhere() == []
    # Taken up: a damaged file is now known by its digest and its items.
    first, _ = own_files(a)
    damage(first, "cut short")
    assert a.sync().healed_items == 4
    b.sync()
    assert journal_state(a.db) == journal_state(b.db)


def test_a_file_damaged_before_it_was_taken_up_has_every_item_written_again(
    tmp_path: Path,
) -> None:
    a, b = shared(tmp_path, "a", "b")
    two_files_written(a)
    forget_own_files(a.db)
    first, _ = own_files(a)
    damage(first, "emptied")
    result = a.sync()
    assert result.healed == 1 and result.healed_items == 4  # all but "later", in a readable file
    assert b.sync().skipped == []
    assert journal_state(a.db) == journal_state(b.db)


def test_the_status_says_so_before_the_sync_writes_them_again(tmp_path: Path) -> None:
    from cli_run import run_cli

    (a,) = shared(tmp_path, "a")
    a_bit_of_everything(a)
    a.sync()

    def status() -> str:
        out = run_cli("--db", str(a.db), "sync", "--status")
        assert out.code == 0, out.err
        return next(line for line in out.out.splitlines() if "This device's files" in line)

    with JournalStore.open(a.db) as store:
        store.set_sync_value("folder", str(a.folder))
    assert status().endswith(": 1, as it wrote them")
    damage(own_files(a)[0], "cut short")
    assert "1 of 1 damaged" in status()
    synced = run_cli("--db", str(a.db), "sync")
    assert synced.code == 0 and "1 of this device's change files" in synced.out
    assert "was found damaged" in synced.out and "4 items" in synced.out
    assert "(1 found damaged before and written again)" in status()
