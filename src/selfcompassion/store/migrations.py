"""The journal's schema, built only by numbered, append-only migrations.

Each migration runs in a transaction together with the record that it ran (sqlite-utils'
``Migrations``), so a failed one leaves nothing behind and stays pending. Never edit a
migration that has shipped: append a new one, add a fixture database of the previous
version under ``tests/fixtures/`` and a test of the upgrade from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "selfcompassion"
_Fn = TypeVar("_Fn", bound=Callable[..., None])


class MigrationList:
    """The migrations in order, registered with ``@migrations(name=...)``.

    Whether a journal is current is a question of names, which the store answers with
    plain sqlite3 on every open; sqlite-utils (about 20 ms to import) and its
    ``Migrations`` are loaded only when a migration is actually pending.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Callable[..., None]]] = []
        self._built: Migrations | None = None

    def __call__(self, *, name: str) -> Callable[[_Fn], _Fn]:
        def register(fn: _Fn) -> _Fn:
            self._steps.append((name, fn))
            self._built = None
            return fn

        return register

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self._steps)

    def _migrations(self) -> Migrations:
        if self._built is None:
            from sqlite_utils.migrations import Migrations

            built = Migrations(self.name)
            for name, fn in self._steps:
                built(name=name)(fn)
            self._built = built
        return self._built

    def pending(self, db: Database) -> list[Migrations._Migration]:
        return self._migrations().pending(db)

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        self._migrations().apply(db, stop_before=stop_before)


migrations = MigrationList(MIGRATION_SET)


