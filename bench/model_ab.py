"""The language models' cost in fresh processes, two builds taking turns run after run.

A change to how the models load or run is measured against the build before it in one run:
each round runs every case once with the build before (``--before``, that build's Python)
and once with this one, so the machine's other work slows both alike. For each case it
prints the median wall time and the median CPU time (user + system of the process and its
threads, from ``wait4``), which the load of a shared machine disturbs less, with the load
average at the start and the end.

The cases: ``journal --version``; ``journal traps`` on the traps bench's thought (the
model reads it, and finds one trap's words by occlusion), as text and JSON, and on a short
thought the model reads once; loading the
crisis model in a fresh process (numpy, the weights and the vocabulary, as the first
answer of a scripted flow does); the first answer the crisis model reads in a fresh
process; and a long answer (4,000 characters of sentences that all pass the gate, the
worst case of ``bench/care_bench.py``) read by a process that has loaded the model.

Run: ``python bench/model_ab.py --before ../other/.venv/bin/python`` (``--runs N``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journals import journal_env  # noqa: E402
from measure import machine_line, markdown_table  # noqa: E402
from traps_bench import THOUGHT  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
#: A short thought the rules find a trap in and the model reads once (no occlusion).
SHORT = "I always mess everything up"
CRISIS_LOAD = "from selfcompassion.care.second_look import load; load()"
CRISIS_FIRST = (
    "from selfcompassion.care.detector import find_concerns; "
    "find_concerns('Had soup for dinner. Everything is ready for friday. Nobody knows.')"
)
#: Reads ``LONG_TEXT`` from the environment, loads the model, then times three readings of it
#: and prints the median CPU time in milliseconds.
CRISIS_LONG = """
import os, statistics, time
from selfcompassion.care.second_look import load, second_look
load()
text = os.environ["LONG_TEXT"]
times = []
for _ in range(3):
    start = time.process_time()
    second_look(text)
    times.append(time.process_time() - start)
print(statistics.median(times) * 1000)
"""


def long_text() -> str:
    """The care bench's worst case: 4,000 characters of distinct sentences that all pass the
    gate, so the model reads every one."""
    from selfcompassion.care.gate import passes

    own = json.loads((ROOT / "tests/data/crisis_own.json").read_text("utf-8"))
    gated = [item["text"].rstrip(".") + "." for item in own if passes(item["text"])]
    return " ".join(gated)[:4000]


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and standard output of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, out.decode()


def cases(python: str) -> list[tuple[str, list[str]]]:
    journal = str(Path(python).parent / "journal")
    return [
        ("`journal --version`", [journal, "--version"]),
        ("`journal traps TEXT`", [journal, "traps", THOUGHT]),
        (f"`journal traps {SHORT!r}`", [journal, "traps", SHORT]),
        ("`journal traps TEXT --format json`", [journal, "traps", THOUGHT, "--format", "json"]),
        ("crisis model loaded (fresh process)", [python, "-c", CRISIS_LOAD]),
        ("first answer the crisis model reads (fresh process)", [python, "-c", CRISIS_FIRST]),
        (
            "a 4,000-character answer, model loaded (CPU ms, in process)",
            [python, "-c", CRISIS_LONG],
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the Python of the build before")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    builds = {"before": args.before, "after": sys.executable}
    with tempfile.TemporaryDirectory() as work:
        env = journal_env(Path(work) / "none.db", Path(work) / "home")
        env["LONG_TEXT"] = long_text()
        wall: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        load_start = os.getloadavg()[0]
        for python in builds.values():  # warm-up: bytecode written, files cached
            for _, argv in cases(python):
                timed(argv, env)
        for _ in range(args.runs):
            for build, python in builds.items():
                for label, argv in cases(python):
                    seconds, used, out = timed(argv, env)
                    if "in process" in label:
                        seconds = used = float(out) / 1000
                    wall.setdefault((label, build), []).append(seconds)
                    cpu.setdefault((label, build), []).append(used)
        load_end = os.getloadavg()[0]
    print(machine_line())
    print(
        f"{args.runs} runs of each, the two builds taking turns; load average (1 min) "
        f"{load_start:.1f} at the start, {load_end:.1f} at the end\n"
    )
    rows = []
    version = {b: statistics.median(cpu[("`journal --version`", b)]) for b in builds}
    version_wall = {b: statistics.median(wall[("`journal --version`", b)]) for b in builds}
    for label, _ in cases(sys.executable):
        w = {b: statistics.median(wall[(label, b)]) * 1000 for b in builds}
        c = {b: statistics.median(cpu[(label, b)]) * 1000 for b in builds}
        if label.startswith("`journal"):
            ratio = " / ".join(
                f"{w[b] / 1000 / version_wall[b]:.2f} ({c[b] / 1000 / version[b]:.2f})"
                for b in builds
            )
        else:
            ratio = ""
        rows.append(
            [
                label,
                f"{w['before']:.0f} / {w['after']:.0f} ms",
                f"{c['before']:.0f} / {c['after']:.0f} ms",
                ratio,
            ]
        )
    print(
        markdown_table(
            ["case", "wall before / after", "CPU before / after", "x --version wall (CPU)"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
