"""Three journals on three devices, syncing through folders that a sync tool keeps alike.

Each device has its own copy of the folder; a "transport" step copies one change file
from one copy to another the way sync tools do: whole, half-written under the final name
(a file still growing, finished later), under Syncthing's temporary name, as a
"conflicted copy", twice, or late. Devices add, edit, tag and delete entries, add
commitments and mark their outcomes, sync in random orders and are restored from a
backup; a device's own files are cut short, emptied or deleted in every copy of the
folder after it wrote them. At the end every file reaches every folder, every device
syncs, and all must hold the same journal, with nothing lost that was ever sent.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from selfcompassion.store import Answer, JournalStore
from selfcompassion.sync import changefiles, run, sending
from selfcompassion.sync.run import sync_journal

NOW = datetime(2026, 11, 20, 21, tzinfo=UTC)
STATUSES = ("done", "partly", "let-go")


def words(text: str) -> list[Answer]:
    return [Answer("went-well", "long_text", "What went well?", text, text=text)]


class Device:
    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.db = root / name / "journal.db"
        self.folder = root / f"{name}-folder"
        self.folder.mkdir(parents=True)
        self.backup: Path | None = None
        self.clock = 0

    def open(self) -> JournalStore:
        return JournalStore.open(self.db)

    def ms(self) -> int:
        self.clock += 1_000
        return 1_796_000_000_000 + self.clock

    def sync(self) -> Any:
        with self.open() as store:
            return sync_journal(store, self.folder, clock_ms=self.ms)

    def entry_ids(self) -> list[str]:
        with self.open() as store:
            return [r[0] for r in store.conn.execute("SELECT id FROM entries ORDER BY id")]

    def commitment_ids(self) -> list[str]:
        with self.open() as store:
            return [r[0] for r in store.conn.execute("SELECT id FROM commitments ORDER BY id")]


def journal_state(db: Path) -> dict[str, Any]:
    """Everything synced, in a stable order."""
    conn = sqlite3.connect(db)
    try:
        query = {
            "entries": "SELECT id, kind, journal_date, created_at, updated_at, pack FROM entries",
            "answers": "SELECT entry_id, position, step_id, kind, prompt, theme, value, text "
            "FROM answers",
            "tags": "SELECT entry_id, tag FROM tags",
            "commitments": "SELECT * FROM commitments",
            "kept": "SELECT kind, key, stamp, record FROM sync_kept",
            "search": "SELECT count(*) FROM search_docs",
        }
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in query.items()}
    finally:
        conn.close()


def deliver(source: Path, target: Path, how: str) -> None:
    """Copy one change file the way a sync tool might; never a shorter copy over a longer
    one (no sync tool puts a half-delivered copy back over the file its device wrote)."""
    data = source.read_bytes()
    name = source.name
    there = target / name
    if there.exists() and there.stat().st_size >= len(data):
        return
    if how == "growing":  # the final name, half of it there so far
        (target / name).write_bytes(data[: len(data) // 2])
    elif how == "temporary":
        (target / f".syncthing.{name}.tmp").write_bytes(data[: len(data) // 3])
    elif how == "conflicted":
        (target / name).write_bytes(data)
        stem = name.removesuffix(".jsonl")
        (target / f"{stem} (conflicted copy 2026-11-20).jsonl").write_bytes(data)
    else:
        (target / name).write_bytes(data)


DAMAGE = ("cut short", "emptied", "deleted")


def damage_everywhere(device: Device, devices: list[Device], pick: int, how: str) -> bool:
    """Something outside damages one of ``device``'s own files after it wrote it (a folder
    put back from an older copy, a sync tool's repair), and the sync tool carries the
    damage to every copy of the folder. Whether a file was damaged."""
    with device.open() as store:
        mine = store.device_id()
    own = sorted(p for p in device.folder.iterdir() if (m := changefiles.NAME.match(p.name))
                 and m[1] == mine)  # fmt: skip
    if not own:
        return False
    name = own[-1 - pick % min(len(own), 2)].name  # the latest file, or the one before
    data = (device.folder / name).read_bytes()
    for target in devices:
        there = target.folder / name
        if how == "deleted":
            there.unlink(missing_ok=True)
        elif there.exists() or target is device:
            there.write_bytes(b"" if how == "emptied" else data[: len(data) // 2])
    return True


def everything_everywhere(devices: list[Device]) -> None:
    """The sync tool catches up: each change file's whole copy reaches every folder.

    The whole copy is the longest one: a half-delivered copy in another folder must not be
    copied back over the file its device wrote, as no sync tool would.
    """
    whole: dict[str, Path] = {}
    for source in devices:
        for path in source.folder.iterdir():
            if changefiles.NAME.match(path.name):
                known = whole.get(path.name)
                if known is None or path.stat().st_size > known.stat().st_size:
                    whole[path.name] = path
    for name, path in whole.items():
        for target in devices:
            if target.folder / name != path:
                shutil.copyfile(path, target.folder / name)


step = st.tuples(
    st.sampled_from(
        (
            "add",
            "add",
            "edit",
            "edit",
            "tag",
            "delete",
            "commit",
            "outcome",
            "sync",
            "sync",
            "deliver",
            "deliver",
            "backup",
            "restore",
            "damage",
        )
    ),  # fmt: skip
    st.integers(0, 2),
    st.integers(0, 2),
    st.integers(0, 1_000),
    st.sampled_from(("whole", "whole", "growing", "temporary", "conflicted")),
    st.sampled_from(DAMAGE),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(step, min_size=4, max_size=24))
# A file that announced a healing was itself damaged and healed: the new file must name
# the first damaged file again, or the others report it unreadable for ever.
@example(
    steps=[("add", 0, 0, 0, "whole", "cut short")] * 7
    + [("damage", 0, 0, 0, "whole", "cut short")] * 2
)
# A file written after the backup, cut short everywhere, then the backup put back: no copy
# of what it carried is left anywhere, so the restore is not made (the known limit).
@example(
    steps=[("add", 0, 0, 0, "whole", "cut short")] * 8
    + [("backup", 0, 0, 0, "whole", "cut short"), ("add", 0, 0, 0, "whole", "cut short")]
    + [("damage", 0, 0, 0, "whole", "cut short"), ("restore", 0, 0, 0, "whole", "cut short")]
)
def test_three_devices_end_with_the_same_journal(
    tmp_path_factory: Any, monkeypatch: Any, steps: list[Any]
) -> None:
    # Small files and small groups, so that a few changes already span several of each.
    monkeypatch.setattr(sending, "FILE_CHANGES", 2)
    monkeypatch.setattr(run, "GROUP_CHANGES", 3)
    root = tmp_path_factory.mktemp("devices")
    devices = [Device(root, name) for name in ("a", "b", "c")]
    sent_entries: set[str] = set()
    deleted: set[str] = set()
    # Devices with a file of their own damaged or deleted since their backup: restored, such
    # a device would not know that file, and what only it carried would be gone with both
    # copies (a known limit, docs/sync.md).
    harmed_since_backup: set[str] = set()
    for number, (what, who, other, pick, how, harm) in enumerate(steps):
        device = devices[who]
        text = f"step {number} on {device.name}"
        if what == "add":
            with device.open() as store:
                store.add_entry(kind="daily", journal_date=date(2026, 11, 20),
                                answers=words(text), now=NOW)  # fmt: skip
        elif what in ("edit", "tag", "delete", "commit") and (ids := device.entry_ids()):
            entry_id = ids[pick % len(ids)]
            with device.open() as store:
                entry = store.get_entry(entry_id)
                assert entry is not None
                if what == "edit":
                    store.replace_answers(entry, words(text), entry.tags, NOW)
                elif what == "tag":
                    store.replace_answers(entry, entry.answers, [*entry.tags, f"t{pick % 3}"], NOW)
                elif what == "delete":
                    store.delete_entry(entry_id)
                    deleted.add(entry_id)
                else:
                    with store.writing() as conn:
                        store.new_commitment(conn, entry_id, text, date(2026, 11, 27), NOW)
        elif what == "outcome" and (ids := device.commitment_ids()):
            with device.open() as store:
                found = store.find_commitment(ids[pick % len(ids)])
                if found.is_open:
                    store.close_commitment(
                        found.id, STATUSES[pick % 3], day=date(2026, 11, 27), now=NOW
                    )
        elif what == "sync":
            result = device.sync()
            assert all("tried again" in line for line in result.skipped)
            if result.file_written:
                sent_entries.update(device.entry_ids())
        elif what == "deliver":
            files = [p for p in device.folder.iterdir() if changefiles.NAME.match(p.name)]
            if files and other != who:
                deliver(sorted(files)[pick % len(files)], devices[other].folder, how)
        elif what == "damage" and device.db.exists():
            if device.sync().file_written:  # most often the file damaged is one just written
                sent_entries.update(device.entry_ids())
            if damage_everywhere(device, devices, pick, harm):
                harmed_since_backup.add(device.name)
        elif what == "backup" and device.db.exists():
            device.sync()
            harmed_since_backup.discard(device.name)
            device.backup = device.db.with_name("backup.db")
            with device.open() as store:
                device.backup.unlink(missing_ok=True)
                store.backup(device.backup)
        elif (
            what == "restore"
            and device.backup is not None
            and device.name not in harmed_since_backup
        ):
            for side in ("-wal", "-shm"):
                device.db.with_name(device.db.name + side).unlink(missing_ok=True)
            shutil.copyfile(device.backup, device.db)

    for _ in range(2):  # the tool catches up: every file everywhere, every device syncs
        for device in devices:
            device.sync()
        everything_everywhere(devices)
    for device in devices:
        result = device.sync()
        assert result.skipped == []
    states = [journal_state(device.db) for device in devices]
    assert states[0] == states[1] == states[2]
    # Nothing sent is lost: every entry that reached a change file is there unless deleted.
    final = {row[0] for row in states[0]["entries"]}
    assert sent_entries - deleted <= final
    assert states[0]["search"] == [(len(final),)]


def test_a_restored_device_names_its_own_file_it_cannot_read(tmp_path: Path) -> None:
    """A file written after the backup, cut short in every folder, then the backup put
    back: the restored journal never wrote or read that file, and cannot read it. It is
    taken as damaged, a new file names it, and no device goes on saying it skips it."""
    a, b = Device(tmp_path, "a"), Device(tmp_path, "b")
    with a.open() as store:
        store.add_entry(
            kind="daily", journal_date=date(2026, 11, 20), answers=words("one"), now=NOW
        )
    a.sync()
    a.backup = a.db.with_name("backup.db")
    with a.open() as store:
        store.backup(a.backup)
        store.add_entry(
            kind="daily", journal_date=date(2026, 11, 21), answers=words("two"), now=NOW
        )
    a.sync()
    latest = max(p for p in a.folder.iterdir() if changefiles.NAME.match(p.name))
    latest.write_bytes(latest.read_bytes()[: latest.stat().st_size // 2])
    for side in ("-wal", "-shm"):
        a.db.with_name(a.db.name + side).unlink(missing_ok=True)
    shutil.copyfile(a.backup, a.db)
    everything_everywhere([a, b])

    restored = a.sync()
    assert restored.skipped == [] and restored.healed == 1
    everything_everywhere([a, b])
    assert b.sync().skipped == []
    assert a.sync().skipped == [] and b.sync().skipped == []
    assert journal_state(a.db)["entries"] == journal_state(b.db)["entries"]


def test_an_unreadable_file_is_skipped_with_one_line_and_read_later(tmp_path: Path) -> None:
    a, b = Device(tmp_path, "a"), Device(tmp_path, "b")
    with a.open() as store:
        store.add_entry(kind="daily", journal_date=date(2026, 11, 20), answers=words("hi"), now=NOW)
    a.sync()
    (path,) = [p for p in a.folder.iterdir() if changefiles.NAME.match(p.name)]
    deliver(path, b.folder, "growing")
    result = b.sync()
    assert len(result.skipped) == 1 and "tried again next time" in result.skipped[0]
    assert "\n" not in result.skipped[0]
    assert b.entry_ids() == []
    deliver(path, b.folder, "whole")
    assert b.sync().received == 1 and b.entry_ids() == a.entry_ids()


def test_a_hostile_change_is_refused_and_nothing_of_its_file_applied(tmp_path: Path) -> None:
    a, b = Device(tmp_path, "a"), Device(tmp_path, "b")
    with a.open() as store:
        store.add_entry(kind="daily", journal_date=date(2026, 11, 20), answers=words("hi"), now=NOW)
        store.add_entry(kind="daily", journal_date=date(2026, 11, 21), answers=words("x"), now=NOW)
    a.sync()
    (path,) = [p for p in a.folder.iterdir() if changefiles.NAME.match(p.name)]
    text = path.read_text(encoding="utf-8")
    assert text.count('"journal_date": "2026-11-21"') == 1
    text = text.replace('"journal_date": "2026-11-21"', '"journal_date": "2026-13-40"')
    (b.folder / path.name).write_text(text, encoding="utf-8")
    result = b.sync()
    assert len(result.skipped) == 1 and "journal_date" in result.skipped[0]
    assert b.entry_ids() == []


def test_a_device_restored_from_a_backup_gets_back_what_it_had_sent(tmp_path: Path) -> None:
    a = Device(tmp_path, "a")
    a.sync()
    backup = tmp_path / "backup.db"
    with a.open() as store:
        store.backup(backup)
        store.add_entry(kind="daily", journal_date=date(2026, 11, 20), answers=words("hi"), now=NOW)
    a.sync()
    sent = a.entry_ids()
    shutil.copyfile(backup, a.db)
    a.db.with_name("journal.db-wal").unlink(missing_ok=True)
    assert a.entry_ids() == []
    a.sync()
    assert a.entry_ids() == sent
    with a.open() as store:
        store.add_entry(kind="daily", journal_date=date(2026, 11, 21), answers=words("x"), now=NOW)
    result = a.sync()
    numbers = sorted(p.name for p in a.folder.iterdir())
    assert result.file_written == numbers[-1] and len(numbers) == 2


def test_a_large_first_sync_is_written_and_read_in_parts(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(sending, "FILE_CHANGES", 4)
    monkeypatch.setattr(run, "GROUP_CHANGES", 5)
    a, b = Device(tmp_path, "a"), Device(tmp_path, "b")
    b.folder.rmdir()
    b.folder = a.folder
    with a.open() as store:
        for n in range(10):
            store.add_entry(kind="daily", journal_date=date(2026, 11, n + 1),
                            answers=words(f"day {n}"), now=NOW)  # fmt: skip
    assert a.sync().sent == 10
    assert len(list(a.folder.iterdir())) == 3
    assert b.sync().received == 10
    assert journal_state(a.db) == journal_state(b.db)


def test_a_change_made_at_the_same_time_is_kept_and_shown(tmp_path: Path) -> None:
    from cli_run import run_cli

    a, b = Device(tmp_path, "a"), Device(tmp_path, "b")
    b.folder.rmdir()
    b.folder = a.folder
    with a.open() as store:
        entry = store.add_entry(
            kind="daily", journal_date=date(2026, 11, 20), answers=words("first"), now=NOW
        )
    a.sync()
    b.sync()
    with a.open() as store:
        store.replace_answers(entry, words("edited on a"), ["one"], NOW)
    with b.open() as store:
        store.replace_answers(entry, words("edited on b"), ["two"], NOW)
    a.sync()
    b.clock += 60_000  # b's edit is the later one
    assert b.sync().kept == 1
    a.sync()
    assert journal_state(a.db) == journal_state(b.db)
    shown = run_cli("--db", str(a.db), "show", entry.id[:8])
    assert shown.code == 0, shown.err
    assert "edited on b" in shown.out and "edited on a" in shown.out
    assert "Also kept" in shown.out


def test_the_commitment_columns_written_by_sync_are_the_store_s() -> None:
    from selfcompassion.store import syncing
    from selfcompassion.store.portability import COMMITMENT_COLUMNS

    assert ", ".join(COMMITMENT_COLUMNS) == syncing._COMMITMENT_SQL


def test_an_edit_made_while_a_sync_writes_is_sent_by_the_next(
    tmp_path: Path, monkeypatch: Any
) -> None:
    a, b = Device(tmp_path, "a"), Device(tmp_path, "b")
    b.folder.rmdir()
    b.folder = a.folder
    with a.open() as store:
        entry = store.add_entry(
            kind="daily", journal_date=date(2026, 11, 20), answers=words("first"), now=NOW
        )
    real_write = changefiles.write_lines

    def write_and_edit(*args: Any) -> changefiles.Written:
        path = real_write(*args)
        with a.open() as other:  # another window saves an edit meanwhile
            other.replace_answers(entry, words("edited meanwhile"), [], NOW)
        return path

    monkeypatch.setattr(changefiles, "write_lines", write_and_edit)
    a.sync()
    monkeypatch.setattr(changefiles, "write_lines", real_write)
    assert a.sync().sent == 1
    b.sync()
    assert journal_state(a.db) == journal_state(b.db)
    assert "edited meanwhile" in str(journal_state(b.db)["answers"])
