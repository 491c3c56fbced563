"""Entries of the usual shape, arriving by sync or read from an import, take a short way
(``reading.plain_record``) straight to the rows they are staged as; any other takes the
import's full check (``reading.read_record``). The short way must never take a record the
full check refuses, and must stage exactly the rows the full way would: both are held
together here on records with every kind of fault."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfcompassion.portability import reading
from selfcompassion.portability.fields import RecordError
from selfcompassion.store import JournalStore
from selfcompassion.store.records import PlainRecord
from selfcompassion.store.staging import STAGED, STAGED_ANSWERS

KEY = "3f2a9c1e-0b1d-4c2e-9f00-123456789abc"
BASE: dict[str, Any] = {
    "id": KEY,
    "kind": "daily",
    "journal_date": "2026-11-20",
    "created_at": "2026-11-20T21:04:00+01:00",
    "updated_at": "2026-11-20T21:05:00-03:30",
    "pack": "daily",
    "tags": ["home", "team-work"],
    "answers": [
        {
            "step_id": "mood",
            "kind": "scale",
            "prompt": "How heavy?",
            "theme": "check-in",
            "value": 3,
            "text": "3",
        },
        {
            "step_id": "went-well",
            "kind": "long_text",
            "prompt": "What went well?",
            "theme": None,
            "value": 'A walk\nby the "sea" \\ é 😀',
            "text": 'A walk\nby the "sea" \\ é 😀',
        },
    ],
}

ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**13), max_value=10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "a\x00b",
            "\ud800",
            "x" * 4_001,
            "Step",
            "-a",
            "a" * 65,
            "daily",
            "scale",
            "text",
            "choice",
            "multi",
            "2026-02-30",
            "0000-01-01",
            "2026-11-20",
            "2026-11-20T21:04:00Z",
            "2026-11-20T24:00:00+01:00",
            "2026-11-20T21:04:00+24:00",
            "2026-11-20T21:04:00.5+01:00",
            "2026-11-20T21:04:00+01:00",
            "2026-11-20\n",
            "Home",
            "#home",
            "home",
            "héllo",
            "did not come up this week",
            "3f2a9c1e-0b1d-4c2e-9f00-123456789ABC",
            KEY,
        ]
    ),  # fmt: skip
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.sampled_from(["a", "step_id"]), st.integers(), max_size=2),
)
PLACES = st.sampled_from(
    [
        ("id",), ("kind",), ("journal_date",), ("created_at",), ("updated_at",), ("pack",),
        ("tags",), ("tags", 0), ("tags", 1), ("answers",), ("answers", 0), ("answers", 1),
        ("answers", 0, "step_id"), ("answers", 0, "kind"), ("answers", 0, "prompt"),
        ("answers", 0, "theme"), ("answers", 0, "value"), ("answers", 0, "text"),
        ("answers", 1, "kind"), ("answers", 1, "value"), ("answers", 1, "theme"),
    ]
)  # fmt: skip
FAULT = st.tuples(PLACES, st.sampled_from(["set", "drop", "add"]), ODD)


def with_fault(place: tuple[Any, ...], how: str, value: Any) -> dict[str, Any]:
    record = copy.deepcopy(BASE)
    inside: Any = record
    for step in place[:-1]:
        inside = inside[step]
    last = place[-1]
    if how == "set":
        inside[last] = value
    elif how == "drop":
        del inside[last]
    elif isinstance(inside[last], dict):
        inside[last]["extra"] = value
    elif isinstance(inside[last], list):
        inside[last].append(value)
    else:
        inside["extra"] = value
    return record


_STORE: list[JournalStore] = []

#: The staged answers as the rows they land as, each after its record's seq.
STAGED_ANSWERS_QUERY = (
    f"SELECT {STAGED_ANSWERS} FROM temp.import_stage_entries s "  # noqa: S608
    "JOIN temp.import_stage_answers a ON a.seq = s.seq "
    "JOIN temp.import_stage_heads h ON h.head = a.head"
)


@pytest.fixture(autouse=True, scope="module")
def _journal_removed_after() -> Iterator[None]:
    """The examples' journal, with its folder, goes when the module is done: no copy of it
    stays behind in the system's temporary folder."""
    yield
    while _STORE:
        journal = _STORE.pop()
        journal.close()
        shutil.rmtree(journal.path.parent)


