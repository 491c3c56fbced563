"""What every command shares: the global options, the clock and opening the journal."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from ..flows.asking import Asker
    from ..flows.checkin import CheckinOutcome, CheckinPlan
    from ..store import JournalStore


class Options:
    """Global options, set once by the top-level callback and read by every command."""

    db: Path | None = None
    debug: bool = False
    no_pager: bool = False


OPTIONS = Options()


@contextlib.contextmanager
def stopping_says(note: str) -> Iterator[None]:
    """Ctrl-C at a question asked outside a flow (a confirmation, a step asked again, the
    offer after saving) leaves no draft to pick up: ``note`` says what became of things
    instead of the pause note about drafts, and the exit code is still that of Ctrl-C."""
    from ..errors import FlowInterrupted
    from ..render import print_note

    try:
        yield
    except FlowInterrupted as stop:
        print_note(f"\n{note}", stderr=True)
        raise typer.Exit(stop.exit_code) from None


def now() -> datetime:
    """The only clock: local time with its UTC offset."""
    return datetime.now().astimezone()


def journal_day(text: str | None, today: date) -> date:
    """The journal day a ``--date`` option names (today when absent); never in the future."""
    if not text:
        return today
    from ..dates import parse_past_date

    return parse_past_date(text, today)


def journal_exists() -> bool:
    from ..files.paths import journal_path

    return journal_path(OPTIONS.db).exists()


def open_store() -> JournalStore:
    """Open the journal, saying on standard error when it was upgraded (and where the
    copy of the earlier version is) or when others can read it."""
    from ..files.paths import data_dir, journal_path
    from ..files.safefiles import protect
    from ..render import print_note
    from ..store import JournalStore
    from ..store.files import loose_files

    protect(journal_path(OPTIONS.db))
    store = JournalStore.open(journal_path(OPTIONS.db))
    if store.upgrade_backup:
        print_note(
            f"journal: upgraded your journal; a copy of the earlier version is at "
            f"{store.upgrade_backup}",
            stderr=True,
        )
    loose = loose_files(store.path, default_folder=data_dir())
    if loose:
        print_note(
            f"journal: warning: {loose[0].describe()} is open to others on this computer; "
            "journal doctor --fix makes the journal private",
            stderr=True,
        )
    return store


def checkin_and_summary(
    store: JournalStore, asker: Asker, plan: CheckinPlan, console: Console, today: date
) -> CheckinOutcome:
    """The weekly check-in (``journal checkin``, or offered after ``journal today``), and
    the summary of a check-in it saved: the score beside the earlier ones."""
    from ..flows.checkin import FLOW, checkin_session
    from ..packs.loader import load_flow_pack
    from ..render.checkin import checkin_summary

    outcome = checkin_session(
        store, asker, plan, clock=now, load_pack=lambda name: load_flow_pack(name, FLOW)
    )
    if outcome.entry is not None and outcome.score is not None:
        previous = store.previous_checkin_scores(outcome.entry)
        console.print(checkin_summary(outcome.entry, outcome.score, previous, today))
    return outcome


def warn_plain_text(store: JournalStore, what: str, *, to_file: bool) -> None:
    """Say once, on standard error, that ``what`` takes words out of an encrypted journal
    as plain text: when it goes to a file, or to anything but the terminal."""
    import sys

    from ..render import print_note

    if store.encrypted and (to_file or not sys.stdout.isatty()):
        print_note(
            f"journal: note: the journal is encrypted, but {what} is plain text: anyone who "
            "can read it can read these words",
            stderr=True,
        )


def answers_option() -> Any:
    """``--answers FILE|-``, the same for every flow."""
    return typer.Option(
        None,
        "--answers",
        help="Answer from a JSON file keyed by step id ('-' for stdin).",
        metavar="FILE",
    )


def plan_option() -> Any:
    """``--plan``, the same for every flow."""
    return typer.Option(False, "--plan", help="Print the steps as JSON and exit.")


def checked_tags(ctx: typer.Context, param: Any, tags: list[str]) -> list[str]:
    """A tag option's values, refused at once (before anything is asked or changed) when
    one is not a tag, rather than left out without a word."""
    from ..entries.finding import given_tags

    given_tags(tags, param.opts[0])
    return tags


def tag_option() -> Any:
    return typer.Option(
        [], "--tag", "-t", help="Add a tag (repeatable).", metavar="TAG", callback=checked_tags
    )


# The filters shared by the commands that choose entries (list, search, export).
SINCE = typer.Option(
    None,
    "--since",
    "-s",
    help="From this day: 'last month', 'monday' or a date (YYYY-MM-DD).",
    metavar="DATE",
)
UNTIL = typer.Option(None, "--until", "-u", help="Up to this day, included.", metavar="DATE")
KIND = typer.Option(
    [], "--kind", "-k", help="Only this kind: daily, reframe, … (repeatable).", metavar="KIND"
)
TAG = typer.Option(
    [], "--tag", "-t", help="Only entries with this tag (repeatable: any of them).", metavar="TAG"
)


class WholeHelpGroup(typer.core.TyperGroup):
    """A command group whose ``--help`` lists each command's description whole, wrapped
    under itself, where click would cut it with "..." to fit one line."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


FORMATS = ("text", "json")


def format_option() -> Any:
    """``--format``: text for people, json for scripts."""
    return typer.Option("text", "--format", help="text or json.", metavar="FORMAT")


def wants_json(format: str) -> bool:
    """Whether ``--format`` asks for JSON; a format that is neither is refused."""
    from ..errors import InputError

    if format not in FORMATS:
        raise InputError(f"unknown format '{format}'; use text or json")
    return format == "json"
