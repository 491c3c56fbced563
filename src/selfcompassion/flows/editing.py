"""Changing a saved entry: in the person's own editor, by asking one step again, or its tags.

The editor gets a temporary 0600 file in a 0700 folder of its own, removed afterwards
whatever happens (signals included, see ``files.temps``), holding every written answer
under a header line with its position and step id. An entry changed elsewhere while the
editor was open is merged with the edit, and an edit that collides with that change is
kept as a copy beside the entry (see ``merging``), never silently lost. The
editor command comes from ``$VISUAL`` or ``$EDITOR``, is split like a shell would split
it (so ``code --wait`` works) but is run directly, never through a shell. Answers that
are ratings or choices are re-asked with ``--step`` instead, with the same widgets and
checks as the flow that first asked them. Figures kept beside the entry (a check-in's
means, a reframe's scores) are worked out again in the same transaction when an answer
they come from changes (see ``derived``).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from ..entries.derived import refigure
from ..entries.finding import merge_tags
from ..entries.merging import Merged, merge_edit
from ..errors import InputError, PackError
from ..files.temps import editor_copy
from ..packs.loader import Pack
from ..packs.loader import load_pack as load_shipped_or_user_pack
from ..packs.steps import INTENSITIES, LONG_TEXT, MULTI, TEXT, Step, answer_text, check_answer
from ..store import Answer, Entry, JournalStore
from ..store.browse import EntryChanged
from .asking import Asker

NOTE = "#:"
_HEADER = re.compile(r"^=== (\d+) ([a-z0-9][a-z0-9_-]*) ===[ \t]*$", re.MULTILINE)
_EDITABLE = (TEXT, LONG_TEXT)

Runner = Callable[[list[str]], int]
PackLoader = Callable[[str], Pack]


#: The tag of the copy that keeps an edit which collided with a change saved meanwhile.
CONFLICT_TAG = "edit-conflict"
#: How often an edit is merged again when the entry keeps changing under it.
MERGE_ATTEMPTS = 5


@dataclass(frozen=True)
class EditOutcome:
    """The entry after the change, or None when nothing changed.

    ``merged``: the entry had been changed elsewhere meanwhile and both changes are in it.
    ``conflict``: both changed the same answers (named); the entry keeps the change saved
    elsewhere and ``entry`` is a new copy holding this edit, tagged CONFLICT_TAG.
    """

    entry: Entry | None
    changed: int = 0
    removed: int = 0
    merged: bool = False
    conflict: tuple[str, ...] = ()


def editor_command(env: Mapping[str, str]) -> list[str]:
    """The editor to run, from $VISUAL or else $EDITOR, split into its words."""
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError as error:
                raise InputError(f"${name} cannot be read ({error}): {value[:60]}") from None
            if words:
                return words
    raise InputError(
        "no editor is set; set $VISUAL or $EDITOR (for example EDITOR=nano), "
        "or re-answer one step with --step"
    )


def run_editor(command: list[str]) -> int:
    """Run the editor on the terminal and wait for it; returns its exit code."""
    try:
        return subprocess.run(command, check=False).returncode  # noqa: S603 - no shell
    except FileNotFoundError:
        raise InputError(f"the editor '{command[0][:60]}' was not found") from None
    except OSError as error:
        raise InputError(f"the editor '{command[0][:60]}' could not start ({error})") from None


def editor_text(entry: Entry, when: str) -> str:
    """The file the editor opens: a note on how it works, then each written answer."""
    lines = [
        f"{NOTE} Editing entry {entry.id[:8]} ({entry.kind}, {when}).",
        f"{NOTE} Change any answer below its prompt, then save and close the editor.",
        f'{NOTE} Lines starting with "{NOTE}" are left out; an answer left empty is removed.',
        f"{NOTE} Keep the === lines as they are.",
    ]
    others = [a for a in entry.answers if a.kind not in _EDITABLE]
    if others:
        lines.append(
            f"{NOTE} Re-answer these with --step: "
            + ", ".join(f"{a.step_id} ({one_line(a.text)})" for a in others)
        )
    for position, answer in enumerate(entry.answers):
        if answer.kind not in _EDITABLE:
            continue
        lines += ["", f"=== {position} {answer.step_id} ==="]
        lines += [f"{NOTE} {line}" for line in (answer.prompt or "(no prompt)").splitlines()]
        lines.append(answer.text)
    return "\n".join(lines) + "\n"


def one_line(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def read_edited(entry: Entry, text: str) -> dict[int, str]:
    """The edited answer texts by position; every header must name an editable answer."""
    found: dict[int, str] = {}
    matches = list(_HEADER.finditer(text))
    for index, match in enumerate(matches):
        position, step_id = int(match.group(1)), match.group(2)
        if (
            position >= len(entry.answers)
            or entry.answers[position].step_id != step_id
            or entry.answers[position].kind not in _EDITABLE
        ):
            raise InputError(
                f"the edited file has a section '=== {position} {step_id} ===' that matches "
                "no answer of this entry; nothing changed"
            )
        if position in found:
            raise InputError(f"the section for '{step_id}' appears twice; nothing changed")
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() : end].splitlines()
        found[position] = "\n".join(line for line in body if not line.startswith(NOTE)).strip()
    return found


def apply_edits(entry: Entry, edited: dict[int, str], today: date) -> tuple[list[Answer], int, int]:
    """The answers after the edits, with how many changed and how many were removed."""
    answers: list[Answer] = []
    changed = removed = 0
    for position, answer in enumerate(entry.answers):
        if position not in edited or edited[position] == answer.text.strip():
            answers.append(answer)
            continue
        step = Step(id=answer.step_id, kind=answer.kind, prompt=answer.prompt)
        value = check_answer(step, edited[position], today=today)
        if value is None:
            removed += 1
            continue
        changed += 1
        answers.append(replace(answer, value=value, text=answer_text(value)))
    return answers, changed, removed


def _save(
    store: JournalStore,
    entry: Entry,
    answers: Sequence[Answer],
    now: datetime,
    *,
    changed: int,
    removed: int,
    load_pack: PackLoader,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
) -> EditOutcome:
    tags = merge_tags(
        entry.tags,
        (a.text for a in entry.answers),
        (a.text for a in answers),
        add_tags,
        remove_tags,
    )
    if not changed and not removed and sorted(tags) == sorted(entry.tags):
        return EditOutcome(None)
    base, mine = entry, (tuple(answers), tuple(tags))
    for _ in range(MERGE_ATTEMPTS):
        also = refigure(base, mine[0], load_pack)
        try:
            saved = store.replace_answers(base, mine[0], mine[1], now, also=also, expected=base)
        except EntryChanged as meanwhile:
            merged = merge_edit(entry, answers, tags, meanwhile.current)
            if merged.collisions:
                return _keep_as_copy(store, entry, answers, tags, now, load_pack, merged)
            base, mine = meanwhile.current, (merged.answers, merged.tags)
            continue
        return EditOutcome(saved, changed, removed, merged=base is not entry)
    raise InputError("the entry keeps changing elsewhere; nothing changed, try again")


def _keep_as_copy(
    store: JournalStore,
    entry: Entry,
    answers: Sequence[Answer],
    tags: Sequence[str],
    now: datetime,
    load_pack: PackLoader,
    merged: Merged,
) -> EditOutcome:
    """Save an edit that collides with a change made meanwhile as a new entry beside the
    original, so neither person's words are lost."""
    also = refigure(replace(entry, answers=()), answers, load_pack)
    copy = store.add_entry(
        kind=entry.kind,
        journal_date=entry.journal_date,
        answers=answers,
        now=now,
        pack=entry.pack,
        tags=[*tags, CONFLICT_TAG],
        also=also,
    )
    return EditOutcome(copy, conflict=merged.collisions)


