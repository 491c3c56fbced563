"""Prompt packs: shipped packs load, broken ones are named precisely, rotation is fair."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from selfcompassion.errors import PackError
from selfcompassion.flows.today import plan_today
from selfcompassion.packs import loader as packs

GOOD = """
[pack]
name = "mine"
title = "Mine"
description = "A small pack."
flow = "today"

[[steps]]
id = "mood"
kind = "scale"
prompt = "How are you?"
min = 1
max = 5
labels = { "1" = "low", "5" = "high" }

[[steps]]
id = "reflection"
kind = "draw"
prompt = "Prompts"
count = 2

[[prompts]]
id = "a"
theme = "one"
prompt = "First?"

[[prompts]]
id = "b"
theme = "two"
prompt = "Second?"
"""


def test_every_shipped_pack_loads() -> None:
    files = packs.pack_files()
    assert {"daily", "leader", "checkin"} <= set(files)
    for path in files.values():
        pack = packs.load_pack_file(path)
        assert pack.name == path.stem


def test_daily_pack_has_twenty_themed_prompts_and_a_week_without_repeats() -> None:
    daily = packs.load_pack("daily")
    assert len(daily.prompts) >= 20
    assert all(prompt.theme for prompt in daily.prompts)
    draw = next(step for step in daily.steps if step.kind == "draw")
    assert 2 <= draw.count <= 3
    assert packs.days_without_repeat(daily, draw.count) >= 7


@pytest.mark.parametrize("start", [date(2026, 11, 22), date(2027, 2, 26), date(2028, 12, 28)])
def test_rotation_never_repeats_within_a_week_and_is_stable(start: date) -> None:
    daily = packs.load_pack("daily")
    seen: list[str] = []
    for offset in range(7):
        plan = plan_today(daily, start + timedelta(days=offset))
        pool = {prompt.id for prompt in daily.prompts}
        drawn = [s.id for s in plan.steps if s.id in pool]
        assert len(drawn) >= 2
        seen += drawn
        assert plan == plan_today(daily, start + timedelta(days=offset))
    assert len(seen) == len(set(seen))


def test_rotation_spreads_themes_within_a_day() -> None:
    daily = packs.load_pack("daily")
    for offset in range(30):
        day = date(2026, 1, 1) + timedelta(offset)
        themes = [s.theme for s in packs.draw_prompts(daily, day, 3)]
        assert len(set(themes)) == len(themes)


def test_user_pack_shadows_a_shipped_one(private_home: Path) -> None:
    folder = private_home / "config" / "packs"
    folder.mkdir(parents=True)
    (folder / "daily.toml").write_text(GOOD.replace('"mine"', '"daily"'))
    assert packs.load_pack("daily").title == "Mine"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (('name = "mine"', 'name = "Mine Pack"'), "pack.name"),
        (('flow = "today"', 'flow = "tomorrow"'), "pack.flow"),
        (("min = 1", "min = 9"), "'mood').max"),
        (('kind = "scale"', 'kind = "slider"'), "'mood').kind"),
        (('theme = "two"\n', ""), "prompts[1] ('b').theme"),
        (('prompt = "First?"', 'prompt = "' + "x" * 200 + '"'), "'a').prompt"),
        (("count = 2", "count = 0"), "'reflection').count"),
        (('labels = { "1" = "low", "5" = "high" }', 'labels = { "7" = "x" }'), "labels.7"),
        (('id = "b"', 'id = "a"'), "id 'a' is used more than once"),
        (('title = "Mine"', 'title = "Mine"\ncolour = "blue"'), "pack.colour: unknown key"),
    ],
)
def test_broken_packs_name_the_file_and_key(tmp_path: Path, change: tuple[str, str], where: str):
    path = tmp_path / "mine.toml"
    path.write_text(GOOD.replace(*change, 1))
    with pytest.raises(PackError) as raised:
        packs.load_pack_file(path)
    assert str(path) in raised.value.message
    assert where in raised.value.message


def test_invalid_toml_and_unknown_pack_are_clear(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[pack\nname=")
    with pytest.raises(PackError, match="not valid TOML"):
        packs.load_pack_file(path)
    with pytest.raises(PackError, match="no prompt pack called 'nope'"):
        packs.load_pack("nope")


@pytest.mark.slow
def test_a_built_wheel_carries_the_packs(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(root)],
        check=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("selfcompassion-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert "selfcompassion/prompts/daily.toml" in names
    # The crisis check's model, its licence notice and the models' vocabulary ship too.
    for name in ("care/model/crisis_minilm.npz", "care/model/NOTICE", "language/model/vocab.txt"):
        assert f"selfcompassion/{name}" in names
    code = (
        "import selfcompassion.packs.loader as p, sys; "
        "print(p.shipped_dir()); print(len(p.load_pack('daily').prompts))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(tmp_path / "site"), "SELFCOMPASSION_HOME": str(tmp_path / "h")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert out[0].startswith(str(tmp_path / "site"))
    assert int(out[1]) >= 20
    # The thinking-trap model ships too, and is read from the installed package.
    assert {
        "selfcompassion/traps/model/traps_minilm.npz",
        "selfcompassion/traps/model/NOTICE",
    } <= set(names)
    code = (
        "from selfcompassion.traps import learned; print(learned.WEIGHTS); "
        "print(learned.scores('Passed the swimming test, but the coach was kind.').ticked())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert out[0].startswith(str(tmp_path / "site"))
    assert out[1] == "['discounting-positive']"
