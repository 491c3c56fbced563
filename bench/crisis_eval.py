"""The crisis check on its sentences: rules alone, and rules with the model, as it runs.

Prints only totals (recall on risk sentences, share of non-risk sentences flagged) for the
training part (tuning and our own sentences: the rules were written and the model trained on
them; the training parts of ``crisis_more.json``, ``crisis_fresh.json``, ``crisis_tenth.json``
and ``crisis_eleventh.json``, and the training batches written blind, read whole:
``crisis_data.TRAINING_BATCHES``) and the kept-aside parts (the shared set's, the aside parts
of those four files, and the batches written blind and kept aside whole:
``crisis_data.KEPT_ASIDE_BATCHES``; never trained or tuned on, and their sum, which
docs/safety.md's rule to ship by reads), and how many risk sentences pass the gate the model
reads behind; and how often each brings the panel for everyday sentences never trained on
(our own, entries written blind, and the thinking-trap thoughts kept aside).
docs/safety.md reports these figures.

Run: ``python bench/crisis_eval.py``; ``--training`` prints the training parts only, so that a
change can be checked against what it was written on without reading any kept-aside figure.
``--aside`` prints only the kept-aside parts and the everyday sentences never trained on.
``--weights FILE`` runs a candidate model's ``.npz`` (``tools/train_crisis_model.py --out``)
in place of the shipped one, with the same rules, threshold and gate.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from crisis_data import KEPT_ASIDE_BATCHES, TRAINING_BATCHES
from selfcompassion.care.detector import find_concerns
from selfcompassion.care.gate import passes

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _load(*names: str) -> list[dict[str, object]]:
    return [item for name in names for item in json.loads((DATA / name).read_text("utf-8"))]


def counts(items: list[dict[str, object]], model: bool) -> tuple[int, int, int, int]:
    """Risk sentences recognised, risk sentences in all, non-risk flagged, non-risk in all."""
    risky = [str(i["text"]) for i in items if i["risk"]]
    calm = [str(i["text"]) for i in items if not i["risk"]]
    hit = sum(bool(find_concerns(t, model=model)) for t in risky)
    flagged = sum(bool(find_concerns(t, model=model)) for t in calm)
    return hit, len(risky), flagged, len(calm)


def _figures(items: list[dict[str, object]], model: bool) -> str:
    hit, risky, flagged, calm = counts(items, model)
    recall = f"recall {hit / risky:.1%} ({hit}/{risky}), " if risky else ""
    return f"{recall}non-risk flagged {flagged / calm:.1%} ({flagged}/{calm})"


def kept_aside_parts() -> dict[str, list[dict[str, object]]]:
    """Every part never trained or tuned on, by name (docs/safety.md's rule to ship by reads
    their sum)."""
    more = _load("crisis_more.json")
    fresh = _load("crisis_fresh.json")
    tenth = _load("crisis_tenth.json")
    eleventh = _load("crisis_eleventh.json")
    return {
        "more sentences kept aside": [i for i in more if i["part"] == "aside"],
        "fresh sentences kept aside": [i for i in fresh if i["part"] == "aside"],
        "tenth batch kept aside": [i for i in tenth if i["part"] == "aside"],
        "eleventh batch kept aside": [i for i in eleventh if i["part"] == "aside"],
        **{name: _load(file) for file, name in KEPT_ASIDE_BATCHES},
        "kept aside": _load("crisis_kept_aside.json"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="The crisis check's figures on its sentences.")
    parser.add_argument(
        "--training", action="store_true", help="only the parts written or trained against"
    )
    parser.add_argument(
        "--aside", action="store_true", help="only the kept-aside parts and everyday sentences"
    )
    parser.add_argument("--weights", type=Path, help="a candidate model's .npz to run instead")
    args = parser.parse_args()
    if args.training and args.aside:
        parser.error("--training and --aside leave nothing in common: choose one")
    training_only = args.training
    if args.weights:
        if not args.weights.is_file():
            parser.error(f"no such file: {args.weights}")
        from selfcompassion.care import encoder

        encoder.WEIGHTS = args.weights
    parts: dict[str, list[dict[str, object]]] = {}
    if not args.aside:
        parts = {
            "training part (tuning + own)": _load("crisis_tuning.json", "crisis_own.json"),
            "training part of the more sentences": [
                i for i in _load("crisis_more.json") if i["part"] == "train"
            ],
            "training part of the fresh sentences": [
                i for i in _load("crisis_fresh.json") if i["part"] == "train"
            ],
            "training part of the tenth batch": [
                i for i in _load("crisis_tenth.json") if i["part"] == "train"
            ],
            "training part of the eleventh batch": [
                i for i in _load("crisis_eleventh.json") if i["part"] == "train"
            ],
            **{name: _load(file) for file, name in TRAINING_BATCHES},
            "everyday training sentences": _load("crisis_everyday.json"),
            "workday sentences (rules fixed on them)": _load("crisis_workday.json"),
        }
    if not training_only:
        kept_aside = kept_aside_parts()
        parts |= kept_aside
        parts["every kept-aside part"] = [i for items in kept_aside.values() for i in items]
    for name, items in parts.items():
        risky = [str(i["text"]) for i in items if i["risk"]]
        gated = sum(passes(t) for t in risky)
        print(f"{name}:")
        print(f"  rules alone:      {_figures(items, model=False)}")
        print(f"  rules and model:  {_figures(items, model=True)}")
        if risky:
            print(f"  risk sentences through the gate: {gated}/{len(risky)}")
    if training_only:
        return
    print("everyday non-risk sentences never trained on, bringing the panel:")
    for name, texts in _everyday_aside().items():
        for label, model in (("rules alone", False), ("rules and model", True)):
            count = sum(bool(find_concerns(t, model=model)) for t in texts)
            print(f"  {name}, {label + ':':17} {count}/{len(texts)} ({count / len(texts):.1%})")


def _everyday_aside() -> dict[str, list[str]]:
    """Our own everyday sentences kept aside, everyday entries written blind and kept aside,
    and the trap part's kept-aside thoughts.

    The training part of the thinking-trap sentences is in the model's training data
    (``crisis_everyday.json``), so only its kept-aside part (bench/traps_data.py) is used here.
    """
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from traps_data import load_all, split

    _, aside = split(load_all())
    own = [str(i["text"]) for i in _load("crisis_everyday_aside.json")]
    blind = [str(i["text"]) for i in _load("crisis_everyday_blind_aside.json")]
    judging = [str(i["text"]) for i in _load("crisis_everyday_judge.json")]
    judging_again = [str(i["text"]) for i in _load("crisis_everyday_judge2.json")]
    return {
        f"our everyday sentences ({len(own)})": own,
        f"everyday entries written blind ({len(blind)})": blind,
        f"everyday entries written blind to judge a threshold by ({len(judging)})": judging,
        f"everyday entries written blind to judge a retrained model by ({len(judging_again)})": (
            judging_again
        ),
        f"kept-aside trap thoughts ({len(aside)})": [s.text for s in aside],
    }


if __name__ == "__main__":
    main()
