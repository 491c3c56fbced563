"""Reading the dates people type, for every command that takes one.

python-dateutil reads absolute dates well ("2026-11-19", "19 November 2026") and does
calendar arithmetic well (relativedelta), but it does not read the relative words people
actually use in a journal: "yesterday", "3 days ago", "last friday", "this week". Left to
itself it also guesses in ways a journal should not: "friday" becomes the *next* friday,
"5/6/2026" silently picks an order, and odd input can raise OverflowError. This layer reads
the relative words itself, hands only clearly absolute dates to dateutil, and turns every
problem into one InputError with a plain message.

Time is a parameter: every function takes ``today`` explicitly and nothing here reads the
clock, so behaviour is the same in tests, in scripts and at midnight.

Choices worth knowing:

* ``last friday`` is the most recent friday strictly before today; ``next friday`` the first
  friday strictly after today; ``this friday`` the friday of the current ISO week
  (Monday to Sunday), which may be behind or ahead of today.
* A bare weekday ("friday", "fri") depends on ``prefer``. Looking back (``"past"``, used for
  the day an entry belongs to) it is the most recent one on or before today, so "friday"
  said on a friday means today. Looking ahead (``"future"``, used for due dates) it is the
  first one on or after today, so again "friday" on a friday means today.
* A day and month without a year ("Nov 19") follow the same rule: the most recent such day on
  or before today when looking back, the next one on or after today when looking ahead.
* ``last/this/next week|month|year`` mean the *start* of that period (a Monday, the 1st,
  1 January), which is what ``--since`` wants. ``end of week|month|year`` is the last day of
  the current period.
* Only unambiguous absolute forms are read: year-month-day with digits ("2026-11-19",
  "2026/11/19") or forms naming the month ("19 November 2026", "Nov 19", "nov 19 2026").
  "05/06/2026" is refused rather than guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from selfcompassion.errors import InputError

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = [
    "Prefer",
    "date_hint",
    "example_date",
    "describe",
    "full_date",
    "parse_date",
    "parse_due_date",
    "parse_iso_week",
    "parse_past_date",
    "week_bounds",
]

Prefer = Literal["past", "future"]

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_COUNT = r"(?P<count>[0-9]{1,6}|" + "|".join(_NUMBER_WORDS) + ")"
_UNIT = r"(?P<unit>day|week|month|year)s?"

_AGO = re.compile(rf"^{_COUNT} {_UNIT} ago$")
_IN = re.compile(rf"^in {_COUNT} {_UNIT}$")
_FROM_NOW = re.compile(rf"^{_COUNT} {_UNIT} from (?:now|today)$")
_WEEKDAY = re.compile(rf"^(?:(?P<which>last|this|next) )?(?P<day>{_WEEKDAY_ALT})$")
_PERIOD = re.compile(r"^(?P<which>last|this|next) (?P<period>week|month|year)$")
_END_OF = re.compile(r"^end of (?:the |this )?(?P<period>week|month|year)$")
_ISO_NUMERIC = re.compile(r"^[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}$")
_MONTH_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_WEEKDAY_WORD = re.compile(rf"\b(?:{_WEEKDAY_ALT})\b")
_ISO_WEEK = re.compile(r"^(?P<year>[0-9]{4})-?w(?P<week>[0-9]+)$")

# Two defaults that differ in year, month and day, both leap years (so "feb 29" without a
# year still parses): comparing the two results tells which parts the text really gave.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2004, 12, 28)


@functools.cache
def _years_near_today() -> Callable[[date], parserinfo]:
    """dateutil's parser rules, except that a two-digit year ("nov 19 26") is placed within
    50 years of ``today`` rather than of the computer's clock.

    Built on first use: dateutil's parser takes about 10 ms to import, which only a date
    written out in full ("19 November 2026") needs to pay.
    """
    from dateutil import parser

    class YearsNearToday(parser.parserinfo):
        def __init__(self, today: date) -> None:
            super().__init__()
            self._today_year = today.year

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                year += self._today_year // 100 * 100
                if year >= self._today_year + 50:
                    year -= 100
                elif year < self._today_year - 50:
                    year += 100
            return year

    return YearsNearToday


def _plus(day: date, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> date:
    """Calendar arithmetic with dateutil's relativedelta (a month after 31 January is the
    end of February), imported when first needed."""
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(years=years, months=months, weeks=weeks, days=days)


#: How far from today the dates in examples lie: far enough that the example reads as a
#: date to type, near enough to look like one the person might mean.
EXAMPLE_DAYS = 10


def example_date(today: date, prefer: Prefer) -> str:
    """A date to show in an example, worked out from ``today``: ``EXAMPLE_DAYS`` behind it
    for a question about a past day, as many ahead for a day to come, so that an example
    is never one the question would refuse."""
    offset = timedelta(days=EXAMPLE_DAYS if prefer == "future" else -EXAMPLE_DAYS)
    try:
        return (today + offset).isoformat()
    except OverflowError:  # only at the very edges of the calendar
        return today.isoformat()


def date_hint(today: date, prefer: Prefer) -> str:
    """What to try instead of a date that could not be read, in the question's direction."""
    if prefer == "future":
        words = '"tomorrow", "friday", "in 3 days"'
    else:
        words = '"yesterday", "last friday", "3 days ago"'
    return f'Try {words} or "{example_date(today, prefer)}".'


