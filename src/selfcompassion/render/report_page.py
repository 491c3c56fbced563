"""What a report page says: a title, sections of labelled figures, small tables and a
closing line, all as plain strings.

Every view (``render.report``: the terminal, its SVG and HTML exports, Markdown) draws this
one page, so they never disagree about what a report says.
"""

from __future__ import annotations

from datetime import date

from ..report.closing import period_phrase, plural
from ..report.figures import Commitments, Count, Report, change
from ..report.periods import WEEK, YEAR, Period
from ..traps.catalog import trap_name
from . import clean
from .page_parts import Grid, Line, Page, Section, num
from .textcharts import MONTHS as _MONTHS
from .textcharts import WEEKDAYS as _WEEKDAYS

__all__ = ["Grid", "Line", "Page", "Section", "num"]

#: Periods up to this many days show a row per day; longer ones a sparkline.
DAY_ROWS_UP_TO = 14
#: Periods up to this many days show a sparkline of days; longer ones only averages.
SPARKLINE_UP_TO = 366
_BLOCKS = "▁▂▃▄▅▆▇█"
# -- small formats -----------------------------------------------------------------------


def signed(value: float | int | None) -> str:
    if value is None:
        return "–"
    return f"{value:+.1f}" if isinstance(value, float) else f"{value:+d}"


def bar(value: float | None, width: int = 5) -> str:
    """A horizontal bar for a 1-5 rating: a block per point, a half block for a half."""
    if value is None:
        return "·".ljust(width)
    halves = round(value * 2)
    return ("█" * (halves // 2) + ("▌" if halves % 2 else "")).ljust(width)


def sparkline(values: list[float | None]) -> str:
    """One character per value on a 1-5 scale; a dot where there is none."""
    return "".join(
        "·" if value is None else _BLOCKS[max(0, min(7, round((value - 1) / 4 * 7)))]
        for value in values
    )


def short_day(day: date, *, month: bool = True) -> str:
    """ "Mon 16 Nov", or "Mon 16" where the month is already clear."""
    shown = f"{_WEEKDAYS[day.weekday()]} {day.day}"
    return f"{shown} {_MONTHS[day.month - 1]}" if month else shown


def span_text(period: Period) -> str:
    """ "16–22 Nov 2026", "28 Sep – 4 Oct 2026" or "29 Dec 2025 – 4 Jan 2026"."""
    start, end = period.start, period.end
    if start.year != end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} {start.year} – {end.day} " + (
            f"{_MONTHS[end.month - 1]} {end.year}"
        )
    if start.month != end.month:
        return f"{start.day} {_MONTHS[start.month - 1]} – {end.day} {_MONTHS[end.month - 1]} " + (
            f"{end.year}"
        )
    return f"{start.day}–{end.day} {_MONTHS[end.month - 1]} {end.year}"


def count_items(counts: tuple[Count, ...], prefix: str = "") -> tuple[str, ...]:
    """Each name with its count ("#work 2"), an item that is kept together when drawn."""
    return tuple(f"{prefix}{clean(name)} {count}" for name, count in counts)


def theme_words(counts: tuple[Count, ...]) -> tuple[Count, ...]:
    """Prompt themes in words: "boundaries-and-rest" reads "boundaries and rest"."""
    import re

    return tuple(Count(re.sub(r"(?<!self)[-_]", " ", name), times) for name, times in counts)


def joined(value: str | tuple[str, ...]) -> str:
    return value if isinstance(value, str) else " · ".join(value)


def _before_label(report: Report) -> str:
    if report.current.period.kind == YEAR:
        return "last year" if report.is_current else "year before"
    if report.current.period.kind != WEEK:
        return "days before"
    return "last week" if report.is_current else "week before"


def _compare(now: str, before: str, report: Report, difference: str = "") -> str:
    """A figure beside the previous period's; the change only where it says something."""
    return f"{now}  ({_before_label(report)} {before}" + (f", {difference})" if difference else ")")


# -- the page ----------------------------------------------------------------------------


