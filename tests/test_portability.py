"""Export to JSON, Markdown and CSV, and import of the tool's own JSON and of jrnl's."""

from __future__ import annotations

import csv
import io
import json
import stat
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browse_support import HOSTILE, TZ, add, rating
from cli_run import run_cli
from selfcompassion.portability.transfer import export_journal, import_journal
from selfcompassion.store import Answer, EntryFilter, JournalStore
from test_export_sql import reference_export

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=TZ)
EVERYTHING = EntryFilter()


@pytest.fixture
def run(db_path: Path):
    def invoke(*args: str, stdin: bytes | None = None):
        return run_cli("--db", str(db_path), *args, stdin=stdin or b"")

    return invoke


def export_text(store: JournalStore, fmt: str = "json") -> str:
    out = io.StringIO()
    export_journal(store, fmt=fmt, chosen=EVERYTHING, now=NOW, stdout=out)
    return out.getvalue()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def count(store: JournalStore, table: str = "entries") -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def add_related(store: JournalStore, entry_id: str) -> None:
    """Rows another feature keeps beside an entry, written as that feature would."""
    with store.writing() as conn:
        conn.execute(
            "INSERT INTO reframe_scores VALUES (?, 80, 45.5, 90, 60, NULL, NULL, 70)", [entry_id]
        )
        conn.execute(
            "INSERT INTO entry_traps VALUES (?, 'all-or-nothing', 'always get it wrong')",
            [entry_id],
        )
        conn.execute(
            "INSERT INTO commitments VALUES ('c1000000-0000-4000-8000-000000000000', ?, "
            "'Ask for help early', '2026-12-01', 'partly', 'asked once', "
            "'2026-11-20T09:00:00+01:00', '2026-11-21T09:00:00+01:00', '2026-11-21')",
            [entry_id],
        )


# -- JSON export -----------------------------------------------------------------------------


def test_json_export_holds_everything_about_an_entry(store: JournalStore) -> None:
    entry = add(
        store, date(2026, 11, 20), "A hard talk", extra=(rating("mood", 2),), tags=("work",)
    )
    add_related(store, entry.id)
    plain_entry = add(store, date(2026, 11, 21), "Quiet.")
    data = json.loads(export_text(store))
    assert data["format"] == "selfcompassion-journal" and data["version"] == 1
    assert data["exported_at"] == "2026-11-22T10:00:00+01:00" and data["entry_count"] == 2
    first, second = data["entries"]
    assert first["id"] == entry.id and second["id"] == plain_entry.id
    assert first["journal_date"] == "2026-11-20" and first["kind"] == "daily"
    assert first["created_at"] == "2026-11-20T21:00:00+01:00" and first["pack"] == "daily"
    assert first["tags"] == ["work"]
    assert first["answers"][0] == {
        "step_id": "mood",
        "kind": "scale",
        "prompt": "How is mood?",
        "theme": "check-in",
        "value": 2,
        "text": "2",
    }
    assert first["reframe_scores"]["intensity_after"] == 45.5
    assert first["reframe_scores"]["balanced_belief"] == 70
    assert first["traps"] == [{"trap_id": "all-or-nothing", "phrase": "always get it wrong"}]
    assert first["commitments"][0]["status"] == "partly"
    assert not {"reframe_scores", "traps", "commitments"} & set(second)


def test_exports_are_created_0600_and_say_what_was_written(
    store: JournalStore, run, tmp_path: Path
) -> None:
    add(store, date(2026, 11, 20), "Some words.")
    for fmt in ("json", "markdown", "csv"):
        target = tmp_path / f"out.{fmt}"
        result = run("export", "--format", fmt, "--output", str(target))
        assert result.code == 0, result.err
        assert result.out == f"Wrote 1 entry to {target}.\n"
        assert mode(target) == 0o600
    again = run("export", "--output", str(tmp_path / "out.json"))
    assert again.code == 2 and "--force" in again.err
    assert run("export", "--output", str(tmp_path / "out.json"), "--force").code == 0
    assert mode(tmp_path / "out.json") == 0o600
    assert not list(tmp_path.glob(".*.part"))


