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


def plain_answer(raw: Any) -> tuple[str, str, str, Any, str | None, str] | None:
    """A written answer or a rating as (step_id, kind, prompt, value, theme, text), the
    fields of ``Answer``, when it is one that the full check accepts as it is; else None."""
    if type(raw) is dict and raw.keys() == _ANSWER_KEYS:
        kind, step_id, value, text = raw["kind"], raw["step_id"], raw["value"], raw["text"]
        prompt, theme = raw["prompt"], raw["theme"]
        if (
            type(kind) is str
            and (
                (kind in _TEXT_KINDS and type(value) is str and len(value) <= check.MAX_TEXT_CHARS)
                # a rating: a number (never true or false) within the bounds of any number
                or (
                    kind == steps.SCALE
                    and type(value) in (int, float)
                    and -check.MAX_NUMBER <= value <= check.MAX_NUMBER
                )
            )
            and type(step_id) is str
            and NAME.match(step_id)
            and type(prompt) is str
            and len(prompt) <= check.MAX_SHORT_CHARS
            and (theme is None or (type(theme) is str and len(theme) <= check.MAX_SHORT_CHARS))
            and type(text) is str
            and len(text) <= check.MAX_TEXT_CHARS
            and _storable(prompt, value if type(value) is str else "", text, theme or "")
        ):
            return step_id, kind, prompt, value, theme, text
    return None


def _storable(prompt: str, value: str, text: str, theme: str) -> bool:
    """``check.storable`` of the four, in one pass over them when they are plain ASCII
    without NUL (nearly every answer), the same four checks otherwise."""
    joined = prompt + value + text + theme
    if joined.isascii():
        return "\x00" not in joined
    return check.storable(prompt, value, text, theme)
