"""Whatever a file given to ``journal import`` holds, the result is a clean import or one
clear line: never a traceback, never an unexplained failure, never part of a file.

Hypothesis writes the files, in both formats the command reads (the tool's own JSON and
jrnl's): a sound export with one to three fields spoiled (wrong types, huge strings, deep
nesting, NUL characters, lone surrogates, numbers JSON cannot hold, dates and times at or
past the edges of the calendar, ids that repeat inside the file or that the journal
already holds), and raw bytes (invalid UTF-8, NUL bytes, a sound file cut short or with a
byte changed). Each file goes through the real CLI entry point, in process, into a journal
that already holds entries. On a refusal the journal's rows are exactly as they were (a
digest of every row of every table, since WAL may change the file itself); on a clean
import every earlier row is still there and the new entries can be listed and exported.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from conftest import CliResult, run_cli
from fuzz_support import json_values
from selfcompassion.portability.fields import MAX_SHORT_CHARS, MAX_TEXT_CHARS

# -- a sound export, and a journal that already holds some of it ---------------------------

SEED_ID = "5eed0000-0000-4000-8000-000000000001"
SEED_COMMITMENT = "5eed0000-0000-4000-8000-0000000000c1"
ENTRY_IDS = ["a0000000-0000-4000-8000-000000000001", "a0000000-0000-4000-8000-000000000002"]
COMMITMENT_ID = "a0000000-0000-4000-8000-0000000000c1"


def answer(step_id: str, kind: str, value: Any, text: str) -> dict[str, Any]:
    return {
        "step_id": step_id,
        "kind": kind,
        "prompt": f"About {step_id}?",
        "theme": "work",
        "value": value,
        "text": text,
    }


def sound_entries() -> list[dict[str, Any]]:
    moment = "2026-11-20T21:00:00+01:00"
    reframe = {
        "id": ENTRY_IDS[0],
        "kind": "reframe",
        "journal_date": "2026-11-20",
        "created_at": moment,
        "updated_at": moment,
        "pack": "reframe",
        "tags": ["work"],
        "answers": [
            answer("critic", "long_text", "I always get it wrong.", "I always get it wrong."),
            answer("emotions", "intensities", {"anxious": 70}, "anxious 70"),
            answer("belief", "scale", 80, "80"),
            answer("traps", "multi", ["labelling"], "labelling"),
            answer("next_due", "date", "2026-11-27", "2026-11-27"),
        ],
        "reframe_scores": {
            "intensity_before": 70,
            "intensity_after": 40,
            "belief_before": 80,
            "belief_after": None,
            "revisit_intensity": None,
            "revisited_at": None,
        },
        "traps": [{"trap_id": "overgeneralising", "phrase": "always"}],
        "commitments": [
            {
                "id": COMMITMENT_ID,
                "text": "Ask for a second pair of eyes",
                "due_date": "2026-11-27",
                "status": "open",
                "note": None,
                "created_at": moment,
                "updated_at": moment,
                "closed_date": None,
            }
        ],
    }
    checkin = {
        "id": ENTRY_IDS[1],
        "kind": "checkin",
        "journal_date": "2026-11-22",
        "created_at": "2026-11-22T09:30:00Z",
        "updated_at": "2026-11-22T09:30:00Z",
        "pack": None,
        "tags": [],
        "answers": [
            answer("same-boat", "scale", 4, "4"),
            answer("confirmed", "confirm", True, "yes"),
            answer("note", "text", "A calmer week.", "A calmer week."),
        ],
        "checkin_scores": {
            "total": 3.5,
            "self_kindness": 4.0,
            "common_humanity": None,
            "mindfulness": 3.0,
        },
    }
    return [reframe, checkin]


def own_document() -> dict[str, Any]:
    entries = sound_entries()
    return {
        "format": "selfcompassion-journal",
        "version": 1,
        "exported_at": "2026-11-22T10:00:00+01:00",
        "entry_count": len(entries),
        "entries": entries,
    }


def jrnl_document() -> dict[str, Any]:
    return {
        "tags": {"#work": 1},
        "entries": [
            {
                "title": "A hard day at #work.",
                "body": "It passed.",
                "date": "2026-11-01",
                "time": "09:30",
                "tags": ["#work"],
                "starred": True,
            },
            {"title": "Short.", "body": "", "date": "2026-11-02", "time": "21:05", "tags": []},
        ],
    }


def seed_document() -> dict[str, Any]:
    """What the journal holds before each import: one entry with a commitment."""
    (entry,) = copy.deepcopy(sound_entries()[:1])
    entry["id"] = SEED_ID
    entry["commitments"][0]["id"] = SEED_COMMITMENT
    return {"format": "selfcompassion-journal", "version": 1, "entries": [entry]}


# -- spoiling a sound file -----------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """A piece of JSON text put into the file as it is (what json.dumps cannot write)."""

    text: bytes


def _nested(depth: int) -> Raw:
    return Raw(b"[" * depth + b"]" * depth)


DAYS = [
    "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2026-02-29", "2024-02-29",
    "2026-13-01", "2026-00-10", "-001-01-01", "2026-1-1", "2026-11-20T10:00", "",
    "\uff12\uff10\uff12\uff16-11-20", "2026-11-20\n",
]  # fmt: skip
MOMENTS = [
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00Z",
    "2026-11-20T25:00:00+01:00", "2026-11-20T21:00:00+24:00", "2026-11-20T21:00:00.1234567Z",
    "2026-11-20 21:00:00+01:00", "2026-11-20T21:00:00", "00:00", "24:00", "23:59", "9:30",
]  # fmt: skip
IDS = [
    *ENTRY_IDS, SEED_ID, COMMITMENT_ID, SEED_COMMITMENT, ENTRY_IDS[0].upper(),
    "{" + ENTRY_IDS[0] + "}", ENTRY_IDS[0].replace("-", ""), "../../etc/passwd",
]  # fmt: skip
SPECIAL: list[Any] = [
    None, True, False, 0, -1, 1.5, -0.0, 1e308, -1e308, 10**20, 10**400, "", " ", "x",
    "a\x00b", "\ud800", "x\udfff", "[red]x\x1b]52;c;aGk=\x07", "=HYPERLINK(\"x\")", [], {},
    "open", "done", "let-go", "daily", "scale", "intensities", "multi", "date",
    Raw(b"NaN"), Raw(b"Infinity"), Raw(b"-Infinity"), Raw(b"1e999"), Raw(b"1" * 5000),
    Raw(b'"\\u0000"'), Raw(b'"\\ud800\\udc00"'), Raw(b'"\\udc00\\ud800"'),
]  # fmt: skip

values = st.one_of(
    st.sampled_from(SPECIAL + DAYS + MOMENTS + IDS),
    json_values(max_leaves=10),
    st.sampled_from([MAX_SHORT_CHARS, MAX_SHORT_CHARS + 1, MAX_TEXT_CHARS + 1]).map(
        lambda size: "x" * size
    ),
    st.integers(10, 100_000).map(_nested),
)


def paths_in(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value: the value itself, and everything inside it."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_in(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_in(value, (*path, index))
    return found


@dataclass(frozen=True)
class Change:
    """One spoiling of a document: ``how`` is set, drop, add-key or repeat."""

    how: str
    path: tuple[Any, ...]
    value: Any = None

    def apply(self, document: Any, raws: dict[str, bytes]) -> Any:
        if not self.path:
            return self._new_value(raws) if self.how == "set" else document
        parent = document
        for step in self.path[:-1]:
            parent = parent[step]
        last = self.path[-1]
        target = parent[last]
        if self.how == "set":
            parent[last] = self._new_value(raws)
        elif self.how == "drop":
            del parent[last]
        elif self.how == "add-key" and isinstance(target, dict):
            target[f"extra-{len(target)}"] = self._new_value(raws)
        elif self.how == "repeat" and isinstance(target, list) and target:
            target.append(copy.deepcopy(target[0]))
        return document

    def _new_value(self, raws: dict[str, bytes]) -> Any:
        if isinstance(self.value, Raw):
            marker = f"raw-{uuid.uuid4().hex}"
            raws[marker] = self.value.text
            return marker
        return copy.deepcopy(self.value)


def changes(document: dict[str, Any]) -> Any:
    """Any change anywhere, or new words in a field that holds text (which often still
    makes a sound file, so that clean imports are tried too)."""
    anything = st.builds(
        Change,
        st.sampled_from(["set", "set", "set", "drop", "add-key", "repeat"]),
        st.sampled_from(paths_in(document)),
        values,
    )
    texts = [path for path in paths_in(document) if isinstance(_at_path(document, path), str)]
    words = st.builds(Change, st.just("set"), st.sampled_from(texts), st.text(max_size=80))
    return st.one_of(anything, words)


def _at_path(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def encode(document: Any, raws: dict[str, bytes]) -> bytes:
    # Lone surrogates can only be written escaped, as a JSON file from anywhere might.
    text = json.dumps(document, ensure_ascii=True).encode()
    for marker, raw in raws.items():
        text = text.replace(f'"{marker}"'.encode(), raw)
    return text


def spoiled(document: dict[str, Any], picked: list[Change]) -> bytes:
    """The document after each change that still finds its place (an earlier change may
    have taken it away)."""
    spoilt: Any = copy.deepcopy(document)
    raws: dict[str, bytes] = {}
    for change in picked:
        try:
            spoilt = change.apply(spoilt, raws)
        except (KeyError, IndexError, TypeError):
            continue
    return encode(spoilt, raws)


def spoiled_files(make: Any) -> Any:
    document = make()
    return st.lists(changes(document), min_size=1, max_size=3).map(
        lambda picked: spoiled(document, picked)
    )


def _cut(raw: bytes, at: int) -> bytes:
    return raw[: at % (len(raw) + 1)]


def _changed_byte(raw: bytes, at: int, byte: int) -> bytes:
    at %= len(raw)
    return raw[:at] + bytes([byte]) + raw[at + 1 :]


SOUND = encode(own_document(), {})
raw_files = st.one_of(
    st.binary(max_size=300),
    st.builds(_cut, st.just(SOUND), st.integers(0, len(SOUND))),
    st.builds(_changed_byte, st.just(SOUND), st.integers(0, len(SOUND)), st.integers(0, 255)),
    st.sampled_from(
        [
            b"\xef\xbb\xbf" + SOUND,  # a byte order mark is fine
            SOUND.decode().encode("utf-16"),
            SOUND.replace(b'"I always', b'"I \xff\xfe always'),
            SOUND.replace(b'"A calmer', b'"A \x00 calmer'),
            SOUND + b"\x00",
            b"\x00" * 64,
            b"",
            SOUND + SOUND,
        ]
    ),
)


# -- running an import and judging what it did ------------------------------------------------


@pytest.fixture(scope="module")
def seed_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal holding the seed entry, made once and copied for every file tried."""
    folder = tmp_path_factory.mktemp("seed")
    source = folder / "seed.json"
    source.write_text(json.dumps(seed_document()))
    db = folder / "journal" / "journal.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELFCOMPASSION_HOME", str(folder / "home"))
        patch.delenv("SELFCOMPASSION_DB", raising=False)
        result = run_cli("--db", str(db), "import", str(source))
    assert result.code == 0, result.err
    return db


