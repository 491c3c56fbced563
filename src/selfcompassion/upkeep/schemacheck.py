"""The checkup's look at the schema: its version, waiting upgrades, lost records of
upgrades, and whether every table and index the migrations build is there."""

from __future__ import annotations

from ..errors import JournalError
from ..store import JournalStore
from .backup import after_path
from .findings import FIXED, NOTE, OK, PROBLEM, Checkup


def check_schema(report: Checkup, store: JournalStore, fix: bool) -> JournalStore:
    from ..store.migrations import names

    real = store.path
    applied = store.applied_migrations()
    known = names()
    lost = store.lost_migration_records()
    pending = [name for name in known if name not in applied and name not in lost]
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
    elif lost and fix:
        store.close()
        try:  # the normal open writes the records back when the schema holds their work
            store = JournalStore.open(real)
        except JournalError as error:
            report.add(
                "schema", PROBLEM, "the record of an upgrade is lost", after_path(error, real)
            )
            return JournalStore.inspect(real)
        report.add("schema", FIXED, "wrote back the lost record of: " + ", ".join(lost))
        report.facts.update(schema_version=len(known), pending_upgrades=[])
    elif lost:
        report.add(
            "schema",
            NOTE,
            "the record of an upgrade is lost, though its work is done: " + ", ".join(lost),
            "the next command writes it back (no copy needed); journal doctor --fix does now",
        )
    elif pending and fix:
        store.close()
        # The normal open applies the upgrades, after writing a copy of the journal.
        try:
            store = JournalStore.open(real)
        except JournalError as error:
            report.add(
                "schema",
                PROBLEM,
                f"version {len(applied)} of {len(known)}; the upgrade could not be made",
                after_path(error, real),
            )
            return JournalStore.inspect(real)
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


def check_objects(report: Checkup, store: JournalStore) -> None:
    """A table or index that is missing (dropped, or lost with its page) is damage that
    SQLite's own integrity check does not see."""
    try:
        missing = store.schema_problems()
    except JournalError as error:
        report.add("tables", PROBLEM, "could not be read", after_path(error, store.path))
        return
    report.facts["schema_problems"] = missing
    if missing:
        report.add(
            "tables",
            PROBLEM,
            "parts of the journal are missing: " + "; ".join(missing),
            "move the journal aside and restore the newest good backup (journal doctor lists "
            "them); entries written since can be exported from the damaged file first",
        )
    else:
        report.add("tables", OK, "every table and index is there")