def test_export_to_standard_output_keeps_the_closing_line_off_it(store: JournalStore, run) -> None:
    add(store, date(2026, 11, 20), "Some words.")
    result = run("export")
    assert json.loads(result.out)["entry_count"] == 1
    assert result.err == "Wrote 1 entry.\n"  # no progress bar either: not a terminal


def test_export_filters_like_list(store: JournalStore, run) -> None:
    add(store, date(2026, 10, 1), "October.", tags=("autumn",))
    add(store, date(2026, 11, 20), "November.")
    assert json.loads(run("export", "--since", "2026-11-01").out)["entry_count"] == 1
    assert json.loads(run("export", "--tag", "autumn").out)["entries"][0]["tags"] == ["autumn"]


def test_markdown_and_csv_exports_keep_hostile_text_inert(store: JournalStore) -> None:
    add(store, date(2026, 11, 20), f"{HOSTILE}\n# not a heading", '=HYPERLINK("x")')
    markdown = export_text(store, "markdown")
    assert "## Friday 20 November 2026" in markdown
    assert "\\[red\\]alarm\\[/red\\]" in markdown and "\\# not a heading" in markdown
    table = export_text(store, "csv")
    for text in (markdown, table):
        assert not any(c in text for c in "\x1b\x07\x9b")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [row["step_id"] for row in rows] == ["step-0", "step-1"]
    assert rows[1]["answer"] == '\'=HYPERLINK("x")'
    assert rows[0]["answer"].startswith("[red]alarm[/red]")
    # JSON keeps every character, written as escapes, so it round-trips exactly.
    as_json = export_text(store)
    assert "\x1b" not in as_json and "\x9b" not in as_json
    assert json.loads(as_json)["entries"][0]["answers"][0]["text"].startswith(HOSTILE)


def test_daily_notes_write_one_private_file_per_day(
    store: JournalStore, run, tmp_path: Path
) -> None:
    add(store, date(2026, 11, 20), "First.", hour=8)
    add(store, date(2026, 11, 20), "Second", tags=("work",))
    add(store, date(2026, 11, 21), "Next day.")
    folder = tmp_path / "vault" / "daily"
    result = run("export", "--daily-notes", str(folder))
    assert result.code == 0 and "3 entries into 2 daily notes" in result.out
    notes = sorted(folder.iterdir())
    assert [note.name for note in notes] == ["2026-11-20.md", "2026-11-21.md"]
    assert all(mode(note) == 0o600 for note in notes)
    text = notes[0].read_text()
    assert text.startswith("# Friday 20 November 2026")
    assert text.index("First.") < text.index("Second") and "Tags: #work" in text
    notes[1].write_text("my own note")
    refused = run("export", "--daily-notes", str(folder))
    assert refused.code == 2 and "2026-11-20.md: already exists" in refused.err
    assert notes[1].read_text() == "my own note"  # nothing was written before refusing
    assert run("export", "--daily-notes", str(folder), "--format", "csv").code == 2


# -- import ------------------------------------------------------------------------------------


def test_import_twice_adds_nothing_the_second_time(
    store: JournalStore, run, tmp_path: Path, db_path: Path
) -> None:
    entry = add(store, date(2026, 11, 20), "Carry me over", tags=("work",))
    add_related(store, entry.id)
    exported = tmp_path / "journal.json"
    exported.write_text(export_text(store))
    other = tmp_path / "other.db"
    first = run("--db", str(other), "import", str(exported))
    assert first.code == 0, first.err
    assert first.out.endswith(": 1 added, 0 skipped as already there.\n")
    second = run("--db", str(other), "import", str(exported))
    assert second.out.endswith(": 0 added, 1 skipped as already there.\n")
    with JournalStore.open(other) as copy:
        assert count(copy) == 1 and count(copy, "commitments") == 1
        assert export_text(copy) == export_text(store)


