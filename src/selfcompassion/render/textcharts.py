"""Charts drawn with characters: the weekly line of mood and self-kindness, a calendar of
days practised (a column per week, a row per weekday), a year of days (a row per month) and
small horizontal bars (the reframes).

Each chart is a list of lines, each line a list of (style, text) pieces. The characters
carry the meaning on their own (NO_COLOR, a printout); styles only add colour. Every chart
fits in 60 columns: long stretches show their most recent weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..report.figures import DayMark

#: (style, text) pieces of one line of a chart.
ArtLine = list[tuple[str, str]]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
#: The most weeks a chart or calendar draws (a column each, in 60 columns).
MAX_COLUMNS = 52
MOOD_MARK, KINDNESS_MARK, BOTH_MARK = "●", "○", "◉"
MOOD_STYLE, KINDNESS_STYLE = "magenta", "cyan"
NO_ENTRY, UNRATED = "·", "○"
#: A day's mood, 1 to 5, as a cell: taller and brighter for a lighter day.
MOOD_CELLS = ("▁", "▂", "▄", "▆", "█")
MOOD_STYLES = ("blue", "cyan", "green", "yellow", "bright_yellow")


def day_label(day: date) -> str:
    """ "14 Sep": the first day of a week, as people read it."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def _column_width(columns: int, wide: int, limit: int) -> int:
    return wide if columns <= limit else (2 if columns <= 26 else 1)


def week_chart(
    starts: Sequence[date], moods: Sequence[float | None], kindness: Sequence[float | None]
) -> list[ArtLine]:
    """Mood and self-kindness per week on a 1-5 axis, a row per half point."""
    starts, moods, kindness = starts[-MAX_COLUMNS:], moods[-MAX_COLUMNS:], kindness[-MAX_COLUMNS:]
    width = _column_width(len(starts), 4, 12)
    lines: list[ArtLine] = []
    for row in range(9):
        level = 5 - row / 2
        axis = f"{int(level)} ┤" if level == int(level) else "  │"
        line: ArtLine = [("dim", axis)]
        for mood, kind in zip(moods, kindness, strict=True):
            hit_mood = mood is not None and round(mood * 2) / 2 == level
            hit_kind = kind is not None and round(kind * 2) / 2 == level
            mark, style = " ", ""
            if hit_mood and hit_kind:
                mark, style = BOTH_MARK, "bold"
            elif hit_mood:
                mark, style = MOOD_MARK, MOOD_STYLE
            elif hit_kind:
                mark, style = KINDNESS_MARK, KINDNESS_STYLE
            pad = (width - 1) // 2
            line += [("", " " * pad), (style, mark), ("", " " * (width - 1 - pad))]
        lines.append(line)
    lines.append([("dim", "  └" + "─" * (width * len(starts)))])
    lines.append([("dim", "   " + _labels([day_label(day) for day in starts], width))])
    lines.append(
        [
            (MOOD_STYLE, MOOD_MARK),
            ("", " mood   "),
            (KINDNESS_STYLE, KINDNESS_MARK),
            ("", " self-kindness   "),
            ("bold", BOTH_MARK),
            ("", " both"),
        ]
    )
    return lines


def _labels(labels: Sequence[str], width: int) -> str:
    """Labels under their columns, as many as fit without touching."""
    text = ""
    for index, label in enumerate(labels):
        at = index * width
        if at >= len(text) + (1 if text else 0):
            text = text.ljust(at) + label
    return text


def _cell(mark: DayMark | None) -> tuple[str, str]:
    if mark is None:
        return ("", " ")
    if not mark.practised:
        return ("dim", NO_ENTRY)
    if mark.mood is None:
        return ("", UNRATED)
    level = max(1, min(5, round(mark.mood))) - 1
    return (MOOD_STYLES[level], MOOD_CELLS[level])


def legend() -> ArtLine:
    line: ArtLine = [("dim", NO_ENTRY), ("", " no entry  "), ("", UNRATED), ("", " no mood  ")]
    line += [(style, cell) for style, cell in zip(MOOD_STYLES, MOOD_CELLS, strict=True)]
    return [*line, ("", " mood 1 to 5")]


