"""Advice for pack authors: what a pack that loads may still get wrong.

``packs.parse_pack`` refuses a pack that cannot work (the schema). This module looks at a
pack that loads and lists what would make it worse to use: prompts that come back within
a week, wording long enough to wrap awkwardly, the same question twice, a file whose name
differs from the pack's, a daily prompt that takes a bad day for granted or leans on an
answer the day's draw does not guarantee. ``journal prompts check FILE`` prints both.
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


#: Words for something having gone wrong. A daily prompt drawn on any day may use them only
#: conditionally ("If something went wrong today, ..."), or about no day in particular.
_SETBACK = re.compile(
    r"\b(?:mistakes?|missteps?|setbacks?|stumbles?|slips?|went wrong|went sideways|"
    r"did not go|didn't go|hard on yourself|struggles?|struggled|failed|failures?|"
    r"rough moment|trickiest|below hopes|weighing on you)\b",
    re.IGNORECASE,
)
#: A day in particular: today, this week, tonight.
_A_DAY = re.compile(r"\b(?:today|today's|tonight|this week|this week's)\b", re.IGNORECASE)
#: A question that leaves room for nothing having gone wrong.
_CONDITIONAL = re.compile(
    r"\b(?:if|whether|was there|were there|is there|are there|did (?:a|an|any|anything|"
    r"something))\b",
    re.IGNORECASE,
)
#: Phrases that lean on an earlier answer; a drawn prompt may follow any step or none.
_REFERS_BACK = re.compile(
    r"\b(?:you have named|you named|you wrote|as you said|your answer|above|"
    r"your next step|the setback you|the thing you (?:named|wrote))\b",
    re.IGNORECASE,
)


def assumes_setback(wording: str) -> bool:
    """Whether the wording takes it for granted that something went wrong on a given day."""
    return bool(
        _SETBACK.search(wording) and _A_DAY.search(wording) and not _CONDITIONAL.search(wording)
    )


def refers_back(wording: str) -> bool:
    """Whether the wording leans on something the person answered before it."""
    return bool(_REFERS_BACK.search(wording))


def drawn_prompt_warnings(pack: Pack) -> list[str]:
    """A daily pack's drawn prompts come on good days and bad, in any order: none may take
    a setback for granted or lean on an earlier answer."""
    if pack.flow != "today":
        return []
    warnings = []
    for prompt in pack.prompts:
        for wording in (prompt.prompt, *prompt.variants):
            if assumes_setback(wording):
                warnings.append(
                    f"'{prompt.id}' takes a bad day for granted; on a good day it has no "
                    "answer. Ask it conditionally ('If something went wrong today, ...')"
                )
            if refers_back(wording):
                warnings.append(
                    f"'{prompt.id}' leans on an earlier answer, but a drawn prompt may come "
                    "first or after a skipped step; let it stand on its own"
                )
    return warnings


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
    return warnings + drawn_prompt_warnings(pack)


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
