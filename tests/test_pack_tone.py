"""The packs are the product's voice: every shipped pack is read and held to the tone rules.

Each check below is a function that returns the problems it finds, so the same checks run
on every shipped pack (which must have none) and on a deliberately bad pack (which must
have each one), proving that the checks can fail. New packs in ``prompts/`` (the reframe
pack among them) are picked up by the glob without any change here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfcompassion.packs.check import assumes_setback, drawn_prompt_warnings, refers_back
from selfcompassion.packs.loader import (
    CHECKIN_COMPONENTS,
    MAX_PROMPT_CHARS,
    Pack,
    days_without_repeat,
    load_pack_file,
    parse_pack,
    shipped_dir,
)
from selfcompassion.packs.steps import DRAW, SCALE

SHIPPED = sorted(shipped_dir().glob("*.toml"))

#: Blaming or shaming phrasing that never belongs in a prompt, a variant or a help line.
BLAMING = (
    "you failed",
    "why didn't you",
    "why did you",
    "why can't you",
    "why haven't you",
    "should have",
    "should've",
    "shouldn't have",
    "ought to have",
    "lazy",
    "weak",
    "weakness",
    "your fault",
    "no excuse",
    "no excuses",
    "pathetic",
    "stupid",
    "idiot",
    "useless",
    "worthless",
    "you are a failure",
    "you're a failure",
    "such a failure",
    "loser",
    "ashamed of yourself",
    "shame on you",
    "what's wrong with you",
    "get over it",
    "man up",
    "toughen up",
    "not good enough",
    "disappointing",
    "must do better",
    "try harder",
    "you always",
    "you never",
)

DAILY_THEMES = (
    "self-kindness",
    "inner-critic",
    "common-humanity",
    "effort-over-results",
    "learning-from-mistakes",
    "boundaries-and-rest",
    "next-step",
    "gratitude-toward-self",
)
LEADER_THEMES = (
    "listening-before-fixing",
    "one-on-ones",
    "psychological-safety",
    "admitting-mistakes",
    "process-not-personality",
    "clear-expectations-with-care",
    "noticing-burnout",
    "rest-and-routines",
    "one-thing-to-improve",
    "acknowledging-effort",
)
CHECKIN_SIDES = {
    "self-kindness": ("self-kindness", False),
    "self-judgment": ("self-kindness", True),
    "common-humanity": ("common-humanity", False),
    "isolation": ("common-humanity", True),
    "mindfulness": ("mindfulness", False),
    "over-identification": ("mindfulness", True),
}


def texts(pack: Pack) -> Iterator[tuple[str, str]]:
    """Every piece of wording a person reads, with where it comes from."""
    yield "pack.title", pack.title
    yield "pack.description", pack.description
    for step in (*pack.steps, *pack.prompts):
        yield f"{step.id}.prompt", step.prompt
        for index, variant in enumerate(step.variants):
            yield f"{step.id}.variants[{index}]", variant
        if step.help:
            yield f"{step.id}.help", step.help
        for value, label in step.labels.items():
            yield f"{step.id}.labels.{value}", label
        for choice in step.choices:
            yield f"{step.id}.choices", choice


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").casefold().split())


def too_long(pack: Pack) -> list[str]:
    return [
        f"{where}: {len(text)} characters"
        for where, text in texts(pack)
        if where != "pack.description" and len(text) > MAX_PROMPT_CHARS
    ]


def duplicates(pack: Pack) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for step in (*pack.steps, *pack.prompts):
        for wording in (step.prompt, *step.variants):
            key = re.sub(r"\W+", " ", _normal(wording)).strip()
            if key in seen:
                found.append(f"{step.id} repeats {seen[key]}: {wording}")
            seen.setdefault(key, step.id)
    return found


def blaming(pack: Pack) -> list[str]:
    found = []
    for where, text in texts(pack):
        normal = _normal(text)
        for phrase in BLAMING:
            if re.search(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", normal):
                found.append(f"{where}: '{phrase}' in: {text}")
    return found


def missing_themes(pack: Pack, themes: tuple[str, ...], at_least: int) -> list[str]:
    counts = Counter(prompt.theme for prompt in pack.prompts)
    return [
        f"theme '{theme}' has {counts[theme]} prompts, fewer than {at_least}"
        for theme in themes
        if counts[theme] < at_least
    ]


def _pack(name: str) -> Pack:
    return load_pack_file(shipped_dir() / f"{name}.toml")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
class TestEveryShippedPack:
    def test_schema(self, path: Path) -> None:
        pack = load_pack_file(path)
        assert pack.name == path.stem

    def test_nothing_too_long(self, path: Path) -> None:
        assert too_long(load_pack_file(path)) == []

    def test_no_duplicate_prompts(self, path: Path) -> None:
        assert duplicates(load_pack_file(path)) == []

    def test_no_blaming_or_shaming(self, path: Path) -> None:
        assert blaming(load_pack_file(path)) == []


@pytest.mark.parametrize("name", ["daily", "leader"])
def test_no_drawn_prompt_takes_a_bad_day_for_granted(name: str) -> None:
    """Read every drawn prompt of the daily packs: none assumes a setback happened that
    day, and none leans on an answer the draw does not guarantee."""
    assert drawn_prompt_warnings(_pack(name)) == []


@pytest.mark.parametrize(
    "wording",
    [
        "What did today's misstep teach you?",
        "How could today's setback become a push toward something better?",
        "In today's stumble, what was within your control?",
        "Think of a moment today when you were hard on yourself.",
    ],
)
def test_the_setback_check_catches_an_assuming_prompt(wording: str) -> None:
    assert assumes_setback(wording)
    assert not assumes_setback("If something went wrong today, " + wording[0].lower() + wording[1:])


def test_the_setback_check_leaves_general_and_conditional_prompts_alone() -> None:
    for wording in (
        "What helps you learn from a mistake?",
        "Did a small slip today grow into a worst-case story?",
        "Was there a moment today when you felt like the only one finding something hard?",
        "What went well today?",
    ):
        assert not assumes_setback(wording), wording


def test_the_earlier_answer_check_catches_a_leaning_prompt() -> None:
    assert refers_back("You have named what is hard. What is one thing you could do?")
    assert refers_back("What is the smallest version of your next step?")
    assert not refers_back("What could you begin in ten minutes tomorrow?")


def test_every_pack_in_the_folder_is_checked() -> None:
    assert {"daily", "leader", "checkin"} <= {path.stem for path in SHIPPED}
    assert sorted(shipped_dir().glob("*.toml")) == SHIPPED


def test_no_prompt_is_shared_between_packs() -> None:
    owners: dict[str, str] = {}
    shared = []
    for path in SHIPPED:
        for prompt in load_pack_file(path).prompts:
            key = _normal(prompt.prompt)
            if key in owners and owners[key] != path.stem:
                shared.append(f"{path.stem}/{prompt.id} and {owners[key]}")
            owners.setdefault(key, path.stem)
    assert shared == []


def test_daily_themes_and_a_month_without_repeats() -> None:
    daily = _pack("daily")
    assert missing_themes(daily, DAILY_THEMES, at_least=7) == []
    assert set(daily.themes) == set(DAILY_THEMES)
    draw = next(step for step in daily.steps if step.kind == DRAW)
    assert days_without_repeat(daily, draw.count) >= 31


def test_leader_themes() -> None:
    leader = _pack("leader")
    assert missing_themes(leader, LEADER_THEMES, at_least=3) == []
    assert set(leader.themes) == set(LEADER_THEMES)


def test_checkin_has_two_statements_per_side_with_the_right_direction() -> None:
    checkin = _pack("checkin")
    statements = [step for step in checkin.steps if step.kind == SCALE]
    assert len(statements) == 12
    assert Counter(step.theme for step in statements) == dict.fromkeys(CHECKIN_SIDES, 2)
    for step in statements:
        assert (step.component, step.reverse) == CHECKIN_SIDES[str(step.theme)], step.id
        assert (step.min, step.max, step.required) == (1, 5, False)
        assert (step.labels[1], step.labels[5]) == ("almost never", "almost always")
    assert {step.component for step in statements} == set(CHECKIN_COMPONENTS)
    assert "not a validated clinical measure" in checkin.description


BAD_PACK = {
    "pack": {"name": "bad", "title": "Bad", "description": "A pack", "flow": "today"},
    "steps": [
        {"id": "draw", "kind": "draw", "count": 2, "prompt": "Reflections"},
        {
            "id": "close",
            "kind": "text",
            "prompt": "Why didn't you finish?",
            "help": "Be honest. " * 20,
        },
    ],
    "prompts": [
        {"id": "a", "theme": "self-kindness", "prompt": "What went well today?"},
        {"id": "b", "theme": "self-kindness", "prompt": "What went  well today?"},
        {"id": "c", "theme": "self-kindness", "prompt": "Where were you a little lazy?"},
        {"id": "d", "theme": "next-step", "prompt": "What did today's setback teach you?"},
    ],
}


def test_the_checks_catch_a_bad_pack() -> None:
    pack = parse_pack(BAD_PACK, source="bad.toml")
    assert too_long(pack) == ["close.help: 219 characters"]
    assert duplicates(pack) == ["b repeats a: What went  well today?"]
    assert [line.split(":")[0] for line in blaming(pack)] == ["close.prompt", "c.prompt"]
    assert missing_themes(pack, ("self-kindness", "next-step"), at_least=2) == [
        "theme 'next-step' has 1 prompts, fewer than 2"
    ]
    assert [line.split("'")[1] for line in drawn_prompt_warnings(pack)] == ["d"]


def test_the_blaming_list_matches_whole_words_only() -> None:
    pack = parse_pack(
        {
            "pack": {"name": "ok", "title": "Ok", "description": "d", "flow": "today"},
            "steps": [
                {"id": "one", "kind": "text", "prompt": "What did you learn this week?"},
                {
                    "id": "two",
                    "kind": "text",
                    "prompt": "You\u2019re weak? No: why didn\u2019t you rest?",
                },
            ],
        },
        source="ok.toml",
    )
    assert [line.split(":")[0] for line in blaming(pack)] == ["two.prompt", "two.prompt"]
