"""Runs of consecutive journal days (``day_runs``, migration 0005) stay true on every write.

The table is kept by triggers on ``entries``, so it must agree, after any mix of writes
through any of the store's paths, with the runs worked out from scratch from the distinct
journal days; and the streaks read from it must agree with a plain count in Python, on
every day, past days included (a run that goes on after a past day counts only up to it).
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import fixed_clock
from fixtures.make_fixtures import fixture_versions, private_copy
from selfcompassion.store import Entry, EntryRecord, JournalStore, migrations
from sql_steps import vm_steps

#: Days are drawn around a year's end, so that runs cross month and year boundaries.
BASE = date(2025, 12, 20)
SPAN = 24
Run = tuple[str, str, int]


def day_of(offset: int) -> date:
    return BASE + timedelta(days=offset)


def runs_of(days: set[date]) -> list[Run]:
    """Runs of consecutive days, worked out one day at a time."""
    runs: list[list[date | int]] = []
    for day in sorted(days):
        if runs and runs[-1][1] == day - timedelta(days=1):
            runs[-1][1] = day
            runs[-1][2] += 1  # type: ignore[operator]
        else:
            runs.append([day, day, 1])
    return [(str(first), str(last), length) for first, last, length in runs]  # type: ignore[misc]


def journal_days(store: JournalStore) -> set[date]:
    rows = store.conn.execute("SELECT DISTINCT journal_date FROM entries").fetchall()
    return {date.fromisoformat(row[0]) for row in rows}


def kept_runs(store: JournalStore) -> list[Run]:
    return store.conn.execute("SELECT first, last, length FROM day_runs ORDER BY first").fetchall()


def naive_streak(days: set[date], as_of: date) -> int:
    day = as_of if as_of in days else as_of - timedelta(days=1)
    count = 0
    while day in days:
        count, day = count + 1, day - timedelta(days=1)
    return count


def naive_longest(days: set[date], as_of: date) -> int:
    return max((length for *_, length in runs_of({d for d in days if d <= as_of})), default=0)


def naive_before_latest(days: set[date], as_of: date) -> date | None:
    """The last journal day before the run that reaches ``as_of``'s latest journal day."""
    upto = {d for d in days if d <= as_of}
    if not upto:
        return None
    start = date.fromisoformat(runs_of(upto)[-1][0])
    return max((d for d in upto if d < start), default=None)


def check_against_scratch(store: JournalStore) -> None:
    days = journal_days(store)
    assert kept_runs(store) == runs_of(days)
    for offset in range(-2, SPAN + 3):
        as_of = day_of(offset)
        upto = {d for d in days if d <= as_of}
        islands = store.islands(as_of)
        assert store.streak(as_of) == naive_streak(days, as_of), as_of
        assert islands.longest == naive_longest(days, as_of), as_of
        assert (islands.latest.last if islands.latest else None) == max(upto, default=None)
        assert islands.before_latest == naive_before_latest(days, as_of), as_of


def entry(day: date) -> Entry:
    stamp = fixed_clock(day)().isoformat(timespec="seconds")
    return Entry(str(uuid.uuid4()), "daily", day, stamp, stamp, None)


# -- one journal per example, copied from one made once ---------------------------------------


@pytest.fixture(scope="module")
def blank_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("blank") / "journal.db"
    JournalStore.open(path).close()
    return path


@pytest.fixture
def fresh_store(blank_journal: Path, tmp_path: Path) -> Iterator[JournalStore]:
    with _copy_of(blank_journal, tmp_path) as store:
        yield store


def _copy_of(blank: Path, folder: Path) -> JournalStore:
    target = folder / uuid.uuid4().hex / "journal.db"  # hypothesis replays: a new file each time
    target.parent.mkdir(mode=0o700, parents=True)
    shutil.copyfile(blank, target)
    return JournalStore.open(target)


# -- the property ---------------------------------------------------------------------------

some_days = st.lists(st.integers(0, SPAN), min_size=1, max_size=6)
writes = st.one_of(
    st.tuples(st.just("add"), st.integers(0, SPAN)),
    st.tuples(st.just("bulk"), some_days),
    st.tuples(st.just("import"), some_days),
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("redate"), st.integers(0, 10_000), st.integers(0, SPAN)),
)


def apply_write(store: JournalStore, write: tuple) -> None:
    kind = write[0]
    ids = [row[0] for row in store.conn.execute("SELECT id FROM entries ORDER BY id")]
    if kind == "add":
        day = day_of(write[1])
        store.add_entry(kind="daily", journal_date=day, answers=[], now=fixed_clock(day)())
    elif kind == "bulk":
        store.bulk_load(entry(day_of(offset)) for offset in write[1])
    elif kind == "import":
        store.add_records([EntryRecord(entry(day_of(offset))) for offset in write[1]])
    elif kind == "delete" and ids:
        assert store.delete_entry(ids[write[1] % len(ids)])
    elif kind == "redate" and ids:
        # No command moves an entry to another day yet; the trigger is there for when one does.
        with store.writing() as conn:
            conn.execute(
                "UPDATE entries SET journal_date = ? WHERE id = ?",
                [day_of(write[2]).isoformat(), ids[write[1] % len(ids)]],
            )


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(writes, min_size=1, max_size=12))
def test_day_runs_match_the_days_after_any_writes(
    steps: list[tuple], blank_journal: Path, tmp_path: Path
) -> None:
    with _copy_of(blank_journal, tmp_path) as store:
        for write in steps:
            apply_write(store, write)
            assert kept_runs(store) == runs_of(journal_days(store)), write
        check_against_scratch(store)


# -- statements that write many rows at once --------------------------------------------------


