"""``journal sync`` through the installed command: two journals, one folder."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import JOURNAL, fill_plan, write_json


def journal(home: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SELFCOMPASSION_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [str(JOURNAL), "--db", str(db), *args], env=env, capture_output=True, text=True, timeout=60
    )


def write_today(home: Path, db: Path, text: str) -> None:
    plan = json.loads(journal(home, db, "today", "--plan").stdout)
    answers = write_json(home.parent / f"{text.replace(' ', '-')}.json", fill_plan(plan, text))
    done = journal(home, db, "today", "--answers", str(answers))
    assert done.returncode == 0, done.stderr


def entries(home: Path, db: Path) -> list[dict[str, object]]:
    out = journal(home, db, "export", "--format", "json")
    assert out.returncode == 0, out.stderr
    return sorted(json.loads(out.stdout)["entries"], key=lambda entry: str(entry["id"]))


def test_two_journals_and_one_folder(tmp_path: Path) -> None:
    home, folder = tmp_path / "home", tmp_path / "shared"
    folder.mkdir()
    laptop, desktop = tmp_path / "laptop" / "journal.db", tmp_path / "desktop" / "journal.db"

    missing = journal(home, laptop, "sync")
    assert missing.returncode != 0 and "journal sync FOLDER" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1 and "Traceback" not in missing.stderr
    nowhere = journal(home, laptop, "sync", str(tmp_path / "nowhere"))
    assert nowhere.returncode != 0 and "no such folder" in nowhere.stderr

    write_today(home, laptop, "written on the laptop")
    first = journal(home, laptop, "sync", str(folder))
    assert first.returncode == 0 and "sent 1 change" in first.stdout
    written = [p for p in folder.iterdir() if p.suffix == ".jsonl"]
    assert len(written) == 1 and oct(written[0].stat().st_mode & 0o777) == "0o600"
    assert journal(home, desktop, "sync", str(folder)).returncode == 0
    assert entries(home, desktop) == entries(home, laptop)

    write_today(home, desktop, "written on the desktop")
    again = journal(home, desktop, "sync")  # the folder is remembered
    assert again.returncode == 0 and "sent 1 change" in again.stdout
    assert "brought in 1" in journal(home, laptop, "sync").stdout
    both = entries(home, laptop)
    assert len(both) == 2 and both == entries(home, desktop)

    status = journal(home, laptop, "sync", "--status")
    assert status.returncode == 0
    assert str(folder.resolve()) in status.stdout and "not read yet: 0" in status.stdout


def test_a_new_folder_gets_the_whole_journal_and_a_moved_one_nothing_twice(
    tmp_path: Path,
) -> None:
    home, first, second = tmp_path / "home", tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    laptop, phone = tmp_path / "laptop" / "journal.db", tmp_path / "desktop" / "journal.db"
    write_today(home, laptop, "before the move")
    write_today(home, laptop, "also before the move")
    assert journal(home, laptop, "sync", str(first)).returncode == 0

    switched = journal(home, laptop, "sync", str(second))
    assert switched.returncode == 0, switched.stderr
    assert "holds none of this journal's changes yet" in switched.stdout
    assert "(2 items)" in switched.stdout
    # A device that only ever syncs with the new folder gets every entry, with its words.
    assert journal(home, phone, "sync", str(second)).returncode == 0
    assert entries(home, phone) == entries(home, laptop)
    assert len(entries(home, phone)) == 2

    # The same folder under another name: this device's files are there, nothing is resent.
    moved = second.rename(tmp_path / "renamed")
    files_before = sorted(path.name for path in moved.iterdir())
    again = journal(home, laptop, "sync", str(moved))
    assert again.returncode == 0 and "holds none" not in again.stdout
    assert sorted(path.name for path in moved.iterdir()) == files_before
    write_today(home, phone, "written after the move")
    assert journal(home, phone, "sync", str(moved)).returncode == 0
    assert "brought in 1" in journal(home, laptop, "sync").stdout
    assert entries(home, laptop) == entries(home, phone)

    # A device that has only ever received moves on too: the new folder gets all it knows.
    reader, third = tmp_path / "reader" / "journal.db", tmp_path / "third"
    third.mkdir()
    assert journal(home, reader, "sync", str(moved)).returncode == 0
    assert not any(p.name.startswith(device_of(home, reader)) for p in moved.iterdir())
    assert "(3 items)" in journal(home, reader, "sync", str(third)).stdout
    tablet = tmp_path / "tablet" / "journal.db"
    assert journal(home, tablet, "sync", str(third)).returncode == 0
    assert entries(home, tablet) == entries(home, laptop) and len(entries(home, tablet)) == 3


def device_of(home: Path, db: Path) -> str:
    status = journal(home, db, "sync", "--status").stdout
    return next(line.split()[-1] for line in status.splitlines() if "device" in line.lower())


def test_a_file_cut_short_in_the_folder_is_written_again_by_its_device(tmp_path: Path) -> None:
    home, folder = tmp_path / "home", tmp_path / "shared"
    folder.mkdir()
    laptop, desktop = tmp_path / "laptop" / "journal.db", tmp_path / "desktop" / "journal.db"
    write_today(home, laptop, "written on the laptop")
    write_today(home, laptop, "and another")
    assert journal(home, laptop, "sync", str(folder)).returncode == 0
    (written,) = folder.iterdir()
    written.write_bytes(written.read_bytes()[:200])  # a folder put back from a bad copy

    status = journal(home, laptop, "sync", "--status")
    assert status.returncode == 0 and "1 of 1 damaged" in status.stdout
    healed = journal(home, laptop, "sync")
    assert healed.returncode == 0 and healed.stderr == ""
    assert "1 of this device's change files in the folder was found damaged" in healed.stdout
    assert "(2 items) was written again" in healed.stdout
    assert written.stat().st_size == 200  # left as it was found

    other = journal(home, desktop, "sync", str(folder))
    assert other.returncode == 0 and other.stderr == "", other.stderr
    assert "could not be read" not in other.stdout
    assert len(entries(home, desktop)) == 2 and entries(home, desktop) == entries(home, laptop)
    again = journal(home, laptop, "sync")
    assert "damaged" not in again.stdout and again.stderr == ""
