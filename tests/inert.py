"""What "inert" means for each way journal text leaves the tool, written as checks.

The hostile-text tests share these: a terminal view, JSON, Markdown, CSV, and the HTML and
SVG a report can be saved as. docs/reliability.md states the same rules in words.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

# Characters that must never reach a terminal or a file meant for people (tabs and newlines
# may): C0 and C1 controls (ESC, BEL, CSI, OSC, ...), DEL, zero-width and bidi marks.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# What Rich draws around text: panel borders and table rules.
_LAYOUT = re.compile(r"[\s\u2500-\u257f]")
# A spreadsheet runs a cell as a formula when it starts with one of these, after any spaces
# (and some read the full-width forms as the same signs).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def formula_like(cell: str) -> bool:
    return cell.lstrip(" ").startswith(FORMULA_START)


def without_controls(text: str) -> str:
    return FORBIDDEN.sub("", text)


def flat(text: str) -> str:
    """The text with whitespace and box drawing taken out, so that words Rich wrapped
    inside a panel or a table read as one run again."""
    return _LAYOUT.sub("", text)


def assert_view_inert(output: str, *literals: str) -> None:
    """A terminal view: no control character at all, and at least one of ``literals``
    (Rich markup as typed) shown exactly, minus its control characters."""
    assert output.strip(), "the view showed nothing"
    assert not FORBIDDEN.findall(output), FORBIDDEN.findall(output)[:10]
    shown = flat(output)
    assert any(flat(without_controls(literal)) in shown for literal in literals), output[:2000]


def strings_in(data: Any) -> list[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [*data, *(s for value in data.values() for s in strings_in(value))]
    if isinstance(data, list):
        return [s for value in data for s in strings_in(value)]
    return []


def assert_json_inert(output: str, *exact: str) -> Any:
    """JSON: every control character written as an escape (nothing raw for a terminal to
    act on), and the text read back exactly as it was written, controls and all."""
    assert not FORBIDDEN.findall(output), FORBIDDEN.findall(output)[:10]
    data = json.loads(output)
    found = strings_in(data)
    assert any(text in string for string in found for text in exact), output[:2000]
    return data


# -- Markdown ------------------------------------------------------------------------------

# Elements the tool's own Markdown writes (headings, emphasis, lists of figures, tables of
# figures, quoted words, paragraphs). Anything else (links, images, HTML, code, rules)
# could only have come from journal text.
_MARKDOWN_TAGS = {
    "h1", "h2", "h3", "h4", "p", "strong", "em", "ul", "li", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


class _Collector(HTMLParser):
    """The tags, attributes and text of an HTML document, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        if self._in_heading:
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data


def render_markdown(document: str) -> _Collector:
    """The document as a CommonMark viewer with GitHub's tables and strikethrough shows it."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(document)
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def assert_markdown_inert(document: str, lines: Iterable[str], *, not_headings: str) -> None:
    """Markdown: no control characters; rendered, it holds only the elements the tool
    writes (no link, image, HTML, code or rule), no heading carries ``not_headings``, and
    every one of ``lines`` reads exactly as typed (minus control characters), which it
    could not if it had become a heading, a list, a quote, a table or emphasis."""
    assert not FORBIDDEN.findall(document), FORBIDDEN.findall(document)[:10]
    shown = render_markdown(document)
    found = {tag for tag, _ in shown.tags}
    assert found <= _MARKDOWN_TAGS, found - _MARKDOWN_TAGS
    assert not [h for h in shown.headings if not_headings in h], shown.headings
    text = "".join(shown.text)
    missing = [line for line in lines if without_controls(line) not in text]
    assert not missing, (missing, text[:3000])


# -- CSV -----------------------------------------------------------------------------------


def assert_csv_inert(table: str) -> list[dict[str, str]]:
    """CSV: no control characters, and no cell a spreadsheet would run as a formula."""
    assert not FORBIDDEN.findall(table.replace("\r\n", "\n")), FORBIDDEN.findall(table)[:10]
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    formulas = [cell for row in rows for cell in row.values() if formula_like(cell)]
    assert not formulas, formulas
    return rows


def neutralised(text: str) -> str:
    """What a CSV cell holds for ``text``: the text without control characters, after an
    apostrophe when it would start a formula."""
    cleaned = without_controls(text)
    return "'" + cleaned if formula_like(cleaned) else cleaned


# -- HTML and SVG --------------------------------------------------------------------------

_HTML_TAGS = {"html", "head", "meta", "style", "body", "pre", "code", "span"}
# The report's own page: its sections, tables and hand-drawn SVG charts (still no script,
# image, link, object or event handler).
_HTML_TAGS |= {"title", "main", "section", "h1", "h2", "h3", "p", "blockquote", "table"}
_HTML_TAGS |= {"thead", "tbody", "tr", "th", "td", "svg", "path", "line", "rect", "circle"}
_HTML_TAGS |= {"text"}
_HTML_ATTRIBUTES = {"charset", "class", "style", "lang", "name", "content"}
_SVG_ATTRIBUTES = {"xmlns", "width", "height", "viewbox", "role", "aria-label", "font-family"}
_SVG_ATTRIBUTES |= {"font-size", "font-weight", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy"}
_SVG_ATTRIBUTES |= {"r", "rx", "d", "fill", "stroke", "stroke-width", "stroke-dasharray"}
_SVG_ATTRIBUTES |= {"text-anchor", "data-date"}
_HTML_ATTRIBUTES |= _SVG_ATTRIBUTES


def assert_html_inert(document: str, *literals: str) -> None:
    """HTML: no control characters; only the elements and attributes Rich writes (no
    script, image, link or event handler); the words read exactly as typed."""
    assert not FORBIDDEN.findall(document), FORBIDDEN.findall(document)[:10]
    shown = _Collector()
    shown.feed(document)
    shown.close()
    tags = {tag for tag, _ in shown.tags}
    assert tags <= _HTML_TAGS, tags - _HTML_TAGS
    attributes = {name for _, attrs in shown.tags for name, _ in attrs}
    assert attributes <= _HTML_ATTRIBUTES, attributes - _HTML_ATTRIBUTES
    text = "".join(shown.text).replace("\xa0", " ")
    _assert_literals(text, literals)


_SVG_TAGS = {"svg", "style", "defs", "clipPath", "rect", "g", "text", "circle", "path"}
_SVG_TAGS |= {"line", "title"}


def assert_svg_inert(document: str, *literals: str) -> None:
    """SVG: well-formed XML (a raw control character would break it) holding only the
    elements Rich draws with (no script, link, image or foreign object); the words read
    exactly as typed."""
    assert not FORBIDDEN.findall(document), FORBIDDEN.findall(document)[:10]
    root = ElementTree.fromstring(document)
    tags = {element.tag.rpartition("}")[2] for element in root.iter()}
    assert tags <= _SVG_TAGS, tags - _SVG_TAGS
    text = "".join(root.itertext()).replace("\xa0", " ")
    _assert_literals(text, literals)


def _assert_literals(text: str, literals: Iterable[str]) -> None:
    shown = flat(text)
    missing = [lit for lit in literals if flat(without_controls(lit)) not in shown]
    assert not missing, (missing, text[:3000])
