"""Looking after the journal: a checkup that says plainly what needs doing, and backups.

``checkup`` examines the journal without changing it (unless asked to fix what it can:
permissions and waiting upgrades) and returns findings, each with what to do about it,
so that the command only has to show them. Every step guards itself: a damaged or
unreadable journal is exactly when a checkup is needed, so it reports rather than stops.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..errors import JournalError
from ..files.safefiles import is_sqlite_file
from ..store import JournalStore
from ..store.files import (
    backups_of,
    loose_files,
    mode_of,
    not_mine,
    settle_side_files,
    shared_folder,
    tighten,
)
from .backup import after_path, backup_problem
from .findings import FIXED, NOTE, OK, PROBLEM, Checkup
from .schemacheck import check_objects, check_schema

__all__ = ["Checkup", "checkup"]


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
    unreadable = _cannot_read(path)
    if unreadable:
        report.facts["exists"] = False
        report.add(
            "journal",
            PROBLEM,
            f"cannot be read ({unreadable}); nothing was changed",
            "make the journal readable and writable for you, and its folders open to you",
        )
        return report
    report.facts["exists"] = path.is_file()
    _check_leftovers(report, fix)
    if path.is_dir():
        report.add("journal", PROBLEM, "this is a folder", "point --db at the journal file")
        return report
    if not path.exists():
        report.add("journal", NOTE, "no journal here yet", "journal today starts one")
        return report
    # Every check and fix is made on the real file, never on what a link points at
    # unless that is a plain file of the person's own.
    real = Path(os.path.realpath(path))
    if real != path.absolute():
        report.add("location", NOTE, f"{path} is a link to {real}; checked there")
    if not _is_theirs(report, real):
        return report
    _check_permissions(report, real, fix, default_folder)
    _check_encryption(report, real)
    try:
        store = JournalStore.inspect(real)
    except JournalError as error:
        report.add("integrity", PROBLEM, "the journal cannot be read", after_path(error, real))
        return report
    try:
        store = check_schema(report, store, fix)
        # Compared once the journal is a current one (an old one lacks the later tables).
        if report.facts.get("schema_version") and not report.facts.get("pending_upgrades"):
            check_objects(report, store)
        _check_integrity(report, store)
        _guarded(report, "size", lambda: _check_size(report, store))
        _guarded(report, "drafts", lambda: _check_drafts(report, store, today))
    finally:
        store.close()
        settle_side_files(real)
    _check_backups(report, real)
    return report


def _cannot_read(path: Path) -> str | None:
    """Why the journal cannot be looked at (a folder on its way closed to this account)
    or read (a file without read permission), or None."""
    try:
        if path.is_file():
            path.open("rb").close()
    except OSError as error:
        return error.strerror or str(error)
    return None


def _check_encryption(report: Checkup, real: Path) -> None:
    from ..store.driver import looks_encrypted

    encrypted = looks_encrypted(real)
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


def _is_theirs(report: Checkup, real: Path) -> bool:
    """A journal that is a device, a pipe or someone else's file is reported, never
    opened or changed."""
    from ..store.driver import looks_encrypted

    found = real.stat()
    if not stat.S_ISREG(found.st_mode):
        report.facts["exists"] = False
        report.add(
            "journal",
            PROBLEM,
            "this is not a regular file (a device, pipe or socket); nothing was changed",
            "point --db at your journal file",
        )
        return False
    if found.st_size and not (is_sqlite_file(real) or looks_encrypted(real)):
        report.add(
            "journal",
            PROBLEM,
            f"{real} is not a journal (not an SQLite database); nothing was changed",
            "point --db at your journal file",
        )
        return False
    if found.st_uid != os.getuid():
        report.add(
            "owner",
            PROBLEM,
            f"the journal file belongs to another account (user id {found.st_uid}); "
            "nothing was changed",
            "a journal should belong to the person who writes in it; copy it to a file of your own",
        )
        return False
    others = [path for path in not_mine(real) if path != real]
    if others:
        report.add(
            "owner",
            PROBLEM,
            "not plain files of your own, left untouched: " + ", ".join(map(str, others)),
            "move them aside; the journal recreates its side files as it needs them",
        )
    else:
        report.add("owner", OK, "the journal's files are yours")
    return True


def _check_leftovers(report: Checkup, fix: bool) -> None:
    """Temporary files a killed command left behind (they may hold entry text)."""
    from ..files import temps

    found = temps.sweep() if fix else temps.leftovers()
    report.facts["leftover_temporary_files"] = [str(path) for path in found]
    if not found:
        return
    shown = ", ".join(map(str, found))
    if fix:
        report.add("temporary files", FIXED, f"removed what an interrupted command left: {shown}")
    else:
        report.add(
            "temporary files",
            PROBLEM,
            f"an interrupted command left these behind: {shown}",
            "journal doctor --fix removes them (the next export or backup does too)",
        )


def _guarded(report: Checkup, topic: str, check: Callable[[], None]) -> None:
    try:
        check()
    except JournalError as error:
        report.add(topic, PROBLEM, "could not be read", after_path(error, report.path))


def _check_permissions(report: Checkup, path: Path, fix: bool, default_folder: Path | None) -> None:
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


def _check_integrity(report: Checkup, store: JournalStore) -> None:
    problems = store.integrity_problems()
    report.facts["integrity"] = problems or ["ok"]
    if not problems:
        report.add("integrity", OK, "ok")
        return
    backups = [path for path in backups_of(store.path) if not backup_problem(path)]
    rescue = "sqlite3's .recover command can often rescue most entries into a new file"
    advice = (
        f"move the damaged file aside and restore the newest copy ({backups[0].name}); "
        f"for anything written since, {rescue}"
        if backups
        else f"{rescue}; then move the damaged file aside"
    )
    report.add("integrity", PROBLEM, f"the journal file is damaged ({problems[0]})", advice)


def _check_size(report: Checkup, store: JournalStore) -> None:
    wal = store.path.with_name(store.path.name + "-wal")
    size = sum(path.stat().st_size for path in (store.path, wal) if path.exists())
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


def _check_backups(report: Checkup, journal: Path) -> None:
    backups = backups_of(journal)
    report.facts["backups"] = [str(path) for path in backups]
    bad = {path: problem for path in backups if (problem := backup_problem(path))}
    report.facts["bad_backups"] = [str(path) for path in bad]
    good = [path for path in backups if path not in bad]
    for path, problem in bad.items():
        report.add(
            "backups",
            PROBLEM,
            f"{path.name} is not a usable copy ({problem})",
            "it cannot restore the journal; delete it, and make a new one with journal backup",
        )
    if good:
        count = f"{len(good)} good cop{'y' if len(good) == 1 else 'ies'}"
        report.add("backups", OK, f"{count} next to the journal; newest {good[0].name}")
    elif not bad:
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
