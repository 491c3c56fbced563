"""The merge alone, without files or a database: changes in, changes out.

Three devices edit and delete a few items, passing changes to each other in a random
way; then every change ever made is applied to fresh devices in random orders, with
repeats. Every device must end with the same items and the same kept versions, and every
version that was ever current somewhere is either current at the end, kept, or one that
a later version was built on.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from selfcompassion.sync.clock import Clock, Stamp
from selfcompassion.sync.merge import (
    Change,
    Kept,
    Known,
    Outcome,
    Version,
    apply,
    covers,
    decide,
    local_change,
)

DEVICES = ("a" * 32, "b" * 32, "c" * 32)
KEYS = ("k1", "k2", "k3")


class DictItems:
    """merge.Items in dicts."""

    def __init__(self) -> None:
        self.knowns: dict[str, Known] = {}
        self.records: dict[str, dict[str, Any] | None] = {}
        self.kept: dict[str, dict[str, dict[str, Any] | None]] = {}

    def known(self, kind: str, key: str) -> Known:
        return self.knowns.get(key, ())

    def record(self, kind: str, key: str) -> dict[str, Any] | None:
        return self.records.get(key)

    def keep(self, kind: str, key: str, kept: Kept) -> None:
        self.kept.setdefault(key, {})[kept.stamp] = kept.record

    def put(self, kind: str, key: str, record: dict[str, Any] | None) -> None:
        self.records[key] = record

    def settle(self, kind: str, key: str, known: Known, kept: set[str]) -> None:
        self.knowns[key] = known
        self.kept[key] = {s: r for s, r in self.kept.get(key, {}).items() if s in kept}

    def state(self) -> tuple[Any, ...]:
        return (
            sorted((k, repr(v)) for k, v in self.records.items()),
            sorted((k, sorted(v.items(), key=repr)) for k, v in self.kept.items()),
            sorted((k, repr(v)) for k, v in self.knowns.items()),
        )


class Device:
    def __init__(self, name: str) -> None:
        self.name = name
        self.items = DictItems()
        self.clock = Clock(name)
        self.time = 0

    def edit(self, key: str, record: dict[str, Any] | None) -> Change:
        self.time += 1
        stamp = self.clock.tick(self.time).text()
        known = self.items.known("entry", key)
        kept = tuple(Kept(s, r) for s, r in sorted(self.items.kept.get(key, {}).items()))
        change = local_change("entry", key, known, stamp, self.name, record, kept)
        apply(self.items, change)
        return change

    def receive(self, change: Change) -> None:
        self.clock.see(Stamp.parse(change.stamp))
        apply(self.items, change)


operations = st.lists(
    st.tuples(
        st.sampled_from(("edit", "edit", "delete", "pass")),
        st.integers(0, 2),
        st.sampled_from(KEYS),
        st.integers(0, 2),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(operations, st.randoms(use_true_random=False))
def test_every_order_of_every_change_ends_the_same(ops: list[Any], rng: Any) -> None:
    devices = [Device(name) for name in DEVICES]
    made: list[Change] = []
    for number, (what, who, key, to) in enumerate(ops):
        device = devices[who]
        if what == "pass" and made:
            devices[to].receive(rng.choice(made))
        elif what == "edit":
            made.append(device.edit(key, {"text": f"{key} by {who} at {number}"}))
        elif what == "delete":
            made.append(device.edit(key, None))
    if not made:
        return
    for device in devices:  # everyone gets everything, in an order of their own
        for change in rng.sample(made, len(made)):
            device.receive(change)
    fresh = DictItems()
    for change in rng.sample(made, len(made)) + rng.sample(made, len(made) // 2):
        apply(fresh, change)
    states = [repr(device.items.state()) for device in devices] + [repr(fresh.state())]
    assert len(set(states)) == 1
    # Nothing lost: every version made is current, kept, or built on by a later one.
    final = devices[0].items
    for change in made:
        current = final.records.get(change.key) == change.record and change.stamp == max(
            v.stamp for v in final.knowns[change.key]
        )
        kept = change.stamp in final.kept.get(change.key, {})
        built_on = any(
            other.key == change.key
            and other.stamp != change.stamp
            and covers(other.vector, change.vector)
            for other in made
        )
        assert current or kept or built_on, change


def test_a_change_made_at_the_same_time_keeps_the_other_version() -> None:
    a, b = Device(DEVICES[0]), Device(DEVICES[1])
    first = a.edit("k1", {"text": "first"})
    b.receive(first)
    on_a = a.edit("k1", {"text": "edited on a"})
    b.time = 10  # b's wall clock is ahead: its edit is the later one
    on_b = b.edit("k1", {"text": "edited on b"})
    a.receive(on_b)
    b.receive(on_a)
    for device in (a, b):
        assert device.items.records["k1"] == {"text": "edited on b"}
        assert device.items.kept["k1"] == {on_a.stamp: {"text": "edited on a"}}


def stamp(ms: int, device: str) -> str:
    return f"{ms:013d}.0000.{device}"


def test_decisions() -> None:
    a, b = DEVICES[0], DEVICES[1]
    known = (Version(stamp(2, a), {a: stamp(2, a)}),)
    older = Change("entry", "k", stamp(1, a), {a: stamp(1, a)}, None)
    assert decide(known, older) == (Outcome.HAVE, known)
    newer = Change("entry", "k", stamp(3, b), {a: stamp(2, a), b: stamp(3, b)}, None)
    assert decide(known, newer)[0] is Outcome.TAKE and len(decide(known, newer)[1]) == 1
    apart = Change("entry", "k", stamp(3, b), {b: stamp(3, b)}, None)
    assert decide(known, apart)[0] is Outcome.TAKE and len(decide(known, apart)[1]) == 2
    early = Change("entry", "k", stamp(1, b), {b: stamp(1, b)}, None)
    assert decide(known, early)[0] is Outcome.KEEP


def test_the_clock_never_goes_back() -> None:
    clock = Clock(DEVICES[0])
    first = clock.tick(1_000)
    clock.see(Stamp(5_000, 3, DEVICES[1]))
    later = clock.tick(2_000)  # the wall clock is behind what was seen
    assert first < later and (later.wall_ms, later.counter) > (5_000, 3)
    assert Stamp.parse(later.text()) == later


@given(
    st.integers(0, 3_000),
    st.sampled_from((0, 1, 9_997, 9_998, 9_999)),
    st.integers(0, 3_000),
    st.integers(0, 12_000),
)
@settings(max_examples=60, deadline=None)
def test_many_stamps_at_once_are_those_ticked_one_by_one(
    last_ms: int, counter: int, now_ms: int, count: int
) -> None:
    """A first sync stamps its items in one call: the same stamps as one tick each, the
    counter running past its limit into the next millisecond, and the clock left where the
    ticks leave it."""
    one_by_one = Clock(DEVICES[0], Stamp(last_ms, counter, DEVICES[0]))
    at_once = Clock(DEVICES[0], Stamp(last_ms, counter, DEVICES[0]))
    expected = [one_by_one.tick(now_ms).text() for _ in range(count)]
    assert at_once.ticks(now_ms, count) == expected
    assert at_once.last == one_by_one.last
    assert expected == sorted(set(expected))  # every stamp after the one before
