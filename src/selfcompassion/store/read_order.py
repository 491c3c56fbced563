"""How an export reads entries: along the date index, or in the file's own order and
sorted by SQLite.

Every export writes entries by journal date, then time, then id. Walking the index
``entries_by_date`` gives that order at once, and a journal written day by day keeps its
entries and their answers in that order in the file too. An imported journal does not:
its answers land in the order of their entries' ids, which are random, so walking by date
reads every entry's answers from another page of the file, where its entries' own order
(each landing step's ids lie close together) keeps the pages it reads near each other.
For such a journal the export reads the entries in the file's order and lets SQLite sort
the rows it makes: its sorter keeps a few MB in memory and the rest in a temporary file
of its own, so memory stays bounded (2026-12-04, 100,000 entries by turns: 0.85x of the
CPU time for JSON, 0.83x for Markdown, 0.92x for CSV on an imported journal; 1.00x to
1.12x on one written day by day, which therefore keeps the index).

Which way is taken is looked at, not guessed: at places spread over the file, how far
apart the answers of an entry and of its neighbour lie, the neighbour in the file's order
and the one in date order (``sorting_pays``). The sorted way is taken only for a whole
journal (a filter can make the index the better way in) and only for a journal that is
not encrypted (the sorter's temporary file would hold its text in the clear).
"""

from __future__ import annotations

#: The order every export writes (``FROM entries e``), along ``entries_by_date``.
BY_INDEX = "ORDER BY e.journal_date, e.created_at, e.id"
#: The same order, with the index kept out of it (``+``): SQLite reads the entries in the
#: file's order and sorts what it makes.
BY_SORTING = "ORDER BY +e.journal_date, +e.created_at, +e.id"
#: The room SQLite's sorter gets when the CSV export sorts, in KiB. The sorter writes its
#: sorted runs as large as the page cache may grow and merges up to 16 runs in one pass;
#: with the usual 2 MB, the lines of 100,000 entries (about 175 MB) made about 90 runs,
#: merged through a second temporary file first, each line written and read twice. With
#: 12 MiB they make 15. The page cache grows as far while the journal is read (the peak
#: memory of that export went from 33 to 52 MB), and is set back once the sort is done.
SORTER_ROOM_KIB = 12288
CACHE_SIZE = "PRAGMA cache_size"
#: Places looked at, evenly spread over the entries' rowids.
PROBES = 32
#: Sorting pays when the answers of neighbouring entries lie this many times further
#: apart (in rowids of the answers table) in date order than in the file's order.
FURTHER = 8
#: Neighbours in date order whose answers lie closer than this are near enough: the date
#: order reads the file in order already (a journal written day by day).
NEAR = 64
LAST_ROWID = "SELECT max(rowid) FROM entries"
#: An entry at or after a rowid, and the next in the file's order.
FILE_NEIGHBOURS = "SELECT id FROM entries WHERE rowid >= ? ORDER BY rowid LIMIT 2"
#: An entry's key, and the next entry in date order after it.
KEY = "SELECT journal_date, created_at, id FROM entries WHERE id = ?"
DATE_NEXT = (
    "SELECT id FROM entries WHERE (journal_date, created_at, id) > (?, ?, ?) "
    "ORDER BY journal_date, created_at, id LIMIT 1"
)
#: Where an entry's answers start in the answers table (NULL for none).
ANSWERS_AT = "SELECT min(rowid) FROM answers WHERE entry_id = ?"


def probes(last: int) -> list[int]:
    """The rowids to look at in a file whose last entry has rowid ``last``."""
    return sorted({1 + last * number // PROBES for number in range(PROBES)})


def apart(pairs: list[tuple[int | None, int | None]]) -> float | None:
    """The median distance between the answers of pairs of entries (None when no pair has
    answers on both sides)."""
    gaps = sorted(abs(one - other) for one, other in pairs if one is not None and other is not None)
    return gaps[len(gaps) // 2] if gaps else None


def sorting_pays(in_file: float | None, by_date: float | None) -> bool:
    """Whether neighbours' answers lie so much further apart in date order than in the
    file's order (``apart``) that reading in the file's order and sorting pays."""
    if in_file is None or by_date is None or by_date < NEAR:
        return False
    return by_date > FURTHER * max(in_file, 1)
