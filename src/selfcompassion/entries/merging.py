"""Merging an edit with a change saved to the same entry while the edit was open.

Two ``journal edit`` of one entry may run at once (two windows, or a script beside a
person). The later one to save finds the entry changed since it was opened: answers the
two changed differently collide; everything else merges, taking from each side what it
changed. This is a plain three-way merge over the answers (by step, in order) and the
tags; what to do about a collision is the caller's choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..store import Answer, Entry

AnswerKey = tuple[str, int]


@dataclass(frozen=True)
class Merged:
    """The answers and tags after the merge, and the steps both sides changed differently."""

    answers: tuple[Answer, ...]
    tags: tuple[str, ...]
    collisions: tuple[str, ...]


def _keyed(answers: Sequence[Answer]) -> dict[AnswerKey, Answer]:
    """Answers by (step id, how many of that step came before), so a step asked twice
    keeps both answers apart."""
    seen: dict[str, int] = {}
    keyed: dict[AnswerKey, Answer] = {}
    for answer in answers:
        number = seen.get(answer.step_id, 0)
        seen[answer.step_id] = number + 1
        keyed[(answer.step_id, number)] = answer
    return keyed


def merge_edit(
    base: Entry, mine: Sequence[Answer], my_tags: Sequence[str], theirs: Entry
) -> Merged:
    """``mine`` (the edit of ``base``) merged with ``theirs`` (the entry as saved since).

    Where only one side changed an answer, that side's answer is kept (a removed answer
    stays removed); where both changed it the same way, that; where they differ, the
    saved one is kept here and the step is named among the collisions.
    """
    old, ours, saved = _keyed(base.answers), _keyed(mine), _keyed(theirs.answers)
    order = list(saved) + [key for key in ours if key not in saved]
    answers: list[Answer] = []
    collisions: list[str] = []
    for key in order:
        before, my_answer, their_answer = old.get(key), ours.get(key), saved.get(key)
        if my_answer in (before, their_answer):
            kept = their_answer
        elif their_answer == before:
            kept = my_answer
        else:
            kept = their_answer
            collisions.append(key[0])
        if kept is not None:
            answers.append(kept)
    removed_by_me = set(base.tags) - set(my_tags)
    added_by_me = [tag for tag in my_tags if tag not in base.tags]
    tags = [tag for tag in theirs.tags if tag not in removed_by_me]
    tags += [tag for tag in added_by_me if tag not in tags]
    return Merged(tuple(answers), tuple(tags), tuple(collisions))