def test_import_merges_two_journals(store: JournalStore, tmp_path: Path) -> None:
    mine = add(store, date(2026, 11, 20), "On this machine.")
    with JournalStore.open(tmp_path / "laptop.db") as laptop:
        theirs = add(laptop, date(2026, 11, 21), "On the laptop.")
        (tmp_path / "laptop.json").write_text(export_text(laptop))
    (tmp_path / "mine.json").write_text(export_text(store))
    result = import_journal(store, str(tmp_path / "laptop.json"))
    assert (result.added, result.skipped) == (1, 0)
    with JournalStore.open(tmp_path / "laptop.db") as laptop:
        result = import_journal(laptop, str(tmp_path / "mine.json"))
        assert (result.added, result.skipped) == (1, 0)
        assert export_text(laptop) == export_text(store)
    assert {e.id for e in store.list_entries(EVERYTHING, None)} == {mine.id, theirs.id}


def test_import_from_standard_input(store: JournalStore, run, tmp_path: Path) -> None:
    add(store, date(2026, 11, 20), "Piped.")
    data = export_text(store).encode()
    result = run("--db", str(tmp_path / "piped.db"), "import", "-", stdin=data)
    assert result.code == 0 and "1 added" in result.out


def test_imported_entries_are_searchable(store: JournalStore, tmp_path: Path) -> None:
    from selfcompassion.entries.finding import search

    with JournalStore.open(tmp_path / "src.db") as source:
        add(source, date(2026, 11, 20), "The lighthouse keeper waved.")
        (tmp_path / "x.json").write_text(export_text(source))
    import_journal(store, str(tmp_path / "x.json"))
    assert len(search(store, "lighthouse", EVERYTHING, None).hits) == 1


# -- malformed files -----------------------------------------------------------------------------


def good_document() -> dict[str, Any]:
    return {
        "format": "selfcompassion-journal",
        "version": 1,
        "entries": [
            {
                "id": f"00000000-0000-4000-8000-00000000000{i}",
                "kind": "daily",
                "journal_date": "2026-11-20",
                "created_at": "2026-11-20T21:00:00+01:00",
                "updated_at": "2026-11-20T21:00:00+01:00",
                "pack": "daily",
                "tags": ["work"],
                "answers": [
                    {
                        "step_id": "went-well",
                        "kind": "long_text",
                        "prompt": "What went well?",
                        "theme": None,
                        "value": "A walk.",
                        "text": "A walk.",
                    }
                ],
            }
            for i in range(3)
        ],
    }


def spoil(change: Any) -> bytes:
    document = good_document()
    change(document)
    return json.dumps(document).encode()


def _set(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key) if key.isdigit() else key]
        last = keys[-1]
        if value is KeyError:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


