"""The JSON export that SQLite writes is, byte for byte, the export the format defines.

``schema.record_to_json`` is the format written in Python, and the reference below turns
it into a document the way the export did before SQLite wrote the entries: one
``json.dumps(record, ensure_ascii=False)`` line per entry, control characters escaped.
Every test builds a journal with the store's own writes, exports it, and compares the
two texts whole.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from browse_support import TZ
from selfcompassion.portability import documents
from selfcompassion.portability.schema import header, record_to_json
from selfcompassion.portability.transfer import export_journal
from selfcompassion.store import Answer, EntryFilter, JournalStore, timestamp
from selfcompassion.store.entry_json import FEATURES_PRESENT
from selfcompassion.text.controls import escape_controls

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=TZ)
EVERYTHING = EntryFilter()
# Every kind of character the escapes must agree on: JSON's own escapes, C0, DEL, C1,
# bidi and zero-width controls, a line separator, quotes, backslashes, a NUL, non-Latin
# letters and characters outside the Basic Multilingual Plane.
AWKWARD = (
    'quote " backslash \\ slash / tab \t newline \n return \r bell \x07 escape \x1b[2J '
    "backspace \x08 form feed \x0c unit \x1f DEL \x7f C1 \x85 \x9b31m bidi \u202e \u2066 "
    "zero width \u200b line sep \u2028 nul \x00 accents é ü ß Ω 漢字 emoji 😀 🌊"
)
FLOATS = (0.1, 1 / 3, 60.0, 1e-7, 2.5e-5, 1e16, 1e22, 123456789.123, 5e-324, 3.3333333333333335)


def reference_export(store: JournalStore, chosen: EntryFilter = EVERYTHING) -> str:
    """The document as the Python writer wrote it (before the entries came from SQL)."""
    records = [record for batch in store.iter_records(chosen) for record in batch]
    out = ["{\n"]
    for key, value in header(timestamp(NOW), len(records)).items():
        out.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    out.append('  "entries": [')
    lines = [escape_controls(json.dumps(record_to_json(r), ensure_ascii=False)) for r in records]
    out.append(
        "".join(f"\n    {line}" if i == 0 else f",\n    {line}" for i, line in enumerate(lines))
    )
    out.append("\n  ]\n}\n" if lines else "]\n}\n")
    return "".join(out)


def sql_export(store: JournalStore, chosen: EntryFilter = EVERYTHING) -> str:
    out = io.StringIO()
    export_journal(store, fmt="json", chosen=chosen, now=NOW, stdout=out)
    return out.getvalue()


def answer(
    step: str, kind: str, value: Any, *, prompt: str = "", theme: str | None = None
) -> Answer:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return Answer(step, kind, prompt or f"About {step}?", value, theme, text)


def save(
    store: JournalStore,
    day: date,
    answers: list[Answer],
    *,
    kind: str = "daily",
    pack: str | None = "daily",
    tags: tuple[str, ...] = (),
    hour: int = 21,
    entry_id: str | None = None,
) -> str:
    entry = store.add_entry(
        kind=kind,
        journal_date=day,
        answers=answers,
        now=datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ),
        pack=pack,
        tags=tags,
        entry_id=entry_id,
    )
    return entry.id


def put(store: JournalStore, sql: str, *rows: list[Any]) -> None:
    with store.writing() as conn:
        conn.executemany(sql, rows)


@pytest.fixture
def varied(store: JournalStore) -> Iterator[JournalStore]:
    """A journal with a bit of everything an export has to get right."""
    day = date(2026, 11, 10)
    # Written out of order: the export sorts by day, then time, then id.
    save(store, day + timedelta(days=3), [answer("note", "text", "later")], tags=("zebra",))
    save(
        store,
        day,
        [
            answer("mood", "scale", 2, theme="check-in"),
            answer("energy", "scale", 1 / 3),
            answer("tiny", "scale", 1e-7),
            answer("round", "scale", 60.0),
            answer("went-well", "long_text", AWKWARD, prompt=f"Prompt with {AWKWARD}"),
            answer("long", "long_text", "many words " * 2_000),
            answer("choice", "choice", "the kind one", theme=None),
            answer("confirm-yes", "confirm", True),
            answer("confirm-no", "confirm", False),
            answer("multi", "multi", ["a", "é", AWKWARD, ""]),
            answer("feelings", "intensities", {"sad": 60, "ängstlich": 33.5, 'sa"d\\': 0.1}),
            answer("due", "date", "2026-12-01"),
            answer("empty", "text", "", prompt=""),
        ],
        tags=("work", "café", "cafe", "ábc", "zeta"),
    )
    save(store, day, [], kind="note", pack=None)  # no answers, no tags, no pack
    # Two entries on the same day and minute: their ids decide the order.
    for entry_id in (
        "ffffffff-0000-4000-8000-000000000000",
        "00000000-0000-4000-8000-00000000000f",
    ):
        save(store, day, [answer("same", "text", entry_id)], hour=8, entry_id=entry_id)
    reframe = save(
        store,
        day + timedelta(days=1),
        [answer("thought", "long_text", AWKWARD)],
        kind="reframe",
        pack="reframe",
    )
    put(
        store,
        "INSERT INTO reframe_scores VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [reframe, 80, 1 / 3, 45.5, 60, 1e-7, "2026-11-25T08:00:00+01:00", 55],
    )
    put(
        store,
        "INSERT INTO entry_traps VALUES (?, ?, ?)",
        [reframe, "should-statements", None],
        [reframe, "all-or-nothing", f"always {AWKWARD}"],
    )
    commitment = "INSERT INTO commitments VALUES (?, ?, ?, '2026-12-01', ?, ?, ?, ?, ?)"
    put(
        store,
        commitment,
        [
            "c2000000-0000-4000-8000-000000000000",
            reframe,
            "Rest",
            "open",
            None,
            "2026-11-21T09:00:00+01:00",
            "2026-11-21T09:00:00+01:00",
            None,
        ],
        [
            "c1000000-0000-4000-8000-000000000000",
            reframe,
            f"Ask {AWKWARD}",
            "done",
            AWKWARD,
            "2026-11-21T09:00:00+01:00",
            "2026-11-22T09:00:00+01:00",
            "2026-11-22",
        ],
        [
            "c0000000-0000-4000-8000-000000000000",
            reframe,
            "Walk",
            "let-go",
            "",
            "2026-11-21T10:00:00+01:00",
            "2026-11-21T10:00:00+01:00",
            "2026-11-23",
        ],
    )
    bare_reframe = save(store, day + timedelta(days=1), [], kind="reframe", pack="reframe")
    put(
        store,
        "INSERT INTO reframe_scores VALUES (?, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        [bare_reframe],
    )
    checkin = save(store, day + timedelta(days=2), [answer("kind-1", "scale", 4)], kind="checkin")
    put(
        store,
        "INSERT INTO checkin_scores VALUES (?, ?, ?, ?, ?)",
        [checkin, 0.1, None, 3, 3.3333333333333335],
    )
    yield store


def test_the_export_is_the_reference_byte_for_byte(varied: JournalStore) -> None:
    exported = sql_export(varied)
    assert exported == reference_export(varied)
    data = json.loads(exported)
    # The check above would pass on two writers that agreed on a mistake; these would not.
    entries = data["entries"]
    assert data["entry_count"] == len(entries) == 8
    assert [e["journal_date"][-2:] for e in entries] == ["10"] * 4 + ["11", "11", "12", "13"]
    assert entries[0]["id"].startswith("00000000") and entries[1]["id"].startswith("ffff")
    (main,) = [e for e in entries if len(e["answers"]) > 10]
    answers = {a["step_id"]: a for a in main["answers"]}
    assert answers["went-well"]["value"] == AWKWARD and answers["energy"]["value"] == 1 / 3
    assert main["tags"] == ["cafe", "café", "work", "zeta", "ábc"]
    (reframe,) = [e for e in entries if "traps" in e]
    assert [t["trap_id"] for t in reframe["traps"]] == ["all-or-nothing", "should-statements"]
    assert [c["text"][:4] for c in reframe["commitments"]] == ["Ask ", "Rest", "Walk"]
    assert reframe["reframe_scores"]["intensity_before"] == 80.0
    for raw in ("\x1b", "\x7f", "\x85", "\u202e", "\u200b"):
        assert raw not in exported
    assert "\\u001b" in exported and "\\u0085" in exported and "\u2028" in exported


@pytest.mark.parametrize(
    "chosen",
    [
        EntryFilter(since=date(2026, 11, 11)),
        EntryFilter(until=date(2026, 11, 10)),
        EntryFilter(kinds=("reframe", "checkin")),
        EntryFilter(tags=("work", "zebra")),
        EntryFilter(kinds=("nothing-like-this",)),
    ],
    ids=["since", "until", "kinds", "tags", "none"],
)
def test_filters_pick_the_same_entries(varied: JournalStore, chosen: EntryFilter) -> None:
    assert sql_export(varied, chosen) == reference_export(varied, chosen)


def test_an_empty_journal(store: JournalStore) -> None:
    assert sql_export(store) == reference_export(store)
    assert json.loads(sql_export(store))["entries"] == []


@pytest.mark.parametrize("value", [*FLOATS, 3, 0, -0.0, 100.0])
def test_numbers_come_out_as_python_writes_them(store: JournalStore, value: float) -> None:
    """SQLite would write 1/3 as 0.333333333333333 and 1e-07 as 1.0e-07; the export must
    write what Python writes, whatever the column."""
    entry = save(store, date(2026, 11, 1), [answer("n", "scale", value)], kind="reframe")
    put(
        store,
        "INSERT INTO reframe_scores VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)",
        [entry, value, value, value, value],
    )
    put(
        store,
        "INSERT INTO checkin_scores VALUES (?, ?, ?, ?, ?)",
        [entry, value, value, value, value],
    )
    exported = sql_export(store)
    assert exported == reference_export(store)
    record = json.loads(exported)["entries"][0]
    assert record["answers"][0]["value"] == value
    assert record["checkin_scores"]["total"] == value


@pytest.mark.parametrize("batch", [1, 2, 4])
def test_batches_join_into_one_document(varied: JournalStore, batch: int) -> None:
    out = io.StringIO()
    count = varied.count_matching(EVERYTHING)
    steps = documents.write_json(
        varied.iter_entry_json(EVERYTHING, batch=batch),
        out,
        exported_at=timestamp(NOW),
        count=count,
    )
    assert sum(steps) == count
    assert out.getvalue() == reference_export(varied)


def test_text_that_is_all_ascii_still_has_its_delete_escaped(store: JournalStore) -> None:
    save(store, date(2026, 11, 1), [answer("plain", "text", "rub \x7f out")])
    exported = sql_export(store)
    assert exported == reference_export(store) and "rub \\u007f out" in exported


class CutShort(io.StringIO):
    """A reader that goes away after a little of the export (``journal export | head``):
    a write that would take it past 2,000 characters fails."""

    def write(self, text: str) -> int:
        if self.tell() + len(text) > 2_000:
            raise BrokenPipeError("the reader went away")
        return super().write(text)


@pytest.mark.parametrize("fmt", ["json", "markdown", "csv"])
def test_an_export_cut_short_leaves_nothing_open(
    store: JournalStore, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export's cursor is closed when the export stops, not later, when the journal it
    belongs to may be closed already (which printed a traceback after ``| head``)."""
    import gc
    import sys

    for number in range(120):
        save(store, date(2026, 1, 1) + timedelta(days=number), [answer("a", "text", "x" * 200)])
    left_over: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", left_over.append)
    with pytest.raises(BrokenPipeError), store:  # closed on the way out, as by the command
        export_journal(store, fmt=fmt, chosen=EVERYTHING, now=NOW, stdout=CutShort())
    gc.collect()
    assert left_over == []


