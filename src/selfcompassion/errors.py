"""Errors meant for people.

Domain code raises a JournalError with a message written for the person at the
keyboard; the command line catches it once, prints the message on one line and
exits with the error's code. Nothing else should reach the user as a traceback.
"""

from __future__ import annotations


class JournalError(Exception):
    """A problem the user can understand and act on. Exit code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(JournalError):
    """Something the user typed or supplied cannot be used (bad date, bad answers). Exit 2."""

    exit_code = 2


class AnswerError(InputError):
    """An answer that does not fit its step; names the step."""

    def __init__(self, step_id: str, reason: str) -> None:
        super().__init__(f"step '{step_id}': {reason}")
        self.step_id = step_id
        self.reason = reason


class NoTerminalError(InputError):
    """A flow needs a terminal or scripted answers and has neither."""


class PackError(JournalError):
    """A prompt pack that cannot be used; names the file and the key."""


class StorageError(JournalError):
    """The journal file cannot be opened, read or written."""


class FlowInterrupted(Exception):
    """Ctrl-C, end of input, SIGTERM or SIGHUP during a flow; the answers so far are kept
    as a draft.

    ``typed`` is the step id and the words typed at its prompt when the flow was
    interrupted halfway through an answer, so that the draft keeps them too. ``exit_code``
    is 130 for Ctrl-C and end of input, 128 plus the signal's number for a signal.
    ``kept`` is set by the flow when a draft holds the answers; a question that keeps
    none (re-answering a step, confirming a delete) leaves it False, and the person is
    not told that a draft is waiting."""

    exit_code = 130
    kept = False

    def __init__(
        self, typed: tuple[str, str] | None = None, *, exit_code: int | None = None
    ) -> None:
        super().__init__()
        self.typed = typed
        if exit_code is not None:
            self.exit_code = exit_code
