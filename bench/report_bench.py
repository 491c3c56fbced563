"""How fast is ``journal report`` on years of entries? Build synthetic journals, time it.

Three journals are built by ``bench/synthetic.py`` with the project's own code:

* ``empty``: no entries, the floor set by starting Python and opening the file;
* ``ten-years``: an entry every day for ten years, plus 1,500 reframes, each with
  intensities, thinking traps and a commitment;
* ``100k``: 100,000 entries over the same ten years (about 27 a day), one in twenty
  of them a reframe with a commitment.

Then ``journal report --weeks 12`` and ``journal report --format json`` run as whole
processes on each, and the charted views: ``journal report --year`` (target: under 300 ms on
the 100k journal) and ``journal report --weeks 52 --format html`` (under 1 s). Every run of
every (journal, command) pair takes its turn in one round after another, so a machine that
gets busier halfway is busier for all of them alike; each pair is warmed up once. Wall time,
CPU time (the median of user plus system time: on a shared machine it moves less than wall
time) and peak memory (the maximum resident set the operating system accounts to each child,
from ``wait4``) come from those runs; when hyperfine is installed it also times each pair, as a
cross-check shown in its own column.

    .venv/bin/python bench/report_bench.py            # the full benchmark
    .venv/bin/python bench/report_bench.py --check    # exit 1 when a target is missed
    .venv/bin/python bench/report_bench.py --workdir DIR --reuse   # time DIR's journals again

Targets: on the ten-year journal a median under 300 ms and a peak under 80 MB; on the
100k journal at most 1.5 times the empty journal's median, measured in the same run.

This script imports nothing from the project and keeps itself small: on Linux a child
starts with its parent's peak memory as its own, so a large parent would inflate every
figure (the journals are built by a separate process for the same reason).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
JOURNAL = Path(sys.executable).parent / "journal"
JOURNALS = ("empty", "ten-years", "100k")
COMMANDS = {
    "report --weeks 12": ["report", "--weeks", "12"],
    "report --format json": ["report", "--format", "json"],
    "report --year": ["report", "--year"],
    "html --weeks 52": ["report", "--weeks", "52", "--format", "html"],
}
#: The charted views, each with its own target on the 100k journal (whole process, ms).
CHART_TARGETS_MS = {"report --year": 300.0, "html --weeks 52": 1000.0}
# Children run as an installed command would: free to keep compiled bytecode (a sandbox
# may forbid writing it, which would make every run compile the package from source).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
TARGET_MS = 300.0
TARGET_MB = 80.0
TARGET_RATIO = 1.5


@dataclass
class Result:
    journal: str
    entries: int
    command: str
    argv: list[str]
    times_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)
    hyperfine_ms: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)


def build(name: str, path: Path, options: argparse.Namespace) -> tuple[int, float]:
    """Write one journal in a process of its own; (entries, seconds)."""
    for stale in path.parent.glob(f"{path.name}*"):
        stale.unlink()
    sizes = ["--years", str(options.years), "--reframes", str(options.reframes)]
    done = subprocess.run(
        [sys.executable, str(BENCH / "synthetic.py"), name, str(path), *sizes]
        + ["--count", str(options.big)],
        check=True,
        capture_output=True,
        text=True,
    )
    entries, seconds = done.stdout.split()
    return int(entries), float(seconds)


def count_entries(path: Path) -> int:
    """The entries of a journal built by an earlier run (read only)."""
    import sqlite3

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def run_once(argv: list[str]) -> tuple[float, float, float]:
    """Run a process with its output discarded; (wall milliseconds, peak resident MB, CPU
    milliseconds: user and system time, which a machine shared with other work disturbs
    less than wall time)."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        started = time.perf_counter()
        pid = os.posix_spawn(
            argv[0],
            argv,
            CHILD_ENV,
            file_actions=[(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)],
        )
        _, status, usage = os.wait4(pid, 0)
        elapsed = (time.perf_counter() - started) * 1000
    finally:
        os.close(null)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed")
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return elapsed, usage.ru_maxrss * scale / 1_000_000, cpu


def hyperfine_median(argv: list[str], runs: int) -> float:
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(
            ["hyperfine", "--shell=none", "--warmup=1", f"--runs={runs}", "--style=none"]
            + [f"--export-json={export.name}", " ".join(argv)],
            check=True,
            capture_output=True,
            env=CHILD_ENV,
        )
        data = json.loads(Path(export.name).read_text())
    return data["results"][0]["median"] * 1000


