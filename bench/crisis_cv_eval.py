"""The crisis check with out-of-fold model scores: which threshold, which rules give way.

Reads the scores ``tools/crisis_cv.py`` wrote (every training sentence scored by a model
that never saw it) and plays the check as ``care.detector`` runs it: the rules first; when
they find nothing, the model if the answer has at least three words and passes the gate,
above ``--threshold``; when every rule that fired is in a set that gives way, a model score
under the "sure no" level quiets them (as the last net does now). Prints, for each policy,
recall and false alarms by file. The rules were written against ``crisis_tuning`` and
``crisis_own`` (so they find nearly all of those); ``crisis_more``'s training part was not
tuned on by the rules, so it shows their own false alarms. Only training sentences are read.

Run: ``python bench/crisis_cv_eval.py cv.json [--shipped]`` (``--shipped`` also scores the
rows with the shipped model, which trained on all of them except ``crisis_more``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selfcompassion.care.detector import find_concerns
from selfcompassion.care.gate import passes
from selfcompassion.care.rules import rule_book
from selfcompassion.care.second_look import MIN_WORDS


@dataclass(frozen=True)
class Row:
    text: str
    risk: bool
    source: str
    category: str
    p: float
    rules: frozenset[str]
    kinds: frozenset[str]
    read: bool


def load(path: str) -> list[Row]:
    kind = {rule.id: rule.kind for rule in rule_book().rules}
    out = []
    for r in json.loads(Path(path).read_text("utf-8"))["rows"]:
        text = str(r["text"])
        fired = frozenset(c.rule for c in find_concerns(text, model=False))
        read = len(text.split()) >= MIN_WORDS and passes(text)
        out.append(
            Row(
                text,
                bool(r["risk"]),
                str(r["source"]),
                str(r["category"]),
                float(r["p"]),
                fired,
                frozenset(kind.get(f, f) for f in fired),
                read,
            )
        )
    return out


Policy = Callable[[Row], bool]


def policy(threshold: float, gives_way: Callable[[Row], bool], sure_no: float) -> Policy:
    """Whether the check brings the panel for a row."""

    def flagged(row: Row) -> bool:
        if row.rules:
            return not (gives_way(row) and row.read and row.p < sure_no)
        return row.read and row.p > threshold

    return flagged


def report(rows: list[Row], flagged: Policy) -> str:
    parts = []
    for source in ("crisis_tuning", "crisis_own", "crisis_more", "crisis_fresh", "crisis_everyday"):
        items = [r for r in rows if r.source == source]
        risky = [r for r in items if r.risk]
        calm = [r for r in items if not r.risk]
        hit = sum(map(flagged, risky))
        fa = sum(map(flagged, calm))
        rec = f"{hit}/{len(risky)} " if risky else ""
        parts.append(f"{source[7:]}: {rec}fa {fa}/{len(calm)}")
    risky = [r for r in rows if r.risk]
    calm = [r for r in rows if not r.risk and r.source != "crisis_everyday"]
    hit, fa = sum(map(flagged, risky)), sum(map(flagged, calm))
    total = f"ALL recall {hit / len(risky):.1%} hard-fa {fa / len(calm):.1%}"
    return f"{total} | " + " | ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scores")
    parser.add_argument("--list", action="store_true", help="print the errors (training only)")
    args = parser.parse_args()
    rows = load(args.scores)
    never: Callable[[Row], bool] = lambda r: False  # noqa: E731
    last_net: Callable[[Row], bool] = lambda r: r.rules <= {"strong-word"}  # noqa: E731
    every: Callable[[Row], bool] = lambda r: True  # noqa: E731
    print("model alone (gated), by threshold:")
    for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.7):
        print(f"  t={t}: {report(rows, lambda r, t=t: r.read and r.p > t)}")
    print("rules alone:", report(rows, lambda r: bool(r.rules)))
    for t in (0.2, 0.3, 0.5):
        print(f"rules + model t={t}, nothing gives way: {report(rows, policy(t, never, 0))}")
        for q in (0.02, 0.05, 0.1):
            print(f"  last net gives way < {q}: {report(rows, policy(t, last_net, q))}")
            print(f"  every rule gives way < {q}: {report(rows, policy(t, every, q))}")
    print("rules firing on non-risk (crisis_more, everyday), by rule, with model score:")
    for r in sorted((r for r in rows if r.rules and not r.risk), key=lambda r: r.p):
        print(f"  {r.p:.3f} {sorted(r.rules)} [{r.source[7:]}] {r.text[:90]}")
    print("risk sentences the rules find, lowest model scores:")
    for r in sorted((r for r in rows if r.rules and r.risk), key=lambda r: r.p)[:25]:
        print(f"  {r.p:.3f} {sorted(r.rules)} [{r.source[7:]}] {r.text[:90]}")
    print("each rule that fires on a non-risk sentence: its false alarms quieted and the")
    print("risk sentences lost if it alone gave way below q (risk: lowest score where it fires")
    print("with nothing but rules that give way):")
    for rule in sorted({f for r in rows if r.rules and not r.risk for f in r.rules}):
        alone = [r for r in rows if r.rules <= {rule, "strong-word"} and rule in r.rules]
        risk_p = sorted(r.p for r in alone if r.risk and r.read)
        calm_p = sorted(round(r.p, 3) for r in alone if not r.risk)
        print(f"  {rule}: non-risk {calm_p}; risk {len(risk_p)}, lowest {risk_p[:4]}")
    kinds = Counter(k for r in rows if r.rules and not r.risk for k in r.kinds)
    print("kinds firing on non-risk:", dict(kinds))
    if args.list:
        flagged = policy(0.3, last_net, 0.02)
        for r in rows:
            if flagged(r) != r.risk:
                print(f"  {'MISS' if r.risk else 'FA  '} {r.p:.3f} [{r.source[7:]}] {r.text}")


if __name__ == "__main__":
    main()
