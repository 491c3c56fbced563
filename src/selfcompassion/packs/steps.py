"""What a flow asks, and what counts as a valid answer.

A Step is one question as it is shown: its id, kind, the exact wording and its bounds.
``check_answer`` is the single place that decides whether an answer fits its step, so
the terminal asker and scripted ``--answers`` files accept exactly the same things.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..errors import AnswerError, InputError
from ..text.limits import MAX_ANSWER_CHARS

TEXT = "text"
LONG_TEXT = "long_text"
SCALE = "scale"
CHOICE = "choice"
MULTI = "multi"
CONFIRM = "confirm"
INTENSITIES = "intensities"
DUE_DATE = "date"
DRAW = "draw"

#: Marks a pack may put in a prompt or help where an example date belongs; the flow fills
#: them in from today (``Step.with_dates``).
DATE_AHEAD = "{date_ahead}"
DATE_BEHIND = "{date_behind}"

ANSWER_KINDS = (TEXT, LONG_TEXT, SCALE, CHOICE, MULTI, CONFIRM, INTENSITIES, DUE_DATE)
STEP_KINDS = (*ANSWER_KINDS, DRAW)

#: The answer to a statement about something that may not have happened that week ("After
#: a mistake this week, ..."): kept as given, left out of every score.
NOT_APPLICABLE = "did not come up this week"
#: How a feeling named without a strength reads wherever it is shown.
NOT_RATED = "not rated"
#: The most items a multiple choice or intensity answer may hold.
MAX_ITEMS = 50
# A whole number typed as text; ASCII digits only, and short enough to convert cheaply.
_WHOLE = re.compile(r"-?[0-9]{1,12}")


@dataclass(frozen=True)
class Step:
    id: str
    kind: str
    prompt: str
    help: str | None = None
    required: bool = False
    theme: str | None = None
    min: int | None = None
    max: int | None = None
    labels: Mapping[int, str] = field(default_factory=dict)
    choices: tuple[str, ...] = ()
    other: bool = False
    variants: tuple[str, ...] = ()
    count: int = 0
    component: str | None = None
    reverse: bool = False
    default: Any = None
    #: A rating of something that may not have happened may be answered NOT_APPLICABLE.
    not_applicable: bool = False
    #: A choice's name and a line about it, shown beside the choice: (name, explanation).
    choice_notes: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def with_wording(self, index: int) -> Step:
        """This step with one of its wordings (the prompt or a variant), chosen by index."""
        wordings = (self.prompt, *self.variants)
        return replace(self, prompt=wordings[index % len(wordings)], variants=())

    def with_dates(self, today: date) -> Step:
        """This step with its example dates filled in from ``today``: ``{date_ahead}`` a
        day to come and ``{date_behind}`` one gone by, so that no example ever goes stale."""
        from ..dates import example_date

        examples = {
            DATE_AHEAD: example_date(today, "future"),
            DATE_BEHIND: example_date(today, "past"),
        }

        def fill(text: str) -> str:
            for mark, example in examples.items():
                text = text.replace(mark, example)
            return text

        return replace(
            self,
            prompt=fill(self.prompt),
            help=fill(self.help) if self.help else self.help,
            variants=tuple(fill(variant) for variant in self.variants),
        )

    def as_plan(self) -> dict[str, Any]:
        """The step as ``--plan`` shows it: everything a script needs to answer it."""
        plan: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "required": self.required,
        }
        if self.help:
            plan["help"] = self.help
        if self.theme:
            plan["theme"] = self.theme
        if self.kind in (SCALE, INTENSITIES):
            plan["min"], plan["max"] = self.min, self.max
        if self.not_applicable:
            plan["not_applicable"] = NOT_APPLICABLE
        if self.labels:
            plan["labels"] = {str(k): v for k, v in sorted(self.labels.items())}
        if self.choices:
            plan["choices"] = list(self.choices)
        if self.choice_notes:
            plan["choice_notes"] = {
                choice: {"name": name, "explanation": explanation}
                for choice, (name, explanation) in self.choice_notes.items()
            }
        if self.kind in (CHOICE, MULTI, INTENSITIES):
            plan["other_allowed"] = self.other
        if self.default is not None:
            plan["default"] = self.default
        return plan

    def scale_label(self, value: int) -> str | None:
        return self.labels.get(value)


def _check_text(step: Step, raw: Any) -> str | None:
    if not isinstance(raw, str):
        raise AnswerError(step.id, "expected text")
    text = raw.strip()
    if "\x00" in text:
        raise AnswerError(step.id, "the answer contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise AnswerError(
            step.id, "the answer is not valid text (it holds a lone surrogate)"
        ) from None
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(
            step.id, f"the answer is {len(text):,} characters; the limit is {MAX_ANSWER_CHARS:,}"
        )
    return text or None


def _check_int(step: Step, raw: Any) -> int:
    if isinstance(raw, str) and _WHOLE.fullmatch(raw.strip()):
        raw = int(raw.strip())
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise AnswerError(step.id, f"expected a whole number from {step.min} to {step.max}")
    if step.min is not None and step.max is not None and not step.min <= raw <= step.max:
        raise AnswerError(step.id, f"{raw} is outside {step.min} to {step.max}")
    return raw


def _check_option(step: Step, raw: Any) -> str:
    option = _check_text(step, raw)
    if option is None:
        raise AnswerError(step.id, "expected one of the choices")
    if option not in step.choices and not step.other:
        raise AnswerError(step.id, f"'{option}' is not one of: {', '.join(step.choices)}")
    if len(option) > 200:
        raise AnswerError(step.id, "a choice may be at most 200 characters")
    return option


def _check_multi(step: Step, raw: Any) -> list[str] | None:
    if not isinstance(raw, list):
        raise AnswerError(step.id, "expected a list of choices")
    if len(raw) > MAX_ITEMS:
        raise AnswerError(step.id, f"at most {MAX_ITEMS} choices")
    picked: list[str] = []
    for item in raw:
        option = _check_option(step, item)
        if option not in picked:
            picked.append(option)
    return picked


def _check_intensities(step: Step, raw: Any) -> dict[str, int | None] | None:
    """Each feeling with its strength; a feeling named without one (null) is kept as
    named, unrated."""
    if not isinstance(raw, dict):
        raise AnswerError(
            step.id, 'expected a mapping of feeling to intensity, like {"sad": 60, "tired": null}'
        )
    if len(raw) > MAX_ITEMS:
        raise AnswerError(step.id, f"at most {MAX_ITEMS} feelings")
    checked: dict[str, int | None] = {}
    for name, value in raw.items():
        option = _check_option(step, name)
        checked[option] = None if value is None or value == "" else _check_int(step, value)
    return checked


def _check_due_date(step: Step, raw: Any, today: date) -> str:
    from ..dates import example_date, parse_due_date

    text = _check_text(step, raw)
    if text is None:
        example = example_date(today, "future")
        raise AnswerError(step.id, f"expected a date, like 'friday', 'in 3 days' or '{example}'")
    try:
        return parse_due_date(text, today).isoformat()
    except InputError as error:
        raise AnswerError(step.id, error.message) from None


def check_answer(step: Step, raw: Any, *, today: date) -> Any:
    """Return the answer in its stored form, or None when an optional step is skipped.

    Raises AnswerError naming the step when the answer does not fit.
    """
    value: Any
    if raw is None or raw == "" or raw == [] or raw == {}:
        value = None
    elif step.kind in (TEXT, LONG_TEXT):
        value = _check_text(step, raw)
    elif step.kind == SCALE and step.not_applicable and raw == NOT_APPLICABLE:
        value = NOT_APPLICABLE
    elif step.kind == SCALE:
        value = _check_int(step, raw)
    elif step.kind == CHOICE:
        value = _check_option(step, raw)
    elif step.kind == MULTI:
        value = _check_multi(step, raw)
    elif step.kind == CONFIRM:
        if not isinstance(raw, bool):
            raise AnswerError(step.id, "expected true or false")
        value = raw
    elif step.kind == INTENSITIES:
        value = _check_intensities(step, raw)
    elif step.kind == DUE_DATE:
        value = _check_due_date(step, raw, today)
    else:
        raise AnswerError(step.id, f"cannot answer a step of kind '{step.kind}'")
    if value is None and step.required:
        raise AnswerError(step.id, "this step needs an answer")
    return value


def answer_text(value: Any, step: Step | None = None) -> str:
    """A plain-text rendering of a stored answer, for search, lists and exports; a rating
    keeps the words its scale gives it ("2 (a bit heavy)") so it reads the same later."""
    if value is None:
        return ""
    if step is not None and step.kind == SCALE and isinstance(value, int):
        label = step.scale_label(value)
        if label:
            return f"{value} ({label})"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{name} {NOT_RATED if level is None else level}" for name, level in value.items()
        )
    return str(value)