def store() -> JournalStore:
    """One journal for every example (it only holds this connection's temporary tables)."""
    if not _STORE:
        folder = Path(tempfile.mkdtemp(prefix="sync-arrivals-"))
        _STORE.append(JournalStore.open(folder / "journal.db"))
    return _STORE[0]


def bulk(texts: list[str]) -> tuple[list[int], dict[int, list[list[Any]]]]:
    """(the seqs not of the usual shape, the rows staged for the others by seq)."""
    usual: dict[int, PlainRecord] = {}
    for seq, text in enumerate(texts, start=1):
        try:
            plain = reading.plain_record(json.loads(text))
        except ValueError:
            plain = None
        if plain is not None:
            usual[seq] = plain
    unusual = [seq for seq in range(1, len(texts) + 1) if seq not in usual]
    seqs = list(usual)  # the stage numbers what it is given 1, 2, ... in order
    staged: dict[int, list[list[Any]]] = {seq: [] for seq in usual}
    journal = store()
    with journal.import_stage() as stage:
        stage.add(list(usual.values()))
        for table, query in (
            ("entries", f"SELECT seq, {STAGED['entries']} FROM temp.import_stage_entries"),  # noqa: S608
            ("answers", STAGED_ANSWERS_QUERY),
            ("tags", f"SELECT seq, {STAGED['tags']} FROM temp.import_stage_tags"),  # noqa: S608
        ):
            for row in journal.conn.execute(query + " ORDER BY 1, 2, 3"):
                staged[seqs[row[0] - 1]].append([table, *row[1:]])
    return unusual, staged


def imported(text: str) -> list[list[Any]] | None:
    """The rows an import stages for this record, or None when it refuses it."""
    from selfcompassion.store.records import answer_rows, entry_row

    try:
        entry = reading.read_record(json.loads(text), 1).entry
    except (RecordError, ValueError):
        return None
    return sorted(
        [
            ["entries", *entry_row(entry)],
            *(["answers", *row] for row in answer_rows(entry.id, entry.answers)),
            *(["tags", entry.id, tag] for tag in entry.tags),
        ],
        key=lambda row: (row[0], *(str(cell) for cell in row[1:3])),
    )


def test_a_record_as_sync_writes_it_takes_the_bulk_way_and_stages_what_an_import_would() -> None:
    text = json.dumps(BASE, ensure_ascii=False)
    unusual, staged = bulk([text])
    assert unusual == []
    assert sorted(staged[1], key=lambda row: (row[0], *(str(c) for c in row[1:3]))) == imported(
        text
    )


def test_a_record_of_the_usual_shape_is_staged_with_the_search_document_of_the_full_way() -> None:
    """The search document staged with each record (its prompts, its written answers)
    is the same whichever way the record came, and the one the triggers build."""
    no_answers = {**BASE, "id": "4f2a9c1e-0b1d-4c2e-9f00-123456789abc", "answers": []}
    journal = store()
    for way in ("short", "full"):
        records: list[Any] = []
        for record in (BASE, no_answers):
            if way == "short":
                records.append(reading.plain_record(copy.deepcopy(record)))
            else:
                records.append(reading.read_record(copy.deepcopy(record), 1))
        with journal.import_stage() as stage:
            stage.add(records)
            staged = journal.conn.execute(
                "SELECT search_prompts, search_answers FROM temp.import_stage_entries ORDER BY seq"
            ).fetchall()
        assert staged[0] == ("How heavy?\nWhat went well?", 'A walk\nby the "sea" \\ é 😀')
        assert staged[1] == ("", "")


def test_records_with_extra_figures_or_not_objects_take_the_full_way() -> None:
    scored = json.dumps({**BASE, "reframe_scores": {"intensity_before": 5.0}})
    unusual, _ = bulk([scored, "not json", "[]", json.dumps({**BASE, "tags": ["a", "a"]})])
    assert unusual == [1, 2, 3, 4]