@dataclass
class Attempt:
    db: Path
    file: Path

    def run(self, *extra: str) -> CliResult:
        return run_cli("--db", str(self.db), "import", str(self.file), *extra)


def attempt(seed: Path, tmp_path: Path, raw: bytes) -> Attempt:
    """A fresh copy of the seed journal (hypothesis runs many files in one test) and the
    file to import."""
    folder = tmp_path / uuid.uuid4().hex
    os.makedirs(folder / "journal", mode=0o700)
    db = folder / "journal" / "journal.db"
    shutil.copy2(seed, db)
    file = folder / "import.json"
    file.write_bytes(raw)
    return Attempt(db, file)


def table_rows(db: Path) -> dict[str, list[str]]:
    """Every row of every table, the search index's own tables included."""
    conn = sqlite3.connect(db)
    try:
        names = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            name: sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{name}"'))  # noqa: S608
            for name in names
        }
    finally:
        conn.close()


def search_index_tables(db: Path) -> set[str]:
    """The full-text index and the tables SQLite keeps for it, which an import rewrites."""
    conn = sqlite3.connect(db)
    try:
        virtual = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
        ]
        names = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
    finally:
        conn.close()
    return {name for name in names for v in virtual if name == v or name.startswith(v + "_")}


def digest(rows: dict[str, list[str]]) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


