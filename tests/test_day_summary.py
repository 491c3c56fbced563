"""The per-day tables of migration 0009 (``journal_days``, ``day_answers``) stay true.

They are kept by triggers on ``entries`` and ``answers``, so after any mix of writes
through the store's paths (a new entry, a bulk load, an import, an edit of answers, a
delete, an entry moved to another day, one statement touching many rows) they must agree
with the same figures counted from scratch; a report of a year reads them, not the
answers, so its cost does not grow with the entries of a day.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import fixed_clock
from fixtures.make_fixtures import fixture_versions, private_copy
from selfcompassion.store import Answer, Entry, EntryRecord, JournalStore
from sql_steps import vm_steps

BASE = date(2025, 12, 28)
SPAN = 8

_SCRATCH_DAYS = "SELECT journal_date, count(*) FROM entries GROUP BY 1 ORDER BY 1"
_SCRATCH_ANSWERS = """
    SELECT e.journal_date, a.step_id, a.kind, coalesce(a.theme, ''),
           count(CASE WHEN a.text != '' THEN 1 END), count(a.number), coalesce(sum(a.number), 0)
    FROM entries e JOIN answers a ON a.entry_id = e.id
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
"""
_KEPT_ANSWERS = (
    "SELECT day, step_id, kind, theme, written, rated, total FROM day_answers ORDER BY 1, 2, 3, 4"
)


def day_of(offset: int) -> date:
    return BASE + timedelta(days=offset)


def answers_of(mood: int | None, words: str) -> tuple[Answer, ...]:
    found = [Answer("present", "text", "What is here?", words, "check-in", words)]
    if mood is not None:
        found.insert(0, Answer("mood", "scale", "Mood?", mood, "check-in", str(mood)))
    return tuple(found)


def entry(day: date, mood: int | None = 3, words: str = "tired") -> Entry:
    stamp = fixed_clock(day)().isoformat(timespec="seconds")
    return Entry(str(uuid.uuid4()), "daily", day, stamp, stamp, None, answers_of(mood, words))


def check(store: JournalStore) -> None:
    conn = store.conn
    assert conn.execute("SELECT day, entries FROM journal_days ORDER BY day").fetchall() == (
        conn.execute(_SCRATCH_DAYS).fetchall()
    )
    # Row for row: nothing is left behind for answers that have gone.
    assert conn.execute(_KEPT_ANSWERS).fetchall() == conn.execute(_SCRATCH_ANSWERS).fetchall()


@pytest.fixture(scope="module")
def blank_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("blank") / "journal.db"
    JournalStore.open(path).close()
    return path


def _copy_of(blank: Path, folder: Path) -> JournalStore:
    target = folder / uuid.uuid4().hex / "journal.db"
    target.parent.mkdir(mode=0o700, parents=True)
    shutil.copyfile(blank, target)
    return JournalStore.open(target)


@pytest.fixture
def fresh_store(blank_journal: Path, tmp_path: Path) -> Iterator[JournalStore]:
    with _copy_of(blank_journal, tmp_path) as store:
        yield store


moods = st.one_of(st.none(), st.integers(1, 5))
words = st.sampled_from(["", "tired", "a long day"])
some_days = st.lists(st.tuples(st.integers(0, SPAN), moods), min_size=1, max_size=4)
writes = st.one_of(
    st.tuples(st.just("add"), st.integers(0, SPAN), moods, words),
    st.tuples(st.just("bulk"), some_days),
    st.tuples(st.just("import"), some_days),
    st.tuples(st.just("edit"), st.integers(0, 10_000), moods, words),
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("redate"), st.integers(0, 10_000), st.integers(0, SPAN)),
    st.tuples(st.just("rerate"), st.integers(0, 10_000), st.integers(1, 5)),
)


def apply_write(store: JournalStore, write: tuple) -> None:
    kind = write[0]
    ids = [row[0] for row in store.conn.execute("SELECT id FROM entries ORDER BY id")]
    chosen = ids[write[1] % len(ids)] if ids and kind not in ("add", "bulk", "import") else None
    if kind == "add":
        day = day_of(write[1])
        store.add_entry(
            kind="daily",
            journal_date=day,
            answers=answers_of(write[2], write[3]),
            now=fixed_clock(day)(),
        )
    elif kind == "bulk":
        store.bulk_load(entry(day_of(offset), mood) for offset, mood in write[1])
    elif kind == "import":
        store.add_records([EntryRecord(entry(day_of(offset), mood)) for offset, mood in write[1]])
    elif chosen is None:
        return
    elif kind == "edit":
        found = store.get_entry(chosen)
        assert found is not None
        store.replace_answers(found, answers_of(write[2], write[3]), [], fixed_clock(BASE)())
    elif kind == "delete":
        assert store.delete_entry(chosen)
    elif kind == "redate":
        with store.writing() as conn:
            conn.execute(
                "UPDATE entries SET journal_date = ? WHERE id = ?",
                [day_of(write[2]).isoformat(), chosen],
            )
    elif kind == "rerate":
        with store.writing() as conn:
            conn.execute(
                "UPDATE answers SET number = ?, value = ? WHERE entry_id = ? AND step_id = 'mood'",
                [write[2], str(write[2]), chosen],
            )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(writes, min_size=1, max_size=10))
def test_the_day_tables_match_the_entries_after_any_writes(
    steps: list[tuple], blank_journal: Path, tmp_path: Path
) -> None:
    with _copy_of(blank_journal, tmp_path) as store:
        for write in steps:
            apply_write(store, write)
            check(store)


def test_one_statement_deleting_or_moving_many_entries_keeps_the_days(
    fresh_store: JournalStore,
) -> None:
    store = fresh_store
    store.bulk_load(entry(day_of(n % 6), 1 + n % 5, "x" * (n % 2)) for n in range(30))
    check(store)
    with store.writing() as conn:
        conn.execute("DELETE FROM entries WHERE journal_date IN (?, ?)", [day_of(1), day_of(4)])
    check(store)
    with store.writing() as conn:  # every entry a day later, then two days folded into one
        conn.execute("UPDATE entries SET journal_date = date(journal_date, '+1 day')")
        conn.execute("UPDATE entries SET journal_date = ? WHERE journal_date = ?",
                     [day_of(3), day_of(6)])  # fmt: skip
    check(store)
    with store.writing() as conn:
        conn.execute("DELETE FROM answers WHERE step_id = 'mood' AND number > 3")
    check(store)


def test_the_report_reads_ratings_and_themes_from_the_day_tables(
    fresh_store: JournalStore,
) -> None:
    store = fresh_store
    store.bulk_load([entry(day_of(0), 2), entry(day_of(0), 5), entry(day_of(0), None, "")])
    store.bulk_load([entry(day_of(1), 4)])
    scores = store.scores_by_day(day_of(0), day_of(1), ("mood",))
    assert scores == [(day_of(0), "mood", 3.5), (day_of(1), "mood", 4.0)]
    assert store.journal_span() == (4, day_of(0), day_of(1))
    assert store.practised_dates(day_of(-1), day_of(5)) == [day_of(0), day_of(1)]
    themes = store.top_themes(day_of(0), day_of(0), kinds=("text",), skip=(), limit=3)
    assert themes == [("check-in", 2)]  # the third entry's words were empty
    skipped = store.top_themes(day_of(0), day_of(1), kinds=("text",), skip=("check-in",), limit=3)
    assert skipped == []


def test_a_year_of_ratings_costs_the_same_however_many_entries_a_day_holds(
    fresh_store: JournalStore, tmp_path: Path
) -> None:
    """A year of one entry a day and a year of twelve entries a day are read in the same
    number of steps: the report reads a row per day, not every answer."""
    first, last = date(2025, 1, 1), date(2025, 12, 31)
    days = [first + timedelta(days=n) for n in range(365)]
    fresh_store.bulk_load(entry(day, 1 + day.day % 5) for day in days)
    with JournalStore.open(tmp_path / "busy" / "journal.db") as busy:
        busy.bulk_load(entry(day, 1 + (day.day + n) % 5) for day in days for n in range(12))

        def year(store: JournalStore) -> tuple[int, int]:
            return (
                vm_steps(store, lambda: store.scores_by_day(first, last, ("mood", "kindness"))),
                vm_steps(store, lambda: store.practice_days(first, last)),
            )

        assert year(busy) == year(fresh_store)
        assert len(busy.scores_by_day(first, last, ("mood",))) == 365


@pytest.mark.parametrize("version", [v for v in fixture_versions() if v < 9])
def test_an_upgraded_journal_counts_the_days_it_already_had(tmp_path: Path, version: int) -> None:
    db = private_copy(version, tmp_path / "journal" / "journal.db")
    with JournalStore.open(db) as store:
        assert store.conn.execute("SELECT count(*) FROM journal_days").fetchone()[0] > 0
        check(store)
