"""Tests for the thinking-trap rules, scored against hand-labelled sentences.

Three sets live in tests/data/:

* traps_corpus.toml: the first corpus the rules were written against;
* traps_tuning.toml: more sentences used to broaden the rules;
* traps_heldout.toml: sentences labelled before any tuning and never used to shape the rules;
  written just before tuning by the same hand, so its phrasings were in mind while the rules
  grew and its score flatters them;
* traps_heldout2.toml: written after the rules were frozen and measured once; its score is the
  honest estimate of how the detector does on new words (except for the few patterns below);
* traps_regressions.toml: known mistakes, found by reading the second held-out set's failures,
  each with fresh wordings and a contrast; every case must come out exactly as labelled.

Scores are micro-averaged over (sentence, trap) pairs; run with ``-s`` to see the per-trap tables.

Since issue 15 these sets, with the independently written shared set (traps_dev.json), are
pooled and split once (bench/traps_data.py); the figures to quote come from the kept-aside
part (tests/test_traps_split.py, tests/data/traps_scores.md). The floors here are the older,
per-set checks, kept as they were.

These tests pin the rules, so they read the rules alone (``second_opinion=False``); the
shipped detector adds the model's second opinion, tested in tests/test_traps_model.py.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from selfcompassion.traps.detector import TRAPS, Trap, TrapHit, detect_traps, trap_ids

DATA = Path(__file__).parent / "data"

Case = dict[str, object]


def rule_ids(text: str) -> list[str]:
    return trap_ids(text, second_opinion=False)


Counts = tuple[int, int, int]  # true positives, false positives, false negatives


def _load(name: str) -> list[Case]:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)["case"]


CORPUS = _load("traps_corpus.toml")
TUNING = _load("traps_tuning.toml")
HELDOUT = _load("traps_heldout.toml")
HELDOUT2 = _load("traps_heldout2.toml")
REGRESSIONS = _load("traps_regressions.toml")
ALL_CASES = CORPUS + TUNING + HELDOUT + HELDOUT2 + REGRESSIONS


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def _score(cases: list[Case]) -> tuple[dict[str, Counts], Counts]:
    counts = {trap_id: [0, 0, 0] for trap_id in TRAPS}
    for case in cases:
        expected = set(case["traps"])  # type: ignore[call-overload]
        found = set(rule_ids(str(case["text"])))
        for trap_id in TRAPS:
            if trap_id in found and trap_id in expected:
                counts[trap_id][0] += 1
            elif trap_id in found:
                counts[trap_id][1] += 1
            elif trap_id in expected:
                counts[trap_id][2] += 1
    per_trap = {trap_id: (tp, fp, fn) for trap_id, (tp, fp, fn) in counts.items()}
    totals = tuple(sum(values[i] for values in per_trap.values()) for i in range(3))
    return per_trap, totals  # type: ignore[return-value]


def _precision_recall(cases: list[Case], title: str) -> tuple[float, float]:
    """Score ``cases``, print the per-trap table and return overall precision and recall."""
    per_trap, (tp, fp, fn) = _score(cases)
    print()
    print(f"{title}: {len(cases)} sentences")
    print(f"{'trap':<22} {'prec':>5} {'rec':>5} {'tp':>4} {'fp':>4} {'fn':>4}")
    for trap_id, (t, f, n) in per_trap.items():
        print(
            f"{trap_id:<22} {_ratio(t, t + f):>5.2f} {_ratio(t, t + n):>5.2f} {t:>4} {f:>4} {n:>4}"
        )
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    print(f"{'overall (micro)':<22} {precision:>5.2f} {recall:>5.2f} {tp:>4} {fp:>4} {fn:>4}")
    return precision, recall


def _check_shape(cases: list[Case], *, size: int, negatives: int, per_trap: int) -> None:
    assert len(cases) >= size
    assert len([case for case in cases if not case["traps"]]) >= negatives
    for case in cases:
        assert isinstance(case["text"], str) and case["text"].strip()
        for trap_id in case["traps"]:  # type: ignore[attr-defined]
            assert trap_id in TRAPS, trap_id
    for trap_id in TRAPS:
        positives = [case for case in cases if trap_id in case["traps"]]  # type: ignore[operator]
        assert len(positives) >= per_trap, trap_id


def test_corpus_shape() -> None:
    _check_shape(CORPUS, size=130, negatives=35, per_trap=8)


def test_tuning_and_heldout_shape() -> None:
    _check_shape(TUNING, size=60, negatives=30, per_trap=6)
    _check_shape(HELDOUT, size=100, negatives=30, per_trap=6)
    _check_shape(HELDOUT2, size=100, negatives=30, per_trap=6)
    texts = [str(case["text"]).casefold() for case in ALL_CASES]
    assert len(texts) == len(set(texts)), "a sentence appears in more than one set"


def test_precision_and_recall_on_corpus() -> None:
    precision, recall = _precision_recall(CORPUS, "corpus")
    assert precision >= 0.85
    assert recall >= 0.75


def test_precision_and_recall_on_tuning_set() -> None:
    precision, recall = _precision_recall(TUNING, "tuning set")
    assert precision >= 0.90
    assert recall >= 0.90


def test_heldout_quality() -> None:
    """Sentences the rules were never tuned on.

    The first held-out set measured 0.95 precision and 0.96 recall, but its phrasings were in
    mind while the rules grew. The second, written after the rules were frozen, measured 0.84
    and 0.49: that is the honest figure, and its floor is that figure less a small margin.
    The fixes pinned in traps_regressions.toml came from reading its failures; it now measures
    0.90 and 0.50, a partly fitted figure (tests/data/traps_scores.md).
    """
    precision, recall = _precision_recall(HELDOUT, "held-out set")
    assert precision >= 0.85
    assert recall >= 0.60
    precision, recall = _precision_recall(HELDOUT2, "second held-out set")
    assert precision >= 0.80
    assert recall >= 0.45


def test_regressions_shape() -> None:
    _check_shape(REGRESSIONS, size=30, negatives=15, per_trap=0)


@pytest.mark.parametrize("case", REGRESSIONS, ids=lambda case: str(case["text"])[:40])
def test_known_mistakes_stay_fixed(case: Case) -> None:
    """Each regression sentence is detected exactly as labelled: no trap missing, none extra."""
    assert set(rule_ids(str(case["text"]))) == set(case["traps"])  # type: ignore[call-overload]


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: str(case["text"])[:40])
def test_spans_map_back_to_text(case: dict[str, object]) -> None:
    text = str(case["text"])
    hits = detect_traps(text, second_opinion=False)
    assert hits == sorted(hits, key=lambda hit: hit.start)
    for hit in hits:
        assert isinstance(hit, TrapHit)
        assert text[hit.start : hit.end] == hit.phrase
        assert hit.phrase
    for trap_id in TRAPS:
        spans = [(h.start, h.end) for h in hits if h.trap_id == trap_id]
        for (_a_start, a_end), (b_start, _b_end) in zip(spans, spans[1:], strict=False):
            assert a_end <= b_start, (trap_id, spans)


def test_spans_point_at_the_words() -> None:
    text = "Honestly, I'm such an idiot for sending that email."
    (hit,) = [h for h in detect_traps(text, second_opinion=False) if h.trap_id == "labelling"]
    assert hit.phrase == "I'm such an idiot"
    assert (hit.start, hit.end) == (10, 27)


def test_curly_apostrophes_count_too() -> None:
    assert "labelling" in rule_ids("I\u2019m such an idiot.")


@pytest.mark.parametrize(
    ("text", "trap_id"),
    [
        ("I'm not a failure, I made a mistake.", "labelling"),
        ("I don't think I'm stupid.", "labelling"),
        ("It isn't a disaster, just a delay.", "catastrophising"),
        ("It's not the end of the world.", "catastrophising"),
        ("It wasn't my fault the server went down.", "personalising"),
        ("I'm not to blame for the weather.", "personalising"),
        ("I don't have to be perfect.", "should-statements"),
    ],
)
def test_negation_switches_off_the_trap(text: str, trap_id: str) -> None:
    assert trap_id not in rule_ids(text)


def test_negation_does_not_hide_a_real_trap() -> None:
    assert "labelling" in rule_ids("I'm a failure.")
    assert "catastrophising" in rule_ids("It's a disaster.")
    assert "labelling" in rule_ids("I can't believe I'm such an idiot.")
    # "not good enough" is itself a harsh label.
    assert "labelling" in rule_ids("I'm not good enough.")


@pytest.mark.parametrize(
    "text",
    [
        'My manager said "you always mess up deadlines" but that was one time.',
        "My sister told me 'you never listen', and I want to understand why.",
        "She said I'm hopeless with numbers, which stung.",
        "My coach said 'this is a disaster' about the pitch.",
        "He said \u201cI'm such an idiot\u201d about his own typo.",
    ],
)
def test_other_peoples_words_are_not_the_writers_trap(text: str) -> None:
    assert rule_ids(text) == []


def test_quote_and_own_words_in_one_entry() -> None:
    text = "She said 'it's a disaster' and I'm such an idiot for believing her."
    assert rule_ids(text) == ["labelling"]


def test_labelling_is_a_verdict_on_a_whole_person() -> None:
    """Name-calling counts whoever it sums up, as in the shared labelled set; a verdict
    someone else is believed to hold is mind-reading, not the writer's label."""
    assert "labelling" in rule_ids("What a loser I am.")
    assert "labelling" in rule_ids("He is an idiot for parking there.")
    assert "labelling" not in rule_ids("He is parking there again.")
    assert rule_ids("My boss thinks I'm incompetent.") == ["mind-reading"]


