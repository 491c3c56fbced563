"""Writes that take words away, and leave no copy of them behind.

Deleting a row is not enough to make its words unreadable: SQLite would leave the bytes
in the freed space of the file (unless ``secure_delete``, which the store turns on for
every connection, zeroes them), the full-text index keeps a deleted document's words in
its older segments until they are merged, and the write-ahead log keeps the earlier
pages until it is written back and emptied. A transaction opened with ``forgetting``
therefore merges the search index into one segment (dropping what was deleted) before it
commits, and empties the write-ahead log afterwards, so that neither the journal file,
its log, nor a backup made later holds the old words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from . import driver
from .core import StoreCore
from .failures import storage_errors

#: FTS5's own command: rewrite the index as one segment, leaving deleted documents out.
MERGE_SEARCH_INDEX = "INSERT INTO search_index (search_index) VALUES ('optimize')"


class ErasingWrites(StoreCore):
    """``forgetting``: a write transaction after which removed words are gone for good."""

    @contextlib.contextmanager
    def forgetting(self) -> Iterator[driver.Connection]:
        with self.writing() as conn:
            yield conn
            conn.execute(MERGE_SEARCH_INDEX)
        self.empty_log()

    def empty_log(self) -> None:
        """Write the log back into the file (where freed space is zeroed) and empty it; a
        reader holding an old snapshot can delay this until the next forgetting write."""
        with storage_errors(self.path), contextlib.suppress(*driver.OperationalError):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
