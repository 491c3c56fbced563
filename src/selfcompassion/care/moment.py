"""The care check at the moment of writing: the one home for "check this answer and, if
needed, show the panel", called by the flows (through ``flows.common.ask_steps``), by the
commands that save or check text, and by the single exit point when someone leaves.

During an interactive flow the panel comes right after the answer, before the next
question, and offers to go on writing, to stop for now with everything kept, or to see the
contacts again. Scripted runs (``--answers``) get the panel at the same moment and save as
usual. Saving is never blocked. Leaving after such an answer (Ctrl-C, end of input) shows
the panel again on the way out; the draft is kept as always.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from ..background import start_in_background
from ..errors import FlowInterrupted
from .presenting import presenter

if TYPE_CHECKING:
    from ..packs.steps import Step
    from ..store.records import Answer
    from .country import Country

# The pack steps and the panel's words are imported where they are used: ``journal traps``
# checks every thought it is given and should not pay for a flow's question or the crisis
# lines unless the panel is shown.

GO_ON = "Go on writing"
STOP = "Save what I've written and stop for now"
CONTACTS = "See the support contacts again"
OFFER_PROMPT = "Take whatever time you need. What would you like to do now?"
REMINDER = "The support contacts are there whenever you want them: journal support"
CRITIC_NOT_A_TRAP = (
    "What you wrote sounds like more than a thinking trap, so none are ticked. Please look "
    "at the support contacts above; you can pause this exercise at any time."
)
#: ``journal traps`` says this in place of any trap when the words need care.
NOT_A_TRAP_TO_CHECK = (
    "What you wrote sounds like more than a thinking trap, so none are named here. The "
    "support contacts below are there for exactly this."
)
#: Start compiling the rules this long after a flow begins, once the first question is up.
WARM_UP_AFTER_SECONDS = 0.5


@cache
def offer() -> Step:
    """The question after the panel, during a flow at a terminal: go on, stop, or the
    contacts again."""
    from ..packs.steps import CHOICE, Step

    return Step(
        id="care",
        kind=CHOICE,
        prompt=OFFER_PROMPT,
        choices=(GO_ON, STOP, CONTACTS),
        required=True,
    )


class StoppedForNow(FlowInterrupted):
    """The person chose to stop after the panel; their answers are kept as a draft."""

    exit_code = 0
    kept = True


class _Asks(Protocol):
    def ask(self, step: Step) -> Any: ...


def needs_care(text: str, feelings: Iterable[str] = ()) -> bool:
    from .detector import needs_care as check

    return check(text, feelings=feelings)


def show_panel(context: str, country: Country | None = None) -> None:
    """The support panel with the contacts for the person's country (or ``country``)."""
    presenter().panel(context, country)


def show_contacts() -> None:
    presenter().contacts()


def words_of(kind: str, value: Any) -> tuple[str, list[str]]:
    """The free text of an answer of this step kind, and the feelings chosen in it (for a
    list of feelings). A rating is its number alone: the words beside it on the scale
    ("2 (a bit heavy)") are the scale's, not the person's."""
    from ..packs.steps import INTENSITIES, MULTI, answer_text

    if value is None:
        return "", []
    if kind == INTENSITIES and isinstance(value, dict):
        return "", [str(name) for name in value]
    if kind == MULTI and isinstance(value, list):
        return "", [str(name) for name in value]
    if isinstance(value, str):
        return value, []
    return answer_text(value), []


def words_kept(value: Any) -> tuple[str, list[str]]:
    """The free text and chosen feelings of a draft's answer, whose step kind a draft does
    not keep: a list of names or names with levels are feelings, a string is text, and a
    rating is its number alone."""
    from ..packs.steps import INTENSITIES, MULTI, SCALE, TEXT

    if isinstance(value, dict):
        return words_of(INTENSITIES, value)
    if isinstance(value, list):
        return words_of(MULTI, value)
    return words_of(TEXT if isinstance(value, str) else SCALE, value)


class CareWatch:
    """Watches one flow's answers; remembers whether the panel was needed."""

    def __init__(self, interactive: bool) -> None:
        global _watching
        self.interactive = interactive
        self.seen = False
        _watching = self
        if self.interactive:
            start_in_background(warm_up, after=WARM_UP_AFTER_SECONDS)

    def heard(self, asker: _Asks, step: Step, value: Any) -> None:
        """Check an answer just given; show the panel (and, at a terminal, what next)."""
        text, feelings = words_of(step.kind, value)
        if not needs_care(text, feelings):
            return
        from .panel import DURING_FLOW, SCRIPTED

        if self.seen:
            presenter().reminder(REMINDER)
        else:
            show_panel(DURING_FLOW if self.interactive else SCRIPTED)
        self.seen = True
        if self.interactive:
            self._offer(asker)

    def _offer(self, asker: _Asks) -> None:
        while True:
            choice = asker.ask(offer())
            if choice == CONTACTS:
                show_contacts()
                continue
            if choice == STOP:
                raise StoppedForNow()
            return


_watching: CareWatch | None = None


def watch(interactive: bool) -> CareWatch:
    return CareWatch(interactive)


def care_was_needed() -> bool:
    """Whether the flow in this process met an answer that brought the panel."""
    return bool(_watching and _watching.seen)


def after_leaving(stopped: bool) -> None:
    """On the way out of a flow: the panel again if it was needed (the contacts alone when
    the person has just chosen to stop from the panel)."""
    if not care_was_needed():
        return
    from .panel import DURING_FLOW

    if stopped:
        show_contacts()
    else:
        show_panel(DURING_FLOW)


def after_saving(answers: Iterable[Answer], *, already_shown: bool | None = None) -> None:
    """After an entry is saved or edited: a short reminder when the panel was shown during
    the flow, else the panel when the saved words need it (an editor, a re-answered step)."""
    if already_shown is None:
        already_shown = care_was_needed()
    if already_shown:
        presenter().reminder(REMINDER)
    elif any(needs_care(*words_of(answer.kind, answer.value)) for answer in answers):
        from .panel import SAVED

        show_panel(SAVED)


def show_unsaved_panel() -> None:
    """``journal traps``: the panel, saying nothing about saving (nothing is written)."""
    from .panel import NOT_SAVED

    show_panel(NOT_SAVED)


def leaving_draft(answers: dict[str, Any]) -> None:
    """ "Leave for now" on a kept draft whose words or chosen feelings need care: the panel,
    on the way out, as the flow itself would have shown it."""
    if any(needs_care(*words_kept(value)) for value in answers.values()):
        from .panel import DURING_FLOW

        show_panel(DURING_FLOW)


def warm_up() -> None:
    """Compile every rule and guard, and load the model when it is on, ahead of the first
    answer (run in the background)."""
    from .detector import SECOND_LOOK, find_concerns
    from .gate import passes_plain
    from .rules import regex, rule_book

    book = rule_book()
    for rule in book.rules:
        _ = rule.pattern
    for guard in (*book.guards.mask, *book.guards.past):
        regex(guard.source)
    find_concerns("warm up: i want to die, said nobody in a story, years ago lol")
    passes_plain("")  # the model's gate: the rules above fire, so it was not asked for
    if SECOND_LOOK:
        from .second_look import load

        load()
