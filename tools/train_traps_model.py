"""Train the thinking-trap model, or cross-validate it (not part of the package or of CI).

Fine-tunes all-MiniLM-L6-v2 as a ten-output classifier, one output per trap id in sorted
order, with the crisis model's classifier and loop (``tools/train_crisis_model.py``: mean
pooling, one linear layer, binary cross-entropy, batch 16, at most 96 tokens, seed 0). It
reads only the training part of the fixed split (``bench/traps_data.py``) and the training
batches (``TRAIN_BATCHES`` there, or those named by ``--own-batches``); the kept-aside part
and the kept-aside batches (``ASIDE_BATCHES``) are never read here. The shipped weights were
trained on the training part and every training batch up to ``kind5`` (``--epochs 8
--checkpoint ft.pt --threads 2``; 9,693 sentences, about 36 minutes on two threads), the
eighth epoch exported.

* ``--checkpoint ft.pt``: train on all of it and write the weights after each epoch to
  ``ft.pt.eN`` (N epochs), for ``tools/export_traps_model.py``.
* ``--entries N``: join ``N`` short entries made from the training sentences
  (``made_entries``): a model trained on single sentences lets a trap read beside plain
  sentences of the day fall to nothing. From the base, or with ``--start-from W`` going on
  from the weights ``W`` (a checkpoint written as above).
* ``--cv FILE``: cross-validation over the training part of the split (five folds unless
  ``--folds``; our own sentences are in every fold's training data and never scored): each
  sentence's probabilities from the model that did not see it, after each epoch, are
  written to ``FILE.eN.json`` (N epochs), which ``bench/traps_threshold_cv.py`` reads to
  choose the threshold and the number of epochs.

Run with a Python that has torch and transformers (not a dependency of the project)::

    python tools/train_traps_model.py --base /path/to/all-MiniLM-L6-v2 --checkpoint ft.pt
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch
from train_crisis_model import fit, probabilities
from transformers import AutoTokenizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from traps_data import TRAIN_BATCHES, Sentence, load_all, load_own, split  # noqa: E402

EPOCHS, LR, FOLDS = 5, 5e-5, 5


def targets(sentences: list[Sentence], labels: list[str]) -> torch.Tensor:
    return torch.tensor([[float(t in s.traps) for t in labels] for s in sentences])


#: The most tokens an entry made by ``made_entries`` may hold (what training reads of a text).
ENTRY_TOKENS = 96


def made_entries(
    sentences: list[Sentence], count: int, tok: AutoTokenizer, seed: int = 0
) -> list[Sentence]:
    """``count`` entries of a few sentences: one training sentence with one to three
    trap-free ones put around it at random places, labelled with that sentence's traps alone
    (plain sentences of the day neither add a trap nor take one away). Entries over
    ``ENTRY_TOKENS`` tokens are left out, so nothing a label rests on is cut off."""
    rng = random.Random(seed)
    plain = [s for s in sentences if not s.traps]
    made: list[Sentence] = []
    while len(made) < count:
        core = rng.choice(sentences)
        parts = [rng.choice(plain).text for _ in range(rng.randint(1, 3))]
        parts.insert(rng.randint(0, len(parts)), core.text)
        text = " ".join(part.strip() for part in parts)
        if len(tok(text)["input_ids"]) <= ENTRY_TOKENS:
            made.append(Sentence(text, core.traps, "entry"))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="folder of all-MiniLM-L6-v2")
    parser.add_argument("--checkpoint", help="write the weights trained on everything here")
    parser.add_argument("--cv", help="write out-of-fold probabilities here instead")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--lr", type=float, default=LR)
    parser.add_argument("--no-own", action="store_true", help="leave our own sentences out")
    parser.add_argument(
        "--own-batches", default=",".join(TRAIN_BATCHES), help="which training batches to join"
    )
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--start-from", help="weights to go on from (a checkpoint)")
    parser.add_argument("--entries", type=int, default=0, help="entries to make and join")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    train, _ = split(load_all())
    batches = [] if args.no_own else args.own_batches.split(",")
    own = [s for batch in batches for s in load_own("train", batch)]
    labels = sorted({trap for sentence in train for trap in sentence.traps})
    tok = AutoTokenizer.from_pretrained(args.base)
    started = time.process_time()

    def train_on(data: list[Sentence], after_epoch: Callable[[int, torch.nn.Module], None]) -> None:
        texts = [s.text for s in data]
        fit(
            args.base,
            tok,
            texts,
            targets(data, labels),
            args.epochs,
            args.lr,
            after_epoch,
            args.start_from,
        )

    if not args.cv:
        data = train + own
        data += made_entries(data, args.entries, tok)

        def save(epoch: int, model: torch.nn.Module) -> None:
            torch.save(model.state_dict(), f"{args.checkpoint}.e{epoch}")

        train_on(data, save)
        print(f"trained on {len(data)} sentences in {time.process_time() - started:.0f} s CPU")
        return
    order = list(range(len(train)))
    random.Random(0).shuffle(order)
    # rows[epoch][i]: sentence i's probabilities after that many epochs of its fold's model.
    rows: dict[int, list[dict[str, object]]] = {}
    for fold in range(args.folds):
        held = sorted(order[fold :: args.folds])
        data = [s for i, s in enumerate(train) if i not in set(held)] + own

        def score(epoch: int, model: torch.nn.Module, held: list[int] = held) -> None:
            found = probabilities(model, tok, [train[i].text for i in held])
            for i, p in zip(held, found, strict=True):
                s = train[i]
                row = {"text": s.text, "source": s.source, "traps": sorted(s.traps)}
                rows.setdefault(epoch, [{} for _ in train])[i] = row | {"p": p.tolist()}

        train_on(data, score)
        print(f"fold {fold} done, {time.process_time() - started:.0f} s CPU", flush=True)
    for epoch, scored in rows.items():
        out = {"labels": labels, "epochs": epoch, "lr": args.lr, "own": len(own), "rows": scored}
        Path(f"{args.cv}.e{epoch}.json").write_text(json.dumps(out) + "\n", "utf-8")


if __name__ == "__main__":
    main()
