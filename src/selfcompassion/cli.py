"""The command line: each command parses its options, calls one function and renders.

Only what ``--help`` and ``--version`` need is imported at start-up; everything heavier
(Rich views, questionary, sqlite-utils) is imported inside the command that uses it.
Every JournalError is turned into one line on standard error and an exit code in
``main``, the single exit point; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from . import __version__

if TYPE_CHECKING:
    from .store import JournalStore

app = typer.Typer(
    name="journal",
    help="A self-coaching journal: daily reflection, kinder reframes of setbacks, weekly trends.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
prompts_app = typer.Typer(help="List, show and check prompt packs.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")


class Options:
    """Global options, shared by every command through the Typer context."""

    db: Optional[Path] = None  # noqa: UP045  (Typer reads this annotation style too)
    debug: bool = False


OPTIONS = Options()


def now() -> datetime:
    """The only clock: local time with its UTC offset."""
    return datetime.now().astimezone()


def open_store() -> JournalStore:
    from .paths import journal_path
    from .store import JournalStore

    return JournalStore.open(journal_path(OPTIONS.db))


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"journal (selfcompassion) {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Optional[Path] = typer.Option(  # noqa: UP045
        None, "--db", help="Journal file to use (overrides SELFCOMPASSION_DB).", metavar="PATH"
    ),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    OPTIONS.db = db
    OPTIONS.debug = debug


def journal_day(text: str | None, today: date) -> date:
    if not text:
        return today
    from .dates import parse_past_date

    return parse_past_date(text, today)


@app.command()
def today(
    date_text: Optional[str] = typer.Option(  # noqa: UP045
        None, "--date", "-d", help="Write for another day: yesterday, 'last friday', 2026-11-19."
    ),
    answers: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--answers",
        help="Answer from a JSON file keyed by step id ('-' for stdin).",
        metavar="FILE",
    ),
    plan: bool = typer.Option(False, "--plan", help="Print the day's steps as JSON and exit."),
    pack: Optional[str] = typer.Option(None, "--pack", help="Prompt pack to use."),  # noqa: UP045
    tag: list[str] = typer.Option([], "--tag", "-t", help="Add a tag (repeatable)."),
) -> None:
    """The daily reflection: a check-in, a few rotating prompts and a closing intention."""
    from .asking import QuestionaryAsker, ScriptedAsker, load_answers, require_terminal
    from .flows.today import plan_today, today_session
    from .packs import load_pack
    from .render import entry_view, make_console, print_json, today_summary

    clock_now = now()
    day = journal_day(date_text, clock_now.date())
    chosen = load_pack(pack or "daily")
    day_plan = plan_today(chosen, day)
    if plan:
        print_json(day_plan.as_json())
        return
    if answers is not None:
        asker = ScriptedAsker(load_answers(answers), today=clock_now.date())
    else:
        require_terminal("journal today")
        asker = QuestionaryAsker(today=clock_now.date())
    with open_store() as store:
        outcome = today_session(store, asker, day_plan, clock=now, load_pack=load_pack, tags=tag)
        console = make_console()
        if outcome.entry is not None:
            streak = store.streak(clock_now.date())
            console.print(today_summary(outcome.entry, chosen, streak, clock_now.date()))
        for entry in outcome.show:
            console.print(entry_view(entry, clock_now.date()))
        if outcome.left:
            console.print("Nothing changed. See you when you're ready.")


@prompts_app.command("list")
def prompts_list() -> None:
    """List the available prompt packs."""
    from .packs import load_pack_file, pack_files
    from .render import make_console, packs_table

    packs = [load_pack_file(path) for path in pack_files().values()]
    make_console().print(packs_table(packs))


@prompts_app.command("show")
def prompts_show(
    name: str = typer.Argument(..., help="The pack's name."),
    format: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show every step and prompt of a pack."""
    from .errors import InputError
    from .packs import load_pack
    from .render import make_console, pack_view, print_json

    pack = load_pack(name)
    if format == "json":
        print_json(pack_as_json(pack))
    elif format == "text":
        make_console().print(pack_view(pack))
    else:
        raise InputError(f"unknown format '{format}'; use text or json")


def pack_as_json(pack) -> dict:  # type: ignore[no-untyped-def]
    return {
        "name": pack.name,
        "title": pack.title,
        "description": pack.description,
        "flow": pack.flow,
        "version": pack.version,
        "steps": [
            step.as_plan() | {"count": step.count} if step.count else step.as_plan()
            for step in pack.steps
        ],
        "prompts": [step.as_plan() for step in pack.prompts],
    }


def main() -> None:
    """The single exit point: run the app and turn every known failure into a message."""
    import click

    from .errors import FlowInterrupted, JournalError

    try:
        code = app(standalone_mode=False)
    except JournalError as error:
        if OPTIONS.debug:
            raise
        from .render import print_error

        print_error(error.message)
        sys.exit(error.exit_code)
    except (FlowInterrupted, KeyboardInterrupt, click.exceptions.Abort, EOFError):
        from .render import print_note

        print_note(
            "\nPaused. Your answers so far are kept as a draft; "
            "run the same command again to pick up where you left off.",
            stderr=True,
        )
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
