"""SIGTERM and SIGHUP inside ``signals_raise``: the exception asked for, then both ignored
until the command has finished stopping; the handlers before are back after a quiet block."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from selfcompassion.stopping import SignalStop, exit_code_of, signals_raise


@pytest.fixture(autouse=True)
def handlers_put_back() -> Iterator[None]:
    before = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    yield
    for number, handler in before.items():
        signal.signal(number, handler)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_raises_and_a_second_one_is_ignored(how: signal.Signals) -> None:
    with pytest.raises(SignalStop) as stopped, signals_raise(SignalStop):
        os.kill(os.getpid(), how)
    assert exit_code_of(stopped.value) == 128 + how
    # A closed terminal's SIGHUP is often passed on again by the shell: while the command
    # keeps its draft and ends, neither signal may end it on the spot.
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    os.kill(os.getpid(), signal.SIGHUP)  # the test process lives on


def test_a_quiet_block_puts_the_handlers_back() -> None:
    def mine(signum: int, frame: object) -> None:
        raise AssertionError("not reached")

    signal.signal(signal.SIGTERM, mine)
    with signals_raise(SignalStop):
        assert signal.getsignal(signal.SIGTERM) is not mine
    assert signal.getsignal(signal.SIGTERM) is mine
    assert exit_code_of(KeyboardInterrupt()) == 130


def test_a_stop_handed_on_is_not_raised() -> None:
    handed: list[BaseException] = []
    with signals_raise(SignalStop, handed.append):
        os.kill(os.getpid(), signal.SIGTERM)
    (stop,) = handed
    assert exit_code_of(stop) == 128 + signal.SIGTERM
