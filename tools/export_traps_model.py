"""Export the thinking-trap model the package ships (not part of the package or of CI).

The model is all-MiniLM-L6-v2 (Apache-2.0) fine-tuned as a ten-label classifier, one output
per trap id in sorted order, with mean pooling and one linear layer, by
``tools/train_traps_model.py``: 8 epochs (chosen by cross-validation on the training part),
learning rate 5e-5, batch 16, at most 96 tokens, seed 0, binary cross-entropy, on the
training part of the fixed split (``bench/traps_data.py``) and every training batch in
``TRAIN_BATCHES`` up to ``kind5`` (9,693 sentences; blind46 to blind49 and kind7 were kept
out to choose its bars); the kept-aside parts were never trained on.

This script reads the fine-tuned weights (a torch state dict: ``enc.*`` the encoder,
``head.*`` the linear layer) and writes, with the crisis model's export
(``tools/train_crisis_model.py``: every matrix int8 with one scale per row):

* ``src/selfcompassion/traps/model/traps_minilm.npz``: the weights, and the trap ids in
  output order (``labels``);
* ``tests/data/traps_model_fixtures.json``: the probabilities torch gives with the shipped
  (int8) weights for sentences of the training part and a few written for the test, which
  the numpy forward pass must reproduce.

Run with a Python that has torch and transformers (not a dependency of the project)::

    python tools/export_traps_model.py --base /path/to/all-MiniLM-L6-v2 --checkpoint ft.pt
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from train_crisis_model import MAX_TOKENS, Classifier, export, probabilities
from transformers import AutoTokenizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from traps_data import load_all, split  # noqa: E402

OUT = ROOT / "src" / "selfcompassion" / "traps" / "model" / "traps_minilm.npz"
FIXTURES = ROOT / "tests" / "data" / "traps_model_fixtures.json"
SEED = 0
#: Written for the fixtures, in words not taken from any labelled set.
EXTRAS = [
    "The bus was late and I got soaked waiting for it.",
    "If the landlord rings again it means the whole flat deal is collapsing.",
    "Honestly the garden looks fine, I planted it all wrong anyway.",
    "a" * 40 + " and a very long word",
    "",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="folder of all-MiniLM-L6-v2")
    parser.add_argument("--checkpoint", required=True, help="the fine-tuned state dict")
    args = parser.parse_args()
    torch.set_num_threads(1)
    train, _ = split(load_all())
    labels = sorted({trap for sentence in train for trap in sentence.traps})
    tok = AutoTokenizer.from_pretrained(args.base)
    model = Classifier(args.base, len(labels))
    model.load_state_dict(torch.load(args.checkpoint))
    texts = [s.text for s in random.Random(SEED).sample(train, 40)] + EXTRAS
    before = probabilities(model, tok, texts)
    arrays = export(model)
    after = probabilities(model, tok, texts)
    print(f"int8 round trip: largest change in probability {np.abs(after - before).max():.4f}")
    arrays["labels"] = np.array(labels)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez(OUT, **arrays)
    fixtures = {
        "labels": labels,
        "probabilities": [
            {"text": text, "p": [round(float(p), 6) for p in row]}
            for text, row in zip(texts, after, strict=True)
        ],
        "max_tokens": MAX_TOKENS,
    }
    FIXTURES.write_text(json.dumps(fixtures, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes) and {FIXTURES}")


if __name__ == "__main__":
    main()