MALFORMED = {
    "wrong type of answer value": (
        spoil(_set("entries.2.answers.0.value", 5)),
        "entry 3 (00000000): answers[0].value: expected text, found a number",
    ),
    "scale given as text": (
        spoil(_set("entries.1.answers.0.kind", "scale")),
        "entry 2 (00000000): answers[0].value: expected a number, found text",
    ),
    "missing field": (
        spoil(_set("entries.1.created_at", KeyError)),
        "entry 2 (00000000): the field 'created_at' is missing",
    ),
    "unknown field": (spoil(_set("entries.0.mood", 3)), "entry 1 (00000000): unknown field 'mood'"),
    "timestamp without offset": (
        spoil(_set("entries.0.updated_at", "2026-11-20T21:00:00")),
        "updated_at: '2026-11-20T21:00:00' is not a timestamp with its offset",
    ),
    "impossible date": (
        spoil(_set("entries.0.journal_date", "2026-02-30")),
        "journal_date: '2026-02-30' is not a date",
    ),
    "bad uuid": (spoil(_set("entries.0.id", "../../etc")), "id: '../../etc' is not a UUID"),
    "tag not a tag": (spoil(_set("entries.0.tags", ["#Work"])), "tags[0]: '#Work' is not a tag"),
    "entries not a list": (spoil(_set("entries", {"a": 1})), "entries: expected a list"),
    "newer version": (spoil(_set("version", 2)), "newer selfcompassion (format version 2)"),
    "check-in score given as text": (
        spoil(
            _set(
                "entries.1.checkin_scores",
                {"total": "3", "self_kindness": None, "common_humanity": None, "mindfulness": 2},
            )
        ),
        "entry 2 (00000000): checkin_scores.total: expected a number, found text",
    ),
    "check-in score missing": (
        spoil(_set("entries.0.checkin_scores", {"total": 3.0})),
        "entry 1 (00000000): checkin_scores: the field 'self_kindness' is missing",
    ),
    "count mismatch": (spoil(_set("entry_count", 7)), "says 7 entries but holds 3"),
    "duplicate id": (
        spoil(_set("entries.2.id", "00000000-0000-4000-8000-000000000000")),
        "entry 3 (00000000): the same id as entry 1",
    ),
    "NUL in text": (spoil(_set("entries.0.answers.0.text", "a\x00b")), "contains a NUL character"),
    "lone surrogate": (
        spoil(_set("entries.1.answers.0.prompt", "broken \ud800 prompt")),
        "entry 2 (00000000): answers[0].prompt: contains a broken character",
    ),
    "lone surrogate in a key": (
        spoil(_set("entries.0.\udfff", 1)),
        "entry 1 (00000000): unknown field '\ufffd'",
    ),
    "huge string": (
        spoil(_set("entries.0.answers.0.text", "x" * 1_000_001)),
        "1,000,001 characters; the limit is 1,000,000",
    ),
    "infinite number": (
        spoil(_set("entries.0.answers.0.kind", "scale")).replace(b'"A walk."', b"Infinity", 1),
        "Infinity is not a number JSON allows",
    ),
    "invalid UTF-8": (b'{"format": "selfcompassion-journal", "x": "\xff\xfe"}', "not UTF-8 text"),
    "NUL bytes": (b"\x00\x00\x00{}", "not valid JSON"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "not JSON": (b"date,text\n2026-11-20,hello\n", "not valid JSON"),
    "not our format": (b'{"hello": "world"}', "not a selfcompassion export"),
    "a jrnl file without --from": (
        b'{"tags": {}, "entries": [{"title": "t", "body": "", "date": "2026-11-20"}]}',
        "looks like a jrnl export; add --from jrnl",
    ),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_file_is_refused_whole_with_a_clear_line(
    name: str, store: JournalStore, run, tmp_path: Path
) -> None:
    add(store, date(2026, 11, 1), "Already here.")
    data, expected = MALFORMED[name]
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    result = run("import", str(bad))
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert expected in result.err, result.err
    assert "nothing was imported" in result.err
    assert count(store) == 1 and count(store, "answers") == 1 and count(store, "search_docs") == 1


def test_an_error_while_writing_leaves_nothing_behind(store: JournalStore, tmp_path: Path) -> None:
    document = good_document()
    (tmp_path / "x.json").write_text(json.dumps(document))
    with store.writing() as conn:  # a trigger that fails on the last entry's row
        conn.execute(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.entries "
            "WHEN new.id LIKE '%0002' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with pytest.raises(Exception, match="disk trouble"):
        import_journal(store, str(tmp_path / "x.json"))
    assert count(store) == 0 and count(store, "answers") == 0 and count(store, "tags") == 0


def test_missing_file_and_folder_are_clear_errors(run, tmp_path: Path) -> None:
    assert "no such file" in run("import", str(tmp_path / "nope.json")).err
    assert "is a folder" in run("import", str(tmp_path)).err
    assert "unknown source" in run("import", str(tmp_path), "--from", "diary").err


# -- jrnl (a file shaped like jrnl's; the real package is used in test_jrnl_real.py) --------------


JRNL_EXPORT = {
    "tags": {"#work": 1, "@sam": 1},
    "entries": [
        {
            "title": "A hard day at #work.",
            "body": "I snapped at @sam and then apologised.",
            "date": "2026-11-01",
            "time": "09:30",
            "tags": ["#work", "@sam"],
            "starred": True,
        },
        {"title": "Short one.", "body": "", "date": "2026-11-02", "time": "21:05", "tags": []},
    ],
}


def test_jrnl_import_keeps_words_times_tags_and_stars(store: JournalStore, tmp_path: Path) -> None:
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps(JRNL_EXPORT))
    tz = timezone(timedelta(hours=-5))
    progress_calls: list[int] = []

    class Counting:
        def start(self, label: str, total: int | None) -> None:
            progress_calls.append(-1 if total is None else -total)

        def advance(self, n: int) -> None:
            progress_calls.append(n)

    result = import_journal(store, str(path), origin="jrnl", tz=tz, progress=Counting())
    assert (result.added, result.skipped) == (2, 0)
    # jrnl's files do not say how many entries they hold; saving knows how many were read
    assert progress_calls == [-1, 2, -2, 2]
    first, second = store.list_entries(EntryFilter(), None)[::-1]
    assert first.kind == "note" and first.created_at == "2026-11-01T09:30:00-05:00"
    assert [a.text for a in first.answers] == [
        "A hard day at #work.",
        "I snapped at @sam and then apologised.",
    ]
    assert first.tags == ("sam", "starred", "work")
    assert [a.step_id for a in second.answers] == ["title"]
    again = import_journal(store, str(path), origin="jrnl", tz=tz)
    assert (again.added, again.skipped) == (0, 2)


def test_a_bad_jrnl_record_is_named(store: JournalStore, run, tmp_path: Path) -> None:
    broken = json.loads(json.dumps(JRNL_EXPORT))
    broken["entries"][1]["time"] = "25:99"
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps(broken))
    result = run("import", str(path), "--from", "jrnl")
    assert result.code == 2
    assert "entry 2 (2026-11-02 25:99): time: '25:99' is not a time" in result.err
    assert count(store) == 0


# -- round trip ------------------------------------------------------------------------------------

words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
names = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.builds(
    lambda d, s, tz: datetime.combine(d, datetime.min.time(), tz) + timedelta(seconds=s),
    st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    st.integers(0, 86_399),
    offsets,
)
values = {
    "text": words,
    "long_text": words,
    "choice": words,
    "scale": st.integers(0, 100) | st.floats(0, 100, allow_nan=False),
    "confirm": st.booleans(),
    "multi": st.lists(words, max_size=3),
    "intensities": st.dictionaries(words, st.integers(0, 100), max_size=3),
    "date": st.dates(date(2000, 1, 1), date(2100, 1, 1)).map(date.isoformat),
}
answers = st.sampled_from(sorted(values)).flatmap(
    lambda kind: st.builds(
        lambda step, prompt, theme, value, text: Answer(step, kind, prompt, value, theme, text),
        names,
        words,
        st.none() | words,
        values[kind],
        words,
    )
)
maybe_number = st.none() | st.integers(0, 100)
entries = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["daily", "reframe", "checkin", "note"]),
        "day": st.dates(date(1990, 1, 1), date(2100, 1, 1)),
        "now": moments,
        "pack": st.none() | names,
        "answers": st.lists(answers, max_size=4),
        "tags": st.lists(names, max_size=3, unique=True),
        "scores": st.none() | st.tuples(maybe_number, maybe_number, maybe_number, maybe_number),
        "checkin": st.none() | st.tuples(*[st.none() | st.floats(1, 5)] * 4),
        "traps": st.lists(
            st.tuples(names, st.none() | words), max_size=2, unique_by=lambda t: t[0]
        ),
        "commitments": st.lists(
            st.tuples(words, st.sampled_from(["open", "done", "let-go"])), max_size=2
        ),
    }
)


