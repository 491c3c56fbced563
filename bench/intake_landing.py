"""How much one transaction would save an import into an empty journal: the same file
imported three ways, in process, by turns, each in a process of its own.

    python bench/intake_landing.py                        # 100,000 entries, 1 run each
    python bench/intake_landing.py --entries 10000 --runs 3
    python bench/intake_landing.py --entries 10000 --same  # and compare the journals

The three ways:

- ``steps``: ``journal import`` as it is (short transactions sized by wall time, with
  pauses for others to write).
- ``whole``: the same code with every entry landed in its first step, one transaction.
- ``bulk``: a prototype kept here, not in the journal's code: into an empty journal, one
  transaction with the secondary indexes of entries, answers, tags and ``day_answers``
  dropped before the rows go in and made again after, and the day tables computed once
  from the whole journal rather than merged in (``land_bulk`` below).

Each run prints the CPU time of the whole import (user + system of this process), the CPU
and wall time of its landing (the part that holds the journal's write lock; for ``whole``
and ``bulk`` in one piece), and the peak memory. With ``--same``, the journals that
``whole`` and ``bulk`` made are compared table by table with their rowids, and ``steps``
against ``bulk`` without them (a sha256 of each table's rows, sorted).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

WAYS = ("steps", "whole", "bulk")


def land_bulk(store: Any, stage: Any, advance: Callable[[int], None]) -> int:
    """The prototype: land every staged record into an empty journal in one transaction,
    the indexes built once after the rows are in."""
    from selfcompassion.store import landing
    from selfcompassion.store.portability import BESIDE
    from selfcompassion.store.staging import (
        ANSWER_COLUMNS,
        ENTRY_COLUMNS,
        LANDED_ANSWERS,
        STAGE,
        STAGED_ANSWERS_FROM,
        staged_sql,
    )

    store._order_by_id()
    with store._larger_cache():
        store.conn.execute("PRAGMA synchronous = FULL")
        with store.writing() as conn:
            if conn.execute("SELECT 1 FROM main.entries LIMIT 1").fetchone() is not None:
                raise RuntimeError("the prototype lands only into an empty journal")
            conn.execute("INSERT INTO main.bulk_loading (loading) VALUES (1)")
            dropped = conn.execute(
                "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' "
                "AND sql IS NOT NULL AND tbl_name IN ('entries', 'answers', 'tags', 'day_answers')"
            ).fetchall()
            for name, _ in dropped:
                conn.execute(f"DROP INDEX main.{name}")
            conn.execute(
                f"INSERT INTO main.entries ({ENTRY_COLUMNS}) SELECT {ENTRY_COLUMNS} "  # noqa: S608
                f"FROM {STAGE}entries ORDER BY journal_date, created_at, id"
            )
            conn.execute(
                f"INSERT INTO main.answers ({ANSWER_COLUMNS}) SELECT {LANDED_ANSWERS} "  # noqa: S608
                f"FROM temp.import_order o JOIN {STAGE}entries s ON s.seq = o.seq "
                f"{STAGED_ANSWERS_FROM} ORDER BY o.place, a.position"
            )
            conn.execute(
                f"INSERT INTO main.tags (entry_id, tag) SELECT entry_id, tag "  # noqa: S608
                f"FROM {STAGE}tags ORDER BY entry_id, tag"
            )
            for table in BESIDE:
                conn.execute(
                    staged_sql(
                        "INSERT INTO main.{table} ({columns}) SELECT {columns} FROM {stage}", table
                    )
                )
            at = {"entry": 0, "doc": 0}
            conn.execute(landing._SEARCH_DOCS, at)
            conn.execute(landing._SEARCH_INDEX, at)
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS landing_days (day TEXT PRIMARY KEY)")
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS landing_runs (first TEXT, last TEXT)")
            conn.execute("DELETE FROM temp.landing_days")
            conn.execute("DELETE FROM temp.landing_runs")
            conn.execute(
                "INSERT INTO temp.landing_days (day) SELECT DISTINCT journal_date FROM main.entries"
            )
            conn.execute(landing._MERGED_RUNS)
            conn.execute(landing._NEW_RUNS)
            conn.execute(
                "INSERT INTO main.journal_days (day, entries) "
                "SELECT journal_date, count(*) FROM main.entries GROUP BY journal_date"
            )
            conn.execute(
                "INSERT INTO main.day_answers (day, step_id, kind, theme, written, rated, total) "
                "SELECT e.journal_date, a.step_id, a.kind, coalesce(a.theme, ''), "
                "count(CASE WHEN a.text != '' THEN 1 END), count(a.number), "
                "coalesce(sum(a.number), 0) "
                "FROM main.entries e CROSS JOIN main.answers a ON a.entry_id = e.id "
                "GROUP BY e.journal_date, a.step_id, a.kind, coalesce(a.theme, '')"
            )
            conn.execute(landing._OUTBOX_ENTRIES, at)
            conn.execute(landing._OUTBOX_COMMITMENTS, at)
            for _, sql in dropped:
                conn.execute(sql)
            conn.execute("DELETE FROM main.bulk_loading")
    advance(stage.count)
    return int(stage.count)


def child(source: Path, db: Path, way: str) -> None:
    """Import ``source`` into a new journal at ``db`` one way; print one line of figures."""
    from selfcompassion.portability.transfer import import_journal
    from selfcompassion.store import JournalStore, importing

    if way == "whole":
        importing.FIRST_CHUNK = importing.MAX_CHUNK = 10**9
    usual = land_bulk if way == "bulk" else importing.ImportQueries.land_import
    held: dict[str, float] = {}

    def timed(store: Any, stage: Any, advance: Callable[[int], None]) -> int:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return int(usual(store, stage, advance))
        finally:
            held["wall"] = time.perf_counter() - wall
            held["cpu"] = time.process_time() - cpu

    importing.ImportQueries.land_import = timed  # type: ignore[method-assign]
    store = JournalStore.open(db)
    try:
        cpu = time.process_time()
        import_journal(store, str(source))
        cpu = time.process_time() - cpu
    finally:
        store.conn.close()
    peak = _peak_mb()
    print(f"{cpu:.3f} {held['cpu']:.3f} {held['wall']:.3f} {peak:.0f}")


def _peak_mb() -> float:
    """This process's peak resident memory in MB. Linux's ``VmHWM`` is this program's
    own, where ``ru_maxrss`` keeps the largest of the process before ``exec`` too (here
    the parent that made the sample entries)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table_hashes(db: Path, rowids: bool) -> dict[str, str]:
    """A sha256 of each table's rows (sorted), with their rowids or without."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        tables = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations' ORDER BY name"
        ).fetchall()
        found = {}
        for name, sql in tables:
            with_rowid = rowids and "WITHOUT ROWID" not in (sql or "").upper()
            rows = conn.execute(
                f'SELECT {"rowid, " if with_rowid else ""}* FROM "{name}"'  # noqa: S608
            ).fetchall()
            digest = hashlib.sha256()
            for row in sorted(repr(row) for row in rows):
                digest.update(row.encode())
            found[name] = f"{len(rows)} rows {digest.hexdigest()[:16]}"
        return found
    finally:
        conn.close()


def _differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        child(Path(args[1]), Path(args[2]), args[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--same", action="store_true", help="compare the journals made")
    parsed = parser.parse_args(args)
    from journals import write_export_json
    from measure import machine_line
    from samples import entries

    start = os.getloadavg()
    found: dict[str, list[list[float]]] = {way: [] for way in WAYS}
    with tempfile.TemporaryDirectory(prefix="journal-intake-landing-") as temp:
        workdir = Path(temp)
        source = write_export_json(entries(parsed.entries), workdir / "all.json")
        for _ in range(parsed.runs):
            for way in WAYS:
                db = workdir / f"{way}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                done = subprocess.run(
                    [sys.executable, __file__, "--child", str(source), str(db), way],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                figures = [float(x) for x in done.stdout.split()]
                found[way].append(figures)
                print(f"  {way}: " + " ".join(done.stdout.split()), flush=True)
        if parsed.same:
            whole, bulk = (table_hashes(workdir / f"{w}.db", True) for w in ("whole", "bulk"))
            steps = table_hashes(workdir / "steps.db", False)
            bulk_plain = table_hashes(workdir / "bulk.db", False)
            print("whole against bulk, with rowids, tables that differ:", _differences(whole, bulk))
            print(
                "steps against bulk, without rowids, tables that differ:",
                _differences(steps, bulk_plain),
            )
    end = os.getloadavg()
    print(
        f"\n{machine_line()}; {parsed.entries:,} entries; load average {start[0]:.1f} at the "
        f"start, {end[0]:.1f} at the end; medians of {parsed.runs} run(s)\n"
    )
    print("| way | CPU, whole import | CPU, landing | landing, wall | peak | CPU / steps |")
    print("|---|---|---|---|---|---|")
    steps_cpu = statistics.median(r[0] for r in found["steps"])
    for way in WAYS:
        cpu, land, wall, peak = (statistics.median(r[i] for r in found[way]) for i in range(4))
        print(
            f"| {way} | {cpu:.2f} s | {land:.2f} s | {wall:.2f} s | {peak:.0f} MB "
            f"| {cpu / steps_cpu:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
