"""Choose the trap model's threshold by cross-validation on the training part only.

Reads the out-of-fold probabilities that ``tools/train_traps_model.py --cv FILE`` writes
(each training sentence scored by a model trained without it) and prints, at each
threshold, precision / recall / trap-free sentences flagged for the model alone and for the
shipped reading (rules or model), over all training sentences and over those of the shared
set. The kept-aside part is not read. The rules were written by reading the training part,
so "rules or model" here flatters the rules; the model-alone figures are the fair ones.

``CHOSEN`` is the rule the threshold is chosen by, fixed before the kept-aside part is
scored: the lowest threshold at which the model alone, over all training sentences, is
right at least ``LEAST_PRECISION`` of the time and flags at most ``MOST_FLAGGED`` of the
trap-free sentences (the rules flag about 2% of unseen trap-free sentences, the target is
at most 5%). Given the files of several epoch counts, the one whose model alone finds the
most traps over all training sentences at its chosen threshold is chosen (the fewer epochs
on a tie).

Run: ``python bench/traps_threshold_cv.py FILE [FILE ...]``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from traps_eval import rules_only  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
LEAST_PRECISION = 0.90
MOST_FLAGGED = 0.03
Row = dict[str, Any]
Figures = tuple[float, float, float]


def figures(rows: Iterable[Row], found: Callable[[Row], set[str]]) -> Figures:
    """Micro precision, recall and the share of trap-free sentences flagged."""
    tp = fp = fn = clean = flagged = 0
    for row in rows:
        wanted, got = set(row["traps"]), found(row)
        tp, fp, fn = tp + len(wanted & got), fp + len(got - wanted), fn + len(wanted - got)
        if not wanted:
            clean, flagged = clean + 1, flagged + bool(got)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), flagged / max(clean, 1)


def model_reading(labels: list[str], threshold: float) -> Callable[[Row], set[str]]:
    def read(row: Row) -> set[str]:
        return {t for t, p in zip(labels, row["p"], strict=True) if p > threshold}

    return read


def chosen(rows: list[Row], labels: list[str]) -> float | None:
    for threshold in THRESHOLDS:
        precision, _, flagged = figures(rows, model_reading(labels, threshold))
        if precision >= LEAST_PRECISION and flagged <= MOST_FLAGGED:
            return threshold
    return None


def show(figs: Figures) -> str:
    return f"{figs[0]:.2f} / {figs[1]:.2f} / {figs[2]:5.1%}"


def main() -> None:
    best: tuple[float, int, float, str] | None = None
    for name in sys.argv[1:]:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
        labels, rows = data["labels"], data["rows"]
        rules = {row["text"]: rules_only(row["text"]) for row in rows}
        shared = [row for row in rows if row["source"] == "dev"]
        print(f"{name}: {data['epochs']} epochs, lr {data['lr']}, own sentences {data['own']}")
        print("threshold  model: all | shared set      rules or model: all | shared set")
        for threshold in THRESHOLDS:
            model = model_reading(labels, threshold)

            def union(
                row: Row,
                model: Callable[[Row], set[str]] = model,
                rules: dict[str, set[str]] = rules,
            ) -> set[str]:
                return rules[row["text"]] | model(row)

            print(
                f"{threshold:>9}  {show(figures(rows, model))} | {show(figures(shared, model))}"
                f"    {show(figures(rows, union))} | {show(figures(shared, union))}"
            )
        threshold = chosen(rows, labels)
        print(f"chosen threshold: {threshold}\n")
        if threshold is not None:
            recall = figures(rows, model_reading(labels, threshold))[1]
            if best is None or (recall, -data["epochs"]) > (best[0], -best[1]):
                best = (recall, data["epochs"], threshold, name)
    if best:
        print(f"chosen: {best[1]} epochs, threshold {best[2]} (recall {best[0]:.3f}, {best[3]})")


if __name__ == "__main__":
    main()
