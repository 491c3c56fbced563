"""The exports at size, in CPU time and wall time, and against the code before a change.

    python bench/export_bench.py                          # 100,000 entries, 3 runs each
    python bench/export_bench.py --entries 20000 --runs 5
    python bench/export_bench.py --journal big.db         # a journal already built
    python bench/export_bench.py --before /tmp/old/src    # the same runs with older code

Runs ``journal export`` as JSON, Markdown and CSV (and, with ``--notes``, as daily notes)
of a journal of the sample entries (``samples.py``, imported untimed), each as a whole
process, and prints for each the median of its CPU time (user + system, from the
kernel's accounting of the waited-for child) and of its wall time, with the load average
and the reference figure (``measure.reference_text``: the CPU time of a fixed workload,
which shows how fast the machine runs at that moment) before and after. On a machine
shared with other work, CPU time is the steadier figure.

With ``--before SRC`` every run is made twice, one right after the other: once with the
package in SRC put first on ``PYTHONPATH`` (a copy of the code before a change) and once
as installed; the two exports must be byte for byte the same, or the script says so.
The exit code is 0 whether or not the target (each format under 3 s) is met.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journals import journal_env, journal_script, write_export_json  # noqa: E402
from measure import reference_text  # noqa: E402
from samples import entries  # noqa: E402

FORMATS = ("json", "markdown", "csv")
TIMEOUT = 600.0


def _load() -> str:
    return " / ".join(f"{figure:.1f}" for figure in os.getloadavg())


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole process, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {error[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _command(journal: Path, fmt: str, out: Path) -> list[str]:
    base = [str(journal_script()), "--db", str(journal), "export"]
    if fmt == "notes":
        return [*base, "--daily-notes", str(out)]
    return [*base, "--format", fmt, "--output", str(out)]


def _same(one: Path, other: Path) -> bool:
    """Whether two exports are the same, but for the moment a JSON export was made."""
    if one.is_dir():
        names = sorted(path.name for path in one.iterdir())
        if names != sorted(path.name for path in other.iterdir()):
            return False
        return all(filecmp.cmp(one / name, other / name, shallow=False) for name in names)
    if one.suffix == ".json":
        made = re.compile(rb'^  "exported_at": .*$', re.MULTILINE)
        return made.sub(b"", one.read_bytes(), 1) == made.sub(b"", other.read_bytes(), 1)
    return filecmp.cmp(one, other, shallow=False)


def run(journal: Path, workdir: Path, formats: list[str], runs: int, before: Path | None) -> None:
    env = journal_env(journal, workdir / "home")
    variants: dict[str, dict[str, str]] = {"after": env}
    if before is not None:
        variants = {"before": {**env, "PYTHONPATH": str(before)}, "after": env}
    # Untimed: compiles each variant's modules once (see journal_env) and checks which
    # code each one runs.
    probe = "import selfcompassion, sys; sys.stdout.write(selfcompassion.__file__)"
    python = str(Path(sys.executable))
    for name, variant in variants.items():
        where = subprocess.run(
            [python, "-c", probe], env=variant, capture_output=True, text=True, check=True
        ).stdout
        print(f"{name}: {where}")
        _run([str(journal_script()), "--db", str(journal), "--version"], variant)
    print(f"load average {_load()}, {reference_text()} at the start", flush=True)
    figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for fmt in formats:
        for _ in range(runs):
            outs = {}
            for name, variant in variants.items():
                out = workdir / f"{name}.{fmt}"
                _remove(out)
                figures.setdefault((name, fmt), []).append(
                    _run(_command(journal, fmt, out), variant)
                )
                outs[name] = out
            if before is not None and not _same(outs["before"], outs["after"]):
                print(f"  {fmt}: the exports before and after DIFFER")
        for name in variants:
            cpu = statistics.median(figure[0] for figure in figures[(name, fmt)])
            wall = statistics.median(figure[1] for figure in figures[(name, fmt)])
            print(
                f"  {fmt:8} {name:6} CPU {cpu:6.2f} s  wall {wall:6.2f} s  "
                f"({runs} runs, load {_load()})",
                flush=True,
            )
    print(f"load average {_load()}, {reference_text()} at the end")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--journal", type=Path, help="a journal already built (not changed)")
    parser.add_argument("--before", type=Path, help="a folder holding the older package")
    parser.add_argument("--notes", action="store_true", help="daily notes as well")
    parser.add_argument("--formats", nargs="*", choices=[*FORMATS, "notes"])
    args = parser.parse_args()
    if args.journal is not None and not args.journal.is_file():
        parser.error(f"no such journal: {args.journal}")
    formats = args.formats or [*FORMATS, *(["notes"] if args.notes else [])]
    with tempfile.TemporaryDirectory(prefix="export-bench-") as folder:
        workdir = Path(folder)
        journal = args.journal
        if journal is None:
            journal = workdir / "journal.db"
            source = write_export_json(entries(args.entries), workdir / "all.json")
            env = journal_env(journal, workdir / "home")
            print(f"importing {args.entries:,} entries (untimed)", flush=True)
            subprocess.run(
                [str(journal_script()), "--db", str(journal), "import", str(source)],
                env=env, check=True, capture_output=True, timeout=TIMEOUT * 3,
            )  # fmt: skip
            source.unlink()
        run(journal.resolve(), workdir, formats, args.runs, args.before)


if __name__ == "__main__":
    main()