def test_answers_whose_head_was_not_sampled_are_written_the_same(
    varied: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export takes each answer's head (its object up to the value) from the heads
    at both ends of the answers table; with one answer read at each end, most answers of
    this journal have a head that is not there and is built where it is used."""
    from selfcompassion.store import portability

    monkeypatch.setattr(portability, "ANSWER_SAMPLE", 1)
    heads = varied.conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT step_id, kind, prompt, theme FROM answers)"
    ).fetchone()[0]
    assert len(varied.sampled_heads()) <= 2 < heads
    assert sql_export(varied) == reference_export(varied)


@pytest.mark.parametrize("most", [0, 4, 5, 16])
def test_heads_sharing_a_step_id_are_told_apart(
    store: JournalStore, monkeypatch: pytest.MonkeyPatch, most: int
) -> None:
    """The heads the query holds are picked by step id, then by kind, prompt and theme
    (a theme of none among them); a journal with more heads than the query holds takes
    them from a temporary table instead, and every way comes out the same."""
    from selfcompassion.store import portability

    monkeypatch.setattr(portability, "MOST_HEADS", most)
    same_step = [
        answer("step", "text", "one", prompt="First?"),
        answer("step", "text", "two", prompt="First?", theme="a theme"),
        answer("step", "long_text", "three", prompt="First?"),
        answer("step", "text", "four", prompt='Second, "quoted"?\n'),
        answer("other", "scale", 2, prompt="First?"),
    ]
    save(store, date(2026, 5, 1), same_step)
    save(store, date(2026, 5, 2), list(reversed(same_step)))
    with store.snapshot():
        batches = store.iter_entry_json(EVERYTHING)
        next(batches)
        (joined,) = store.conn.execute(
            "SELECT count(*) FROM temp.sqlite_master WHERE name = 'export_answer_heads'"
        ).fetchone()
        batches.close()
    assert joined == (most < 5)
    assert sql_export(store) == reference_export(store)


def test_a_journal_without_reframes_or_check_ins_is_written_the_same(
    store: JournalStore,
) -> None:
    """Members of feature tables that hold no row are left out of the query; an entry
    there never had them."""
    save(store, date(2026, 11, 1), [answer("went-well", "text", AWKWARD)], tags=("one",))
    save(store, date(2026, 11, 2), [answer("mood", "scale", 3, theme="mood")], kind="note")
    (features,) = store.conn.execute(FEATURES_PRESENT).fetchall()
    assert features == (0, 0, 0, 0)
    assert sql_export(store) == reference_export(store)


def sent_records(store: JournalStore) -> dict[str, str]:
    """Each entry's record as a first sync writes it to its change files."""
    store.device_id()  # from here on every entry waits in sync's outbox
    with store.snapshot():
        return {
            key: record
            for part in store.outbox_parts(3)
            for kind, key, _, _, record in part
            if kind == "entry"
        }


@pytest.mark.parametrize(
    ("most", "sample"), [(16, 5_000), (0, 5_000), (16, 1)], ids=["case", "joined", "unsampled"]
)
def test_sync_sends_each_entry_as_the_export_writes_it_without_commitments(
    varied: JournalStore, monkeypatch: pytest.MonkeyPatch, most: int, sample: int
) -> None:
    """Sync carries an entry's record in the export's text, without its commitments (they
    travel as items of their own), every way the query can take the answers' heads."""
    from selfcompassion.store import portability

    monkeypatch.setattr(portability, "MOST_HEADS", most)
    monkeypatch.setattr(portability, "ANSWER_SAMPLE", sample)
    records = [record for batch in varied.iter_records(EVERYTHING) for record in batch]
    expected = {
        record.entry.id: json.dumps(
            {key: value for key, value in record_to_json(record).items() if key != "commitments"},
            ensure_ascii=False,
        )
        for record in records
    }
    sent = sent_records(varied)
    assert sent == expected
    assert len(sent) == 8 and sum('"commitments"' in text for text in sent.values()) == 0
    assert sum('"traps": [' in text for text in sent.values()) == 1
    assert varied.conn.execute(
        "SELECT count(*) FROM temp.sqlite_master WHERE name = 'export_answer_heads'"
    ).fetchone() == (0,)
