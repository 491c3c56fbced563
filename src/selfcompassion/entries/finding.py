"""Finding entries again: filters from the words people type, entry references, queries.

``journal list``, ``search`` and ``export`` share one filter (dates, kinds, tags); ``show``,
``edit`` and ``delete`` name an entry by its id (or the first few characters of it) or by
its day. A search is plain words, each matching the words that start with it ("snap" finds
"snapped"), and phrases in double quotes matched exactly; every word and phrase must appear.
Text written in SQLite FTS5's own syntax (AND, OR, NOT, NEAR, parentheses, a prefix ``*``)
is passed on as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from ..errors import InputError
from ..store import Entry, EntryFilter, JournalStore, SearchQueryError, SearchResults
from ..text.tags import normalise_tag

DEFAULT_LIMIT = 30
MAX_QUERY_CHARS = 500
_ENTRY_KIND = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_ID_PREFIX = re.compile(r"^[0-9a-f-]{4,36}$")
# Characters and words that show a query is written in FTS5's own syntax.
_FTS_SYNTAX = re.compile(r"[()^{}+*]|\b(?:AND|OR|NOT|NEAR)\b|\b(?:prompts|answers)\s*:")
# A phrase in double quotes, or one word.
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
_WORDLIKE = re.compile(r"\w")


def make_filter(
    *,
    since: str | None,
    until: str | None,
    kinds: Iterable[str] = (),
    tags: Iterable[str] = (),
    today: date,
) -> EntryFilter:
    """The filter the ``--since/--until/--kind/--tag`` options describe."""
    first = last = None
    if since or until:
        from ..dates import parse_date

        first = parse_date(since, today) if since else None
        last = parse_date(until, today) if until else None
    if first and last and first > last:
        raise InputError(
            f"--since ({first.isoformat()}) is after --until ({last.isoformat()}); "
            "nothing could match"
        )
    chosen_kinds = []
    for kind in kinds:
        cleaned = kind.strip().lower()
        if not _ENTRY_KIND.match(cleaned):
            raise InputError(f"--kind: '{kind[:40]}' is not a kind of entry (like daily)")
        chosen_kinds.append(cleaned)
    chosen_tags = given_tags(tags)
    return EntryFilter(first, last, tuple(dict.fromkeys(chosen_kinds)), tuple(chosen_tags))


def check_kinds(store: JournalStore, chosen: EntryFilter) -> None:
    """A ``--kind`` no entry has and no flow writes is a typo, not an empty answer."""
    if not chosen.kinds:
        return
    from ..store.checkin import CHECKIN_KIND
    from ..store.continuity import DAILY_KIND
    from ..store.reframes import REFRAME_KIND

    written_here = (CHECKIN_KIND, DAILY_KIND, REFRAME_KIND)  # known before their first entry
    unknown = [kind for kind in store.unknown_kinds(chosen.kinds) if kind not in written_here]
    if unknown:
        kinds = sorted({*written_here, *store.entry_kinds()})
        raise InputError(
            f"--kind: no entry is of kind '{unknown[0]}'; the kinds are {', '.join(kinds)}"
        )


def given_tags(tags: Iterable[str], option: str = "--tag") -> list[str]:
    """The tags given with ``option`` in their stored form; one InputError for the first
    that is not a tag."""
    chosen = []
    for tag in tags:
        normal = normalise_tag(tag)
        if normal is None:
            raise InputError(f"{option}: '{tag[:40]}' is not a tag (a word, like #work)")
        chosen.append(normal)
    return chosen


#: The largest ``-n``: far more than a screen can show, well inside what SQLite counts.
MAX_LIMIT = 1_000_000


def make_limit(count: int | None) -> int | None:
    """``-n``: how many entries to show; 0 means all of them."""
    if count is None:
        return DEFAULT_LIMIT
    if not 0 <= count <= MAX_LIMIT:
        raise InputError(f"-n takes 0 (everything) or a number from 1 to {MAX_LIMIT:,}")
    return count or None


def search_text(words: Sequence[str]) -> str:
    """The search typed on the command line: an argument the shell kept whole from quotes
    (it holds a space and no quote of its own) is a phrase."""
    return " ".join(
        f'"{word}"' if len(word.split()) > 1 and '"' not in word else word for word in words
    )


def fts_query(text: str) -> str:
    """The FTS5 query for what was typed.

    Plain words match the words that begin with them, phrases in double quotes match
    exactly, and every one must appear. Each is quoted for FTS5, so punctuation inside a
    word ("self-compassion", "don't") is harmless. Text that uses FTS5's own operators is
    passed on as it is.
    """
    text = text.strip()
    if not text:
        raise InputError("search needs a word to look for")
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"the search is {len(text):,} characters; the limit is {MAX_QUERY_CHARS}")
    if "\x00" in text:
        raise InputError("the search contains a NUL character")
    if _FTS_SYNTAX.search(text):
        return text
    if text.count('"') % 2:
        text = text.replace('"', " ")  # a lone quote is punctuation, not a phrase
    parts: list[str] = []
    for found in _PHRASE_OR_WORD.finditer(text):
        phrase, word = found.group(1), found.group(2)
        if phrase is not None and _WORDLIKE.search(phrase):
            parts.append(f'"{" ".join(phrase.split())}"')
        elif word is not None and _WORDLIKE.search(word):
            parts.append(f'"{word}"*')
    if not parts:
        raise InputError(f'"{text[:40]}" has no words to look for')
    return " ".join(parts)


def search(store: JournalStore, text: str, chosen: EntryFilter, limit: int | None) -> SearchResults:
    """The best matches for ``text``; a query FTS5 cannot read is an InputError saying why."""
    query = fts_query(text)
    try:
        return store.search(query, chosen, limit)
    except SearchQueryError as error:
        raise InputError(
            f'cannot read the search "{text[:80]}" ({error.reason}). Plain words work as '
            'they are; for an exact phrase put it in double quotes, like "kind words"'
        ) from None


def find_entries(store: JournalStore, ref: str, today: date) -> list[Entry]:
    """The entries ``ref`` names: one entry by id or id prefix, or every entry of a day."""
    ref = ref.strip()
    if _ID_PREFIX.match(ref.lower()):
        ids = store.entry_ids_starting(ref.lower())
        if len(ids) > 1:
            raise InputError(f"'{ref}' starts more than one entry's id; give a few more characters")
        if ids:
            entry = store.get_entry(ids[0])
            return [entry] if entry else []
    from ..dates import parse_date

    try:
        day = parse_date(ref, today)
    except InputError:
        raise InputError(
            f"'{ref[:40]}' is neither an entry id nor a date I can read; journal list shows the ids"
        ) from None
    return store.entries_on(day)


def find_one(store: JournalStore, ref: str, today: date) -> Entry:
    """The single entry ``ref`` names, for edit and delete."""
    entries = find_entries(store, ref, today)
    if not entries:
        raise InputError(f"no entry matches '{ref[:40]}'; journal list shows the ids")
    if len(entries) > 1:
        ids = ", ".join(entry.id[:8] for entry in entries)
        raise InputError(f"'{ref[:40]}' has {len(entries)} entries ({ids}); name one by its id")
    return entries[0]


def summary_text(entry: Entry) -> str:
    """The words that best stand for an entry in a one-line list: its first written answer."""
    for kinds in (("long_text",), ("text",)):
        for answer in entry.answers:
            if answer.kind in kinds and answer.text.strip():
                return " ".join(answer.text.split())
    return next((" ".join(a.text.split()) for a in entry.answers if a.text.strip()), "")


def merge_tags(
    old_tags: Sequence[str],
    old_texts: Iterable[str],
    new_texts: Iterable[str],
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> list[str]:
    """An entry's tags after a change: a #word taken out of the text stops being a tag, a
    #word newly written becomes one, and every other tag (given with --tag) stays."""
    from ..text.tags import find_tags

    before = find_tags(old_texts)
    after = find_tags(new_texts)
    dropped = {*(set(before) - set(after)), *(normalise_tag(tag) for tag in removed)}
    tags = [*old_tags, *(tag for tag in after if tag not in before)]
    tags += [t for t in (normalise_tag(tag) for tag in added) if t]
    return [tag for tag in dict.fromkeys(tags) if tag not in dropped]
