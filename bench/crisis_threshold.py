"""A retrained crisis model at other thresholds: chosen on some new batches, judged on others.

docs/safety.md ("The retrained model with a higher threshold") has the rule this follows,
written down before the batches existed. ``--choose`` prints, for each threshold weighed,
how many of the everyday entries for choosing (``crisis_everyday_choose.json``) bring the
panel, and the twenty-seventh batch's totals (reported, not used to choose). ``--judge T``
prints the figures the rule judges by, for the model at threshold T: the twenty-eighth
batch, every kept-aside part with it, and every everyday sentence never trained on.

Run it once for the shipped model and once with ``--weights FILE`` for the candidate: a
process holds one model. Only totals are printed; no sentence is.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from selfcompassion.care import second_look

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crisis_eval import _everyday_aside, _load, counts, kept_aside_parts  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _counts(items: list[dict[str, object]], threshold: float) -> tuple[int, int, int, int]:
    """``crisis_eval.counts`` with the rules and the model at ``threshold``."""
    second_look.THRESHOLD = threshold
    return counts(items, model=True)


def _line(name: str, counts: tuple[int, int, int, int]) -> str:
    hit, risky, flagged, calm = counts
    risk = f"risk {hit}/{risky}, " if risky else ""
    return f"  {name}: {risk}flagged {flagged}/{calm}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, help="a candidate model's .npz")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--choose", action="store_true", help="the batches for choosing")
    what.add_argument("--judge", type=float, metavar="T", help="the batches for judging, at T")
    args = parser.parse_args()
    if args.weights:
        if not args.weights.is_file():
            parser.error(f"no such file: {args.weights}")
        from selfcompassion.care import encoder

        encoder.WEIGHTS = args.weights
    # The model's reading of a text does not depend on the threshold: read each text once.
    second_look.best = functools.lru_cache(maxsize=None)(second_look.best)
    if args.choose:
        everyday = _load("crisis_everyday_choose.json")
        twentyseventh = _load("crisis_twentyseventh.json")
        for threshold in THRESHOLDS:
            print(f"threshold {threshold}:")
            print(_line("everyday entries for choosing", _counts(everyday, threshold)))
            print(_line("twenty-seventh batch", _counts(twentyseventh, threshold)))
        return
    twentyeighth = _load("crisis_twentyeighth.json")  # among the kept-aside parts too
    every = [i for items in kept_aside_parts().values() for i in items]
    judging = _load("crisis_everyday_judge.json")  # among the everyday sentences too
    everyday = [{"text": t, "risk": False} for texts in _everyday_aside().values() for t in texts]
    print(f"threshold {args.judge}:")
    print(_line("twenty-eighth batch", _counts(twentyeighth, args.judge)))
    print(_line("every kept-aside part", _counts(every, args.judge)))
    print(_line("everyday entries for judging", _counts(judging, args.judge)))
    print(_line("every everyday sentence never trained on", _counts(everyday, args.judge)))


if __name__ == "__main__":
    main()