#: Tables of figures summed from the entries, which an import updates in place; they are
#: checked against a count from scratch by test_day_runs.py and test_day_summary.py.
SUMMARIES = {"day_runs", "journal_days", "day_answers"}
IMPORTED = re.compile(r"^Imported from .*: ([\d,]+) added, ([\d,]+) skipped as already there\.\n$")
UNEXPECTED = "something went wrong inside the journal"


def check_import(run: Attempt, *extra: str) -> CliResult:
    before = table_rows(run.db)
    result = run.run(*extra)
    after = table_rows(run.db)
    with contextlib.suppress(InvalidArgument):  # outside hypothesis there is no one to tell
        event(f"exit {result.code}")
    assert "Traceback" not in result.out + result.err
    if result.code == 0:
        assert result.err == "", result.err
        added = IMPORTED.match(result.out)
        assert added, result.out
        # Every earlier row is still there, and the entries grew by what was added.
        index = search_index_tables(run.db) | SUMMARIES
        for table, rows in before.items():
            if table not in index:
                assert set(rows) <= set(after[table]), table
        grown = len(after["entries"]) - len(before["entries"])
        assert grown == int(added.group(1).replace(",", ""))
        _readable(run)
    else:
        assert result.code in (1, 2), (result.code, result.err)
        lines = [line for line in result.err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("journal: "), result.err
        assert UNEXPECTED not in result.err, result.err
        assert result.out == ""
        assert digest(after) == digest(before), "a refused file changed the journal"
    return result


def _readable(run: Attempt) -> None:
    """What a clean import added can be listed and exported."""
    for args in (("list", "-n", "0"), ("export", "--format", "markdown")):
        shown = run_cli("--db", str(run.db), *args)
        assert shown.code == 0 and "Traceback" not in shown.err, (args, shown.err)


FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)


