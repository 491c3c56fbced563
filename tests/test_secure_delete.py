"""Deleted and edited words leave no copy behind (issue 12, item 5).

The raw bytes of the journal file, its write-ahead log and a backup made afterwards are
searched for a word that was deleted, or edited away: it must be in none of them. The
word is checked to be there first, so the test cannot pass by never writing it.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_cli
from selfcompassion.store import Answer, Entry, JournalStore

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))
STAMP = "2026-11-20T21:00:00+01:00"
SECRET = "zanzibarquokka"
SENTENCE = f"the {SECRET} thing I said to Sam, which nobody else should read"


def raw_bytes(journal: Path) -> bytes:
    files = [journal, *(journal.with_name(journal.name + s) for s in ("-wal", "-journal"))]
    return b"".join(path.read_bytes() for path in files if path.exists())


def plain_entries(name: str, count: int) -> list[Entry]:
    entries = []
    for number in range(count):
        words = f"an ordinary day, {name} {number}, some plain words"
        answer = Answer("present", "text", "What is here?", words, None, words)
        day = date(2026, 11, 20) - timedelta(days=number)
        entries.append(Entry(f"{name}-{number}", "daily", day, STAMP, STAMP, "daily", (answer,)))
    return entries


def journal_with_secret(folder: Path) -> tuple[Path, str]:
    """A journal of many entries (so the search index has several segments), one of them
    holding the secret sentence."""
    journal = folder / "journal.db"
    with JournalStore.open(journal) as store:
        store.bulk_load(plain_entries("before", 120))
        secret = store.add_entry(
            kind="daily",
            journal_date=date(2026, 11, 21),
            answers=[
                Answer("present", "text", "What is here?", SENTENCE, None, SENTENCE),
                Answer("mood", "scale", "How?", 3, None, "3"),
            ],
            now=MOMENT,
        )
        store.bulk_load(plain_entries("after", 40))
        assert SECRET.encode() in raw_bytes(journal)
    return journal, secret.id


def assert_gone(journal: Path, tmp_path: Path) -> None:
    assert SECRET.encode() not in raw_bytes(journal)
    backup = tmp_path / "later-backup.db"
    assert run_cli("--db", str(journal), "backup", str(backup)).code == 0
    assert SECRET.encode() not in raw_bytes(backup)
    found = run_cli("--db", str(journal), "search", SECRET)
    assert found.out.startswith("Nothing matches")


def test_a_deleted_entry_leaves_no_word_in_the_file_its_log_or_a_later_backup(
    tmp_path: Path,
) -> None:
    journal, entry_id = journal_with_secret(tmp_path)
    result = run_cli("--db", str(journal), "delete", entry_id, "--yes")
    assert result.code == 0, result
    assert_gone(journal, tmp_path)


def test_a_deleted_entry_leaves_nothing_while_another_connection_is_open(
    tmp_path: Path,
) -> None:
    """With the journal open in another window the log is not removed on close; it must
    still not hold the words."""
    journal, entry_id = journal_with_secret(tmp_path)
    with JournalStore.open(journal) as other:
        other.count_entries()
        assert run_cli("--db", str(journal), "delete", entry_id, "--yes").code == 0
        assert SECRET.encode() not in raw_bytes(journal)


EDITOR = (
    "import sys\n"
    "from pathlib import Path\n"
    "path = Path(sys.argv[1])\n"
    f"path.write_text(path.read_text().replace({SENTENCE!r}, 'kinder words now'))\n"
)


def test_words_edited_away_leave_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal, entry_id = journal_with_secret(tmp_path)
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    result = run_cli("--db", str(journal), "edit", entry_id)
    assert result.code == 0, result
    with JournalStore.open(journal) as store:
        entry = store.get_entry(entry_id)
        assert entry is not None and entry.answers[0].text == "kinder words now"
    assert_gone(journal, tmp_path)


def test_every_connection_zeroes_what_it_frees(tmp_path: Path) -> None:
    with JournalStore.open(tmp_path / "journal.db") as store:
        assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


@pytest.mark.parametrize("change", ["delete", "edit"])
def test_words_taken_away_on_another_device_leave_no_copy_after_a_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """A delete or an edit made on one device reaches the other through sync; there too
    the old words must be gone from the file, its log and a later backup."""
    journal = tmp_path / "here" / "journal.db"
    ids = []
    with JournalStore.open(journal) as store:  # ids made by the journal, as sync wants
        for number, text in enumerate([SENTENCE, "an ordinary day", "some plain words"]):
            answer = Answer("present", "text", "What is here?", text, None, text)
            day = date(2026, 11, 20) - timedelta(days=number)
            added = store.add_entry(kind="daily", journal_date=day, answers=[answer], now=MOMENT)
            ids.append(added.id)
    entry_id = ids[0]
    other = tmp_path / "there" / "journal.db"
    folder = tmp_path / "folder"
    folder.mkdir()
    for path in (journal, other):
        assert run_cli("--db", str(path), "sync", str(folder)).code == 0
    assert SECRET.encode() in raw_bytes(other)
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    command = ["delete", entry_id, "--yes"] if change == "delete" else ["edit", entry_id]
    assert run_cli("--db", str(journal), *command).code == 0
    for path in (journal, other):
        assert run_cli("--db", str(path), "sync").code == 0
    with JournalStore.open(other) as store:
        entry = store.get_entry(entry_id)
        assert (entry is None) == (change == "delete")
    assert_gone(other, tmp_path)
