"""Settings: ``journal config`` round trips through settings.toml, values are checked
before they are saved, and ``journal today`` follows the default pack."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cli_run import run_cli
from conftest import fill_plan
from selfcompassion.errors import JournalError
from selfcompassion.files import paths
from selfcompassion.settings.values import (
    get_value,
    read_settings,
    set_value,
    unset_value,
    write_settings,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_round_trip(capsys: Any, monkeypatch: Any) -> None:
    file = paths.settings_file()
    run = run_cli("config", "list")
    assert (run.code, run.out) == (
        0,
        "default-pack = daily  (default)\ncountry = auto  (default)\n"
        "passphrase-keyring = no  (default)\n"
        "checkin-offer = yes  (default)\n",
    )

    run = run_cli("config", "set", "default-pack", "leader")
    assert run.code == 0, run.err
    assert run.out.startswith("default-pack = leader  (saved in ")
    assert tomllib.loads(file.read_text()) == {"default-pack": "leader"}
    assert _mode(file) == 0o600
    assert _mode(file.parent) == 0o700
    assert [p.name for p in file.parent.iterdir()] == ["settings.toml"]  # no temp file left

    assert run_cli("config", "get", "default-pack").out == "leader\n"
    listed = run_cli("config", "list").out
    assert listed == (
        "default-pack = leader\ncountry = auto  (default)\npassphrase-keyring = no  (default)\n"
        "checkin-offer = yes  (default)\n"
    )

    run = run_cli("config", "unset", "default-pack")
    assert run.out == "default-pack is back to its default: daily\n"
    assert run_cli("config", "get", "default-pack").out == "daily\n"
    run = run_cli("config", "unset", "default-pack")
    assert run.out == "default-pack was not set; its default is daily\n"


def test_today_uses_the_default_pack_unless_told_otherwise(capsys: Any, monkeypatch: Any) -> None:
    def plan_pack(*extra: str) -> str:
        run = run_cli("today", "--plan", *extra)
        assert run.code == 0, run.err
        return json.loads(run.out)["pack"]

    assert plan_pack() == "daily"
    set_value("default-pack", "leader")
    assert plan_pack() == "leader"
    assert plan_pack("--pack", "daily") == "daily"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set", "default-pack", "nope"), "default-pack: there is no prompt pack called 'nope'"),
        (("set", "default-pack", "checkin"), "default-pack: the pack 'checkin' is for journal"),
        (
            ("set", "colour", "blue"),
            "there is no setting called 'colour' "
            "(known: default-pack, country, passphrase-keyring, checkin-offer)",
        ),
        (("get", "colour"), "there is no setting called 'colour'"),
        (("unset", "colour"), "there is no setting called 'colour'"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    capsys: Any, monkeypatch: Any, args: tuple[str, ...], message: str
) -> None:
    run = run_cli("config", *args)
    assert run.code == 2
    assert message in run.err and run.err.count("\n") == 1
    assert not paths.settings_file().exists()


def test_a_user_pack_can_be_the_default_and_its_removal_is_explained(
    capsys: Any, monkeypatch: Any
) -> None:
    user_pack = paths.user_packs_dir() / "mine.toml"
    user_pack.parent.mkdir(parents=True)
    daily = Path(__file__).parents[1] / "prompts" / "daily.toml"
    user_pack.write_text(daily.read_text().replace('name = "daily"', 'name = "mine"'))
    assert set_value("default-pack", "mine") == "mine"
    user_pack.unlink()
    run = run_cli("today", "--plan")
    assert run.code == 1
    assert "there is no prompt pack called 'mine'" in run.err
    assert "journal config set default-pack NAME" in run.err


def test_today_refuses_a_pack_for_another_flow(capsys: Any, monkeypatch: Any) -> None:
    run = run_cli("today", "--plan", "--pack", "checkin")
    assert run.code == 1
    assert run.err == (
        "journal: the pack 'checkin' is for journal checkin; journal today needs a pack "
        'with flow = "today"\n'
    )


def test_keys_it_does_not_know_are_kept(tmp_path: Path) -> None:
    file = tmp_path / "settings.toml"
    file.write_text('# mine\nfuture-thing = "x\\u007fy"\nanswer = 42\nloud = true\n')
    set_value("default-pack", "leader", file)
    assert read_settings(file) == {
        "answer": 42,
        "default-pack": "leader",
        "future-thing": "x\x7fy",
        "loud": True,
    }
    assert unset_value("default-pack", file) is True
    assert get_value("default-pack", file) == "daily"


def test_a_broken_settings_file_is_one_clear_error(capsys: Any, monkeypatch: Any) -> None:
    file = paths.settings_file()
    file.parent.mkdir(parents=True)
    file.write_text("default-pack = \n")
    run = run_cli("today", "--plan")
    assert run.code == 1
    assert run.err.startswith(f"journal: {file}: the settings are not valid TOML")
    file.write_text("default-pack = 3\n")
    run = run_cli("config", "get", "default-pack")
    assert (run.code, run.err) == (
        1,
        f"journal: {file}: default-pack must be text; set it again with journal config set\n",
    )


def test_values_it_cannot_rewrite_are_refused_before_anything_changes(tmp_path: Path) -> None:
    file = tmp_path / "settings.toml"
    file.write_text("[table]\nkey = 1.5\n")
    with pytest.raises(JournalError, match="'table' holds a value journal cannot rewrite"):
        write_settings({**read_settings(file), "default-pack": "leader"}, file)
    assert file.read_text() == "[table]\nkey = 1.5\n"


def test_paths_lists_where_things_are(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    run = run_cli("--db", str(tmp_path / "x.db"), "config", "paths")
    assert run.code == 0
    assert run.out.splitlines() == [
        f"journal   {tmp_path / 'x.db'}",
        f"settings  {paths.settings_file()}",
        f"packs     {paths.user_packs_dir()}",
    ]
    assert not os.path.exists(tmp_path / "x.db")  # looking does not create the journal


def test_today_saves_with_the_default_pack(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    set_value("default-pack", "leader")
    plan = json.loads(run_cli("today", "--plan").out)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(fill_plan(plan)), encoding="utf-8")
    db = tmp_path / "j.db"
    run = run_cli("--db", str(db), "today", "--answers", str(answers))
    assert run.code == 0, run.err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind, pack FROM entries").fetchall() == [("daily", "leader")]


def test_a_missing_argument_is_a_usage_message_not_a_traceback(
    capsys: Any, monkeypatch: Any
) -> None:
    run = run_cli("config", "set", "default-pack")
    assert run.code == 2
    assert "Missing argument 'VALUE'" in run.err
    assert "Traceback" not in run.err