@FUZZ
@given(raw=spoiled_files(own_document))
@example(raw=encode({**own_document(), "entries": [sound_entries()[0]] * 2}, {}))
@example(raw=spoiled(own_document(), [Change("set", ("entries", 1, "id"), SEED_ID)]))
@example(
    raw=spoiled(
        own_document(), [Change("set", ("entries", 0, "commitments", 0, "id"), SEED_COMMITMENT)]
    )
)
@example(raw=spoiled(own_document(), [Change("set", ("entries", 0, "journal_date"), "9999-12-31")]))
@example(raw=spoiled(own_document(), [Change("set", ("entries", 1, "created_at"), MOMENTS[0])]))
@example(
    raw=spoiled(own_document(), [Change("set", ("entries", 0, "answers", 2, "value"), 10**400)])
)
def test_a_spoiled_export_is_imported_whole_or_refused_clearly(
    seed_journal: Path, tmp_path: Path, raw: bytes
) -> None:
    check_import(attempt(seed_journal, tmp_path, raw))


@FUZZ
@given(raw=spoiled_files(jrnl_document))
@example(raw=spoiled(jrnl_document(), [Change("set", ("entries", 0, "date"), "0001-01-01")]))
@example(raw=spoiled(jrnl_document(), [Change("set", ("entries", 0, "date"), "9999-12-31")]))
@example(raw=spoiled(jrnl_document(), [Change("set", ("entries", 1, "time"), "24:00")]))
def test_a_spoiled_jrnl_file_is_imported_whole_or_refused_clearly(
    seed_journal: Path, tmp_path: Path, raw: bytes
) -> None:
    check_import(attempt(seed_journal, tmp_path, raw), "--from", "jrnl")


@FUZZ
@given(raw=raw_files, origin=st.sampled_from(["selfcompassion", "jrnl"]))
def test_any_bytes_at_all_are_imported_whole_or_refused_clearly(
    seed_journal: Path, tmp_path: Path, raw: bytes, origin: str
) -> None:
    check_import(attempt(seed_journal, tmp_path, raw), "--from", origin)


def _at(path: tuple[Any, ...], value: Any) -> list[Change]:
    return [Change("set", path, value)]


