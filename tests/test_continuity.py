"""A practice that comes back: the last intention returns in ``journal today``, it can be
given a day and become a commitment, how intentions went reaches the weekly report, and the
weekly check-in is offered when a week has passed."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from conftest import TZ, fill_plan
from reframe_support import (
    FRIDAY,
    WEDNESDAY,
    Journal,
    journal_fixture,  # noqa: F401  (the journal fixture)
)
from selfcompassion.flows.continuity import checkin_offer_due, when_said
from selfcompassion.store import JournalStore

SUNDAY = date(2026, 11, 15)
THURSDAY = date(2026, 11, 19)


def plan_for(journal: Journal, day: date) -> dict[str, Any]:
    result = journal("today", "--plan", day=day)
    assert result.code == 0, result.err
    return json.loads(result.out)


def write_day(journal: Journal, day: date, **answers: Any) -> dict[str, Any]:
    """Answer the day's plan (every step filled, the look back left out unless given) and
    save it."""
    plan = plan_for(journal, day)
    filled = {
        key: value for key, value in fill_plan(plan).items() if not key.startswith("intention-")
    }
    filled.update(answers)
    result = journal("today", "--answers", journal.answers_file(filled), day=day)
    assert result.code == 0, result.err
    return plan


def look_back(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for step in plan["steps"] if step["id"].startswith("intention-")]


def test_yesterdays_intention_comes_back_first(journal: Journal) -> None:
    write_day(journal, WEDNESDAY, intention="apologise to Priya tomorrow")
    plan = plan_for(journal, THURSDAY)
    question, note = plan["steps"][0], plan["steps"][1]
    assert question["id"].startswith("intention-") and note["id"] == question["id"] + "-note"
    assert question["prompt"] == (
        'Yesterday your intention was "apologise to Priya tomorrow". How did it go?'
    )
    assert question["choices"] == ["It went well", "Partly", "Not yet", "I let it go"]
    assert question["required"] is False and note["required"] is False
    text = (question["prompt"] + question.get("help", "")).lower()
    assert not any(word in text for word in ("streak", "failed", "missed", "should"))

    write_day(journal, THURSDAY, **{question["id"]: "Partly", note["id"]: "we talked at lunch"})
    shown = journal("show", THURSDAY.isoformat(), day=THURSDAY)
    assert "Partly" in shown.out and "we talked at lunch" in shown.out
    # Once looked at, it does not come back; the next day asks about Thursday's intention.
    later = look_back(plan_for(journal, FRIDAY))
    assert len(later) == 2 and later[0]["id"] != question["id"]
    assert later[0]["prompt"].startswith("Yesterday your intention was")


def test_the_last_day_journaled_is_named(journal: Journal) -> None:
    write_day(journal, SUNDAY, intention="call my sister")
    assert look_back(plan_for(journal, WEDNESDAY))[0]["prompt"].startswith(
        'On Sunday your intention was "call my sister".'
    )
    assert when_said(date(2026, 11, 1), WEDNESDAY) == "On Sunday 1 November"


def test_skipping_the_look_back_keeps_it_for_later(journal: Journal) -> None:
    write_day(journal, WEDNESDAY, intention="go to bed by ten")
    first = look_back(plan_for(journal, THURSDAY))
    write_day(journal, THURSDAY)  # answered nothing about it: no fuss, nothing saved
    with sqlite3.connect(journal.db) as conn:
        saved = conn.execute(
            "SELECT count(*) FROM answers WHERE step_id LIKE 'intention-%'"
        ).fetchone()[0]
    assert saved == 0
    # Only the last day journaled comes back: now Thursday, with its own intention.
    assert look_back(plan_for(journal, FRIDAY))[0]["id"] != first[0]["id"]


def test_no_look_back_without_an_intention(journal: Journal) -> None:
    plan = plan_for(journal, WEDNESDAY)
    assert look_back(plan) == []  # a journal that does not exist yet
    with JournalStore.open(journal.db) as store:
        add(store, WEDNESDAY)  # a day written without an intention
    assert look_back(plan_for(journal, THURSDAY)) == []


def test_an_intention_given_a_day_becomes_a_commitment(journal: Journal) -> None:
    plan = plan_for(journal, WEDNESDAY)
    step = next(step for step in plan["steps"] if step["id"] == "intention_date")
    assert step["kind"] == "date" and step["required"] is False
    assert "Friday 20 November" in step["help"] or "friday" in step["help"].lower()
    write_day(journal, WEDNESDAY, intention="ask Sam for help", intention_date="friday")
    listed = journal("commitments", day=WEDNESDAY)
    assert listed.code == 0 and "ask Sam for help" in listed.out
    with sqlite3.connect(journal.db) as conn:
        assert conn.execute("SELECT text, due_date, status FROM commitments").fetchall() == [
            ("ask Sam for help", FRIDAY.isoformat(), "open")
        ]
    # Due on Friday: today asks about it like any next step.
    assert any(s["id"].startswith("commitment-") for s in plan_for(journal, FRIDAY)["steps"])


def test_without_a_day_the_intention_stays_an_intention(journal: Journal) -> None:
    write_day(journal, WEDNESDAY, intention="rest", intention_date=None)
    with sqlite3.connect(journal.db) as conn:
        assert conn.execute("SELECT count(*) FROM commitments").fetchone()[0] == 0


def test_the_report_counts_how_intentions_went(journal: Journal) -> None:
    write_day(journal, SUNDAY, intention="a walk at lunch")
    key = look_back(plan_for(journal, date(2026, 11, 16)))[0]["id"]
    write_day(journal, date(2026, 11, 16), **{key: "It went well"}, intention="read a chapter")
    key = look_back(plan_for(journal, date(2026, 11, 17)))[0]["id"]
    write_day(journal, date(2026, 11, 17), **{key: "I let it go"})
    result = journal("report", "--week", "2026-W47", "--format", "json", day=date(2026, 11, 17))
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["intentions"] == {
        "looked_back": 2,
        "went_well": 1,
        "partly": 0,
        "not_yet": 0,
        "let_go": 1,
    }
    assert "intention" in report["closing"] and "win" in report["closing"]
    text = journal("report", "--week", "2026-W47", day=date(2026, 11, 17)).out
    assert "went well 1 · partly 0 · not yet 0 · let go 1" in text


def add(store: JournalStore, day: date, kind: str = "daily") -> None:
    moment = datetime(day.year, day.month, day.day, 20, tzinfo=TZ)
    store.add_entry(kind=kind, journal_date=day, answers=[], now=moment)


def test_the_checkin_is_offered_after_a_week_and_once_a_week(tmp_path: Path) -> None:
    today = date(2026, 11, 20)
    with JournalStore.open(tmp_path / "j.db") as store:
        assert not checkin_offer_due(store, today, None)  # nothing written yet
        add(store, today - timedelta(days=3))
        assert not checkin_offer_due(store, today, None)  # too new to ask
        add(store, today - timedelta(days=10))
        assert checkin_offer_due(store, today, None)  # a week of practice, never checked in
        assert not checkin_offer_due(store, today, today - timedelta(days=2))  # offered lately
        assert checkin_offer_due(store, today, today - timedelta(days=7))
        add(store, today - timedelta(days=4), kind="checkin")
        assert not checkin_offer_due(store, today, None)  # checked in this week
        assert checkin_offer_due(store, today + timedelta(days=4), None)


def test_the_offer_can_be_turned_off_for_good(journal: Journal) -> None:
    assert journal("config", "set", "checkin-offer", "no").code == 0
    assert "checkin-offer = no" in journal("config", "list").out
    bad = journal("config", "set", "checkin-offer", "sometimes")
    assert bad.code == 2 and "use yes or no" in bad.err
