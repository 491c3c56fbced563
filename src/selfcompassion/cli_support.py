"""What every command shares: the global options, the clock and opening the journal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from .store import JournalStore


class Options:
    """Global options, set once by the top-level callback and read by every command."""

    db: Path | None = None
    debug: bool = False


OPTIONS = Options()


def now() -> datetime:
    """The only clock: local time with its UTC offset."""
    return datetime.now().astimezone()


def open_store() -> JournalStore:
    from .paths import journal_path
    from .store import JournalStore

    return JournalStore.open(journal_path(OPTIONS.db))


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


def tag_option() -> Any:
    return typer.Option([], "--tag", "-t", help="Add a tag (repeatable).", metavar="TAG")