def report_page(report: Report) -> Page:
    """Lay the report out as strings, in the order a person reads it."""
    from . import report_charts as charts

    period = report.current.period
    stretch = report.stretch if report.charted else None
    if report.trend:
        first = report.trend[0].period
        title = f"{plural(len(report.trend), 'week')} from {charts.day_label(first.start)}"
        subtitle = span_text(Period(first.start, period.end))
    elif period.kind == YEAR:
        title = f"The year {period.label}"
        subtitle = f"{span_text(period)} · compared with {report.previous.period.label}"
    else:
        title = f"Week {period.label}" if period.kind == WEEK else f"{period.days} days"
        subtitle = f"{span_text(period)} · compared with {report.previous.period.label}"
    if not report.is_current:
        subtitle += f" · as of {short_day(report.as_of)}"
    sections = [_practice(report) if stretch is None else charts.stretch_practice(report, stretch)]
    if report.trend:
        if stretch is not None:
            sections += [charts.week_chart_section(report), charts.calendar_section(stretch)]
        sections.append(_trend(report))
        reframes = _reframes(report)
        if reframes is not None:
            sections.append(reframes)
    elif not report.quiet:
        if stretch is not None:
            sections.append(charts.year_section(stretch))
        sections += [
            section
            for section in (
                _ratings(report),
                _reframes(report),
                _commitments(report),
                _themes(report),
                _checkin(report),
            )
            if section is not None
        ]
    if report.entries:
        sections += _words(report)
    return Page(title, subtitle, sections, report.closing)


def _practice(report: Report) -> Section:
    now, before, practice = report.current, report.previous, report.practice
    section = Section("Practice")
    section.rows.append(
        (
            "days journaled",
            _compare(str(now.days_journaled), str(before.days_journaled), report),
        )
    )
    section.rows.append(("last 7 days", f"{plural(practice.last_7, 'day')} practised"))
    section.rows.append(("last 30 days", f"{plural(practice.last_30, 'day')} practised"))
    streak = f"longest {plural(practice.longest_streak, 'day')}"
    if practice.current_streak:
        streak = f"{plural(practice.current_streak, 'day')} now · {streak}"
    section.rows.append(("streak", streak))
    if practice.welcome_back is not None:
        away = plural(practice.welcome_back.days_away, "day")
        section.lines.append(("green", f"Welcome back after {away} away."))
    elif not practice.current_streak and practice.days_since_last_entry is not None:
        section.lines.append(
            (
                "italic",
                f"Your last entry was {plural(practice.days_since_last_entry, 'day')} ago. "
                "The page is here whenever you want it.",
            )
        )
    return section


def _ratings(report: Report) -> Section | None:
    now, before = report.current, report.previous
    if not (now.mood.days or now.kindness.days or before.mood.days or before.kindness.days):
        return None
    section = Section("Mood and self-kindness (1–5)")
    rows: list[tuple[str, ...]] = []
    by_day = report.current.period.days <= DAY_ROWS_UP_TO
    if by_day:
        rows += [
            (short_day(day.day, month=False), bar(day.mood), num(day.mood))
            + (bar(day.kindness), num(day.kindness))
            for day in report.days
            if day.day <= report.as_of
        ]
    elif report.current.period.days <= SPARKLINE_UP_TO and not report.charted:
        section.rows.append(("mood", sparkline([day.mood for day in report.days])))
        section.rows.append(("kindness", sparkline([day.kindness for day in report.days])))
    rows += [
        ("average", "", num(now.mood.average), "", num(now.kindness.average)),
        (_before_label(report), "", num(before.mood.average), "", num(before.kindness.average)),
        (
            "change",
            "",
            signed(change(now.mood.average, before.mood.average)),
            "",
            signed(change(now.kindness.average, before.kindness.average)),
        ),
    ]
    if by_day:  # a bar a day: each heading sits over its bars
        section.grid = Grid(
            ("", "mood", "", "kindness", ""), rows, (False, False, True, False, True)
        )
    else:  # no bars: each heading sits over its numbers, with no empty column between
        numbers: list[tuple[str, ...]] = [(row[0], row[2], row[4]) for row in rows]
        section.grid = Grid(("", "mood", "kindness"), numbers, (False, True, True))
    return section


