"""Where the time of ``journal traps TEXT`` goes, stage by stage, beside ``journal --version``.

Each round starts fresh processes: ``journal --version``, ``journal traps TEXT`` (both
whole, CPU time of the process and its threads from ``wait4``), and a script that does
what the command does, one stage after another, reading the CPU time (``process_time``)
between stages. Interpreter, Typer and the command line are loaded first, as for any
command; then the trap rules, numpy (with the one BLAS thread the encoder asks for), the
encoder's modules, the weights, the vocabulary, the model's reading of the text (word
pieces, the encoder, and occlusion when the model ticks a trap the rules did not), the
plain view, and the care check. A last process imports numpy alone with ``-X importtime``,
to split numpy's own cost into its parts (wall time, which the load inflates). Medians
over the rounds, with the load average at the start and the end: on a shared machine CPU
time moves less than wall time.

Run: ``python bench/traps_stages.py`` (``--runs N``, ``--text "..."``).
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

TEXT = "I always mess everything up"
#: Does what ``journal traps TEXT`` does, stage by stage; prints each stage's CPU ms as JSON.
STAGES = r"""
import io, json, os, sys, time
from contextlib import redirect_stdout
clock = [time.process_time()]
stages = {}
def mark(name):
    now = time.process_time()
    stages[name] = (now - clock[0]) * 1000
    clock[0] = now
import selfcompassion.cli
mark("interpreter, Typer and the command line")
text = sys.argv[1]
from selfcompassion.traps.detector import detect_traps
mark("trap rules: modules")
detect_traps(text, second_opinion=False)
mark("trap rules: reading the text")
for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(name, "1")
import numpy
mark("numpy")
from selfcompassion.language import encoder
from selfcompassion.traps import learned
mark("encoder modules")
encoder.load(learned.WEIGHTS)
mark("weights")
from selfcompassion.language.wordpiece import tokenizer
tokenizer()
mark("vocabulary")
hits = detect_traps(text)
mark("model: word pieces, encoder, occlusion")
from selfcompassion.render.traps import print_traps
with redirect_stdout(io.StringIO()):
    print_traps(text, hits)
mark("plain view")
from selfcompassion.care.moment import check_unsaved
with redirect_stdout(io.StringIO()):
    check_unsaved(text)
mark("care check")
print(json.dumps(stages))
"""
#: numpy's parts, by the modules ``-X importtime`` names (cumulative, so nothing twice).
NUMPY_PARTS = {
    "numpy._core._multiarray_umath": "C core and OpenBLAS (the shared libraries, loading)",
    "numpy._core._add_newdocs": "docstrings attached to the C functions",
    "numpy._typing": "numpy._typing (imported by numpy.linalg)",
}


def run(argv: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    """CPU seconds, stdout and stderr of one run, the child reaped by ``wait4``."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(argv)}\n{stderr}")
    return usage.ru_utime + usage.ru_stime, stdout, stderr


def numpy_parts(stderr: str) -> dict[str, float]:
    """Cumulative milliseconds of numpy and the parts named in ``NUMPY_PARTS``. A module
    named twice (the C core is, once where it loads and once where ``numpy.__config__``
    asks for it, the whole core package inside) counts where it is smallest: where it loads."""
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        name = name.strip()
        if name == "numpy" or name in NUMPY_PARTS:
            found[name] = min(found.get(name, float("inf")), int(cumulative) / 1000)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--text", default=TEXT)
    args = parser.parse_args()
    journal = str(Path(sys.executable).parent / "journal")
    with tempfile.TemporaryDirectory() as work:
        env = journal_env(Path(work) / "none.db", Path(work) / "home")
        numpy_env = {**env, "OPENBLAS_NUM_THREADS": "1"}
        cases = {
            "version": [journal, "--version"],
            "traps": [journal, "traps", args.text],
            "stages": [sys.executable, "-c", STAGES, args.text],
            "numpy": [sys.executable, "-X", "importtime", "-c", "import numpy"],
        }
        for argv in cases.values():  # warm-up: bytecode written, files cached
            run(argv, numpy_env)
        cpu: dict[str, list[float]] = {}
        stages: dict[str, list[float]] = {}
        parts: dict[str, list[float]] = {}
        load_start = os.getloadavg()[0]
        start = time.monotonic()
        for _ in range(args.runs):
            for name, argv in cases.items():
                used, out, err = run(argv, env if name != "numpy" else numpy_env)
                cpu.setdefault(name, []).append(used * 1000)
                if name == "stages":
                    for stage, ms in json.loads(out).items():
                        stages.setdefault(stage, []).append(ms)
                elif name == "numpy":
                    for part, ms in numpy_parts(err).items():
                        parts.setdefault(part, []).append(ms)
        load_end = os.getloadavg()[0]
    median = {name: statistics.median(values) for name, values in cpu.items()}
    print(machine_line())
    print(
        f"{args.runs} rounds in {time.monotonic() - start:.0f} s; load average (1 min) "
        f"{load_start:.1f} at the start, {load_end:.1f} at the end; the text: {args.text!r}\n"
    )
    print(
        markdown_table(
            ["whole process (CPU, median)", "ms", "x --version"],
            [
                ["`journal --version`", f"{median['version']:.0f}", "1.00"],
                [
                    "`journal traps TEXT`",
                    f"{median['traps']:.0f}",
                    f"{median['traps'] / median['version']:.2f}",
                ],
                ["the stages below, one process", f"{median['stages']:.0f}", ""],
            ],
        )
    )
    print()
    rows = [[stage, f"{statistics.median(values):.1f}"] for stage, values in stages.items()]
    print(markdown_table(["stage (CPU, median)", "ms"], rows))
    print()
    whole = statistics.median(parts.get("numpy", [0.0]))
    rows = [["`import numpy` (importtime, its own overhead included)", f"{whole:.1f}"]]
    rows += [
        [f"of which {label}", f"{statistics.median(parts[name]):.1f}"]
        for name, label in NUMPY_PARTS.items()
        if name in parts
    ]
    # -X importtime reports wall time: on a loaded machine read these as shares, not costs.
    print(markdown_table(["numpy's import, by part (wall time, median)", "ms"], rows))


if __name__ == "__main__":
    main()
