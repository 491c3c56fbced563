"""The report as one self-contained web page, and its charts as one SVG picture.

The page holds the same sections as the terminal (``report_page``), as HTML tables and
paragraphs, with the charts drawn anew as SVG (``svgcharts``): no script, no font and
nothing else from the network; the styles are inline and it prints on white. Every string
passes through ``esc`` after ``clean``: words from the journal are shown, never interpreted.
"""

from __future__ import annotations

from ..report.figures import Report
from ..report.schema import EMPTY_MESSAGE
from . import clean
from . import svgcharts as charts
from .report_page import Page, Section, joined, report_page

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;background:#fff;
margin:0}
main{max-width:860px;margin:0 auto;padding:24px}
h1{font-size:1.5em;margin:0 0 4px}
h2{font-size:1.15em;margin:28px 0 8px;color:#0d5f69;border-bottom:1px solid #dde}
h3{font-size:1em;margin:18px 0 6px}
.sub,.dim{color:#666}
table{border-collapse:collapse;margin:6px 0}
td,th{padding:2px 10px 2px 0;text-align:left;vertical-align:top}
th{font-weight:600;border-bottom:1px solid #ccc}
td.n,th.n{text-align:right}
table.rows td:first-child{color:#666;white-space:nowrap}
blockquote{margin:4px 0 10px;padding-left:10px;border-left:3px solid #ccd;white-space:pre-wrap}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}
.closing{font-style:italic;margin-top:24px}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}svg.chart{break-inside:avoid}}
"""


def esc(text: str) -> str:
    return charts.esc(clean(text))


def figure_for(report: Report, name: str) -> charts.Chart:
    """The SVG chart a section of the page names."""
    stretch = report.stretch
    if name == "weeks":
        return charts.line_chart(
            [figures.period.start for figures in report.trend],
            [figures.mood.average for figures in report.trend],
            [figures.kindness.average for figures in report.trend],
        )
    if stretch is None:
        return charts.NO_CHART
    return charts.year_grid(stretch.days) if name == "year" else charts.calendar(stretch.days)


def reframe_bars(report: Report) -> list[charts.Chart]:
    """The critic's belief before and after, the feelings eased, the traps noted most: the
    same bars as the terminal's (``report_charts``), over the same days."""
    from .report_charts import TRAP_STYLE, TRAPS_TITLE, reframe_scores

    shown = report.reframes_shown
    found = [charts.bars("Reframes (of 100)", reframe_scores(shown), 100)]
    traps = [(clean(name), float(times), TRAP_STYLE) for name, times in shown.traps]
    most = max([times for _, times, _ in traps] + [1.0])
    found.append(charts.bars(TRAPS_TITLE, traps, most, decimals=0))
    return [chart for chart in found if chart.svg]


def _section_html(report: Report, section: Section) -> list[str]:
    tag = "h2" if section.level == 2 else "h3"
    out = [f"<section><{tag}>{esc(section.title)}</{tag}>"]
    if section.figure:
        out.append(figure_for(report, section.figure).svg)
    if section.grid is not None:
        grid = section.grid
        heads = "".join(
            f"<th{' class=n' if right else ''}>{esc(head)}</th>"
            for head, right in zip(grid.headers, grid.right, strict=True)
        )
        out.append(f"<table><thead><tr>{heads}</tr></thead><tbody>")
        for row in grid.rows:
            cells = "".join(
                f"<td{' class=n' if right else ''}>{esc(cell)}</td>"
                for cell, right in zip(row, grid.right, strict=True)
            )
            out.append(f"<tr>{cells}</tr>")
        out.append("</tbody></table>")
    if section.rows:
        out.append('<table class="rows">')
        out += [
            f"<tr><td>{esc(label)}</td><td>{esc(joined(value))}</td></tr>"
            for label, value in section.rows
        ]
        out.append("</table>")
    if section.title == "Reframes":
        out += [chart.svg for chart in reframe_bars(report)]
    for style, text in section.lines:
        if style:
            out.append(f'<p class="dim">{esc(text)}</p>')
        else:  # the journal's own words
            out.append(f"<blockquote>{esc(text)}</blockquote>")
    out.append("</section>")
    return out


def report_html(report: Report) -> str:
    """The whole report as one page that opens from a file with no connection."""
    page = (
        report_page(report)
        if not report.empty
        else Page("Your journal report", "", [], EMPTY_MESSAGE)
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(page.title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{esc(page.title)}</h1>",
        f'<p class="sub">{esc(page.subtitle)}</p>' if page.subtitle else "",
    ]
    for section in page.sections:
        out += _section_html(report, section)
    if page.closing:
        out.append(f'<p class="closing">{esc(page.closing)}</p>')
    out.append("</main></body></html>\n")
    return "\n".join(out)


def report_svg(report: Report) -> str:
    """The report's charts as one picture: the weeks, the days, the reframes."""
    if report.empty:
        return charts.stack(EMPTY_MESSAGE[:60], []) + "\n"
    page = report_page(report)
    found = [figure_for(report, section.figure) for section in page.sections if section.figure]
    if not any(section.figure for section in page.sections):
        found.append(figure_for(report, "calendar"))
    found += reframe_bars(report)
    return charts.stack(f"{page.title} · {page.subtitle}", found) + "\n"
