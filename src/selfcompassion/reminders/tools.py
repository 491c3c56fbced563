"""Running the scheduler and notifier programs: the only place reminders start a process.

Each program is found on PATH when it is needed, so tests put stand-ins there and nothing
touches a real scheduler. A program that is missing, hangs or fails is reported, not raised.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class ToolResult:
    ok: bool
    output: str
    error: str


def have(program: str) -> bool:
    return shutil.which(program) is not None


def run(args: list[str], *, input_text: str | None = None) -> ToolResult:
    """Run ``args`` and collect what it said; never raises for a missing or failing program."""
    try:
        done = subprocess.run(  # noqa: S603 - fixed programs, arguments are ours
            args,
            input=input_text,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        return ToolResult(False, "", f"{args[0]} was not found")
    except subprocess.TimeoutExpired:
        return ToolResult(False, "", f"{args[0]} did not answer within {TIMEOUT_SECONDS} s")
    except OSError as error:
        return ToolResult(False, "", f"{args[0]} could not be started ({error.strerror})")
    return ToolResult(done.returncode == 0, done.stdout, done.stderr.strip())
