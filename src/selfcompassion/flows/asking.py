"""The one seam through which flows ask their questions.

A flow calls ``asker.ask(step)`` and gets back a checked answer (or None for a skipped
optional step). ``QuestionaryAsker`` asks at a terminal and re-asks kindly when an answer
does not fit; ``ScriptedAsker`` answers from a JSON object keyed by step id, for scripts,
tests and ``--answers``. Both accept exactly what ``steps.check_answer`` accepts.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Protocol

from ..errors import AnswerError, FlowInterrupted, InputError, NoTerminalError
from ..packs.steps import (
    CHOICE,
    CONFIRM,
    INTENSITIES,
    MULTI,
    NOT_APPLICABLE,
    SCALE,
    TEXT,
    Step,
    check_answer,
)
from ..stopping import SignalStop, exit_code_of, signals_raise
from ..text.controls import strip_controls as clean
from .display import (
    PROMPT_MARK,
    kindly,
    show_answer,
    show_question,
    wrap_choice,
    wrap_description,
)
from .prompting import ctrl_c_held, deliver_stop, run_prompt
from .typeahead import restore_echo, silence_echo
from .typed_steps import KEEPS, by_typing, typed_default, typing_hint

if TYPE_CHECKING:
    from questionary import Style

    from ..care.moment import CareWatch

#: The largest --answers file accepted, in bytes.
MAX_ANSWERS_BYTES = 1_000_000
SKIP = "__skip__"
OTHER = "__other__"


class Asker(Protocol):
    interactive: bool
    care: CareWatch | None  # checks each answer as it is given (see care.moment)

    def ask(self, step: Step) -> Any:
        """The checked answer to ``step``, or None when an optional step is skipped."""
        ...

    def finish(self) -> None:
        """Called once every step has been asked; refuses answers that matched no step."""
        ...


def load_answers(source: str, stdin: IO[bytes] | None = None) -> dict[str, Any]:
    """Read an ``--answers`` JSON object from a file path or ``-`` (standard input)."""
    from ..files.sources import read_source

    where, raw = read_source(source, limit=MAX_ANSWERS_BYTES, noun="answers file", stdin=stdin)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{where}: the answers are not UTF-8 text") from None
    except RecursionError:
        raise InputError(f"{where}: the answers are nested too deeply") from None
    except ValueError as error:
        raise InputError(f"{where}: the answers are not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: the answers must be a JSON object keyed by step id")
    return data


class ScriptedAsker:
    """Answers from a mapping of step id to value; nothing is asked at a terminal."""

    interactive = False
    care: CareWatch | None = None

    def __init__(self, answers: dict[str, Any], *, today: date) -> None:
        self.answers = answers
        self.today = today
        self.asked: set[str] = set()

    def ask(self, step: Step) -> Any:
        self.asked.add(step.id)
        raw = self.answers.get(step.id)
        if step.id not in self.answers and step.kind == MULTI and step.default is not None:
            # As at the terminal, where pressing Enter keeps the choices already ticked.
            raw = step.default
        return check_answer(step, raw, today=self.today)

    def finish(self) -> None:
        unknown = [key for key in self.answers if key not in self.asked]
        if unknown:
            raise AnswerError(
                str(unknown[0])[:80], "no such step today; --plan lists the steps it expects"
            )


def require_terminal(command: str, instead: str | None = None) -> None:
    """Refuse at once, rather than hang, when there is no terminal to ask at; ``instead``
    is what to do from a script, for a command without ``--answers`` and ``--plan``."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        advice = instead or f"to answer from a script use --answers FILE (see {command} --plan)"
        raise NoTerminalError(
            f"{command} asks its questions at a terminal and none is attached; {advice}"
        )


def choose_asker(answers: str | None, command: str, *, today: date) -> Asker:
    """Scripted answers when ``--answers`` was given, else the terminal (refused at once
    when there is none)."""
    from ..care.moment import watch

    asker: Asker
    if answers is not None:
        asker = ScriptedAsker(load_answers(answers), today=today)
    else:
        require_terminal(command)
        asker = QuestionaryAsker(today=today)
    asker.care = watch(asker.interactive)
    return asker


