"""``journal prompts check FILE``: the shipped packs' schema check for any pack file, with
advice a pack author needs, and exit 0 (usable) or 1 (not usable, or --strict warnings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cli_run import run_cli
from selfcompassion.packs.loader import shipped_dir

GOOD = """\
[pack]
name = "{name}"
title = "Short"
description = "A small pack."
flow = "today"

[[steps]]
id = "reflection"
kind = "draw"
count = 2
prompt = "Reflections"

[[steps]]
id = "intention"
kind = "text"
prompt = "What would you like to carry into tomorrow?"
required = true
{extra}
"""


def _prompts(count: int) -> str:
    return "".join(
        f'\n[[prompts]]\nid = "p{n}"\ntheme = "t{n % 3}"\nprompt = "Question number {n}?"\n'
        for n in range(count)
    )


def _write(tmp_path: Path, text: str, name: str = "short.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["daily", "leader", "checkin"])
def test_shipped_packs_pass_without_warnings(capsys: Any, monkeypatch: Any, name: str) -> None:
    path = shipped_dir() / f"{name}.toml"
    run = run_cli("prompts", "check", str(path), "--strict")
    assert run.code == 0, run.err
    assert run.out.startswith(f"{path}: ok: pack '{name}'")
    assert "warning" not in run.out


def test_a_good_pack_says_what_it_holds(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD.format(name="short", extra=_prompts(14)))
    run = run_cli("prompts", "check", str(path))
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        f"{path}: ok: pack 'short' for journal today, 2 steps, 14 prompts in 3 themes, "
        "no prompt repeats for 7 days\n"
    )


def test_warnings_for_the_author(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    long = "Is this a question that goes on and on, " * 3 + "and still wants an answer?"
    extra = _prompts(5) + (
        f'\n[[prompts]]\nid = "long"\ntheme = "t0"\nprompt = "{long}"\n'
        '\n[[prompts]]\nid = "again"\ntheme = "t1"\nprompt = "question NUMBER 1?"\n'
    )
    path = _write(tmp_path, GOOD.format(name="other-name", extra=extra))
    run = run_cli("prompts", "check", str(path))
    assert run.code == 0
    assert run.out.splitlines()[1:] == [
        f"{path}: warning: the file is called 'short.toml' but the pack is named "
        "'other-name'; journal finds packs by file name, so call the file 'other-name.toml'",
        f"{path}: warning: step 'reflection' draws 2 a day from 7 prompts, so prompts come "
        "back after 3 day(s); 14 or more keep a whole week fresh",
        f"{path}: warning: 'long' is {len(long)} characters; under 140 reads more easily at a "
        "terminal",
        f"{path}: warning: 'again' repeats the wording of 'p1'",
    ]
    strict = run_cli("prompts", "check", str(path), "--strict")
    assert strict.code == 1
    assert strict.out == run.out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[pack\n", "is not valid TOML"),
        (GOOD.format(name="short", extra="colour = 1"), "steps[1].colour: unknown key"),
        (GOOD.format(name="short", extra=""), "prompts: a 'draw' step needs [[prompts]]"),
        (
            GOOD.format(name="short", extra=_prompts(3)).replace('flow = "today"', 'flow = "x"'),
            "pack.flow: must be one of today, reframe, checkin",
        ),
        (
            GOOD.format(name="short", extra='\n[[prompts]]\nid = "p"\nprompt = "No theme?"\n'),
            "prompts[0] ('p').theme: every prompt in [[prompts]] needs a theme",
        ),
        (
            GOOD.format(name="short", extra=_prompts(3) + _prompts(2)),
            "id 'p0' is used more than once",
        ),
    ],
)
def test_a_broken_pack_is_one_line_naming_the_file_and_key(
    capsys: Any, monkeypatch: Any, tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path, text)
    run = run_cli("prompts", "check", str(path))
    assert run.code == 1
    assert run.out == ""
    assert run.err.startswith(f"journal: {path}: ")
    assert message in run.err
    assert run.err.count("\n") == 1


def test_a_checkin_pack_needs_components(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    text = (shipped_dir() / "checkin.toml").read_text()
    broken = text.replace('component = "mindfulness"', 'component = "calm"', 1)
    path = _write(tmp_path, broken, "checkin.toml")
    run = run_cli("prompts", "check", str(path))
    assert run.code == 1
    assert "('name-the-stress').component: a rated statement needs one of" in run.err


def test_a_missing_file(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    run = run_cli("prompts", "check", str(tmp_path / "none.toml"))
    assert run.code == 1
    assert (
        run.err
        == f"journal: {tmp_path / 'none.toml'}: cannot be read (No such file or directory)\n"
    )
