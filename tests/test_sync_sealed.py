"""Encrypted sync (``journal sync --encrypt``): the folder holds no plaintext, the person's
devices each read it once let in, and a stranger's device or file gets nothing."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from cli_run import CliResult, run_cli
from conftest import fill_plan, write_json

pyrage = pytest.importorskip("pyrage")


def journal(db: Path, *args: str) -> CliResult:
    return run_cli("--db", str(db), *args)


def write_today(db: Path, text: str) -> None:
    plan = journal(db, "today", "--plan").json()
    answers = write_json(db.parent.with_suffix(".answers.json"), fill_plan(plan, text))
    done = journal(db, "today", "--answers", str(answers))
    assert done.code == 0, done.err


def entries(db: Path) -> list[dict[str, object]]:
    out = journal(db, "export", "--format", "json")
    assert out.code == 0, out.err
    return sorted(out.json()["entries"], key=lambda entry: str(entry["id"]))


def let_in_code(result: CliResult) -> str:
    assert result.code != 0 and len(result.err_lines) == 1, result.err
    assert "not let in yet" in result.err and "Traceback" not in result.err
    found = re.search(r"--allow ([A-Z0-9-]+)", result.err)
    assert found, result.err
    return found.group(1)


def folder_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file())


def one_encrypted_device(tmp_path: Path, text: str) -> tuple[Path, Path]:
    """(folder, journal): a journal with one entry that has synced the folder encrypted."""
    folder = tmp_path / "shared"
    folder.mkdir()
    laptop = tmp_path / "a" / "journal.db"
    write_today(laptop, text)
    assert journal(laptop, "sync", str(folder), "--encrypt").code == 0
    return folder, laptop


def sync_value(db: Path, name: str) -> str:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT value FROM sync_state WHERE name = ?", [name]).fetchone()
    return str(row[0])


def test_two_devices_read_the_folder_and_a_stranger_cannot(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    laptop, desktop, stranger = (tmp_path / name / "journal.db" for name in ("a", "b", "c"))

    write_today(laptop, "the lighthouse keeper waved")
    first = journal(laptop, "sync", str(folder), "--encrypt")
    assert first.code == 0 and "sent 1 change" in first.out, first.err
    assert not list(folder.glob("*.jsonl")) and len(list(folder.glob("*.age"))) == 1

    write_today(desktop, "a heron stood in the canal")
    code = let_in_code(journal(desktop, "sync", str(folder)))
    assert len(entries(desktop)) == 1  # nothing read, nothing lost
    status = journal(laptop, "sync", "--status")
    assert "Waiting to be let in: device" in status.out and code in status.out

    allowed = journal(laptop, "sync", "--allow", code.lower())
    assert allowed.code == 0, allowed.err
    second = journal(desktop, "sync")
    assert second.code == 0 and "brought in 1" in second.out and "sent 1" in second.out
    assert "brought in 1" in journal(laptop, "sync").out
    assert len(entries(laptop)) == 2 and entries(laptop) == entries(desktop)

    # A third journal, with an identity of its own, gets nothing: not through the command,
    # and not by decrypting the files with its own key.
    write_today(stranger, "someone else entirely")
    let_in_code(journal(stranger, "sync", str(folder)))
    assert len(entries(stranger)) == 1
    own = pyrage.x25519.Identity.from_str(sync_value(stranger, "device_identity"))
    for path in folder.glob("*.age"):
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(path.read_bytes(), [own])
    assert "Waiting to be let in" in journal(laptop, "sync", "--status").out

    everything = folder_bytes(folder)
    for sentence in ("lighthouse keeper", "heron stood", "canal"):
        assert sentence.encode() not in everything


def test_a_file_sealed_by_someone_without_the_key_is_not_read(tmp_path: Path) -> None:
    folder, laptop = one_encrypted_device(tmp_path, "my own words")
    # Anyone can read the folder's public key and encrypt to it, but cannot make the check
    # at the end of a file, which needs the key itself.
    public = pyrage.x25519.Recipient.from_str((folder / "sync-key.txt").read_text().strip())
    own = next(folder.glob("*.age"))
    body = pyrage.decrypt(own.read_bytes(), [pyrage.x25519.Identity.from_str(
        sync_value(laptop, "folder_key"))]).decode()  # fmt: skip
    device = "f" * 32
    forged = body.replace(own.name.split("-")[1], device)
    forged = re.sub(r'"mac": "[0-9a-f]+"', '"mac": "' + "0" * 64 + '"', forged)
    (folder / f"journal-{device}-000001.age").write_bytes(pyrage.encrypt(forged.encode(), [public]))
    again = journal(laptop, "sync")
    assert again.code == 0
    assert "not made by one of this folder's devices" in again.err and "Traceback" not in again.err


def test_turning_encryption_on_in_a_folder_used_in_plain(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    laptop, desktop = tmp_path / "a" / "journal.db", tmp_path / "b" / "journal.db"
    write_today(laptop, "written before the key")
    write_today(desktop, "also before the key")
    for db in (laptop, desktop, laptop):
        assert journal(db, "sync", str(folder)).code == 0
    assert entries(laptop) == entries(desktop) and len(list(folder.glob("*.jsonl"))) == 2

    on = journal(laptop, "sync", "--encrypt")
    assert on.code == 0, on.err
    assert not list(folder.glob(f"journal-{sync_value(laptop, 'device')}-*.jsonl"))
    code = let_in_code(journal(desktop, "sync"))
    assert journal(laptop, "sync", "--allow", code).code == 0
    joined = journal(desktop, "sync")
    assert joined.code == 0, joined.err
    assert not list(folder.glob("*.jsonl"))  # each device took its own plain files out
    write_today(desktop, "after the key")
    assert journal(desktop, "sync").code == 0 and journal(laptop, "sync").code == 0
    assert len(entries(laptop)) == 3 and entries(laptop) == entries(desktop)
    assert b"before the key" not in folder_bytes(folder)
    # A new device starting now gets the whole journal from the sealed files.
    third = tmp_path / "c" / "journal.db"
    code = let_in_code(journal(third, "sync", str(folder)))
    assert journal(desktop, "sync", "--allow", code).code == 0
    assert journal(third, "sync").code == 0 and entries(third) == entries(laptop)


def test_asking_for_encryption_without_pyrage_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setitem(sys.modules, "pyrage", None)  # import pyrage fails
    result = journal(tmp_path / "journal.db", "sync", str(folder), "--encrypt")
    assert result.code != 0 and len(result.err_lines) == 1
    assert "pip install" in result.err and "pyrage" in result.err
    assert "Traceback" not in result.err
    assert not list(folder.iterdir())


def test_sealed_files_keep_the_format_of_plain_ones(tmp_path: Path) -> None:
    folder, laptop = one_encrypted_device(tmp_path, "one entry")
    key = pyrage.x25519.Identity.from_str(sync_value(laptop, "folder_key"))
    lines = pyrage.decrypt(next(folder.glob("*.age")).read_bytes(), [key]).decode().splitlines()
    head, end = json.loads(lines[0]), json.loads(lines[-1])
    assert head["format"] == "selfcompassion-sync" and head["changes"] == 1
    assert end["end"] == 1 and len(end["mac"]) == 64


def test_the_keys_of_an_encrypted_journal_are_encrypted_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "a long walk by the sea")
    folder = tmp_path / "shared"
    folder.mkdir()
    laptop = tmp_path / "a" / "journal.db"
    write_today(laptop, "kept under lock")
    assert journal(laptop, "encrypt").code == 0
    plain = journal(laptop, "sync", str(folder))
    assert plain.code == 0 and "journal sync --encrypt" in plain.err  # the nudge
    sealed = journal(laptop, "sync", "--encrypt")
    assert sealed.code == 0 and "--encrypt" not in sealed.err
    key = journal(laptop, "sync", "--status")
    assert "this device holds the folder's key" in key.out
    # The folder's key lives in the journal file, which is encrypted: no trace of it there.
    with pytest.raises(sqlite3.DatabaseError):
        sync_value(laptop, "folder_key")
    assert b"AGE-SECRET-KEY" not in laptop.read_bytes()
    # Its plain file from before was taken out of the folder when encryption was turned on.
    assert b"kept under lock" not in folder_bytes(folder)


def test_a_sealed_file_of_its_own_cut_short_is_written_again_sealed(tmp_path: Path) -> None:
    folder, laptop = one_encrypted_device(tmp_path, "words under the pier")
    write_today(laptop, "a second evening")
    assert journal(laptop, "sync").code == 0
    desktop = tmp_path / "b" / "journal.db"
    code = let_in_code(journal(desktop, "sync", str(folder)))
    assert journal(laptop, "sync", "--allow", code).code == 0
    first = sorted(folder.glob("journal-*.age"))[0]
    first.write_bytes(first.read_bytes()[:-40])  # cut short after the desktop was let in

    healed = journal(laptop, "sync")
    assert healed.code == 0 and "was found damaged" in healed.out, healed.err
    assert not list(folder.glob("*.jsonl"))  # written again sealed
    assert b"words under the pier" not in folder_bytes(folder)
    other = journal(desktop, "sync")
    assert other.code == 0 and other.err == "", other.err
    assert len(entries(desktop)) == 2 and entries(desktop) == entries(laptop)
