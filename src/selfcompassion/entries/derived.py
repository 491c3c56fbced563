"""Keeping the figures beside an entry true to its answers when the answers are edited.

A check-in keeps its means beside its ratings, and a reframe its feeling and belief
figures beside its answers, so that the report can chart them without reading every
answer. When an edit changes an answer those figures come from, they are worked out
again by the functions that worked them out when the entry was saved (``scoring``) and
written in the transaction of the edit. An edit that leaves those answers alone leaves the
figures exactly as saved, so a pack changed since (a statement now counted the other way
round, say) never quietly rescores a check-in whose ratings nobody touched.

Thinking traps confirmed in a reframe are the person's own choice, not a figure, and its
next step has become a commitment with a life of its own; neither is touched here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import InputError, PackError
from ..packs.steps import SCALE
from ..store import Answer, Entry, RowsBeside, keep_checkin_scores, keep_reframe_scores
from ..store.checkin import CHECKIN_KIND
from ..store.reframes import REFRAME_KIND
from .scoring import REFRAME_SCORED_STEPS, score_checkin, score_reframe


def answer_values(answers: Sequence[Answer]) -> dict[str, Any]:
    """The answers' values by step id (the first answer of a step, as ``Entry.answer``)."""
    values: dict[str, Any] = {}
    for answer in answers:
        values.setdefault(answer.step_id, answer.value)
    return values


def _checkin_ratings(answers: Sequence[Answer]) -> dict[str, Any]:
    # A checkin pack gives every rated step a component, so its ratings are its statements.
    return {answer.step_id: answer.value for answer in answers if answer.kind == SCALE}


def _reframe_inputs(answers: Sequence[Answer]) -> dict[str, Any]:
    values = answer_values(answers)
    return {step_id: values.get(step_id) for step_id in REFRAME_SCORED_STEPS}


def refigure(
    entry: Entry, answers: Sequence[Answer], load_pack: Callable[[str], Any]
) -> RowsBeside | None:
    """What to write beside ``entry`` once its answers become ``answers``: its figures
    worked out again, or None when no answer they come from changed."""
    if entry.kind == CHECKIN_KIND:
        if _checkin_ratings(entry.answers) == _checkin_ratings(answers):
            return None
        try:
            pack = load_pack(entry.pack or "")
        except PackError:
            raise InputError(
                f"the check-in's scores cannot be worked out again: its prompt pack "
                f"'{entry.pack}' is not available; nothing changed"
            ) from None
        score = score_checkin(pack.steps, answer_values(answers))
        return keep_checkin_scores(score.total, score.components)
    if entry.kind == REFRAME_KIND:
        if _reframe_inputs(entry.answers) == _reframe_inputs(answers):
            return None
        return keep_reframe_scores(score_reframe(answer_values(answers)))
    return None
