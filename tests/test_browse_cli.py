"""journal list, show, edit and delete, through the real command line in process."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from browse_support import HOSTILE, add, rating, written
from cli_run import run_cli
from selfcompassion.store import JournalStore

TODAY = date.today()


@pytest.fixture
def run(db_path: Path):
    def invoke(*args: str, stdin: bytes | None = None):
        return run_cli("--db", str(db_path), *args, stdin=stdin or b"")

    return invoke


def test_list_is_newest_first_one_line_each_with_filters(store: JournalStore, run) -> None:
    old = add(store, TODAY - timedelta(days=90), "An old walk by the sea.", tags=("sea",))
    mid = add(store, TODAY - timedelta(days=3), "A mid-week note.", kind="reframe")
    new = add(store, TODAY, "Today was steady.", extra=(rating("mood", 4),))
    result = run("list")
    lines = result.out.splitlines()
    assert [line.split()[3] for line in lines] == [new.id[:8], mid.id[:8], old.id[:8]]
    assert "Today was steady." in lines[0] and "#sea" in lines[2]
    assert run("list", "--since", "last month").out.count("\n") == 2
    assert run("list", "--until", "last month").out.split()[3] == old.id[:8]
    assert run("list", "--kind", "reframe").out.split()[3] == mid.id[:8]
    assert run("list", "--tag", "#sea").out.split()[3] == old.id[:8]
    limited = run("list", "-n", "1").out.splitlines()
    assert limited[0].split()[3] == new.id[:8]
    assert "newest 1 of 3" in limited[1]


def test_list_refuses_bad_filters_kindly(run) -> None:
    for args in (
        ("--since", "someday"),
        ("--since", "today", "--until", "last year"),
        ("--tag", "!!"),
        ("--kind", "Daily Notes"),
        ("-n", "-1"),
    ):
        result = run("list", *args)
        assert result.code == 2, args
        assert result.err.startswith("journal: ") and result.err.count("\n") == 1


def test_a_kind_no_entry_has_is_named_as_a_typo(store: JournalStore, run, tmp_path: Path) -> None:
    """A kind no entry has and no flow writes gets one line naming the kinds there are,
    from list, search and export alike (and export writes no file); a kind the journal
    writes but has no entry of yet is an empty answer, not an error."""
    add(store, TODAY, "A walk by the canal.", kind="imported-note")
    target = tmp_path / "out.json"
    for kind, args in (
        ("leader", ("list", "--kind", "leader")),
        ("reframes", ("search", "canal", "--kind", "reframes")),
        ("leader", ("export", "--kind", "leader", "-o", str(target))),
    ):
        result = run(*args)
        assert result.code == 2, args
        assert result.err_lines == [
            f"journal: --kind: no entry is of kind '{kind}'; "
            "the kinds are checkin, daily, imported-note, reframe"
        ]
    assert not target.exists()
    assert "canal" in run("list", "--kind", "imported-note").out
    checkins = run("list", "--kind", "checkin")
    assert checkins.code == 0 and "No entries here yet" in checkins.out


def test_list_on_an_empty_journal_says_so_warmly(run) -> None:
    result = run("list")
    assert result.code == 0 and "No entries here yet" in result.out


def test_show_by_id_prefix_and_by_day(store: JournalStore, run) -> None:
    first = add(store, date(2026, 11, 2), "Morning pages.", hour=8)
    second = add(store, date(2026, 11, 2), "Evening pages.")
    by_id = run("show", second.id[:6])
    assert "Evening pages." in by_id.out and "Morning pages." not in by_id.out
    assert "What about step-0?" in by_id.out
    by_day = run("show", "2026-11-02")
    assert "Morning pages." in by_day.out and "Evening pages." in by_day.out
    assert first.id[:8] in by_day.out
    assert run("show", "2026-11-09").code == 2
    assert "neither an entry id nor a date" in run("show", "zzzz-not-a-thing").err


def test_an_ambiguous_id_prefix_asks_for_more(store: JournalStore, run) -> None:
    ids = ["abcd1111-0000-4000-8000-000000000000", "abcd2222-0000-4000-8000-000000000000"]
    for entry_id in ids:
        store.add_entry(
            kind="daily",
            journal_date=TODAY,
            answers=[written("a", "x")],
            now=__import__("datetime").datetime.now().astimezone(),
            entry_id=entry_id,
        )
    result = run("show", "abcd")
    assert result.code == 2 and "more than one entry" in result.err
    assert "abcd1111" in run("show", "abcd1").out


def test_show_includes_what_belongs_to_the_entry(store: JournalStore, run) -> None:
    entry = add(store, TODAY, "I always get it wrong.", kind="reframe")
    with store.writing() as conn:
        conn.execute("INSERT INTO entry_traps VALUES (?, 'all-or-nothing', 'always')", [entry.id])
        conn.execute(
            "INSERT INTO commitments (id, entry_id, text, due_date, created_at, updated_at) "
            "VALUES ('c0000000-0000-4000-8000-000000000001', ?, 'Ask for help early', "
            "'2026-12-01', '2026-11-01T10:00:00+00:00', '2026-11-01T10:00:00+00:00')",
            [entry.id],
        )
    out = run("show", entry.id[:8]).out
    assert "Thinking patterns noticed: All-or-nothing thinking" in out
    assert "Commitment (open, due 2026-12-01): Ask for help early" in out


def test_hostile_text_is_inert_in_list_and_show(store: JournalStore, run) -> None:
    add(store, TODAY, HOSTILE, extra=(written("p", "x", kind="text", prompt=f"Ask {HOSTILE}"),))
    for args in (("list",), ("show", "today")):
        out = run(*args).out
        assert "[red]alarm[/red]" in out
        assert not any(c in out for c in "\x1b\x07\x9b"), args


def test_delete_with_yes_removes_the_entry_and_what_belongs_to_it(store: JournalStore, run) -> None:
    keep = add(store, TODAY, "keep me")
    gone = add(store, TODAY, "let me go #letgo")
    with store.writing() as conn:
        conn.execute(
            "INSERT INTO commitments (id, entry_id, text, due_date, created_at, updated_at) "
            "VALUES ('c0000000-0000-4000-8000-000000000000', ?, 'rest', '2026-12-01', "
            "'2026-11-01T10:00:00+00:00', '2026-11-01T10:00:00+00:00')",
            [gone.id],
        )
    result = run("delete", gone.id[:8], "--yes")
    assert result.code == 0 and "Deleted the entry from today" in result.out
    assert store.get_entry(gone.id) is None and store.get_entry(keep.id) is not None
    for table in ("answers", "tags", "commitments", "search_docs"):
        sql = f"SELECT count(*) FROM {table} WHERE entry_id = ?"  # noqa: S608
        assert store.conn.execute(sql, [gone.id]).fetchone()[0] == 0, table


def test_delete_without_a_terminal_or_yes_refuses_and_keeps_the_entry(
    store: JournalStore, run
) -> None:
    entry = add(store, TODAY, "still here")
    result = run("delete", entry.id[:8])
    assert result.code == 2 and "--yes" in result.err
    assert store.get_entry(entry.id) is not None


@pytest.mark.parametrize(
    ("words", "advice"),
    [(["delete"], "add --yes"), (["edit", "--step", "present"], "without --step")],
)
def test_without_a_terminal_the_advice_names_only_options_the_command_has(
    store: JournalStore, run, words: list[str], advice: str
) -> None:
    entry = add(store, TODAY, "still here")
    result = run(words[0], entry.id[:8], *words[1:])
    assert result.code == 2 and len(result.err_lines) == 1, result.err
    assert advice in result.err
    assert "--answers" not in result.err and "--plan" not in result.err


def test_delete_asks_at_a_terminal_and_no_keeps_the_entry(
    store: JournalStore, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    entry = add(store, TODAY, "ask me first")
    monkeypatch.setattr(
        "selfcompassion.flows.asking.require_terminal", lambda command, instead=None: None
    )
    for keys, kept in (("n", True), ("y", False)):
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(keys)
            result = run("delete", entry.id[:8])
        assert result.code == 0
        assert (store.get_entry(entry.id) is not None) is kept


FAKE_EDITOR = """
import json, os, stat, sys
path = sys.argv[-1]
mode = stat.S_IMODE(os.stat(path).st_mode)
text = open(path, encoding="utf-8").read()
json.dump({"path": path, "mode": mode, "text": text}, open(sys.argv[1], "w"))
text = text.replace("A plain day.", "A plain day, and a kind word after all. #grateful")
text = text.replace("Remove this sentence.", "")
open(path, "w", encoding="utf-8").write(text)
"""


def test_edit_in_the_editor_uses_a_private_temp_file_and_saves_changes(
    store: JournalStore, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = add(store, TODAY, "A plain day.", "Remove this sentence.", extra=(rating("mood", 2),))
    script = tmp_path / "fake editor.py"
    script.write_text(FAKE_EDITOR)
    report = tmp_path / "report.json"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"'{sys.executable}' '{script}' '{report}'")
    result = run("edit", entry.id[:8])
    assert result.code == 0, result.err
    assert "Saved the changes" in result.out
    seen = json.loads(report.read_text())
    assert seen["mode"] == 0o600
    assert not os.path.exists(seen["path"])
    assert "What about step-0?" in seen["text"] and "mood (2)" in seen["text"]
    saved = store.get_entry(entry.id)
    assert saved is not None
    assert [a.step_id for a in saved.answers] == ["mood", "step-0"]
    assert saved.answers[1].text == "A plain day, and a kind word after all. #grateful"
    assert saved.tags == ("grateful",)
    assert saved.updated_at != entry.updated_at and saved.created_at == entry.created_at


def test_edit_that_changes_nothing_says_so_and_a_failing_editor_changes_nothing(
    store: JournalStore, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = add(store, TODAY, "Leave me be.")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "true")
    assert "Nothing changed" in run("edit", entry.id[:8]).out
    monkeypatch.setenv("EDITOR", "false")
    failed = run("edit", entry.id[:8])
    assert failed.code == 2 and "nothing changed" in failed.err
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere --wait")
    assert "was not found" in run("edit", entry.id[:8]).err
    monkeypatch.delenv("EDITOR")
    assert "$VISUAL or $EDITOR" in run("edit", entry.id[:8]).err
    assert store.get_entry(entry.id) == entry
    assert list(temp.iterdir()) == []  # every temporary file was removed, even on failure


def test_the_editor_command_is_never_run_through_a_shell(
    store: JournalStore, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = add(store, TODAY, "Safe.")
    marker = tmp_path / "pwned"
    monkeypatch.setenv("VISUAL", f"true; touch {marker}")
    result = run("edit", entry.id[:8])
    assert result.code == 2  # "true;" is not a program: the text was not given to a shell
    assert not marker.exists()


def test_edit_tags_without_an_editor(store: JournalStore, run) -> None:
    entry = add(store, TODAY, "Plain words.", tags=("old",))
    assert run("edit", entry.id[:8], "--tag", "new", "--untag", "old").code == 0
    saved = store.get_entry(entry.id)
    assert saved is not None and saved.tags == ("new",)


@pytest.mark.parametrize("words", [["edit", "{id}", "--tag"], ["edit", "{id}", "--untag"]])
@pytest.mark.parametrize("bad", ["[red]x[/red]", "two words", "#"])
def test_a_tag_option_that_is_not_a_tag_is_refused_not_left_out(
    store: JournalStore, run, tmp_path: Path, words: list[str], bad: str
) -> None:
    entry = add(store, TODAY, "Plain words.", tags=("old",))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"intention": "rest"}))
    for args in (
        [word.format(id=entry.id[:8]) for word in words],
        ["today", "--answers", str(answers), "--tag"],
        ["reframe", "--answers", str(answers), "--tag"],
    ):
        result = run(*args, bad)
        assert result.code == 2, (args, result)
        option = args[-1]
        assert result.err_lines == [f"journal: {option}: '{bad}' is not a tag (a word, like #work)"]
    assert store.count_entries() == 1
    saved = store.get_entry(entry.id)
    assert saved is not None and saved.tags == ("old",)


def test_edit_step_re_asks_one_step_with_questionary(
    store: JournalStore, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    entry = add(store, TODAY, "Words stay.", extra=(rating("mood", 2),))
    monkeypatch.setattr(
        "selfcompassion.flows.asking.require_terminal", lambda command, instead=None: None
    )
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("\x15Feeling lighter now\r")  # Ctrl-U clears the earlier words
        result = run("edit", entry.id[:8], "--step", "step-0")
    assert result.code == 0, result.err
    saved = store.get_entry(entry.id)
    assert saved is not None
    assert saved.answer("step-0").text == "Feeling lighter now"
    assert saved.answer("mood").value == 2
    assert "no answer for 'nope'" in run("edit", entry.id[:8], "--step", "nope").err
