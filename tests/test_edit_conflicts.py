"""Two ``journal edit`` of one entry at once (issue 12, item 2).

The first edit opens the entry and waits in its editor while a second edit saves; when
the first saves, it must not silently overwrite the second: what does not collide is
merged, and what does is kept as a copy beside the entry, with a clear line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import JOURNAL, run_cli
from selfcompassion.entries.merging import merge_edit
from selfcompassion.store import Answer, Entry, JournalStore

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))

EDITOR = """
import os, sys, time
from pathlib import Path
path = Path(sys.argv[1])
text = path.read_text()
assert os.environ["FROM"] in text, text
path.write_text(text.replace(os.environ["FROM"], os.environ["TO"]))
if os.environ.get("READY"):
    Path(os.environ["READY"]).write_text("edited")
if os.environ.get("GO"):
    while not Path(os.environ["GO"]).exists():
        time.sleep(0.02)
"""


def text_answer(step_id: str, words: str) -> Answer:
    return Answer(step_id, "long_text", f"About {step_id}?", words, None, words)


@pytest.fixture
def journal(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "journal.db"
    with JournalStore.open(path) as store:
        entry = store.add_entry(
            kind="daily",
            journal_date=date(2026, 11, 20),
            answers=[
                text_answer("first", "the first answer as written"),
                text_answer("second", "the second answer as written"),
            ],
            now=MOMENT,
            tags=["work"],
        )
    return path, entry.id


def editor_env(tmp_path: Path, old: str, new: str, **extra: str) -> dict[str, str]:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    return {
        **os.environ,
        "SELFCOMPASSION_HOME": str(tmp_path / "home"),
        "EDITOR": f"{sys.executable} {script}",
        "FROM": old,
        "TO": new,
        **extra,
    }


def edit_at_once(
    tmp_path: Path, journal: Path, entry_id: str, slow: tuple[str, str], quick: tuple[str, str]
) -> tuple[subprocess.CompletedProcess[str], str]:
    """The slow edit opens the entry first and saves last; the quick one saves between."""
    ready, go = tmp_path / "ready", tmp_path / "go"
    slow_edit = subprocess.Popen(
        [str(JOURNAL), "--db", str(journal), "edit", entry_id],
        env=editor_env(tmp_path, *slow, READY=str(ready), GO=str(go)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert time.monotonic() < deadline and slow_edit.poll() is None, "the editor never ran"
        time.sleep(0.02)
    quick_edit = subprocess.run(
        [str(JOURNAL), "--db", str(journal), "edit", entry_id],
        env=editor_env(tmp_path, *quick),
        capture_output=True,
        text=True,
        check=False,
    )
    assert quick_edit.returncode == 0, quick_edit.stderr
    go.write_text("go")
    out, err = slow_edit.communicate(timeout=60)
    assert slow_edit.returncode == 0, err
    return subprocess.CompletedProcess(slow_edit.args, 0, out, err), quick_edit.stdout


def saved(journal: Path) -> list[Entry]:
    with JournalStore.open(journal) as store:
        return store.entries_on(date(2026, 11, 20))


def texts(entry: Entry) -> dict[str, str]:
    return {answer.step_id: answer.text for answer in entry.answers}


def test_edits_of_different_answers_are_both_kept(
    tmp_path: Path, journal: tuple[Path, str]
) -> None:
    path, entry_id = journal
    slow, _ = edit_at_once(
        tmp_path,
        path,
        entry_id,
        slow=("the first answer as written", "the first answer, changed slowly"),
        quick=("the second answer as written", "the second answer, changed quickly"),
    )
    (entry,) = saved(path)
    assert texts(entry) == {
        "first": "the first answer, changed slowly",
        "second": "the second answer, changed quickly",
    }
    assert "together with a change made to it elsewhere" in slow.stdout


def test_edits_of_the_same_answer_lose_neither(tmp_path: Path, journal: tuple[Path, str]) -> None:
    path, entry_id = journal
    slow, _ = edit_at_once(
        tmp_path,
        path,
        entry_id,
        slow=("the first answer as written", "what the slow edit wrote"),
        quick=("the first answer as written", "what the quick edit wrote"),
    )
    entries = saved(path)
    assert len(entries) == 2
    original = next(e for e in entries if e.id == entry_id)
    copy = next(e for e in entries if e.id != entry_id)
    assert texts(original)["first"] == "what the quick edit wrote"
    assert texts(copy)["first"] == "what the slow edit wrote"
    assert texts(copy)["second"] == "the second answer as written"
    assert sorted(copy.tags) == ["edit-conflict", "work"]
    line = " ".join(slow.stdout.split())
    assert f"Entry {entry_id[:8]} was changed elsewhere while you were editing it (first)" in line
    assert f"saved beside it as entry {copy.id[:8]}, tagged edit-conflict" in line


def test_an_edit_without_anything_saved_meanwhile_is_saved_as_before(
    tmp_path: Path, journal: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, entry_id = journal
    for name, value in editor_env(tmp_path, "the first answer as written", "new words").items():
        monkeypatch.setenv(name, value)
    result = run_cli("--db", str(path), "edit", entry_id)
    assert result.out.strip() == f"Saved the changes to entry {entry_id[:8]}."
    (entry,) = saved(path)
    assert texts(entry)["first"] == "new words"


def test_the_merge_takes_each_sides_changes_and_names_collisions() -> None:
    base = Entry(
        "e1",
        "daily",
        date(2026, 11, 20),
        "t",
        "t",
        "daily",
        (text_answer("a", "a0"), text_answer("b", "b0"), text_answer("c", "c0")),
        ("keep", "drop-by-me", "drop-by-them"),
    )
    mine = [text_answer("a", "a-mine"), text_answer("c", "c-mine")]  # b removed by me
    theirs = Entry(
        "e1",
        "daily",
        base.journal_date,
        "t",
        "t2",
        "daily",
        (text_answer("a", "a0"), text_answer("b", "b0"), text_answer("c", "c-theirs")),
        ("keep", "drop-by-me", "theirs-new"),
    )
    merged = merge_edit(base, mine, ["keep", "drop-by-them", "mine-new"], theirs)
    assert [(a.step_id, a.text) for a in merged.answers] == [("a", "a-mine"), ("c", "c-theirs")]
    assert merged.collisions == ("c",)
    assert sorted(merged.tags) == ["keep", "mine-new", "theirs-new"]
