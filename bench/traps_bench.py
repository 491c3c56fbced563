"""``journal traps TEXT`` against ``journal --version``, medians from one run (target 1.3x).

Also, in one process: the import, the first call and the median time of ``detect_traps`` on
a journal-length paragraph, the figures behind the reframe's trap step.

The commands run from bytecode, as an installed package does (``journals.journal_env``).
Beside the medians, valgrind's callgrind counts the instructions of one run of each: a
figure that does not move with the load of a shared machine.

Run: ``python bench/traps_bench.py`` (``--runs`` to change the number of runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journals import journal_env, journal_script  # noqa: E402
from measure import hyperfine, machine_line, markdown_table, standalone  # noqa: E402

TARGET = 1.3
THOUGHT = "Im such an idiot, I always mess up and everyone at work thinks Im useless."
PARAGRAPH = (
    "Rough day. The demo crashed halfway through and I froze in front of the whole team. "
    "I'm such an idiot, I always mess up when it matters. Everyone must think I'm useless now "
    "and they're going to give the project to someone else. I should have tested it twice. "
    "My manager said it happens to everyone, but she has to say that. I feel like a fraud, so "
    "I probably am one."
)


def in_process(runs: int) -> list[list[str]]:
    start = time.perf_counter()
    from selfcompassion.traps.detector import detect_traps

    imported = time.perf_counter()
    detect_traps(THOUGHT)
    loaded = time.perf_counter()
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        detect_traps(PARAGRAPH)
        times.append(time.perf_counter() - begin)
    return [
        ["import traps.detector", f"{(imported - start) * 1000:.1f} ms"],
        ["first detect_traps (loads the compiled rules)", f"{(loaded - imported) * 1000:.1f} ms"],
        [
            f"detect_traps on a {len(PARAGRAPH)}-character paragraph (median)",
            f"{statistics.median(times) * 1000:.1f} ms",
        ],
    ]


def instructions(argv: list[str], env: dict[str, str]) -> float | None:
    """Instructions one run executes, counted by valgrind's callgrind: the same count every
    time, whatever else the machine is doing (None without valgrind)."""
    import shutil
    import subprocess

    if shutil.which("valgrind") is None:
        return None
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stderr.splitlines():
        if "Collected" in line:
            return float(line.split()[-1])
    return None


def counted(commands: list[list[str]], labels: list[str], env: dict[str, str]) -> str:
    counts = [instructions(command, env) for command in commands]
    if counts[0] is None or any(count is None for count in counts):
        return "(valgrind is not installed: no instruction counts)"
    base = counts[0]
    rows = [
        [label, f"{count / 1e6:.0f} M", f"{count / base:.2f}"]
        for label, count in zip(labels, counts, strict=True)
        if count is not None and base is not None
    ]
    return markdown_table(["command", "instructions (callgrind)", "x --version"], rows)


def run(workdir: Path, *, runs: int) -> tuple[str, bool]:
    env = journal_env(workdir / "none.db", workdir / "home")
    journal = str(journal_script())
    commands = [
        [journal, "--version"],
        [journal, "traps", THOUGHT],
        [journal, "traps", THOUGHT, "--format", "json"],
    ]
    load = "load average {:.2f}, {:.2f}, {:.2f} at the start".format(*os.getloadavg())
    version, text, json_ = hyperfine(commands, env, runs=runs, warmup=3)
    rows = [["`journal --version`", f"{version * 1000:.0f} ms", "1.00", ""]]
    met = []
    for label, median in (
        ("`journal traps TEXT`", text),
        ("`journal traps TEXT --format json`", json_),
    ):
        ratio = median / version
        met.append(ratio <= TARGET)
        rows.append(
            [label, f"{median * 1000:.0f} ms", f"{ratio:.2f}", "yes" if met[-1] else "**no**"]
        )
    table = markdown_table(["command", "median", "x --version", f"<= {TARGET}x"], rows)
    labels = [row[0] for row in rows]
    inner = markdown_table(["in one process", "time"], in_process(runs))
    text_out = (
        f"## Thinking traps: start-up\n\n{machine_line()}, {runs} runs each, {load}\n\n{table}\n\n"
        f"{counted(commands, labels, env)}\n\n{inner}\n"
    )
    return text_out, all(met)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    return standalone("traps.md", parser, argv, lambda w, a: run(w, runs=a.runs))


if __name__ == "__main__":
    sys.exit(main())
