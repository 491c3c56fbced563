"""Reading an export back: every record checked as the file is read.

Each field of each record is checked for its type, shape and length; the first one that
does not fit is refused with its place (``entry 17 (3f2a9c1e): answers[2].value``). The
fields around the entries are checked as they come, wherever they stand in the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from datetime import date
from typing import Any

from ..packs import steps
from ..store import Answer, Entry, EntryRecord
from ..store.entry_json import (
    CHECKIN_COLUMNS,
    COMMITMENT_COLUMNS,
    REFRAME_COLUMNS,
    REFRAME_COLUMNS_ADDED,
)
from ..store.records import PlainRecord, StagedAnswer, search_document, value_json
from ..text.tags import normalise_tag
from . import fields as check
from .fields import RecordError
from .jrnl import looks_like_jrnl
from .plain import ANSWER_FIELDS, NAME, plain_answer
from .schema import FORMAT, VERSION
from .stream import JsonStream, NotAnObject

MAX_ANSWERS = 500
MAX_TAGS = 200
MAX_ITEMS = 500
MAX_RELATED = 200
COMMITMENT_STATUSES = ("open", "done", "partly", "let-go")

_KIND = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_ENTRY_FIELDS = ("id", "kind", "journal_date", "created_at", "updated_at", "pack", "tags")


class NotAnExport(Exception):
    """The file is JSON but not a selfcompassion export; the message says what it seems."""


_DOCUMENT_FIELDS = ("format", "version", "exported_at", "entry_count", "entries")
_NOT_OURS = f'it is not a selfcompassion export (no "format": "{FORMAT}")'


def read_document(
    stream: JsonStream, starting: Callable[[int | None], None]
) -> Iterator[EntryRecord | PlainRecord]:
    """Every record of a document as the file is read, checked; raises RecordError at the
    first that does not fit, and NotAnExport for a file that is not an export at all.

    ``starting`` is called when the entries begin, with the count the file gives for them
    when it gives one first. The fields around the entries may come in any order: those
    that come after them are checked when the file has been read, before anything is kept.
    """
    head: dict[str, Any] = {}
    stray: str | None = None  # a field no export has, met before "format"
    try:
        for key, value in stream.members("entries"):
            if key in head:
                raise RecordError("the file", f"the field '{key}' appears twice")
            if key not in _DOCUMENT_FIELDS:
                stray = stray or str(key)
            elif key == "format" and value != FORMAT:
                raise NotAnExport(_NOT_OURS)
            elif key == "version":
                _check_version(value)
            if stray and (key == "format" or "format" in head):
                raise RecordError("the file", f"unknown field '{stray[:40]}'")
            head[key] = value
            if key == "entries":
                starting(_given_count(head))
                doubt = None if "format" in head else (stray or "")
                head[key] = yield from _records(value, doubt)
    except NotAnObject:
        raise NotAnExport(_NOT_OURS) from None
    if "format" not in head:
        raise NotAnExport(_NOT_OURS)
    missing = [key for key in ("version", "entries") if key not in head]
    if missing:
        raise RecordError("the file", f"the field '{missing[0]}' is missing")
    if "entry_count" in head and head["entry_count"] != head["entries"]:
        raise RecordError(
            "entry_count",
            f"the file says {str(head['entry_count'])[:20]} entries but holds "
            f"{head['entries']:,}; it may be incomplete",
        )


def _check_version(version: Any) -> None:
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise RecordError(
            "the file",
            f"it was written by a newer selfcompassion (format version {version}); "
            "update selfcompassion to import it",
        )
    if isinstance(version, bool) or not isinstance(version, int):
        shown = f" '{version[:20]}'" if isinstance(version, str) else ""
        raise RecordError(
            "version", f"expected the number {VERSION}, found {check.describe(version)}{shown}"
        )
    if version != VERSION:
        raise RecordError("version", f"expected {VERSION}, found {version}")


def _given_count(head: dict[str, Any]) -> int | None:
    count = head.get("entry_count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _records(entries: Any, doubt: str | None) -> Generator[EntryRecord | PlainRecord, None, int]:
    """The checked records of the entries list; returns how many there were. ``doubt``
    is None when the file has said it is an export, else "" or the first field that no
    export has."""
    index = 0
    for index, item in enumerate(check.listed(entries, "entries"), start=1):
        if index == 1 and doubt is not None:
            if looks_like_jrnl(item):
                raise NotAnExport("it looks like a jrnl export; add --from jrnl")
            if doubt:
                raise NotAnExport(_NOT_OURS)
        yield plain_record(item) or read_record(item, index)
    return index


def entry_label(index: int, item: Any) -> str:
    """How an error names a record: its position and, when it has one, its id."""
    raw = item.get("id") if isinstance(item, dict) else None
    return f"entry {index}" + (f" ({raw[:8]})" if isinstance(raw, str) and raw else "")


def read_record(item: Any, index: int) -> EntryRecord:
    label = entry_label(index, item)
    try:
        return _read_record(item)
    except RecordError as error:
        where = label if error.where == "." else f"{label}: {error.where}"
        raise RecordError(where, error.reason) from None


def _read_record(item: Any) -> EntryRecord:
    data = check.fields(
        item,
        ".",
        required=(*_ENTRY_FIELDS, "answers"),
        optional=("reframe_scores", "checkin_scores", "traps", "commitments"),
    )
    entry_id = check.entry_uuid(data["id"], "id")
    tags = [
        _tag(tag, f"tags[{i}]")
        for i, tag in enumerate(check.items(data["tags"], "tags", max_items=MAX_TAGS))
    ]
    if len(set(tags)) != len(tags):
        raise RecordError("tags", "a tag appears twice")
    entry = Entry(
        id=entry_id,
        kind=check.pattern(data["kind"], "kind", _KIND, "a kind of entry, like daily"),
        journal_date=date.fromisoformat(check.day(data["journal_date"], "journal_date")),
        created_at=check.moment(data["created_at"], "created_at"),
        updated_at=check.moment(data["updated_at"], "updated_at"),
        pack=_optional_name(data["pack"], "pack"),
        answers=_answers(data["answers"]),
        tags=tuple(tags),
    )
    return EntryRecord(
        entry=entry,
        reframe_scores=_reframe(data["reframe_scores"]) if "reframe_scores" in data else None,
        traps=tuple(_traps(data.get("traps", []))),
        commitments=tuple(_commitments(data.get("commitments", []))),
        checkin_scores=_checkin(data["checkin_scores"]) if "checkin_scores" in data else None,
    )


def _tag(value: Any, where: str) -> str:
    raw = check.text(value, where, max_chars=60)
    if normalise_tag(raw) != raw:
        raise RecordError(where, f"'{raw}' is not a tag (a lowercase word without '#')")
    return raw


def _optional_name(value: Any, where: str) -> str | None:
    if value is None:
        return None
    return check.pattern(value, where, NAME, "a name like daily or leader")


def _answer(raw: Any) -> Answer:
    """An answer, checked. Written answers and ratings (most of any journal) take a short
    way (``plain_answer``); anything else, or anything wrong, goes the full way, which
    names the problem."""
    plain = plain_answer(raw)
    return Answer(*plain) if plain is not None else _answer_checked(raw)


_PLAIN_FIELDS = frozenset((*_ENTRY_FIELDS, "answers"))


def plain_record(item: Any) -> PlainRecord | None:
    """The rows of a record of the usual shape (the export's eight fields, every answer
    one that takes ``plain_answer``), checked as ``read_record`` checks it, with no
    ``Entry`` built; None for any other, which ``read_record`` reads and judges."""
    if type(item) is not dict or item.keys() != _PLAIN_FIELDS:
        return None
    answers, tags = item["answers"], item["tags"]
    if type(answers) is not list or len(answers) > MAX_ANSWERS:
        return None
    if type(tags) is not list or len(tags) > MAX_TAGS:
        return None
    try:
        entry_id = check.entry_uuid(item["id"], "id")
        row = [
            entry_id,
            check.pattern(item["kind"], "kind", _KIND, "a kind of entry"),
            date.fromisoformat(check.day(item["journal_date"], "journal_date")).isoformat(),
            check.moment(item["created_at"], "created_at"),
            check.moment(item["updated_at"], "updated_at"),
            _optional_name(item["pack"], "pack"),
        ]
        checked_tags = [_tag(tag, "tags") for tag in tags]
    except RecordError:
        return None
    if len(set(checked_tags)) != len(checked_tags):
        return None
    rows: list[StagedAnswer] = []
    for position, raw in enumerate(answers):
        plain = plain_answer(raw)
        if plain is None:
            return None
        step_id, kind, prompt, value, theme, text = plain
        # A rating's value is a number (number_value: the float of it), any other's text;
        # a value that is the answer's text is left to be written as it lands (None).
        stored: str | None
        if kind == steps.SCALE:
            number, stored = float(value), value_json(value)
        else:
            number, stored = None, None if value == text else value_json(value)
        rows.append((position, (step_id, kind, prompt, theme), stored, number, text))
    return PlainRecord(entry_id, row, rows, search_document(rows), checked_tags)


def _answer_checked(raw: Any) -> Answer:
    data = check.fields(raw, ".", required=ANSWER_FIELDS)
    kind = check.text(data["kind"], "kind", max_chars=40)
    if kind not in steps.ANSWER_KINDS:
        raise RecordError("kind", f"'{kind}' is not one of: {', '.join(steps.ANSWER_KINDS)}")
    return Answer(
        step_id=check.pattern(data["step_id"], "step_id", NAME, "a step id"),
        kind=kind,
        prompt=check.text(data["prompt"], "prompt", max_chars=check.MAX_SHORT_CHARS),
        value=answer_value(kind, data["value"], "value"),
        theme=check.text(data["theme"], "theme", max_chars=check.MAX_SHORT_CHARS, nullable=True),
        text=check.text(data["text"], "text"),
    )


def _answers(raw: Any) -> tuple[Answer, ...]:
    answers = []
    for index, item in enumerate(check.items(raw, "answers", max_items=MAX_ANSWERS)):
        try:
            answers.append(_answer(item))
        except RecordError as error:
            raise error.inside(f"answers[{index}]") from None
    return tuple(answers)


def answer_value(kind: str, value: Any, where: str) -> Any:
    """An answer's value, checked against the shape its kind stores."""
    if kind in (steps.TEXT, steps.LONG_TEXT, steps.CHOICE):
        return check.text(value, where)
    if kind == steps.DUE_DATE:
        return check.day(value, where)
    if kind == steps.SCALE:
        if value == steps.NOT_APPLICABLE:
            return value
        return check.number(value, where)
    if kind == steps.CONFIRM:
        return check.flag(value, where)
    if kind == steps.MULTI:
        listed = check.items(value, where, max_items=MAX_ITEMS)
        return [
            check.text(item, f"{where}[{i}]", max_chars=check.MAX_SHORT_CHARS)
            for i, item in enumerate(listed)
        ]
    if kind == steps.INTENSITIES:
        if not isinstance(value, dict):
            raise RecordError(where, f"expected an object, found {check.describe(value)}")
        if len(value) > MAX_ITEMS:
            raise RecordError(where, f"{len(value):,} feelings; the limit is {MAX_ITEMS}")
        return {
            check.text(name, f"{where} key", max_chars=check.MAX_SHORT_CHARS): check.number(
                level, f"{where}.{name[:40]}", nullable=True
            )
            for name, level in value.items()
        }
    raise RecordError(where, f"no rule for answers of kind '{kind}'")


