"""Charts drawn as SVG, by hand: the weekly line chart, the calendar of days, the year of
days and small horizontal bars. Each function returns one ``<svg>`` element as text.

Everything put into the markup passes through ``esc`` (labels may hold words from the
journal, such as the names of thinking traps); numbers are formatted by us. Shapes carry
the meaning without colour as well: mood is a solid line with circles, self-kindness a
dashed line with squares, and a day's mood is also given in its tooltip (``<title>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape
from typing import NamedTuple

from ..report.figures import DayMark
from .textcharts import MONTHS, WEEKDAYS, day_label

MOOD_COLOUR, KINDNESS_COLOUR = "#8a2d8a", "#137a86"
#: A day's mood, 1 to 5, as a fill: lighter days in deeper colour.
MOOD_FILLS = ("#d9e8f5", "#a9cce6", "#6baed6", "#3182bd", "#08519c")
NO_ENTRY_FILL, UNRATED_FILL = "#ececec", "#ffffff"
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


class Chart(NamedTuple):
    """One ``<svg>`` element and its size in pixels."""

    svg: str
    width: float
    height: float


NO_CHART = Chart("", 0, 0)


def esc(text: str) -> str:
    return escape(text, quote=True)


def _svg(width: float, height: float, label: str, body: list[str], css_class: str) -> Chart:
    markup = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-label="{esc(label)}" {FONT}><title>{esc(label)}</title>'
        + "".join(body)
        + "</svg>"
    )
    return Chart(markup, width, height)


def stack(title: str, charts: Sequence[Chart]) -> str:
    """Charts one under another in a single picture, under a title."""
    shown = [chart for chart in charts if chart.svg]
    width = max([chart.width for chart in shown] + [320.0]) + 24
    y, body = 40.0, [_text(12, 24, title, extra=' font-size="15" font-weight="bold"')]
    for chart in shown:
        body.append(chart.svg.replace("<svg ", f'<svg x="12" y="{y:.0f}" ', 1))
        y += chart.height + 16
    body.insert(0, f'<rect width="{width:.0f}" height="{y:.0f}" fill="#fff"/>')
    return _svg(width, y, title, body, "report").svg


def _text(x: float, y: float, words: str, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="#333"{extra}>'
        f"{esc(words)}</text>"
    )


def line_chart(
    starts: Sequence[date], moods: Sequence[float | None], kindness: Sequence[float | None]
) -> Chart:
    """Mood and self-kindness per week on a labelled 1-5 axis, a point per rated week."""
    count = max(1, len(starts))
    step = max(12.0, min(56.0, 640 / count))
    left, top, plot_h = 34.0, 14.0, 160.0
    width, height = left + step * count + 16, top + plot_h + 58
    body: list[str] = []

    def y_of(value: float) -> float:
        return top + (5 - value) / 4 * plot_h

    def x_of(index: int) -> float:
        return left + step * (index + 0.5)

    for level in range(1, 6):
        y = y_of(level)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + step * count:.1f}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        body.append(_text(left - 8, y + 4, str(level), "end"))
    body.append(
        f'<path class="axis" d="M{left} {top} V{top + plot_h} H{left + step * count:.1f}" '
        'stroke="#555" fill="none"/>'
    )
    every = max(1, round(48 / step))
    for index, start in enumerate(starts):
        if index % every == 0:
            body.append(_text(x_of(index), top + plot_h + 16, day_label(start), "middle"))
    for name, values, colour, dash in (
        ("mood", moods, MOOD_COLOUR, ""),
        ("kindness", kindness, KINDNESS_COLOUR, ' stroke-dasharray="5 3"'),
    ):
        path, pen_down = [], False
        for index, value in enumerate(values):
            if value is None:
                pen_down = False
                continue
            path.append(f"{'L' if pen_down else 'M'}{x_of(index):.1f} {y_of(value):.1f}")
            pen_down = True
        if path:
            body.append(
                f'<path class="series {name}" d="{" ".join(path)}" stroke="{colour}" '
                f'stroke-width="2" fill="none"{dash}/>'
            )
        for index, value in enumerate(values):
            if value is None:
                continue
            x, y = x_of(index), y_of(value)
            tip = f"<title>{esc(day_label(starts[index]))}: {name} {value:.1f}</title>"
            if name == "mood":
                body.append(
                    f'<circle class="point mood" cx="{x:.1f}" cy="{y:.1f}" r="4" '
                    f'fill="{colour}">{tip}</circle>'
                )
            else:
                body.append(
                    f'<rect class="point kindness" x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" '
                    f'width="7" height="7" fill="#fff" stroke="{colour}" stroke-width="2">'
                    f"{tip}</rect>"
                )
    legend_y = top + plot_h + 40
    body.append(f'<circle cx="{left + 6}" cy="{legend_y - 4}" r="4" fill="{MOOD_COLOUR}"/>')
    body.append(_text(left + 14, legend_y, "mood"))
    body.append(
        f'<rect x="{left + 62}" y="{legend_y - 7.5}" width="7" height="7" fill="#fff" '
        f'stroke="{KINDNESS_COLOUR}" stroke-width="2"/>'
    )
    body.append(_text(left + 74, legend_y, "self-kindness (dashed)"))
    return _svg(width, height, "Mood and self-kindness by week, 1 to 5", body, "weeks")


def _day_cell(mark: DayMark, x: float, y: float, size: float) -> str:
    if not mark.practised:
        fill, stroke, tip = NO_ENTRY_FILL, "none", "no entry"
    elif mark.mood is None:
        fill, stroke, tip = UNRATED_FILL, "#999", "entry, no mood"
    else:
        level = max(1, min(5, round(mark.mood)))
        fill, stroke, tip = MOOD_FILLS[level - 1], "none", f"mood {mark.mood:.1f}"
    state = "unpractised" if not mark.practised else "practised"
    return (
        f'<rect class="day {state}" data-date="{mark.day.isoformat()}" x="{x:.1f}" '
        f'y="{y:.1f}" width="{size}" height="{size}" rx="2" fill="{fill}" stroke="{stroke}">'
        f"<title>{mark.day.isoformat()}: {tip}</title></rect>"
    )


def _legend(x: float, y: float) -> list[str]:
    parts = [
        f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{NO_ENTRY_FILL}"/>',
        _text(x + 14, y, "no entry"),
        f'<rect x="{x + 70}" y="{y - 9}" width="10" height="10" fill="#fff" stroke="#999"/>',
        _text(x + 84, y, "no mood"),
    ]
    for level, fill in enumerate(MOOD_FILLS):
        parts.append(f'<rect x="{x + 140 + level * 12}" y="{y - 9}" width="10" height="10" '
                     f'fill="{fill}"/>')  # fmt: skip
    return [*parts, _text(x + 204, y, "mood 1 to 5")]


def calendar(days: Sequence[DayMark]) -> Chart:
    """A column per week (Monday first), a row per weekday, a square per day."""
    if not days:
        return NO_CHART
    first = days[0].day - timedelta(days=days[0].day.weekday())
    columns = (days[-1].day - first).days // 7 + 1
    size, gap, left, top = 12.0, 2.0, 34.0, 18.0
    body: list[str] = []
    for weekday in (0, 2, 4, 6):
        body.append(_text(left - 6, top + weekday * (size + gap) + 10, WEEKDAYS[weekday], "end"))
    shown_month = 0
    for mark in days:
        column = (mark.day - first).days // 7
        x, y = left + column * (size + gap), top + mark.day.weekday() * (size + gap)
        new_month = mark is days[0] or (mark.day.weekday() == 0 and mark.day.day <= 7)
        if new_month and mark.day.month != shown_month:
            body.append(_text(x, top - 6, MONTHS[mark.day.month - 1]))
            shown_month = mark.day.month
        body.append(_day_cell(mark, x, y, size))
    bottom = top + 7 * (size + gap) + 16
    body += _legend(left, bottom)
    width = max(left + columns * (size + gap) + 8, left + 280)
    return _svg(width, bottom + 8, "Days practised, shaded by mood", body, "calendar")


def year_grid(days: Sequence[DayMark]) -> Chart:
    """Twelve rows of months, a square per day of the month."""
    if not days:
        return NO_CHART
    size, gap, left, top = 12.0, 2.0, 34.0, 18.0
    year = days[0].day.year
    body = [
        _text(left + (n - 1) * (size + gap) + size / 2, top - 6, str(n), "middle")
        for n in (1, 10, 20, 30)
    ]
    for month in range(12):
        body.append(_text(left - 6, top + month * (size + gap) + 10, MONTHS[month], "end"))
    for mark in days:
        x = left + (mark.day.day - 1) * (size + gap)
        y = top + (mark.day.month - 1) * (size + gap)
        body.append(_day_cell(mark, x, y, size))
    bottom = top + 12 * (size + gap) + 16
    body += _legend(left, bottom)
    return _svg(
        left + 31 * (size + gap) + 8, bottom + 8, f"The year {year}, a square a day", body, "year"
    )


#: The colour of each of the terminal's bar styles (``report_charts``), as a web colour.
BAR_COLOURS = {
    "red": "#b03a2e",
    "green": "#2e7d32",
    "cyan": KINDNESS_COLOUR,
    "blue": "#2c5aa0",
    "yellow": "#a86b00",
}


def bars(
    title: str, items: Sequence[tuple[str, float, str]], scale: float, *, decimals: int = 1
) -> Chart:
    """Horizontal bars, one per (label, value, style), on a scale from 0 to ``scale``; the
    style is the terminal's colour name (``BAR_COLOURS``)."""
    if not items:
        return NO_CHART
    left, bar_w, row = 170.0, 260.0, 20.0
    body = [_text(0, 12, title, extra=' font-weight="bold"')]
    for index, (label, value, style) in enumerate(items):
        y = 22 + index * row
        length = max(0.0, min(1.0, value / scale)) * bar_w if scale else 0.0
        shown = f"{value:.{decimals}f}"
        body.append(_text(left - 8, y + 11, label, "end"))
        body.append(
            f'<rect class="bar" x="{left}" y="{y}" width="{length:.1f}" height="14" '
            f'fill="{BAR_COLOURS.get(style, KINDNESS_COLOUR)}">'
            f"<title>{esc(label)}: {shown}</title></rect>"
        )
        body.append(_text(left + length + 6, y + 11, shown))
    height = 22 + len(items) * row + 4
    return _svg(left + bar_w + 60, height, title, body, "bars")
