"""The command line: each command parses its options, calls one function and renders.

Only what ``--help`` and ``--version`` need is imported at start-up; everything heavier
(Rich views, questionary, sqlite-utils) is imported inside the command that uses it.
Every JournalError is turned into one line on standard error and an exit code in
``main``, the single exit point; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from pathlib import Path
from typing import Any, Optional, Protocol, runtime_checkable

import typer

from . import __version__
from .commands.context import OPTIONS, WholeHelpGroup

app = typer.Typer(
    name="journal",
    help="A self-coaching journal: daily reflection, kinder reframes of setbacks, weekly trends.",
    cls=WholeHelpGroup,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"journal (selfcompassion) {__version__}\n")
        raise typer.Exit()


#: Commands that never open the journal: no key is worked out for them (``derive_early``
#: loads hashlib and may start scrypt on a thread), so they start as fast as they can.
WITHOUT_JOURNAL = frozenset({"traps", "support"})


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(  # noqa: UP045
        None, "--db", help="Journal file to use (overrides SELFCOMPASSION_DB).", metavar="PATH"
    ),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    no_pager: bool = typer.Option(
        False, "--no-pager", help="Print long output directly instead of through $PAGER."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    OPTIONS.db = db
    OPTIONS.debug = debug
    OPTIONS.no_pager = no_pager
    if ctx.invoked_subcommand is None:
        _greet()
        return
    if ctx.invoked_subcommand in WITHOUT_JOURNAL:
        return
    from .encryption.keys import derive_early
    from .files.paths import journal_path

    derive_early(journal_path(db))


def _greet() -> None:
    """What plain ``journal`` says: where to start, and where help is."""
    names = {command.name for command in app.registered_commands}
    lines = [
        "Welcome to your journal.",
        "",
        "  journal today      a few minutes of reflection on your day",
        "  journal reframe    after a setback: from the critic's words to a kinder view",
    ]
    if "support" in names:
        lines.append("  journal support    if things feel like too much: people to talk to now")
    lines += ["", "journal --help lists every command."]
    sys.stdout.write("\n".join(lines) + "\n")


#: The command modules, in the order ``--help`` lists their commands. Each adds its own
#: commands with ``register(app)`` and imports its heavy parts lazily.
COMMAND_MODULES = (
    "today",
    "reframe",
    "checkin",
    "report",
    "browse",
    "portability",
    "sync",
    "commitments",
    "traps",
    "prompts",
    "config",
    "support",
    "remind",
    "maintenance",
    "encryption",
)


def _register_commands() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.commands.{name}").register(app)


_register_commands()


def _click_classes(name: str) -> tuple[type[BaseException], ...]:
    """``click.exceptions.<name>`` from click itself and, since Typer 0.26, from the copy of
    click that Typer carries (which raises its own usage errors and aborts)."""
    import importlib

    found: list[type[BaseException]] = []
    for module in ("click.exceptions", "typer._click.exceptions"):
        try:
            found.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def _stopped() -> tuple[type[BaseException], ...]:
    """What a person stopping the journal raises: Ctrl-C, Ctrl-D, or click's Abort."""
    return (KeyboardInterrupt, EOFError, *_click_classes("Abort"))


@runtime_checkable
class _UsageFault(Protocol):
    """A usage error from click (or from the click inside Typer)."""

    exit_code: int

    def format_message(self) -> str: ...


def _usage_line(error: _UsageFault) -> str:
    """A usage error in one line, as every other error: what is wrong, then where the
    command's options are described (click's own form takes four lines)."""
    names: list[str] = []
    context = getattr(error, "ctx", None)
    while context is not None and context.parent is not None:  # the root is always journal
        names.insert(0, context.info_name or "")
        context = context.parent
    return f"{error.format_message().rstrip('.')}; see {' '.join(['journal', *names])} --help"


class _ClosedOutput(io.TextIOBase):
    """Standard output when the journal was started without one (``journal list >&-``):
    writing to it fails as writing to a closed descriptor does, and is reported so."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


#: What writing to standard output fails with when it is closed, full or broken.
_WRITE_FAILURES = frozenset(
    {errno.EBADF, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}
)


def _failure_message(error: Exception) -> str:
    """The one line for an error no command turned into a message of its own."""
    if isinstance(error, OSError) and error.filename is None and error.errno in _WRITE_FAILURES:
        return f"could not write the output ({error.strerror})"
    return (
        f"something went wrong inside the journal ({type(error).__name__}); nothing "
        "half-written was kept. Run the same command with --debug for the details."
    )


def _care_presenter() -> Any:
    from .render.care import ConsoleCare

    return ConsoleCare()


#: What a stop that keeps no draft says.
LEFT_OUT = "\nStopped. Anything not yet saved was left out."


def main() -> None:
    """The single exit point: run the app and turn every failure into a message."""
    from .care.presenting import present_with
    from .errors import FlowInterrupted, JournalError

    present_with(_care_presenter)
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stdin is None:  # started with standard input closed: it reads as empty
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115

    try:
        code = app(standalone_mode=False)
    except JournalError as error:
        if OPTIONS.debug:
            raise
        from .render import print_error

        print_error(error.message)
        sys.exit(error.exit_code)
    except FlowInterrupted as stop:
        from .care.moment import StoppedForNow, after_leaving
        from .render import print_note

        stopped = isinstance(stop, StoppedForNow)
        said = LEFT_OUT
        if stop.kept:
            said = (
                ("\nStopped for now." if stopped else "\nPaused.")
                + " Your answers so far are kept as a draft; "
                "run the same command again to pick up where you left off."
            )
        with contextlib.suppress(OSError):  # a closed terminal cannot be told; the draft is kept
            after_leaving(stopped)
            print_note(said, stderr=True)
        sys.exit(stop.exit_code)
    except _stopped():
        from .render import print_note

        print_note(LEFT_OUT, stderr=True)
        sys.exit(130)
    except _click_classes("NoArgsIsHelpError") as error:  # a group named alone: its help
        error.show()  # type: ignore[attr-defined]
        sys.exit(2)
    except _click_classes("ClickException") as error:
        if not isinstance(error, _UsageFault):
            raise
        from .render import print_error

        print_error(_usage_line(error))
        sys.exit(error.exit_code)
    except Exception as error:  # a bug: say so in one line, keep the details for --debug
        if OPTIONS.debug:
            raise
        from .render import print_error

        print_error(_failure_message(error))
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
