"""The parts a report page is made of: sections of labelled figures, small tables, free
lines and charts drawn with characters, all as plain strings (``report_page`` fills them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .textcharts import ArtLine

#: (style, text) of a free line in a section.
Line = tuple[str, str]


@dataclass
class Grid:
    """A small table of strings; ``right`` marks columns of numbers."""

    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    right: tuple[bool, ...]


@dataclass
class Section:
    title: str
    level: int = 2
    #: (label, value); a value may be a tuple of items that are never split across lines.
    rows: list[tuple[str, str | tuple[str, ...]]] = field(default_factory=list)
    grid: Grid | None = None
    lines: list[Line] = field(default_factory=list)
    #: A chart drawn with characters (``textcharts``), shown as it is, never wrapped.
    art: list[ArtLine] = field(default_factory=list)
    #: Which chart the art is ("weeks", "calendar", "year"), for views that draw it anew.
    figure: str = ""
    #: The art's figures in words, for views that show no characters drawn as a chart
    #: (Markdown, where a chart holding words from the journal must not be a code block).
    art_words: list[tuple[str, str | tuple[str, ...]]] = field(default_factory=list)


@dataclass
class Page:
    title: str
    subtitle: str
    sections: list[Section]
    closing: str


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
