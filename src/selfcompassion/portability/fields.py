"""Checks for the fields of an imported record, each naming where the problem is.

Every check returns the value in its stored form or raises RecordError with a path such
as ``answers[2].value`` and a plain reason. Strings are refused when SQLite could not
store them faithfully (NUL characters, lone surrogates) or when they are too long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any, Literal, overload

from .stream import Items

#: The longest single text accepted from an import, in characters.
MAX_TEXT_CHARS = 1_000_000
#: The longest short field (prompt, theme, phrase, note), in characters.
MAX_SHORT_CHARS = 4_000
#: The largest number accepted anywhere in an import.
MAX_NUMBER = 1e12
#: The most entries one import file may hold.
MAX_LISTED = 10_000_000

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:\d{2}|Z)$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class RecordError(Exception):
    """One field of one record does not fit; ``where`` says which, ``reason`` why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason

    def inside(self, outer: str) -> RecordError:
        """The same error, its place given from ``outer`` down (``answers[2]`` + ``value``)."""
        if not self.where or self.where == ".":
            return RecordError(outer, self.reason)
        joiner = "" if self.where.startswith("[") else "."
        return RecordError(f"{outer}{joiner}{self.where}", self.reason)


def describe(value: object) -> str:
    """What a JSON value is, in words, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


@overload
def text(
    value: object, where: str, *, max_chars: int = ..., nullable: Literal[False] = False
) -> str: ...
@overload
def text(value: object, where: str, *, max_chars: int = ..., nullable: bool) -> str | None: ...
def text(
    value: object, where: str, *, max_chars: int = MAX_TEXT_CHARS, nullable: bool = False
) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise RecordError(where, f"expected text, found {describe(value)}")
    if len(value) > max_chars:
        raise RecordError(where, f"{len(value):,} characters; the limit is {max_chars:,}")
    if "\x00" in value:
        raise RecordError(where, "contains a NUL character")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise RecordError(where, "contains a broken character (a lone surrogate)") from None
    return value


def storable(*texts: str) -> bool:
    """Whether SQLite can keep every one of these texts faithfully: no NUL character and
    no lone surrogate (``text`` says which problem, and where)."""
    for value in texts:
        if "\x00" in value:
            return False
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True


def pattern(value: object, where: str, rule: re.Pattern[str], shape: str) -> str:
    checked = text(value, where, max_chars=200)
    if not rule.match(checked):
        raise RecordError(where, f"'{checked[:60]}' is not {shape}")
    return checked


def entry_uuid(value: object, where: str) -> str:
    return pattern(value, where, _UUID, "a UUID in lowercase, like 3f2a9c1e-…")


@overload
def day(value: object, where: str, *, nullable: Literal[False] = False) -> str: ...
@overload
def day(value: object, where: str, *, nullable: bool) -> str | None: ...
def day(value: object, where: str, *, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    checked = text(value, where, max_chars=10)
    try:
        if _DAY.match(checked):
            date.fromisoformat(checked)
            return checked
    except ValueError:
        pass
    raise RecordError(where, f"'{checked}' is not a date like 2026-11-19")


@overload
def moment(value: object, where: str, *, nullable: Literal[False] = False) -> str: ...
@overload
def moment(value: object, where: str, *, nullable: bool) -> str | None: ...
def moment(value: object, where: str, *, nullable: bool = False) -> str | None:
    """An ISO 8601 timestamp with its UTC offset, kept exactly as written."""
    if value is None and nullable:
        return None
    checked = text(value, where, max_chars=40)
    try:
        if _MOMENT.match(checked):
            datetime.fromisoformat(checked)
            return checked
    except ValueError:
        pass
    raise RecordError(
        where, f"'{checked}' is not a timestamp with its offset, like 2026-11-19T21:04:00+01:00"
    )


@overload
def number(
    value: object,
    where: str,
    *,
    low: float = ...,
    high: float = ...,
    nullable: Literal[False] = False,
) -> int | float: ...
@overload
def number(
    value: object, where: str, *, low: float = ..., high: float = ..., nullable: bool
) -> int | float | None: ...
def number(
    value: object,
    where: str,
    *,
    low: float = -MAX_NUMBER,
    high: float = MAX_NUMBER,
    nullable: bool = False,
) -> int | float | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(where, f"expected a number, found {describe(value)}")
    # Compared before anything turns it into a float: a whole number past what a float
    # holds (JSON allows 4,000 digits) would overflow there. NaN fails the comparison too.
    if not low <= value <= high:
        shown = str(value)
        shown = shown if len(shown) <= 24 else "a number"
        raise RecordError(where, f"{shown} is outside {low:g} to {high:g}")
    return value


def flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise RecordError(where, f"expected true or false, found {describe(value)}")
    return value


def items(value: Any, where: str, *, max_items: int) -> list[Any]:
    if not isinstance(value, list):
        raise RecordError(where, f"expected a list, found {describe(value)}")
    if len(value) > max_items:
        raise RecordError(where, f"{len(value):,} items; the limit is {max_items:,}")
    return value


def listed(value: Any, where: str, *, max_items: int = MAX_LISTED) -> Iterator[Any]:
    """The items of a list that a JsonStream hands out one at a time (a list read whole
    is refused: the reader streams every list it is asked to)."""
    if not isinstance(value, Items):
        raise RecordError(where, f"expected a list, found {describe(value)}")
    for count, item in enumerate(value, start=1):
        if count > max_items:
            raise RecordError(where, f"more than {max_items:,} items; the limit is {max_items:,}")
        yield item


def fields(
    value: Any, where: str, *, required: Iterable[str], optional: Iterable[str] = ()
) -> dict[str, Any]:
    """An object with exactly these keys: every required one, any of the optional ones."""
    if not isinstance(value, dict):
        raise RecordError(where, f"expected an object, found {describe(value)}")
    keys = value.keys()
    required = tuple(required)
    if keys == set(required):
        return value
    missing = [key for key in required if key not in value]
    if missing:
        raise RecordError(where, f"the field '{missing[0]}' is missing")
    allowed = {*required, *optional}
    unknown = [key for key in keys if key not in allowed]
    if unknown:
        raise RecordError(where, f"unknown field '{str(unknown[0])[:40]}'")
    return value