def build(store: JournalStore, journal: list[dict[str, Any]]) -> None:
    for number, item in enumerate(journal):
        entry = store.add_entry(
            kind=item["kind"],
            journal_date=item["day"],
            answers=item["answers"],
            now=item["now"],
            pack=item["pack"],
            tags=item["tags"],
        )
        with store.writing() as conn:
            if item["scores"] is not None:
                conn.execute(
                    "INSERT INTO reframe_scores VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)",
                    [entry.id, *item["scores"]],
                )
            if item["checkin"] is not None:
                conn.execute(
                    "INSERT INTO checkin_scores VALUES (?, ?, ?, ?, ?)",
                    [entry.id, *item["checkin"]],
                )
            for trap_id, phrase in item["traps"]:
                conn.execute(
                    "INSERT INTO entry_traps VALUES (?, ?, ?)", [entry.id, trap_id, phrase]
                )
            for index, (text, status) in enumerate(item["commitments"]):
                conn.execute(
                    "INSERT INTO commitments VALUES (?, ?, ?, '2026-12-01', ?, NULL, ?, ?, NULL)",
                    [
                        f"c0000000-0000-4000-8000-{number:06d}{index:06d}",
                        entry.id,
                        text,
                        status,
                        entry.created_at,
                        entry.updated_at,
                    ],
                )


