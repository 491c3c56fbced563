"""``journal reframe``: a thought record held with kindness, ending in one dated next step.

The conversation follows the pack's steps in a fixed order. First the facts, the
feelings and the difficulty named as it is: the pain is acknowledged before anything is
analysed. Then the critic's words and how far they are believed, the thinking traps in
them, the evidence for and against them and a balanced thought with how far that is
believed; then common humanity, kind words and what was in the person's hands; last one
concrete next step with a day and a second rating of the same feelings and of the
critic's words. Two steps are shaped by earlier answers: the trap checklist comes ticked
with what the detector found in the critic's words, and the second rating asks about the
feelings named at the start. The next step is kept as a commitment that ``journal
today`` asks about when its day comes; a few days later ``journal reframe --revisit``
brings the reframe back for a second look.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from ..care.moment import CRITIC_NOT_A_TRAP, needs_care
from ..entries.scoring import mean_intensity, score_reframe
from ..errors import InputError, PackError
from ..packs.loader import Pack
from ..packs.steps import INTENSITIES, MULTI, Step
from ..store import (
    Commitment,
    Entry,
    JournalStore,
    PastReframe,
    ReframeRecord,
    ReframeScores,
)
from ..store.reframes import REFRAME_KIND
from ..traps.detector import TRAPS, TrapHit, detect_traps
from ..traps.learned import load_in_background
from .asking import Asker
from .common import ask_steps, build_answers, gather, offer_draft, plan_json

FLOW = "reframe"
PACK = "reframe"
#: The reframe's steps, in the order they are asked; each must be in the pack.
STEP_IDS = (
    "happened",
    "emotions",
    "naming",
    "critic",
    "belief",
    "traps",
    "evidence_for",
    "evidence_against",
    "balanced",
    "balanced_belief",
    "shared",
    "kind_words",
    "control",
    "next_step",
    "next_due",
    "emotions_after",
    "belief_after",
)
#: Steps earlier reframes asked and new ones do not, each with the step it came after:
#: a draft left in the middle of an earlier reframe keeps its answer to them.
LEGACY_STEPS = {"lesson": "kind_words"}
REVISIT_IDS = ("revisit_feelings", "revisit_happened", "revisit_lesson")
#: A reframe is ready for a second look this many days after it was written.
REVISIT_AFTER_DAYS = 3
#: ``journal today`` mentions a waiting reframe only this long after it was written;
#: ``--revisit`` still finds older ones.
MENTION_FOR_DAYS = 14


def _kind_of(pack: Pack, step_id: str, *kinds: str) -> Step:
    step = pack.step(step_id)
    if step.kind not in kinds:
        raise PackError(f"{pack.source}: steps: step '{step_id}' must be of kind '{kinds[0]}'")
    return step


# -- the plan ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReframePlan:
    day: date
    pack: Pack
    steps: tuple[Step, ...]

    def as_json(self) -> dict[str, Any]:
        return plan_json(FLOW, self.day, self.pack.name, self.steps)

    def keeping(self, answered: dict[str, Any]) -> ReframePlan:
        """This plan with the earlier reframes' steps that ``answered`` holds (a draft of
        the earlier shape), each where it used to be asked, so that no answer is lost."""
        steps = list(self.steps)
        for legacy, after in LEGACY_STEPS.items():
            if answered.get(legacy) is not None and legacy not in (s.id for s in steps):
                at = next((i + 1 for i, s in enumerate(steps) if s.id == after), len(steps))
                steps.insert(at, self.pack.step(legacy).with_wording(0))
        return replace(self, steps=tuple(steps))

    def shape(self, step: Step, answers: dict[str, Any]) -> Step | None:
        """Fill in the steps that depend on earlier answers, just before they are asked:
        the trap checklist comes ticked with the traps found in the critic's words, and the
        second rating asks about the feelings named at the start (or is left out)."""
        asked_help = self.pack.step(step.id).help
        if step.id == "traps":
            critic = answers.get("critic") or ""
            if needs_care(critic):
                return replace(step, default=[], help=CRITIC_NOT_A_TRAP)
            hits = first_hits(critic)
            found = [hit.trap_id for hit in hits]
            return replace(step, default=found, help=traps_help(asked_help, hits, critic))
        if step.id == "emotions_after":
            before = answers.get("emotions") or {}
            if not before:
                return None
            return replace(step, choices=tuple(before), default=list(before), help=asked_help)
        return step


_PLAN_NOTES = {
    "traps": "Left out of --answers, the traps found in 'critic' are kept; [] keeps none.",
    "emotions_after": "Use the feelings named in 'emotions'.",
}


def plan_reframe(pack: Pack, day: date, wording: int) -> ReframePlan:
    """The reframe's steps, worded by ``wording`` (the number of earlier reframes, so each
    new reframe reads a little differently from the last). The two steps shaped by earlier
    answers say in their help what a script should give them."""
    steps: list[Step] = []
    for step_id in STEP_IDS:
        step = pack.step(step_id).with_dates(day).with_wording(wording)
        if step_id == "traps":
            _kind_of(pack, step_id, MULTI)
            step = replace(step, choices=tuple(TRAPS), other=False, choice_notes=trap_notes())
        elif step_id in ("emotions", "emotions_after"):
            _kind_of(pack, step_id, INTENSITIES)
        if step_id == "emotions_after":
            step = replace(step, choices=(), other=False)
        if step_id in _PLAN_NOTES:
            step = replace(step, help=f"{step.help or ''} {_PLAN_NOTES[step_id]}".strip())
        steps.append(step)
    return ReframePlan(day, pack, tuple(steps))


# -- steps shaped by earlier answers -------------------------------------------------------


def first_hits(text: str) -> list[TrapHit]:
    """The first place each trap shows up in ``text``, in order of appearance."""
    seen: dict[str, TrapHit] = {}
    for hit in detect_traps(text):
        seen.setdefault(hit.trap_id, hit)
    return list(seen.values())


def trap_notes() -> dict[str, tuple[str, str]]:
    """Every trap's name and explanation, shown beside it in the checklist, so that the
    ones the detector did not find are as easy to recognise as the ones it did."""
    return {trap_id: (trap.name, trap.explanation) for trap_id, trap in TRAPS.items()}


def traps_help(base: str | None, hits: Sequence[TrapHit], critic: str = "") -> str:
    """What the checklist says about the traps found: the critic's words it looks at (a
    draft picked up at this step has them nowhere else on screen), each trap's name, the
    exact words that showed it and a one-line explanation."""
    quoted = [f'The critic\'s words: "{" ".join(critic.split())}"'] if critic.strip() else []
    if not hits:
        return "\n".join(
            [
                *quoted,
                "Nothing familiar stood out to the journal. Tick any you recognise, or none; "
                "what each one means shows below the list as you move to it.",
            ]
        )
    lines = [*quoted, base or "Untick any that do not fit; space to tick, Enter when done."]
    for hit in hits:
        trap = TRAPS[hit.trap_id]
        lines.append(f'  {trap.name} ("{hit.phrase}"): {trap.explanation}')
    return "\n".join(lines)


# -- saving --------------------------------------------------------------------------------


def reframe_record(values: dict[str, Any]) -> ReframeRecord:
    """What a reframe keeps beside its answers: scores, confirmed traps, the next step."""
    critic = values.get("critic") or ""
    hits = [] if needs_care(critic) else first_hits(critic)
    phrases = {hit.trap_id: hit.phrase for hit in hits}
    confirmed = values.get("traps") or []
    return ReframeRecord(
        scores=score_reframe(values),
        traps=tuple((trap_id, phrases.get(trap_id)) for trap_id in confirmed),
        next_step=values["next_step"],
        due_date=date.fromisoformat(values["next_due"]),
    )


@dataclass(frozen=True)
class ReframeOutcome:
    """A saved reframe with what its summary shows, or a quiet leave."""

    entry: Entry | None = None
    commitment: Commitment | None = None
    record: ReframeRecord | None = None
    related: tuple[PastReframe, ...] = ()
    left: bool = False


def run_reframe(
    store: JournalStore,
    asker: Asker,
    plan: ReframePlan,
    *,
    clock: Callable[[], datetime],
    tags: Sequence[str] = (),
    resume: dict[str, Any] | None = None,
) -> ReframeOutcome:
    """Ask the plan's steps and save the reframe, its scores, traps and commitment at once.

    Interactive runs keep a draft after every answer, removed when the reframe is saved.
    """
    given = dict(resume or {})
    # A due day chosen in a draft left for a while may have passed since; ask it again.
    if str(given.get("next_due") or "9999") < clock().date().isoformat():
        given.pop("next_due")
    plan = plan.keeping(given)
    got = gather(store, asker, plan, FLOW, clock=clock, tags=tags, resume=given, shape=plan.shape)
    record = reframe_record(got.values)
    entry, commitment = store.add_reframe(
        record,
        journal_date=plan.day,
        answers=got.answers,
        now=clock(),
        pack=plan.pack.name,
        tags=got.tags,
        clear_draft=got.clear_draft,
    )
    return ReframeOutcome(
        entry=entry,
        commitment=commitment,
        record=record,
        related=tuple(store.related_reframes(entry.id, entry.tags)),
    )


def reframe_session(
    store: JournalStore,
    asker: Asker,
    plan: ReframePlan,
    *,
    clock: Callable[[], datetime],
    tags: Sequence[str] = (),
) -> ReframeOutcome:
    """The whole ``journal reframe``: offer a kept draft, then reframe. Scripted runs
    simply save a new reframe."""
    if asker.interactive:
        # The trap step needs the model; it loads while the first questions are answered.
        load_in_background()
        offer = offer_draft(store, asker, FLOW, "reframe")
        if offer.leave:
            return ReframeOutcome(left=True)
        if offer.draft is not None:
            resumed = replace(plan, day=offer.draft.journal_date)
            return run_reframe(
                store, asker, resumed, clock=clock, tags=tags, resume=offer.draft.answers
            )
    return run_reframe(store, asker, plan, clock=clock, tags=tags)


# -- the second look -----------------------------------------------------------------------


def ready_to_revisit(store: JournalStore, today: date) -> list[Entry]:
    """Reframes old enough for a second look and not yet revisited, the oldest first."""
    return store.reframes_to_revisit(today - timedelta(days=REVISIT_AFTER_DAYS))


def worth_mentioning(store: JournalStore, today: date) -> list[Entry]:
    """The reframes ``journal today`` mentions: ready, and written at most
    ``MENTION_FOR_DAYS`` days ago, so an old one is not brought up day after day."""
    oldest = today - timedelta(days=MENTION_FOR_DAYS)
    return [entry for entry in ready_to_revisit(store, today) if entry.journal_date >= oldest]


def pick_revisit(store: JournalStore, today: date, ident: str | None) -> Entry | None:
    """The reframe to revisit: the one named by ``ident``, else the oldest one waiting."""
    if ident is None:
        waiting = ready_to_revisit(store, today)
        return waiting[0] if waiting else None
    entry = store.get_entry(ident.strip())
    if entry is None or entry.kind != REFRAME_KIND:
        raise InputError(f"no reframe has an id starting with '{ident.strip()[:40]}'")
    scores = store.reframe_scores(entry.id)
    if scores is not None and scores.revisited_at:
        raise InputError(
            f"the reframe {entry.id[:8]} already had its second look ({scores.revisited_at[:10]})"
        )
    return entry


@dataclass(frozen=True)
class RevisitPlan:
    entry: Entry
    pack: Pack
    steps: tuple[Step, ...]

    def as_json(self) -> dict[str, Any]:
        day = self.entry.journal_date
        return plan_json("revisit", day, self.pack.name, self.steps, entry=self.entry.id)


def plan_revisit(pack: Pack, entry: Entry, wording: int) -> RevisitPlan:
    """Re-rate the feelings named in the reframe, note what happened, keep the lesson."""
    named = entry.answer("emotions")
    feelings = tuple(named.value) if named and isinstance(named.value, dict) else ()
    steps: list[Step] = []
    for step_id in REVISIT_IDS:
        step = pack.step(step_id).with_wording(wording)
        if step_id == "revisit_feelings":
            if not feelings:
                continue
            step = replace(
                _kind_of(pack, step_id, INTENSITIES).with_wording(wording),
                choices=feelings,
                other=False,
                default=list(feelings),
            )
        steps.append(step)
    return RevisitPlan(entry, pack, tuple(steps))


@dataclass(frozen=True)
class RevisitOutcome:
    entry: Entry
    scores: ReframeScores | None
    commitment: Commitment | None


def run_revisit(
    store: JournalStore, asker: Asker, plan: RevisitPlan, *, clock: Callable[[], datetime]
) -> RevisitOutcome:
    """Ask the revisit's steps and add them to the end of the reframe, in one transaction."""
    values = ask_steps(asker, plan.steps)
    asker.finish()
    answers = build_answers(plan.steps, values)
    entry = store.add_revisit(
        plan.entry.id,
        answers,
        intensity=mean_intensity(values.get("revisit_feelings")),
        now=clock(),
    )
    return RevisitOutcome(
        entry=entry,
        scores=store.reframe_scores(entry.id),
        commitment=store.commitment_for_entry(entry.id),
    )


@dataclass(frozen=True)
class ReframeLook:
    """A saved reframe as the revisit shows it before asking."""

    entry: Entry
    scores: ReframeScores | None
    commitment: Commitment | None
    traps: tuple[tuple[str, str | None], ...] = field(default=())


def look_back(store: JournalStore, entry: Entry) -> ReframeLook:
    return ReframeLook(
        entry,
        store.reframe_scores(entry.id),
        store.commitment_for_entry(entry.id),
        tuple(store.entry_traps(entry.id)),
    )
