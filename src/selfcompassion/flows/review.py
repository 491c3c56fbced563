"""The gentle look at due next steps that ``journal today`` adds to its plan.

Each open commitment whose day has come gets one question (done, partly, not yet, let it
go) and two follow-ups asked only when they fit: a new day for "not yet", a few optional
words for "partly" and "let it go". The steps have stable ids (``commitment-<8 chars of
its id>``, ``...-when``, ``...-note``) so ``--plan`` shows them and ``--answers`` can
answer them. Skipping the question leaves the commitment as it is, with no fuss.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from ..dates import describe
from ..errors import PackError
from ..packs.loader import Pack
from ..packs.steps import CHOICE, DUE_DATE, TEXT, Step
from ..store import Commitment, Entry, JournalStore, Review
from ..store.commitments import DONE, ID_PREFIX, LET_GO, OPEN, PARTLY
from ..store.driver import Connection

REVIEW_PACK = "reframe"
#: What each of the review step's four choices means, in the pack's order.
CHOICE_STATUSES = (DONE, PARTLY, OPEN, LET_GO)
_NOT_YET = 2
_NOTE_AFTER = (1, 3)


def _pack_step(pack: Pack, step_id: str, kind: str) -> Step:
    step = pack.step(step_id)
    if step.kind != kind:
        raise PackError(f"{pack.source}: steps: step '{step_id}' must be of kind '{kind}'")
    return step


def _one_line(text: str) -> str:
    """The step on one line, without a closing full stop (the question adds its own)."""
    from ..text.controls import one_line

    return one_line(text).rstrip(" .")


@dataclass(frozen=True)
class DueReviews:
    """The review steps for the commitments due on a day, and how to read their answers."""

    commitments: tuple[Commitment, ...]
    steps: tuple[Step, ...]
    choices: tuple[str, ...]
    # follow-up step id -> (question step id, indexes of the choices it follows, the help
    # shown when it is asked; the plan's help says when that is)
    follow_ups: dict[str, tuple[str, tuple[int, ...], str | None]] = field(default_factory=dict)

    def shape(self, step: Step, answers: dict[str, Any]) -> Step | None:
        """Leave out a follow-up that does not fit the answer given; a new day for "not
        yet" is needed once it is asked. A follow-up names the next step it is about, so
        that it reads whole even when a draft is picked up at it."""
        if step.id not in self.follow_ups:
            return step
        question, after, help_text = self.follow_ups[step.id]
        picked = answers.get(question)
        if picked not in [self.choices[index] for index in after]:
            return None
        about = [f"About: {_one_line(c.text)} ({picked})" for c in self.commitments
                 if step_id(c) == question]  # fmt: skip
        shown = "\n".join([*about, *([help_text] if help_text else [])]) or None
        return replace(step, help=shown, required=step.kind == DUE_DATE)

    def reviews(self, values: dict[str, Any]) -> list[Review]:
        """What the answers say became of each commitment; unanswered ones are left alone."""
        found: list[Review] = []
        for commitment in self.commitments:
            key = step_id(commitment)
            picked = values.get(key)
            if picked not in self.choices:
                continue
            status = CHOICE_STATUSES[self.choices.index(picked)]
            when = values.get(f"{key}-when")
            found.append(
                Review(
                    commitment.id,
                    status,
                    due_date=date.fromisoformat(when) if status == OPEN and when else None,
                    note=values.get(f"{key}-note"),
                )
            )
        return found

    def outcomes(self, values: dict[str, Any], today: date) -> list[str]:
        """What became of each next step looked at, in words for the panel after saving:
        "Call Sam: marked partly done", "...: moved to Friday 4 December"."""
        texts = {commitment.id: _one_line(commitment.text) for commitment in self.commitments}
        said = {
            DONE: "marked done",
            PARTLY: "marked partly done",
            LET_GO: "let go, and that is fine",
        }
        lines = []
        for review in self.reviews(values):
            if review.status == OPEN:
                when = describe(review.due_date, today) if review.due_date else "a later day"
                outcome = f"moved to {when}"
            else:
                outcome = said.get(review.status, review.status)
            lines.append(f"{texts[review.commitment_id]}: {outcome}")
        return lines

    def writer(
        self, store: JournalStore, values: dict[str, Any], now: datetime
    ) -> Callable[[Connection, Entry], None]:
        """Writes the reviews inside the transaction that saves the day's entry."""
        found = self.reviews(values)

        def write(conn: Connection, entry: Entry) -> None:
            store.write_reviews(conn, found, day=now.date(), now=now)

        return write


def step_id(commitment: Commitment) -> str:
    return f"{ID_PREFIX}{commitment.short_id}"


def plan_reviews(commitments: Sequence[Commitment], pack: Pack, today: date) -> DueReviews | None:
    """Review steps for the given due commitments (None when there are none)."""
    if not commitments:
        return None
    question = _pack_step(pack, "review", CHOICE)
    if len(question.choices) != len(CHOICE_STATUSES):
        raise PackError(
            f"{pack.source}: steps: step 'review' needs exactly four choices "
            "(done, partly, not yet, let it go)"
        )
    when_step = _pack_step(pack, "review_when", DUE_DATE).with_dates(today)
    note_step = _pack_step(pack, "review_note", TEXT)
    not_yet, note_after = question.choices[_NOT_YET], [question.choices[i] for i in _NOTE_AFTER]
    steps: list[Step] = []
    follow_ups: dict[str, tuple[str, tuple[int, ...], str | None]] = {}
    for offset, commitment in enumerate(commitments):
        key = step_id(commitment)
        wording = today.toordinal() + offset
        asked = question.with_wording(wording)
        prompt = asked.prompt.replace("{when}", describe(commitment.due_date, today))
        prompt = prompt.replace("{step}", _one_line(commitment.text))
        steps.append(replace(asked, id=key, prompt=prompt))
        steps.append(
            replace(
                when_step.with_wording(wording),
                id=f"{key}-when",
                help=f"Only after '{not_yet}'. {when_step.help or ''}".strip(),
            )
        )
        steps.append(
            replace(
                note_step.with_wording(wording),
                id=f"{key}-note",
                help=f"Only after '{note_after[0]}' or '{note_after[1]}'. {note_step.help or ''}",
            )
        )
        follow_ups[f"{key}-when"] = (key, (_NOT_YET,), when_step.help)
        follow_ups[f"{key}-note"] = (key, _NOTE_AFTER, note_step.help)
    return DueReviews(tuple(commitments), tuple(steps), question.choices, follow_ups)


def due_reviews(
    store: JournalStore, today: date, load_pack: Callable[[str], Pack]
) -> DueReviews | None:
    """The review steps for every commitment due by ``today``, worded by the reframe pack."""
    due = store.due_commitments(today)
    return plan_reviews(due, load_pack(REVIEW_PACK), today) if due else None
