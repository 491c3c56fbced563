"""Time ``journal search`` and ``journal list --since "last month"`` on a large journal.

Builds a journal of N entries (100,000 by default) through ``journal import``, the way a
person would bring a journal in, then runs each command as a whole process several
times on that journal and on an empty one and prints the medians. Nothing outside a
temporary folder is touched.

    python bench/browse_bench.py                  # 100,000 entries, 7 runs each
    python bench/browse_bench.py --entries 10000 --runs 5

Entries are daily reflections of about 90 words, ``--per-day`` a day going back from
yesterday, so "last month" holds the same number of entries whatever the journal's size.
The word "lighthouse" is planted in one entry in a thousand; "today" is in most entries,
the worst case for ranking.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from samples import COMMON_TAGS, REFLECTION_WORDS

JOURNAL = Path(sys.executable).parent / "journal"
RARE_WORD = "lighthouse"
COMMON_WORD = "today"
WORDS = tuple(REFLECTION_WORDS)
PROMPTS = (
    ("went-well", "What went well today, however small?"),
    ("hard-moment", "Which moment asked the most of you, and how did you meet it?"),
    ("kind-word", "What would a good friend say to you about today?"),
)
TAGS = COMMON_TAGS


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_entry(rng: random.Random, day: date, index: int) -> dict:
    moment = datetime(day.year, day.month, day.day, 7 + index % 14, rng.randrange(60),
                      tzinfo=UTC).isoformat(timespec="seconds")  # fmt: skip
    answers = [
        {"step_id": "mood", "kind": "scale", "prompt": "How heavy or light does today feel?",
         "theme": "check-in", "value": rng.randint(1, 5)},
        {"step_id": "present", "kind": "text", "prompt": "What is here for you right now?",
         "theme": "check-in", "value": rng.choice(("calm", "tired", "hopeful", "steady"))},
    ]  # fmt: skip
    for step_id, prompt in PROMPTS:
        text = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(2))
        answer = {"step_id": step_id, "kind": "long_text", "prompt": prompt, "theme": None}
        answers.append({**answer, "value": text})
    if rng.random() < 0.001:
        answers[2]["value"] += f" The {RARE_WORD} on the hill caught the evening light."
    answers.append(
        {"step_id": "intention", "kind": "text", "prompt": "What will you carry into tomorrow?",
         "theme": "intention", "value": sentence(rng, 8)}
    )  # fmt: skip
    for answer in answers:
        answer["text"] = str(answer["value"])
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "kind": "daily",
        "journal_date": day.isoformat(),
        "created_at": moment,
        "updated_at": moment,
        "pack": "daily",
        "tags": sorted(rng.sample(TAGS, rng.randint(1, 2))),
        "answers": answers,
    }


def write_export(path: Path, count: int, per_day: int, today: date) -> None:
    rng = random.Random(20261122)
    entries = [
        make_entry(rng, today - timedelta(days=1 + i // per_day), i % per_day) for i in range(count)
    ]
    document = {
        "format": "selfcompassion-journal",
        "version": 1,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "entry_count": count,
        "entries": entries,
    }
    path.write_text(json.dumps(document), encoding="utf-8")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``journal ARGS`` once: (wall-clock seconds, CPU seconds of the process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(JOURNAL), *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"journal {' '.join(args)} failed: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def medians_ms(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds over ``runs`` runs, after one warm-up run."""
    run(args, env)
    times = [run(args, env) for _ in range(runs)]
    return (
        statistics.median(wall for wall, _ in times) * 1000,
        statistics.median(cpu for _, cpu in times) * 1000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    if options.runs < 5:
        parser.error("--runs must be at least 5")

    with tempfile.TemporaryDirectory(prefix="browse-bench-") as folder:
        root = Path(folder)
        env = {**os.environ, "SELFCOMPASSION_HOME": str(root / "home"), "NO_COLOR": "1"}
        env.pop("SELFCOMPASSION_DB", None)
        empty, full = root / "empty.db", root / "full.db"
        export = root / "export.json"

        started = time.perf_counter()
        write_export(export, options.entries, options.per_day, date.today())
        made = time.perf_counter() - started
        size = export.stat().st_size / 1e6
        print(f"wrote {options.entries:,} entries as JSON ({size:.0f} MB) in {made:.1f} s")

        imported, _ = run(["--db", str(full), "import", str(export)], env)
        # The import is this script's first child, so the children's peak is the import's.
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"journal import: {imported:.1f} s for {options.entries:,} entries, "
            f"peak memory {peak_mb:.0f} MB"
        )
        run(["--db", str(empty), "list"], env)  # creates the empty journal
        print(f"journal file: {full.stat().st_size / 1e6:.0f} MB")

        commands = {
            f"search {RARE_WORD}": ["search", RARE_WORD],
            f"search {COMMON_WORD}": ["search", COMMON_WORD],
            'list --since "last month"': ["list", "--since", "last month"],
            "--version": ["--version"],
        }
        print(f"\nmedian of {options.runs} runs, whole process, milliseconds (wall / CPU)")
        header = f"{'empty':>14}{options.entries:>16,}{'ratio':>8}"
        print(f"{'command':<28}{header}")
        for label, args in commands.items():
            small = medians_ms(["--db", str(empty), *args], env, options.runs)
            large = medians_ms(["--db", str(full), *args], env, options.runs)
            print(
                f"{label:<28}{small[0]:>7.0f} /{small[1]:>5.0f}"
                f"{large[0]:>9.0f} /{large[1]:>5.0f}{large[0] / small[0]:>8.2f}"
            )
        print(f"\nload average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
