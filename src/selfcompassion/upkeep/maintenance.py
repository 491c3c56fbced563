"""Looking after the journal: a checkup that says plainly what needs doing, and backups.

``checkup`` examines the journal without changing it (unless asked to fix what it can:
permissions and waiting upgrades) and returns findings, each with what to do about it,
so that the command only has to show them. Every step guards itself: a damaged or
unreadable journal is exactly when a checkup is needed, so it reports rather than stops.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import JournalError
from ..store import JournalStore
from ..store.files import backups_of, loose_files, mode_of, shared_folder, tighten
from ..store.journalfile import free_name

OK = "ok"
NOTE = "note"
PROBLEM = "to fix"
FIXED = "fixed"


@dataclass(frozen=True)
class Finding:
    """One line of the checkup: what was looked at, how it is, and what to do."""

    topic: str
    status: str
    summary: str
    advice: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "topic": self.topic,
            "status": self.status,
            "summary": self.summary,
            "advice": self.advice,
        }


@dataclass
class Checkup:
    path: Path
    source: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return all(finding.status != PROBLEM for finding in self.findings)

    def add(self, topic: str, status: str, summary: str, advice: str = "") -> None:
        self.findings.append(Finding(topic, status, summary, advice))

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "source": self.source,
            "healthy": self.healthy,
            "findings": [finding.as_json() for finding in self.findings],
            **self.facts,
        }


def checkup(
    path: Path,
    *,
    source: str,
    today: date,
    fix: bool = False,
    default_folder: Path | None = None,
) -> Checkup:
    """Examine the journal at ``path``; with ``fix``, tighten permissions and apply
    waiting upgrades (a copy is made first)."""
    report = Checkup(path, source)
    report.add("location", OK, f"{path} ({source})")
    report.facts["exists"] = path.is_file()
    if path.is_dir():
        report.add("journal", PROBLEM, "this is a folder", "point --db at the journal file")
        return report
    if not path.exists():
        report.add("journal", NOTE, "no journal here yet", "journal today starts one")
        return report
    _check_permissions(report, fix, default_folder)
    _check_encryption(report)
    try:
        store = JournalStore.inspect(path)
    except JournalError as error:
        report.add("integrity", PROBLEM, "the journal cannot be read", _after_path(error, path))
        return report
    try:
        store = _check_schema(report, store, fix)
        _check_integrity(report, store)
        _guarded(report, "size", lambda: _check_size(report, store))
        _guarded(report, "drafts", lambda: _check_drafts(report, store, today))
    finally:
        store.close()
    _check_backups(report)
    return report


def _check_encryption(report: Checkup) -> None:
    from ..store.driver import looks_encrypted

    encrypted = looks_encrypted(report.path)
    report.facts["encrypted"] = encrypted
    if encrypted:
        report.add("encryption", OK, "encrypted: the file cannot be read without the passphrase")
    else:
        report.add(
            "encryption",
            NOTE,
            "not encrypted: anyone who can read the file can read the entries",
            "journal encrypt locks it with a passphrase",
        )


def _after_path(error: JournalError, path: Path) -> str:
    """A store message without the path it starts with (the checkup has shown it)."""
    prefix = f"{path}: "
    return error.message[len(prefix) :] if error.message.startswith(prefix) else error.message


def _guarded(report: Checkup, topic: str, check: Callable[[], None]) -> None:
    try:
        check()
    except JournalError as error:
        report.add(topic, PROBLEM, "could not be read", _after_path(error, report.path))


def _check_permissions(report: Checkup, fix: bool, default_folder: Path | None) -> None:
    path = report.path
    report.facts["file_mode"] = f"{mode_of(path):04o}"
    report.facts["folder_mode"] = f"{mode_of(path.parent):04o}"
    loose = loose_files(path, default_folder=default_folder)
    if loose and fix:
        try:
            tighten(loose)
        except OSError as error:
            report.add(
                "permissions",
                PROBLEM,
                f"could not make private: {error.strerror}",
                "the files must belong to you; ask whoever set them up to change their owner",
            )
            return
        shown = ", ".join(item.describe() for item in loose)
        report.add("permissions", FIXED, f"made private: {shown}")
        report.facts["file_mode"] = f"{mode_of(path):04o}"
        report.facts["folder_mode"] = f"{mode_of(path.parent):04o}"
    elif loose:
        shown = ", ".join(item.describe() for item in loose)
        report.add(
            "permissions",
            PROBLEM,
            f"others on this computer can read: {shown}",
            "journal doctor --fix makes them private (files 0600, folder 0700)",
        )
    else:
        report.add(
            "permissions",
            OK,
            f"private: file {mode_of(path):04o}, folder {mode_of(path.parent):04o}",
        )
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        report.add(
            "access",
            PROBLEM,
            "read-only for you: it can be read, but nothing new can be saved",
            f"make {path.name} and its folder writable for you (or copy the journal elsewhere)",
        )
    if shared_folder(path, default_folder):
        report.add(
            "folder",
            NOTE,
            f"{path.parent} also holds other files and others can list it",
            "the journal itself is private; a folder of its own would keep its name private too",
        )


def _check_schema(report: Checkup, store: JournalStore, fix: bool) -> JournalStore:
    from ..store.migrations import names

    applied = store.applied_migrations()
    known = names()
    pending = [name for name in known if name not in applied]
    unknown = [name for name in applied if name not in known]
    report.facts.update(
        schema_version=len(applied), latest_version=len(known), pending_upgrades=pending
    )
    if not applied:
        report.add(
            "schema",
            PROBLEM,
            "this SQLite file is not a selfcompassion journal",
            "point --db at your journal",
        )
    elif unknown:
        report.add(
            "schema",
            PROBLEM,
            f"version {len(applied)}, newer than this selfcompassion knows ({len(known)})",
            "update selfcompassion to use this journal",
        )
    elif pending and fix:
        store.close()
        # The normal open applies the upgrades, after writing a copy of the journal.
        try:
            store = JournalStore.open(report.path)
        except JournalError as error:
            report.add(
                "schema",
                PROBLEM,
                f"version {len(applied)} of {len(known)}; the upgrade could not be made",
                _after_path(error, report.path),
            )
            return JournalStore.inspect(report.path)
        kept = f"; the earlier version is kept at {store.upgrade_backup}"
        report.add(
            "schema",
            FIXED,
            f"upgraded from version {len(applied)} to {len(known)}"
            + (kept if store.upgrade_backup else ""),
        )
        report.facts.update(schema_version=len(known), pending_upgrades=[])
    elif pending:
        report.add(
            "schema",
            NOTE,
            f"version {len(applied)} of {len(known)}; {len(pending)} upgrade(s) waiting",
            "they are applied the next time the journal is used, after a copy is made; "
            "journal doctor --fix applies them now",
        )
    else:
        report.add("schema", OK, f"version {len(applied)}, up to date")
    return store


def _check_integrity(report: Checkup, store: JournalStore) -> None:
    problems = store.integrity_problems()
    report.facts["integrity"] = problems or ["ok"]
    if not problems:
        report.add("integrity", OK, "ok")
        return
    backups = backups_of(report.path)
    rescue = "sqlite3's .recover command can often rescue most entries into a new file"
    advice = (
        f"move the damaged file aside and restore the newest copy ({backups[0].name}); "
        f"for anything written since, {rescue}"
        if backups
        else f"{rescue}; then move the damaged file aside"
    )
    report.add("integrity", PROBLEM, f"the journal file is damaged ({problems[0]})", advice)


def _check_size(report: Checkup, store: JournalStore) -> None:
    wal = report.path.with_name(report.path.name + "-wal")
    size = sum(path.stat().st_size for path in (report.path, wal) if path.exists())
    entries = store.count_entries()
    report.facts.update(size_bytes=size, entries=entries)
    report.add("size", OK, f"{_human(size)}, {entries:,} entr{'y' if entries == 1 else 'ies'}")


def _check_drafts(report: Checkup, store: JournalStore, today: date) -> None:
    from ..dates import describe

    drafts = store.waiting_drafts()
    report.facts["drafts"] = [
        {"flow": d.flow, "date": d.journal_date.isoformat(), "answers": len(d.answers)}
        for d in drafts
    ]
    if not drafts:
        report.add("drafts", OK, "none waiting")
        return
    for draft in drafts:
        given = sum(1 for value in draft.answers.values() if value is not None)
        report.add(
            "drafts",
            NOTE,
            f"an unfinished '{draft.flow}' for {describe(draft.journal_date, today)} "
            f"({given} answer{'' if given == 1 else 's'} so far)",
            f"journal {draft.flow} offers to pick it up",
        )


def _check_backups(report: Checkup) -> None:
    backups = backups_of(report.path)
    report.facts["backups"] = [str(path) for path in backups]
    if backups:
        count = f"{len(backups)} cop{'y' if len(backups) == 1 else 'ies'}"
        report.add("backups", OK, f"{count} next to the journal; newest {backups[0].name}")
    else:
        report.add(
            "backups",
            NOTE,
            "none next to the journal",
            "journal backup makes one; keeping a copy on another disk is wiser still",
        )


def _human(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


# -- backups ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    path: Path
    entries: int
    size: int


def backup_target(journal: Path, given: Path | None, now: datetime) -> Path:
    """Where a backup goes: ``given`` (a file, or a folder to put it in), or next to the
    journal, named after it with the moment it was made."""
    name = f"{journal.stem}-backup-{now:%Y%m%d-%H%M%S}{journal.suffix or '.db'}"
    if given is None:
        return free_name(journal.with_name(name))
    if given.is_dir():
        return free_name(given / name)
    return given


def make_backup(store: JournalStore, target: Path) -> BackupResult:
    """Copy the journal while it may be in use, then check the copy before saying so.

    A copy of a damaged journal would only look like a backup, so it is removed again
    and the damage reported instead."""
    from ..errors import StorageError

    store.backup(target)
    try:
        with JournalStore.inspect(target) as copy:
            problems = copy.integrity_problems()
            entries = copy.count_entries() if not problems else 0
    except JournalError:
        problems = ["the copy cannot be read"]
    if problems:
        target.unlink(missing_ok=True)
        raise StorageError(
            f"{store.path}: the journal file is damaged, so no backup was made; restore an "
            "earlier backup (journal doctor lists them) or move the file aside"
        )
    return BackupResult(target, entries, target.stat().st_size)
