"""What a change does to what a device knows: pure functions, no files, no database.

Everything synced is an item (an entry with its answers, tags and scores; a commitment)
named by its kind and UUID. Each version of an item carries its stamp (``clock``) and a
version vector: for every device that has changed the item, the stamp of its latest
change that this version builds on. With it a device can tell whether a change arriving
is one it already has (or an older one), one that builds on what it has, or one made at
the same time as its own (neither saw the other): then the later stamp wins and the
other version is kept, never dropped. Kept versions travel with the item, so every
device ends up keeping the same ones, whatever order the changes arrive in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

Vector = Mapping[str, str]  # device id -> the stamp (text) of its latest change


@dataclass(frozen=True)
class Kept:
    """A version set aside when another made at the same time won."""

    stamp: str
    record: dict[str, Any] | None  # None: the version was a delete


@dataclass(frozen=True)
class Change:
    kind: str  # "entry" or "commitment"
    key: str  # the item's UUID
    stamp: str
    vector: Vector
    record: dict[str, Any] | None  # None: deleted
    kept: tuple[Kept, ...] = field(default=())


@dataclass(frozen=True)
class Known:
    """What a device knows of an item: the stamp of its current version and its vector."""

    stamp: str
    vector: Vector


class Outcome(Enum):
    HAVE = "have"  # already known, or older than what is known: nothing changes
    TAKE = "take"  # builds on what is known: it becomes the item
    WIN = "win"  # made at the same time and later: it becomes the item, the current is kept
    LOSE = "lose"  # made at the same time and earlier: it is kept, the current stays


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    known: Known  # what the device knows afterwards

    @property
    def takes_record(self) -> bool:
        return self.outcome in (Outcome.TAKE, Outcome.WIN)


def covers(bigger: Vector, smaller: Vector) -> bool:
    """Whether a version with vector ``bigger`` has seen everything ``smaller`` has."""
    return all(bigger.get(device, "") >= stamp for device, stamp in smaller.items())


def joined(one: Vector, other: Vector) -> dict[str, str]:
    return {d: max(one.get(d, ""), other.get(d, "")) for d in one.keys() | other.keys()}


def decide(known: Known | None, change: Change) -> Decision:
    """What ``change`` does to an item the device knows as ``known`` (None: never met)."""
    if known is None:
        return Decision(Outcome.TAKE, Known(change.stamp, dict(change.vector)))
    if covers(known.vector, change.vector):
        return Decision(Outcome.HAVE, known)
    if covers(change.vector, known.vector):
        return Decision(Outcome.TAKE, Known(change.stamp, dict(change.vector)))
    vector = joined(known.vector, change.vector)
    if change.stamp > known.stamp:
        return Decision(Outcome.WIN, Known(change.stamp, vector))
    return Decision(Outcome.LOSE, Known(known.stamp, vector))


def local_change(
    kind: str, key: str, known: Known | None, stamp: str, device: str, record: Any
) -> Change:
    """The change for an edit made on this device: it builds on everything known."""
    vector = dict(known.vector) if known else {}
    vector[device] = stamp
    return Change(kind, key, stamp, vector, record)


class Items(Protocol):
    """Where a device keeps its items: a database, or a dict in a test."""

    def known(self, kind: str, key: str) -> Known | None: ...

    def record(self, kind: str, key: str) -> dict[str, Any] | None:
        """The item's current version (None when deleted or never met)."""

    def keep(self, kind: str, key: str, kept: Kept) -> None:
        """Keep a version set aside (keeping the same one twice changes nothing)."""

    def put(self, kind: str, key: str, known: Known, record: dict[str, Any] | None) -> None:
        """Make ``record`` the item's current version."""

    def learn(self, kind: str, key: str, known: Known) -> None:
        """The item stays as it is, but the device now knows more of its history."""


def apply(items: Items, change: Change) -> Outcome:
    """Bring one change into ``items``; the same change twice, or changes in any order,
    leave the same items and the same kept versions."""
    known = items.known(change.kind, change.key)
    decision = decide(known, change)
    for kept in change.kept:
        items.keep(change.kind, change.key, kept)
    if decision.outcome is Outcome.WIN and known is not None:
        current = Kept(known.stamp, items.record(change.kind, change.key))
        items.keep(change.kind, change.key, current)
    elif decision.outcome is Outcome.LOSE:
        items.keep(change.kind, change.key, Kept(change.stamp, change.record))
    if decision.takes_record:
        items.put(change.kind, change.key, decision.known, change.record)
    elif decision.known != known:
        items.learn(change.kind, change.key, decision.known)
    return decision.outcome
