"""``journal traps TEXT`` against ``journal --version``, medians from one run (target 1.3x).

Also, in one process: the import, loading the model (numpy, weights, vocabulary), the first
call and the median time of ``detect_traps`` on a journal-length paragraph; and the
reframe's trap step (the traps in the critic's words) with the rules alone, with the model
already loaded (as the reframe loads it in the background while its first questions are
answered) and with the model loaded at that step (a reframe run from an --answers file).

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
from collections.abc import Callable
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


#: A critic's words whose trap only the model ticks, so the step also looks for its words.
CRITIC = "Finished the half marathon, but the course was mostly downhill anyway."


def _median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        call()
        times.append(time.perf_counter() - begin)
    return statistics.median(times) * 1000


def in_process(runs: int) -> list[list[str]]:
    start = time.perf_counter()
    from selfcompassion.flows.reframe import first_hits
    from selfcompassion.traps import learned
    from selfcompassion.traps.detector import detect_traps

    imported = time.perf_counter()
    detect_traps(THOUGHT, second_opinion=False)
    compiled = time.perf_counter()
    learned.load()
    loaded = time.perf_counter()
    found = [hit.trap_id for hit in first_hits(CRITIC)]
    first = time.perf_counter()
    rules = [hit.trap_id for hit in detect_traps(CRITIC, second_opinion=False)]

    def rules_step() -> object:
        return detect_traps(CRITIC, second_opinion=False)

    return [
        ["import traps.detector and flows.reframe", f"{(imported - start) * 1000:.1f} ms"],
        [
            "first detect_traps, rules only (loads the compiled rules)",
            f"{(compiled - imported) * 1000:.1f} ms",
        ],
        [
            "loading the model: numpy, weights, vocabulary (in the background in a reframe)",
            f"{(loaded - compiled) * 1000:.1f} ms",
        ],
        ["first reframe trap step after loading", f"{(first - loaded) * 1000:.1f} ms"],
        [
            f"detect_traps on a {len(PARAGRAPH)}-character paragraph (median)",
            f"{_median_ms(lambda: detect_traps(PARAGRAPH), runs):.1f} ms",
        ],
        [
            f"reframe trap step, rules only (finds {rules}) (median)",
            f"{_median_ms(rules_step, runs):.1f} ms",
        ],
        [
            f"reframe trap step, model loaded (finds {found}, words by occlusion) (median)",
            f"{_median_ms(lambda: first_hits(CRITIC), runs):.1f} ms",
        ],
        [
            "reframe trap step, model loaded, a thought the rules read (median)",
            f"{_median_ms(lambda: first_hits(THOUGHT), runs):.1f} ms",
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
        [journal, "traps", CRITIC],
    ]
    load = "load average {:.2f}, {:.2f}, {:.2f} at the start".format(*os.getloadavg())
    version, text, json_, model_only = hyperfine(commands, env, runs=runs, warmup=3)
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
    rows.append(
        [
            "`journal traps CRITIC` (a trap only the model ticks: its words by occlusion)",
            f"{model_only * 1000:.0f} ms",
            f"{model_only / version:.2f}",
            "",
        ]
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
