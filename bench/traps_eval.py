"""Score the trap detector on the fixed split (bench/traps_data.py).

``python bench/traps_eval.py`` prints the training part's figures (all that rule writing
may look at); ``--kept-aside`` prints the kept-aside part's, which is for reporting only.
Both readings are scored: the rules alone, and the shipped detector (a trap is ticked when
the rules find it and the model does not doubt it, or the model's probability is above its
threshold, a higher one where the rules find none: ``learned.Scores.joined``). ``--errors`` lists
the misses and false ticks of the part shown; ``--threshold`` scores the union at another
threshold than the shipped one. ``--own-aside`` scores our own
kept-aside sentences
(tests/data/traps_own_aside.json), written for the model and never trained or tuned on;
``--own-aside own2`` the second batch's (traps_own2_aside.json); ``--own-aside blind`` the
batch written without sight of the detector (traps_blind_aside.json), kept aside whole;
``--own-aside blind2`` a second such batch (traps_blind2_aside.json), ``--own-aside blind4``
a third (traps_blind4_aside.json), ``--own-aside blind6`` a fourth
(traps_blind6_aside.json), ``--own-aside blind8`` a fifth (traps_blind8_aside.json),
``--own-aside blind9`` a sixth (traps_blind9_aside.json), ``--own-aside blind11`` a
seventh (traps_blind11_aside.json), ``--own-aside blind13`` an eighth
(traps_blind13_aside.json), ``--own-aside blind15`` a ninth (traps_blind15_aside.json),
``--own-aside blind17`` a tenth (traps_blind17_aside.json), ``--own-aside blind19`` an
eleventh (traps_blind19_aside.json), ``--own-aside blind21`` a twelfth
(traps_blind21_aside.json), ``--own-aside blind24`` a thirteenth
(traps_blind24_aside.json), ``--own-aside blind26`` a fourteenth
(traps_blind26_aside.json), ``--own-aside blind22`` a fifteenth (traps_blind22_aside.json)
``--own-aside blind28`` a sixteenth (traps_blind28_aside.json), ``--own-aside blind30`` a
seventeenth (traps_blind30_aside.json), ``--own-aside blind32`` an eighteenth
(traps_blind32_aside.json), ``--own-aside blind34`` a nineteenth (traps_blind34_aside.json)
``--own-aside blind36`` a twentieth (traps_blind36_aside.json), ``--own-aside blind37`` a
twenty-first (traps_blind37_aside.json), ``--own-aside kind`` kind self-talk with no trap
(traps_kind_aside.json), ``--own-aside kind6`` more of it (traps_kind6_aside.json), and
``--own-aside blind50`` and ``--own-aside blind51`` two batches from briefs worded unlike the
others (traps_blind50_aside.json, traps_blind51_aside.json), ``--own-aside blind56`` to
``--own-aside blind63`` whole entries and single sentences from eight more briefs
(traps_blind56_aside.json to traps_blind63_aside.json), ``--own-aside blind68`` to
``--own-aside blind71`` four more, read once to judge a retrained model and once as
shipped (traps_blind68_aside.json to traps_blind71_aside.json), ``--own-aside blind80``
and ``--own-aside blind81`` two in the shared set's manner, read once at the end of their
session (traps_blind80_aside.json, traps_blind81_aside.json), ``--own-aside blind84`` one in
many voices, read once at the end of its session (traps_blind84_aside.json), each kept
aside whole.
``--train-batch blind``, ``--train-batch blind3``, ``--train-batch blind5``, ``--train-batch
blind7``, ``--train-batch blind10``, ``--train-batch blind12``, ``--train-batch blind14``,
``--train-batch blind16``, ``--train-batch blind18``, ``--train-batch blind20``,
``--train-batch blind23``, ``--train-batch blind25``, ``--train-batch blind27``,
``--train-batch blind29``, ``--train-batch blind31``, ``--train-batch blind33``,
``--train-batch blind35``, ``--train-batch blind38``, ``--train-batch blind39``,
``--train-batch blind40``, ``--train-batch blind41``, ``--train-batch blind42`` to
``--train-batch blind49``, ``--train-batch blind52`` to ``--train-batch blind55``,
``--train-batch blind64`` to ``--train-batch blind67``, ``--train-batch blind72`` to
``--train-batch blind79``, ``--train-batch blind82``, ``--train-batch blind83``,
``--train-batch kind2`` to ``--train-batch kind10`` score
the training batches written the same way (traps_blind_train.json, traps_blind3_train.json,
traps_blind5_train.json, traps_blind7_train.json, traps_blind10_train.json,
traps_blind12_train.json, traps_blind14_train.json, traps_blind16_train.json,
traps_blind18_train.json, traps_blind20_train.json, traps_blind23_train.json,
traps_blind25_train.json, traps_blind27_train.json, traps_blind29_train.json,
traps_blind31_train.json, traps_blind33_train.json, traps_blind35_train.json,
traps_blind38_train.json to traps_blind49_train.json, traps_blind52_train.json to
traps_blind55_train.json, traps_blind64_train.json to traps_blind67_train.json,
traps_blind72_train.json to traps_blind79_train.json, traps_blind82_train.json,
traps_blind83_train.json, traps_kind2_train.json to
traps_kind10_train.json), which rule
writing may read like the training part.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from selfcompassion.traps import learned  # noqa: E402
from selfcompassion.traps.detector import TRAPS, trap_ids  # noqa: E402
from traps_data import (  # noqa: E402
    ASIDE_BATCHES,
    TRAIN_BATCHES,
    Sentence,
    load_all,
    load_own,
    split,
)

Reading = Callable[[str], set[str]]


def rules_only(text: str) -> set[str]:
    return set(trap_ids(text, second_opinion=False))


def union(threshold: float) -> Reading:
    def read(text: str) -> set[str]:
        return learned.scores(text).joined(rules_only(text), threshold)

    return read


def score(sentences: list[Sentence], read: Reading, errors: bool = False) -> str:
    counts = {trap_id: [0, 0, 0] for trap_id in TRAPS}
    clean = flagged = 0
    lines: list[str] = []
    for sentence in sentences:
        found = read(sentence.text)
        for trap_id in TRAPS:
            hit, wanted = trap_id in found, trap_id in sentence.traps
            if hit or wanted:
                counts[trap_id][0 if hit and wanted else 1 if hit else 2] += 1
        if not sentence.traps:
            clean += 1
            flagged += bool(found)
        if errors and found != sentence.traps:
            missed = ",".join(sorted(sentence.traps - found))
            extra = ",".join(sorted(found - sentence.traps))
            lines.append(f"  -[{missed}] +[{extra}] {sentence.text}")
    rows = [f"{'trap':<22} {'prec':>5} {'rec':>5} {'tp':>4} {'fp':>4} {'fn':>4}"]

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    for trap_id, (tp, fp, fn) in counts.items():
        rows.append(
            f"{trap_id:<22} {ratio(tp, tp + fp):>5.2f} {ratio(tp, tp + fn):>5.2f}"
            f" {tp:>4} {fp:>4} {fn:>4}"
        )
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    rows.append(
        f"{'overall (micro)':<22} {ratio(tp, tp + fp):>5.2f} {ratio(tp, tp + fn):>5.2f}"
        f" {tp:>4} {fp:>4} {fn:>4}"
    )
    rows.append(f"trap-free sentences flagged: {flagged} of {clean} ({ratio(flagged, clean):.1%})")
    return "\n".join(lines + rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kept-aside", action="store_true", help="score the kept-aside part")
    parser.add_argument("--errors", action="store_true", help="list the mistakes")
    parser.add_argument(
        "--own-aside",
        nargs="?",
        const="own",
        choices=ASIDE_BATCHES,
        help="score our own kept-aside part (of this batch; the first if none is given)",
    )
    parser.add_argument(
        "--train-batch", choices=TRAIN_BATCHES, help="score this batch's training sentences"
    )
    parser.add_argument("--source", help="only sentences from this set (dev, corpus, ...)")
    parser.add_argument("--threshold", type=float, default=learned.THRESHOLD)
    args = parser.parse_args()
    training, kept_aside = split(load_all())
    part = kept_aside if args.kept_aside else training
    name = "kept-aside part" if args.kept_aside else "training part"
    if args.own_aside:
        part, name = load_own("aside", args.own_aside), "our own kept-aside sentences"
        if args.own_aside != "own":
            name += f" ({args.own_aside})"
    if args.train_batch:
        part, name = load_own("train", args.train_batch), f"training batch {args.train_batch}"
    if args.source:
        part = [sentence for sentence in part if sentence.source == args.source]
    print(f"{name}: {len(part)} sentences\n\nrules only:")
    print(score(part, rules_only, errors=args.errors))
    print(
        f"\nrules (unless the model reads that trap under {learned.DOUBTED_BELOW}, or every trap"
        f" under {learned.SURE_NO_BELOW}) or model probability > {args.threshold}"
        f" (> {learned.ALONE_THRESHOLD} where the rules find none; the shipped detector at"
        f" {learned.THRESHOLD}):"
    )
    print(score(part, union(args.threshold), errors=args.errors))


if __name__ == "__main__":
    main()
