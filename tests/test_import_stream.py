"""Imports read their file a piece at a time: the same records and the same refusals as
reading the whole file, with one transaction for all of it.

The reader is tried with pieces of a few bytes, so that every kind of value, escape and
multi-byte character is cut somewhere; what it hands out must be what ``json.loads``
makes of the whole text, and a broken file must be refused with json's own words and
positions counted from the start of the file.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from browse_support import add
from cli_run import run_cli
from selfcompassion.errors import InputError
from selfcompassion.portability import stream as streaming
from selfcompassion.portability.stream import Items, JsonStream, NotAnObject, StreamError
from selfcompassion.portability.transfer import import_journal
from selfcompassion.store import EntryFilter, JournalStore


def reader(data: bytes, piece: int, limit: int = 1 << 30) -> JsonStream:
    source = io.BytesIO(data)
    return JsonStream(lambda size: source.read(min(size, piece)), limit=limit, too_large="big")


def read_all(data: bytes, piece: int) -> dict[str, Any]:
    """The document as the stream hands it out, lists of the streamed member collected."""
    found: dict[str, Any] = {}
    for key, value in reader(data, piece).members("entries"):
        found[key] = list(value) if isinstance(value, Items) else value
    return found


def refusal(data: bytes, piece: int) -> str:
    with pytest.raises(StreamError) as caught:
        read_all(data, piece)
    return str(caught.value)


def json_says(data: bytes) -> str:
    try:
        json.loads(data.decode("utf-8"))
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error})"
    raise AssertionError("json.loads accepted it")


@pytest.fixture(autouse=True)
def small_first_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window smaller than any real file, so that refills happen in every test."""
    monkeypatch.setattr(streaming, "CHUNK_BYTES", 16)


scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
documents = st.fixed_dictionaries(
    {"entries": st.lists(values, max_size=6)},
    optional={"format": st.text(max_size=10), "version": values, "after": values},
)


@settings(max_examples=150, deadline=None)
@given(
    document=documents,
    piece=st.integers(1, 40),
    indent=st.sampled_from([None, 0, 2, "\t"]),
    ascii_only=st.booleans(),
)
def test_pieces_make_the_same_document(
    document: dict[str, Any], piece: int, indent: Any, ascii_only: bool
) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    assert read_all(text.encode("utf-8"), piece) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"entries": [1, 2,, 3]}',
        '{"entries": [1 2]}',
        '{"entries": [{"a": 1 "b": 2}]}',
        '{"entries": [], "x": tru}',
        '{"entries": ["bad \\q escape"]}',
        '{"entries": ["bad \\u12x4 escape"]}',
        '{"entries": ["raw\ncontrol"]}',
        '{"entries": ["unterminated',
        '{"entries": [1, 2]} trailing',
        '{"a": 1\n,\n  "b" 2}',
        '{"a": 1,}',
        "\n\n   \n{\n\n",
        "",
    ],
)
@pytest.mark.parametrize("piece", [1, 3, 1 << 20])
def test_a_broken_file_is_refused_with_jsons_words(text: str, piece: int) -> None:
    padded = " " * 50 + text  # the problem lies past the first window
    assert refusal(padded.encode(), piece) == json_says(padded.encode())


def test_refusals_that_json_words_differently() -> None:
    assert "Infinity is not a number JSON allows" in refusal(b'{"entries": [Infinity]}', 4)
    assert "nested too deeply" in refusal(b'{"entries": ' + b"[" * 100_000 + b"]" * 100_000, 64)
    with pytest.raises(NotAnObject) as caught:
        read_all(b" [1, 2, 3] ", 2)
    assert caught.value.value == [1, 2, 3]


@pytest.mark.parametrize("piece", [1, 2, 5, 64])
def test_a_broken_byte_is_named_by_its_place_in_the_file(piece: int) -> None:
    data = '{"entries": ["é ü 😀'.encode() + b"\xff" + b'"]}'
    broken = data.index(b"\xff")
    assert refusal(data, piece) == f"not UTF-8 text (a broken byte at position {broken})"
    bom = b"\xef\xbb\xbf"
    assert read_all(bom + b'{"entries": ["\xc3\xa9"]}', piece) == {"entries": ["é"]}
    assert refusal(bom + data, piece).endswith(f"position {len(bom) + broken})")


