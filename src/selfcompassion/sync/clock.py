"""A hybrid logical clock: stamps that follow the wall clock but never go backwards, and
that come after every stamp a device has seen, whatever the clocks of the others say.

A stamp is text that sorts in time order: milliseconds since 1970 (13 digits), a counter
for changes in the same millisecond (4 digits) and the device id, which breaks ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STAMP = re.compile(r"^(\d{13})\.(\d{4})\.([0-9a-f]{32})$")
#: The counter's limit; past it, the clock moves to the next millisecond.
MAX_COUNTER = 9_999


def stamp_text(wall_ms: int, counter: int, device: str) -> str:
    return f"{wall_ms:013d}.{counter:04d}.{device}"


def advance(wall_ms: int, counter: int, now_ms: int) -> tuple[int, int]:
    """The wall time and counter of the stamp that comes next after (``wall_ms``,
    ``counter``) for a change made at ``now_ms``."""
    if now_ms > wall_ms:
        return now_ms, 0
    if counter < MAX_COUNTER:
        return wall_ms, counter + 1
    return wall_ms + 1, 0


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def text(self) -> str:
        return stamp_text(self.wall_ms, self.counter, self.device)

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """A stamp from its text; ValueError when it is not one."""
        found = STAMP.match(text) if isinstance(text, str) else None
        if not found:
            raise ValueError(f"'{str(text)[:60]}' is not a change stamp")
        return cls(int(found.group(1)), int(found.group(2)), found.group(3))


class Clock:
    """One device's clock; ``last`` is the newest stamp it has made or seen."""

    def __init__(self, device: str, last: Stamp | None = None) -> None:
        self.device = device
        self.last = last or Stamp(0, 0, device)

    def tick(self, now_ms: int) -> Stamp:
        """A stamp for a change made here now: after everything seen so far."""
        self.last = Stamp(*advance(self.last.wall_ms, self.last.counter, now_ms), self.device)
        return self.last

    def ticks(self, now_ms: int, count: int) -> list[str]:
        """The texts of ``count`` stamps ticked one after another now, the same as ``tick``
        makes, with no ``Stamp`` for each (a first sync stamps every item it sends)."""
        wall, counter, device = self.last.wall_ms, self.last.counter, self.device
        texts = []
        for _ in range(count):
            wall, counter = advance(wall, counter, now_ms)
            texts.append(stamp_text(wall, counter, device))
        if count:
            self.last = Stamp(wall, counter, device)
        return texts

    def see(self, stamp: Stamp) -> None:
        """Take in a stamp from another device, so that later ticks come after it."""
        if (stamp.wall_ms, stamp.counter) > (self.last.wall_ms, self.last.counter):
            self.last = Stamp(stamp.wall_ms, stamp.counter, self.device)
