"""The whole benchmark in one command: start-up, flat in size, side by side with jrnl.

    python bench/run_all.py                # everything, about 7 minutes on 2 cores
    python bench/run_all.py --skip-jrnl    # without the jrnl comparison
    python bench/run_all.py --update-docs  # also copy the tables into docs/performance.md
    python bench/run_all.py --quick        # tiny journals and few runs: a smoke run

The journals are built once in a temp dir and shared by the three parts. Tables are
printed and written to bench/results/ (startup.md, flat-size.md, encryption.md,
jrnl-compare.md). With ``--update-docs`` each table replaces the text between its markers
in docs/performance.md (``<!-- bench:NAME -->`` ... ``<!-- /bench:NAME -->``), leaving the
rest of the file alone.
The exit code is 0 whether or not the targets are met: benchmarks report, tests judge.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import encryption_bench  # noqa: E402
import flat_size  # noqa: E402
import jrnl_compare  # noqa: E402
import startup  # noqa: E402
from measure import write_result  # noqa: E402

DOCS = HERE.parent / "docs" / "performance.md"


def update_docs(tables: dict[str, str], docs: Path = DOCS) -> list[str]:
    """Put each table between its markers in the docs; return the names placed."""
    text = docs.read_text(encoding="utf-8")
    placed = []
    for name, table in tables.items():
        pattern = re.compile(
            rf"(<!-- bench:{name} -->\n).*?(<!-- /bench:{name} -->)", flags=re.DOTALL
        )
        body = table.split("\n", 2)[2].strip()  # the table without its "## " heading
        text, found = pattern.subn(lambda m, b=body: m.group(1) + b + "\n" + m.group(2), text)
        if found:
            placed.append(name)
    docs.write_text(text, encoding="utf-8")
    return placed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny journals, few runs")
    parser.add_argument("--skip-jrnl", action="store_true")
    parser.add_argument("--jrnl", type=Path, help="a jrnl to use instead of bench/.venv-jrnl")
    parser.add_argument("--update-docs", action="store_true")
    parser.add_argument("--workdir", type=Path, help="build and keep the journals here")
    parser.add_argument("--results", type=Path, help="folder for the tables")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.quick:
        settings = dict(runs=3, question_runs=2, ten_years=60, size=60, sizes=(30, 60))
    else:
        settings = dict(runs=10, question_runs=15, ten_years=3650, size=100_000, sizes=None)
    tables: dict[str, str] = {}
    met: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="journal-bench-") as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        tables["startup"], met["startup"] = startup.run(
            workdir,
            runs=30 if not args.quick else 3,
            question_runs=settings["question_runs"],
            journal_size=settings["ten_years"],
        )
        print(tables["startup"], flush=True)
        tables["flat-size"], met["flat-size"] = flat_size.run(
            workdir, size=settings["size"], runs=settings["runs"]
        )
        print(tables["flat-size"], flush=True)
        tables["encryption"], met["encryption"] = encryption_bench.run(
            workdir, runs=20 if not args.quick else 2, journal_size=settings["ten_years"]
        )
        print(tables["encryption"], flush=True)
        if not args.skip_jrnl:
            sizes = settings["sizes"] or jrnl_compare.SIZES
            tables["jrnl-compare"], met["jrnl-compare"] = jrnl_compare.run(
                workdir, sizes=sizes, runs=5 if not args.quick else 2, timeout=60.0, exe=args.jrnl
            )
            print(tables["jrnl-compare"], flush=True)
    for name, table in tables.items():
        write_result(f"{name}.md", table, args.results)
    if args.update_docs:
        placed = update_docs(tables)
        print(f"docs/performance.md: updated {', '.join(placed) or 'nothing'}")
    missed = [name for name, ok in met.items() if not ok]
    print(f"targets missed in: {', '.join(missed)}" if missed else "every target measured is met")
    print(f"whole benchmark: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
