"""Run the real command line inside the test process, the way the installed script does.

This is the one way tests run ``journal`` in process. ``run_cli`` calls the same ``main()``
as the ``journal`` script, so the single exit point (error messages, exit codes) is part
of what is tested, at a fraction of the cost of a new process. ``Journal`` (the
``journal`` fixture of conftest) runs it on a journal file of the test's own, on a
chosen day, with answers written to files. ``run_cli_with_keys`` also drives the
questionary prompts with key presses through prompt_toolkit's pipe input, for the
interactive paths. Tests that need a real terminal use pexpect instead (``*_pty`` tests).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from keys import CTRL_C, DOWN, ENTER, keyboard

__all__ = [
    "CTRL_C",
    "DOWN",
    "ENTER",
    "CliResult",
    "Journal",
    "fixed_clock",
    "run_cli",
    "set_clock",
]

#: The UTC offset of the tests' fixed clock.
TZ = timezone(timedelta(hours=1))


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(*args: str, stdin: bytes | str = b"") -> CliResult:
    """``journal ARGS`` through ``selfcompassion.cli.main``, with stdin as bytes or text."""
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    from selfcompassion.cli import main
    from selfcompassion.commands.context import OPTIONS

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdin
    sys.argv = ["journal", *args]
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    code: int = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    finally:
        sys.argv, sys.stdin = saved
        OPTIONS.db, OPTIONS.debug, OPTIONS.no_pager = None, False, False
    return CliResult(code, out.getvalue(), err.getvalue())


def fixed_clock(day: date, hour: int = 21) -> Callable[[], datetime]:
    """A clock that always says ``hour`` o'clock on ``day``, at UTC+1."""
    moment = datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)
    return lambda: moment


class Journal:
    """``journal ARGS`` run by ``run_cli`` on this test's own journal file (``db``, given to
    the command line as ``SELFCOMPASSION_DB``), on the real day or on a chosen one, with
    answers written to files beside it."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.monkeypatch = monkeypatch
        self.db = folder / "journal" / "journal.db"
        #: The day commands run on when a call names none; None is the real clock.
        self.today: date | None = None
        monkeypatch.setenv("SELFCOMPASSION_DB", str(self.db))

    def __call__(
        self, *args: str, day: date | None = None, hour: int = 21, stdin: bytes | str = b""
    ) -> CliResult:
        day = day or self.today
        if day is None:
            return run_cli(*args, stdin=stdin)
        with pytest.MonkeyPatch.context() as patch:
            set_clock(patch, fixed_clock(day, hour))
            return run_cli(*args, stdin=stdin)

    def answers_file(self, answers: dict[str, Any], name: str = "answers.json") -> str:
        path = self.folder / name
        path.write_text(json.dumps(answers), encoding="utf-8")
        return str(path)

    def reframe(self, answers: dict[str, Any], *extra: str, day: date | None = None) -> CliResult:
        return self("reframe", "--answers", self.answers_file(answers), *extra, day=day)


def set_clock(patch: pytest.MonkeyPatch, clock: Callable[[], datetime]) -> None:
    """Every command reads the time through ``commands.context.now``, imported by name into
    the command modules; each of those names is pointed at ``clock`` (until ``patch`` is
    undone). ``Journal`` does this for a day; a test that needs an exact moment calls it."""
    import selfcompassion.cli  # noqa: F401  (imports every command module)
    from selfcompassion.commands import context

    real = context.now
    for name, module in list(sys.modules.items()):
        if name.startswith("selfcompassion.commands") and getattr(module, "now", None) is real:
            patch.setattr(module, "now", clock)


@contextlib.contextmanager
def terminal_keys(keys: str, screen: io.StringIO | None = None) -> Iterator[None]:
    """The command line inside the block reads ``keys`` as if typed at a terminal
    (``keys.keyboard``), and asks as it would at one."""
    import selfcompassion.flows.asking as asking

    with keyboard(keys, screen=screen), pytest.MonkeyPatch.context() as patch:
        patch.setattr(asking, "require_terminal", lambda command, instead=None: None)
        yield


def run_cli_with_keys(*args: str, keys: str, screen: io.StringIO | None = None) -> CliResult:
    with terminal_keys(keys, screen):
        return run_cli(*args)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder (SQLite's own side files aside) with its content digest."""
    return {
        path.name: digest(path)
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.endswith(("-wal", "-shm", "-journal"))
    }
