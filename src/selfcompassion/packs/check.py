"""Advice for pack authors: what a pack that loads may still get wrong.

``packs.parse_pack`` refuses a pack that cannot work (the schema). This module looks at a
pack that loads and lists what would make it worse to use: prompts that come back within
a week, wording long enough to wrap awkwardly, the same question twice, a file whose name
differs from the pack's. ``journal prompts check FILE`` prints both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .loader import MAX_PROMPT_CHARS, Pack
from .steps import DRAW, Step

#: Wording longer than this still loads, but wraps to a third line on a narrow terminal.
LONG_PROMPT_CHARS = 140
#: Help text is not limited by the schema; past this it reads as a paragraph.
LONG_HELP_CHARS = MAX_PROMPT_CHARS
DAYS_IN_A_WEEK = 7


def wordings(pack: Pack) -> Iterator[tuple[Step, str]]:
    """Every wording a person may see: each step's and prompt's text and its variants."""
    for step in (*pack.steps, *pack.prompts):
        for wording in (step.prompt, *step.variants):
            yield step, wording


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def pack_warnings(pack: Pack, path: Path | None = None) -> list[str]:
    """What an author may want to change; an empty list means nothing to add."""
    warnings: list[str] = []
    if path is not None and path.stem != pack.name:
        warnings.append(
            f"the file is called '{path.name}' but the pack is named '{pack.name}'; journal "
            f"finds packs by file name, so call the file '{pack.name}.toml'"
        )
    for step in pack.steps:
        if step.kind == DRAW and len(pack.prompts) < DAYS_IN_A_WEEK * step.count:
            days = len(pack.prompts) // step.count
            warnings.append(
                f"step '{step.id}' draws {step.count} a day from {len(pack.prompts)} prompts, "
                f"so prompts come back after {days} day(s); "
                f"{DAYS_IN_A_WEEK * step.count} or more keep a whole week fresh"
            )
    seen: dict[str, str] = {}
    for step, wording in wordings(pack):
        if len(wording) > LONG_PROMPT_CHARS:
            warnings.append(
                f"'{step.id}' is {len(wording)} characters; under {LONG_PROMPT_CHARS} reads "
                "more easily at a terminal"
            )
        key = _key(wording)
        if key in seen:
            warnings.append(f"'{step.id}' repeats the wording of '{seen[key]}'")
        seen.setdefault(key, step.id)
    for step in (*pack.steps, *pack.prompts):
        if step.help and len(step.help) > LONG_HELP_CHARS:
            warnings.append(
                f"the help of '{step.id}' is {len(step.help)} characters; "
                f"keep it under {LONG_HELP_CHARS}"
            )
        if pack.flow != "checkin" and (step.component or step.reverse):
            warnings.append(
                f"'{step.id}' has 'component' or 'reverse', which only checkin packs use"
            )
    return warnings


def pack_summary(pack: Pack) -> str:
    """One line saying what the pack holds."""
    parts = [f"pack '{pack.name}' for journal {pack.flow}", f"{len(pack.steps)} steps"]
    rated = [step for step in pack.steps if step.component]
    if rated:
        parts.append(f"{len(rated)} scored statements")
    if pack.prompts:
        parts.append(f"{len(pack.prompts)} prompts in {len(pack.themes)} themes")
    draws = [step for step in pack.steps if step.kind == DRAW]
    if draws and pack.prompts:
        parts.append(f"no prompt repeats for {len(pack.prompts) // draws[0].count} days")
    return ", ".join(parts)
