"""``journal today`` end to end through the real exit point, with scripted answers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import fill_plan, run_cli, write_json
from selfcompassion import __version__


def _plan(*extra: str) -> dict:
    result = run_cli("today", "--plan", *extra)
    assert result.code == 0, result.err
    return result.json()


def _entries(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, kind, journal_date FROM entries ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_version_and_help() -> None:
    assert run_cli("--version").out.strip() == f"journal (selfcompassion) {__version__}"
    result = run_cli("--help")
    assert result.code == 0
    assert "today" in result.out and "prompts" in result.out


def test_plan_lists_every_step_a_script_needs() -> None:
    plan = _plan("--date", "2026-11-19")
    assert plan["date"] == "2026-11-19" and plan["pack"] == "daily"
    ids = [step["id"] for step in plan["steps"]]
    assert ids[:3] == ["mood", "kindness", "present"]
    assert ids[-2:] == ["intention", "intention_date"]  # the intention can be given a day
    assert 2 <= len(ids) - 5 <= 3
    mood = plan["steps"][0]
    assert (mood["kind"], mood["min"], mood["max"], mood["required"]) == ("scale", 1, 5, False)
    assert plan["steps"][-2]["required"] is True
    assert plan["steps"][-1]["required"] is False


def test_filled_plan_is_saved_with_the_exact_prompts(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    plan = _plan("--date", "3 days ago")
    answers = fill_plan(plan) | {"present": "tired but here #Work"}
    result = run_cli(
        "--db", str(db), "today", "--date", "3 days ago", "--answers",
        str(write_json(tmp_path / "a.json", answers)), "--tag", "team",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Saved" in result.out
    [(entry_id, kind, day)] = _entries(db)
    assert (kind, day) == ("daily", plan["date"])
    conn = sqlite3.connect(db)
    stored = dict(
        conn.execute("SELECT step_id, prompt FROM answers WHERE entry_id = ?", [entry_id])
    )
    tags = {t for (t,) in conn.execute("SELECT tag FROM tags")}
    conn.close()
    assert stored == {s["id"]: s["prompt"] for s in plan["steps"] if s["id"] in answers}
    assert tags == {"work", "team"}


def test_only_required_answers_are_needed(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    result = run_cli("--db", str(db), "today", "--answers", "-", stdin='{"intention": "rest"}')
    assert result.code == 0, result.err
    assert len(_entries(db)) == 1


def test_second_scripted_run_adds_another_entry(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    for _ in range(2):
        assert (
            run_cli("--db", str(db), "today", "--answers", "-", stdin='{"intention": "x"}').code
            == 0
        )
    assert len(_entries(db)) == 2


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"mood": 9, "intention": "x"}, "step 'mood': 9 is outside 1 to 5"),
        ({"mood": "high", "intention": "x"}, "step 'mood'"),
        ({"mood": True, "intention": "x"}, "step 'mood'"),
        ({}, "step 'intention': this step needs an answer"),
        ({"intention": "   "}, "step 'intention': this step needs an answer"),
        ({"intention": 42}, "step 'intention': expected text"),
        ({"intention": "x", "unknown": "y"}, "step 'unknown': no such step"),
        ({"intention": "x\u0000y"}, "NUL"),
        ({"intention": "x" * 20_001}, "the limit is 20,000"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_bad_answers_name_the_step_and_save_nothing(tmp_path: Path, answers, message) -> None:
    db = tmp_path / "j.db"
    result = run_cli("--db", str(db), "today", "--answers", "-", stdin=json.dumps(answers))
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert not db.exists() or _entries(db) == []


@pytest.mark.parametrize(
    ("stdin", "message"),
    [(b"{not json", "not valid JSON"), (b"\xff\xfe{}", "not UTF-8"), (b"[" * 100_000, "nested")],
)
def test_unreadable_answers_are_refused(stdin: bytes, message: str) -> None:
    result = run_cli("today", "--answers", "-", stdin=stdin)
    assert result.code == 2 and message in result.err


def test_missing_answers_file(tmp_path: Path) -> None:
    result = run_cli("today", "--answers", str(tmp_path / "nope.json"))
    assert result.code == 2 and "no such answers file" in result.err


@pytest.mark.parametrize(
    ("text", "message"), [("tomorrow", "in the future"), ("someday soon", "not a date I can read")]
)
def test_bad_dates_are_clear(text: str, message: str) -> None:
    result = run_cli("today", "--date", text, "--plan")
    assert result.code == 2 and message in result.err


def test_without_a_terminal_it_says_so_and_exits() -> None:
    result = run_cli("today")
    assert result.code == 2
    assert "terminal" in result.err and "--answers" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_corrupt_journal_is_one_clear_line(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    db.write_bytes(b"this is not a database at all" * 50)
    result = run_cli("--db", str(db), "today", "--answers", "-", stdin='{"intention": "x"}')
    assert result.code == 1
    assert str(db) in result.err and "Traceback" not in result.err
    assert db.read_bytes() == b"this is not a database at all" * 50


def test_env_variable_and_option_choose_the_journal(tmp_path: Path, monkeypatch) -> None:
    by_env, by_option = tmp_path / "env.db", tmp_path / "option.db"
    monkeypatch.setenv("SELFCOMPASSION_DB", str(by_env))
    assert run_cli("today", "--answers", "-", stdin='{"intention": "x"}').code == 0
    assert (
        run_cli("--db", str(by_option), "today", "--answers", "-", stdin='{"intention": "y"}').code
        == 0
    )
    assert len(_entries(by_env)) == 1 and len(_entries(by_option)) == 1


def test_default_journal_lives_in_the_private_data_folder(private_home: Path) -> None:
    assert run_cli("today", "--answers", "-", stdin='{"intention": "x"}').code == 0
    path = private_home / "data" / "journal.db"
    assert path.exists() and oct(path.stat().st_mode & 0o777) == "0o600"


def test_prompts_list_and_show() -> None:
    listing = run_cli("prompts", "list")
    assert listing.code == 0 and "daily" in listing.out and "leader" in listing.out
    shown = run_cli("prompts", "show", "daily", "--format", "json")
    assert shown.code == 0 and len(shown.json()["prompts"]) >= 20
    missing = run_cli("prompts", "show", "nope")
    assert missing.code == 1 and "no prompt pack called 'nope'" in missing.err


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "selfcompassion", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and __version__ in out.stdout


def test_an_unexpected_failure_is_one_line_unless_debugging(monkeypatch) -> None:
    from selfcompassion.packs import loader as packs

    def broken() -> dict:
        raise RuntimeError("a bug")

    monkeypatch.setattr(packs, "pack_files", broken)
    result = run_cli("prompts", "list")
    assert result.code == 1
    assert "RuntimeError" in result.err and "--debug" in result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    with pytest.raises(RuntimeError):
        run_cli("--debug", "prompts", "list")


def test_a_plan_creates_no_journal_and_no_terminal_creates_none_either(tmp_path: Path) -> None:
    db = tmp_path / "new" / "journal.db"
    assert run_cli("--db", str(db), "today", "--plan").code == 0
    assert run_cli("--db", str(db), "today").code == 2
    assert not db.exists() and not db.parent.exists()
