"""Tags: a ``#word`` anywhere in an answer, or given with ``--tag``, labels the entry."""

from __future__ import annotations

import re
from collections.abc import Iterable

_TAG = re.compile(r"(?<![\w&#/])#([^\W\d_][\w-]{0,49})")
_VALID = re.compile(r"^[^\W\d_][\w-]{0,49}$")


def normalise_tag(tag: str) -> str | None:
    """A tag in its stored form (lowercase, no leading '#'), or None if it is not a word."""
    tag = tag.strip().lstrip("#").lower()
    return tag if _VALID.match(tag) else None


def find_tags(texts: Iterable[str]) -> list[str]:
    """Every distinct #tag in the texts, lowercased, in order of first appearance."""
    found: dict[str, None] = {}
    for text in texts:
        for match in _TAG.finditer(text):
            found[match.group(1).lower()] = None
    return list(found)