def measure(results: list[Result], runs: int, use_hyperfine: bool) -> None:
    for result in results:
        run_once(result.argv)  # warm-up: file cache, compiled bytecode
    for _ in range(runs):
        for result in results:
            elapsed, peak, cpu = run_once(result.argv)
            result.times_ms.append(elapsed)
            result.cpu_ms.append(cpu)
            result.peaks_mb.append(peak)
    if use_hyperfine:
        for result in results:
            result.hyperfine_ms = hyperfine_median(result.argv, runs)


def table(results: list[Result]) -> str:
    lines = [
        f"{'journal':<10} {'entries':>8}  {'command':<21} {'median ms':>9} {'min ms':>7}"
        f" {'cpu ms':>7} {'hyperfine ms':>12} {'peak MB':>8}"
    ]
    for r in results:
        cross = "-" if r.hyperfine_ms is None else f"{r.hyperfine_ms:.0f}"
        lines.append(
            f"{r.journal:<10} {r.entries:>8,}  {r.command:<21} {r.median:>9.0f}"
            f" {min(r.times_ms):>7.0f} {statistics.median(r.cpu_ms):>7.0f} {cross:>12}"
            f" {max(r.peaks_mb):>8.1f}"
        )
    return "\n".join(lines)


def verdicts(results: list[Result]) -> list[tuple[str, bool]]:
    """Each target, worded with the figures, and whether it was met."""
    by = {(r.journal, r.command): r for r in results}
    found = []
    for command, target in CHART_TARGETS_MS.items():
        big = by[("100k", command)]
        text = f"100k, {command}: median {big.median:.0f} ms < {target:.0f} ms"
        found.append((text, big.median < target))
    for command in COMMANDS:
        if command in CHART_TARGETS_MS:
            continue
        ten, big, empty = (by[(name, command)] for name in ("ten-years", "100k", "empty"))
        ratio = big.median / empty.median
        peak = max(ten.peaks_mb)
        time_text = f"ten-years, {command}: median {ten.median:.0f} ms < {TARGET_MS:.0f} ms"
        peak_text = f"ten-years, {command}: peak {peak:.1f} MB < {TARGET_MB:.0f} MB"
        ratio_text = f"100k, {command}: {ratio:.2f} x the empty journal <= {TARGET_RATIO}"
        found.append((time_text, ten.median < TARGET_MS))
        found.append((peak_text, peak < TARGET_MB))
        found.append((ratio_text, ratio <= TARGET_RATIO))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10, help="years of daily entries")
    parser.add_argument("--reframes", type=int, default=1500, help="reframes in those years")
    parser.add_argument("--big", type=int, default=100_000, help="entries of the large journal")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (>= 5)")
    parser.add_argument("--workdir", type=Path, help="keep the journals here (default: temp)")
    parser.add_argument("--no-hyperfine", action="store_true", help="skip the cross-check")
    parser.add_argument(
        "--reuse", action="store_true", help="time the journals an earlier run left in --workdir"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args(argv)

    folder = options.workdir or Path(tempfile.mkdtemp(prefix="report-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    use_hyperfine = shutil.which("hyperfine") is not None and not options.no_hyperfine
    print(
        f"journal report benchmark · {date.today()} · {platform.machine()} · "
        f"{os.cpu_count()} cpus · {options.runs} runs each"
        + (" · hyperfine cross-check" if use_hyperfine else "")
    )
    results: list[Result] = []
    try:
        for name in JOURNALS:
            db = folder / f"{name}.db"
            if options.reuse and options.workdir is not None and db.exists():
                entries = count_entries(db)
                print(f"reused {name}: {entries:,} entries")
            else:
                entries, seconds = build(name, db, options)
                print(f"built {name}: {entries:,} entries in {seconds:.1f} s")
            for label, args in COMMANDS.items():
                argv = [str(JOURNAL), "--db", str(db), *args]
                results.append(Result(name, entries, label, argv))
        measure(results, options.runs, use_hyperfine)
    finally:
        if options.workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    print()
    print(table(results))
    print()
    missed = 0
    for text, met in verdicts(results):
        print(f"{'meets ' if met else 'MISSES'}  {text}")
        missed += not met
    return 1 if options.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