def test_escaped_text_takes_the_short_way_as_it_reads() -> None:
    ascii_only = json.dumps(BASE, ensure_ascii=True)  # \u escapes
    unusual, staged = bulk([ascii_only])
    assert unusual == []
    rows = sorted(staged[1], key=lambda row: (row[0], *(str(c) for c in row[1:3])))
    assert rows == imported(ascii_only)


@settings(max_examples=300, deadline=None)
@given(st.lists(FAULT, min_size=1, max_size=8), st.booleans())
def test_the_bulk_check_never_takes_what_an_import_refuses(
    faults: list[tuple[tuple[Any, ...], str, Any]], ascii_only: bool
) -> None:
    texts = []
    for place, how, value in faults:
        try:
            text = json.dumps(with_fault(place, how, value), ensure_ascii=ascii_only)
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # a file of UTF-8 text holds it escaped
                text = json.dumps(with_fault(place, how, value))
            texts.append(text)
        except (KeyError, IndexError, TypeError):
            texts.append(json.dumps(BASE))
    unusual, staged = bulk(texts)
    for seq, text in enumerate(texts, start=1):
        if seq in unusual:
            continue
        rows = sorted(staged[seq], key=lambda row: (row[0], *(str(c) for c in row[1:3])))
        assert rows == imported(text), text


def test_an_entry_of_another_id_than_its_change_is_refused() -> None:
    from selfcompassion.sync import arriving

    confirmed = {"step_id": "ok", "kind": "confirm", "prompt": "Done?", "theme": None,
                 "value": True, "text": "yes"}  # fmt: skip
    for record in (BASE, {**BASE, "answers": [confirmed]}):  # the short way and the full
        with pytest.raises(RecordError, match="not the id of the item it changes"):
            arriving._entry(str(uuid.uuid4()), json.dumps(record))
        assert arriving._entry(KEY, json.dumps(record)) is not None


def test_a_change_file_of_format_1_is_still_read(tmp_path: Path) -> None:
    from selfcompassion.sync import changefiles

    device, stamp = "a" * 32, "1796207112482.0000." + "a" * 32
    change = {"kind": "entry", "key": KEY, "stamp": stamp, "vector": {device: stamp},
              "record": BASE, "kept": []}  # fmt: skip
    head = {"format": "selfcompassion-sync", "version": 1, "device": device, "number": 1,
            "changes": 1, "latest": stamp}  # fmt: skip
    path = tmp_path / f"journal-{device}-000001.jsonl"
    lines = [json.dumps(head), json.dumps(change), json.dumps({"end": 1}), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    (read,) = changefiles.read(changefiles.listed(tmp_path)[0])
    assert (read.kind, read.key, read.stamp, dict(read.vector)) == (
        "entry",
        KEY,
        stamp,
        {device: stamp},
    )
    assert json.loads(read.record) == BASE


def test_a_reframe_with_scores_traps_and_a_commitment_arrives_whole(tmp_path: Path) -> None:
    """A reframe's record is not of the usual shape (scores, traps, feelings as answers):
    it takes the import's checks, and lands with everything that belongs to it."""
    from cli_run import run_cli
    from reframe_support import REFRAME_ANSWERS

    folder = tmp_path / "shared"
    folder.mkdir()
    laptop, desktop = tmp_path / "a" / "journal.db", tmp_path / "b" / "journal.db"
    answers = tmp_path / "reframe.json"
    answers.write_text(json.dumps(REFRAME_ANSWERS), encoding="utf-8")
    done = run_cli("--db", str(laptop), "reframe", "--answers", str(answers))
    assert done.code == 0, done.err
    for db in (laptop, desktop):
        synced = run_cli("--db", str(db), "sync", str(folder))
        assert synced.code == 0 and not synced.err_lines, synced.err

    def exported(db: Path) -> Any:
        out = run_cli("--db", str(db), "export", "--format", "json")
        assert out.code == 0, out.err
        return out.json()["entries"]

    there = exported(desktop)
    assert there == exported(laptop)
    (entry,) = there
    assert entry["reframe_scores"] and entry["traps"] and entry["commitments"]
