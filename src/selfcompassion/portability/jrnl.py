"""Reading the JSON that ``jrnl --export json`` writes.

jrnl keeps an entry as a title (its first sentence), a body, a date and minute, tags
written with ``#`` or ``@`` and a star. Each becomes a ``note`` entry with two answers,
``title`` and ``body`` (no prompt was shown, so the prompt is empty); tags keep their word
without the symbol, and a starred entry gets the tag ``starred``. jrnl entries have no id,
so each gets a UUID derived from its day, time and words: importing the same file again
finds the same ids and adds nothing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from ..packs.steps import LONG_TEXT, TEXT
from ..store import Answer, Entry, EntryRecord
from ..store.records import timestamp
from ..text.tags import find_tags, normalise_tag
from . import fields as check
from .fields import RecordError
from .stream import JsonStream, NotAnObject

ENTRY_KIND = "note"
STARRED_TAG = "starred"
# Fixed forever: the ids of imported jrnl entries are derived from it.
JRNL_NAMESPACE = uuid.UUID("5b0d9d43-3f0e-4a53-9a8e-2a8b6f0c7d11")
_TIME = re.compile(r"^\d{2}:\d{2}$")
_TAG_SYMBOLS = "#@"


def looks_like_jrnl(item: Any) -> bool:
    """Whether an entry is shaped like one of jrnl's."""
    return isinstance(item, dict) and "title" in item and "body" in item


def read_jrnl(
    stream: JsonStream, starting: Callable[[int | None], None], tz: tzinfo | None = None
) -> Iterator[EntryRecord]:
    """Every entry of a jrnl export as the file is read, checked. ``tz`` is the zone jrnl's
    local times are in; None means this computer's own rules, daylight saving included.
    ``starting`` is called when the entries begin (jrnl does not say how many there are)."""
    seen: set[str] = set()
    try:
        for key, value in stream.members("entries"):
            if key not in ("entries", "tags"):
                raise RecordError("the file", f"unknown field '{str(key)[:40]}'")
            if key in seen:
                raise RecordError("the file", f"the field '{key}' appears twice")
            seen.add(key)
            if key == "entries":
                starting(None)
                for index, item in enumerate(check.listed(value, "entries"), start=1):
                    yield _read_named(item, index, tz)
    except NotAnObject as error:
        raise RecordError(
            "the file", f"expected an object, found {check.describe(error.value)}"
        ) from None
    if "entries" not in seen:
        raise RecordError("the file", "the field 'entries' is missing")


def _read_named(item: Any, index: int, tz: tzinfo | None) -> EntryRecord:
    """One entry, checked; an error names it by its place, day and time."""
    try:
        return _read_entry(item, tz)
    except RecordError as error:
        label = f"entry {index}"
        if isinstance(item, dict) and isinstance(item.get("date"), str):
            label += f" ({item['date'][:10]} {str(item.get('time', ''))[:5]})".rstrip()
        where = label if error.where == "." else f"{label}: {error.where}"
        raise RecordError(where, error.reason) from None


def _read_entry(item: Any, tz: tzinfo | None) -> EntryRecord:
    data = check.fields(
        item,
        ".",
        required=("title", "body", "date"),
        optional=("time", "tags", "starred", "uuid", "creator"),
    )
    title = check.text(data["title"], "title")
    body = check.text(data["body"], "body")
    day = date.fromisoformat(check.day(data["date"], "date"))
    clock = check.text(data.get("time", "00:00"), "time", max_chars=5)
    if not _TIME.match(clock):
        raise RecordError("time", f"'{clock}' is not a time like 09:30")
    try:
        moment = time.fromisoformat(clock)
    except ValueError:
        raise RecordError("time", f"'{clock}' is not a time like 09:30") from None
    starred = check.flag(data.get("starred", False), "starred")
    raw_tags = check.items(data.get("tags", []), "tags", max_items=1_000)
    tags = [_tag(check.text(tag, f"tags[{i}]", max_chars=200)) for i, tag in enumerate(raw_tags)]
    tags += find_tags([title, body])
    if starred:
        tags.append(STARRED_TAG)
    written = datetime.combine(day, moment)
    try:
        stamp = timestamp(_placed(written, tz))
    except (OverflowError, ValueError):  # the zone's offset would carry it past year 1 or 9999
        raise RecordError(
            "date",
            f"'{day.isoformat()} {clock}' is too near the edge of the calendar to place "
            "in this computer's time zone",
        ) from None
    answers = [Answer("title", TEXT, "", title, None, title)]
    if body:
        answers.append(Answer("body", LONG_TEXT, "", body, None, body))
    entry = Entry(
        id=_entry_id(data, day, clock, title, body),
        kind=ENTRY_KIND,
        journal_date=day,
        created_at=stamp,
        updated_at=stamp,
        pack=None,
        answers=tuple(answers),
        tags=tuple(sorted({tag for tag in tags if tag})),
    )
    return EntryRecord(entry=entry)


def _placed(written: datetime, tz: tzinfo | None) -> datetime:
    """The moment in ``tz`` (this computer's zone when None). Python cannot ask the local
    zone about the first and last days of the calendar, so there the zone's offset a year
    further in is used; only a moment that would fall outside the calendar in UTC is
    refused (OverflowError)."""
    if tz is not None:
        placed = written.replace(tzinfo=tz)
    else:
        try:
            placed = written.astimezone()
        except (OverflowError, ValueError, OSError):
            inside = written.replace(
                year=2 if written.year < 5000 else 9998, day=min(written.day, 28)
            )
            placed = written.replace(tzinfo=inside.astimezone().tzinfo)
    placed.astimezone(UTC)
    return placed


def _tag(raw: str) -> str | None:
    return normalise_tag(raw.lstrip(_TAG_SYMBOLS))


def _entry_id(data: dict[str, Any], day: date, clock: str, title: str, body: str) -> str:
    """A Day One UUID when jrnl kept one, else one derived from the entry itself."""
    given = data.get("uuid")
    if isinstance(given, str):
        try:
            return str(uuid.UUID(given))
        except ValueError:
            pass
    return str(uuid.uuid5(JRNL_NAMESPACE, "\x1f".join((day.isoformat(), clock, title, body))))