def edit_in_editor(
    store: JournalStore,
    entry: Entry,
    *,
    now: datetime,
    when: str,
    env: Mapping[str, str] | None = None,
    run: Runner = run_editor,
    load_pack: PackLoader = load_shipped_or_user_pack,
) -> EditOutcome:
    """Open the entry's written answers in the editor and save what changed."""
    if not any(answer.kind in _EDITABLE for answer in entry.answers):
        raise InputError("this entry has no written answers to edit; use --step for the others")
    command = editor_command(os.environ if env is None else env)
    with editor_copy(editor_text(entry, when)) as path:
        code = run([*command, str(path)])
        if code != 0:
            raise InputError(f"the editor stopped with an error (exit {code}); nothing changed")
        try:
            edited_text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError("the edited file is not UTF-8 text; nothing changed") from None
        except OSError as error:
            raise InputError(f"the edited file cannot be read ({error.strerror})") from None
    answers, changed, removed = apply_edits(entry, read_edited(entry, edited_text), now.date())
    return _save(store, entry, answers, now, changed=changed, removed=removed, load_pack=load_pack)


def step_for(entry: Entry, answer: Answer, load_pack: PackLoader) -> Step:
    """The step that first asked this answer, with the wording that was shown. A list of
    picks (feelings, traps) is offered again with the earlier picks ticked, including any
    that the flow offered or the person added in their own words."""
    step: Step | None = None
    if entry.pack:
        try:
            pack = load_pack(entry.pack)
        except PackError:
            pack = None
        if pack is not None:
            step = next((s for s in (*pack.steps, *pack.prompts) if s.id == answer.step_id), None)
    if step is None:
        if answer.kind not in (*_EDITABLE, "confirm"):
            raise InputError(
                f"the step '{answer.step_id}' cannot be asked again: its prompt pack "
                f"'{entry.pack}' is not available"
            )
        step = Step(id=answer.step_id, kind=answer.kind, prompt=answer.prompt)
    asked = replace(step, prompt=answer.prompt or step.prompt, variants=(), required=False)
    if answer.kind in (MULTI, INTENSITIES) and answer.value:
        picked = list(answer.value)
        extra = tuple(name for name in picked if name not in asked.choices)
        # Feelings keep their strengths, so that each is asked again from the earlier one.
        picks: Any = dict(answer.value) if isinstance(answer.value, Mapping) else picked
        asked = replace(asked, choices=(*asked.choices, *extra), default=picks)
    elif answer.text.strip():
        # The earlier answer stays in view while it is answered again, and is where the
        # answer starts (the pointer on it, or its words typed in), so Enter keeps it.
        earlier = f"Your earlier answer: {' '.join(answer.text.split())}"
        help_text = f"{earlier}\n{asked.help}" if asked.help else earlier
        asked = replace(asked, help=help_text, default=answer.value)
    return asked


