"""How a question looks at the terminal: drawn whole, at any width.

questionary draws its message on one line that the terminal cuts at the edge, so the
question and its help are printed above the prompt by Rich, which wraps them at word
boundaries whatever the width; the prompt itself stays short (a mark and a hint). Choices
longer than the terminal are wrapped the same way, with their lines indented under the
first. A typed answer is drawn again the same way once given (``show_answer``), in place of
prompt_toolkit's own line, which wraps inside words.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from typing import Any

from ..packs.steps import Step

#: The mark a question that needs an answer carries; the flow intros explain it.
NEEDED = "(needed)"
#: The short prompt line under a question, where the answer is typed or shown.
PROMPT_MARK = "›"
#: Columns taken by the pointer and shortcut in front of a choice ("» 4) ").
CHOICE_INDENT = 6
#: What questionary puts in front of the description it draws below a list of choices.
DESCRIPTION_LEAD = "  Description: "


def terminal_width() -> int:
    """The terminal's width, never taken as less than 40 columns."""
    return max(40, shutil.get_terminal_size().columns)


def question_block(step: Step, context: str | None = None, hint: str | None = None) -> Any:
    """The question with its help below it, wrapped at words under a hanging "?", and a
    "(needed)" mark when the step needs an answer. ``context`` (an earlier answer the
    question refers to) is shown between the question and its help; ``hint`` (what to
    type) after the help."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    question = Text(step.prompt, style="bold")
    if step.required:
        question.append(f" {NEEDED}", style="dim")
    if context:
        question.append(f"\n{context}", style="italic")
    body: list[Any] = [question]
    if step.help:
        body += help_lines(step.help)
    if hint:
        body.append(Text(hint, style="dim"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(Text("?", style="bold"), Group(*body))
    return grid


def help_lines(help_text: str) -> list[Any]:
    """A question's help, line by line; a line indented in the help (a trap found, under
    the checklist's question) keeps its indent on every line it wraps to."""
    from rich.padding import Padding
    from rich.text import Text

    lines: list[Any] = []
    for line in help_text.split("\n"):
        words = line.lstrip(" ")
        indent = len(line) - len(words)
        shown = Text(words, style="dim")
        lines.append(Padding(shown, (0, 0, 0, indent)) if indent else shown)
    return lines


def _console() -> Any:
    """The asker's own console, with render's settings: no markup guessing, highlighting
    or emoji (the words are Text already, cleaned of control characters), as wide as the
    terminal even when it calls itself dumb."""
    from rich.console import Console

    from ..terminal import console_size

    width, height = console_size(sys.stdout)
    return Console(highlight=False, emoji=False, width=width, height=height)


def show_question(step: Step, context: str | None = None, hint: str | None = None) -> None:
    _console().print(question_block(step, context, hint))


#: How questionary draws an answer given (``answer`` in its default style), kept for the
#: answer drawn again in its place.
ANSWER_STYLE = "bold #ff9d00"


def answer_block(answer: str) -> Any:
    """A typed answer as it stays on screen under its question: after the prompt's mark,
    wrapped at words, its next lines under its first. prompt_toolkit wraps a line where the
    edge falls, inside a word, so the prompt erases itself and this is drawn instead."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(Text(PROMPT_MARK), Text(answer, style=ANSWER_STYLE))
    return grid


def show_answer(answer: str) -> None:
    _console().print(answer_block(answer))


def wrap_choice(title: str, width: int | None = None) -> str:
    """A choice's words folded at word boundaries to fit beside the pointer."""
    room = max(20, (width or terminal_width()) - CHOICE_INDENT - 1)
    if len(title) <= room:
        return title
    return ("\n" + " " * CHOICE_INDENT).join(textwrap.wrap(title, room))


def wrap_description(text: str, width: int | None = None) -> str:
    """A choice's description folded at word boundaries for the line questionary draws
    below the list (after ``DESCRIPTION_LEAD``), its next lines indented two spaces: left
    to the terminal, the line is cut wherever the edge falls, inside a word."""
    room = max(20, (width or terminal_width()) - 1)
    lines = textwrap.wrap(DESCRIPTION_LEAD + text, room, subsequent_indent="  ")
    return "\n".join(lines)[len(DESCRIPTION_LEAD) :]


def kindly(reason: str) -> str:
    """A refusal in plain words, starting with a capital."""
    if reason == "this step needs an answer":
        return "A few words are enough here, whatever comes to mind."
    return reason[0].upper() + reason[1:] if reason else reason
