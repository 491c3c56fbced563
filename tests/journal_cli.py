"""Running ``journal`` in-process, through ``main`` (the single exit point), and driving
questionary with keys through prompt_toolkit's pipe input."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_journal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str | None = None,
) -> Run:
    """Run ``journal ARGS`` as a person would, returning its exit code and output."""
    from selfcompassion.cli import main

    monkeypatch.setattr(sys, "argv", ["journal", *args])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main()
    captured = capsys.readouterr()
    code = exit_info.value.code
    return Run(code if isinstance(code, int) else 0, captured.out, captured.err)


@contextlib.contextmanager
def keys(*pressed: str) -> Iterator[None]:
    """Questionary prompts inside this block read ``pressed`` instead of a terminal."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(pressed))
        yield