def _shown(text: str) -> str:
    """The text as it may be shown back: one line, printable, not too long."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in " ".join(text.split()))
    return cleaned if len(cleaned) <= 40 else cleaned[:39] + "…"


def _unreadable(text: str, today: date, prefer: Prefer) -> InputError:
    return InputError(f'"{_shown(text)}" is not a date I can read. {date_hint(today, prefer)}')


def _count(word: str) -> int:
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)


def _shift(text: str, today: date, unit: str, amount: int, prefer: Prefer) -> date:
    try:
        return _plus(today, **{unit + "s": amount})
    except (OverflowError, ValueError):
        raise _unreadable(text, today, prefer) from None


def _period_start(today: date, period: str, offset: int) -> date:
    if period == "week":
        return week_bounds(today)[0] + timedelta(weeks=offset)
    if period == "month":
        return _plus(today.replace(day=1), months=offset)
    return date(today.year + offset, 1, 1)


def _period_end(today: date, period: str) -> date:
    if period == "week":
        return week_bounds(today)[1]
    if period == "month":
        return _plus(today.replace(day=1), months=1, days=-1)
    return date(today.year, 12, 31)


def _weekday(today: date, weekday: int, which: str | None, prefer: Prefer) -> date:
    ahead = (weekday - today.weekday()) % 7  # 0..6 days until the next one (0 = today)
    behind = (today.weekday() - weekday) % 7  # 0..6 days since the last one (0 = today)
    if which == "last":
        return today - timedelta(days=behind or 7)
    if which == "next":
        return today + timedelta(days=ahead or 7)
    if which == "this":
        return week_bounds(today)[0] + timedelta(days=weekday)
    if prefer == "future":
        return today + timedelta(days=ahead)
    return today - timedelta(days=behind)


def _nearest(month: int, day: int, today: date, prefer: Prefer) -> date | None:
    """The closest valid month/day on or before (past) or on or after (future) today."""
    step = -1 if prefer == "past" else 1
    year = today.year
    for _ in range(9):  # a 29 February is at most eight years away
        if not MINYEAR <= year <= MAXYEAR:
            return None
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and (
            candidate <= today if prefer == "past" else candidate >= today
        ):
            return candidate
        year += step
    return None


def _absolute(text: str, cleaned: str, today: date, prefer: Prefer) -> date:
    """A date written out with digits or a month name, read by dateutil."""
    numeric = _ISO_NUMERIC.match(cleaned) is not None
    if not numeric and _MONTH_WORD.search(cleaned) is None:
        raise _unreadable(text, today, prefer)
    from dateutil import parser

    info = _years_near_today()(today)
    try:
        first = parser.parse(
            cleaned, info, default=_DEFAULT_A, dayfirst=False, yearfirst=numeric, ignoretz=True
        )
        second = parser.parse(
            cleaned, info, default=_DEFAULT_B, dayfirst=False, yearfirst=numeric, ignoretz=True
        )
    except (ValueError, OverflowError, TypeError):
        raise _unreadable(text, today, prefer) from None
    if first.month != second.month or first.day != second.day:
        raise _unreadable(text, today, prefer)  # "November 2026": no day given, so no day to guess

    if first.year == second.year:
        found = first.date()
        named = _WEEKDAY_WORD.search(cleaned)
        if named is not None and _WEEKDAYS[named.group()] != found.weekday():
            raise _mismatch(text, found)
        return found

    other: Prefer = "future" if prefer == "past" else "past"
    preferred = _nearest(first.month, first.day, today, prefer)
    named = _WEEKDAY_WORD.search(cleaned)
    if named is None:
        if preferred is None:
            raise _unreadable(text, today, prefer)
        return preferred
    # "Friday 25 December", as describe() writes a day later this year: if the preferred
    # year does not make it a friday, accept this year's 25 December when that one does.
    wanted = _WEEKDAYS[named.group()]
    for candidate in (preferred, _nearest(first.month, first.day, today, other)):
        if (
            candidate is not None
            and candidate.weekday() == wanted
            and (candidate == preferred or candidate.year == today.year)
        ):
            return candidate
    if preferred is None:
        raise _unreadable(text, today, prefer)
    raise _mismatch(text, preferred)


def _mismatch(text: str, found: date) -> InputError:
    return InputError(
        f'"{_shown(text)}" does not add up: {found.day} {_MONTH_NAMES[found.month - 1]} '
        f"{found.year} is a {_DAY_NAMES[found.weekday()]}."
    )


def parse_date(text: str, today: date, *, prefer: Prefer = "past") -> date:
    """Read a date, past or future, relative to ``today``.

    ``prefer`` only matters when the text leaves the direction open: a bare weekday
    ("friday") or a day without a year ("Nov 19"). See the module docstring for the forms.
    Anything unreadable raises InputError; no other exception escapes.
    """
    if prefer not in ("past", "future"):
        raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
    cleaned = " ".join(text.split()).lower().rstrip(".")
    if not cleaned:
        raise InputError(f"A date is needed here. {date_hint(today, prefer)}")

    if cleaned == "today":
        return today
    if cleaned in ("yesterday", "tomorrow"):
        return _shift(text, today, "day", -1 if cleaned == "yesterday" else 1, prefer)

    if match := _AGO.match(cleaned):
        return _shift(text, today, match["unit"], -_count(match["count"]), prefer)
    if match := _IN.match(cleaned) or _FROM_NOW.match(cleaned):
        return _shift(text, today, match["unit"], _count(match["count"]), prefer)

    try:
        if match := _WEEKDAY.match(cleaned):
            return _weekday(today, _WEEKDAYS[match["day"]], match["which"], prefer)
        if match := _PERIOD.match(cleaned):
            offset = {"last": -1, "this": 0, "next": 1}[match["which"]]
            return _period_start(today, match["period"], offset)
        if match := _END_OF.match(cleaned):
            return _period_end(today, match["period"])
    except (OverflowError, ValueError):  # only at the very edges of the calendar
        raise _unreadable(text, today, prefer) from None

    return _absolute(text, cleaned, today, prefer)


def parse_past_date(text: str, today: date) -> date:
    """Read the day an entry belongs to: today or earlier. Bare weekdays look back."""
    day = parse_date(text, today, prefer="past")
    if day > today:
        raise InputError(
            f'"{_shown(text)}" is in the future; a journal day can be today or earlier, '
            f'like "yesterday" or "{example_date(today, "past")}".'
        )
    return day


def parse_due_date(text: str, today: date) -> date:
    """Read a commitment's due date: today or later. Bare weekdays look ahead."""
    day = parse_date(text, today, prefer="future")
    if day < today:
        raise InputError(
            f'"{_shown(text)}" has already passed; pick today or a day ahead, '
            f'like "tomorrow" or "{example_date(today, "future")}".'
        )
    return day


