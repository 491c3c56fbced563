"""The care check's rules and guards, as shipped in ``rules.json`` inside the package.

The rules are data so they can be read, reviewed and extended without touching the code that
applies them (people edit ``rules.toml``; ``generate`` writes the JSON). Each rule names a
kind of risk, a pattern over the plain form of the text, and examples the tests hold it to.
Nothing is compiled until a cue word shows it may be needed, so a quiet answer costs a few
substring checks and a flow's first answer does not wait for a hundred regular expressions.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ..language.compiled import Programs, read_cache

#: The compiled form of every pattern below, made by tools/build_patterns.py: a pattern is
#: loaded from it, ready, the first time a cue word calls for it (``language/compiled.py``).
PATTERNS_FILE = "patterns.bin"


@cache
def _shipped() -> Programs:
    return read_cache(Path(__file__).with_name(PATTERNS_FILE))


@cache
def regex(source: str) -> re.Pattern[str]:
    return _shipped().compile(source)


def _may_match(cues: tuple[str, ...], text: str) -> bool:
    return not cues or any(cue in text for cue in cues)


class Rule(NamedTuple):
    id: str
    kind: str
    source: str
    examples: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()  # one of these is in any text the rule matches
    topic: bool = False  # names the subject without saying whose it is ("suicide")
    soft: bool = False  # often said as a joke ("kms lol"): quiet when the text laughs at itself
    own: bool = False  # the writer's own act whoever the sentence names ("for after")
    requires: str | None = None  # counts only in a sentence that also has these
    unless: str | None = None  # does not count in a sentence that has these
    near: str | None = None  # counts only when the words just before match this

    @property
    def pattern(self) -> re.Pattern[str]:
        return regex(self.source)

    def may_match(self, text: str) -> bool:
        return _may_match(self.cues, text)


class Cued(NamedTuple):
    """A guard pattern with the cue words it cannot match without."""

    source: str
    cues: tuple[str, ...] = ()

    def finditer(self, text: str) -> list[re.Match[str]]:
        if not _may_match(self.cues, text):
            return []
        return list(regex(self.source).finditer(text))


class Guards(NamedTuple):
    """What keeps the check to the writer, now (see ``context``). Patterns are sources,
    compiled on first use through ``regex``."""

    mask: tuple[Cued, ...]
    past: tuple[Cued, ...]
    joke: str
    serious: str
    cheer: str
    recovery: str
    relapse: str
    third_party: str
    first_person: str
    self_voice: str
    reported: str
    media: str
    quote_lead: str
    now: str
    said_now: str
    cause: str


class RuleBook(NamedTuple):
    rules: tuple[Rule, ...]
    guards: Guards
    risk_feelings: frozenset[str]

    def only(self, rule_id: str) -> RuleBook:
        """The same book with one rule alone (tests use it to pin each rule)."""
        kept = tuple(rule for rule in self.rules if rule.id == rule_id)
        if not kept:
            raise KeyError(rule_id)
        return RuleBook(kept, self.guards, self.risk_feelings)


def pattern_sources(book: RuleBook) -> list[str]:
    """Every pattern text the book's rules and guards use, in a fixed order: what the build
    step compiles into ``patterns.bin`` (with the gate's, ``gate.source``)."""
    texts: list[str] = []
    for rule in book.rules:
        texts += [t for t in (rule.source, rule.requires, rule.unless, rule.near) if t]
    for value in book.guards:
        texts += [cued.source for cued in value] if isinstance(value, tuple) else [value]
    return list(dict.fromkeys(texts))


def build(document: dict[str, Any]) -> RuleBook:
    """A rule book from the JSON form of the rules."""
    rules = tuple(
        Rule(
            id=entry["id"],
            kind=entry["kind"],
            source=entry["pattern"],
            examples=tuple(entry.get("examples", ())),
            cues=tuple(entry.get("cues", ())),
            topic=bool(entry.get("topic")),
            soft=bool(entry.get("soft")),
            own=bool(entry.get("own")),
            requires=entry.get("requires"),
            unless=entry.get("unless"),
            near=entry.get("near"),
        )
        for entry in document["rules"]
    )
    raw = document["guards"]

    def cued(name: str) -> tuple[Cued, ...]:
        return tuple(Cued(item["pattern"], tuple(item["cues"])) for item in raw[name])

    guards = Guards(
        mask=cued("mask"),
        past=cued("past"),
        joke=raw["joke"],
        serious=raw["serious"],
        cheer=raw["cheer"],
        recovery=raw["recovery"],
        relapse=raw["relapse"],
        third_party=raw["third_party"],
        first_person=raw["first_person"],
        self_voice=raw["self_voice"],
        reported=raw["reported"],
        media=raw["media"],
        quote_lead=raw["quote_lead"],
        now=raw["now"],
        said_now=raw["said_now"],
        cause=raw["cause"],
    )
    return RuleBook(rules, guards, frozenset(document["risk_feelings"]))


def rules_document() -> dict[str, Any]:
    raw = Path(__file__).with_name("rules.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(raw)
    return document


@cache
def rule_book() -> RuleBook:
    """The rules shipped with the package."""
    return build(rules_document())
