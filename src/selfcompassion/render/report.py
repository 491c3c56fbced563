"""The report's views: the terminal (and its SVG and HTML exports) and Markdown.

A report is first laid out as a ``Page`` (``report_page``): a title, sections of figures,
small tables and a closing line, all as strings. The Rich view and the Markdown view both draw
that one page, so they never disagree about what a report says. Every string that comes
from the journal (tags, themes, traps, the words of entries) is drawn through ``plain``
in Rich and escaped in Markdown: it is shown, never interpreted.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from ..report.figures import Report
from ..report.schema import EMPTY_MESSAGE
from ..text.mdtext import markdown_text
from . import clean, make_console, plain
from .report_page import joined, report_page

if TYPE_CHECKING:
    from rich.console import RenderableType


def report_view(report: Report) -> RenderableType:
    """The report as Rich renderables, fitting whatever width the console has."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if report.empty:
        return plain(EMPTY_MESSAGE)
    page = report_page(report)
    parts: list[Any] = [plain(page.title, "bold"), plain(page.subtitle, "dim")]
    for section in page.sections:
        parts += [Text(""), plain(section.title, "bold cyan" if section.level == 2 else "bold")]
        if section.grid is not None:
            grid = Table(
                box=None,
                padding=(0, 1),
                collapse_padding=True,
                pad_edge=False,
                show_header=any(section.grid.headers),
            )
            for header, right in zip(section.grid.headers, section.grid.right, strict=True):
                # Labels and numbers never wrap; at the narrowest the columns shrink first.
                grid.add_column(plain(header), justify="right" if right else "left", no_wrap=True)
            for row in section.grid.rows:
                grid.add_row(*(plain(cell) for cell in row))
            parts.append(grid)
        if section.rows:
            rows = Table.grid(padding=(0, 2))
            rows.add_column(style="dim", no_wrap=True)
            rows.add_column()
            for label, value in section.rows:
                rows.add_row(plain(label), _cell(value))
            parts.append(rows)
        parts += [plain(text, style) for style, text in section.lines]
        for line in section.art:
            art = Text(no_wrap=True, overflow="crop")
            for style, piece in line:
                art.append(piece, style=style)
            parts.append(art)
    if page.closing:
        parts += [Text(""), plain(page.closing, "italic")]
    return Group(*parts)


def _cell(value: str | tuple[str, ...]) -> RenderableType:
    """A value as Rich draws it: items are laid out side by side and wrap as wholes."""
    if isinstance(value, str):
        return plain(value)
    from rich.columns import Columns

    return Columns([plain(item) for item in value], padding=(0, 3))


# Rich's SVG names web fonts as a fallback; a private report fetches nothing when opened.
_REMOTE_FONT = re.compile(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')


def export_report(report: Report, fmt: str, width: int) -> str:
    """The terminal view recorded at ``width`` and exported as text, SVG or HTML."""
    console = make_console(width=width, record=True, file=io.StringIO())
    console.print(report_view(report))
    if fmt == "svg":
        return _REMOTE_FONT.sub("", console.export_svg(title="journal report"))
    if fmt == "html":
        return console.export_html()
    return console.export_text()


def md(text: str) -> str:
    """Text made inert for Markdown, on one line: no markup, no HTML, no control characters."""
    return markdown_text(text.replace("\n", " "))


def report_markdown(report: Report) -> str:
    """The same page as Markdown, for notes to share with a coach or mentor."""
    if report.empty:
        return md(EMPTY_MESSAGE) + "\n"
    page = report_page(report)
    out = [f"# {md(page.title)}", "", md(page.subtitle), ""]
    for section in page.sections:
        out += [f"{'#' * section.level} {md(section.title)}", ""]
        if section.grid is not None:
            grid = section.grid
            out.append("| " + " | ".join(md(h) for h in grid.headers) + " |")
            out.append("|" + "|".join("---:" if r else "---" for r in grid.right) + "|")
            out += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in grid.rows]
            out.append("")
        if section.art and not section.art_words:
            # Characters only: these charts are drawn by us and hold no words of the journal.
            out += ["```", *("".join(p for _, p in line).rstrip() for line in section.art)]
            out += ["```", ""]
        rows = section.rows + section.art_words
        out += [f"- **{md(label)}**: {md(joined(value))}" for label, value in rows]
        if rows:
            out.append("")
        for style, text in section.lines:
            if style:
                out += [f"*{md(text)}*", ""]
            else:  # the journal's own words, quoted line by line
                out += [f"> {md(line)}" for line in (clean(text).splitlines() or [""])] + [""]
    if page.closing:
        out += [f"*{md(page.closing)}*", ""]
    return "\n".join(out)
