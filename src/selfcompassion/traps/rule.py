"""One trap rule: a pattern plus the context checks that keep it from firing wrongly."""

from __future__ import annotations

import re
from typing import NamedTuple

from .words import FLAGS


def widen(pattern: str) -> str:
    """A plain apostrophe in a rule also matches a curly one."""
    return pattern.replace("'", "['\u2019]")


def compile_rule(pattern: str) -> re.Pattern[str]:
    return re.compile(widen(pattern), FLAGS)


class Rule(NamedTuple):
    """A rule as written: the pattern texts, compiled together on first use (``rules.py``)."""

    trap_id: str
    pattern: str
    # A negation in the few words before the match (same clause) cancels the hit.
    negatable: bool = False
    # If set, the same sentence must also match this for the hit to count.
    requires: str | None = None
    # If set and the clause text before the match ends with this, the hit is dropped.
    not_after: str | None = None
    # If set and the clause text after the match starts with this, the hit is dropped.
    not_before: str | None = None
    # If set and the same sentence matches this, the hit is dropped.
    unless: str | None = None
    # ``requires`` and ``unless`` also read two sentences before ("One typo. Whole day wasted.").
    reach_back: bool = False

    def texts(self) -> list[str]:
        """Every pattern text the rule needs compiled."""
        optional = (self.requires, self.not_after, self.not_before, self.unless)
        return [self.pattern, *(text for text in optional if text is not None)]


class CompiledRule(NamedTuple):
    trap_id: str
    pattern: re.Pattern[str]
    negatable: bool
    requires: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    reach_back: bool

    @classmethod
    def of(cls, source: Rule, compiled: dict[str, re.Pattern[str]]) -> CompiledRule:
        def get(text: str | None) -> re.Pattern[str] | None:
            return None if text is None else compiled[text]

        return cls(
            source.trap_id,
            compiled[source.pattern],
            source.negatable,
            get(source.requires),
            get(source.not_after),
            get(source.not_before),
            get(source.unless),
            source.reach_back,
        )


def rule(
    trap_id: str,
    pattern: str,
    *,
    negatable: bool = False,
    requires: str | None = None,
    not_after: str | None = None,
    not_before: str | None = None,
    unless: str | None = None,
    reach_back: bool = False,
) -> Rule:
    def optional(text: str | None) -> str | None:
        return None if text is None else widen(text)

    return Rule(
        trap_id,
        widen(pattern),
        negatable,
        optional(requires),
        optional(not_after),
        optional(not_before),
        optional(unless),
        reach_back,
    )
