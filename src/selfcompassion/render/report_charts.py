"""The report's sections for a whole stretch (a trend of weeks or a year): practice over
all of it, the weekly chart, the calendar of days and the year of days."""

from __future__ import annotations

from ..report.closing import plural
from ..report.figures import Reframes, Report, Stretch
from ..traps.catalog import trap_name
from .page_parts import Grid, Section, num
from .textcharts import ArtLine, bar_labels_width, bars, calendar, day_label, week_chart, year_grid

__all__ = ["day_label"]


def stretch_practice(report: Report, stretch: Stretch) -> Section:
    """Practice counted over the whole stretch, with the streak as of the report's day."""
    section = Section("Practice")
    section.rows.append(
        ("days practised", f"{stretch.days_practised} of {plural(stretch.days_counted, 'day')}")
    )
    section.rows.append(("longest run", f"{plural(stretch.longest_run, 'day')} in a row"))
    if report.practice.current_streak:
        section.rows.append(("streak now", plural(report.practice.current_streak, "day")))
    if stretch.mood is not None or stretch.kindness is not None:
        section.rows.append(
            ("average", f"mood {num(stretch.mood)} · self-kindness {num(stretch.kindness)}")
        )
    return section


def week_chart_section(report: Report) -> Section:
    section = Section("Mood and self-kindness by week (1–5)", figure="weeks")
    section.art = week_chart(
        [figures.period.start for figures in report.trend],
        [figures.mood.average for figures in report.trend],
        [figures.kindness.average for figures in report.trend],
    )
    return section


def calendar_section(stretch: Stretch) -> Section:
    section = Section("Days practised", figure="calendar")
    section.art = calendar(stretch.days)
    return section


def year_section(stretch: Stretch) -> Section:
    section = Section("A year of days", figure="year")
    section.art = year_grid(stretch.days)
    return section


#: (label, style) of the reframe figures drawn as bars, in the terminal and as SVG.
CRITIC_BEFORE = ("belief in critic, before", "red")
CRITIC_AFTER = ("belief in critic, after", "green")
EASED = ("feelings eased by", "cyan")
BALANCED = ("belief in balanced thought", "blue")
TRAPS_TITLE, TRAP_STYLE = "Thinking traps noted most", "yellow"


def reframe_scores(reframes: Reframes) -> list[tuple[str, float, str]]:
    """The critic's belief before and after, the feelings eased and the belief in the
    balanced thought, each (label, value of 100, style), leaving out what no reframe rated."""
    belief, found = reframes.belief, []
    if belief.critic_rated and belief.critic_before is not None:
        found.append((CRITIC_BEFORE[0], belief.critic_before, CRITIC_BEFORE[1]))
    if belief.critic_rated and belief.critic_after is not None:
        found.append((CRITIC_AFTER[0], belief.critic_after, CRITIC_AFTER[1]))
    if reframes.feelings_eased is not None:
        found.append((EASED[0], reframes.feelings_eased, EASED[1]))
    if belief.balanced_rated and belief.balanced is not None:
        found.append((BALANCED[0], belief.balanced, BALANCED[1]))
    return found


def reframe_art(reframes: Reframes) -> list[ArtLine]:
    """The reframes as small bar charts: scores out of 100, then the traps noted most."""
    scores = reframe_scores(reframes)
    traps = [(trap_name(trap_id), float(times), TRAP_STYLE) for trap_id, times in reframes.traps]
    width = bar_labels_width([label for label, _, _ in scores + traps])
    art = bars(scores, 100, axis=True, label_width=width)
    if traps:
        most = max(times for _, times, _ in traps)
        art += [[("bold", TRAPS_TITLE)], *bars(traps, most, decimals=0, label_width=width)]
    return art


def week_table(report: Report) -> Grid:
    """A row per week, labelled by its Monday ("14 Sep")."""
    show_checkin = any(figures.checkin.count for figures in report.trend)
    headers = ["week", "days", "mood", "kind", "reframes", "eased", "made", "kept"]
    if show_checkin:
        headers.append("check-in")
    rows = []
    for figures in report.trend:
        row = [
            day_label(figures.period.start),
            str(figures.days_journaled),
            num(figures.mood.average),
            num(figures.kindness.average),
            str(figures.reframes),
            num(figures.feelings_eased),
            str(figures.commitments.made),
            str(figures.commitments.kept),
        ]
        if show_checkin:
            row.append(num(figures.checkin.total))
        rows.append(tuple(row))
    return Grid(tuple(headers), rows, (False, *[True] * (len(headers) - 1)))