KNOWN: dict[str, tuple[list[Change], str]] = {
    "two entries with one id": (_at(("entries", 1, "id"), ENTRY_IDS[0]), "the same id as entry 1"),
    "an entry given twice": (
        [Change("drop", ("entry_count",)), Change("repeat", ("entries",))],
        "the same id as entry 1",
    ),
    "a commitment id another entry holds": (
        _at(("entries", 0, "commitments", 0, "id"), SEED_COMMITMENT),
        "already belongs to another entry",
    ),
    "year zero": (_at(("entries", 0, "journal_date"), "0000-01-01"), "is not a date"),
    "year ten thousand": (_at(("entries", 0, "journal_date"), "10000-01-01"), "the limit is 10"),
    "an offset of a whole day": (
        _at(("entries", 0, "created_at"), "2026-11-20T21:00:00+24:00"),
        "is not a timestamp",
    ),
    "a number past any float": (
        _at(("entries", 0, "answers", 2, "value"), 10**400),
        "answers[2].value: a number is outside",
    ),
    "a number of 5,000 digits": (
        _at(("entries", 0, "answers", 2, "value"), Raw(b"1" * 5000)),
        "not valid JSON",
    ),
    "deep nesting": (_at(("entries", 0, "answers", 0, "text"), _nested(100_000)), "too deeply"),
    "a line break in a quoted value": (
        _at(("entries", 0, "id"), "a\nb\u2028c"),
        "'a b c' is not a UUID",
    ),
    "a NUL character": (_at(("entries", 0, "answers", 0, "text"), "a\x00b"), "NUL"),
}


@pytest.mark.parametrize("name", KNOWN)
def test_known_hostile_imports_get_a_clear_message(
    seed_journal: Path, tmp_path: Path, name: str
) -> None:
    picked, words = KNOWN[name]
    result = check_import(attempt(seed_journal, tmp_path, spoiled(own_document(), picked)))
    assert result.code == 2 and words in result.err, result.err


def test_an_entry_the_journal_already_holds_is_skipped(seed_journal: Path, tmp_path: Path) -> None:
    raw = spoiled(own_document(), [Change("set", ("entries", 1, "id"), SEED_ID)])
    result = check_import(attempt(seed_journal, tmp_path, raw))
    assert result.code == 0 and "1 added, 1 skipped" in result.out


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_jrnl_entries_at_the_edges_of_the_calendar(
    seed_journal: Path, tmp_path: Path, day: str
) -> None:
    """jrnl's times are local; where the zone cannot place one, the entry is refused by name."""
    raw = spoiled(jrnl_document(), [Change("set", ("entries", 0, "date"), day)])
    check_import(attempt(seed_journal, tmp_path, raw), "--from", "jrnl")


def _edge_document() -> bytes:
    first, last = copy.deepcopy(sound_entries())
    document = own_document()
    for entry, (day, moment) in zip(
        (first, last),
        [("0001-01-01", "0001-01-01T00:00:00+14:00"), ("9999-12-31", "9999-12-31T23:59:59-14:00")],
        strict=True,
    ):
        entry.update(journal_date=day, created_at=moment, updated_at=moment)
    first["commitments"][0].update(due_date="0001-01-01", created_at=first["created_at"])
    document["entries"] = [first, last]
    return encode(document, {})


EDGE_VIEWS = [
    ("list", "-n", "0"),
    ("show", "0001-01-01"),
    ("show", "9999-12-31"),
    ("search", "wrong"),
    ("commitments",),
    ("report", "--with-text"),
    ("report", "--week", "0001-01-08", "--with-text"),
    ("report", "--week", "9999-12-31"),
    ("report", "--weeks", "520"),
    ("report", "--since", "0001-01-01"),
    ("export", "--format", "csv"),
    ("export", "--format", "markdown"),
    ("today", "--date", "0001-01-01", "--plan"),
    ("reframe", "--revisit", "--plan"),
    ("doctor",),
]


def test_entries_at_the_edges_of_the_calendar_are_shown_by_every_view(
    seed_journal: Path, tmp_path: Path
) -> None:
    """Year 1 and year 9999 are dates a file may hold; every view shows them, and a period
    that would leave the calendar is refused in words."""
    run = attempt(seed_journal, tmp_path, _edge_document())
    assert check_import(run).code == 0
    for args in EDGE_VIEWS:
        shown = run_cli("--db", str(run.db), *args)
        assert "Traceback" not in shown.err and UNEXPECTED not in shown.err, (args, shown.err)
        assert shown.code == 0 or (shown.code == 2 and shown.err.count("\n") == 1), (args, shown)
    assert "0001-01-01" in run_cli("--db", str(run.db), "list").out
