"""``--format json`` on list, search, show, commitments and config list; long output through
a pager at a terminal (``$PAGER``, else ``less -FRX``), never when piped or with --no-pager."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from browse_support import add, rating
from cli_run import run_cli
from conftest import JOURNAL
from selfcompassion.store import JournalStore

DAY = date(2026, 11, 2)


@pytest.fixture
def run(db_path: Path):
    def invoke(*args: str):
        return run_cli("--db", str(db_path), *args)

    return invoke


def test_list_as_json(store: JournalStore, run) -> None:
    first = add(store, DAY, "I snapped at Sam in standup.", tags=("team",))
    second = add(store, date(2026, 11, 3), "A calmer day.")
    result = run("list", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["total"] == 2
    assert [e["id"] for e in data["entries"]] == [second.id, first.id]
    assert data["entries"][1]["summary"] == "I snapped at Sam in standup."
    assert data["entries"][1]["tags"] == ["team"]
    assert data["entries"][1]["journal_date"] == "2026-11-02"
    limited = json.loads(run("list", "-n", "1", "--format", "json").out)
    assert limited["total"] == 2 and len(limited["entries"]) == 1


def test_search_as_json(store: JournalStore, run) -> None:
    entry = add(store, DAY, "I snapped at Sam in standup.")
    data = json.loads(run("search", "snap", "--format", "json").out)
    assert data["query"] == "snap"
    [hit] = data["hits"]
    assert hit["id"] == entry.id and hit["matched_words"] == ["snapped"]
    assert "\x02" not in hit["snippet"] and "snapped at Sam" in hit["snippet"]
    assert isinstance(hit["score"], float)
    assert json.loads(run("search", "nothinglikethis", "--format", "json").out)["hits"] == []


def test_show_as_json_is_the_export_form(store: JournalStore, run) -> None:
    entry = add(store, DAY, "Morning pages.", extra=(rating("mood", 2),))
    [shown] = json.loads(run("show", entry.id[:6], "--format", "json").out)
    exported = json.loads(run("export").out)["entries"][0]
    assert shown == exported
    assert shown["answers"][1]["text"] == "Morning pages."


def test_config_list_and_commitments_as_json(run) -> None:
    settings = json.loads(run("config", "list", "--format", "json").out)
    assert settings["default-pack"] == {"value": "daily", "set": False}
    assert run("config", "set", "default-pack", "leader").code == 0
    settings = json.loads(run("config", "list", "--format", "json").out)
    assert settings["default-pack"] == {"value": "leader", "set": True}
    assert json.loads(run("commitments", "--format", "json").out) == []


@pytest.mark.parametrize("command", [("list",), ("search", "x"), ("config", "list")])
def test_an_unknown_format_is_one_line_and_exit_2(run, command: tuple[str, ...]) -> None:
    result = run(*command, "--format", "xml")
    assert result.code == 2
    assert result.err == "journal: unknown format 'xml'; use text or json\n"


# -- the pager ------------------------------------------------------------------------------

pexpect = pytest.importorskip("pexpect")


def _journal_with_entries(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    with JournalStore.open(db) as store:
        for day in range(1, 31):
            add(store, date(2026, 11, day), f"Entry number {day} with a few words.")
    return db


def _at_terminal(db: Path, env: dict[str, str], *args: str) -> str:
    child = pexpect.spawn(
        str(JOURNAL), ["--db", str(db), *args], env=env, encoding="utf-8", timeout=60
    )
    child.setwinsize(24, 80)
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out
    return out


@pytest.mark.pty
def test_long_output_goes_through_the_pager_only_at_a_terminal(tmp_path: Path) -> None:
    db = _journal_with_entries(tmp_path)
    paged = tmp_path / "paged.txt"
    env = dict(os.environ, NO_COLOR="1", TERM="xterm", PAGER=f"tee {paged} >/dev/null")
    _at_terminal(db, env, "list", "-n", "0")
    assert paged.read_text().count("Entry number") == 30

    paged.unlink()
    _at_terminal(db, env, "--no-pager", "list", "-n", "0")
    assert not paged.exists()

    piped = subprocess.run(
        [str(JOURNAL), "--db", str(db), "list", "-n", "0"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert piped.stdout.count("Entry number") == 30 and not paged.exists()


@pytest.mark.pty
def test_without_pager_set_less_is_used_with_frx(tmp_path: Path) -> None:
    db = _journal_with_entries(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    seen = tmp_path / "less-saw.txt"
    fake_less = bin_dir / "less"
    fake_less.write_text(f'#!/bin/sh\necho "args=$* LESS=$LESS" > {seen}\ncat >> {seen}\n')
    fake_less.chmod(0o755)
    env = dict(os.environ, NO_COLOR="1", TERM="xterm", PATH=f"{bin_dir}:{os.environ['PATH']}")
    env.pop("PAGER", None)
    env.pop("LESS", None)
    _at_terminal(db, env, "show", "2026-11-05")
    text = seen.read_text()
    assert text.startswith("args=-FRX LESS=FRX")
    assert "Entry number 5 with a few words." in text