def test_plans_with_should_are_not_flagged() -> None:
    assert rule_ids("I should call mum at 5.") == []
    assert rule_ids("I should book the room for tomorrow.") == []
    assert rule_ids("I should have the figures ready by Friday.") == []
    assert rule_ids("I should have known better.") == ["should-statements"]


def test_trap_ids_are_unique_and_in_traps_order() -> None:
    text = "I always mess up, I'm an idiot, and it's all my fault. It's a disaster."
    ids = rule_ids(text)
    assert len(ids) == len(set(ids))
    order = list(TRAPS)
    assert ids == sorted(ids, key=order.index)
    assert ids == ["overgeneralising", "labelling", "catastrophising", "personalising"]


def test_empty_and_kind_text() -> None:
    assert detect_traps("") == []
    assert rule_ids("I did my best today and I'm proud of that.") == []


def test_every_trap_has_a_short_warm_explanation() -> None:
    required = {
        "all-or-nothing",
        "overgeneralising",
        "labelling",
        "should-statements",
        "catastrophising",
        "personalising",
        "mind-reading",
        "fortune-telling",
        "discounting-positive",
        "emotional-reasoning",
    }
    assert required <= set(TRAPS)
    for trap_id, trap in TRAPS.items():
        assert isinstance(trap, Trap)
        assert trap.id == trap_id
        assert trap.name
        assert 0 < len(trap.explanation) <= 120
        for harsh in ("you failed", "lazy", "weak", "stupid"):
            assert harsh not in trap.explanation.lower()