def _reframes(report: Report) -> Section | None:
    """How many reframes, then the critic's belief, the feelings eased, the belief in the
    balanced thought and the traps as bars (means over the reframes that rated each): over
    the whole stretch of a trend of weeks, else the period's (beside the one before)."""
    from .report_charts import reframe_art, reframe_scores

    before, shown, weeks = report.previous, report.reframes_shown, len(report.trend)
    if not (shown.count or (weeks <= 1 and before.reframes)):
        return None
    section = Section("Reframes")
    count = str(shown.count)
    if weeks > 1:
        count += f" in these {weeks} weeks"
    else:
        count = _compare(count, str(before.reframes), report)
    section.rows.append(("reframes", count))
    section.art = reframe_art(shown)
    section.art_words = [
        (label, f"{num(value)} of 100") for label, value, _ in reframe_scores(shown)
    ]
    if shown.traps:
        named = tuple(Count(trap_name(trap_id), times) for trap_id, times in shown.traps)
        section.art_words.append(("thinking traps", count_items(named)))
    return section


def _commitments(report: Report) -> Section | None:
    made, intentions = report.current.commitments, report.intentions
    if made == Commitments() and not report.open_commitments and not intentions.looked_back:
        return None
    section = Section("Commitments")
    section.rows.append(
        (
            period_phrase(report),
            f"made {made.made} · kept {made.kept} · partly {made.partly} · let go {made.let_go}",
        )
    )
    overdue = (
        f" ({report.overdue_commitments} past the day set)" if report.overdue_commitments else ""
    )
    section.rows.append(("still open", f"{report.open_commitments}{overdue}"))
    if made.rate is not None:
        section.rows.append(("followed through", f"{made.rate}% of {made.due} due"))
    if intentions.looked_back:
        section.rows.append(
            (
                "intentions",
                f"went well {intentions.went_well} · partly {intentions.partly} · "
                f"not yet {intentions.not_yet} · let go {intentions.let_go}",
            )
        )
    return section


def _themes(report: Report) -> Section | None:
    if not (report.tags or report.themes):
        return None
    section = Section("Themes")
    if report.tags:
        section.rows.append(("tags", count_items(report.tags, "#")))
    if report.themes:
        section.rows.append(("prompts", count_items(theme_words(report.themes))))
    return section


def _checkin(report: Report) -> Section | None:
    now, before = report.current.checkin, report.previous.checkin
    if not (now.count or before.count):
        return None
    section = Section("Weekly check-in (1–5)")
    moved = change(now.total, before.total)
    difference = "" if moved is None else signed(moved)
    section.rows.append(("total", _compare(num(now.total), num(before.total), report, difference)))
    section.rows.append(
        (
            "components",
            f"self-kindness {num(now.self_kindness)} · common humanity "
            f"{num(now.common_humanity)} · mindfulness {num(now.mindfulness)}",
        )
    )
    return section


def _trend(report: Report) -> Section:
    from .report_charts import week_table

    section = Section("Week by week")
    section.grid = week_table(report)
    if not report.charted:
        section.rows.append(("mood", sparkline([f.mood.average for f in report.trend])))
        section.rows.append(("kindness", sparkline([f.kindness.average for f in report.trend])))
    return section


def _words(report: Report) -> list[Section]:
    """The period's entries in their own words (ratings are already in the figures)."""
    sections = [Section("Your words")]
    for entry in report.entries or ():
        section = Section(f"{short_day(entry.journal_date)} · {entry.kind}", level=3)
        for answer in entry.answers:
            if answer.text and answer.kind != "scale":
                # An imported jrnl note has no prompt: its words stand alone.
                if answer.prompt.strip():
                    section.lines.append(("dim", answer.prompt))
                section.lines.append(("", answer.text))
        if entry.tags:
            section.lines.append(("cyan", " ".join(f"#{tag}" for tag in entry.tags)))
        sections.append(section)
    return sections
