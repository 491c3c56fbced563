"""Build a small sample journal through the command line itself and render the report
samples shown in the README (``docs/report-sample.txt``, ``docs/report-weeks-sample.txt``
and ``docs/report-sample.svg``, the charts of ``--weeks 4``); the week's text is also put
in the README's "A week at a glance", in place of the one there.

    python docs/make_sample.py

Three weeks of daily reflections (with a few days missed), two reframes and a check-in,
all written with ``--answers`` as a script would, in a temporary journal. Nothing here
touches a real journal.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

DOCS = Path(__file__).resolve().parent
JOURNAL = [sys.executable, "-m", "selfcompassion"]
WIDTH = "80"

REFLECTIONS = [
    "Gave the review my full attention even though I was tired. #work",
    "Took a proper lunch break and noticed the afternoon went better. #rest",
    "Asked for help on the migration instead of grinding alone. #work",
    "Said no to an extra meeting and did not apologise for it. #boundaries",
    "Noticed the critic early today and answered it like a friend would.",
    "Walked after work. The problem looked smaller afterwards. #rest",
]


def journal(env: dict[str, str], *args: str, answers: dict | None = None) -> str:
    data = json.dumps(answers) if answers is not None else None
    done = subprocess.run(
        [*JOURNAL, *args], input=data, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"journal {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def fill(env: dict[str, str], flow: str, day: date, values: dict) -> dict:
    plan = json.loads(journal(env, flow, "--date", day.isoformat(), "--plan"))
    answers = {}
    for step in plan["steps"]:
        if step["id"] in values:
            answers[step["id"]] = values[step["id"]]
        elif step["kind"] in ("text", "long_text"):
            answers[step["id"]] = random.choice(REFLECTIONS)
    return answers


def build(env: dict[str, str], today: date) -> None:
    random.seed(7)
    for back in range(20, -1, -1):
        day = today - timedelta(days=back)
        if back in (9, 10, 15):
            continue  # a few days away, as happens
        mood = min(5, 2 + (20 - back) // 7 + random.choice((0, 0, 1)))
        values = {"mood": mood, "kindness": min(5, mood + random.choice((-1, 0, 0, 1)))}
        values["intention"] = "Leave one hour free of meetings tomorrow."
        journal(env, "today", "--date", day.isoformat(), "--answers", "-",
                answers=fill(env, "today", day, values))  # fmt: skip
    for critic in (
        "I always mess up demos, I'm useless at this",
        "Everyone thinks I should have caught that bug",
    ):
        values = {
            "happened": "The demo stalled for two minutes while a service restarted.",
            "emotions": {"embarrassed": 70, "anxious": 55},
            "critic": critic,
            "belief": 75,
            "balanced": "The demo stalled once; the last five went fine and people said so.",
            "balanced_belief": 70,
            "kind_words": "One stalled demo is a bad ten minutes, not a verdict on me. #work",
            "next_step": "Add a health check to the demo script",
            "next_due": "in 3 days",
            "emotions_after": {"embarrassed": 35, "anxious": 30},
            "belief_after": 35,
        }
        journal(env, "reframe", "--answers", "-", answers=values)
    statements = json.loads(journal(env, "checkin", "--plan"))["steps"]
    ratings = {
        step["id"]: 3 + (i % 2) for i, step in enumerate(statements) if step["kind"] == "scale"
    }
    journal(env, "checkin", "--answers", "-", answers=ratings)


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, SELFCOMPASSION_HOME=home, NO_COLOR="1", COLUMNS=WIDTH)
        env.pop("SELFCOMPASSION_DB", None)
        today = date.today()
        build(env, today)
        text = journal(env, "report")
        (DOCS / "report-sample.txt").write_text(text, encoding="utf-8")
        svg = DOCS / "report-sample.svg"
        svg.unlink(missing_ok=True)
        journal(env, "report", "--weeks", "4", "--format", "svg", "--output", str(svg))
        weeks = journal(env, "report", "--weeks", "4")
        (DOCS / "report-weeks-sample.txt").write_text(weeks, encoding="utf-8")
        readme = DOCS.parent / "README.md"
        readme.write_text(in_readme(readme.read_text(encoding="utf-8"), text), encoding="utf-8")
        print(text)


def in_readme(readme: str, text: str) -> str:
    """The README with the first ``text`` block after "## A week at a glance" replaced."""
    head, glance, rest = readme.partition("## A week at a glance")
    before, fence, after = rest.partition("```text\n")
    _, end, tail = after.partition("```\n")
    if not (glance and fence and end):
        raise SystemExit("README.md has no text block under '## A week at a glance'")
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return f"{head}{glance}{before}{fence}{lines}\n{end}{tail}"


if __name__ == "__main__":
    main()
