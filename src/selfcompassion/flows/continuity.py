"""What makes ``journal today`` a practice that comes back: the last intention returns with
a kind question about how it went, and today's intention can become a dated next step.

The look back is asked first and can be skipped; its answers are ordinary answers of the
day's entry (``intention-<8 chars>`` and ``...-note``), so ``--plan`` shows them and
``--answers`` can give them. Giving today's intention a day (``intention_date``) adds a
commitment in the transaction that saves the entry, so ``journal commitments`` holds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..dates import describe
from ..packs.steps import CHOICE, DUE_DATE, TEXT, Step
from ..store import Entry, JournalStore
from ..store.continuity import INTENTION_STEP, LOOK_BACK_CHOICES, PastIntention
from ..store.driver import Connection
from ..text.controls import one_line

DATE_STEP = "intention_date"


def when_said(day: date, today: date) -> str:
    """'Yesterday', 'On Sunday' within the week, else 'On Friday 20 November'."""
    if (today - day).days == 1:
        return "Yesterday"
    if (today - day).days < 7:
        return f"On {describe(day, today).split()[0]}"
    return f"On {describe(day, today)}"


@dataclass(frozen=True)
class Continuity:
    """The look-back steps (asked first) and the intention's optional day (asked after the
    intention), with how to shape and save them."""

    before: tuple[Step, ...]
    date_step: Step | None
    intention: PastIntention | None

    def place(self, steps: list[Step]) -> list[Step]:
        """The day's steps with the look back first and the day question after the
        intention (when the pack has one)."""
        placed = [*self.before]
        for step in steps:
            placed.append(step)
            if step.id == INTENTION_STEP and self.date_step is not None:
                placed.append(self.date_step)
        return placed

    def shape(self, step: Step, answers: dict[str, Any]) -> Step | None:
        if step.id == DATE_STEP:
            written = answers.get(INTENTION_STEP)
            return step if isinstance(written, str) and written.strip() else None
        return step

    def writer(
        self, store: JournalStore, values: dict[str, Any], now: datetime
    ) -> Callable[[Connection, Entry], None] | None:
        """Adds the commitment when today's intention was given a day."""
        due, text = values.get(DATE_STEP), values.get(INTENTION_STEP)
        if not due or not isinstance(text, str) or not text.strip():
            return None
        due_day = due if isinstance(due, date) else date.fromisoformat(str(due))

        def write(conn: Connection, entry: Entry) -> None:
            store.new_commitment(conn, entry.id, text.strip(), due_day, now)

        return write


def look_back_steps(intention: PastIntention, today: date) -> tuple[Step, ...]:
    quoted = one_line(intention.text)
    question = Step(
        id=intention.step_id,
        kind=CHOICE,
        prompt=f'{when_said(intention.journal_date, today)} your intention was "{quoted}". '
        "How did it go?",
        help="However it went, looking back counts. Skip it if you would rather not today.",
        choices=LOOK_BACK_CHOICES,
    )
    note = Step(
        id=f"{intention.step_id}-note",
        kind=TEXT,
        prompt="Anything you would like to add about how it went?",
        help="Optional: a word or two.",
    )
    return (question, note)


def intention_date_step(today: date) -> Step:
    example = today + timedelta(days=2)
    return Step(
        id=DATE_STEP,
        kind=DUE_DATE,
        prompt="Would you like to give this intention a day, so it comes back as a next step?",
        help=(
            f"A day such as '{describe(example, today)}' or '{example.isoformat()}' keeps it "
            "in journal commitments; without a day it stays an intention."
        ),
    )


def plan_continuity(
    store: JournalStore | None, day: date, today: date, *, with_date_step: bool = True
) -> Continuity:
    """What today brings back for ``day`` (nothing for a journal that does not exist yet)."""
    intention = store.last_intention(day) if store is not None else None
    before = look_back_steps(intention, today) if intention is not None else ()
    date_step = intention_date_step(today) if with_date_step else None
    return Continuity(before, date_step, intention)


YES_NOW = "Yes, now"
NOT_NOW = "Not now"
NEVER = "Please don't offer it again"
CHECKIN_OFFER = Step(
    id="checkin_offer",
    kind=CHOICE,
    prompt="It has been more than a week since your last check-in. Would you like to do it now? "
    "It takes about three minutes.",
    help="Offered at most once a week. journal checkin works any time.",
    choices=(YES_NOW, NOT_NOW, NEVER),
)
#: Days between check-ins (and between two offers of one) before today offers it.
CHECKIN_RHYTHM_DAYS = 7


def checkin_offer_due(store: JournalStore, today: date, offered_on: date | None) -> bool:
    """True when the last check-in (or, before the first one, the first entry) is more than
    a week old and the check-in was not offered in the last week."""
    if offered_on is not None and (today - offered_on).days < CHECKIN_RHYTHM_DAYS:
        return False
    since = store.last_checkin_day() or store.first_entry_day()
    return since is not None and (today - since).days > CHECKIN_RHYTHM_DAYS
