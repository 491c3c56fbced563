"""The journal's records as Python sees them (an entry and its answers) and the rows they
are written as.

Every writer of entries (saving one, loading many, importing) builds its rows here, so an
answer is stored the same way whichever way it came in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from json.encoder import encode_basestring
from typing import Any

from . import driver


@dataclass(frozen=True)
class Answer:
    step_id: str
    kind: str
    prompt: str
    value: Any
    theme: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    journal_date: date
    created_at: str
    updated_at: str
    pack: str | None
    answers: tuple[Answer, ...] = ()
    tags: tuple[str, ...] = ()

    def answer(self, step_id: str) -> Answer | None:
        return next((a for a in self.answers if a.step_id == step_id), None)


#: Writes rows that belong with an entry (a feature's own table) inside the transaction
#: that saves the entry, so the entry and its rows are there together or not at all.
RowsBeside = Callable[[driver.Connection, Entry], None]


def timestamp(now: datetime) -> str:
    """An ISO 8601 timestamp with its UTC offset; naive datetimes are refused."""
    if now.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return now.isoformat(timespec="seconds")


INSERT_ENTRY = (
    "INSERT INTO entries (id, kind, journal_date, created_at, updated_at, pack) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_ANSWER = (
    "INSERT INTO answers (entry_id, position, step_id, kind, prompt, theme, value, "
    "number, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_TAG = "INSERT OR IGNORE INTO tags (entry_id, tag) VALUES (?, ?)"


def entry_row(entry: Entry) -> list[Any]:
    """The ``entries`` row of an entry, in the order of INSERT_ENTRY."""
    return [
        entry.id,
        entry.kind,
        entry.journal_date.isoformat(),
        entry.created_at,
        entry.updated_at,
        entry.pack,
    ]


def answer_rows(entry_id: str, answers: Sequence[Answer], start: int = 0) -> list[list[Any]]:
    """``answers`` rows at positions ``start``, ``start + 1``, ..., as INSERT_ANSWER takes them."""
    return [
        [
            entry_id,
            position,
            answer.step_id,
            answer.kind,
            answer.prompt,
            answer.theme,
            value_json(answer.value),
            number_value(answer.value),
            answer.text,
        ]
        for position, answer in enumerate(answers, start=start)
    ]


def value_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``; text (most answers) by the encoder's own
    C function and whole numbers (ratings) by ``int.__repr__``, which is what ``dumps``
    calls for each after some setting up."""
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def tag_rows(entry: Entry) -> list[list[str]]:
    return [[entry.id, tag] for tag in entry.tags]


def number_value(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


#: The kinds of answer whose text the search index leaves out (as migration 0003 does).
_UNSEARCHED = frozenset(("scale", "confirm"))

#: An answer as an import stages it: (position, head, value, number, text), its head
#: being (step_id, kind, prompt, theme), which most answers of a journal share; the value
#: is None when it is the answer's text (written as JSON as it lands).
StagedAnswer = tuple[int, tuple[str, str, str, str | None], str | None, float | None, str]


def search_document(answers: Sequence[StagedAnswer]) -> tuple[str, str]:
    """An entry's search document (its prompts, its written answers) from its answers as
    they are staged, exactly as migration 0003's triggers build it: each part joined by a
    line break, in the answers' order. Made while the record is at hand, it spares the
    landing reading every answer back from the journal."""
    return (
        "\n".join([head[2] for _, head, _, _, _ in answers]),
        "\n".join([text for _, head, _, _, text in answers if head[1] not in _UNSEARCHED]),
    )


def staged_answers(rows: Sequence[Sequence[Any]]) -> list[StagedAnswer]:
    """``answer_rows`` as an import stages them (``StagedAnswer``)."""
    return [(row[1], (row[2], row[3], row[4], row[5]), row[6], row[7], row[8]) for row in rows]


@dataclass(frozen=True, slots=True)
class PlainRecord:
    """An entry of the usual shape (the export's eight fields and nothing else), already
    checked and made into the rows it is staged as, so that it is staged without building
    an ``Entry`` first: most records of an import or a sync are these."""

    id: str
    entry: list[Any]
    #: Its answers as they are staged (``StagedAnswer``), in their order.
    answers: list[StagedAnswer]
    #: Its search document (``search_document``).
    search: tuple[str, str]
    tags: list[str]
    commitments: tuple[dict[str, Any], ...] = ()