@migrations(name="0001_entries_answers_tags_drafts")
def _m0001(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            journal_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            pack TEXT
        )
        """
    )
    db.execute("CREATE INDEX entries_by_date ON entries (journal_date, created_at)")
    db.execute("CREATE INDEX entries_by_kind_date ON entries (kind, journal_date)")
    db.execute("CREATE INDEX entries_by_created ON entries (created_at)")
    db.execute(
        """
        CREATE TABLE answers (
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            prompt TEXT NOT NULL,
            theme TEXT,
            value TEXT NOT NULL,
            number REAL,
            text TEXT NOT NULL,
            PRIMARY KEY (entry_id, position)
        )
        """
    )
    db.execute("CREATE INDEX answers_by_step ON answers (step_id, entry_id)")
    db.execute(
        """
        CREATE TABLE tags (
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (entry_id, tag)
        )
        """
    )
    db.execute("CREATE INDEX tags_by_tag ON tags (tag, entry_id)")
    db.execute(
        """
        CREATE TABLE drafts (
            flow TEXT PRIMARY KEY,
            journal_date TEXT NOT NULL,
            pack TEXT,
            answers TEXT NOT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@migrations(name="0002_reframes_and_commitments")
def _m0002(db: Database) -> None:
    # Figures the weekly report aggregates in SQL, kept beside the answers they come from.
    db.execute(
        """
        CREATE TABLE reframe_scores (
            entry_id TEXT PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
            intensity_before REAL,
            intensity_after REAL,
            belief_before INTEGER,
            belief_after INTEGER,
            revisit_intensity REAL,
            revisited_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE entry_traps (
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            trap_id TEXT NOT NULL,
            phrase TEXT,
            PRIMARY KEY (entry_id, trap_id)
        )
        """
    )
    db.execute("CREATE INDEX entry_traps_by_trap ON entry_traps (trap_id, entry_id)")
    db.execute(
        """
        CREATE TABLE commitments (
            id TEXT PRIMARY KEY,
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            due_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'partly', 'let-go')),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            closed_date TEXT
        )
        """
    )
    db.execute("CREATE INDEX commitments_by_status_due ON commitments (status, due_date)")
    db.execute("CREATE INDEX commitments_by_entry ON commitments (entry_id)")
    db.execute("CREATE INDEX commitments_by_created ON commitments (created_at)")


# Migration 0003 builds its triggers from these two statements; like the migration itself
# they must never change once shipped. The first writes the search document of the entries
# chosen by {where}: every prompt in one column, every answer in the other, in the order
# they were asked (bare ratings and yes/no answers are left out: a "3" is not a word anyone
# searches for). The second removes the document of one entry.
def search_doc_part(column: str, answers: str, searched_only: bool = False) -> str:
    """SQL for one part of an entry's search document: ``column`` (prompt or text) of its
    answers, the rows ``answers`` names (a table and a condition), joined by line breaks
    in the order of their positions; ``searched_only`` leaves out ratings and yes-or-no
    answers, whose text is not searched."""
    only = "\n            AND kind NOT IN ('scale', 'confirm')" if searched_only else ""
    return f"""coalesce((SELECT group_concat({column}, char(10)) FROM (
            SELECT {column} FROM {answers}{only} ORDER BY position)), '')"""  # noqa: S608


#: The answers of the entry whose row of ``search_docs`` is ``d``.
DOC_ANSWERS_OF = "answers WHERE entry_id = d.entry_id"
#: The two parts of an entry's search document.
DOC_PROMPTS = search_doc_part("prompt", DOC_ANSWERS_OF)
DOC_ANSWERS = search_doc_part("text", DOC_ANSWERS_OF, searched_only=True)
_M0003_BUILD_DOC = f"""
    INSERT INTO search_index (rowid, prompts, answers)
    SELECT d.doc,
        {DOC_PROMPTS},
        {DOC_ANSWERS}
    FROM search_docs d {{where}};
"""  # noqa: S608
_M0003_DROP_DOC = """
    DELETE FROM search_index
    WHERE rowid = (SELECT doc FROM search_docs WHERE entry_id = {entry});
"""


def _rebuild_doc(entry: str) -> str:
    return _M0003_DROP_DOC.format(entry=entry) + _M0003_BUILD_DOC.format(
        where=f"WHERE d.entry_id = {entry}"
    )


@migrations(name="0003_search_index")
def _m0003(db: Database) -> None:
    # One full-text document per entry, so that every word of a query may come from any of
    # the entry's answers. ``search_docs`` gives each entry a stable number for the index:
    # an explicit INTEGER PRIMARY KEY survives VACUUM, the hidden rowid of ``entries`` may
    # not. Triggers keep the index in step with every write, whichever code makes it. A
    # bulk import writes the answers before their entry, so each document is built once.
    db.execute(
        """
        CREATE TABLE search_docs (
            doc INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL UNIQUE
        )
        """
    )
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5 ("
        "prompts, answers, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute("INSERT INTO search_docs (entry_id) SELECT id FROM entries ORDER BY rowid")
    db.execute(_M0003_BUILD_DOC.format(where=""))
    triggers = {
        "search_entry_added AFTER INSERT ON entries": (
            "INSERT INTO search_docs (entry_id) VALUES (new.id);"  # noqa: S608 - constants only
            + _M0003_BUILD_DOC.format(where="WHERE d.entry_id = new.id")
        ),
        "search_entry_removed AFTER DELETE ON entries": (
            _M0003_DROP_DOC.format(entry="old.id")  # noqa: S608 - constants only
            + "DELETE FROM search_docs WHERE entry_id = old.id;"
        ),
        "search_answer_added AFTER INSERT ON answers "
        "WHEN EXISTS (SELECT 1 FROM search_docs WHERE entry_id = new.entry_id)": _rebuild_doc(
            "new.entry_id"
        ),
        "search_answer_removed AFTER DELETE ON answers "
        "WHEN EXISTS (SELECT 1 FROM search_docs WHERE entry_id = old.entry_id)": _rebuild_doc(
            "old.entry_id"
        ),
        "search_answer_changed AFTER UPDATE OF entry_id, prompt, text ON answers": (
            _rebuild_doc("old.entry_id") + _rebuild_doc("new.entry_id")
        ),
    }
    for head, body in triggers.items():
        db.execute(f"CREATE TRIGGER {head} BEGIN {body} END")


@migrations(name="0004_checkin_scores")
def _m0004(db: Database) -> None:
    # One row per weekly check-in: the means the report charts over the weeks. A mean is
    # NULL when nothing in it was rated (a check-in may skip every statement).
    db.execute(
        """
        CREATE TABLE checkin_scores (
            entry_id TEXT PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
            total REAL,
            self_kindness REAL,
            common_humanity REAL,
            mindfulness REAL
        )
        """
    )


# Migration 0005 keeps ``day_runs`` with these statements; like the migration itself they
# must never change once shipped. Each takes the day it works on as ``{day}`` (a column of
# the trigger's row). A day that gains its first entry becomes a run of one day, joined
# with the run that ends the day before and the one that starts the day after; a day that
# loses its last entry cuts the run it was in into the part before it and the part after.
_M0005_ADD_DAY = """
    INSERT INTO day_runs (first, last, length)
    SELECT coalesce(before.first, {day}), coalesce(after.last, {day}),
           1 + coalesce(before.length, 0) + coalesce(after.length, 0)
    FROM (SELECT 1)
    LEFT JOIN day_runs before ON before.last = date({day}, '-1 day')
    LEFT JOIN day_runs after ON after.first = date({day}, '+1 day')
    WHERE true
    ON CONFLICT (first) DO UPDATE SET last = excluded.last, length = excluded.length;
    DELETE FROM day_runs WHERE first = date({day}, '+1 day');
"""
_M0005_REMOVE_DAY = """
    INSERT INTO day_runs (first, last, length)
    SELECT date({day}, '+1 day'), last, CAST(julianday(last) - julianday({day}) AS INTEGER)
    FROM day_runs
    WHERE first = (SELECT max(first) FROM day_runs WHERE first <= {day}) AND last > {day};
    UPDATE day_runs
    SET last = date({day}, '-1 day'),
        length = CAST(julianday({day}) - julianday(first) AS INTEGER)
    WHERE first = (SELECT max(first) FROM day_runs WHERE first < {day}) AND last >= {day};
    DELETE FROM day_runs WHERE first = {day};
"""
#: The trigger's row is the only entry of its new day / its old day has no entry left.
#: Both stop at the first other entry found in the date index (which holds the rowid), so a
#: day with thousands of entries costs no more than a day with one.
_M0005_ONLY_ENTRY = (
    "NOT EXISTS (SELECT 1 FROM entries WHERE journal_date = new.journal_date "
    "AND rowid != new.rowid)"
)
_M0005_NO_ENTRY_LEFT = "NOT EXISTS (SELECT 1 FROM entries WHERE journal_date = old.journal_date)"
_M0005_REDATED = "old.journal_date IS NOT new.journal_date"


@migrations(name="0005_day_runs")
def _m0005(db: Database) -> None:
    # Runs of consecutive journal days, so that a streak is one indexed lookup however
    # long the journal's history: the longest run by ``length``, the run that reaches a
    # day by ``first`` (the key) or ``last``. Triggers keep the runs true on every write to
    # ``entries``, whichever code makes it; row triggers fire after each row, so a
    # statement that writes many entries (an import, a bulk load) keeps them true as well.
    db.execute(
        """
        CREATE TABLE day_runs (
            first TEXT PRIMARY KEY,
            last TEXT NOT NULL,
            length INTEGER NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX day_runs_by_last ON day_runs (last)")
    db.execute("CREATE INDEX day_runs_by_length ON day_runs (length)")
    # Gaps and islands: consecutive days share their date minus their rank.
    db.execute(
        """
        INSERT INTO day_runs (first, last, length)
        SELECT min(day), max(day), count(*)
        FROM (SELECT day, julianday(day) - row_number() OVER (ORDER BY day) AS run
              FROM (SELECT DISTINCT journal_date AS day FROM entries))
        GROUP BY run
        """
    )
    add_new, remove_old = (
        _M0005_ADD_DAY.format(day="new.journal_date"),
        _M0005_REMOVE_DAY.format(day="old.journal_date"),
    )
    triggers = {
        f"day_runs_entry_added AFTER INSERT ON entries WHEN {_M0005_ONLY_ENTRY}": add_new,
        f"day_runs_entry_removed AFTER DELETE ON entries WHEN {_M0005_NO_ENTRY_LEFT}": (remove_old),
        "day_runs_entry_left_day AFTER UPDATE OF journal_date ON entries "
        f"WHEN {_M0005_REDATED} AND {_M0005_NO_ENTRY_LEFT}": remove_old,
        "day_runs_entry_joined_day AFTER UPDATE OF journal_date ON entries "
        f"WHEN {_M0005_REDATED} AND {_M0005_ONLY_ENTRY}": add_new,
    }
    for head, body in triggers.items():
        db.execute(f"CREATE TRIGGER {head} BEGIN {body} END")


@migrations(name="0006_balanced_belief")
def _m0006(db: Database) -> None:
    # How much the person believes the balanced thought a reframe writes after weighing
    # the evidence, kept beside the belief in the critic's words before and after.
    # Reframes written before that step have none.
    db.execute("ALTER TABLE reframe_scores ADD COLUMN balanced_belief INTEGER")


def names() -> list[str]:
    """Every migration this version knows, in the order they apply."""
    return list(migrations.names)


def latest_version() -> int:
    return len(migrations.names)


def _register_later() -> None:
    """Migrations from 0007 on live in their own module; they apply after these."""
    from .later_migrations import LATER

    for name, migration in LATER:
        migrations(name=name)(migration)


_register_later()
