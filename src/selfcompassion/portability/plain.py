"""The short way through the import's check for a written answer or a rating, the
answers that make up most of any journal: one test of their shape that accepts exactly
what the full check (``reading``) accepts for them, and hands everything else to it."""

from __future__ import annotations

import re
from typing import Any

from ..packs import steps
from . import fields as check

#: A step, pack or trap id.
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
ANSWER_FIELDS = ("step_id", "kind", "prompt", "theme", "value", "text")
_ANSWER_KEYS = frozenset(ANSWER_FIELDS)
_TEXT_KINDS = frozenset((steps.TEXT, steps.LONG_TEXT, steps.CHOICE))


#: Heads (step id, kind, prompt, theme) that passed the check: a journal's answers share
#: a handful, so each is checked once rather than once per answer. Bounded, so that a
#: file of a million different prompts cannot grow it without end.
_GOOD_HEADS: set[tuple[str, str, str, str | None]] = set()
_MOST_HEADS = 4_096


def plain_answer(raw: Any) -> tuple[str, str, str, Any, str | None, str] | None:
    """A written answer or a rating as (step_id, kind, prompt, value, theme, text), the
    fields of ``Answer``, when it is one that the full check accepts as it is; else None."""
    if type(raw) is not dict or raw.keys() != _ANSWER_KEYS:
        return None
    kind, step_id, value, text = raw["kind"], raw["step_id"], raw["value"], raw["text"]
    prompt, theme = raw["prompt"], raw["theme"]
    if (
        type(kind) is not str
        or type(step_id) is not str
        or type(prompt) is not str
        or (theme is not None and type(theme) is not str)
        or type(text) is not str
        or len(text) > check.MAX_TEXT_CHARS
    ):
        return None
    head = (step_id, kind, prompt, theme)
    if head not in _GOOD_HEADS:
        if not _good_head(step_id, kind, prompt, theme):
            return None
        if len(_GOOD_HEADS) < _MOST_HEADS:
            _GOOD_HEADS.add(head)
    if kind == steps.SCALE:
        # a rating: a number (never true or false) within the bounds of any number
        if type(value) not in (int, float) or not -check.MAX_NUMBER <= value <= check.MAX_NUMBER:
            return None
        written = text
    elif type(value) is str and len(value) <= check.MAX_TEXT_CHARS:
        written = text if value is text or value == text else value + text
    else:
        return None
    if written.isascii():
        return (step_id, kind, prompt, value, theme, text) if "\x00" not in written else None
    if not check.storable(value if type(value) is str else "", text):
        return None
    return step_id, kind, prompt, value, theme, text


def _good_head(step_id: str, kind: str, prompt: str, theme: str | None) -> bool:
    """Whether the full check accepts a written answer's or a rating's head as it is."""
    return (
        (kind in _TEXT_KINDS or kind == steps.SCALE)
        and NAME.match(step_id) is not None
        and len(prompt) <= check.MAX_SHORT_CHARS
        and (theme is None or len(theme) <= check.MAX_SHORT_CHARS)
        and check.storable(prompt, theme or "")
    )
