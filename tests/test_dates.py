"""Tests for selfcompassion.dates, always with a fixed ``today``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfcompassion.dates import (
    describe,
    parse_date,
    parse_due_date,
    parse_iso_week,
    parse_past_date,
    week_bounds,
)
from selfcompassion.errors import InputError

SUNDAY = date(2026, 11, 22)  # a Sunday
WEDNESDAY = date(2026, 11, 18)  # a Wednesday
FRIDAY = date(2026, 11, 20)  # a Friday


def test_fixed_days_are_what_the_tests_think() -> None:
    assert SUNDAY.weekday() == 6
    assert WEDNESDAY.weekday() == 2
    assert FRIDAY.weekday() == 4


# --- simple words and counts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 11, 22)),
        ("  TODAY ", date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 21)),
        ("Yesterday", date(2026, 11, 21)),
        ("tomorrow", date(2026, 11, 23)),
        ("0 days ago", date(2026, 11, 22)),
        ("1 day ago", date(2026, 11, 21)),
        ("3 days ago", date(2026, 11, 19)),
        ("3   DAYS   ago", date(2026, 11, 19)),
        ("a day ago", date(2026, 11, 21)),
        ("a week ago", date(2026, 11, 15)),
        ("2 weeks ago", date(2026, 11, 8)),
        ("two weeks ago", date(2026, 11, 8)),
        ("ten days ago", date(2026, 11, 12)),
        ("1 month ago", date(2026, 10, 22)),
        ("six months ago", date(2026, 5, 22)),
        ("a year ago", date(2025, 11, 22)),
        ("3 years ago", date(2023, 11, 22)),
        ("in 3 days", date(2026, 11, 25)),
        ("in a week", date(2026, 11, 29)),
        ("in two weeks", date(2026, 12, 6)),
        ("in 2 months", date(2027, 1, 22)),
        ("in one year", date(2027, 11, 22)),
        ("5 days from now", date(2026, 11, 27)),
        ("a week from today", date(2026, 11, 29)),
    ],
)
def test_relative_words(text: str, expected: date) -> None:
    assert parse_date(text, SUNDAY) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 3, 31), "1 month ago", date(2026, 2, 28)),  # clipped to the month's end
        (date(2028, 3, 31), "1 month ago", date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), "in 1 month", date(2026, 2, 28)),
        (date(2026, 5, 31), "in a month", date(2026, 6, 30)),
        (date(2028, 2, 29), "a year ago", date(2027, 2, 28)),
        (date(2028, 2, 29), "in 4 years", date(2032, 2, 29)),
        (date(2026, 1, 1), "yesterday", date(2025, 12, 31)),
        (date(2025, 12, 31), "tomorrow", date(2026, 1, 1)),
        (date(2026, 1, 5), "2 weeks ago", date(2025, 12, 22)),
        (date(2028, 3, 1), "yesterday", date(2028, 2, 29)),
    ],
)
def test_month_ends_leap_days_and_year_boundaries(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today) == expected


# --- weekdays -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # From Sunday 22 November 2026.
        (SUNDAY, "last friday", date(2026, 11, 20)),
        (SUNDAY, "next friday", date(2026, 11, 27)),
        (SUNDAY, "this friday", date(2026, 11, 20)),  # ISO week runs Monday to Sunday
        (SUNDAY, "last sunday", date(2026, 11, 15)),  # strictly before today
        (SUNDAY, "next sunday", date(2026, 11, 29)),  # strictly after today
        (SUNDAY, "this sunday", date(2026, 11, 22)),
        (SUNDAY, "this monday", date(2026, 11, 16)),
        (SUNDAY, "last fri", date(2026, 11, 20)),
        (SUNDAY, "Next Mon", date(2026, 11, 23)),
        # From Wednesday 18 November 2026.
        (WEDNESDAY, "last friday", date(2026, 11, 13)),
        (WEDNESDAY, "next friday", date(2026, 11, 20)),
        (WEDNESDAY, "this friday", date(2026, 11, 20)),
        (WEDNESDAY, "this monday", date(2026, 11, 16)),
        (WEDNESDAY, "last wednesday", date(2026, 11, 11)),
        (WEDNESDAY, "next wednesday", date(2026, 11, 25)),
        (WEDNESDAY, "this wednesday", date(2026, 11, 18)),
        (WEDNESDAY, "last tues", date(2026, 11, 17)),
        (WEDNESDAY, "next thurs", date(2026, 11, 19)),
        # Across a year boundary: Thursday 1 January 2026.
        (date(2026, 1, 1), "last friday", date(2025, 12, 26)),
        (date(2026, 1, 1), "this monday", date(2025, 12, 29)),
    ],
)
def test_last_next_this_weekday(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today) == expected
    assert parse_date(text, today, prefer="future") == expected  # explicit, so prefer is moot


@pytest.mark.parametrize(
    ("today", "text", "past", "future"),
    [
        (SUNDAY, "friday", date(2026, 11, 20), date(2026, 11, 27)),
        (SUNDAY, "fri", date(2026, 11, 20), date(2026, 11, 27)),
        (SUNDAY, "sunday", SUNDAY, SUNDAY),  # today is that weekday: today either way
        (SUNDAY, "monday", date(2026, 11, 16), date(2026, 11, 23)),
        (WEDNESDAY, "friday", date(2026, 11, 13), date(2026, 11, 20)),
        (WEDNESDAY, "Wed", WEDNESDAY, WEDNESDAY),
        (WEDNESDAY, "tuesday", date(2026, 11, 17), date(2026, 11, 24)),
        (FRIDAY, "friday", FRIDAY, FRIDAY),
    ],
)
def test_bare_weekday_depends_on_preference(
    today: date, text: str, past: date, future: date
) -> None:
    assert parse_date(text, today) == past  # "past" is the default
    assert parse_date(text, today, prefer="past") == past
    assert parse_date(text, today, prefer="future") == future


def test_every_weekday_spelling_is_read() -> None:
    spellings = {
        0: ["monday", "mon"],
        1: ["tuesday", "tue", "tues"],
        2: ["wednesday", "wed"],
        3: ["thursday", "thu", "thur", "thurs"],
        4: ["friday", "fri"],
        5: ["saturday", "sat"],
        6: ["sunday", "sun"],
    }
    for weekday, names in spellings.items():
        for name in names:
            found = parse_date(name, WEDNESDAY)
            assert found.weekday() == weekday
            assert WEDNESDAY - timedelta(days=6) <= found <= WEDNESDAY


# --- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (SUNDAY, "last week", date(2026, 11, 9)),
        (SUNDAY, "this week", date(2026, 11, 16)),
        (SUNDAY, "next week", date(2026, 11, 23)),
        (WEDNESDAY, "last week", date(2026, 11, 9)),
        (WEDNESDAY, "this week", date(2026, 11, 16)),
        (SUNDAY, "last month", date(2026, 10, 1)),
        (SUNDAY, "this month", date(2026, 11, 1)),
        (SUNDAY, "next month", date(2026, 12, 1)),
        (SUNDAY, "last year", date(2025, 1, 1)),
        (SUNDAY, "this year", date(2026, 1, 1)),
        (SUNDAY, "next year", date(2027, 1, 1)),
        (date(2026, 1, 15), "last month", date(2025, 12, 1)),
        (date(2026, 12, 31), "next month", date(2027, 1, 1)),
        (date(2026, 1, 2), "last week", date(2025, 12, 22)),
        (SUNDAY, "end of week", date(2026, 11, 22)),
        (WEDNESDAY, "end of week", date(2026, 11, 22)),
        (SUNDAY, "end of month", date(2026, 11, 30)),
        (SUNDAY, "end of the month", date(2026, 11, 30)),
        (date(2028, 2, 3), "end of month", date(2028, 2, 29)),
        (date(2026, 2, 3), "end of this month", date(2026, 2, 28)),
        (SUNDAY, "end of year", date(2026, 12, 31)),
    ],
)
def test_periods_mean_their_start_and_end(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today) == expected


# --- absolute dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-19", date(2026, 11, 19)),
        ("2026/11/19", date(2026, 11, 19)),
        ("2026.11.19", date(2026, 11, 19)),
        ("2026-05-06", date(2026, 5, 6)),  # year, month, day: never day first
        ("2026-5-6", date(2026, 5, 6)),
        ("19 November 2026", date(2026, 11, 19)),
        ("november 19, 2026", date(2026, 11, 19)),
        ("nov 19 2026", date(2026, 11, 19)),
        ("NOV 19 2026", date(2026, 11, 19)),
        ("Nov 19", date(2026, 11, 19)),
        ("19 nov", date(2026, 11, 19)),
        ("2027-01-04", date(2027, 1, 4)),  # future dates are fine for parse_date
        ("29 February 2028", date(2028, 2, 29)),
        ("Thursday 19 November 2026", date(2026, 11, 19)),
        ("Friday 20 November", date(2026, 11, 20)),
    ],
)
def test_absolute_dates(text: str, expected: date) -> None:
    assert parse_date(text, SUNDAY) == expected


@pytest.mark.parametrize(
    ("today", "text", "past", "future"),
    [
        # Already passed this year.
        (SUNDAY, "Nov 19", date(2026, 11, 19), date(2027, 11, 19)),
        # Still ahead this year.
        (SUNDAY, "Dec 25", date(2025, 12, 25), date(2026, 12, 25)),
        # Today itself.
        (SUNDAY, "November 22", SUNDAY, SUNDAY),
        # Across the new year.
        (date(2026, 1, 3), "30 december", date(2025, 12, 30), date(2026, 12, 30)),
        # A 29 February without a year: the nearest real one.
        (SUNDAY, "feb 29", date(2024, 2, 29), date(2028, 2, 29)),
        (date(2028, 2, 29), "feb 29", date(2028, 2, 29), date(2028, 2, 29)),
    ],
)
def test_missing_year_follows_preference(today: date, text: str, past: date, future: date) -> None:
    assert parse_date(text, today, prefer="past") == past
    assert parse_date(text, today, prefer="future") == future


def test_describe_output_reads_back_even_for_later_this_year() -> None:
    # describe() omits the year within this year, so its labels must read back.
    for offset in range(-300, 39):
        day = SUNDAY + timedelta(days=offset)
        if day.year != SUNDAY.year or abs(offset) <= 1:
            continue
        label = describe(day, SUNDAY)
        assert parse_date(label, SUNDAY) == day, label
        assert parse_date(label, SUNDAY, prefer="future") == day, label


def test_a_weekday_that_does_not_match_the_date_is_refused() -> None:
    with pytest.raises(InputError, match=r"does not add up: 20 November 2026 is a Friday"):
        parse_date("Saturday 20 November 2026", SUNDAY)
    with pytest.raises(InputError, match="is a Friday"):
        parse_date("Saturday 20 November", SUNDAY)


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        "blorp 12",
        "5",
        "12",
        "2026",
        "November",
        "November 2026",  # no day to guess
        "05/06/2026",  # ambiguous order: refused rather than guessed
        "19/11/2026",
        "11/19/2026",
        "2026-02-29",  # not a leap year
        "feb 29 2026",
        "Nov 31",
        "2026-13-01",
        "2026-W47",  # a week, not a day
        "last",
        "next",
        "last fortnight",
        "3 hours ago",
        "days ago",
        "-3 days ago",
        "3 days",
        "in days",
        "eleven days ago",
        "9999999 days ago",  # too many digits for a count
        "999999 years ago",  # past the start of the calendar
        "999999 years from now",
        "friday next",
        "10:30",
    ],
)
def test_garbage_is_refused_kindly(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, SUNDAY)
    message = caught.value.message
    assert message.startswith(f'"{text}" is not a date I can read.')
    # SUNDAY is 22 November: the example date lies ten days behind it, as the question
    # (a past day, by default) asks.
    assert 'Try "yesterday", "last friday", "3 days ago" or "2026-11-12".' in message
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(InputError, match="A date is needed here"):
        parse_date(text, SUNDAY)


def test_shown_text_is_one_short_printable_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("bad\x1b[31m\nthing " + "x" * 200, SUNDAY)
    message = caught.value.message
    assert "\x1b" not in message and "\n" not in message
    assert len(message) < 160


def test_prefer_must_be_past_or_future() -> None:
    with pytest.raises(ValueError):
        parse_date("friday", SUNDAY, prefer="sideways")  # type: ignore[arg-type]


def test_edges_of_the_calendar_are_refused_not_crashed() -> None:
    with pytest.raises(InputError):
        parse_date("tomorrow", date.max)
    with pytest.raises(InputError):
        parse_date("yesterday", date.min)
    with pytest.raises(InputError):
        parse_date("next year", date.max)
    with pytest.raises(InputError):
        parse_date("last week", date.min)
    with pytest.raises(InputError):
        parse_date("Dec 25", date(1, 1, 1))  # no earlier 25 December exists


# --- past and due dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", SUNDAY),
        ("yesterday", date(2026, 11, 21)),
        ("friday", date(2026, 11, 20)),
        ("sunday", SUNDAY),
        ("last week", date(2026, 11, 9)),
        ("this friday", date(2026, 11, 20)),
        ("Dec 25", date(2025, 12, 25)),
        ("2026-11-22", SUNDAY),
    ],
)
def test_past_date_accepts_today_and_earlier(text: str, expected: date) -> None:
    assert parse_past_date(text, SUNDAY) == expected


@pytest.mark.parametrize(
    "text", ["tomorrow", "next friday", "in 3 days", "2026-11-23", "next week", "next month"]
)
def test_past_date_refuses_the_future(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_past_date(text, SUNDAY)
    assert caught.value.message == (
        f'"{text}" is in the future; a journal day can be today or earlier, '
        'like "yesterday" or "2026-11-12".'
    )


def test_past_date_on_a_wednesday() -> None:
    assert parse_past_date("friday", WEDNESDAY) == date(2026, 11, 13)
    with pytest.raises(InputError, match="in the future"):
        parse_past_date("this friday", WEDNESDAY)


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (SUNDAY, "today", SUNDAY),
        (SUNDAY, "tomorrow", date(2026, 11, 23)),
        (SUNDAY, "friday", date(2026, 11, 27)),
        (SUNDAY, "sunday", SUNDAY),
        (FRIDAY, "friday", FRIDAY),  # on a friday, "friday" means today
        (WEDNESDAY, "friday", date(2026, 11, 20)),
        (WEDNESDAY, "this friday", date(2026, 11, 20)),
        (SUNDAY, "Nov 19", date(2027, 11, 19)),
        (SUNDAY, "Dec 25", date(2026, 12, 25)),
        (SUNDAY, "in 2 weeks", date(2026, 12, 6)),
        (SUNDAY, "end of month", date(2026, 11, 30)),
        (SUNDAY, "end of week", SUNDAY),
        (SUNDAY, "next month", date(2026, 12, 1)),
    ],
)
def test_due_date_accepts_today_and_later(today: date, text: str, expected: date) -> None:
    assert parse_due_date(text, today) == expected


@pytest.mark.parametrize(
    "text", ["yesterday", "last friday", "3 days ago", "2026-11-21", "this friday", "this week"]
)
def test_due_date_refuses_the_past(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_due_date(text, SUNDAY)
    assert caught.value.message == (
        f'"{text}" has already passed; pick today or a day ahead, like "tomorrow" or "2026-12-02".'
    )


def test_due_date_passes_unreadable_text_on_as_unreadable() -> None:
    with pytest.raises(InputError, match="is not a date I can read"):
        parse_due_date("someday", SUNDAY)


# --- ISO weeks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W47", (date(2026, 11, 16), date(2026, 11, 22))),
        ("2026W47", (date(2026, 11, 16), date(2026, 11, 22))),
        ("2026-w47", (date(2026, 11, 16), date(2026, 11, 22))),
        (" 2026w47 ", (date(2026, 11, 16), date(2026, 11, 22))),
        ("2026-W01", (date(2025, 12, 29), date(2026, 1, 4))),
        ("2026-W1", (date(2025, 12, 29), date(2026, 1, 4))),
        # 2026 starts on a Thursday, so it has a week 53, running into 2027.
        ("2026-W53", (date(2026, 12, 28), date(2027, 1, 3))),
        ("2020-W53", (date(2020, 12, 28), date(2021, 1, 3))),
        ("2025-W52", (date(2025, 12, 22), date(2025, 12, 28))),
    ],
)
def test_iso_weeks(text: str, expected: tuple[date, date]) -> None:
    assert parse_iso_week(text) == expected


def test_2026_really_has_53_weeks() -> None:
    assert date(2026, 1, 1).weekday() == 3  # a Thursday
    assert date(2026, 12, 31).isocalendar()[:2] == (2026, 53)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-W54", '"2026-W54" is not a week: 2026 has weeks 1 to 53.'),
        ("2025-W53", '"2025-W53" is not a week: 2025 has weeks 1 to 52.'),
        ("2026-W00", '"2026-W00" is not a week: 2026 has weeks 1 to 53.'),
        ("2026-W999", '"2026-W999" is not a week: 2026 has weeks 1 to 53.'),
    ],
)
def test_invalid_iso_weeks_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_iso_week(text)
    assert caught.value.message == message


@pytest.mark.parametrize("text", ["0000-W01", "9999-W52"])
def test_iso_weeks_at_the_edges_of_the_calendar(text: str) -> None:
    with pytest.raises(InputError):
        parse_iso_week(text)


@pytest.mark.parametrize(
    "text", ["", "friday", "2026-11-19", "W47", "2026-47", "26-W47", "2026-W47-1", "week 47"]
)
def test_text_that_is_not_an_iso_week_gives_none(text: str) -> None:
    assert parse_iso_week(text) is None


# --- week bounds and labels ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (SUNDAY, (date(2026, 11, 16), date(2026, 11, 22))),
        (WEDNESDAY, (date(2026, 11, 16), date(2026, 11, 22))),
        (date(2026, 11, 16), (date(2026, 11, 16), date(2026, 11, 22))),
        (date(2027, 1, 1), (date(2026, 12, 28), date(2027, 1, 3))),
        (date(2028, 2, 29), (date(2028, 2, 28), date(2028, 3, 5))),
    ],
)
def test_week_bounds(day: date, expected: tuple[date, date]) -> None:
    assert week_bounds(day) == expected


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 1)))
def test_week_bounds_agree_with_iso_weeks(day: date) -> None:
    monday, sunday = week_bounds(day)
    year, week, _ = day.isocalendar()
    assert parse_iso_week(f"{year:04d}-W{week:02d}") == (monday, sunday)
    assert monday <= day <= sunday


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (SUNDAY, "today"),
        (date(2026, 11, 21), "yesterday"),
        (date(2026, 11, 23), "tomorrow"),
        (date(2026, 11, 20), "Friday 20 November"),
        (date(2026, 1, 1), "Thursday 1 January"),
        (date(2026, 12, 25), "Friday 25 December"),
        (date(2025, 11, 20), "Thursday 20 November 2025"),
        (date(2027, 1, 1), "Friday 1 January 2027"),
    ],
)
def test_describe(day: date, expected: str) -> None:
    assert describe(day, SUNDAY) == expected


def test_describe_across_new_year() -> None:
    assert describe(date(2025, 12, 31), date(2026, 1, 1)) == "yesterday"
    assert describe(date(2025, 12, 30), date(2026, 1, 1)) == "Tuesday 30 December 2025"


# --- nothing but a date or an InputError ----------------------------------------------------

_WORDS = [
    "today",
    "yesterday",
    "tomorrow",
    "ago",
    "in",
    "from",
    "now",
    "last",
    "next",
    "this",
    "end",
    "of",
    "the",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "a",
    "one",
    "ten",
    "friday",
    "fri",
    "sun",
    "nov",
    "November",
    "feb",
    "may",
    "29",
    "31",
    "0",
    "2026",
    "9999",
    "0000",
    "99999999999999999999",
    "2026-11-19",
    "2026/02/29",
    "10:30",
    "am",
    "pm",
    "UTC",
    "+0500",
    "-",
    "/",
    ",",
    ".",
    "W53",
]

_ALL_TODAYS = st.dates(min_value=date.min, max_value=date.max)


@settings(max_examples=400)
@given(text=st.text(max_size=40), today=_ALL_TODAYS, prefer=st.sampled_from(["past", "future"]))
def test_any_text_gives_a_date_or_an_input_error(text: str, today: date, prefer: str) -> None:
    try:
        result = parse_date(text, today, prefer=prefer)  # type: ignore[arg-type]
    except InputError:
        return
    assert isinstance(result, date)


@settings(max_examples=1500)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5),
    today=st.one_of(_ALL_TODAYS, st.just(SUNDAY)),
    prefer=st.sampled_from(["past", "future"]),
)
def test_any_date_like_words_give_a_date_or_an_input_error(
    words: list[str], today: date, prefer: str
) -> None:
    text = " ".join(words)
    for parse in (
        lambda: parse_date(text, today, prefer=prefer),  # type: ignore[arg-type]
        lambda: parse_past_date(text, today),
        lambda: parse_due_date(text, today),
    ):
        try:
            result = parse()
        except InputError:
            continue
        assert isinstance(result, date)


@given(st.text(max_size=30))
def test_iso_week_gives_a_week_none_or_an_input_error(text: str) -> None:
    try:
        result = parse_iso_week(text)
    except InputError:
        return
    if result is not None:
        monday, sunday = result
        assert monday.weekday() == 0 and sunday - monday == timedelta(days=6)


@given(day=st.dates(), today=st.dates())
def test_describe_never_fails(day: date, today: date) -> None:
    assert describe(day, today)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (SUNDAY, date(2026, 11, 19)),
        (date(1990, 6, 1), date(2026, 11, 19)),  # within 50 years of today, not of the clock
        (date(1960, 6, 1), date(1926, 11, 19)),
    ],
)
def test_two_digit_years_are_placed_near_today(today: date, expected: date) -> None:
    assert parse_date("nov 19 26", today) == expected
