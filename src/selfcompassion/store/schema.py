"""The schema a journal should have, and how a journal's own schema differs from it.

The expected schema is the one the migrations build on an empty database (built once, in
memory). ``journal doctor`` compares every journal with it, so a dropped table or index
is found even when SQLite's own checks pass. Opening a journal uses it too: when the
record of a migration is missing from the middle of the list (a later one is recorded)
while the schema is complete, the record is written back rather than the migration run
again, which would fail on every command and leave a copy of the journal each time.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

from . import driver

#: (kind, name) of each object of the schema, with the columns of the tables.
Schema = dict[tuple[str, str], tuple[str, ...]]

_OBJECTS = (
    "SELECT type, name FROM sqlite_master "
    "WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlite_migrations%' "
    "AND name NOT LIKE 'idx__sqlite_migrations%'"
)


def schema_of(conn: driver.Connection) -> Schema:
    """The objects of the journal open on ``conn``, with each table's column names."""
    found: Schema = {}
    for kind, name in conn.execute(_OBJECTS).fetchall():
        columns: tuple[str, ...] = ()
        if kind == "table":
            rows = conn.execute("SELECT name FROM pragma_table_info(?)", [name]).fetchall()
            columns = tuple(row[0] for row in rows)
        found[(kind, name)] = columns
    return found


@functools.cache
def expected_schema() -> Schema:
    """The schema every migration together builds, from an empty database."""
    from sqlite_utils import Database

    from .migrations import migrations

    conn = driver.connect(":memory:")
    try:
        migrations.apply(Database(conn, execute_plugins=False))
        return schema_of(conn)
    finally:
        conn.close()


def schema_differences(conn: driver.Connection) -> list[str]:
    """What the journal lacks of the expected schema, in words; empty when nothing."""
    have = schema_of(conn)
    problems = []
    gone: list[str] = []
    for (kind, name), columns in expected_schema().items():
        if (kind, name) not in have:
            # The tables a missing full-text index keeps its data in go with it.
            if not any(name.startswith(f"{table}_") for table in gone):
                problems.append(f"the {kind} '{name}' is missing")
                gone.append(name)
            continue
        missing = [column for column in columns if column not in have[(kind, name)]]
        if missing:
            problems.append(f"the table '{name}' lacks {', '.join(missing)}")
    return problems


def recorded_migrations(conn: driver.Connection) -> list[str]:
    from .migrations import MIGRATION_SET

    exists = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'"
    ).fetchone()[0]
    if not exists:
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    ).fetchall()
    return [row[0] for row in rows]


def missing_records(conn: driver.Connection) -> list[str]:
    """Migrations left unrecorded although a later one is recorded: a gap that no upgrade
    makes (they run in order), so their record was lost, not their work left undone."""
    from .migrations import names

    recorded = set(recorded_migrations(conn))
    known = list(names())
    last = max((known.index(name) for name in recorded if name in known), default=-1)
    return [name for name in known[:last] if name not in recorded]


def restore_records(conn: driver.Connection, lost: list[str]) -> None:
    """Write back the records of migrations whose work is in the schema."""
    from .migrations import MIGRATION_SET

    stamp = str(datetime.now(UTC))
    conn.executemany(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [[MIGRATION_SET, name, stamp] for name in lost],
    )


def search_index_problems(conn: driver.Connection) -> list[str]:
    """The full-text index's own check of its structure and of its agreement with the
    documents; empty when sound."""
    try:
        conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    except driver.DatabaseError as error:
        if "readonly" in str(error).lower() or "read-only" in str(error).lower():
            return []  # cannot be asked of a journal opened read-only
        return [f"the search index: {error}"]
    return []
