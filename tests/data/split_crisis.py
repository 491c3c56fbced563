"""Split the shared crisis development sentences into a tuning part and a kept-aside part.

Run once from the repository root: ``python tests/data/split_crisis.py PATH/crisis_dev.json``.
Stratified by category with a fixed seed, so the split is the same on every run: about a
third of each category is kept aside and never used while writing the rules.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261202
KEPT_ASIDE = 1 / 3
HERE = Path(__file__).parent


Item = dict[str, object]


def split(items: list[Item]) -> tuple[list[Item], list[Item]]:
    by_category: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_category[str(item["category"])].append(item)
    rng = random.Random(SEED)
    tuning: list[Item] = []
    aside: list[Item] = []
    for category in sorted(by_category):
        group = list(by_category[category])
        rng.shuffle(group)
        cut = round(len(group) * KEPT_ASIDE)
        aside += group[:cut]
        tuning += group[cut:]
    return tuning, aside


def main() -> None:
    items = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    tuning, aside = split(items)
    for name, part in (("crisis_tuning.json", tuning), ("crisis_kept_aside.json", aside)):
        text = json.dumps(part, indent=1, ensure_ascii=False) + "\n"
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"{name}: {len(part)}")


if __name__ == "__main__":
    main()