def rows_beside_entries(store: JournalStore) -> dict[str, list[str]]:
    """Every row of every table that points at an entry, found from the schema (the search
    index aside, which an import builds afresh), so that a table an export leaves out
    shows up here as soon as the journal has rows in it."""
    conn = store.conn
    tables = [
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name != "search_docs"
        and "entry_id" in {row[1] for row in conn.execute(f"PRAGMA table_info('{name}')")}
    ]
    return {
        table: sorted(repr(row) for row in conn.execute(f"SELECT * FROM {table}"))  # noqa: S608
        for table in tables
    }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(journal=st.lists(entries, max_size=6))
def test_round_trip_through_json_is_exact(journal: list[dict[str, Any]], tmp_path: Path) -> None:
    folder = tmp_path / uuid.uuid4().hex  # hypothesis may replay an example: a new folder each time
    with JournalStore.open(folder / "a.db") as first:
        build(first, journal)
        exported = export_text(first)
        assert exported == reference_export(first)  # SQLite's text is the format's, exactly
        original = [record for batch in first.iter_records(EVERYTHING) for record in batch]
        kept = rows_beside_entries(first)
    (folder / "export.json").write_text(exported, encoding="utf-8")
    with JournalStore.open(folder / "b.db") as second:
        result = import_journal(second, str(folder / "export.json"))
        assert (result.added, result.skipped) == (len(journal), 0)
        assert export_text(second) == exported
        # Nothing was lost on the way: the imported journal holds exactly what was exported.
        copied = [record for batch in second.iter_records(EVERYTHING) for record in batch]
        assert copied == original
        assert "checkin_scores" in kept and rows_beside_entries(second) == kept


def test_the_progress_bar_shows_on_a_terminal_and_nowhere_else(store: JournalStore) -> None:
    from rich.console import Console

    from selfcompassion.progress import NoProgress
    from selfcompassion.render.progress import PROGRESS_FROM, progress_bar

    piped = io.StringIO()
    with progress_bar(Console(file=piped)) as progress:
        assert isinstance(progress, NoProgress)
    for day in range(PROGRESS_FROM):
        store.add_entry(
            kind="daily",
            journal_date=date(2020, 1, 1) + timedelta(days=day),
            answers=[],
            now=NOW,
        )
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80)
    with progress_bar(terminal) as progress:
        export_journal(store, fmt="csv", chosen=EVERYTHING, now=NOW, stdout=io.StringIO(),
                       progress=progress)  # fmt: skip
    assert (
        "Exporting" in screen.getvalue() and f"{PROGRESS_FROM}/{PROGRESS_FROM}" in screen.getvalue()
    )
    assert piped.getvalue() == ""
