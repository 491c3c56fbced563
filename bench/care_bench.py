"""How long the care check takes on journal answers (target: at most 20 ms added to a flow).

Measured in one run, medians in milliseconds:

* cold: a fresh process imports the check and reads one quiet answer, then one risky answer
  (the rules a risky answer needs are compiled on first use; interactive flows warm them up
  in the background while the first question is on screen, see ``care.moment``);
* warm: one answer of typical length, a reframe's 13 answers, and a long answer (4,000
  characters, as an edited entry may be).

Run: ``python bench/care_bench.py``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOW_TARGET_MS = 20.0
COLD = """
import time, typer, rich
t0 = time.perf_counter()
from selfcompassion.care.detector import find_concerns, needs_care
t1 = time.perf_counter()
needs_care("The meeting ran long and I snapped at Sam, then I went for a walk.")
t2 = time.perf_counter()
needs_care("honestly i dont want to be here anymore")
t3 = time.perf_counter()
find_concerns("everything is ready for friday. nobody knows.", model=True)
t4 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000, (t4 - t3) * 1000)
"""
LOAD = """
import time
t0 = time.perf_counter()
import numpy
t1 = time.perf_counter()
from selfcompassion.care.second_look import load
load()
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""
#: Everyday journal prose, with no risk words: what most long answers are.
EVERYDAY = (
    "Work was busy again and the meeting with the design team ran over, so I ate lunch at my "
    "desk. In the afternoon I finally finished the report I had been putting off, and Sam "
    "said it read well. I walked home by the river; the light on the water was lovely. "
)


def _median_ms(check: Callable[[str], bool], texts: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            check(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _cold(runs: int, code: str) -> list[float]:
    rows = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        rows.append([float(x) for x in out.split()])
    return [statistics.median(column) for column in zip(*rows, strict=True)]


def main() -> None:
    from selfcompassion.care.detector import find_concerns, needs_care

    def with_model(text: str) -> bool:
        return bool(find_concerns(text, model=True))

    data = json.loads((ROOT / "tests/data/crisis_tuning.json").read_text("utf-8"))
    sentences = [item["text"] for item in data]
    for text in sentences:  # warm: every rule compiled
        needs_care(text)
    typical = sentences[::20][:13]
    long_answer = " ".join(sentences)[:4000]
    everyday = (EVERYDAY * 20)[:4000]
    own = json.loads((ROOT / "tests/data/crisis_own.json").read_text("utf-8"))
    calm = " ".join(item["text"].rstrip(".") + "." for item in own if not item["risk"])[:4000]
    from selfcompassion.care.gate import passes
    from selfcompassion.care.second_look import second_look

    gated = [item["text"].rstrip(".") + "." for item in own if passes(item["text"])]
    worst = " ".join(gated)[:4000]
    oblique = "Had soup for dinner. Everything is ready for friday. Nobody knows."
    imported, quiet, risky, model_first = _cold(7, COLD)
    numpy_ms, weights_ms = _cold(7, LOAD)
    one = _median_ms(needs_care, typical[:1], 300)
    one_model = _median_ms(with_model, [oblique], 50)
    flow = _median_ms(with_model, typical, 20)
    long_ms = _median_ms(with_model, [long_answer], 10)
    everyday_ms = _median_ms(with_model, [everyday], 10)
    calm_ms = _median_ms(with_model, [calm], 5)
    worst_ms = _median_ms(lambda text: second_look(text) is not None, [worst], 5)
    print("care check, milliseconds (median)")
    print(
        f"  cold: import {imported:.1f}, first quiet answer {quiet:.1f}, "
        f"first risky answer {risky:.1f}, first answer the model reads {model_first:.1f}"
    )
    print(
        f"  loading the model: import numpy {numpy_ms:.1f}, weights and vocabulary {weights_ms:.1f}"
    )
    print(f"  warm, rules alone (the check as it runs): one answer {one:.2f}")
    print(
        f"  warm, with the model on: one answer the model reads ({len(oblique)} characters) "
        f"{one_model:.1f}, a reframe's 13 answers {flow:.1f}"
    )
    print(
        f"  warm, with the model on, 4,000 characters: development sentences {long_ms:.1f}, "
        f"everyday prose {everyday_ms:.1f}, hard non-risk sentences (the model reads most) "
        f"{calm_ms:.1f}"
    )
    print(
        f"  warm, the model alone on 4,000 characters of distinct sentences that all pass "
        f"the gate ({len(worst.split('. '))} sentences; the worst case): {worst_ms:.1f}"
    )
    print(
        f"  warm, per answer of a 13-answer flow: {flow / 13:.2f} "
        f"(target: a flow gains at most {FLOW_TARGET_MS:.0f})"
    )


if __name__ == "__main__":
    main()