def parse_iso_week(text: str) -> tuple[date, date] | None:
    """Read an ISO week such as "2026-W47" (or "2026W47", "2026-w47").

    Returns the Monday and Sunday of that week, None when the text does not look like an
    ISO week at all, and raises InputError for a week the year does not have.
    """
    match = _ISO_WEEK.match(" ".join(text.split()).lower())
    if match is None:
        return None
    year, week = int(match["year"]), int(match["week"])
    if not MINYEAR <= year <= MAXYEAR:
        raise InputError(f'"{_shown(text)}" is not a week I can read. Try "2026-W47".')
    weeks_in_year = date(year, 12, 28).isocalendar().week
    if not 1 <= week <= weeks_in_year:
        raise InputError(f'"{_shown(text)}" is not a week: {year} has weeks 1 to {weeks_in_year}.')
    try:
        monday = date.fromisocalendar(year, week, 1)
        return monday, monday + timedelta(days=6)
    except (ValueError, OverflowError):  # the last week of year 9999 runs past the calendar
        raise InputError(f'"{_shown(text)}" is not a week I can read. Try "2026-W47".') from None


def week_bounds(day: date) -> tuple[date, date]:
    """The Monday and Sunday of the ISO week that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def describe(day: date, today: date) -> str:
    """A short English label: "today", "yesterday", "tomorrow", "Friday 20 November",
    or "Friday 20 November 2025" when the year is not this one."""
    if day == today:
        return "today"
    difference = (day - today).days
    if difference == -1:
        return "yesterday"
    if difference == 1:
        return "tomorrow"
    label = f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]}"
    return label if day.year == today.year else f"{label} {day.year}"


def full_date(day: date) -> str:
    """The day in full, for headings that stand on their own: "Friday 20 November 2026"."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"
