"""Would a small learned model help the trap rules? Cross-validated figures on the training part.

A pure-Python logistic regression per trap over hashed word, word-class and letter n-grams of
the plain form (bench/traps_features.py), trained by AdaGrad with fixed seeds. It reads only
the training part of the fixed split (bench/traps_data.py): each sentence is scored by a model
trained on the other four fifths, and the table shows precision, recall and the share of
trap-free sentences flagged at each threshold, over all training sentences and over those of
the shared set. These figures are why the shipped detector is rules only
(tests/data/traps_scores.md, docs/decisions.md).

Run: ``python bench/traps_model_cv.py`` (a few minutes on one free core).
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from selfcompassion.traps.catalog import TRAPS  # noqa: E402
from selfcompassion.traps.plain import plain_form  # noqa: E402
from selfcompassion.traps.speech import excluded_spans  # noqa: E402
from traps_data import Sentence, load_all, split  # noqa: E402
from traps_features import feature_buckets, tokens  # noqa: E402

TRAP_IDS = tuple(TRAPS)
EPOCHS = 10
LEARNING_RATE = 0.5
POSITIVE_WEIGHT = 3.0
FOLDS = 5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)

Features = dict[int, float]
Model = tuple[list[dict[int, float]], list[float]]


def featurise(text: str) -> Features:
    """Features of the plain form, without other people's words."""
    plain = plain_form(text)
    excluded = excluded_spans(text)
    words = []
    for match in tokens(plain.text):
        first, last = plain.original_span(match.start(), match.end())
        if not any(first < b and a < last for a, b in excluded):
            words.append(match.group(0))
    return feature_buckets(words)


def train(xs: list[Features], ys: list[frozenset[str]], seed: int = 0) -> Model:
    """One logistic regression per trap, trained together by AdaGrad."""
    weights: list[dict[int, float]] = [{} for _ in TRAP_IDS]
    squares: list[dict[int, float]] = [{} for _ in TRAP_IDS]
    biases = [0.0] * len(TRAP_IDS)
    order = list(range(len(xs)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for n in order:
            x, y = xs[n], ys[n]
            for k, trap_id in enumerate(TRAP_IDS):
                w, g2 = weights[k], squares[k]
                z = biases[k] + sum(w.get(i, 0.0) * v for i, v in x.items())
                p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
                target = trap_id in y
                g = (p - target) * (POSITIVE_WEIGHT if target else 1.0)
                if abs(g) < 1e-4:
                    continue
                for i, v in x.items():
                    gi = g * v
                    acc = g2.get(i, 1e-8) + gi * gi
                    g2[i] = acc
                    w[i] = w.get(i, 0.0) - LEARNING_RATE * gi / math.sqrt(acc)
                biases[k] -= 0.05 * g
    return weights, biases


def probabilities(model: Model, x: Features) -> list[float]:
    weights, biases = model
    out = []
    for k in range(len(TRAP_IDS)):
        z = biases[k] + sum(weights[k].get(i, 0.0) * v for i, v in x.items())
        out.append(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))))
    return out


def cross_validated(sentences: list[Sentence], xs: list[Features]) -> list[list[float]]:
    order = list(range(len(sentences)))
    random.Random(1).shuffle(order)
    scores: list[list[float]] = [[] for _ in sentences]
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        part = [i for i in order if i not in held]
        model = train([xs[i] for i in part], [sentences[i].traps for i in part])
        for i in held:
            scores[i] = probabilities(model, xs[i])
    return scores


def figures(sentences: list[Sentence], scores: list[list[float]], threshold: float) -> str:
    tp = fp = fn = flagged = clean = 0
    for sentence, row in zip(sentences, scores, strict=True):
        found = {t for t, p in zip(TRAP_IDS, row, strict=True) if p >= threshold}
        tp += len(found & sentence.traps)
        fp += len(found - sentence.traps)
        fn += len(sentence.traps - found)
        if not sentence.traps:
            clean += 1
            flagged += bool(found)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{precision:.2f} / {recall:.2f} / {flagged / max(clean, 1):.1%}"


def main() -> None:
    training, _kept_aside = split(load_all())
    xs = [featurise(sentence.text) for sentence in training]
    scores = cross_validated(training, xs)
    shared = [i for i, sentence in enumerate(training) if sentence.source == "dev"]
    print("threshold | all training sentences | shared set only  (precision / recall / flagged)")
    for threshold in THRESHOLDS:
        print(
            f"{threshold:.2f} | {figures(training, scores, threshold)}"
            f" | {figures([training[i] for i in shared], [scores[i] for i in shared], threshold)}"
        )


if __name__ == "__main__":
    main()