def test_a_file_past_the_limit_is_refused() -> None:
    data = json.dumps({"entries": ["x" * 100] * 10}).encode()
    with pytest.raises(StreamError, match="big"):
        for _key, value in reader(data, 16, limit=len(data) - 1).members("entries"):
            list(value)
    assert read_all(data, 16)["entries"][0] == "x" * 100


def test_a_value_longer_than_the_window_is_read_whole() -> None:
    long = "a" * 100_000 + "é" * 50_000
    assert read_all(json.dumps({"entries": [long, 1]}).encode(), 1 << 20) == {"entries": [long, 1]}


# -- whole imports ---------------------------------------------------------------------------------


def document(count: int, **fields: Any) -> dict[str, Any]:
    def entry(number: int) -> dict[str, Any]:
        text = f"Entry {number}: a walk by the river, and a kind word. é 😀"
        return {
            "id": f"00000000-0000-4000-8000-{number:012d}",
            "kind": "daily",
            "journal_date": "2026-11-20",
            "created_at": "2026-11-20T21:00:00+01:00",
            "updated_at": "2026-11-20T21:00:00+01:00",
            "pack": "daily",
            "tags": ["walk"],
            "answers": [
                {
                    "step_id": "went-well",
                    "kind": "long_text",
                    "prompt": "What went well?",
                    "theme": None,
                    "value": text,
                    "text": text,
                }
            ],
        }

    head = {"format": "selfcompassion-journal", "version": 1, "entry_count": count}
    return {**head, **fields, "entries": [entry(n) for n in range(count)]}


def counts(store: JournalStore) -> list[int]:
    tables = ("entries", "answers", "tags", "search_docs", "commitments")
    return [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]  # noqa: S608