def test_one_statement_deleting_or_moving_many_entries_keeps_the_runs(
    fresh_store: JournalStore,
) -> None:
    store = fresh_store
    store.bulk_load(entry(day_of(offset)) for _ in range(2) for offset in range(0, 12))
    assert kept_runs(store) == [("2025-12-20", "2025-12-31", 12)]
    with store.writing() as conn:
        conn.execute("DELETE FROM entries WHERE journal_date IN ('2025-12-24', '2025-12-27')")
    check_against_scratch(store)
    with store.writing() as conn:  # every entry a day later: the gaps move with them
        conn.execute("UPDATE entries SET journal_date = date(journal_date, '+1 day')")
    assert kept_runs(store) == runs_of(journal_days(store))
    assert kept_runs(store)[0] == ("2025-12-21", "2025-12-24", 4)
    with store.writing() as conn:  # two days folded into one, and a gap filled
        conn.execute(
            "UPDATE entries SET journal_date = '2025-12-27' WHERE journal_date = '2025-12-29'"
        )
    check_against_scratch(store)


def test_an_import_file_joins_the_runs_already_there(fresh_store: JournalStore) -> None:
    from selfcompassion.portability.transfer import export_journal, import_journal
    from selfcompassion.store import EntryFilter

    store = fresh_store
    for offset in (0, 1, 2, 6, 7):
        day = day_of(offset)
        store.add_entry(kind="daily", journal_date=day, answers=[], now=fixed_clock(day)())
    exported = store.path.with_name("export.json")
    with JournalStore.open(store.path.with_name("other.db")) as other:
        other.bulk_load(entry(day_of(offset)) for offset in (3, 4, 5, 5, 9))
        export_journal(other, fmt="json", chosen=EntryFilter(), now=fixed_clock(BASE)(),
                       output=exported)  # fmt: skip
    assert import_journal(store, str(exported)).added == 5
    assert kept_runs(store) == [("2025-12-20", "2025-12-27", 8), ("2025-12-29", "2025-12-29", 1)]
    check_against_scratch(store)


# -- streaks as of a past day ---------------------------------------------------------------


def test_a_run_going_on_after_a_past_day_counts_only_up_to_it(fresh_store: JournalStore) -> None:
    store = fresh_store
    store.bulk_load(entry(day_of(offset)) for offset in [*range(0, 10), *range(12, 24)])
    as_of = day_of(4)  # five days into a run of ten
    assert store.streak(as_of) == 5
    assert store.islands(as_of).longest == 5
    latest = store.islands(as_of).latest
    assert latest is not None and (latest.first, latest.last, latest.length) == (
        day_of(0),
        day_of(4),
        5,
    )
    # The day after the first run: it still stands; the longer run later is not counted yet.
    assert (store.streak(day_of(10)), store.islands(day_of(10)).longest) == (10, 10)
    assert (store.streak(day_of(11)), store.islands(day_of(11)).longest) == (0, 10)
    assert (store.streak(day_of(14)), store.islands(day_of(14)).longest) == (3, 10)
    assert store.islands(day_of(14)).before_latest == day_of(9)
    assert (store.streak(day_of(40)), store.islands(day_of(40)).longest) == (0, 12)
    assert store.streak(day_of(-1)) == 0 and store.islands(day_of(-1)).latest is None


# -- reading a streak does not walk the history -----------------------------------------------


def test_streaks_cost_the_same_on_a_long_history(fresh_store: JournalStore) -> None:
    """An unbroken run of 5,000 days is read in as many steps as one of 50 days: the
    streaks are looked up, not counted day by day."""
    store = fresh_store
    start = date(2012, 1, 1)
    store.bulk_load(entry(start + timedelta(days=n)) for n in range(5_000))
    today = start + timedelta(days=5_000)
    assert store.streak(today) == 5_000 and store.islands(today).longest == 5_000
    long_reads = (
        vm_steps(store, lambda: store.streak(today)),
        vm_steps(store, lambda: store.islands(today)),
    )
    with store.writing() as conn:
        conn.execute("DELETE FROM entries WHERE journal_date < ?", [str(today - timedelta(50))])
    assert store.streak(today) == 50 and store.islands(today).longest == 50
    short_reads = (
        vm_steps(store, lambda: store.streak(today)),
        vm_steps(store, lambda: store.islands(today)),
    )
    assert long_reads == short_reads
    assert 0 < sum(short_reads) < 20


# -- upgrades -------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [v for v in fixture_versions() if v < 5])
def test_an_upgraded_journal_has_the_runs_of_its_entries(tmp_path: Path, version: int) -> None:
    db = private_copy(version, tmp_path / "journal" / "journal.db")
    with JournalStore.open(db) as store:
        assert kept_runs(store) == runs_of(journal_days(store)) != []
        check_against_scratch(store)


def test_the_upgrade_finds_every_run_of_a_long_history(tmp_path: Path) -> None:
    """Entries written before migration 0005, with gaps of every size, then the upgrade."""
    from sqlite_utils import Database

    db = tmp_path / "journal" / "journal.db"
    db.parent.mkdir(mode=0o700)
    conn = sqlite3.connect(db, isolation_level=None)
    migrations.migrations.apply(Database(conn, execute_plugins=False), stop_before="0005_day_runs")
    days = {date(2019, 1, 1) + timedelta(days=n) for n in range(2_000) if n % 7 and n % 11 != 3}
    JournalStore(db, conn).bulk_load(entry(day) for day in sorted(days))
    conn.close()
    with JournalStore.open(db) as store:
        assert store.applied_migrations() == migrations.names()
        assert kept_runs(store) == runs_of(days)
        assert len(kept_runs(store)) == 390
