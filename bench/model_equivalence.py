"""Do two builds of the language models decide and show the same things?

A change meant only to make the models load or run faster must leave every answer as it
was. This script reads every labelled sentence (the shared development sets and every set
in tests/data) through both checks of the build it runs in, and writes what they decided:

* thinking traps: each trap found with its span and the words shown (``detect_traps``, the
  model's second opinion and occlusion included), and each trap's best probability;
* crisis check: the concerns found (``find_concerns``, rules and model), and the model's
  most worrying sentence with its probability (``second_look.best``);
* every probability either model gave during the run, keyed by what it read (the trap
  model's texts, occlusion's variants included; the crisis model's token ids).

Run it once with the build before (``--write before.json``, with that build's Python) and
once with the build after (``--compare before.json``): it prints how many sentences
differ in any decision or word shown (must be 0) and the largest difference in any
probability (must be at most 1e-6), and exits 1 when either fails.

Run: ``python bench/model_equivalence.py --write FILE`` or ``--compare FILE``
(``--shared DIR`` for the shared data folder when it is not found beside the checkout;
``--limit N`` for the first N sentences only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 1e-6


def _shared_data() -> Path | None:
    """The shared data folder, ``shared/data`` beside the checkout or one level up."""
    for parent in (ROOT.parent, ROOT.parent.parent):
        candidate = parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _texts_in(value: Any) -> Iterator[str]:
    """Every ``text`` string in a loaded JSON or TOML document, at any depth."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str):
            yield value["text"]
        for inner in value.values():
            yield from _texts_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts_in(inner)


def sentences(shared: Path | None) -> list[str]:
    """Every labelled sentence, each once, in a fixed order."""
    files = sorted((ROOT / "tests" / "data").glob("*.json"))
    files += sorted((ROOT / "tests" / "data").glob("*.toml"))
    if shared is not None:
        files = sorted(shared.glob("*.json")) + files
    found: dict[str, None] = {}
    for path in files:
        if path.suffix == ".json":
            document = json.loads(path.read_text(encoding="utf-8"))
        else:
            with path.open("rb") as handle:
                document = tomllib.load(handle)
        found.update(dict.fromkeys(_texts_in(document)))
    return list(found)


def decisions(texts: list[str]) -> dict[str, Any]:
    """What both checks decide and show for each text, and every probability they gave."""
    from selfcompassion.care import encoder as care_encoder
    from selfcompassion.care.detector import find_concerns
    from selfcompassion.care.second_look import best
    from selfcompassion.traps import learned
    from selfcompassion.traps.detector import detect_traps

    trap_reads: dict[str, dict[str, float]] = {}
    crisis_reads: dict[str, float] = {}
    trap_probabilities = learned.probabilities
    crisis_probabilities = care_encoder.probabilities

    def logged_traps(batch: Any) -> list[dict[str, float]]:
        rows = trap_probabilities(batch)
        trap_reads.update(zip(batch, rows, strict=True))
        return rows

    def logged_crisis(sequences: list[list[int]], weights: Any = None) -> list[float]:
        rows = crisis_probabilities(sequences, weights)
        crisis_reads.update(zip((" ".join(map(str, s)) for s in sequences), rows, strict=True))
        return rows

    learned.probabilities = logged_traps  # type: ignore[assignment]
    care_encoder.probabilities = logged_crisis  # type: ignore[assignment]
    per_text = []
    for text in texts:
        finding = best(text)
        per_text.append(
            {
                "text": text,
                "traps": [[h.trap_id, h.start, h.end, h.phrase] for h in detect_traps(text)],
                "trap_best": {k: p for k, (p, _) in learned.scores(text).best.items()},
                "concerns": [
                    [c.rule, c.kind, c.words, c.start, c.end] for c in find_concerns(text)
                ],
                "crisis_best": None
                if finding is None
                else [finding.words, finding.start, finding.end, finding.probability],
            }
        )
    return {"sentences": per_text, "trap_reads": trap_reads, "crisis_reads": crisis_reads}


def compare(before: dict[str, Any], after: dict[str, Any]) -> tuple[int, float, list[str]]:
    """Sentences whose decisions or words differ, the largest probability difference, and
    a few lines describing the differences."""
    notes: list[str] = []
    differing = 0
    largest = 0.0
    old_by_text = {item["text"]: item for item in before["sentences"]}
    for item in after["sentences"]:
        old = old_by_text.get(item["text"])
        if old is None:
            notes.append(f"not in the file before: {item['text']!r}")
            differing += 1
            continue
        same = all(old[key] == item[key] for key in ("traps", "concerns"))
        if (old["crisis_best"] is None) != (item["crisis_best"] is None):
            same = False
        elif old["crisis_best"] is not None:
            same = same and old["crisis_best"][:3] == item["crisis_best"][:3]
            largest = max(largest, abs(old["crisis_best"][3] - item["crisis_best"][3]))
        if old["trap_best"].keys() != item["trap_best"].keys():
            same = False
        for key, p in item["trap_best"].items():
            largest = max(largest, abs(old["trap_best"].get(key, 2.0) - p))
        if not same:
            differing += 1
            if len(notes) < 10:
                notes.append(f"differs: {item['text']!r}")
    for kind in ("trap_reads", "crisis_reads"):
        old_reads, new_reads = before[kind], after[kind]
        missing = old_reads.keys() ^ new_reads.keys()
        if missing:
            notes.append(f"{kind}: {len(missing)} readings in one run only")
        for key in old_reads.keys() & new_reads.keys():
            old_p, new_p = old_reads[key], new_reads[key]
            if isinstance(old_p, dict):
                largest = max(largest, *(abs(old_p[t] - new_p[t]) for t in old_p))
            else:
                largest = max(largest, abs(old_p - new_p))
    return differing, largest, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path, help="write this build's decisions here")
    what.add_argument("--compare", type=Path, help="compare this build with a written file")
    parser.add_argument("--shared", type=Path, default=_shared_data())
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    texts = sentences(args.shared)
    if args.limit:
        texts = texts[: args.limit]
    start = time.process_time()
    result = decisions(texts)
    spent = time.process_time() - start
    reads = len(result["trap_reads"]) + len(result["crisis_reads"])
    print(f"{len(texts)} sentences, {reads} model readings, {spent:.1f} s of CPU")
    if args.write:
        args.write.write_text(json.dumps(result), encoding="utf-8")
        print(f"wrote {args.write}")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differing, largest, notes = compare(before, result)
    for note in notes:
        print(note)
    print(f"sentences with a different decision or words shown: {differing}")
    print(f"largest probability difference: {largest:.2e} (at most {TOLERANCE:.0e})")
    sys.exit(0 if differing == 0 and largest <= TOLERANCE else 1)


if __name__ == "__main__":
    main()