def refused(store: JournalStore, path: Path, text: str, why: str) -> None:
    """Importing ``text`` from ``path`` is refused with ``why`` and leaves nothing."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=f"{why}.*; nothing was imported$"):
        import_journal(store, str(path))
    assert counts(store) == [0, 0, 0, 0, 0]


# Past one write chunk (2,000 records) and many windows, so that rows are written before
# the bad record is read.
LARGE = 5_000


@pytest.mark.parametrize("layout", ["one line", "one entry a line"])
def test_a_bad_record_near_the_end_of_a_large_file_leaves_nothing(
    store: JournalStore, tmp_path: Path, layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streaming, "CHUNK_BYTES", 1 << 16)
    add(store, date(2026, 11, 1), "Already here.")
    before = counts(store)
    data = document(LARGE)
    data["entries"][-2]["answers"][0]["value"] = 7  # long_text wants text
    path = tmp_path / "large.json"
    if layout == "one line":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        lines = ",\n    ".join(json.dumps(e, ensure_ascii=False) for e in data.pop("entries"))
        head = json.dumps(data, indent=2)[:-2]
        path.write_text(f'{head},\n  "entries": [\n    {lines}\n  ]\n}}\n', encoding="utf-8")
    with pytest.raises(Exception) as caught:
        import_journal(store, str(path))
    assert str(caught.value) == (
        f"{path}: entry {LARGE - 1} (00000000): answers[0].value: expected text, found a "
        "number; nothing was imported"
    )
    assert counts(store) == before
    # The same file, mended, goes in whole.
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][-2]["answers"][0]["value"] = "mended"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = import_journal(store, str(path))
    assert (result.added, result.skipped) == (LARGE, 0)
    assert counts(store)[:4] == [before[0] + LARGE, before[1] + LARGE, before[2] + LARGE,
                                 before[3] + LARGE]  # fmt: skip


def test_a_file_cut_short_near_the_end_leaves_nothing(store: JournalStore, tmp_path: Path) -> None:
    cut = json.dumps(document(3_000))[:-40]
    refused(store, tmp_path / "cut.json", cut, "not valid JSON")


def test_a_repeated_id_far_apart_is_refused(store: JournalStore, tmp_path: Path) -> None:
    data = document(4_500)
    data["entries"][4_400]["id"] = data["entries"][3]["id"]
    refused(
        store,
        tmp_path / "twice.json",
        json.dumps(data),
        r"entry 4401 \(00000000\): the same id as entry 4",
    )


def test_the_fields_around_the_entries_may_come_in_any_order(
    store: JournalStore, tmp_path: Path
) -> None:
    """A file whose keys were sorted (``jq -S``, say) has its entries first; the fields
    after them are still checked before anything is kept."""
    path = tmp_path / "sorted.json"
    newer = json.dumps(document(3, version=2), sort_keys=True)
    refused(store, path, newer, "newer selfcompassion")
    miscounted = json.dumps(document(3, entry_count=4), sort_keys=True)
    refused(store, path, miscounted, "says 4 entries but holds 3")
    good = json.dumps(document(3, exported_at="2026-11-22T10:00:00+01:00"), sort_keys=True)
    assert good.startswith('{"entries"')
    path.write_text(good, encoding="utf-8")
    assert import_journal(store, str(path)).added == 3


def test_commitment_ids_are_checked_across_the_whole_file(
    store: JournalStore, tmp_path: Path
) -> None:
    data = document(2_500)
    commitment = {
        "id": "c0000000-0000-4000-8000-000000000000",
        "text": "Rest",
        "due_date": "2026-12-01",
        "status": "open",
        "note": None,
        "created_at": "2026-11-20T21:00:00+01:00",
        "updated_at": "2026-11-20T21:00:00+01:00",
        "closed_date": None,
    }
    data["entries"][1]["commitments"] = [commitment]
    data["entries"][2_400]["commitments"] = [commitment]  # in another write chunk
    refused(store, tmp_path / "shared.json", json.dumps(data), "two commitments share one id")


def test_a_large_import_from_standard_input(
    store: JournalStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(streaming, "CHUNK_BYTES", 1 << 16)
    data = json.dumps(document(2_100)).encode()
    result = run_cli("--db", str(tmp_path / "piped.db"), "import", "-", stdin=data)
    assert result.code == 0, result.err
    assert "2,100 added, 0 skipped" in result.out
    with JournalStore.open(tmp_path / "piped.db") as piped:
        assert len(piped.list_entries(EntryFilter(), None)) == 2_100


def test_an_import_of_unknown_length_shows_its_bar_once_it_runs_long(
    store: JournalStore, tmp_path: Path
) -> None:
    """jrnl's files do not say how many entries they hold: the bar appears once the import
    has gone on for a while, and a short import draws nothing."""
    from rich.console import Console

    from selfcompassion.render.progress import PROGRESS_FROM, progress_bar

    def shown(count: int) -> str:
        entries = [
            {"title": f"Day {n}.", "body": "", "date": "2026-11-01", "time": "09:30"}
            for n in range(count)
        ]
        path = tmp_path / f"jrnl-{count}.json"
        path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
        screen = io.StringIO()
        with progress_bar(Console(file=screen, force_terminal=True, width=80)) as progress:
            import_journal(store, str(path), origin="jrnl", progress=progress)
        return screen.getvalue()

    assert "Importing" not in shown(PROGRESS_FROM - 1)
    long = shown(PROGRESS_FROM + 1)
    assert "Importing" in long and f"{PROGRESS_FROM + 1}/?" in long


def test_add_records_writes_all_or_none(store: JournalStore) -> None:
    from selfcompassion.store import Answer, Entry, EntryRecord

    def record(entry_id: str) -> EntryRecord:
        answer = Answer("went-well", "long_text", "What went well?", "A walk.", None, "A walk.")
        stamp = "2026-11-20T21:00:00+01:00"
        day = date(2026, 11, 20)
        return EntryRecord(Entry(entry_id, "daily", day, stamp, stamp, None, (answer,), ("walk",)))

    ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(3)]
    with pytest.raises(Exception, match="UNIQUE|constraint"):
        store.add_records([record(ids[0]), record(ids[1]), record(ids[0])])
    assert counts(store) == [0, 0, 0, 0, 0]
    store.add_records([record(entry_id) for entry_id in ids])
    assert counts(store) == [3, 3, 3, 3, 0]
