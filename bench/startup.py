"""Start-up and time to the first question.

1. ``journal --version`` and ``journal --help`` against ``python -c "import typer"`` in the
   same hyperfine run: the command line should cost little more than the library it is
   built on (target: at most 1.3 times).
2. ``journal today`` on a 10-year journal (one entry a day) in a pseudo-terminal: the time
   from starting the process to the first question being on screen, median of at least ten
   runs (target: 350 ms). The child gets ``PROMPT_TOOLKIT_NO_CPR=1``: a pexpect terminal
   never answers prompt_toolkit's cursor-position query, and without it every prompt would
   wait about a second for the answer.

Run: ``python bench/startup.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journals import ensure_journal, journal_env, journal_script, today_steps  # noqa: E402
from measure import hyperfine, machine_line, markdown_table, standalone  # noqa: E402

START_UP_TARGET = 1.3
FIRST_QUESTION_TARGET_MS = 350
TEN_YEARS = 3650


def start_up(runs: int, env: dict[str, str]) -> tuple[str, list[bool]]:
    journal = str(journal_script())
    commands = [
        [sys.executable, "-c", "import typer"],
        [journal, "--version"],
        [journal, "--help"],
    ]
    base, version, help_ = hyperfine(commands, env, runs=runs, warmup=3)
    rows, met = [['`python -c "import typer"`', f"{base * 1000:.0f} ms", "1.00", ""]], []
    for label, median in (("`journal --version`", version), ("`journal --help`", help_)):
        ratio = median / base
        met.append(ratio <= START_UP_TARGET)
        rows.append([label, f"{median * 1000:.0f} ms", f"{ratio:.2f}", _mark(met[-1])])
    header = ["command", "median", "x import typer", f"<= {START_UP_TARGET}x"]
    return markdown_table(header, rows), met


def time_to_first_question(db: Path, env: dict[str, str], runs: int) -> list[float]:
    """Seconds from spawning ``journal today`` to its first question on screen."""
    import pexpect

    expected = today_steps(db, env)[0]["prompt"][:30]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(
            str(journal_script()), ["--db", str(db), "today"], env=env, encoding="utf-8"
        )
        child.setwinsize(40, 120)
        child.expect_exact(expected, timeout=20)
        times.append(time.perf_counter() - start)
        child.sendcontrol("c")  # leave: nothing answered, so nothing is kept
        child.expect(pexpect.EOF, timeout=20)
        child.close()
    return times


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def run(workdir: Path, *, runs: int, question_runs: int, journal_size: int) -> tuple[str, bool]:
    env = journal_env(workdir / "none.db", workdir / "home")
    table, met = start_up(runs, env)
    db, how = ensure_journal(workdir, journal_size, per_day=1)
    env = journal_env(db, workdir / "home")
    times = time_to_first_question(db, env, question_runs)
    median_ms = statistics.median(times) * 1000
    ok = median_ms <= FIRST_QUESTION_TARGET_MS
    met.append(ok)
    question = markdown_table(
        ["journal", "runs", "median", "min", "max", f"<= {FIRST_QUESTION_TARGET_MS} ms"],
        [
            [
                f"{journal_size:,} entries, one a day (built by {how})",
                str(len(times)),
                f"{median_ms:.0f} ms",
                f"{min(times) * 1000:.0f} ms",
                f"{max(times) * 1000:.0f} ms",
                _mark(ok),
            ]
        ],
    )
    text = (
        f"## Start-up\n\n{machine_line()}\n\n{table}\n\n"
        f"### Time to the first question of `journal today`\n\n"
        f"Pseudo-terminal (pexpect), `PROMPT_TOOLKIT_NO_CPR=1`.\n\n{question}\n"
    )
    return text, all(met)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="hyperfine runs for start-up")
    parser.add_argument("--question-runs", type=int, default=15)
    parser.add_argument("--journal-size", type=int, default=TEN_YEARS)
    return standalone(
        "startup.md",
        parser,
        argv,
        lambda w, a: run(
            w, runs=a.runs, question_runs=a.question_runs, journal_size=a.journal_size
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
