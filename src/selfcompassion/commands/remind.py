"""``journal remind``: a gentle, opt-in reminder kept by the person's own scheduler."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .context import OPTIONS, WholeHelpGroup, journal_exists, now

remind_app = typer.Typer(
    cls=WholeHelpGroup,
    help="A gentle reminder to write, at a time you choose (opt-in; off any time).",
    invoke_without_command=True,
)


def _say(line: str) -> None:
    from ..render import print_note

    print_note(line)


def _journal_file() -> Path | None:
    """The journal a reminder should look at, when it is not the default one."""
    import os

    from ..files.paths import DB_ENV, journal_path

    return journal_path(OPTIONS.db) if (OPTIONS.db or os.environ.get(DB_ENV)) else None


def _written_today() -> bool:
    if not journal_exists():
        return False
    from ..files.paths import journal_path
    from ..store.driver import looks_encrypted

    if looks_encrypted(journal_path(OPTIONS.db)):
        return False  # a reminder never asks for the passphrase: it reminds, once a day
    from .context import open_store

    with open_store() as store:
        return bool(store.entries_on(now().date()))


def _due_reminder() -> str | None:
    """Today's gentle line, or None when today is written or was already reminded."""
    from ..reminders.control import mark_reminded, reminded_on
    from ..reminders.notify import gentle_line

    today = now().date()
    if reminded_on() == today:
        return None
    written = _written_today()
    mark_reminded(today)
    return None if written else gentle_line(today.toordinal())


@remind_app.callback()
def remind(
    ctx: typer.Context,
    notify: bool = typer.Option(
        False,
        "--notify",
        help="Show today's reminder as a desktop notification, unless today is already "
        "written or was reminded (the scheduler runs this).",
    ),
    shell_check: bool = typer.Option(
        False,
        "--shell-check",
        help="Print today's reminder line, unless today is already written or was "
        "reminded (the line from journal remind shell runs this).",
    ),
) -> None:
    """A gentle reminder to write: set, status, off, or a line for your shell."""
    if ctx.invoked_subcommand is not None:
        return
    if notify or shell_check:
        line = _due_reminder()
        if line is None:
            return
        if notify:
            from ..reminders.notify import show_notification

            if show_notification(line):
                return
        _say(line)
        return
    remind_status()


@remind_app.command("set")
def remind_set(
    time_text: str = typer.Argument(..., help="The time of day, e.g. 20:30.", metavar="TIME"),
    days: Optional[str] = typer.Option(  # noqa: UP045
        None, "--days", help="Which days: mon-fri, sat,sun or daily (the default).", metavar="DAYS"
    ),
    via: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--via",
        help="The scheduler to use: systemd, cron, launchd or schtasks (found by itself "
        "when not given).",
        metavar="SCHEDULER",
    ),
) -> None:
    """Add a reminder at TIME (or move the one you have)."""
    from ..reminders.control import set_reminder

    state = set_reminder(time_text, days, via, _journal_file())
    _say(
        f"A reminder is set for {state.schedule.time_text}, {state.schedule.days_text}, "
        f"through {state.where}. It stays quiet on days you have already written; "
        "journal remind off removes it."
    )


@remind_app.command("status")
def remind_status() -> None:
    """Say whether a reminder is set, when, and through which scheduler."""
    from ..reminders.control import reminder_state

    state = reminder_state()
    if state.schedule is None:
        _say("No reminder is set. journal remind set 20:30 adds one; it is entirely optional.")
        return
    when = f"{state.schedule.time_text}, {state.schedule.days_text}"
    if state.where is None:
        shown = state.via or "a scheduler"
        _say(
            f"A reminder for {when} was set through {shown}, but it is not there any more; "
            f"journal remind set {state.schedule.time_text} puts it back."
        )
        return
    _say(f"A reminder is set for {when}, through {state.where}.")


@remind_app.command("off")
def remind_off() -> None:
    """Remove the reminder (only the journal's own entry in your scheduler)."""
    from ..reminders.control import turn_off

    if turn_off():
        _say("The reminder is off. journal remind set brings it back whenever you like.")
    else:
        _say("There was no reminder to remove.")


@remind_app.command("shell")
def remind_shell(
    time_text: Optional[str] = typer.Option(  # noqa: UP045
        None, "--at", help="The time of day, when no reminder is set yet.", metavar="TIME"
    ),
    days: Optional[str] = typer.Option(  # noqa: UP045
        None, "--days", help="Which days: mon-fri, sat,sun or daily.", metavar="DAYS"
    ),
) -> None:
    """Print a line for ~/.bashrc or ~/.zshrc: one kind line in a new terminal after the
    chosen time on a day not yet written."""
    import sys

    from ..errors import InputError
    from ..reminders.control import saved_schedule, shell_line
    from ..reminders.timing import make_schedule

    if time_text:
        schedule = make_schedule(time_text, days)
    else:
        found = saved_schedule()
        if found is None:
            raise InputError(
                "no reminder time is set; give one, e.g. journal remind shell --at 20:30"
            )
        schedule = found
    sys.stdout.write(shell_line(schedule, _journal_file()) + "\n")


def register(app: typer.Typer) -> None:
    app.add_typer(remind_app, name="remind")
