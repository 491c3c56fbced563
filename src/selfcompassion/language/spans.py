"""Stretches of text as (start, end) offsets, and keeping one finding per stretch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

Span = tuple[int, int]
Item = TypeVar("Item")


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    """Whether ``start:end`` shares a character with any of ``spans``."""
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def trimmed(text: str, start: int, end: int) -> Span:
    """``start:end`` of ``text`` without the white space at its ends (all of it white space:
    an empty span at ``end``)."""
    words = text[start:end]
    first = start + len(words) - len(words.lstrip())
    return first, first + len(words.strip())


def first_of_each_stretch(items: Iterable[Item], span: Callable[[Item], Span]) -> list[Item]:
    """``items`` in the order given, each kept unless its span overlaps one kept before it:
    the order says which finding wins a stretch of words."""
    kept: list[Item] = []
    taken: list[Span] = []
    for item in items:
        start, end = span(item)
        if not overlaps(start, end, taken):
            kept.append(item)
            taken.append((start, end))
    return kept
