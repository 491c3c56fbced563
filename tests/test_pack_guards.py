"""Each pack check and each scoring rule pinned on its own (issue 12, item 21): a missing
description, a scale with min equal to max and a check-in rating without a component are
refused by name; reversed statements are flipped within their own scale, whatever it is;
a check-in whose last step is a rated statement counts it."""

from __future__ import annotations

import pytest

from selfcompassion.entries.scoring import score_checkin
from selfcompassion.errors import PackError
from selfcompassion.packs.loader import Pack, parse_pack


def checkin_pack(*statements: dict[str, object], header: dict[str, object] | None = None) -> Pack:
    pack = {
        "name": "mine",
        "title": "Mine",
        "description": "A small check-in.",
        "flow": "checkin",
        **(header or {}),
    }
    steps = [
        {
            "id": f"s{n}",
            "kind": "scale",
            "prompt": f"Statement {n}?",
            "min": 1,
            "max": 5,
            "component": "self-kindness",
            **statement,
        }
        for n, statement in enumerate(statements)
    ]
    return parse_pack(
        {"pack": {k: v for k, v in pack.items() if v is not None}, "steps": steps},
        source="mine.toml",
    )


def test_a_pack_without_a_description_is_refused_by_name() -> None:
    with pytest.raises(PackError, match=r"mine.toml: pack.description"):
        checkin_pack({}, header={"description": None})


@pytest.mark.parametrize("bound", [1, 5])
def test_a_scale_whose_min_equals_its_max_is_refused(bound: int) -> None:
    with pytest.raises(PackError, match=r"steps\[0\] \(.s0.\).max: must be greater than min"):
        checkin_pack({"min": bound, "max": bound})


def test_a_rated_check_in_statement_without_a_component_is_refused() -> None:
    with pytest.raises(PackError, match=r"steps\[1\] \('s1'\).component"):
        checkin_pack({}, {"component": None})


@pytest.mark.parametrize(
    ("low", "high", "answer", "counts_as"),
    [(1, 5, 2, 4), (1, 7, 2, 6), (0, 10, 3, 7), (0, 4, 0, 4), (-2, 2, -1, 1)],
)
def test_a_reversed_statement_is_flipped_within_its_own_scale(
    low: int, high: int, answer: int, counts_as: int
) -> None:
    pack = checkin_pack({"min": low, "max": high, "reverse": True})
    score = score_checkin(pack.steps, {"s0": answer})
    assert score.total == counts_as


def test_the_last_statement_of_a_check_in_is_counted() -> None:
    pack = checkin_pack({}, {}, {"component": "mindfulness"})
    score = score_checkin(pack.steps, {"s0": 1, "s1": 1, "s2": 5})
    assert (score.rated, score.statements) == (3, 3)
    assert score.components["mindfulness"] == 5
    assert score.total == pytest.approx(7 / 3)
