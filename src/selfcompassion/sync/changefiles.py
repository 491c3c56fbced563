"""Change files: each device writes its own, numbered, and never touches one again.

A file is JSON lines: a head (format, device, number, how many changes, the latest stamp
in it), two lines a change, and an end line with the count again. A change's first line
says what it is (kind, key, stamp, version vector, kept versions); its second is the
item's record as it is now (``null`` when deleted), on a line of its own so that a record
can go from the sender's SQLite to the receiver's as text, never parsed on the way
(``sync.arriving`` checks and lands records in bulk). A file is written under
a hidden temporary name and renamed when complete, so a reader never meets half of it;
sync tools still show files half-copied (Syncthing's ``.syncthing.*.tmp``, a file still
growing), twice ("conflicted copy") or late. Only names of the exact form
``journal-DEVICE-NUMBER.jsonl`` are read, a file without its end line is left for the
next sync, and a change already known changes nothing, so all of that is harmless.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files.safefiles import private_new_file
from .clock import STAMP, Stamp
from .merge import Change, Kept
from .sealing import FolderKey, SealError

FORMAT = "selfcompassion-sync"
VERSION = 2
NAME = re.compile(r"^journal-([0-9a-f]{32})-(\d{6})\.(jsonl|age)$")
#: The largest change file read, in bytes.
MAX_FILE_BYTES = 1 << 30
#: The most devices one item's version vector may name.
MAX_DEVICES = 1_000
KINDS = ("entry", "commitment")
#: The most damaged files one change file may say it stands in for.
MAX_HEALED = 100_000


class Unreadable(Exception):
    """A change file that cannot be used (yet): the message says why, in a few words."""


@dataclass(frozen=True)
class ChangeFile:
    path: Path
    device: str
    number: int
    sealed: bool = False

    @property
    def name(self) -> str:
        return self.path.name


def file_name(device: str, number: int, sealed: bool = False) -> str:
    return f"journal-{device}-{number:06d}.{'age' if sealed else 'jsonl'}"


def listed(folder: Path, sealed: bool = False) -> list[ChangeFile]:
    """The change files in ``folder``, by device and number; anything else is ignored.
    An encrypted folder's (``sealed``) are the sealed ones: plain files left from before
    it was encrypted, or put there by someone else, are not read."""
    found = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if match and (match.group(3) == "age") == sealed and path.is_file():
            found.append(ChangeFile(path, match.group(1), int(match.group(2)), sealed))
    return sorted(found, key=lambda item: (item.device, item.number))


def plain_left(folder: Path) -> int:
    """How many plain change files an encrypted folder still holds."""
    return sum(1 for path in folder.iterdir() if (m := NAME.match(path.name)) and m[3] == "jsonl")


def change_line(change: Change, record: str | None = None) -> str:
    """A change as its two lines; ``record``, when given, is its record as JSON text."""
    kept = [{"stamp": kept.stamp, "record": kept.record} for kept in change.kept]
    return change_text(
        change.kind,
        change.key,
        change.stamp,
        json.dumps(dict(sorted(change.vector.items()))),
        json.dumps(change.record, ensure_ascii=False) if record is None else record,
        json.dumps(kept, ensure_ascii=False),
    )


def change_text(kind: str, key: str, stamp: str, vector: str, record: str | None, kept: str) -> str:
    """A change's two lines from its parts, the last three as JSON text already."""
    return (
        f'{{"kind": "{kind}", "key": "{key}", "stamp": "{stamp}", "vector": {vector}, '
        f'"kept": {kept}}}\n{record or "null"}'
    )


@dataclass(frozen=True)
class Written:
    """A change file as this device wrote it: what it needs to recognise it later."""

    path: Path
    size: int
    digest: str  # SHA-256 of its bytes, hex

    @property
    def name(self) -> str:
        return self.path.name


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(
    folder: Path,
    device: str,
    number: int,
    changes: list[Change],
    key: FolderKey | None = None,
    healed: list[str] | None = None,
) -> Written:
    """Write a change file (0600), complete before it has its name.
    With ``key`` it is sealed (encrypted to the folder's key, with a MAC in its end line).
    ``healed`` names files of this device found damaged whose changes this one carries
    again."""
    latest = max((change.stamp for change in changes), default="")
    lines = [change_line(change) for change in changes]
    return write_lines(folder, device, number, lines, latest, key, healed)


def write_lines(
    folder: Path,
    device: str,
    number: int,
    lines: list[str],
    latest: str,
    key: FolderKey | None,
    healed: list[str] | None = None,
) -> Written:
    """``write`` for changes already as lines; ``latest`` is the latest stamp in them."""
    target = folder / file_name(device, number, key is not None)
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "device": device,
        "number": number,
        "changes": len(lines),
        "latest": latest,
    }
    if healed:
        head["healed"] = healed
    body = "\n".join([json.dumps(head), *lines, ""])
    if key is None:
        data = (body + json.dumps({"end": len(lines)}) + "\n").encode("utf-8")
    else:
        end = {"end": len(lines), "mac": key.mac(body.encode("utf-8"))}
        data = key.seal(body + json.dumps(end) + "\n")
    with private_new_file(target) as temp:
        temp.write_bytes(data)
    return Written(target, len(data), digest_of(data))


def _text(item: ChangeFile, key: FolderKey | None) -> str:
    if item.path.stat().st_size > MAX_FILE_BYTES:
        raise Unreadable("larger than a change file can be")
    if not item.sealed:
        return item.path.read_text(encoding="utf-8")
    if key is None:
        raise Unreadable("encrypted, and this journal does not hold the folder's key")
    try:
        data = key.unseal(item.path.read_bytes())
    except SealError:
        raise Unreadable(
            "cannot be decrypted with this folder's key (still being copied?)"
        ) from None
    cut = data.rfind(b"\n", 0, len(data) - 1) + 1
    try:
        mac = json.loads(data[cut:]).get("mac")
    except (ValueError, AttributeError):
        raise Unreadable("incomplete (still being copied?)") from None
    if not key.verify(data[:cut], mac):
        raise Unreadable("not made by one of this folder's devices (its check does not match)")
    return data.decode("utf-8")


