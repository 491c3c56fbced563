"""Side by side with jrnl: the same entries, the same questions, whole processes.

jrnl is installed from PyPI into its own environment (``bench/.venv-jrnl``, git-ignored,
made on first use) and configured through its own config file in a temp dir: HOME,
XDG_CONFIG_HOME and XDG_DATA_HOME all point there, so no real home is touched. Its journals
are plain text (no encryption, no editor), written directly in jrnl's file format and read
back by jrnl once to prove the format. The selfcompassion journals hold the same entries,
built by ``journal import`` of the project's own JSON (see journals.py).

For each size (1,000, 10,000 and 100,000 entries) both tools answer the same six requests;
the table gives medians, peak memory and jrnl's time divided by ours. jrnl grows slow with
size, so at 100,000 entries a request slower than 2 s is timed 3 times instead of 5, and one
slower than the timeout (60 s) is stopped and reported as timed out.

Run: ``python bench/jrnl_compare.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journals import (  # noqa: E402
    ensure_journal,
    journal_env,
    journal_script,
    today_steps,
    write_jrnl_file,
)
from measure import Timing, machine_line, markdown_table, measure_group, standalone  # noqa: E402
from samples import RARE_TAG, SEARCH_WORD, entries  # noqa: E402

JRNL_VENV = HERE / ".venv-jrnl"
SIZES = (1_000, 10_000, 100_000)
#: jrnl / selfcompassion time ratios asked for, by size and by kind of request.
TARGETS = {10_000: {"read": 3.0, "export": 10.0, "add": 10.0}, 100_000: {"read": 15.0, "add": 50.0}}
ADD_TEXT = (
    "A slow start to the day. The meeting ran long but I stayed calm, took a short walk "
    "after lunch and noticed that the project moved forward a little. I was hard on myself "
    "about an email and then softened it. Tomorrow I would like to take one real break in "
    "the afternoon and speak to myself the way I would to a friend. @work"
)


@dataclass(frozen=True)
class Request:
    name: str
    kind: str  # read, export or add
    jrnl: tuple[str, ...]
    ours: tuple[str, ...]


def requests(today: date, answers: Path) -> list[Request]:
    since, until = (today - timedelta(days=30)).isoformat(), (today - timedelta(days=1)).isoformat()
    return [
        Request("last 10 entries", "read", ("-n", "10"), ("list", "-n", "10")),
        Request("tag filter", "read", (f"@{RARE_TAG}",), ("list", "--tag", RARE_TAG)),
        Request(
            "date range (30 days)",
            "read",
            ("-from", since, "-to", until),
            ("list", "--since", since, "--until", until),
        ),
        Request("full-text search", "read", ("-contains", SEARCH_WORD), ("search", SEARCH_WORD)),
        Request("export to json", "export", ("--export", "json"), ("export", "--format", "json")),
        Request("add one entry", "add", (ADD_TEXT,), ("today", "--answers", str(answers))),
    ]


# -- jrnl's own environment ------------------------------------------------------------


def jrnl_exe() -> Path:
    """jrnl from PyPI in bench/.venv-jrnl, installed there on first use."""
    exe = JRNL_VENV / "bin" / "jrnl"
    if not exe.exists():
        print("installing jrnl into bench/.venv-jrnl ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run(
            [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "jrnl"],
            check=True,
        )
    return exe


def jrnl_version(exe: Path, env: dict[str, str]) -> str:
    out = subprocess.run([str(exe), "--version"], env=env, capture_output=True, text=True)
    return out.stdout.split()[1].lstrip("v")  # "jrnl v4.6" -> "4.6"


def jrnl_env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[key] = str(root / key.lower())
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    env.pop("JRNL_CONFIG", None)
    env.update(NO_COLOR="1", COLUMNS="100")
    return env


def write_jrnl_config(env: dict[str, str], journals: dict[str, Path], version: str) -> None:
    """jrnl's YAML config: plain-text journals, no encryption, no editor, no colour."""
    lines = [
        "colors:",
        *(f"  {part}: none" for part in ("body", "date", "tags", "title")),
        "default_hour: 9",
        "default_minute: 0",
        "editor: ''",
        "encrypt: false",
        "highlight: false",
        "indent_character: '|'",
        "journals:",
        "  default:",
        f"    journal: {next(iter(journals.values()))}",
    ]
    for name, path in journals.items():
        lines += [f"  {name}:", f"    journal: {path}"]
    lines += [
        "linewrap: 79",
        "tagsymbols: '#@'",
        "template: false",
        "timeformat: '%F %r'",
        f"version: '{version}'",
    ]
    config = Path(env["XDG_CONFIG_HOME"]) / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_jrnl_reads(exe: Path, env: dict[str, str], name: str, count: int) -> None:
    """jrnl reads back exactly the entries and tags that were written."""
    out = subprocess.run(
        [str(exe), name, "--export", "json"], env=env, capture_output=True, text=True, check=True
    )
    exported = json.loads(out.stdout)
    written = list(entries(count))
    if len(exported["entries"]) != count:
        raise RuntimeError(f"jrnl read {len(exported['entries'])} entries of {count}")
    expected_tags: dict[str, int] = {}
    for entry in written:
        for tag in entry.tags:
            expected_tags[f"@{tag}"] = expected_tags.get(f"@{tag}", 0) + 1
    if exported["tags"] != expected_tags:
        raise RuntimeError(f"jrnl read tags {exported['tags']}, expected {expected_tags}")
    first, title = exported["entries"][0], written[0].jrnl_text()[0]
    if (first["date"], first["title"]) != (written[0].journal_date.isoformat(), title):
        raise RuntimeError(f"jrnl read the first entry as {first['date']} {first['title']!r}")


