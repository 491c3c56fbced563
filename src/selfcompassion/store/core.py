"""The core of the store: opening the file safely, transactions, entries and drafts.

Every write is one ``BEGIN IMMEDIATE`` transaction, so an entry is either all there or
not there at all, and concurrent writers queue up instead of failing (WAL mode, a busy
timeout and a few retries). The file is created 0600 inside a 0700 folder. A file that
is not a journal is refused without being touched.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Self

from ..errors import JournalError, StorageError
from ..files.paths import DB_ENV
from ..files.safefiles import make_private_dir as _make_private_dir

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_BYTES = 100
BUSY_TIMEOUT_MS = 10_000
WRITE_RETRIES = 6
#: Below this much free space a "disk I/O error" is reported as a full disk.
FULL_DISK_BYTES = 64 * 1024
DAMAGED = (
    "{path}: the journal file is damaged, so it was left untouched; restore a backup "
    "(journal doctor lists them) or move the file aside"
)


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


@dataclass(frozen=True)
class DayRun:
    """Consecutive journal days from ``first`` to ``last``: ``length`` days in a row."""

    first: date
    last: date
    length: int

    def reaches(self, day: date) -> bool:
        """Whether the run is still a streak on ``day``: it ends on that day or the day
        before (today's entry may not be written yet)."""
        return self.last >= day - timedelta(days=1)


#: Writes rows that belong with an entry (a feature's own table) inside the transaction
#: that saves the entry, so the entry and its rows are there together or not at all.
RowsBeside = Callable[[sqlite3.Connection, "Entry"], None]


@dataclass
class Draft:
    flow: str
    journal_date: date
    pack: str | None
    answers: dict[str, Any] = field(default_factory=dict)
    started_at: str = ""
    updated_at: str = ""


def timestamp(now: datetime) -> str:
    """An ISO 8601 timestamp with its UTC offset; naive datetimes are refused."""
    if now.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return now.isoformat(timespec="seconds")


def _disk_is_full(path: Path) -> bool:
    probe = path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < FULL_DISK_BYTES
    except OSError:
        return False


def _describe_sqlite_error(path: Path, error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return (
            f"{path}: the journal is read-only here; make the file and its folder writable "
            "for you (chmod u+w), or copy the journal somewhere that is"
        )
    if "full" in text or ("disk i/o" in text and _disk_is_full(path)):
        return f"{path}: the disk is full; free some space and try again (nothing was saved)"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DAMAGED.format(path=path)
    if "disk i/o" in text:
        return (
            f"{path}: the journal could not be used: the disk reported an error; "
            "check the disk, then run journal doctor"
        )
    if "unable to open" in text:
        return (
            f"{path}: the journal cannot be opened; check that the file and its folder "
            "belong to you and are writable"
        )
    if "locked" in text or "busy" in text:
        return f"{path}: the journal is busy in another window; try again in a moment"
    return f"{path}: the journal could not be used ({error}); journal doctor can check it"


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turn SQLite and OS failures into one clear StorageError naming the file."""
    try:
        yield
    except JournalError:
        raise
    except sqlite3.Error as error:
        raise StorageError(_describe_sqlite_error(path, error)) from None
    except PermissionError:
        raise StorageError(
            f"{path}: permission denied; the journal and its folder must belong to you"
        ) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise StorageError(
                f"{path}: the disk is full; free some space and try again (nothing was saved)"
            ) from None
        raise StorageError(
            f"{path}: {error.strerror or error}; check the path given by --db or {DB_ENV}"
        ) from None


def _while_locked(step: Callable[[], object]) -> None:
    """Run ``step``, trying again a few times, a little later each time, while another
    process holds the lock it needs (beyond what the busy timeout already waits for)."""
    for attempt in range(WRITE_RETRIES):
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            text = str(error)
            if ("locked" not in text and "busy" not in text) or attempt == WRITE_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _create_private_file(path: Path, *, exist_ok: bool = False) -> None:
    """Create an empty file that only its owner can read, whatever the umask."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        if exist_ok:
            return  # another process created the journal at the same moment
        raise StorageError(f"{path}: already exists; choose another name") from None
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def free_name(path: Path) -> Path:
    """``path``, or the same name with -2, -3, ... (before an extension like ``.db``) when
    it is taken."""
    extension = path.suffix if path.suffix[1:].isalnum() and len(path.suffix) <= 8 else ""
    stem = path.name[: len(path.name) - len(extension)]
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{stem}-{number}{extension}")
    return candidate


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _check_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database, or one that was cut short.

    SQLite notices a missing page only when it reads it, which may be after a write;
    the header says how long the file should be, so a cut-off file is refused before
    anything is read or written.
    """
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if not header:
        return  # a new, empty journal
    if not header.startswith(SQLITE_HEADER):
        raise StorageError(
            f"{path}: this file is not a journal (not an SQLite database); "
            "point --db at your journal or move this file aside"
        )
    if len(header) < HEADER_BYTES:
        raise StorageError(DAMAGED.format(path=path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = header[24:28] == header[92:96]
    # While a write-ahead log or rollback journal holds pages, the file may be shorter.
    pending = any(
        _has_content(path.with_name(path.name + suffix)) for suffix in ("-wal", "-journal")
    )
    if pages and size_is_valid and not pending and path.stat().st_size < pages * page_size:
        raise StorageError(DAMAGED.format(path=path))


def _check_access(path: Path) -> None:
    """Refuse, before any question is asked, a journal that could not be saved to."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"{path}: its folder is read-only for you, and the journal needs to write beside "
            f"its file; make {folder} writable, or copy the journal to a folder that is"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(
            f"{path}: the journal file is read-only or not yours; make it readable and "
            "writable for you (chmod 600 on a file that is yours)"
        )


def _connect_to_look(uri: str, mode: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{uri}?{mode}", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


class StoreCore:
    """Opening, transactions, entries and drafts; feature mixins in this package add the rest."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        #: The copy written before this open upgraded the journal, if it did.
        self.upgrade_backup: Path | None = None

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, backup_before_upgrade: bool = True) -> Self:
        path = Path(path)
        with storage_errors(path):
            if path.is_dir():
                raise StorageError(
                    f"{path}: is a folder, and the journal must be a file; point --db or "
                    f"{DB_ENV} at a file (journal.db inside it, for example)"
                )
            if not path.parent.exists():
                _make_private_dir(path.parent)
            if not path.parent.is_dir():
                raise StorageError(
                    f"{path}: {path.parent} is a file, not a folder; "
                    f"check the path given by --db or {DB_ENV}"
                )
            _check_access(path)
            if not path.exists():
                _create_private_file(path, exist_ok=True)
            _check_file(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            store = cls(path, conn)
            try:
                store._prepare(backup_before_upgrade)
            except BaseException:
                conn.close()
                raise
            return store

    @classmethod
    def inspect(cls, path: Path) -> Self:
        """Open an existing journal only to look at it: nothing is created, upgraded or
        written, so a damaged, old or read-only journal can still be examined."""
        path = Path(path)
        with storage_errors(path):
            if not path.is_file():
                raise StorageError(f"{path}: there is no journal file here")
            _check_file(path)
            writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
            uri = path.resolve().as_uri()
            # Read-write (without create) lets SQLite tidy its side files away on close;
            # a read-only journal is read as it is.
            modes = ["mode=rw"] if writable else ["mode=ro"]
            if not writable and not _has_content(path.with_name(path.name + "-wal")):
                modes.append("mode=ro&immutable=1")
            for mode in modes[:-1]:
                with contextlib.suppress(sqlite3.OperationalError):
                    return cls(path, _connect_to_look(uri, mode))
            return cls(path, _connect_to_look(uri, modes[-1]))

    def _prepare(self, backup_before_upgrade: bool) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if tables:
            self._check_is_journal(tables)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        _while_locked(self._use_wal)
        self._migrate(backup_before_upgrade, fresh=not tables)
        if conn.execute("SELECT 1 FROM imports_landing LIMIT 1").fetchone():
            self.take_out_stopped_imports()  # type: ignore[attr-defined]

    def _use_wal(self) -> None:
        # Switching to WAL needs the file to itself for a moment, and SQLite does not wait
        # for that with the busy timeout: when a new journal is opened by two processes at
        # once, one of them is told "locked" and tries again (finding WAL already on).
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")

    def _check_is_journal(self, tables: set[str]) -> None:
        from .migrations import MIGRATION_SET, names

        not_journal = StorageError(
            f"{self.path}: this SQLite file is not a selfcompassion journal; "
            "point --db at your journal or choose a new file name"
        )
        if "_sqlite_migrations" not in tables:
            raise not_journal
        applied = [
            row[0]
            for row in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        ]
        if not applied:
            raise not_journal
        known = set(names())
        if any(name not in known for name in applied):
            raise StorageError(
                f"{self.path}: this journal was upgraded by a newer version of selfcompassion "
                f"(schema {len(applied)}, this version knows {len(known)}); update "
                "selfcompassion to use it (nothing was changed)"
            )

    def _migrate(self, backup_before_upgrade: bool, *, fresh: bool) -> None:
        from .migrations import MIGRATION_SET, migrations

        if not fresh:
            applied = {
                row[0]
                for row in self.conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
            if applied.issuperset(migrations.names):
                return  # current: the usual case, answered without loading sqlite-utils
        from sqlite_utils import Database

        db = Database(self.conn, execute_plugins=False)
        if not migrations.pending(db):
            return
        with self._transaction():
            # Another process may have upgraded the journal while this one waited for the
            # lock; the lock is held from here until the upgrade is committed.
            if not migrations.pending(db):
                return
            if backup_before_upgrade and not fresh:
                self._check_before_upgrade()
                self.upgrade_backup = self._copy_to(self.upgrade_backup_path(), separate=True)
            migrations.apply(db)

    def _check_before_upgrade(self) -> None:
        """An upgrade rewrites tables; a damaged journal is refused before it is touched."""
        result = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            raise StorageError(DAMAGED.format(path=self.path))

    def upgrade_backup_path(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return free_name(
            self.path.with_name(f"{self.path.name}.before-upgrade-v{self.schema_version()}-{stamp}")
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; retried while another process holds the lock."""
        _while_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        with storage_errors(self.path), self._transaction() as conn:
            yield conn

    # -- facts about the file ------------------------------------------------------------

    def schema_version(self) -> int:
        from .migrations import MIGRATION_SET

        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'"
            ).fetchone()
            if not row[0]:
                return 0
            return self.conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET],
            ).fetchone()[0]

    def backup(self, target: Path) -> Path:
        """A consistent copy made with SQLite's online backup API, created 0600."""
        return self._copy_to(Path(target), separate=False)

    def _copy_to(self, target: Path, *, separate: bool) -> Path:
        # SQLite cannot copy from a connection that holds the write lock, so a copy taken
        # inside a write transaction (before an upgrade) reads through a second connection.
        with storage_errors(target):
            if not target.parent.exists():
                _make_private_dir(target.parent)
            _create_private_file(target)
            try:
                source = sqlite3.connect(self.path) if separate else self.conn
                copy = sqlite3.connect(target)
                try:
                    source.backup(copy)
                finally:
                    copy.close()
                    if separate:
                        source.close()
            except BaseException:
                target.unlink(missing_ok=True)
                raise
        return target

    # -- entries -------------------------------------------------------------------------

    def add_entry(
        self,
        *,
        kind: str,
        journal_date: date,
        answers: Sequence[Answer],
        now: datetime,
        pack: str | None = None,
        tags: Sequence[str] = (),
        entry_id: str | None = None,
        clear_draft: str | None = None,
        also: RowsBeside | None = None,
    ) -> Entry:
        """Save one entry with its answers and tags in a single transaction.

        ``clear_draft`` names a flow whose draft is removed in the same transaction, so
        a draft disappears exactly when its entry is safely saved. ``also`` writes rows
        that belong with the entry (a feature mixin's own tables) in that transaction too.
        """
        stamp = timestamp(now)
        entry = Entry(
            id=entry_id or str(uuid.uuid4()),
            kind=kind,
            journal_date=journal_date,
            created_at=stamp,
            updated_at=stamp,
            pack=pack,
            answers=tuple(answers),
            tags=tuple(dict.fromkeys(tags)),
        )
        with self.writing() as conn:
            self._insert_entry(conn, entry)
            if clear_draft:
                conn.execute("DELETE FROM drafts WHERE flow = ?", [clear_draft])
            if also is not None:
                also(conn, entry)
        return entry

    def _insert_entry(self, conn: sqlite3.Connection, entry: Entry) -> None:
        conn.execute(INSERT_ENTRY, entry_row(entry))
        self._insert_answers(conn, entry.id, entry.answers)
        conn.executemany(INSERT_TAG, tag_rows(entry))

    def _insert_answers(
        self, conn: sqlite3.Connection, entry_id: str, answers: Sequence[Answer], start: int = 0
    ) -> None:
        """Insert answers at positions ``start``, ``start + 1``, ... of an entry."""
        conn.executemany(INSERT_ANSWER, answer_rows(entry_id, answers, start))

    def get_entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or with this unique id prefix (at least 4 characters)."""
        with storage_errors(self.path):
            row = self.conn.execute("SELECT * FROM entries WHERE id = ?", [entry_id]).fetchone()
            if row is None and len(entry_id) >= 4:
                rows = self.conn.execute(
                    "SELECT * FROM entries WHERE id >= ? AND id < ? LIMIT 2",
                    [entry_id, entry_id + "\uffff"],
                ).fetchall()
                row = rows[0] if len(rows) == 1 else None
            return self._load_entries([row])[0] if row else None

    def entries_on(self, day: date) -> list[Entry]:
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT * FROM entries WHERE journal_date = ? ORDER BY created_at, rowid",
                [day.isoformat()],
            ).fetchall()
            return self._load_entries(rows)

    def count_entries(self) -> int:
        with storage_errors(self.path):
            return self.conn.execute("SELECT count(*) FROM entries").fetchone()[0]

    def _load_entries(self, rows: Sequence[sqlite3.Row | tuple]) -> list[Entry]:
        """Entries for the given ``entries`` rows, with their answers and tags."""
        if not rows:
            return []
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        answers: dict[str, list[Answer]] = {entry_id: [] for entry_id in ids}
        for entry_id, step_id, kind, prompt, theme, value, text in self.conn.execute(
            "SELECT entry_id, step_id, kind, prompt, theme, value, text FROM answers "  # noqa: S608
            f"WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
            ids,
        ):
            answers[entry_id].append(Answer(step_id, kind, prompt, json.loads(value), theme, text))
        tags: dict[str, list[str]] = {entry_id: [] for entry_id in ids}
        for entry_id, tag in self.conn.execute(
            f"SELECT entry_id, tag FROM tags WHERE entry_id IN ({marks}) ORDER BY tag",  # noqa: S608
            ids,
        ):
            tags[entry_id].append(tag)
        return [
            Entry(
                id=row[0],
                kind=row[1],
                journal_date=date.fromisoformat(row[2]),
                created_at=row[3],
                updated_at=row[4],
                pack=row[5],
                answers=tuple(answers[row[0]]),
                tags=tuple(tags[row[0]]),
            )
            for row in rows
        ]

    # -- practice ------------------------------------------------------------------------

    def run_as_of(self, as_of: date) -> DayRun | None:
        """The latest run of consecutive journal days that began by ``as_of``, counted only
        up to ``as_of`` (a run still going on after a past day is cut at that day), or None
        before the first entry. One lookup in ``day_runs`` (kept by triggers, migration
        0005), however long the journal's history."""
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT first, min(last, :as_of) FROM day_runs WHERE first <= :as_of "
                "ORDER BY first DESC LIMIT 1",
                {"as_of": as_of.isoformat()},
            ).fetchone()
        if row is None:
            return None
        first, last = date.fromisoformat(row[0]), date.fromisoformat(row[1])
        return DayRun(first, last, (last - first).days + 1)

    def streak(self, as_of: date) -> int:
        """Days in a row with at least one entry, ending at ``as_of`` (or the day before it,
        so that a streak is not shown as broken before today's entry is written)."""
        run = self.run_as_of(as_of)
        return run.length if run is not None and run.reaches(as_of) else 0

    # -- drafts --------------------------------------------------------------------------

    def save_draft(self, draft: Draft, now: datetime) -> None:
        stamp = timestamp(now)
        with self.writing() as conn:
            conn.execute(
                "INSERT INTO drafts (flow, journal_date, pack, answers, started_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (flow) DO UPDATE SET "
                "journal_date = excluded.journal_date, pack = excluded.pack, "
                "answers = excluded.answers, updated_at = excluded.updated_at",
                [
                    draft.flow,
                    draft.journal_date.isoformat(),
                    draft.pack,
                    json.dumps(draft.answers, ensure_ascii=False),
                    draft.started_at or stamp,
                    stamp,
                ],
            )

    def load_draft(self, flow: str) -> Draft | None:
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT flow, journal_date, pack, answers, started_at, updated_at FROM drafts "
                "WHERE flow = ?",
                [flow],
            ).fetchone()
        return None if row is None else draft_from_row(row)

    def discard_draft(self, flow: str) -> None:
        with self.writing() as conn:
            conn.execute("DELETE FROM drafts WHERE flow = ?", [flow])


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
            json.dumps(answer.value, ensure_ascii=False),
            _number(answer.value),
            answer.text,
        ]
        for position, answer in enumerate(answers, start=start)
    ]


def tag_rows(entry: Entry) -> list[list[str]]:
    return [[entry.id, tag] for tag in entry.tags]


def draft_from_row(row: Sequence[Any]) -> Draft:
    """A Draft from a ``drafts`` row selected in column order."""
    return Draft(row[0], date.fromisoformat(row[1]), row[2], json.loads(row[3]), row[4], row[5])


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