def calendar(days: Sequence[DayMark]) -> list[ArtLine]:
    """A column per week (Monday first), a row per weekday; the latest weeks that fit."""
    if not days:
        return []
    by_day = {mark.day: mark for mark in days}
    first = days[0].day - timedelta(days=days[0].day.weekday())
    mondays = [first + timedelta(weeks=n) for n in range((days[-1].day - first).days // 7 + 1)]
    mondays = mondays[-MAX_COLUMNS:]
    width = _column_width(len(mondays), 2, 26)
    months = ""
    for index, monday in enumerate(mondays):
        if index == 0 or monday.month != mondays[index - 1].month:
            at = index * width
            if at >= len(months) + (1 if months else 0):
                months = months.ljust(at) + MONTHS[monday.month - 1]
    lines: list[ArtLine] = [[("dim", "    " + months)]]
    for weekday in range(7):
        line: ArtLine = [("dim", f"{WEEKDAYS[weekday]} ")]
        for monday in mondays:
            style, text = _cell(by_day.get(monday + timedelta(days=weekday)))
            line += [(style, text), ("", " " * (width - 1))]
        lines.append(line)
    return [*lines, legend()]


def year_grid(days: Sequence[DayMark]) -> list[ArtLine]:
    """Twelve rows of months, a cell per day of the month."""
    if not days:
        return []
    by_day = {mark.day: mark for mark in days}
    lines: list[ArtLine] = [[("dim", "    1        10        20        30")]]
    year = days[0].day.year
    for month in range(1, 13):
        line: ArtLine = [("dim", f"{MONTHS[month - 1]} ")]
        for day_number in range(1, 32):
            try:
                day = date(year, month, day_number)
            except ValueError:
                break
            line.append(_cell(by_day.get(day)))
        lines.append(line)
    return [*lines, legend()]


#: The width of a full bar, and the widest label beside one (a chart fits in 60 columns).
BAR_WIDTH, BAR_LABEL_WIDTH = 20, 26


def _bar_label(text: str) -> str:
    """A label from the journal (a thinking trap's name) on one short line, with no control
    characters and no backquote (a chart is also printed inside a Markdown code block)."""
    kept = "".join(c if c.isprintable() and c != "`" else " " for c in text).strip()
    return kept if len(kept) <= BAR_LABEL_WIDTH else kept[: BAR_LABEL_WIDTH - 1] + "…"


def bar_labels_width(labels: Sequence[str]) -> int:
    """The width the longest of these labels takes beside a bar."""
    return max((len(_bar_label(label)) for label in labels), default=0)


def bars(
    items: Sequence[tuple[str, float, str]],
    scale: float,
    *,
    decimals: int = 1,
    axis: bool = False,
    label_width: int = 0,
) -> list[ArtLine]:
    """A bar per (label, value, style), from 0 to ``scale``: a block per twentieth, a half
    block for a half, the value written after it; with ``axis``, the scale's ends below.
    Labels take ``label_width`` columns at least (to line up with other bars)."""
    if not items:
        return []
    labels = [_bar_label(label) for label, _, _ in items]
    width = max(label_width, *(len(label) for label in labels))
    lines: list[ArtLine] = []
    for label, (_, value, style) in zip(labels, items, strict=True):
        halves = round(max(0.0, min(1.0, value / scale)) * BAR_WIDTH * 2) if scale else 0
        drawn = "█" * (halves // 2) + ("▌" if halves % 2 else "")
        shown = f"{value:.{decimals}f}"
        lines.append(
            [
                ("", label.ljust(width) + " "),
                (style, drawn),
                ("", " " * (BAR_WIDTH - len(drawn)) + " " + shown),
            ]
        )
    if axis:
        ends = f"{scale:.{decimals}f}".removesuffix(".0")
        lines.append([("dim", " " * (width + 1) + "0".ljust(BAR_WIDTH - len(ends)) + ends)])
    return lines