def _reframe(raw: Any) -> dict[str, Any]:
    required = tuple(c for c in REFRAME_COLUMNS if c not in REFRAME_COLUMNS_ADDED)
    data = check.fields(raw, "reframe_scores", required=required, optional=REFRAME_COLUMNS_ADDED)
    where = "reframe_scores."
    scores: dict[str, Any] = {}
    for column in REFRAME_COLUMNS:
        if column == "revisited_at":
            scores[column] = check.moment(data[column], where + column, nullable=True)
        else:
            scores[column] = check.number(
                data.get(column), where + column, low=0, high=100, nullable=True
            )
    return scores


def _checkin(raw: Any) -> dict[str, Any]:
    data = check.fields(raw, "checkin_scores", required=CHECKIN_COLUMNS)
    return {
        column: check.number(data[column], f"checkin_scores.{column}", nullable=True)
        for column in CHECKIN_COLUMNS
    }


def _traps(raw: Any) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for i, item in enumerate(check.items(raw, "traps", max_items=MAX_RELATED)):
        where = f"traps[{i}]"
        data = check.fields(item, where, required=("trap_id", "phrase"))
        trap_id = check.pattern(data["trap_id"], f"{where}.trap_id", NAME, "a trap id")
        if trap_id in seen:
            raise RecordError(f"{where}.trap_id", f"'{trap_id}' appears twice")
        seen.add(trap_id)
        phrase = check.text(
            data["phrase"], f"{where}.phrase", max_chars=check.MAX_SHORT_CHARS, nullable=True
        )
        yield {"trap_id": trap_id, "phrase": phrase}