def reanswer_step(
    store: JournalStore,
    entry: Entry,
    step_id: str,
    asker: Asker,
    *,
    now: datetime,
    load_pack: PackLoader,
) -> EditOutcome:
    """Ask one answered step again and save the new answer: it starts from the earlier
    one, so Enter keeps it; skipping it (or clearing its words) removes it."""
    positions = [i for i, answer in enumerate(entry.answers) if answer.step_id == step_id]
    if not positions:
        known = ", ".join(answer.step_id for answer in entry.answers) or "none"
        raise InputError(f"this entry has no answer for '{step_id[:40]}' (its steps: {known})")
    position = positions[0]
    old = entry.answers[position]
    asked = step_for(entry, old, load_pack).with_dates(now.date())
    value = asker.ask(asked)
    answers = list(entry.answers)
    if value is None:
        del answers[position]
        return _save(store, entry, answers, now, changed=0, removed=1, load_pack=load_pack)
    if value == old.value:
        return EditOutcome(None)
    answers[position] = replace(old, value=value, text=answer_text(value, asked))
    return _save(store, entry, answers, now, changed=1, removed=0, load_pack=load_pack)


def retag(
    store: JournalStore,
    entry: Entry,
    *,
    add: Sequence[str],
    remove: Sequence[str],
    now: datetime,
    load_pack: PackLoader = load_shipped_or_user_pack,
) -> EditOutcome:
    """Add and remove tags without touching the answers."""
    return _save(
        store,
        entry,
        entry.answers,
        now,
        changed=0,
        removed=0,
        load_pack=load_pack,
        add_tags=add,
        remove_tags=remove,
    )