# -- our side --------------------------------------------------------------------------


def answers_file(folder: Path, db: Path, env: dict[str, str]) -> Path:
    """Answers for today's plan: ratings and about a hundred words of text."""
    steps = today_steps(db, env)
    texts = [step for step in steps if step["kind"] in ("text", "long_text")]
    words = ADD_TEXT.replace("@work", "#work").split()
    share = math.ceil(len(words) / max(len(texts), 1))
    answers: dict[str, object] = {}
    for step in steps:
        if step["kind"] == "scale":
            answers[step["id"]] = (step["min"] + step["max"]) // 2
    for index, step in enumerate(texts):
        answers[step["id"]] = " ".join(words[index * share : (index + 1) * share]) or "calm"
    path = folder / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


def ours_available(args: tuple[str, ...], db: Path, env: dict[str, str]) -> bool:
    result = subprocess.run(
        [str(journal_script()), "--db", str(db), args[0], "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and all(
        option in result.stdout for option in args[1:] if option.startswith("-")
    )


# -- the table -------------------------------------------------------------------------


def ratio_text(theirs: Timing, ours: Timing) -> tuple[str, float | None]:
    """jrnl's time over ours; a lower bound (">") when jrnl timed out."""
    assert ours.median is not None
    if theirs.timed_out_after is not None:
        bound = theirs.timed_out_after / ours.median
        return f">{bound:.0f}", bound
    assert theirs.median is not None
    ratio = theirs.median / ours.median
    return (f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.1f}"), ratio


def compare_size(
    size: int,
    workdir: Path,
    exe: Path,
    env: dict[str, str],
    *,
    runs: int,
    timeout: float,
    today: date,
) -> list[list[str]]:
    db, _ = ensure_journal(workdir, size)
    ours_env = journal_env(db, workdir / "home")
    answers = answers_file(workdir, db, ours_env)
    slow_after = 2.0 if size >= 100_000 else math.inf
    rows = []
    for request in requests(today, answers):
        theirs_cmd = [str(exe), f"j{size}", *request.jrnl]
        ours_cmd = [str(journal_script()), "--db", str(db), *request.ours]
        (theirs,) = measure_group(
            [theirs_cmd], env, runs=runs, timeout=timeout, slow_after=slow_after
        )
        ours = None
        if ours_available(request.ours, db, ours_env):
            (ours,) = measure_group([ours_cmd], ours_env, runs=runs, timeout=timeout)
        target = TARGETS.get(size, {}).get(request.kind)
        shown_target = f">= {target:.0f}x" if target else ""
        if ours is None:
            ratio, met = "", ""
            ours_cells = ["not available", "", ""]
        else:
            ratio, value = ratio_text(theirs, ours)
            met = "" if target is None else ("yes" if value and value >= target else "**no**")
            ours_cells = [ours.time_text(), ours.memory_text(), ours.runs_text()]
        rows.append(
            [
                f"{size:,}",
                request.name,
                theirs.time_text(),
                theirs.memory_text(),
                theirs.runs_text(),
                *ours_cells,
                ratio,
                shown_target,
                met,
            ]
        )
        print(" | ".join(rows[-1]), file=sys.stderr)
    return rows


HEADER = [
    "entries",
    "request",
    "jrnl",
    "jrnl memory",
    "jrnl runs",
    "selfcompassion",
    "memory",
    "runs",
    "jrnl / ours",
    "target",
    "met",
]


def run(
    workdir: Path,
    *,
    sizes: tuple[int, ...],
    runs: int,
    timeout: float,
    exe: Path | None = None,
) -> tuple[str, bool]:
    today = date.today()
    exe = exe or jrnl_exe()
    env = jrnl_env(workdir / "jrnl-home")
    names = {f"j{size}": workdir / f"jrnl-{size}.txt" for size in sizes}
    write_jrnl_config(env, names, jrnl_version(exe, env))
    for size in sizes:
        write_jrnl_file(entries(size), names[f"j{size}"])
    check_jrnl_reads(exe, env, f"j{min(sizes)}", min(sizes))
    rows: list[list[str]] = []
    for size in sizes:
        rows += compare_size(size, workdir, exe, env, runs=runs, timeout=timeout, today=today)
    text = (
        f"## Side by side with jrnl\n\n{machine_line()}, jrnl {jrnl_version(exe, env)}.\n"
        f"Medians of whole processes; ratio = jrnl's median / selfcompassion's median.\n\n"
        f"{markdown_table(HEADER, rows)}\n"
    )
    return text, all(row[-1] != "**no**" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per jrnl run")
    parser.add_argument("--jrnl", type=Path, help="a jrnl to use instead of bench/.venv-jrnl")
    return standalone(
        "jrnl-compare.md",
        parser,
        argv,
        lambda w, a: run(w, sizes=tuple(a.sizes), runs=a.runs, timeout=a.timeout, exe=a.jrnl),
    )


if __name__ == "__main__":
    sys.exit(main())
