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
    """A version set aside: another made at the same time won, or was chosen later."""

    stamp: str
    record: Any  # a JSON object, or its text; None: the version was a delete


@dataclass(frozen=True)
class Change:
    kind: str  # "entry" or "commitment"
    key: str  # the item's UUID
    stamp: str
    vector: Vector
    record: Any  # the item as a JSON object, or its text as it arrived; None: deleted
    kept: tuple[Kept, ...] = field(default=())  # versions set aside when it was made


@dataclass(frozen=True)
class Version:
    """One version of an item, as a device remembers it: its stamp, its vector and the
    stamps of the versions it carries as kept."""

    stamp: str
    vector: Vector
    carried: tuple[str, ...] = ()


#: What a device knows of an item: the versions no other version has built on, oldest
#: first. The one with the latest stamp is the item; the others are kept beside it.
Known = tuple[Version, ...]


class Outcome(Enum):
    HAVE = "have"  # already known, or built on by what is known: nothing changes
    TAKE = "take"  # it becomes the item (what it replaces is kept if made at the same time)
    KEEP = "keep"  # made at the same time as a later version: kept beside the item


def covers(bigger: Vector, smaller: Vector) -> bool:
    """Whether a version with vector ``bigger`` has seen everything ``smaller`` has."""
    return all(bigger.get(device, "") >= stamp for device, stamp in smaller.items())


def current(known: Known) -> Version:
    """The version with the latest stamp: the item itself."""
    if len(known) == 1:  # the usual case: one version, no key function to call
        return known[0]
    return max(known, key=_stamp_of)


def _stamp_of(version: Version) -> str:
    return version.stamp


def kept_stamps(known: Known) -> set[str]:
    """The versions kept beside the item: those at the same time as it, and those any of
    them carries."""
    if not known:
        return set()
    top = current(known)
    kept = {version.stamp for version in known if version is not top}
    for version in known:
        kept.update(version.carried)
    return kept


def decide(known: Known, change: Change) -> tuple[Outcome, Known]:
    """What ``change`` does to an item the device knows as ``known`` (empty: never met),
    and what it knows afterwards."""
    if any(covers(version.vector, change.vector) for version in known):
        return Outcome.HAVE, known
    arriving = Version(change.stamp, dict(change.vector), tuple(k.stamp for k in change.kept))
    after = tuple(v for v in known if not covers(change.vector, v.vector)) + (arriving,)
    after = tuple(sorted(after, key=lambda version: version.stamp))
    return (Outcome.TAKE if current(after) is arriving else Outcome.KEEP), after


def local_change(
    kind: str, key: str, known: Known, stamp: str, device: str, record: Any, kept: tuple[Kept, ...]
) -> Change:
    """The change for an edit made on this device: it builds on every version known and
    carries every kept one (``kept``, the records of ``kept_stamps(known)``)."""
    vector: dict[str, str] = {}
    for version in known:
        vector = {d: max(vector.get(d, ""), s) for d, s in {**vector, **version.vector}.items()}
    vector[device] = stamp
    return Change(kind, key, stamp, vector, record, kept)


class Items(Protocol):
    """Where a device keeps its items: a database, or a dict in a test."""

    def known(self, kind: str, key: str) -> Known: ...

    def record(self, kind: str, key: str) -> Any:
        """The item's current version (None when deleted or never met)."""

    def put(self, kind: str, key: str, record: Any) -> None:
        """Make ``record`` the item's current version."""

    def keep(self, kind: str, key: str, kept: Kept) -> None:
        """Keep a version's record beside the item (the same one twice changes nothing)."""

    def settle(self, kind: str, key: str, known: Known, kept: set[str]) -> None:
        """Remember ``known``; of the kept records, only those in ``kept`` stay."""


def apply(items: Items, change: Change) -> Outcome:
    """Bring one change into ``items``; the same change twice, or changes in any order,
    leave the same items and the same kept versions."""
    known = items.known(change.kind, change.key)
    outcome, after = decide(known, change)
    if outcome is Outcome.HAVE:
        return outcome
    for kept in change.kept:
        items.keep(change.kind, change.key, kept)
    if outcome is Outcome.TAKE:
        before = current(known) if known else None
        if before is not None and before in after:
            items.keep(
                change.kind, change.key, Kept(before.stamp, items.record(change.kind, change.key))
            )
        items.put(change.kind, change.key, change.record)
    else:
        items.keep(change.kind, change.key, Kept(change.stamp, change.record))
    items.settle(change.kind, change.key, after, kept_stamps(after))
    return outcome
