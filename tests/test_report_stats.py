"""The report's figures: fixture journals with known values give exact numbers in its JSON."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from report_journal import JournalBuilder, add_checkin_table, drop_checkin_table, stamp
from selfcompassion.errors import InputError
from selfcompassion.report.periods import choose_request
from selfcompassion.report.schema import EMPTY_MESSAGE, SCHEMA, VERSION, report_json
from selfcompassion.report.stats import build_report
from selfcompassion.store import JournalStore

SUNDAY = date(2026, 11, 22)  # the last day of 2026-W47


def day(n: int) -> date:
    """A day of November 2026."""
    return date(2026, 11, n)


def report_for(store: JournalStore, today: date, **options: Any) -> dict[str, Any]:
    return report_json(build_report(store, choose_request(today, **options), today))


def known_week(store: JournalStore) -> None:
    """2026-W46 and 2026-W47 with figures worked out by hand (see the comments)."""
    j = JournalBuilder()
    # 2026-W46: mood 2, 3, 4 -> 3.0; kindness 3, 2 -> 2.5; one reframe easing 10 points.
    j.daily(day(9), 2, 3)
    j.daily(day(11), 3, 2)
    j.daily(day(13), 4)
    earlier = j.reframe(day(13), 70, 60, traps=["catastrophising"])
    j.commitment(earlier, due=day(17), status="done", closed=day(17))
    # 2026-W47. Monday has two entries (mood 4 and 2: that day's mood is 3.0); the first
    # was written 40 minutes after midnight and still belongs to Monday.
    j.daily(
        day(16),
        4,
        4,
        themes=["inner-critic", "self-kindness"],
        tags=["work", "family"],
        created_at=stamp(day(17), 0, 40),
    )
    j.daily(day(16), 2)
    j.daily(day(18), 5, 3, themes=["inner-critic"], tags=["work"])
    j.daily(day(19), 3, 4)
    j.daily(day(21), 4, 5, themes=["common-humanity"], tags=["rest"])
    j.daily(day(22), 2, 2)
    # mood by day 3, 5, 3, 4, 2 -> 3.4; kindness 4, 3, 4, 5, 2 -> 3.6
    wednesday = j.reframe(day(18), 80, 50, traps=["all-or-nothing", "mind-reading"])
    thursday = j.reframe(day(19))  # written, intensities skipped
    saturday = j.reframe(day(21), 60, 45, traps=["all-or-nothing"])
    j.commitment(wednesday, due=day(20), status="partly", closed=day(21))
    j.commitment(wednesday, due=day(19))  # still open, due before today
    j.commitment(thursday, due=day(22), status="let-go", closed=day(21))
    j.commitment(saturday, due=day(30))  # open, not due yet
    j.save(store)


def test_known_week_gives_exact_figures(store: JournalStore) -> None:
    known_week(store)
    data = report_for(store, SUNDAY)
    assert data["schema"] == SCHEMA and data["version"] == VERSION
    assert data["message"] is None
    assert data["today"] == data["as_of"] == "2026-11-22"
    now, before = data["current"], data["previous"]
    assert now["period"] == {
        "kind": "week",
        "label": "2026-W47",
        "start": "2026-11-16",
        "end": "2026-11-22",
        "days": 7,
    }
    assert before["period"]["label"] == "2026-W46"
    assert (now["days_journaled"], now["entries"]) == (5, 9)
    assert (before["days_journaled"], before["entries"]) == (3, 4)
    assert now["mood"] == {"average": 3.4, "days_rated": 5}
    assert now["kindness"] == {"average": 3.6, "days_rated": 5}
    assert before["mood"] == {"average": 3.0, "days_rated": 3}
    assert before["kindness"] == {"average": 2.5, "days_rated": 2}
    assert data["changes"] == {
        "days_journaled": 2,
        "mood": 0.4,
        "kindness": 1.1,
        "reframes": 2,
        "average_intensity_drop": 12.5,
        "checkin_total": None,
    }
    assert data["days"] == [
        {"date": "2026-11-16", "mood": 3.0, "kindness": 4.0},
        {"date": "2026-11-17", "mood": None, "kindness": None},
        {"date": "2026-11-18", "mood": 5.0, "kindness": 3.0},
        {"date": "2026-11-19", "mood": 3.0, "kindness": 4.0},
        {"date": "2026-11-20", "mood": None, "kindness": None},
        {"date": "2026-11-21", "mood": 4.0, "kindness": 5.0},
        {"date": "2026-11-22", "mood": 2.0, "kindness": 2.0},
    ]
    unrated = {
        "belief_in_critic": {"average_before": None, "average_after": None, "rated": 0},
        "belief_in_balanced_thought": {"average": None, "rated": 0},
    }
    assert now["reframes"] == {
        "count": 3,
        "scored": 2,
        "average_intensity_drop": 22.5,
        **unrated,
    }
    assert before["reframes"] == {
        "count": 1,
        "scored": 1,
        "average_intensity_drop": 10.0,
        **unrated,
    }
    assert data["thinking_traps"] == [
        {"name": "all-or-nothing", "count": 2},
        {"name": "mind-reading", "count": 1},
    ]
    assert now["commitments"] == {
        "made": 4,
        "kept": 1,
        "partly": 1,
        "let_go": 1,
        "due": 3,
        "followed_through": 2,
        "follow_through_rate": 67,
    }
    assert before["commitments"]["made"] == 1
    assert before["commitments"]["follow_through_rate"] is None
    assert data["open_commitments"] == {"open": 2, "overdue": 1}
    assert data["themes"] == {
        "tags": [
            {"name": "work", "count": 2},
            {"name": "family", "count": 1},
            {"name": "rest", "count": 1},
        ],
        "prompts": [
            {"name": "inner-critic", "count": 2},
            {"name": "common-humanity", "count": 1},
            {"name": "self-kindness", "count": 1},
        ],
    }
    assert data["practice"] == {
        "days_practised_last_7": 5,
        "days_practised_last_30": 8,
        "current_streak": 2,
        "longest_streak": 2,
        "last_entry_day": "2026-11-22",
        "days_since_last_entry": 0,
        "welcome_back": None,
    }
    assert data["journal"] == {"entries": 13, "first_day": "2026-11-09", "last_day": "2026-11-22"}
    assert data["checkin_available"] is store.has_table("checkin_scores")
    assert now["checkin"] == {
        "count": 0,
        "total": None,
        "self_kindness": None,
        "common_humanity": None,
        "mindfulness": None,
    }
    assert data["trend"] == [] and data["entries"] is None
    assert data["closing"] == (
        "You took a second, kinder look at 3 hard moments this week. That takes real effort."
    )


def test_a_past_week_is_seen_as_it_was_at_its_end(store: JournalStore) -> None:
    known_week(store)
    data = report_for(store, SUNDAY, week="2026-11-11")
    assert data["current"]["period"]["label"] == "2026-W46"
    assert data["as_of"] == "2026-11-15"
    # The commitment made on the 13th was still open on the 15th (closed on the 17th).
    assert data["open_commitments"] == {"open": 1, "overdue": 0}
    assert data["practice"]["days_practised_last_7"] == 3
    assert data["practice"]["current_streak"] == 0
    assert data["practice"]["days_since_last_entry"] == 2
    assert data["closing"].endswith("that week. That takes real effort.")


def test_trend_rows_are_the_same_figures_week_by_week(store: JournalStore) -> None:
    known_week(store)
    data = report_for(store, SUNDAY, weeks=3)
    # The journal begins in week 46: the empty week before it is left out of the trend.
    assert [row["period"]["label"] for row in data["trend"]] == ["2026-W46", "2026-W47"]
    assert data["trend"][0] == data["previous"]
    assert data["trend"][1] == data["current"]
    assert data["trend"][0]["days_journaled"] == 3


def test_a_range_is_compared_with_as_many_days_before(store: JournalStore) -> None:
    known_week(store)
    data = report_for(store, SUNDAY, since="2026-11-13", until="2026-11-18")
    now, before = data["current"], data["previous"]
    assert now["period"] == {
        "kind": "range",
        "label": "2026-11-13 to 2026-11-18",
        "start": "2026-11-13",
        "end": "2026-11-18",
        "days": 6,
    }
    assert (before["period"]["start"], before["period"]["end"]) == ("2026-11-07", "2026-11-12")
    assert now["days_journaled"] == 3  # 13, 16, 18
    assert now["mood"]["average"] == 4.0  # 4, 3, 5
    assert before["mood"]["average"] == 2.5  # 2, 3
    assert len(data["days"]) == 6
    assert data["as_of"] == "2026-11-18"


def test_streaks_run_across_month_and_year_ends(store: JournalStore) -> None:
    j = JournalBuilder()
    for n in range(22):  # 20 December 2026 to 10 January 2027
        j.daily(date(2026, 12, 20) + timedelta(days=n), 3)
    for n in range(10):  # 25 January to 3 February 2027
        j.daily(date(2027, 1, 25) + timedelta(days=n), 3)
    j.save(store)

    at_new_year = report_for(store, date(2027, 1, 10))["practice"]
    assert (at_new_year["current_streak"], at_new_year["longest_streak"]) == (22, 22)

    practice = report_for(store, date(2027, 2, 3))["practice"]
    assert (practice["current_streak"], practice["longest_streak"]) == (10, 22)
    assert practice["days_practised_last_30"] == 16  # 5-10 January and the last 10 days

    # The next day, before writing, the streak still stands.
    assert report_for(store, date(2027, 2, 4))["practice"]["current_streak"] == 10
    later = report_for(store, date(2027, 2, 5))["practice"]
    assert (later["current_streak"], later["days_since_last_entry"]) == (0, 2)
    assert later["welcome_back"] is None


def test_iso_week_53_is_a_week_of_its_own(store: JournalStore) -> None:
    j = JournalBuilder()
    for n in range(7):  # Monday 28 December 2026 to Sunday 3 January 2027
        j.daily(date(2026, 12, 28) + timedelta(days=n), 1 + n % 5)
    j.daily(date(2026, 12, 27), 5)  # the Sunday of 2026-W52
    j.save(store)
    today = date(2027, 1, 10)

    data = report_for(store, today, week="2026-W53")
    assert data["current"]["period"] == {
        "kind": "week",
        "label": "2026-W53",
        "start": "2026-12-28",
        "end": "2027-01-03",
        "days": 7,
    }
    assert data["previous"]["period"]["label"] == "2026-W52"
    assert data["current"]["days_journaled"] == 7
    assert data["current"]["mood"]["average"] == 2.6  # 1+2+3+4+5+1+2 = 18 over 7 days
    assert data["previous"]["mood"] == {"average": 5.0, "days_rated": 1}
    assert report_for(store, today, week="2027-01-02")["current"] == data["current"]

    trend = report_for(store, today, week="2027-W01", weeks=3)["trend"]
    assert [row["period"]["label"] for row in trend] == ["2026-W52", "2026-W53", "2027-W01"]
    assert [row["days_journaled"] for row in trend] == [1, 7, 0]


def test_journal_date_counts_across_daylight_saving_changes(store: JournalStore) -> None:
    from datetime import timezone

    winter, summer = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    j = JournalBuilder()
    # Clocks went forward on Sunday 29 March 2026 (W13 ends that day).
    j.daily(date(2026, 3, 28), 2, created_at=stamp(date(2026, 3, 28), 23, 59, winter))
    j.daily(date(2026, 3, 29), 4, created_at=stamp(date(2026, 3, 30), 0, 30, summer))
    j.daily(date(2026, 3, 30), 3, created_at=stamp(date(2026, 3, 31), 0, 15, summer))
    # Clocks went back on Sunday 25 October 2026 (W43 ends that day).
    j.daily(date(2026, 10, 25), 5, created_at=stamp(date(2026, 10, 26), 0, 30, winter))
    j.daily(date(2026, 10, 26), 1, created_at=stamp(date(2026, 10, 25), 23, 50, winter))
    j.save(store)

    spring = report_for(store, date(2026, 4, 5), weeks=2)
    assert [(w["period"]["label"], w["days_journaled"]) for w in spring["trend"]] == [
        ("2026-W13", 2),
        ("2026-W14", 1),
    ]
    assert spring["trend"][0]["mood"]["average"] == 3.0
    assert spring["practice"]["longest_streak"] == 3

    autumn = report_for(store, date(2026, 11, 1), week="2026-W43")
    assert autumn["current"]["days_journaled"] == 1
    assert [d["mood"] for d in autumn["days"]] == [None] * 6 + [5.0]
    assert report_for(store, date(2026, 11, 1))["previous"]["days_journaled"] == 1


def test_coming_back_after_a_gap_is_welcomed(store: JournalStore) -> None:
    j = JournalBuilder()
    for n in range(1, 6):
        j.daily(day(n), 3)
    j.daily(day(18), 4)  # twelve days away, back on Wednesday
    j.daily(day(19), 4)
    j.save(store)
    data = report_for(store, day(19))
    assert data["practice"]["welcome_back"] == {"returned_on": "2026-11-18", "days_away": 12}
    assert data["practice"]["current_streak"] == 2
    assert data["practice"]["longest_streak"] == 5
    assert data["closing"].startswith("Welcome back. Returning after 12 days away")


def test_a_short_gap_is_not_made_into_anything(store: JournalStore) -> None:
    j = JournalBuilder()
    j.daily(day(16), 3)
    j.daily(day(19), 3)  # two days without an entry
    j.save(store)
    data = report_for(store, day(19))
    assert data["practice"]["welcome_back"] is None
    assert data["practice"]["current_streak"] == 1


def test_empty_journal_is_a_friendly_report(store: JournalStore) -> None:
    data = report_for(store, SUNDAY)
    assert data["message"] == EMPTY_MESSAGE
    assert data["journal"]["entries"] == 0
    assert data["current"]["days_journaled"] == 0
    assert data["practice"]["current_streak"] == 0
    assert data["days"] == [] and data["closing"] == ""


def test_a_quiet_week_closes_without_blame(store: JournalStore) -> None:
    known_week(store)
    data = report_for(store, date(2026, 12, 6))
    assert data["current"]["entries"] == 0
    assert data["practice"]["days_since_last_entry"] == 14
    assert data["closing"] == (
        "No entries this week, and that is fine. The page is here whenever you want it."
    )


def test_a_journal_without_checkin_scores_still_reports(store: JournalStore) -> None:
    known_week(store)
    drop_checkin_table(store)
    data = report_for(store, SUNDAY, weeks=2)
    assert data["checkin_available"] is False
    assert data["current"]["checkin"]["count"] == 0
    assert data["changes"]["checkin_total"] is None
    assert data["current"]["mood"]["average"] == 3.4


def test_checkin_scores_are_read_once_their_table_exists(store: JournalStore) -> None:
    known_week(store)
    add_checkin_table(store)
    j = JournalBuilder()
    j.checkin(day(15), 2.8, 2.5, 3.0, 3.0)
    j.checkin(day(17), 3.0, 2.5, 3.5, 3.0)
    j.checkin(day(22), 3.6, 3.5, 3.5, 4.0)
    j.save(store)
    data = report_for(store, SUNDAY)
    assert data["checkin_available"] is True
    assert data["current"]["checkin"] == {
        "count": 2,
        "total": 3.3,
        "self_kindness": 3.0,
        "common_humanity": 3.5,
        "mindfulness": 3.5,
    }
    assert data["previous"]["checkin"]["total"] == 2.8
    assert data["changes"]["checkin_total"] == 0.5


def test_with_text_includes_the_words_and_nothing_else_does(store: JournalStore) -> None:
    known_week(store)
    assert report_for(store, SUNDAY)["entries"] is None
    words = report_for(store, SUNDAY, with_text=True)["entries"]
    assert len(words) == 9
    # Oldest first; the entry written after midnight comes after Monday's other entry.
    assert [w["journal_date"] for w in words[:2]] == ["2026-11-16", "2026-11-16"]
    assert words[1]["tags"] == ["family", "work"]
    assert words[1]["created_at"] == "2026-11-17T00:40:00+01:00"
    assert {"step_id": "intention", "prompt": "Intention?", "text": "rest"} in words[1]["answers"]


def test_figures_never_load_entries(store: JournalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    known_week(store)

    def refuse(*_: object) -> None:
        raise AssertionError("the report loaded entries into Python")

    monkeypatch.setattr(JournalStore, "_load_entries", refuse)
    assert report_for(store, SUNDAY, weeks=12)["current"]["entries"] == 9


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"week": "2026-W47", "since": "2026-11-01"}, "not both"),
        ({"weeks": 4, "until": "2026-11-01"}, "--weeks"),
        ({"weeks": 0}, "from 1 to 520"),
        ({"weeks": 521}, "from 1 to 520"),
        ({"since": "2026-11-20", "until": "2026-11-10"}, "after --until"),
        ({"week": "2026-W54"}, "weeks 1 to 53"),
        ({"week": "next monday"}, "has not begun"),
        ({"week": "someday"}, "not a date"),
        ({"since": "0001-01-01", "until": "0001-01-02"}, "too early"),
        ({"until": "0001-01-02"}, "too early"),
    ],
)
def test_options_that_cannot_be_used_are_one_clear_error(
    options: dict[str, Any], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        choose_request(SUNDAY, **options)
