"""Timing whole processes: medians with hyperfine, peak memory, timeouts, and tables.

Every figure in the benchmarks is a whole process as a person starts it, interpreter
start-up included. Medians come from hyperfine; peak memory is the maximum resident set
of one run, read with ``/usr/bin/time -f %M`` (or from the kernel's accounting of the
waited-for child where that program is missing). A run that exceeds its timeout is
stopped, with its whole process group, and reported as such rather than left out.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = Path("/usr/bin/time")


@dataclass
class Timing:
    """What one command measured: a median (seconds) over ``runs``, or a timeout."""

    median: float | None
    runs: int
    peak_kb: int | None
    timed_out_after: float | None = None

    def time_text(self) -> str:
        if self.timed_out_after is not None:
            return f">{self.timed_out_after:.0f} s (timed out)"
        assert self.median is not None
        if self.median >= 10:
            return f"{self.median:.1f} s"
        return f"{self.median * 1000:.0f} ms"

    def memory_text(self) -> str:
        return "?" if self.peak_kb is None else f"{self.peak_kb / 1024:.0f} MB"

    def runs_text(self) -> str:
        return "1 (timed out)" if self.timed_out_after is not None else str(self.runs)


def hyperfine_path() -> str | None:
    return shutil.which("hyperfine")


def _hwm_kb(pid: int) -> int | None:
    """The peak resident set of a running process, from /proc (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found += [child, *_descendants(child)]
    return found


def run_once(
    argv: Sequence[str], env: Mapping[str, str], *, timeout: float
) -> tuple[float, int | None, bool]:
    """One run: (wall seconds, peak memory in KB, timed out?). Output is discarded;
    a non-zero exit is an error, since a failed command measures nothing."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = list(argv)
        if GNU_TIME.exists():
            wrapped = [str(GNU_TIME), "-f", "%M", "-o", rss.name, *argv]
        start = time.perf_counter()
        process = subprocess.Popen(
            wrapped,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = start + timeout
        while process.poll() is None and time.perf_counter() < deadline:
            time.sleep(0.005)
        if process.poll() is None:
            peaks = [_hwm_kb(pid) or 0 for pid in [process.pid, *_descendants(process.pid)]]
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return timeout, max(peaks) or None, True
        elapsed = time.perf_counter() - start
        error = process.stderr.read().decode(errors="replace")  # type: ignore[union-attr]
        if process.returncode != 0:
            raise RuntimeError(f"{shlex.join(argv)} exited {process.returncode}: {error[-500:]}")
        peak = None
        if GNU_TIME.exists():
            text = Path(rss.name).read_text().strip().splitlines()
            peak = int(text[-1]) if text and text[-1].isdigit() else None
        return elapsed, peak, False


def hyperfine(
    commands: Sequence[Sequence[str]],
    env: Mapping[str, str],
    *,
    runs: int,
    warmup: int,
) -> list[float]:
    """Median wall time (seconds) of each command, measured in one hyperfine run
    (or, where hyperfine is not installed, by timing the runs here)."""
    exe = hyperfine_path()
    if exe is None:
        return [_median_here(command, env, runs=runs, warmup=warmup) for command in commands]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "hyperfine.json"
        args = [exe, "-N", "--style", "none", "--runs", str(runs), "--warmup", str(warmup)]
        args += ["--export-json", str(out), *(shlex.join(command) for command in commands)]
        subprocess.run(args, env=dict(env), check=True, capture_output=True)
        results = json.loads(out.read_text())["results"]
    return [result["median"] for result in results]


def measure_group(
    commands: Sequence[Sequence[str]],
    env: Mapping[str, str],
    *,
    runs: int = 5,
    warmup: int = 1,
    timeout: float = 60.0,
    slow_after: float = 2.0,
    slow_runs: int = 3,
) -> list[Timing]:
    """Peak memory and median of each command; the medians of the commands that finish
    in time come from one hyperfine run, so they are compared under the same conditions.

    A first run of each command with a timeout gives its peak memory and warms the file
    cache. A command slower than ``slow_after`` seconds is timed ``slow_runs`` times
    without warm-up; one slower than ``timeout`` is reported as timed out.
    """
    probes = [run_once(command, env, timeout=timeout) for command in commands]
    timings: list[Timing | None] = []
    fast, slow = [], []
    for index, (seconds, peak, timed_out) in enumerate(probes):
        if timed_out:
            timings.append(Timing(None, 1, peak, timed_out_after=timeout))
            continue
        timings.append(None)
        (slow if seconds > slow_after else fast).append(index)
    for group, count, warm in ((fast, runs, warmup), (slow, slow_runs, 0)):
        if not group:
            continue
        medians = hyperfine([commands[i] for i in group], env, runs=count, warmup=warm)
        for index, median in zip(group, medians, strict=True):
            timings[index] = Timing(median, count, probes[index][1])
    return [timing for timing in timings if timing is not None]


def _median_here(
    command: Sequence[str], env: Mapping[str, str], *, runs: int, warmup: int
) -> float:
    for _ in range(warmup):
        subprocess.run(command, env=dict(env), capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=dict(env), capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _reference_workload() -> int:
    """A fixed piece of work, the same in every run: words made, counted and sorted in
    Python, then written to an in-memory SQLite table and read back grouped and ordered
    (the two kinds of work the journal's commands do). Returns a checksum, so that no
    part of it can be skipped."""
    import sqlite3

    words = [f"w{(n * 7919) % 5003:04d}" for n in range(20_000)]
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (word TEXT, n INTEGER, line TEXT)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?)",
        ((word, n, " ".join(words[n : n + 8])) for n, word in enumerate(words)),
    )
    total = sum(len(line) for (line,) in conn.execute("SELECT line FROM t ORDER BY word, n"))
    total += sum(n for _, n in conn.execute("SELECT word, count(*) FROM t GROUP BY word"))
    conn.close()
    return total + len(ranked)


def reference_seconds(runs: int = 3) -> float:
    """The median CPU time (user + system, this process) of the fixed workload above,
    about 0.13 s on the 2-core machine (2026-12-03). The machine's speed drifts over
    the day without the load average showing it, so every result carries this figure:
    two runs' times compare after dividing each by its own reference."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        _reference_workload()
        times.append(time.process_time() - start)
    return statistics.median(times)


def reference_text() -> str:
    """The reference figure in words, for a result's first line."""
    return f"reference workload {reference_seconds() * 1000:.0f} ms CPU"


def machine_line() -> str:
    """Where the figures come from: date, cores, architecture, Python, and the machine's
    speed at that moment (``reference_text``)."""
    import datetime
    import platform

    return (
        f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores "
        f"(nproc {len(os.sched_getaffinity(0))}), {platform.machine()}, "
        f"Python {platform.python_version()}, {reference_text()}"
    )


RESULTS = Path(__file__).resolve().parent / "results"


def write_result(name: str, text: str, folder: Path | None = None) -> Path:
    """Write a result table (markdown) under bench/results/ (or ``folder``)."""
    target = (folder or RESULTS) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def standalone(
    name: str,
    parser: argparse.ArgumentParser,
    argv: list[str] | None,
    produce: Callable[[Path, argparse.Namespace], tuple[str, bool]],
) -> int:
    """Run one part of the benchmark on its own: journals in ``--workdir`` (or a temp dir),
    the table printed and written to ``--results``/NAME (or bench/results/)."""
    parser.add_argument("--workdir", type=Path, help="build and keep the journals here")
    parser.add_argument("--results", type=Path, help=f"folder for {name}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="journal-bench-") as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        text, _ = produce(workdir, args)
    print(text)
    write_result(name, text, args.results)
    return 0
