"""Drive questionary in this process: keys go in through a prompt_toolkit pipe."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"


@contextlib.contextmanager
def keyboard(*keys: str) -> Iterator[None]:
    """Everything asked inside the block reads these keys, in order."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        with create_app_session(input=pipe, output=DummyOutput()):
            yield
