"""Running ``journal`` in-process and driving questionary with keys: thin names over
``conftest.run_cli`` and ``keys.keyboard`` kept for the tests that use them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import run_cli
from keys import CTRL_C, DOWN, ENTER
from keys import keyboard as keys

__all__ = ["CTRL_C", "DOWN", "ENTER", "Run", "keys", "run_journal"]


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
    result = run_cli(*args, stdin=stdin or "")
    return Run(result.code, result.out, result.err)
