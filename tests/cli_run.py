"""Run the real command line inside the test process, the way the installed script does.

``run_cli`` calls the same ``main()`` as the ``journal`` script, so the single exit point
(error messages, exit codes) is part of what is tested, at a fraction of the cost of a
new process. ``run_cli_with_keys`` also drives the questionary prompts with key presses
through prompt_toolkit's pipe input, for the interactive paths.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"


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


@contextlib.contextmanager
def terminal_keys(keys: str, screen: io.StringIO | None = None) -> Iterator[None]:
    """Questionary prompts inside the block read ``keys`` as if typed at a terminal; what
    they draw goes to ``screen`` (as a VT100 terminal would receive it), or nowhere."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput, Output
    from prompt_toolkit.output.vt100 import Vt100_Output

    import selfcompassion.flows.asking as asking

    output: Output = DummyOutput()
    if screen is not None:
        output = Vt100_Output(screen, lambda: Size(rows=40, columns=120), enable_cpr=False)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text(keys)
        saved = asking.require_terminal
        asking.require_terminal = lambda command: None
        try:
            yield
        finally:
            asking.require_terminal = saved


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