def latest_stamp(item: ChangeFile, key: FolderKey | None = None) -> Stamp | None:
    """The latest stamp a file's head gives (None when it cannot be read)."""
    try:
        if item.sealed:
            first = _text(item, key).split("\n", 1)[0]
        else:
            with item.path.open("r", encoding="utf-8") as handle:
                first = handle.readline(4096)
        head = json.loads(first)
        return Stamp.parse(head["latest"]) if head.get("latest") else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, Unreadable):
        return None


def read(item: ChangeFile, key: FolderKey | None = None) -> list[Change]:
    """Every change in a file, each checked; raises Unreadable for a file that is not
    complete or not right."""
    return read_whole(item, key).changes


@dataclass(frozen=True)
class Contents:
    changes: list[Change]
    healed: list[str]  # earlier files of the same device that this one stands in for


def read_whole(item: ChangeFile, key: FolderKey | None = None) -> Contents:
    """``read``, with the names of the damaged files whose changes the file carries again
    (only earlier files of its own device are taken)."""
    try:
        text = _text(item, key)
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8 text") from None
    except OSError as error:
        raise Unreadable(error.strerror or "cannot be read") from None
    lines = text.split("\n")
    if len(lines) < 3 or lines[-1] != "":
        raise Unreadable("incomplete (still being copied?)")
    try:
        head = json.loads(lines[0])
        end = json.loads(lines[-2])
    except ValueError:
        raise Unreadable("incomplete (still being copied?)") from None
    _check_head(head, item)
    body = lines[1:-2]
    if item.sealed and isinstance(end, dict):
        end.pop("mac", None)  # checked in _text
    if head["version"] == 1:  # a line a change, its record inside it
        body = [part for line in body for part in _two_lines(line)]
    if end != {"end": head["changes"]} or len(body) != 2 * head["changes"]:
        raise Unreadable("incomplete (still being copied?)")
    changes = [_change(body, index) for index in range(0, len(body), 2)]
    return Contents(changes, _healed(head.get("healed"), item))


def _healed(names: Any, item: ChangeFile) -> list[str]:
    if not isinstance(names, list):
        return []
    found = []
    for name in names[:MAX_HEALED]:
        match = NAME.match(name) if isinstance(name, str) else None
        if match and match[1] == item.device and int(match[2]) < item.number:
            found.append(name)
    return found


def _two_lines(line: str) -> tuple[str, str]:
    """A change of a format 1 file as the two lines of format 2."""
    try:
        data = json.loads(line)
        record = data.pop("record")
    except (ValueError, TypeError, KeyError, AttributeError):
        return line, "null"  # _change names what is wrong with it
    # The record escaped as it may have been (a lone surrogate stays an escape, for the
    # import's checks to name).
    return json.dumps(data), json.dumps(record)


def _check_head(head: Any, item: ChangeFile) -> None:
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise Unreadable("not a selfcompassion change file")
    if head.get("version") not in (1, VERSION):
        raise Unreadable(f"written by another version of selfcompassion ({head.get('version')})")
    if head.get("device") != item.device or head.get("number") != item.number:
        raise Unreadable("its name and its contents do not match")
    if not isinstance(head.get("changes"), int):
        raise Unreadable("its head has no count of changes")


def _change(body: list[str], index: int) -> Change:
    """The change at ``body[index]``, its record (``body[index + 1]``) left as text: only
    its shape is looked at here (a JSON object, or null)."""
    try:
        data = json.loads(body[index])
        if not isinstance(data, dict) or data.keys() != _CHANGE_KEYS:
            raise ValueError("not a change")
        kind, key, stamp, vector = data["kind"], data["key"], data["stamp"], data["vector"]
        if kind not in KINDS or type(key) is not str:
            raise ValueError("unknown kind of change")
        if type(stamp) is not str or not STAMP.match(stamp):
            raise ValueError(f"'{str(stamp)[:60]}' is not a change stamp")
        if type(vector) is not dict or not 0 < len(vector) <= MAX_DEVICES:
            raise ValueError("no version vector")
        for device, seen in vector.items():
            if type(seen) is not str or not STAMP.match(seen) or seen[-32:] != device:
                raise ValueError("a version vector that does not add up")
        kept = tuple(_kept(item) for item in _list(data["kept"])) if data["kept"] else ()
        record = body[index + 1]
        if record != "null" and not record.startswith("{"):
            raise ValueError("a record that is not an object")
        return Change(kind, key, stamp, vector, None if record == "null" else record, kept)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise Unreadable(f"line {index + 2}: {str(error)[:80]}") from None


_CHANGE_KEYS = frozenset(("kind", "key", "stamp", "vector", "kept"))


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list) or len(value) > MAX_DEVICES:
        raise ValueError("kept versions that are not a list")
    return value


def _kept(value: Any) -> Kept:
    if not isinstance(value, dict) or set(value) != {"stamp", "record"}:
        raise ValueError("a kept version that is not one")
    return Kept(Stamp.parse(value["stamp"]).text(), _record(value["record"]))


def _record(value: Any) -> dict[str, Any] | None:
    if value is not None and not isinstance(value, dict):
        raise ValueError("a record that is not an object")
    return value


def own_numbers(files: list[ChangeFile], device: str) -> Iterator[int]:
    return (item.number for item in files if item.device == device)
