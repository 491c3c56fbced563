"""Running an export or an import from start to end, with progress and a result to report.

Exports read the journal in one snapshot (the count and the entries agree even while
another window writes). Imports read the file a record at a time and check each into the
store's staging tables before the journal is locked at all, then land in short
transactions, leaving out the entries the journal already holds (matched by UUID): a bad
record anywhere, even the last, leaves the journal as it was, and memory stays flat
whatever the size of the file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..gcpause import cycle_collector_paused
from ..progress import NoProgress, Progress
from ..store import EntryFilter, EntryRecord, JournalStore, timestamp
from ..store.records import PlainRecord
from . import documents, files

FORMATS = ("json", "markdown", "csv")
ORIGINS = ("selfcompassion", "jrnl")
#: How many records an import checks and stages at a time: 2,000 held about 15 MB more
#: at once for no gain in speed.
WRITE_CHUNK = 500


#: A record read from an import: of the usual shape, already as its rows, or any other.
Record = EntryRecord | PlainRecord


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
            with files.private_text_file(output, force=force) as stream:
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
    batches: Generator[list[Any], None, None]
    if fmt == "json":
        batches = store.iter_entry_json(chosen)
        steps = documents.write_json(batches, stream, exported_at=timestamp(now), count=total)
    elif fmt == "markdown":
        batches = store.iter_entry_markdown(chosen)
        steps = documents.write_markdown(
            batches, stream, title="Journal", rows_for=store.entry_rows
        )
    else:
        batches = store.iter_entry_lines(chosen, documents.csv_cells(store.sampled_heads()))
        steps = documents.write_csv(batches, stream, rows_for=store.entry_rows)
    # Closed here, not whenever it is collected: a reader that stops early (``| head``)
    # must not leave a cursor to be closed after the journal is.
    with contextlib.closing(batches):
        for written in steps:
            progress.advance(written)


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
    with (
        contextlib.closing(store.iter_entry_markdown(chosen)) as batches,
        files.private_text_files(folder, force=force) as write,
    ):
        for day, text, entries in documents.daily_notes(batches, store.entry_rows):
            write(f"{day.isoformat()}.md", text)
            written += 1
            progress.advance(entries)
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
    nothing.

    The whole file is read and checked first, into the store's staging tables, without
    taking the journal's write lock (a slow standard input keeps nobody waiting); only
    then does it land, in short transactions (``JournalStore.land_import``).
    """
    # Only an import reads and checks files, so only an import loads the code that does.
    from . import jrnl, reading
    from .fields import RecordError
    from .stream import StreamError

    progress = progress or NoProgress()
    if origin not in ORIGINS:
        raise InputError(f"--from: unknown source '{origin[:20]}'; use {', '.join(ORIGINS)}")
    with (
        files.open_import(source, stdin) as (where, stream),
        cycle_collector_paused(),
        store.import_stage() as stage,
    ):
        seen = _Seen(where, within_file_is_error=origin != "jrnl")

        def starting(total: int | None) -> None:
            progress.start("Importing", total)

        records: Iterator[Record]
        if origin == "jrnl":
            records = jrnl.read_jrnl(stream, starting, tz)
        else:
            records = reading.read_document(stream, starting)
        try:
            for chunk in _chunks(records, WRITE_CHUNK):
                stage.add(seen.unique(chunk))
                progress.advance(len(chunk))
        except RecordError as error:
            raise _refused(where, f"{error.where}: {error.reason}") from None
        except (StreamError, reading.NotAnExport) as error:
            raise _refused(where, str(error)) from None
        conflict = store.taken_commitment()
        if conflict is not None:
            raise _refused(
                where,
                f"entry {conflict.owner[:8]}: commitment {conflict.commitment[:8]} already "
                "belongs to another entry in this journal",
            )
        progress.start("Saving", stage.count)
        added = store.land_import(stage, progress.advance)
    return ImportResult(added, seen.read - added, where)


def _refused(where: str, reason: str) -> InputError:
    return InputError(f"{where}: {reason}; nothing was imported")


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Seen:
    """What an import has met so far, to refuse ids that a file uses twice (jrnl's files,
    whose ids are made from their words, keep the first and leave out the rest)."""

    def __init__(self, where: str, *, within_file_is_error: bool) -> None:
        self.where = where
        self.within_file_is_error = within_file_is_error
        self.entries: dict[str, int] = {}  # id -> its place in the file
        self.commitments: set[str] = set()
        self.read = 0

    def unique(self, chunk: list[Record]) -> list[Record]:
        """The records of ``chunk`` whose ids the file has not used before."""
        unique: list[Record] = []
        for record in chunk:
            self.read += 1
            entry_id = record.id if isinstance(record, PlainRecord) else record.entry.id
            first = self.entries.setdefault(entry_id, self.read)
            if first == self.read:
                unique.append(record)
            elif self.within_file_is_error:
                raise _refused(
                    self.where,
                    f"entry {self.read} ({entry_id[:8]}): the same id as entry {first}",
                )
        count = sum(len(record.commitments) for record in unique)
        ids = {item["id"] for record in unique for item in record.commitments}
        if len(ids) != count or ids & self.commitments:
            raise _refused(self.where, "two commitments share one id")
        self.commitments.update(ids)
        return unique
