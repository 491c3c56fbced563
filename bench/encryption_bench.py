"""What encryption costs at start-up: ``journal list`` on an encrypted journal against the
same journal in plain form, measured in the same run (target: at most 1.3 times).

The journal is the start-up benchmark's 10-year journal (3,650 entries, one a day, built
by ``journal import``); a copy is encrypted with ``journal encrypt``, the passphrase given
in ``SELFCOMPASSION_PASSPHRASE``, as a script would. Both commands run with that variable
set (the plain journal ignores it), so the only difference is the file. Also timed:
``journal search`` (the full-text index, read through SQLCipher) and, alone, the key
derivation (scrypt) in this Python, to show what the early start hides.

Run: ``python bench/encryption_bench.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journals import ensure_journal, journal_env, journal_script  # noqa: E402
from measure import machine_line, markdown_table, standalone  # noqa: E402

TARGET = 1.3
TEN_YEARS = 3650
PASSPHRASE = "a benchmark passphrase, long enough to be real"


def encrypted_copy(plain: Path, env: dict[str, str]) -> Path:
    target = plain.with_name(plain.stem + "-encrypted.db")
    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    shutil.copyfile(plain, target)
    subprocess.run(
        [str(journal_script()), "--db", str(target), "encrypt"],
        env=env,
        check=True,
        capture_output=True,
    )
    return target


def _run_timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, all threads) of one run, in seconds."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command} exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def alternating_medians(
    commands: list[list[str]], env: dict[str, str], *, runs: int, warmup: int = 3
) -> list[tuple[float, float]]:
    """Median wall time and median CPU time of each command, the commands taking turns
    run after run, so that a machine busy with other work slows them alike (hyperfine
    runs one command's runs together; on a shared machine that skews a ratio)."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for round_number in range(warmup + runs):
        for index, command in enumerate(commands):
            wall, cpu = _run_timed(command, env)
            if round_number >= warmup:
                walls[index].append(wall)
                cpus[index].append(cpu)
    return [
        (statistics.median(wall), statistics.median(cpu))
        for wall, cpu in zip(walls, cpus, strict=True)
    ]


def key_derivation_ms(rounds: int = 9) -> float:
    from selfcompassion.encryption.keys import _scrypt

    times = []
    for number in range(rounds):
        start = time.perf_counter()
        _scrypt(PASSPHRASE, number.to_bytes(16, "big"))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run(workdir: Path, *, runs: int, journal_size: int) -> tuple[str, bool]:
    plain, how = ensure_journal(workdir, journal_size, per_day=1)
    env = journal_env(plain, workdir / "home")
    env["SELFCOMPASSION_PASSPHRASE"] = PASSPHRASE
    locked = encrypted_copy(plain, env)
    journal = str(journal_script())
    pairs = [("list",), ("search", "today")]
    commands = [[journal, "--db", str(db), *words] for words in pairs for db in (plain, locked)]
    medians = alternating_medians(commands, env, runs=runs)
    rows, met = [], []
    for index, words in enumerate(pairs):
        (plain_wall, plain_cpu), (locked_wall, locked_cpu) = medians[2 * index : 2 * index + 2]
        ratio = locked_wall / plain_wall
        if words == ("list",):
            met.append(ratio <= TARGET)
        rows.append(
            [
                f"`journal {' '.join(words)}`",
                f"{plain_wall * 1000:.0f} ms",
                f"{locked_wall * 1000:.0f} ms",
                f"{ratio:.2f}",
                "yes" if ratio <= TARGET else "**no**",
                f"{plain_cpu * 1000:.0f} / {locked_cpu * 1000:.0f} ms",
                f"{locked_cpu / plain_cpu:.2f}",
            ]
        )
    table = markdown_table(
        [
            "command",
            "plain",
            "encrypted",
            "ratio",
            f"<= {TARGET}x",
            "CPU plain / encrypted",
            "CPU ratio",
        ],
        rows,
    )
    text = (
        f"## Encryption\n\n{machine_line()}\n\n"
        f"{journal_size:,} entries, one a day (built by {how}); {runs} runs of each, the "
        f"four commands taking turns; medians of wall time, and of CPU time (user + "
        f"system, every thread), which the machine's other work disturbs less.\n\n"
        f"{table}\n\n"
        f"The key derivation alone (scrypt, n=2^14, r=8, p=1) takes "
        f"{key_derivation_ms():.0f} ms in this Python (median of 9).\n"
    )
    return text, all(met)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--journal-size", type=int, default=TEN_YEARS)
    return standalone(
        "encryption.md",
        parser,
        argv,
        lambda w, a: run(w, runs=a.runs, journal_size=a.journal_size),
    )


if __name__ == "__main__":
    sys.exit(main())
