"""Import, export and sync at size: whole processes, medians, peak memory.

    python bench/transfer_bench.py                      # 100,000 entries, 3 runs each
    python bench/transfer_bench.py --entries 10000 --runs 5
    python bench/transfer_bench.py --heavy-runs 1       # one run of the slow ones
    python bench/transfer_bench.py --sync-only          # the journal imported untimed
    python bench/transfer_bench.py --no-sync --update-docs   # import and export only,
                                                # their table put in docs/performance.md

Measures, on the sample journal of ``samples.py`` (two entries a day):

- ``journal import`` of N entries into a new journal (target: 100,000 under 6 s and
  under 100 MB);
- ``journal export`` as JSON, Markdown and CSV of N entries (target: each under 3 s);
- a first sync of N entries: the sending device (``journal sync`` writing them all) and
  the receiving one (a new journal bringing them all in) (target: under 10 s);
- a sync that brings 100 new entries into a journal of N (target: under 1 s), and the
  sync that sent them.

Each figure is the median of its runs, with the fastest and the peak memory; "heavy"
figures (the import and the first syncs) are re-made from scratch for every run. The
exit code is 0 whether or not the targets are met: benchmarks report, tests judge.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journals import journal_env, journal_script, write_export_json  # noqa: E402
from measure import machine_line, markdown_table, run_once, write_result  # noqa: E402
from samples import entries  # noqa: E402

TIMEOUT = 900.0
NEW_ENTRIES = 100


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _fresh(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _copy_back(sent: Path, folder: Path, journal: Path) -> None:
    """A new receiving journal and the folder as the first sync left it."""
    _fresh(journal, folder)
    shutil.copytree(sent, folder)


def _timed(
    label: str,
    runs: int,
    command: Callable[[], list[str]],
    env: dict[str, str],
    before: Callable[[], None] = lambda: None,
) -> tuple[str, float, float, int | None, int]:
    """(label, median s, fastest s, peak KB, runs); ``before`` runs untimed each time.
    The median CPU time (user + system) is printed beside the wall time: other work on a
    shared machine moves it less."""
    times, peaks, cpu = [], [], []
    for _ in range(runs):
        before()
        # The set-up copies whole journals (490 MB at 100,000 entries); without this their
        # pages are still waiting to be written when the command syncs the same file, and
        # the command's wall time pays for writing the copy.
        os.sync()
        used = _children_cpu()
        elapsed, peak, _ = run_once(command(), env, timeout=TIMEOUT)
        cpu.append(_children_cpu() - used)
        times.append(elapsed)
        peaks.append(peak or 0)
    print(
        f"  {label}: median {statistics.median(times):.2f} s, CPU {statistics.median(cpu):.2f} s",
        flush=True,
    )
    return label, statistics.median(times), min(times), max(peaks) or None, runs


def run(
    workdir: Path,
    count: int,
    runs: int,
    heavy_runs: int,
    sync_only: bool = False,
    sync: bool = True,
) -> str:
    journal = str(journal_script())
    home = workdir / "home"
    source = write_export_json(entries(count), workdir / "all.json")
    new = write_export_json(entries(NEW_ENTRIES, seed=7), workdir / "new.json")
    main, other = workdir / "main.db", workdir / "other.db"
    env = journal_env(main, home)
    rows = []

    def import_all() -> list[str]:
        return [journal, "--db", str(main), "import", str(source)]

    if sync_only:
        _fresh(main)
        run_once(import_all(), env, timeout=TIMEOUT)
    else:
        rows.append(_timed(f"import {count:,}", heavy_runs, import_all, env, lambda: _fresh(main)))
    for fmt in () if sync_only else ("json", "markdown", "csv"):
        out = workdir / f"out.{fmt}"
        rows.append(
            _timed(
                f"export {count:,} as {fmt}",
                runs,
                lambda fmt=fmt, out=out: [
                    journal,
                    "--db",
                    str(main),
                    "export",
                    "--format",
                    fmt,
                    "--output",
                    str(out),
                ],  # fmt: skip
                env,
                lambda out=out: out.unlink(missing_ok=True),
            )
        )
    if not sync:
        return _table(rows)
    folder = workdir / "folder"
    base = workdir / "base.db"
    shutil.copyfile(main, base)

    def reset_sender() -> None:
        _fresh(folder, main)
        folder.mkdir()
        shutil.copyfile(base, main)

    sync_main = [journal, "--db", str(main), "sync", str(folder)]
    sync_other = [journal, "--db", str(other), "sync", str(folder)]
    rows.append(_timed(f"first sync, sending {count:,}", heavy_runs, lambda: sync_main, env,
                       reset_sender))  # fmt: skip
    sent = workdir / "sent"
    _fresh(sent)
    shutil.copytree(folder, sent)
    rows.append(
        _timed(
            f"first sync, receiving {count:,}",
            heavy_runs,
            lambda: sync_other,
            env,
            lambda: _copy_back(sent, folder, other),
        )
    )
    run_once(sync_other, env, timeout=TIMEOUT)  # both journals hold everything now
    synced = {path: path.with_suffix(".synced") for path in (main, other)}
    for path, copy in synced.items():
        _fresh(copy)
        shutil.copyfile(path, copy)
    kept_folder = workdir / "folder-synced"
    _fresh(kept_folder)
    shutil.copytree(folder, kept_folder)

    def restore() -> None:
        for path, copy in synced.items():
            _fresh(path)
            shutil.copyfile(copy, path)
        _fresh(folder)
        shutil.copytree(kept_folder, folder)

    def add_new() -> None:
        restore()
        run_once([journal, "--db", str(main), "import", str(new)], env, timeout=TIMEOUT)

    rows.append(_timed(f"sync sending {NEW_ENTRIES} new", runs, lambda: sync_main, env, add_new))

    def sent_new() -> None:
        add_new()
        run_once(sync_main, env, timeout=TIMEOUT)

    rows.append(
        _timed(
            f"sync bringing {NEW_ENTRIES} new into {count:,}",
            runs,
            lambda: sync_other,
            env,
            sent_new,
        )  # fmt: skip
    )
    return _table(rows)


def _table(rows: list[tuple[str, float, float, int | None, int]]) -> str:
    table = markdown_table(
        ["what", "median", "fastest", "peak memory", "runs"],
        [
            [
                label,
                f"{median:.2f} s",
                f"{fastest:.2f} s",
                "?" if peak is None else f"{peak / 1024:.0f} MB",
                str(n),
            ]
            for label, median, fastest, peak, n in rows
        ],  # fmt: skip
    )
    load = os.getloadavg()
    return (
        f"## Import, export and sync\n\n{machine_line()}; load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} when done.\n\n{table}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--heavy-runs", type=int, default=3)
    parser.add_argument("--results", type=Path, help="folder for the table")
    parser.add_argument(
        "--sync-only", action="store_true", help="time the syncs only (import untimed)"
    )
    parser.add_argument("--no-sync", action="store_true", help="import and export only")
    parser.add_argument(
        "--update-docs",
        action="store_true",
        help="put the table in docs/performance.md (bench:transfer, or bench:transfer-port "
        "with --no-sync)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="journal-transfer-") as temp:
        table = run(
            Path(temp), args.entries, args.runs, args.heavy_runs, args.sync_only, not args.no_sync
        )
    print(table)
    name = "transfer-port" if args.no_sync else "transfer"
    write_result(f"{name}.md", table, args.results)
    if args.update_docs:
        from run_all import update_docs

        print("placed in docs/performance.md:", ", ".join(update_docs({name: table})) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
