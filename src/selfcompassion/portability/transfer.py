"""Running an export or an import from start to end, with progress and a result to report.

Exports read the journal in one snapshot (the count and the entries agree even while
another window writes). Imports check the whole file first, then leave out the entries
the journal already holds (matched by UUID) and write the rest in one transaction.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any, Protocol

from ..errors import InputError
from ..store import EntryFilter, EntryRecord, JournalStore, timestamp
from . import documents, files, jrnl, schema
from .fields import RecordError

FORMATS = ("json", "markdown", "csv")
ORIGINS = ("selfcompassion", "jrnl")


class Progress(Protocol):
    """Where long work reports how far it has got (a bar on a terminal, nothing otherwise)."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


class NoProgress:
    def start(self, label: str, total: int) -> None:
        return None

    def advance(self, count: int) -> None:
        return None


@dataclass(frozen=True)
class ExportResult:
    entries: int
    files: int
    target: str


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    source: str


# -- export --------------------------------------------------------------------------------


def choose_format(fmt: str | None, daily_notes: Path | None) -> str:
    """The export format: as given, else markdown for daily notes and json otherwise."""
    chosen = (fmt or ("markdown" if daily_notes else "json")).lower()
    if chosen not in FORMATS:
        raise InputError(f"unknown format '{chosen[:20]}'; use {', '.join(FORMATS)}")
    if daily_notes and chosen != "markdown":
        raise InputError("--daily-notes writes Markdown; leave out --format or use markdown")
    return chosen


def _counted(
    batches: Iterable[list[EntryRecord]], progress: Progress
) -> Iterator[list[EntryRecord]]:
    for batch in batches:
        yield batch
        progress.advance(len(batch))


def export_journal(
    store: JournalStore,
    *,
    fmt: str,
    chosen: EntryFilter,
    now: datetime,
    output: Path | None = None,
    daily_notes: Path | None = None,
    force: bool = False,
    stdout: IO[str] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the chosen entries to ``output`` (0600), to one note per day in
    ``daily_notes``, or to ``stdout``."""
    progress = progress or NoProgress()
    with store.snapshot():
        total = store.count_matching(chosen)
        if daily_notes is not None:
            return _export_daily_notes(store, chosen, daily_notes, force, total, progress)
        if output is not None:
            files.refuse_existing([output], force)
            with files.private_text_file(output) as stream:
                _write(store, fmt, chosen, stream, now, total, progress)
            return ExportResult(total, 1, str(output))
        if stdout is None:
            raise InputError("an export needs --output, --daily-notes or standard output")
        _write(store, fmt, chosen, stdout, now, total, progress)
        return ExportResult(total, 0, "standard output")


def _write(
    store: JournalStore,
    fmt: str,
    chosen: EntryFilter,
    stream: IO[str],
    now: datetime,
    total: int,
    progress: Progress,
) -> None:
    progress.start("Exporting", total)
    batches = _counted(store.iter_records(chosen), progress)
    if fmt == "json":
        steps: Iterable[int] = documents.write_json(
            batches, stream, exported_at=timestamp(now), count=total
        )
    elif fmt == "markdown":
        steps = documents.write_markdown(batches, stream, title="Journal")
    else:
        steps = documents.write_csv(batches, stream)
    for _ in steps:
        pass


def _export_daily_notes(
    store: JournalStore,
    chosen: EntryFilter,
    folder: Path,
    force: bool,
    total: int,
    progress: Progress,
) -> ExportResult:
    targets = [folder / f"{day.isoformat()}.md" for day in store.days_matching(chosen)]
    files.refuse_existing(targets, force)
    files.make_private_dir(folder)
    progress.start("Exporting", total)
    written = 0
    for day, text, _ in documents.daily_notes(_counted(store.iter_records(chosen), progress)):
        with files.private_text_file(folder / f"{day.isoformat()}.md") as stream:
            stream.write(text)
        written += 1
    return ExportResult(total, written, str(folder))


# -- import --------------------------------------------------------------------------------


def import_journal(
    store: JournalStore,
    source: str,
    *,
    origin: str = "selfcompassion",
    tz: tzinfo | None = None,
    progress: Progress | None = None,
    stdin: IO[bytes] | None = None,
) -> ImportResult:
    """Import a file of the tool's own JSON or of jrnl's; all of it or, on any problem,
    nothing."""
    progress = progress or NoProgress()
    where = "standard input" if source == "-" else source
    if origin not in ORIGINS:
        raise InputError(f"--from: unknown source '{origin[:20]}'; use {', '.join(ORIGINS)}")
    with _no_cyclic_gc():
        data = files.read_json(source, stdin)
        records = _read_records(data, origin, where, tz, progress)
        del data
        fresh, skipped = _leave_out_known(
            store, records, where, within_file_is_error=origin != "jrnl"
        )
        progress.start("Saving", len(fresh))
        store.add_records(fresh, progress.advance)
    return ImportResult(len(fresh), skipped, where)


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cycle collector: a large import allocates millions of small objects,
    none of them in cycles, and the collector would rescan them all again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_records(
    data: Any, origin: str, where: str, tz: tzinfo | None, progress: Progress
) -> list[EntryRecord]:
    if origin == "selfcompassion" and not schema.is_document(data):
        hint = (
            "it looks like a jrnl export; add --from jrnl"
            if jrnl.looks_like_jrnl(data)
            else f'it is not a selfcompassion export (no "format": "{schema.FORMAT}")'
        )
        raise InputError(f"{where}: {hint}; nothing was imported")
    entries = data.get("entries") if isinstance(data, dict) else None
    progress.start("Checking", len(entries) if isinstance(entries, list) else 0)
    try:
        if origin == "jrnl":
            return list(jrnl.read_jrnl(data, progress.advance, tz))
        return list(schema.read_document(data, progress.advance))
    except RecordError as error:
        raise InputError(f"{where}: {error.where}: {error.reason}; nothing was imported") from None


def _leave_out_known(
    store: JournalStore, records: list[EntryRecord], where: str, *, within_file_is_error: bool
) -> tuple[list[EntryRecord], int]:
    """The records to add, and how many were left out as already there."""
    seen: dict[str, int] = {}
    unique: list[EntryRecord] = []
    for index, record in enumerate(records, start=1):
        entry_id = record.entry.id
        if entry_id in seen:
            if within_file_is_error:
                raise InputError(
                    f"{where}: entry {index} ({entry_id[:8]}): the same id as entry "
                    f"{seen[entry_id]}; nothing was imported"
                )
            continue
        seen[entry_id] = index
        unique.append(record)
    known = store.existing_entry_ids([record.entry.id for record in unique])
    fresh = [record for record in unique if record.entry.id not in known]
    _refuse_taken_commitments(store, fresh, where)
    return fresh, len(records) - len(fresh)


def _refuse_taken_commitments(store: JournalStore, fresh: list[EntryRecord], where: str) -> None:
    owners = {item["id"]: record.entry.id for record in fresh for item in record.commitments}
    if len(owners) != sum(len(record.commitments) for record in fresh):
        raise InputError(f"{where}: two commitments share one id; nothing was imported")
    taken = store.existing_commitment_ids(list(owners))
    if taken:
        first = sorted(taken)[0]
        raise InputError(
            f"{where}: entry {owners[first][:8]}: commitment {first[:8]} already belongs to "
            "another entry in this journal; nothing was imported"
        )
