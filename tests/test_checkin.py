"""``journal checkin``: scoring with exact numbers, scripted and interactive runs, drafts,
bad answers, and the scores saved with the entry in one transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_run import run_cli
from conftest import fill_plan, fixed_clock, write_json
from keys import CTRL_C, DOWN, ENTER
from keys import keyboard as keys
from selfcompassion.entries.scoring import score_checkin
from selfcompassion.errors import FlowInterrupted, StorageError
from selfcompassion.flows.asking import QuestionaryAsker, ScriptedAsker
from selfcompassion.flows.checkin import checkin_session, plan_checkin, run_checkin
from selfcompassion.packs.loader import load_pack
from selfcompassion.render import make_console
from selfcompassion.render.checkin import checkin_summary, reflection_line
from selfcompassion.store import JournalStore

DAY = date(2026, 11, 22)  # a Sunday, in ISO week 2026-W47

# Every statement answered. Reversed ones (the harder sides) count as 6 - x.
ALL_RATED = {
    "colleague-voice": 4,  # self-kindness
    "allowed-a-break": 5,  # self-kindness
    "replay-and-scold": 2,  # self-judgment: counts 4
    "unfair-standard": 1,  # self-judgment: counts 5   -> self-kindness (4+5+4+5)/4 = 4.5
    "same-boat": 3,  # common humanity
    "ordinary-setback": 2,  # common humanity
    "kept-it-to-myself": 4,  # isolation: counts 2
    "out-of-step": 5,  # isolation: counts 1       -> common humanity (3+2+2+1)/4 = 2.0
    "name-the-stress": 3,  # mindfulness
    "real-size": 4,  # mindfulness
    "one-moment-colours-all": 3,  # over-identification: counts 3
    "circling-thoughts": 4,  # over-identification: counts 2 -> mindfulness (3+4+3+2)/4 = 3.0
}
# Some skipped: skipped statements are left out of every mean.
SOME_SKIPPED = {
    "colleague-voice": 4,
    "replay-and-scold": 2,  # counts 4
    "unfair-standard": 1,  # counts 5                  -> self-kindness 13/3
    "same-boat": 3,
    "ordinary-setback": 2,
    "kept-it-to-myself": 4,  # counts 2               -> common humanity 7/3
    "circling-thoughts": 5,  # counts 1               -> mindfulness 1.0
    "note": "A long week. #work",
}


@pytest.fixture
def checkin_pack() -> Any:
    return load_pack("checkin")


def test_scores_with_reversed_items(checkin_pack: Any) -> None:
    score = score_checkin(checkin_pack.steps, ALL_RATED)
    assert score.total == 38 / 12
    assert score.components == {
        "self-kindness": 4.5,
        "common-humanity": 2.0,
        "mindfulness": 3.0,
    }
    assert (score.rated, score.statements) == (12, 12)


def test_skipped_statements_do_not_count(checkin_pack: Any) -> None:
    score = score_checkin(checkin_pack.steps, SOME_SKIPPED)
    assert score.total == 3.0  # (13 + 7 + 1) / 7
    assert score.components == {
        "self-kindness": 13 / 3,
        "common-humanity": 7 / 3,
        "mindfulness": 1.0,
    }
    assert (score.rated, score.statements) == (7, 12)


def test_nothing_rated_means_no_score(checkin_pack: Any) -> None:
    score = score_checkin(checkin_pack.steps, {"note": "just a note"})
    assert score.total is None
    assert score.components == dict.fromkeys(score.components, None)
    assert score.rated == 0


def _stored_scores(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT e.kind, e.journal_date, s.total, s.self_kindness, s.common_humanity, "
            "s.mindfulness FROM entries e JOIN checkin_scores s ON s.entry_id = e.id "
            "ORDER BY e.created_at, e.rowid"
        ).fetchall()


def test_scripted_checkin_saves_answers_and_scores_together(
    capsys: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    db = tmp_path / "j.db"
    answers = write_json(tmp_path / "a.json", SOME_SKIPPED)
    run = run_cli(
        "--db",
        str(db),
        "checkin",
        "--answers",
        str(answers),
        "-d",
        "2026-11-20",
    )
    assert run.code == 0, run.err
    assert "7 of 12 statements" in run.out
    assert "not a clinical measure" in run.out
    [(kind, day, total, kindness, humanity, mindfulness)] = _stored_scores(db)
    assert (kind, day) == ("checkin", "2026-11-20")
    assert total == pytest.approx(3.0)
    assert kindness == pytest.approx(13 / 3)
    assert humanity == pytest.approx(7 / 3)
    assert mindfulness == pytest.approx(1.0)
    with sqlite3.connect(db) as conn:
        raw = dict(conn.execute("SELECT step_id, number FROM answers WHERE number IS NOT NULL"))
        tags = [row[0] for row in conn.execute("SELECT tag FROM tags")]
    assert raw["replay-and-scold"] == 2  # the answer as given; only the score is reversed
    assert len(raw) == 7
    assert tags == ["work"]


def test_all_skipped_is_saved_without_a_score(
    capsys: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    db = tmp_path / "j.db"
    run = run_cli("--db", str(db), "checkin", "--answers", "-", stdin="{}")
    assert run.code == 0, run.err
    assert "Nothing was rated this time, and that is fine" in run.out
    assert [row[2:] for row in _stored_scores(db)] == [(None, None, None, None)]


def test_plan_lists_every_statement_and_its_scoring(capsys: Any, monkeypatch: Any) -> None:
    run = run_cli("checkin", "--plan", "--date", "2026-11-22")
    assert run.code == 0, run.err
    plan = json.loads(run.out)
    assert (plan["flow"], plan["date"], plan["week"], plan["pack"]) == (
        "checkin",
        "2026-11-22",
        "2026-W47",
        "checkin",
    )
    steps = {step["id"]: step for step in plan["steps"]}
    assert len(steps) == 13
    assert steps["replay-and-scold"]["reverse"] is True
    assert steps["colleague-voice"]["component"] == "self-kindness"
    assert steps["note"]["kind"] == "text" and "component" not in steps["note"]


def test_the_plan_is_what_the_answers_expect(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    plan = json.loads(run_cli("checkin", "--plan").out)
    answers = write_json(tmp_path / "a.json", fill_plan(plan))
    run = run_cli("--db", str(db), "checkin", "--answers", str(answers))
    assert run.code == 0, run.err
    # Every statement rated 3, the middle: reversed or not, it counts 3.
    assert [row[2:] for row in _stored_scores(db)] == [(3.0, 3.0, 3.0, 3.0)]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ('{"colleague-voice": 6}', "step 'colleague-voice': 6 is outside 1 to 5"),
        ('{"colleague-voice": "often"}', "step 'colleague-voice': expected a whole number"),
        ('{"colleague-voice": true}', "step 'colleague-voice': expected a whole number"),
        ('{"mood": 3}', "step 'mood': no such step today"),
        ('{"note": 5}', "step 'note': expected text"),
        ("[1, 2]", "the answers must be a JSON object"),
        ("{not json", "the answers are not valid JSON"),
    ],
)
def test_bad_answers_are_one_line_and_nothing_is_saved(
    capsys: Any, monkeypatch: Any, tmp_path: Path, answers: str, message: str
) -> None:
    db = tmp_path / "j.db"
    run = run_cli("--db", str(db), "checkin", "--answers", "-", stdin=answers)
    assert run.code == 2
    assert message in run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert not db.exists() or _stored_scores(db) == []


def test_a_future_date_is_refused(capsys: Any, monkeypatch: Any) -> None:
    run = run_cli("checkin", "--plan", "--date", "2999-01-01")
    assert run.code == 2
    assert run.err.startswith("journal: ")


def test_without_a_terminal_it_refuses_in_one_line(capsys: Any, monkeypatch: Any) -> None:
    run = run_cli("checkin")
    assert run.code == 2
    assert run.err.strip() == (
        "journal: journal checkin asks its questions at a terminal and none is attached; "
        "to answer from a script use --answers FILE (see journal checkin --plan)"
    )


def test_scores_are_written_in_the_same_transaction_as_the_entry(
    store: JournalStore, checkin_pack: Any
) -> None:
    store.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON checkin_scores "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    plan = plan_checkin(checkin_pack, DAY)
    asker = ScriptedAsker(dict(ALL_RATED), today=DAY)
    with pytest.raises(StorageError):
        run_checkin(store, asker, plan, clock=fixed_clock(DAY))
    assert store.count_entries() == 0


def test_previous_scores_come_from_the_last_checkin(store: JournalStore, checkin_pack: Any) -> None:
    first = plan_checkin(checkin_pack, date(2026, 11, 15))
    run_checkin(
        store, ScriptedAsker(dict(ALL_RATED), today=DAY), first, clock=fixed_clock(first.day)
    )
    skipped = run_checkin(
        store, ScriptedAsker({}, today=DAY), plan_checkin(checkin_pack, DAY), clock=fixed_clock(DAY)
    )
    assert skipped.entry is not None
    previous = store.previous_checkin_scores(skipped.entry)
    assert previous is not None
    assert (previous.journal_date, previous.total) == (date(2026, 11, 15), 38 / 12)
    week = store.checkin_scores(date(2026, 11, 9), DAY)
    assert [(row.journal_date, row.total) for row in week] == [
        (date(2026, 11, 15), 38 / 12),
        (DAY, None),
    ]


# -- interactive, in-process: questionary reads keys from a pipe ------------------------

STATEMENT_IDS = [step.id for step in load_pack("checkin").steps if step.component]


def _rate(*numbers: int | None) -> list[str]:
    """Keys for the statements in order: a number picks that rating, None skips (Enter)."""
    return [f"{n}{ENTER}" if n is not None else ENTER for n in numbers]


def test_interactive_checkin(store: JournalStore, checkin_pack: Any) -> None:
    plan = plan_checkin(checkin_pack, DAY)
    ratings = [ALL_RATED[step_id] for step_id in STATEMENT_IDS]
    with keys(*_rate(*ratings), "Steady, mostly.", ENTER):
        outcome = checkin_session(
            store,
            QuestionaryAsker(today=DAY),
            plan,
            clock=fixed_clock(DAY),
            load_pack=load_pack,
        )
    assert outcome.entry is not None and outcome.score is not None
    assert outcome.score.total == 38 / 12
    assert outcome.entry.answer("note").text == "Steady, mostly."  # type: ignore[union-attr]
    assert store.load_draft("checkin") is None


def test_interactive_ctrl_c_keeps_a_draft_that_can_be_picked_up(
    store: JournalStore, checkin_pack: Any
) -> None:
    plan = plan_checkin(checkin_pack, DAY)
    asker = QuestionaryAsker(today=DAY)
    with keys(*_rate(4, None, 3), CTRL_C), pytest.raises(FlowInterrupted):
        checkin_session(store, asker, plan, clock=fixed_clock(DAY), load_pack=load_pack)
    draft = store.load_draft("checkin")
    assert draft is not None
    assert draft.answers == {STATEMENT_IDS[0]: 4, STATEMENT_IDS[1]: None, STATEMENT_IDS[2]: 3}
    assert store.count_entries() == 0

    rest = [None] * (len(STATEMENT_IDS) - 3)
    # "Pick up where I left off" is the first choice; then the remaining statements and note.
    with keys(ENTER, *_rate(*rest), ENTER):
        outcome = checkin_session(store, asker, plan, clock=fixed_clock(DAY), load_pack=load_pack)
    assert outcome.score is not None
    assert outcome.score.rated == 2
    assert outcome.score.total == 3.5  # 4 (self-kindness) and 3 (mindfulness)
    assert store.load_draft("checkin") is None
    assert store.count_entries() == 1


def test_a_second_checkin_in_the_same_week_offers_to_show_the_first(
    store: JournalStore, checkin_pack: Any
) -> None:
    monday = date(2026, 11, 16)
    run_checkin(
        store,
        ScriptedAsker({"note": "first"}, today=monday),
        plan_checkin(checkin_pack, monday),
        clock=fixed_clock(monday),
    )
    with keys(DOWN, ENTER):
        outcome = checkin_session(
            store,
            QuestionaryAsker(today=DAY),
            plan_checkin(checkin_pack, DAY),
            clock=fixed_clock(DAY),
            load_pack=load_pack,
        )
    assert [entry.answer("note").text for entry in outcome.show] == ["first"]  # type: ignore[union-attr]
    assert store.count_entries() == 1


def test_interactive_through_the_command(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    """The whole command at a (piped) terminal: the questions, then the summary."""
    monkeypatch.setattr(
        "selfcompassion.flows.asking.require_terminal", lambda command, instead=None: None
    )
    db = tmp_path / "j.db"
    with keys(*_rate(*[5] * 6, *[None] * 6), ENTER):
        run = run_cli("--db", str(db), "checkin")
    assert run.code == 0, run.err
    assert "6 of 12 statements" in run.out
    # Three kind sides rated 5 (count 5) and three harder sides rated 5 (count 1).
    assert [row[2] for row in _stored_scores(db)] == [3.0]


# -- the summary reflects, never diagnoses ---------------------------------------------


def test_summary_words(store: JournalStore, checkin_pack: Any) -> None:
    outcome = run_checkin(
        store,
        ScriptedAsker(dict(ALL_RATED), today=DAY),
        plan_checkin(checkin_pack, DAY),
        clock=fixed_clock(DAY),
    )
    assert outcome.entry is not None and outcome.score is not None
    console = make_console(width=100)
    with console.capture() as captured:
        console.print(checkin_summary(outcome.entry, outcome.score, None, DAY))
    shown = captured.get()
    assert "overall          3.2 of 5" in shown
    assert "self-kindness    4.5 of 5" in shown
    assert "common humanity  2.0 of 5" in shown
    assert "not a clinical measure" in shown
    assert reflection_line(outcome.score) == (
        "This week self-kindness came most easily; common humanity might welcome a little "
        "more room."
    )


def test_a_journal_from_before_the_checkin_gains_its_table(tmp_path: Path) -> None:
    """Upgrade path: a journal made by the migrations before 0004 opens, is backed up
    first, and gains ``checkin_scores`` with its entries intact."""
    from sqlite_utils import Database

    from selfcompassion.store.migrations import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="0004_checkin_scores")
    conn.execute(
        "INSERT INTO entries (id, kind, journal_date, created_at, updated_at, pack) VALUES "
        "('e1', 'daily', '2026-11-01', '2026-11-01T21:00:00+01:00', "
        "'2026-11-01T21:00:00+01:00', 'daily')"
    )
    conn.commit()
    conn.close()
    with JournalStore.open(path) as store:
        tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "checkin_scores" in tables
        assert store.get_entry("e1") is not None
    backups = list(tmp_path.glob("old.db.before-upgrade-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        names = {row[0] for row in old.execute("SELECT name FROM sqlite_master")}
    assert "checkin_scores" not in names and "entries" in names
