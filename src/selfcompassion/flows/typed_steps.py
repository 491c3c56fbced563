"""Which steps are answered by typing, the words a typed answer starts from, and the hint
shown under such a question ("0 to 100, or Enter to skip.")."""

from __future__ import annotations

from ..packs.steps import DUE_DATE, LONG_TEXT, SCALE, TEXT, Step

#: The hint under a typed answer that starts from words already there.
KEEPS = "Enter keeps what is there; clear the line to leave it out."


def typed_default(step: Step) -> str:
    """The words a typed answer starts from: words half-typed before a pause, or an
    earlier answer (a number as its digits)."""
    if isinstance(step.default, str):
        return step.default
    if isinstance(step.default, int) and not isinstance(step.default, bool):
        return str(step.default)
    return ""


def typing_hint(step: Step) -> str | None:
    """What to type at a step answered by typing ("0 to 100, Enter to skip"), or None
    for a step answered by picking from a list."""
    started = by_typing(step) and bool(typed_default(step))
    if step.kind == SCALE and _wide(step):
        if started and not step.required:
            return f"{step.min} to {step.max}. {KEEPS}"
        return f"{step.min} to {step.max}" + ("." if step.required else ", or Enter to skip.")
    if started and not step.required:
        return KEEPS[0].upper() + KEEPS[1:]
    if by_typing(step) and not step.required and "enter to skip" not in (step.help or "").lower():
        return "Enter to skip."
    return None


def by_typing(step: Step) -> bool:
    return step.kind in (TEXT, LONG_TEXT, DUE_DATE) or (step.kind == SCALE and _wide(step))


def _wide(step: Step) -> bool:
    return step.min is not None and step.max is not None and step.max - step.min > 10