class QuestionaryAsker:
    """Asks at the terminal with questionary; an answer that does not fit is asked again.

    Each question is printed whole above a short prompt (see ``display``), so it wraps at
    any width; the refusal of an answer that does not fit shows right under the prompt.
    """

    interactive = True
    care: CareWatch | None = None

    def __init__(self, *, today: date, style: Style | None = None) -> None:
        self.today = today
        self.style = style

    def finish(self) -> None:
        restore_echo()

    def ask(self, step: Step, context: str | None = None) -> Any:
        shown = _for_display(step)
        silence_echo()  # keys pressed before the question is drawn wait unseen
        try:
            # SIGTERM and a closed terminal end the question as Ctrl-C does, so the words
            # typed at it are kept and the terminal is given back as it was.
            with signals_raise(SignalStop, deliver_stop), ctrl_c_held():
                show_question(shown, context, typing_hint(shown))
                return self._ask(shown)
        except (KeyboardInterrupt, EOFError) as stop:
            raise FlowInterrupted(exit_code=exit_code_of(stop)) from None

    # Each kind gets the widget that fits it; every widget's answer goes through
    # check_answer so the rules are the same as for scripted answers.

    def _validator(self, step: Step) -> Callable[[str], bool | str]:
        def validate(text: str) -> bool | str:
            try:
                check_answer(step, text, today=self.today)
            except AnswerError as error:
                return kindly(error.reason)
            return True

        return validate

    def _typed(self, step: Step) -> Any:
        """A line typed at the prompt; on Ctrl-C what was typed so far travels with the
        interruption so that the draft keeps it."""
        import questionary

        default = typed_default(step)
        question = questionary.text(
            "",
            default=default,
            qmark=PROMPT_MARK,
            validate=self._validator(step),
            style=self.style,
            reserve_space_for_menu=0,
            # The prompt wraps the answer inside words; it is drawn again wrapped at words.
            erase_when_done=True,
        )
        try:
            raw = run_prompt(question)
        except (KeyboardInterrupt, EOFError) as stop:
            typed = question.application.current_buffer.text
            with contextlib.suppress(OSError):  # a terminal closed under it takes no echo
                show_answer(clean(typed))
            raise FlowInterrupted(
                typed=(step.id, typed) if typed.strip() else None, exit_code=exit_code_of(stop)
            ) from None
        show_answer(clean(raw))
        return check_answer(step, raw, today=self.today)

    def _ask(self, step: Step) -> Any:
        import questionary

        if by_typing(step):
            return self._typed(step)
        if step.kind == SCALE:
            return self._ask_scale(step)
        if step.kind == CHOICE:
            choices = [questionary.Choice(_choice(c), value=c) for c in step.choices]
            if step.other:
                choices.append(questionary.Choice("something else…", value=OTHER))
            if not step.required:
                choices.append(questionary.Choice("skip", value=SKIP))
            picked = run_prompt(
                questionary.select(
                    "",
                    qmark=PROMPT_MARK,
                    choices=choices,
                    default=_starting_choice(choices, step.default),
                    style=self.style,
                    instruction="(arrow keys, then Enter)",
                )
            )
            if picked == OTHER:
                picked = self._own_words(step)
            return check_answer(step, None if picked == SKIP else picked, today=self.today)
        if step.kind in (MULTI, INTENSITIES):
            picked = self._ask_many(step)
            if step.kind == MULTI:
                return check_answer(step, picked, today=self.today)
            # A feeling left without a strength stays named, unrated.
            levels = {name: self._ask_level(step, name) for name in picked}
            return check_answer(step, levels, today=self.today)
        if step.kind == CONFIRM:
            return run_prompt(
                questionary.confirm(
                    "", qmark=PROMPT_MARK, default=bool(step.default), style=self.style
                )
            )
        raise AnswerError(step.id, f"cannot ask a step of kind '{step.kind}'")

    def _ask_scale(self, step: Step) -> Any:
        import questionary

        assert step.min is not None and step.max is not None
        # On a 1-to-9 scale the number keys pick the rating, and questionary shows the key
        # ("4) a bit light"), so the title need not repeat the number.
        shortcuts = step.min == 1 and step.max <= 9
        choices = [
            questionary.Choice(
                _choice(step.labels.get(n) or str(n))
                if shortcuts
                else f"{n}  {step.labels.get(n, '')}".rstrip(),
                value=n,
            )
            for n in range(step.min, step.max + 1)
        ]
        if step.not_applicable:
            choices.append(questionary.Choice(NOT_APPLICABLE, value=NOT_APPLICABLE))
        skip = questionary.Choice("skip, no rating", value=SKIP)
        if not step.required:
            choices.append(skip)
        picked = run_prompt(
            questionary.select(
                "",
                qmark=PROMPT_MARK,
                choices=choices,
                default=_starting_choice(choices, step.default)
                or (None if step.required else skip),
                instruction="(arrow keys or the number, then Enter)"
                if shortcuts
                else "(arrow keys, then Enter)",
                use_shortcuts=shortcuts,
                style=self.style,
            )
        )
        return check_answer(step, None if picked == SKIP else picked, today=self.today)

    def _ask_many(self, step: Step) -> list[str]:
        import questionary

        defaults = set(step.default or [])
        notes = step.choice_notes
        choices = [
            questionary.Choice(
                _choice(notes[c][0] if c in notes else c),
                value=c,
                checked=c in defaults,
                description=wrap_description(clean(notes[c][1])) if c in notes else None,
            )
            for c in step.choices
        ]
        picked: list[str] = []
        if choices:
            picked = run_prompt(
                questionary.checkbox(
                    "",
                    qmark=PROMPT_MARK,
                    choices=choices,
                    instruction="(space to pick, Enter when done)",
                    style=self.style,
                )
            )
        if step.other:
            extra = self._line("Any in your own words? Separate them with commas.")
            picked += [word.strip() for word in (extra or "").split(",") if word.strip()]
        return picked

    def _ask_level(self, step: Step, name: str) -> int | None:
        # Asked again (edit --step), a strength starts from the earlier one.
        earlier = step.default.get(name) if isinstance(step.default, dict) else None
        level_step = Step(
            id=step.id,
            kind=SCALE,
            prompt=f"How strong is '{clean(name)}'?",
            min=step.min,
            max=step.max,
            default=earlier,
        )
        # A feeling left without a strength stays named, unrated.
        unrated = f". {KEEPS}" if earlier is not None else ", or Enter to leave it unrated."
        show_question(level_step, hint=f"{step.min} to {step.max}{unrated}")
        level = self._typed(level_step)
        return level if isinstance(level, int) else None

    def _line(self, prompt: str) -> str | None:
        """A short optional follow-up in the person's own words."""
        follow_up = Step(id="", kind=TEXT, prompt=prompt)
        show_question(follow_up, hint=typing_hint(follow_up))
        words: str | None = self._typed(follow_up)
        return words

    def _own_words(self, step: Step) -> str | None:
        return self._line("In your own words:")


def _starting_choice(choices: list[Any], earlier: Any) -> Any:
    """The choice the pointer starts on: the one holding an earlier answer (a step asked
    again), so that Enter keeps it; None when there is none."""
    if earlier is None or isinstance(earlier, (list, bool)):
        return None
    return next((choice for choice in choices if choice.value == earlier), None)


def _choice(title: str) -> str:
    return wrap_choice(clean(title))


def _for_display(step: Step) -> Step:
    """The step with its words made safe to draw: a pack may come from anywhere, and an
    escape sequence or a bidi override in a prompt must not reach the terminal. Only the
    wording changes, so answers are checked exactly as before."""
    return replace(
        step,
        prompt=clean(step.prompt),
        help=clean(step.help) if step.help else None,
        labels={value: clean(label) for value, label in step.labels.items()},
        choice_notes={c: (clean(n), clean(e)) for c, (n, e) in step.choice_notes.items()},
    )
