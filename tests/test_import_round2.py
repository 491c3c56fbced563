"""Import: messages in the tool's own words, calendar edges, the jrnl derived id and
re-importing past every batch size (issue 12, items 12, 17 and 18)."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from datetime import date, timedelta
from pathlib import Path

from conftest import JOURNAL, run_cli
from selfcompassion.store import Answer, Entry, JournalStore

STAMP = "2026-11-20T21:00:00+01:00"


def exported(tmp_path: Path, entries: int = 1) -> dict:
    journal = tmp_path / "source" / "journal.db"
    with JournalStore.open(journal) as store:
        store.bulk_load(numbered_entries(entries))
    target = tmp_path / "export.json"
    assert run_cli("--db", str(journal), "export", "-o", str(target)).code == 0
    return json.loads(target.read_text())


def numbered_entries(count: int) -> list[Entry]:
    found = []
    for number in range(count):
        words = f"entry number {number}"
        answer = Answer("present", "text", "Here?", words, None, words)
        day = date(2026, 11, 20) - timedelta(days=number % 3000)
        entry_id = str(uuid.UUID(int=number + 1))
        found.append(Entry(entry_id, "daily", day, STAMP, STAMP, "daily", (answer,)))
    return found


def import_text(tmp_path: Path, text: str, *extra: str) -> tuple[int, list[str]]:
    source = tmp_path / "in.json"
    source.write_text(text)
    result = run_cli("--db", str(tmp_path / "j" / "journal.db"), "import", str(source), *extra)
    return result.code, result.err_lines


# -- item 12: messages ------------------------------------------------------------------------


def test_a_version_given_as_text_says_so(tmp_path: Path) -> None:
    document = exported(tmp_path)
    document["version"] = "1"
    code, lines = import_text(tmp_path, json.dumps(document))
    assert code == 2
    assert lines == [
        f"journal: {tmp_path / 'in.json'}: version: expected the number 1, found text '1'; "
        "nothing was imported"
    ]


def test_a_number_of_thousands_of_digits_is_named_in_plain_words(tmp_path: Path) -> None:
    text = json.dumps(exported(tmp_path)).replace('"version": 1', '"version": ' + "9" * 5000)
    code, lines = import_text(tmp_path, text)
    assert code == 2 and len(lines) == 1
    assert "a number too long to read" in lines[0]
    assert "sys." not in lines[0] and "int_max_str_digits" not in lines[0]


def jrnl_file(folder: Path, day: str, clock: str) -> Path:
    path = folder / f"jrnl-{clock.replace(':', '')}.json"
    entry = {"title": "At the edge", "body": "written", "date": day, "time": clock}
    path.write_text(json.dumps({"tags": {}, "entries": [{**entry, "tags": [], "starred": False}]}))
    return path


def import_in_zone(tmp_path: Path, source: Path, zone: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(JOURNAL),
            "--db",
            str(tmp_path / "j" / "journal.db"),
            "import",
            str(source),
            "--from",
            "jrnl",
        ],
        env={**os.environ, "TZ": zone, "SELFCOMPASSION_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_jrnl_entry_late_on_the_first_day_of_the_calendar_is_imported(tmp_path: Path) -> None:
    """The docs promise every day from 0001-01-01; only a time the zone would carry out
    of the calendar is refused."""
    for zone in ("UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati"):
        result = import_in_zone(tmp_path, jrnl_file(tmp_path, "0001-01-01", "21:00"), zone)
        assert result.returncode == 0, (zone, result.stderr)
    last = import_in_zone(tmp_path, jrnl_file(tmp_path, "9999-12-31", "03:00"), "UTC")
    assert last.returncode == 0, last.stderr


def test_a_jrnl_time_the_zone_carries_out_of_the_calendar_is_refused_by_name(
    tmp_path: Path,
) -> None:
    result = import_in_zone(tmp_path, jrnl_file(tmp_path, "0001-01-01", "00:30"), "Europe/Berlin")
    assert result.returncode == 2
    assert "too near the edge of the calendar" in result.stderr
    assert "Traceback" not in result.stderr


# -- item 17: the jrnl derived id ---------------------------------------------------------------


def jrnl_entries(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "jrnl.json"
    full = [{"tags": [], "starred": False, **entry} for entry in entries]
    path.write_text(json.dumps({"tags": {}, "entries": full}))
    return path


def test_the_derived_id_of_a_jrnl_entry_is_pinned(tmp_path: Path) -> None:
    """An id made from the day, time, title and body, the same on every machine: a
    re-import finds the entry again. Any change to how it is made shows here."""
    source = jrnl_entries(
        tmp_path,
        [{"title": "Standup", "body": "It went fine.", "date": "2026-11-20", "time": "09:30"}],
    )
    journal = tmp_path / "j" / "journal.db"
    assert run_cli("--db", str(journal), "import", str(source), "--from", "jrnl").code == 0
    with JournalStore.open(journal) as store:
        (entry,) = store.entries_on(date(2026, 11, 20))
    assert entry.id == "1896a2c8-d31c-59c6-962f-f8e990493cd9"


def test_jrnl_entries_alike_but_for_their_body_are_both_kept(tmp_path: Path) -> None:
    same = {"title": "Standup", "date": "2026-11-20", "time": "09:30"}
    source = jrnl_entries(
        tmp_path, [{**same, "body": "It went fine."}, {**same, "body": "It did not."}]
    )
    journal = tmp_path / "j" / "journal.db"
    result = run_cli("--db", str(journal), "import", str(source), "--from", "jrnl")
    assert result.code == 0, result
    with JournalStore.open(journal) as store:
        bodies = sorted(e.answers[1].text for e in store.entries_on(date(2026, 11, 20)))
    assert bodies == ["It did not.", "It went fine."]
    again = run_cli("--db", str(journal), "import", str(source), "--from", "jrnl")
    assert "0 added, 2 skipped" in again.out + again.err


# -- item 18: re-importing past every batch size ------------------------------------------------


def test_importing_a_large_file_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    from selfcompassion.portability.transfer import WRITE_CHUNK
    from selfcompassion.store.browse import BATCH

    size = 2 * max(WRITE_CHUNK, BATCH) + 7
    document = exported(tmp_path, entries=size)
    source = tmp_path / "large.json"
    source.write_text(json.dumps(document))
    journal = tmp_path / "j" / "journal.db"
    first = run_cli("--db", str(journal), "import", str(source))
    assert first.code == 0 and f"{size:,} added, 0 skipped" in first.out + first.err
    second = run_cli("--db", str(journal), "import", str(source))
    assert second.code == 0 and f"0 added, {size:,} skipped" in second.out + second.err
    with JournalStore.open(journal) as store:
        assert store.count_entries() == size
