"""Instructions to bring many entries in: ``journal import`` and a first sync received
(and the first sync that sent them), counted by valgrind (cachegrind, no cache
simulation), which the other work on a shared machine does not move as it moves CPU time.

    python bench/intake_instructions.py --entries 10000
    python bench/intake_instructions.py --entries 10000 --before /path/to/old/src
    python bench/intake_instructions.py --entries 10000 --only sending

An import lands in steps sized by the wall time they take, and under valgrind every step
takes fifty times as long, so the import is run in process (``--child``) with steps of a
fixed number of entries (``--step``, 3,000 by default: about what a step lands at 100,000
entries on a quiet machine) and no pauses, the same for both versions. A first sync is
received by the ``journal`` command as it is. With ``--before``, the same counts are made
with the code of that source folder first on ``PYTHONPATH``; every count is of a whole
process, so each includes the start-up (the same for both versions).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journals import journal_env, journal_script, write_export_json  # noqa: E402
from measure import machine_line, markdown_table, write_result  # noqa: E402
from samples import entries  # noqa: E402


def child(source: Path, db: Path, step: int) -> None:
    """Import ``source`` into ``db`` in process, in steps of ``step`` entries."""
    from selfcompassion.portability.transfer import import_journal
    from selfcompassion.store import JournalStore, importing

    importing.FIRST_CHUNK = importing.MIN_CHUNK = importing.MAX_CHUNK = step
    importing.PAUSE_SECONDS = 0.0
    store = JournalStore.open(db)
    try:
        import_journal(store, str(source))
    finally:
        store.conn.close()


def _counted(
    argv: list[str], env: dict[str, str], out: Path, fresh: Sequence[tuple[Path, Path]] = ()
) -> int:
    """Instructions of one run of ``argv`` under cachegrind, after one run outside it
    (which compiles the modules); ``fresh`` are (source, copy) pairs, folders or files,
    copied anew before each run, after the journal is removed."""
    for counting in (False, True):
        for suffix in ("", "-wal", "-shm"):
            Path(env["SELFCOMPASSION_DB"] + suffix).unlink(missing_ok=True)
        for source, copy in fresh:
            if source.is_dir():
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(source, copy)
            else:
                shutil.copyfile(source, copy)
        if not counting:
            subprocess.run(argv, env=env, check=True, capture_output=True)
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"] + argv,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError("valgrind printed no count")
    return int(found.group(1).replace(",", ""))


#: What can be counted, in the order of the table.
COUNTED = ("import", "receiving", "sending")


def run(
    workdir: Path, count: int, step: int, before: Path | None, only: Sequence[str] = COUNTED
) -> str:
    journal = str(journal_script())
    source = write_export_json(entries(count), workdir / "all.json")
    sender, receiver, sent = workdir / "sender.db", workdir / "receiver.db", workdir / "sent"
    env = journal_env(sender, workdir / "home")
    subprocess.run([journal, "import", str(source)], env=env, check=True, capture_output=True)
    imported_only = workdir / "imported.db"  # the sender before its first sync
    shutil.copyfile(sender, imported_only)
    sent.mkdir()
    subprocess.run([journal, "sync", str(sent)], env=env, check=True, capture_output=True)
    versions = {"this code": {**env, "SELFCOMPASSION_DB": str(receiver)}}
    if before is not None:
        versions = {"before": {**versions["this code"], "PYTHONPATH": str(before)}, **versions}
    rows, counts = [], {}
    empty, folder = workdir / "empty", workdir / "folder"
    empty.mkdir()
    for name, version_env in versions.items():
        found: dict[str, int] = {}
        if "import" in only:
            argv = [sys.executable, __file__, "--child", str(source), str(receiver), str(step)]
            found["import"] = _counted(argv, version_env, workdir / "import.cg")
        argv = [journal, "sync", str(folder)]
        if "receiving" in only:
            found["receiving"] = _counted(
                argv, version_env, workdir / "sync.cg", fresh=[(sent, folder)]
            )
        if "sending" in only:
            found["sending"] = _counted(
                argv,
                version_env,
                workdir / "send.cg",
                fresh=[(imported_only, receiver), (empty, folder)],
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{receiver}{suffix}").unlink(missing_ok=True)
        counts[name] = found
        print(f"  {name}: " + ", ".join(f"{k} {v:,}" for k, v in found.items()), flush=True)
    labels = {
        "import": "import",
        "receiving": "first sync, receiving",
        "sending": "first sync, sending",
    }
    for what in (what for what in COUNTED if what in only):
        for name, found in counts.items():
            ratio = ""
            if name == "this code" and "before" in counts:
                ratio = f"{found[what] / counts['before'][what]:.2f}x"
            rows.append([f"{labels[what]} {count:,}", name, f"{found[what] / 1e9:.3f} G", ratio])
    table = markdown_table(["what", "code", "instructions", "now / before"], rows)
    load = os.getloadavg()
    return (
        f"## Import and first syncs, instructions\n\n{machine_line()}; load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} when done; import steps of "
        f"{step:,} entries.\n\n{table}\n"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        child(Path(args[1]), Path(args[2]), int(args[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--step", type=int, default=3_000)
    parser.add_argument("--before", type=Path, help="a src folder of other code to compare")
    parser.add_argument("--results", type=Path, help="folder for the table")
    parser.add_argument(
        "--only", nargs="+", choices=COUNTED, default=list(COUNTED), help="what to count"
    )
    parsed = parser.parse_args(args)
    with tempfile.TemporaryDirectory(prefix="journal-intake-count-") as temp:
        table = run(Path(temp), parsed.entries, parsed.step, parsed.before, parsed.only)
    print(table)
    write_result("intake-instructions.md", table, parsed.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
