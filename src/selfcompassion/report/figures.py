"""What a report holds: plain dataclasses of figures, read by the closing line, the views
and the JSON schema.

Averages are rounded once, to one decimal (``rounded``), and every change is the
difference of two rounded figures (``change``), so the text, the JSON and the exports
always agree. ``stats`` fills these from the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from .periods import Period

if TYPE_CHECKING:
    from ..store import Entry


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def change(current: float | None, previous: float | None) -> float | None:
    """The difference of two figures, or None when either is missing."""
    if current is None or previous is None:
        return None
    return round(current - previous, 1)


class Count(NamedTuple):
    """A name (a tag, a theme, a thinking trap) and how many times it came up."""

    name: str
    times: int


@dataclass(frozen=True)
class Rating:
    """The mean of the daily means of a 1-5 rating, and on how many days it was given."""

    average: float | None = None
    days: int = 0


@dataclass(frozen=True)
class Commitments:
    """Commitments made in a period (by their entry's day), closed in it (by the day they
    were closed) and due in it up to the report's day (let-go ones left out)."""

    made: int = 0
    kept: int = 0
    partly: int = 0
    let_go: int = 0
    due: int = 0
    followed: int = 0

    @property
    def rate(self) -> int | None:
        """The share of commitments due that were done or partly done, in percent."""
        return round(100 * self.followed / self.due) if self.due else None


@dataclass(frozen=True)
class Intentions:
    """How the intentions looked back at in a period went (``journal today`` asks)."""

    went_well: int = 0
    partly: int = 0
    not_yet: int = 0
    let_go: int = 0

    @property
    def looked_back(self) -> int:
        return self.went_well + self.partly + self.not_yet + self.let_go


@dataclass(frozen=True)
class Checkin:
    """Weekly check-in scores (1-5 means), once the check-in's score table exists."""

    count: int = 0
    total: float | None = None
    self_kindness: float | None = None
    common_humanity: float | None = None
    mindfulness: float | None = None


@dataclass(frozen=True)
class Belief:
    """How much the period's reframes believed the critic's words before and after (means
    over the reframes that rated both) and the balanced thought they wrote (0-100)."""

    critic_before: float | None = None
    critic_after: float | None = None
    critic_rated: int = 0
    balanced: float | None = None
    balanced_rated: int = 0


@dataclass(frozen=True)
class Reframes:
    """The reframes of a stretch of days: how many, how much the feelings eased and the
    belief in the critic moved on average (0-100), and the thinking traps noted most."""

    count: int = 0
    feelings_eased: float | None = None
    belief: Belief = Belief()
    traps: tuple[Count, ...] = ()

    @classmethod
    def from_row(cls, row: tuple[Any, ...] | None, traps: tuple[Count, ...] = ()) -> Reframes:
        """From a row of ``store.reframes_by_bucket`` (None: no reframes)."""
        if row is None:
            return cls(traps=traps)
        count, _scored, drop, before, after, both, balanced, balanced_rated = row
        belief = Belief(rounded(before), rounded(after), both, rounded(balanced), balanced_rated)
        return cls(count, rounded(drop), belief, traps)


@dataclass(frozen=True)
class Figures:
    """Everything counted for one period."""

    period: Period
    days_journaled: int = 0
    entries: int = 0
    mood: Rating = Rating()
    kindness: Rating = Rating()
    reframes: int = 0
    reframes_scored: int = 0
    #: How much the feelings named in a reframe eased between its start and its end: the mean
    #: of (intensity before - intensity after) on the 0-100 scale (reported in JSON as
    #: ``average_intensity_drop``).
    feelings_eased: float | None = None
    belief: Belief = Belief()
    commitments: Commitments = Commitments()
    checkin: Checkin = Checkin()


@dataclass(frozen=True)
class WelcomeBack:
    returned_on: date
    days_away: int


@dataclass(frozen=True)
class Practice:
    """Practice as of the report's day: recent days, streaks and the last entry."""

    last_7: int = 0
    last_30: int = 0
    current_streak: int = 0
    longest_streak: int = 0
    last_entry: date | None = None
    days_since_last_entry: int | None = None
    welcome_back: WelcomeBack | None = None


@dataclass(frozen=True)
class DayScores:
    day: date
    mood: float | None = None
    kindness: float | None = None


@dataclass(frozen=True)
class DayMark:
    """One day of a calendar: whether anything was written, and its ratings."""

    day: date
    practised: bool = False
    mood: float | None = None
    kindness: float | None = None


@dataclass(frozen=True)
class Stretch:
    """Practice over the whole of a trend or a year, up to the report's day."""

    start: date
    end: date
    days_counted: int = 0
    days_practised: int = 0
    longest_run: int = 0
    mood: float | None = None
    kindness: float | None = None
    days: tuple[DayMark, ...] = ()
    reframes: Reframes = Reframes()


@dataclass(frozen=True)
class Report:
    """A whole report: the period beside the one before, and its details."""

    today: date
    as_of: date
    current: Figures
    previous: Figures
    journal_entries: int = 0
    first_day: date | None = None
    last_day: date | None = None
    practice: Practice = Practice()
    days: tuple[DayScores, ...] = ()
    traps: tuple[Count, ...] = ()
    open_commitments: int = 0
    overdue_commitments: int = 0
    intentions: Intentions = Intentions()
    tags: tuple[Count, ...] = ()
    themes: tuple[Count, ...] = ()
    checkin_available: bool = False
    trend: tuple[Figures, ...] = ()
    #: The whole period (from the first week of a trend), day by day.
    stretch: Stretch | None = None
    entries: tuple[Entry, ...] | None = None
    closing: str = ""

    @property
    def empty(self) -> bool:
        """No entries in the whole journal."""
        return self.journal_entries == 0

    @property
    def quiet(self) -> bool:
        """No entries in the period."""
        return self.current.entries == 0

    @property
    def charted(self) -> bool:
        """A trend of several weeks or a year: shown with charts and whole-stretch figures."""
        from .periods import YEAR

        return self.stretch is not None and (
            len(self.trend) > 1 or self.current.period.kind == YEAR
        )

    @property
    def reframes_shown(self) -> Reframes:
        """The reframes a report shows: over the whole stretch of a trend of weeks, else the
        period's (a year's are the year's)."""
        if len(self.trend) > 1 and self.stretch is not None:
            return self.stretch.reframes
        now = self.current
        return Reframes(now.reframes, now.feelings_eased, now.belief, self.traps)

    @property
    def is_current(self) -> bool:
        """The period reaches today."""
        return self.current.period.end >= self.today
