"""Drive questionary in this process: keys go in through a prompt_toolkit pipe."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
CLEAR_LINE = "\x15"  # Ctrl-U: the words before the cursor go


@contextlib.contextmanager
def keyboard(*keys: str, screen: io.StringIO | None = None) -> Iterator[None]:
    """Everything asked inside the block reads these keys, in order; what the prompts draw
    goes to ``screen`` (as a VT100 terminal would receive it), or nowhere."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput, Output
    from prompt_toolkit.output.vt100 import Vt100_Output

    output: Output = DummyOutput()
    if screen is not None:
        output = Vt100_Output(screen, lambda: Size(rows=40, columns=120), enable_cpr=False)
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        with create_app_session(input=pipe, output=output):
            yield
