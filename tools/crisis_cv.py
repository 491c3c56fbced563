"""Out-of-fold scores for the crisis model on the training sentences (not part of the package).

Every training sentence (``crisis_tuning.json``, ``crisis_own.json``, the training parts of
``crisis_more.json`` and ``crisis_fresh.json``, and ``crisis_everyday.json``; never a
kept-aside part) is put in one of ``--folds`` folds, stratified by file and label (seed
20261215). For each fold a model is trained on the others with the given settings and
scores the fold's sentences, so every sentence gets a probability from a model that never
saw it. The scores are written as JSON for ``bench/crisis_cv_eval.py``, which combines them
with the rules.

Run with the Python that has torch (see ``train_crisis_model.py``)::

    python tools/crisis_cv.py --base /path/to/all-MiniLM-L6-v2 --top 2 --out cv.json
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import torch
from train_crisis_model import DATA, AutoTokenizer, fit, fit_top, probabilities

FILES = (
    "crisis_tuning.json",
    "crisis_own.json",
    "crisis_more.json",
    "crisis_fresh.json",
    "crisis_everyday.json",
)
FOLD_SEED = 20261215


def rows() -> list[dict[str, object]]:
    """Every training sentence with the file it comes from."""
    out = []
    for name in FILES:
        for row in json.loads((DATA / name).read_text("utf-8")):
            if row.get("part", "train") == "train":
                out.append({**row, "source": name.removesuffix(".json")})
    return out


def folds(data: list[dict[str, object]], k: int) -> list[int]:
    """A fold for each row, stratified by file and label."""
    rng = random.Random(FOLD_SEED)
    fold = [0] * len(data)
    groups: dict[tuple[object, object], list[int]] = {}
    for i, row in enumerate(data):
        groups.setdefault((row["source"], row["risk"]), []).append(i)
    for members in groups.values():
        rng.shuffle(members)
        for n, i in enumerate(members):
            fold[i] = n % k
    return fold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--top", type=int, default=6, help="encoder layers fine-tuned")
    parser.add_argument("--full", action="store_true", help="fine-tune the embeddings too")
    args = parser.parse_args()
    torch.set_num_threads(2)
    tok = AutoTokenizer.from_pretrained(args.base)
    data = rows()
    fold = folds(data, args.folds)
    scores = [0.0] * len(data)
    for k in range(args.folds):
        train = [r for r, f in zip(data, fold, strict=True) if f != k]
        test = [i for i, f in enumerate(fold) if f == k]
        texts = [str(r["text"]) for r in train]
        targets = torch.tensor([float(bool(r["risk"])) for r in train])
        started, cpu = time.time(), time.process_time()
        if args.full:
            model = fit(args.base, tok, texts, targets, args.epochs, args.lr)
        else:
            model = fit_top(args.base, tok, texts, targets, args.epochs, args.lr, args.top)
        probs = probabilities(model, tok, [str(data[i]["text"]) for i in test])
        for i, p in zip(test, probs, strict=True):
            scores[i] = float(p)
        spent = f"{time.time() - started:.0f} s, {time.process_time() - cpu:.0f} s CPU"
        print(f"fold {k}: trained on {len(train)} in {spent}", flush=True)
    out = [
        {**{k: r[k] for k in ("text", "risk", "category", "source")}, "fold": f, "p": p}
        for r, f, p in zip(data, fold, scores, strict=True)
    ]
    settings = vars(args) | {"fold_seed": FOLD_SEED}
    Path(args.out).write_text(json.dumps({"settings": settings, "rows": out}, indent=0), "utf-8")


if __name__ == "__main__":
    main()
