"""Which days a report covers: an ISO week, the weeks of a trend, or a range of dates.

A report always sets one period beside the period of the same length just before it,
so that "this week" has a "last week" and a range of ten days has the ten days before.
Options are read here, with ``today`` given, and every problem is one InputError.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import InputError

WEEK = "week"
RANGE = "range"
YEAR = "year"
#: The most weeks a trend may show (about ten years).
MAX_WEEKS = 520
#: The longest range of dates a report may cover (about a century).
MAX_RANGE_DAYS = 36_600


@dataclass(frozen=True)
class Period:
    """A run of journal days, inclusive at both ends."""

    start: date
    end: date
    kind: str = RANGE

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        if self.kind == WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    def before(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        try:
            start = self.start - timedelta(days=self.days)
        except OverflowError:
            raise InputError("that period starts too early in the calendar to compare") from None
        return Period(start, self.start - timedelta(days=1), self.kind)


def week_of(day: date) -> Period:
    """The ISO week (Monday to Sunday) that contains ``day``."""
    # Worked out here rather than with dates.week_bounds: importing the date parser (and
    # dateutil) costs a plain ``journal report`` that reads no dates about 10 ms.
    monday = day - timedelta(days=day.weekday())
    try:
        return Period(monday, monday + timedelta(days=6), WEEK)
    except OverflowError:  # the last days of year 9999 belong to a week the calendar cuts off
        raise InputError("that week runs past the end of the calendar") from None


@dataclass(frozen=True)
class ReportRequest:
    """What a report covers: a period, how many weeks of trend (0 for none), and whether
    the words of the period's entries are included."""

    period: Period
    weeks: int = 0
    with_text: bool = False

    def as_of(self, today: date) -> date:
        """The day the report looks from: today, or the end of a period already over."""
        return min(today, self.period.end)

    def trend(self) -> list[Period]:
        """The weeks of the trend, oldest first, ending with the chosen week."""
        periods = [self.period]
        while len(periods) < self.weeks:
            periods.insert(0, periods[0].before())
        return periods if self.weeks else []


def year_period(year: int, today: date) -> Period:
    """1 January to 31 December of ``year``, refused when it has not begun."""
    if not 2 <= year <= 9999:
        raise InputError("--year-of takes a year from 2 to 9999, e.g. 2026")
    if year > today.year:
        raise InputError(f"{year} has not begun yet; choose a year up to {today.year}")
    return Period(date(year, 1, 1), date(year, 12, 31), YEAR)


def read_week(text: str, today: date) -> Period:
    """``2026-W47`` or any date inside the week ("last monday", "2026-11-19")."""
    from ..dates import parse_date, parse_iso_week

    bounds = parse_iso_week(text)
    if bounds is not None:
        return Period(bounds[0], bounds[1], WEEK)
    return week_of(parse_date(text, today, prefer="past"))


def choose_request(
    today: date,
    *,
    week: str | None = None,
    weeks: int | None = None,
    since: str | None = None,
    until: str | None = None,
    with_text: bool = False,
    year: int | None = None,
) -> ReportRequest:
    """Read the report's options; the current week when none choose a period."""
    ranged = since is not None or until is not None
    if year is not None:
        if ranged or week is not None or weeks is not None:
            raise InputError("--year shows a whole year; leave out --week, --weeks and --since")
        return ReportRequest(year_period(year, today), 0, with_text)
    if ranged and week is not None:
        raise InputError("choose the period with --week or with --since/--until, not both")
    if ranged and weeks is not None:
        raise InputError("--weeks counts back from a week; it cannot be used with --since/--until")
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise InputError(f"--weeks takes a number from 1 to {MAX_WEEKS}")
    if ranged:
        period = _read_range(today, since, until)
    else:
        period = read_week(week, today) if week is not None else week_of(today)
    if period.start > today:
        raise InputError(f"{period.label} has not begun yet; choose a period up to today")
    request = ReportRequest(period, weeks or 0, with_text)
    request.trend()  # a trend reaching before the calendar begins is refused now
    period.before()
    return request


def _read_range(today: date, since: str | None, until: str | None) -> Period:
    from ..dates import parse_date

    last = parse_date(until, today, prefer="past") if until is not None else today
    if since is not None:
        first = parse_date(since, today, prefer="past")
    elif last.toordinal() > 6:
        first = last - timedelta(days=6)  # a week's worth of days, ending on --until
    else:
        raise InputError("that range starts too early in the calendar; give --since as well")
    if first > last:
        raise InputError("--since is after --until; swap them or pick other dates")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise InputError(f"a report covers at most {MAX_RANGE_DAYS:,} days")
    return Period(first, last, RANGE)
