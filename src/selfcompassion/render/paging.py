"""Long output through a pager, the way git does it.

At a terminal, ``list``, ``search``, ``show`` and ``export`` to the screen hand their
output to ``$PAGER`` (run by the shell, as git does), else to ``less -FRX``: it quits at
once when everything fits on one screen (-F), keeps colours (-R) and leaves the text on
the screen when it quits (-X). Piped or redirected output, ``journal --no-pager``, an
empty ``$PAGER`` or ``PAGER=cat`` print straight to standard output. A pager that cannot
be found is no error: the output is printed as it would be without one.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_PAGER = "less -FRX"


def pager_command(*, allowed: bool = True) -> str | None:
    """The pager to send output through, or None to print it directly (always None when
    not ``allowed``: ``journal --no-pager``)."""
    if not allowed or not sys.stdout.isatty():
        return None
    command = os.environ.get("PAGER", DEFAULT_PAGER).strip()
    try:
        program = shlex.split(command)[0] if command else ""
    except ValueError:
        return None
    if program in ("", "cat") or shutil.which(program) is None:
        return None
    return command


@contextlib.contextmanager
def paged_stream(*, allowed: bool = True) -> Iterator[TextIO]:
    """A text stream to write long output to: standard output itself, or a buffer whose
    text goes to the pager once the block is done (``allowed`` False: never a pager)."""
    command = pager_command(allowed=allowed)
    if command is None:
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    _run_pager(command, buffer.getvalue())


@contextlib.contextmanager
def paged_console(*, allowed: bool = True) -> Iterator[Console]:
    """A Rich console drawing at the terminal's width, through the pager when there is
    one (in colour, as on the terminal)."""
    from . import make_console

    with paged_stream(allowed=allowed) as stream:
        if stream is sys.stdout:
            yield make_console()
        else:
            width = shutil.get_terminal_size().columns
            yield make_console(file=stream, width=width, force_terminal=True)


def _run_pager(command: str, text: str) -> None:
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    # The command is the person's own $PAGER, run by their shell as git runs it.
    pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602
    try:
        pager.communicate(text.encode("utf-8", errors="replace"))
    except BrokenPipeError:
        pass  # the pager was closed before it read everything: that is fine
    except KeyboardInterrupt:
        pager.wait()  # Ctrl-C belongs to the pager; wait until it is done
