"""Flat in journal size: the same commands on an empty and on a 100,000-entry journal.

Each command runs as a whole process against both journals in one hyperfine run; the
100,000-entry median must stay within 1.5 times the empty one, and peak memory under 80 MB.
Only indexes and queries can make that so: nothing is cached between runs.

The large journal holds two entries a day (see samples.py), so "last month" or "the last
twelve weeks" hold as many entries as in a year-old journal; what grows is the history a
query must not walk. A command that is not on this branch yet is listed as not available.

Run: ``python bench/flat_size.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journals import ensure_journal, journal_env, journal_script  # noqa: E402
from measure import machine_line, markdown_table, measure_group, standalone  # noqa: E402
from samples import RARE_TAG, SEARCH_WORD  # noqa: E402

RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 80
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("report", "--weeks", "12"),
    ("list", "-n", "10"),
    ("list", "--since", "last month"),
    ("search", SEARCH_WORD),
    ("list", "--tag", RARE_TAG),
    ("today", "--plan"),
)


def available(args: tuple[str, ...], db: Path, env: dict[str, str]) -> str | None:
    """None when the command runs on this journal; else the first line of its complaint."""
    result = subprocess.run(
        [str(journal_script()), "--db", str(db), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if result.returncode == 0:
        return None
    lines = (result.stderr or result.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit {result.returncode}"


def _shown(args: tuple[str, ...]) -> str:
    return "`journal " + " ".join(f'"{a}"' if " " in a else a for a in args) + "`"


def run(workdir: Path, *, size: int, runs: int) -> tuple[str, bool]:
    empty, _ = ensure_journal(workdir, 0)
    large, how = ensure_journal(workdir, size)
    env = journal_env(empty, workdir / "home")
    journal = str(journal_script())
    rows, met = [], []
    for args in COMMANDS:
        reason = available(args, empty, env)
        if reason is not None:
            rows.append([_shown(args), "not available", "", "", "", "", reason[:60]])
            continue
        small, big = measure_group(
            [[journal, "--db", str(db), *args] for db in (empty, large)], env, runs=runs
        )
        assert small.median is not None and big.median is not None
        ratio = big.median / small.median
        peak_mb = max(small.peak_kb or 0, big.peak_kb or 0) / 1024
        ok = ratio <= RATIO_TARGET and peak_mb < MEMORY_TARGET_MB
        met.append(ok)
        rows.append(
            [
                _shown(args),
                small.time_text(),
                big.time_text(),
                f"{ratio:.2f}",
                f"{peak_mb:.0f} MB",
                str(big.runs),
                "yes" if ok else "**no**",
            ]
        )
    header = [
        "command",
        "empty",
        f"{size:,} entries",
        "ratio",
        "peak memory",
        "runs",
        f"<= {RATIO_TARGET}x, < {MEMORY_TARGET_MB} MB",
    ]
    text = (
        f"## Flat in size\n\n{machine_line()}; the {size:,}-entry journal built by {how}.\n"
        f"Medians of whole processes; empty and large measured in the same hyperfine run.\n\n"
        f"{markdown_table(header, rows)}\n"
    )
    return text, all(met)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    return standalone("flat-size.md", parser, argv, lambda w, a: run(w, size=a.size, runs=a.runs))


if __name__ == "__main__":
    sys.exit(main())