def _commitments(raw: Any) -> Iterator[dict[str, Any]]:
    for i, item in enumerate(check.items(raw, "commitments", max_items=MAX_RELATED)):
        where = f"commitments[{i}]"
        data = check.fields(item, where, required=COMMITMENT_COLUMNS)
        status = check.text(data["status"], f"{where}.status", max_chars=20)
        if status not in COMMITMENT_STATUSES:
            raise RecordError(
                f"{where}.status", f"'{status}' is not one of: {', '.join(COMMITMENT_STATUSES)}"
            )
        yield {
            "id": check.entry_uuid(data["id"], f"{where}.id"),
            "text": check.text(data["text"], f"{where}.text"),
            "due_date": check.day(data["due_date"], f"{where}.due_date"),
            "status": status,
            "note": check.text(data["note"], f"{where}.note", nullable=True),
            "created_at": check.moment(data["created_at"], f"{where}.created_at"),
            "updated_at": check.moment(data["updated_at"], f"{where}.updated_at"),
            "closed_date": check.day(data["closed_date"], f"{where}.closed_date", nullable=True),
        }


def read_commitment(raw: Any) -> dict[str, Any]:
    """One commitment with the id of its entry (as sync carries it), checked."""
    if not isinstance(raw, dict):
        raise RecordError("commitment", f"expected an object, found {check.describe(raw)}")
    rest = {key: value for key, value in raw.items() if key != "entry_id"}
    entry_id = check.entry_uuid(raw.get("entry_id"), "entry_id")
    return {"entry_id": entry_id, **next(_commitments([rest]))}
