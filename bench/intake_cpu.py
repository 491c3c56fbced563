"""CPU time of bringing many entries in: ``journal import`` and a first sync received.

    python bench/intake_cpu.py                              # 100,000 entries, 1 run each
    python bench/intake_cpu.py --entries 20000 --runs 3
    python bench/intake_cpu.py --before /path/to/old/src    # the same, the code in that
                                                            # folder first on PYTHONPATH,
                                                            # run by turns with this code
    python bench/intake_cpu.py --update-docs                # the table put in
                                                            # docs/performance.md

Each run is a whole ``journal`` process, as in ``transfer_bench.py``, timed in wall time
and in CPU time (user + system, from the kernel's accounting of the waited-for child),
which the other work on a shared machine moves less than wall time. With ``--before``,
the runs of the two versions take turns, so that both see the same load; the table gives
each one's medians and the ratio of their CPU times. The journal to send and the folder
of its first sync are made once, untimed, by this code.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journals import journal_env, journal_script, write_export_json  # noqa: E402
from measure import machine_line, markdown_table, run_once, write_result  # noqa: E402
from samples import entries  # noqa: E402

TIMEOUT = 900.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _fresh(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s) of one run."""
    before = _children_cpu()
    wall, _, timed_out = run_once(argv, env, timeout=TIMEOUT)
    if timed_out:
        raise RuntimeError(f"{argv[2:]} took more than {TIMEOUT:.0f} s")
    return wall, _children_cpu() - before


def run(workdir: Path, count: int, runs: int, before: Path | None) -> str:
    journal = str(journal_script())
    source = write_export_json(entries(count), workdir / "all.json")
    sender, receiver = workdir / "sender.db", workdir / "receiver.db"
    sent, folder = workdir / "sent", workdir / "folder"
    env = journal_env(sender, workdir / "home")
    versions = {"this code": env}
    if before is not None:
        versions = {"before": {**env, "PYTHONPATH": str(before)}, "this code": env}
    sent.mkdir()
    run_once([journal, "--db", str(sender), "import", str(source)], env, timeout=TIMEOUT)
    run_once([journal, "--db", str(sender), "sync", str(sent)], env, timeout=TIMEOUT)
    found: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(runs):
        for name, version_env in versions.items():
            _fresh(receiver)
            argv = [journal, "--db", str(receiver), "import", str(source)]
            found.setdefault((f"import {count:,}", name), []).append(_timed(argv, version_env))
            _fresh(receiver)
            _fresh(folder)
            shutil.copytree(sent, folder)
            argv = [journal, "--db", str(receiver), "sync", str(folder)]
            found.setdefault((f"first sync, receiving {count:,}", name), []).append(
                _timed(argv, version_env)
            )
            print(f"  {name}: done a run", flush=True)
    rows = []
    for (what, name), times in found.items():
        cpu = statistics.median(t[1] for t in times)
        ratio = ""
        if before is not None and name == "this code":
            ratio = f"{statistics.median(t[1] for t in found[(what, 'before')]) / cpu:.2f}x"
        wall = statistics.median(t[0] for t in times)
        rows.append([what, name, f"{wall:.2f} s", f"{cpu:.2f} s", ratio, str(len(times))])
    table = markdown_table(["what", "code", "wall", "CPU", "CPU before / now", "runs"], rows)
    load = os.getloadavg()
    return (
        f"## Import and first sync received, CPU\n\n{machine_line()}; load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} when done.\n\n{table}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--before", type=Path, help="a src folder of other code to compare")
    parser.add_argument("--results", type=Path, help="folder for the table")
    parser.add_argument(
        "--update-docs", action="store_true", help="put the table in docs/performance.md"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="journal-intake-") as temp:
        table = run(Path(temp), args.entries, args.runs, args.before)
    print(table)
    write_result("intake-cpu.md", table, args.results)
    if args.update_docs:
        from run_all import update_docs

        print("placed in docs/performance.md:", ", ".join(update_docs({"intake": table})) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
