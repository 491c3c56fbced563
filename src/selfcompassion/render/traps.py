"""The view of ``journal traps``: the thought with the trap words underlined, then each trap
with its words and what it means.

It is drawn without Rich: a quick check of one thought should start as fast as the journal
can, and its few lines need only wrapping and, at a terminal, underline and bold. The
person's words are shown as data, like everywhere else (``clean``: no control characters,
no markup read), and wrapped by the cells they take on screen (wide characters count two).
"""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from . import clean

if TYPE_CHECKING:
    from ..traps.catalog import TrapHit

NOTHING_FOUND = "No familiar thinking traps stood out in that."
#: How far the explanation under each trap is indented.
INDENT = 4
_BOLD, _UNDERLINE, _RESET = "\x1b[1m", "\x1b[4m", "\x1b[0m"
_WORD = re.compile(r"\S+")


def _cell(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """``text`` broken into lines at most ``width`` cells wide, as (start, end) offsets:
    at spaces where it can, inside a word longer than a line where it must; line breaks in
    the text are kept."""
    width = max(width, 1)
    ends = [0]  # ends[i]: cells taken by text[:i]
    for char in text:
        ends.append(ends[-1] + _cell(char))
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        first = len(lines)
        line: tuple[int, int] | None = None
        for word in _WORD.finditer(paragraph):
            begin, end = start + word.start(), start + word.end()
            if line is not None and ends[end] - ends[line[0]] <= width:
                line = (line[0], end)
                continue
            if line is not None:
                lines.append(line)
            while ends[end] - ends[begin] > width:  # a word longer than a line: cut it
                cut = begin + 1
                while cut < end and ends[cut + 1] - ends[begin] <= width:
                    cut += 1
                lines.append((begin, cut))
                begin = cut
            line = (begin, end)
        if line is not None:
            lines.append(line)
        if len(lines) == first:
            lines.append((start, start))  # an empty line stays a line
        start += len(paragraph) + 1
    return lines


def _styled(text: str, style: str, on: bool) -> str:
    return f"{style}{text}{_RESET}" if on and text else text


def _marked(text: str, start: int, end: int, marks: Sequence[bool], on: bool) -> str:
    """``text[start:end]`` with the marked characters underlined."""
    if not on:
        return text[start:end]
    parts: list[str] = []
    run = start
    for index in range(start + 1, end + 1):
        if index == end or marks[index] != marks[run]:
            parts.append(_styled(text[run:index], _UNDERLINE, marks[run]))
            run = index
    return "".join(parts)


def _wrapped(text: str, width: int, indent: int = 0) -> list[str]:
    pad = " " * indent
    return [pad + text[a:b] for a, b in line_spans(text, width - indent)]


def traps_lines(
    text: str,
    hits: Sequence[TrapHit],
    *,
    width: int,
    styles: bool,
    nothing_found: str = NOTHING_FOUND,
) -> list[str]:
    """The view as lines: ``styles`` adds underline and bold (for a terminal);
    ``nothing_found`` is said when there are no hits."""
    from ..traps.catalog import TRAPS

    if not hits:
        return _wrapped(nothing_found, width)
    shown = clean(text).replace("\t", " ")
    marks = [False] * len(shown)
    if clean(text) == text:  # spans index the original text; only mark them when unchanged
        for hit in hits:
            marks[hit.start : hit.end] = [True] * (hit.end - hit.start)
    lines = [_marked(shown, a, b, marks, styles) for a, b in line_spans(shown, width)]
    for hit in hits:
        trap = TRAPS[hit.trap_id]
        name = clean(trap.name)
        heading = _wrapped(f'{name} · "{clean(hit.phrase)}"', width)
        if heading[0].startswith(name):
            heading[0] = _styled(name, _BOLD, styles) + heading[0][len(name) :]
        lines += ["", *heading, *_wrapped(clean(trap.explanation), width, INDENT)]
    return lines


def _at_terminal(stream: IO[str]) -> bool:
    import os

    return stream.isatty() and os.environ.get("TERM", "") not in ("dumb", "unknown")


def print_traps(
    text: str,
    hits: Sequence[TrapHit],
    stream: IO[str] | None = None,
    *,
    nothing_found: str = NOTHING_FOUND,
) -> None:
    """The view on ``stream`` (standard output), as wide as the terminal (80 columns
    elsewhere, or ``COLUMNS``), underlined and bold only at a terminal."""
    out = stream or sys.stdout
    width = shutil.get_terminal_size((80, 24)).columns
    lines = traps_lines(
        text, hits, width=width, styles=_at_terminal(out), nothing_found=nothing_found
    )
    out.write("\n".join(lines) + "\n")
