"""The short way an import checks a written answer accepts exactly what the full check
accepts, and anything else goes the full way (which names the problem)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from selfcompassion.portability import reading
from selfcompassion.portability.fields import RecordError

ODD_TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "a\x00b", "\ud800", "é", "x" * 4_001, "step-1", "Step", "-a"]),
)
VALUES = st.one_of(
    ODD_TEXT,
    st.none(),
    st.integers(),
    st.booleans(),
    st.floats(),
    st.sampled_from([1e12, -1e12, 10**12 + 1, 10**400, 3, 0.5, -2]),
    st.lists(st.text(max_size=3)),
)
ANSWERS = st.fixed_dictionaries(
    {
        "step_id": st.one_of(VALUES, st.sampled_from(["went-well", "a" * 64, "a" * 65])),
        "kind": st.one_of(VALUES, st.sampled_from(["text", "long_text", "choice", "scale"])),
        "prompt": VALUES,
        "theme": VALUES,
        "value": VALUES,
        "text": VALUES,
    },
    optional={"extra": st.just(1)},
)


def outcome(check: Any, raw: Any) -> Any:
    try:
        return ("ok", check(raw))
    except RecordError as error:
        return ("refused", error.where, error.reason)


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_the_short_way_agrees_with_the_full_check(raw: dict[str, Any]) -> None:
    assert outcome(reading._answer, raw) == outcome(reading._answer_checked, raw)


def test_a_written_answer_takes_the_short_way() -> None:
    raw = {"step_id": "went-well", "kind": "long_text", "prompt": "What went well?",
           "theme": None, "value": "a walk", "text": "a walk"}  # fmt: skip
    assert reading._answer(raw) == reading._answer_checked(raw)


def test_a_rating_takes_the_short_way(monkeypatch: Any) -> None:
    raw = {"step_id": "mood", "kind": "scale", "prompt": "How is your mood?",
           "theme": "check-in", "value": 7, "text": "7"}  # fmt: skip
    expected = reading._answer_checked(raw)

    def not_called(raw: Any) -> Any:
        raise AssertionError("went the full way")

    monkeypatch.setattr(reading, "_answer_checked", not_called)
    assert reading._answer(raw) == expected
    assert reading._answer({**raw, "value": 2.5}).value == 2.5
