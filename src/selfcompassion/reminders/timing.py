"""When a reminder fires: a time of day and the days of the week, in every scheduler's terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)$")


@dataclass(frozen=True)
class Schedule:
    """A time of day (24-hour) and the weekdays it applies to (0 = Monday)."""

    hour: int
    minute: int
    days: tuple[int, ...] = tuple(range(7))

    @property
    def time_text(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def days_text(self) -> str:
        """The days as they were given back: 'every day', 'mon-fri' or 'mon,wed,fri'."""
        if self.days == tuple(range(7)):
            return "every day"
        if len(self.days) > 2 and self.days == tuple(range(self.days[0], self.days[-1] + 1)):
            return f"{DAY_NAMES[self.days[0]]}-{DAY_NAMES[self.days[-1]]}"
        return ",".join(DAY_NAMES[day] for day in self.days)

    def cron_fields(self) -> str:
        """Minute, hour, day of month, month, day of week (cron counts Sunday as 0)."""
        cron_days = "*" if len(self.days) == 7 else ",".join(str((d + 1) % 7) for d in self.days)
        return f"{self.minute} {self.hour} * * {cron_days}"

    def systemd_calendar(self) -> str:
        """An ``OnCalendar=`` value, e.g. ``Mon,Tue *-*-* 20:30:00``."""
        names = ",".join(DAY_NAMES[day].capitalize() for day in self.days)
        prefix = "" if len(self.days) == 7 else f"{names} "
        return f"{prefix}*-*-* {self.hour:02d}:{self.minute:02d}:00"

    def launchd_weekdays(self) -> tuple[int, ...]:
        """launchd's ``Weekday`` numbers (Sunday is 0)."""
        return tuple((day + 1) % 7 for day in self.days)

    def schtasks_days(self) -> str:
        return ",".join(DAY_NAMES[day].upper() for day in self.days)

    def due_on(self, weekday: int) -> bool:
        return weekday in self.days


def parse_time(text: str) -> tuple[int, int]:
    """'20:30', '2030', '8:05' or '20.30' as hour and minute."""
    match = _TIME.match(text.strip())
    if not match:
        raise InputError(f"'{text}' is not a time of day; give it as HH:MM, for example 20:30")
    return int(match.group(1)), int(match.group(2))


def parse_days(text: str | None) -> tuple[int, ...]:
    """'mon-fri', 'sat,sun', 'daily' or 'weekdays' as weekday numbers (0 = Monday)."""
    if text is None or text.strip().lower() in ("", "daily", "every day", "all"):
        return tuple(range(7))
    words = {"weekdays": "mon-fri", "weekends": "sat-sun", "weekend": "sat-sun"}
    text = words.get(text.strip().lower(), text)
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        if "-" in part:
            first, _, last = part.partition("-")
            start, end = _day(first, text), _day(last, text)
            span = range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)]
            days.update(span)
        else:
            days.add(_day(part, text))
    return tuple(sorted(days))


def _day(word: str, whole: str) -> int:
    for index, name in enumerate(DAY_NAMES):
        if word[:3] == name and name.startswith(word[:3]) and len(word) >= 3:
            return index
    raise InputError(f"'{whole}' is not a set of days; use names like mon-fri, sat,sun or daily")


def make_schedule(time_text: str, days_text: str | None) -> Schedule:
    hour, minute = parse_time(time_text)
    return Schedule(hour, minute, parse_days(days_text))
