"""Could a model that needs no numpy stand in for the trap model? A trial, not part of CI.

``journal traps`` cannot start within 1.3x ``journal --version`` while its model runs in
numpy (docs/performance.md). A model of hashed features (``traps_model_cv.featurise``: word,
word-class and letter n-grams), averaged into 64 numbers and read by one layer, would run in
pure Python from a mapped file in a millisecond or two. This trains one (with torch, as
``tools/train_traps_model.py`` needs) on every training sentence but those of ten training
batches (``FIRST_SIGHT``), more than the shipped model was trained on, and compares the two,
each beside the rules, on those ten, which neither model was trained on. The student's bars
are the best of a grid on those same batches, so its figures are the most it could show
there, not a fair estimate.

Run with a Python that has torch::

    python bench/traps_student_trial.py
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from selfcompassion.language.sentences import sentences  # noqa: E402
from selfcompassion.traps.catalog import TRAPS  # noqa: E402
from selfcompassion.traps.detector import _all_spans, trap_ids  # noqa: E402
from selfcompassion.traps.learned import Scores  # noqa: E402
from traps_data import TRAIN_BATCHES, Sentence, load_all, load_own, split  # noqa: E402
from traps_features import BUCKETS  # noqa: E402
from traps_model_cv import featurise  # noqa: E402

#: Written after the shipped weights were trained, so first sight for them and the student.
FIRST_SIGHT = ("blind52", "blind53", "blind54", "blind55", "kind8")
FIRST_SIGHT += ("blind64", "blind65", "blind66", "blind67", "kind9")
LABELS = list(TRAPS)
DIMENSIONS, EPOCHS, BATCH, LEARNING_RATE = 64, 6, 32, 0.01


class Student(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.bag = torch.nn.EmbeddingBag(BUCKETS, DIMENSIONS, mode="sum", sparse=True)
        self.hidden = torch.nn.Linear(DIMENSIONS, DIMENSIONS)
        self.out = torch.nn.Linear(DIMENSIONS, len(LABELS))

    def forward(self, rows: list[dict[int, float]]) -> torch.Tensor:
        index = torch.tensor([i for row in rows for i in row])
        weight = torch.tensor([v for row in rows for v in row.values()])
        offsets = torch.tensor([0, *itertools.accumulate(len(row) for row in rows[:-1])])
        return self.out(torch.tanh(self.hidden(self.bag(index, offsets, weight))))


def trained(data: list[Sentence]) -> Student:
    torch.manual_seed(0)
    model, rng = Student(), random.Random(0)
    rows = [featurise(s.text) for s in data]
    truth = torch.tensor([[float(t in s.traps) for t in LABELS] for s in data])
    sparse = torch.optim.SparseAdam(list(model.bag.parameters()), lr=LEARNING_RATE)
    dense_parameters = [*model.hidden.parameters(), *model.out.parameters()]
    dense = torch.optim.Adam(dense_parameters, lr=LEARNING_RATE)
    order = list(range(len(rows)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in range(0, len(order), BATCH):
            picked = order[k : k + BATCH]
            logits = model([rows[i] for i in picked])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, truth[picked])
            sparse.zero_grad()
            dense.zero_grad()
            loss.backward()
            sparse.step()
            dense.step()
    return model.eval()


def best_by_sentence(model: Student, text: str) -> dict[str, float]:
    """Each trap's highest probability over the text's sentences."""
    parts = [text[a:b] for a, b in sentences(text)] or [text]
    with torch.no_grad():
        rows = torch.sigmoid(model([featurise(part) for part in parts])).max(0).values
    return dict(zip(LABELS, rows.tolist(), strict=True))


def joined(found: set[str], best: dict[str, float], bars: tuple[float, ...]) -> set[str]:
    """The shipped joining of rules and model (``learned.Scores.joined``) with ``bars``; the
    shipped model's guards (``model_guards.py``) are not applied to the student."""
    threshold, sure_no, doubted, alone = bars
    scores = Scores({trap_id: (p, (0, 0)) for trap_id, p in best.items()})
    return scores.joined(found, threshold, alone, sure_no, doubted)


def figures(rows: list[tuple[frozenset[str], set[str]]]) -> tuple[float, float, int, int]:
    tp = sum(len(got & gold) for gold, got in rows)
    fp = sum(len(got - gold) for gold, got in rows)
    fn = sum(len(gold - got) for gold, got in rows)
    flagged = sum(bool(got) for gold, got in rows if not gold)
    return tp / (tp + fp), tp / (tp + fn), flagged, sum(not gold for gold, _ in rows)


def main() -> None:
    training, _kept_aside = split(load_all())
    own = [s for b in TRAIN_BATCHES if b not in FIRST_SIGHT for s in load_own("train", b)]
    seen = [s for b in FIRST_SIGHT for s in load_own("train", b)]
    print(f"training {len(training) + len(own)} sentences, first sight {len(seen)}")
    model = trained(list(training) + own)
    rules = [set(_all_spans(s.text)) for s in seen]
    shown = "{}: precision {:.3f}, recall {:.3f}, trap-free flagged {} of {}"
    alone = [(s.traps, r) for s, r in zip(seen, rules, strict=True)]
    print(shown.format("rules alone", *figures(alone)))
    shipped = [(s.traps, set(trap_ids(s.text))) for s in seen]
    print(shown.format("rules and the shipped model", *figures(shipped)))
    best = [best_by_sentence(model, s.text) for s in seen]
    grid = itertools.product(
        (0.5, 0.7, 0.9), (0.0, 0.02, 0.05), (0.0, 0.01, 0.03), (0.7, 0.9, 0.95)
    )
    results = []
    for bars in grid:
        rows = [(s.traps, joined(r, b, bars)) for s, r, b in zip(seen, rules, best, strict=True)]
        results.append((figures(rows), bars))
    best_sum = max(results, key=lambda r: r[0][0] + r[0][1])
    print(shown.format(f"rules and the student, bars {best_sum[1]}", *best_sum[0]))
    # The targets: precision 0.90 and at most 5% of trap-free sentences flagged.
    within = [r for r in results if r[0][0] >= 0.90 and r[0][2] <= 0.05 * r[0][3]]
    for figures_within, bars in sorted(within, key=lambda r: -r[0][1])[:1]:
        print(shown.format(f"the same within the targets, bars {bars}", *figures_within))
    if not within:
        print("no bars of the grid keep the student within precision 0.90 and 5% flagged")


if __name__ == "__main__":
    main()
