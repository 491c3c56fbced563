"""Entries as brief JSON for scripts: ``list``, ``search`` and ``show`` with ``--format json``.

``show`` gives each entry exactly as the JSON export does (``portability.schema``); ``list``
and ``search`` give a brief form: the entry's id, kind, day, times, pack, tags and the words
that stand for it, and for a search the score (lower is better, as SQLite's bm25 ranks)
and the snippet with the matching words listed beside it.
"""

from __future__ import annotations

from typing import Any

from ..entries.finding import summary_text
from ..store import Entry, SearchResults
from ..store.browse import MATCH_END, MATCH_START
from .schema import entry_fields


def entry_brief(entry: Entry) -> dict[str, Any]:
    return {**entry_fields(entry), "summary": summary_text(entry)}


def listing_json(entries: list[Entry], total: int) -> dict[str, Any]:
    """The entries shown, newest first, and how many match in all."""
    return {"total": total, "entries": [entry_brief(entry) for entry in entries]}


def search_json(results: SearchResults, query: str) -> dict[str, Any]:
    """The hits, best first; ``matched`` and ``ranked_among`` are set when ranking kept
    to the most recently added matches."""
    hits = []
    for hit in results.hits:
        pieces = hit.snippet.split(MATCH_START)
        matched = [piece.partition(MATCH_END)[0] for piece in pieces[1:]]
        snippet = hit.snippet.replace(MATCH_START, "").replace(MATCH_END, "")
        hits.append(
            {
                **entry_brief(hit.entry),
                "score": hit.score,
                "snippet": snippet,
                "matched_words": matched,
            }
        )
    return {
        "query": query,
        "matched": results.matched,
        "ranked_among": results.window,
        "hits": hits,
    }
