"""One trap rule: a pattern plus the context checks that keep it from firing wrongly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import FLAGS


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Compile a rule; a plain apostrophe in a rule also matches a curly one."""
    return re.compile(pattern.replace("'", "['\u2019]"), FLAGS)


@dataclass(frozen=True)
class Rule:
    trap_id: str
    pattern: re.Pattern[str]
    # A negation in the few words before the match (same clause) cancels the hit.
    negatable: bool = False
    # If set, the same sentence must also match this for the hit to count.
    requires: re.Pattern[str] | None = None
    # If set and the clause text before the match ends with this, the hit is dropped.
    not_after: re.Pattern[str] | None = None
    # If set and the clause text after the match starts with this, the hit is dropped.
    not_before: re.Pattern[str] | None = None
    # If set and the same sentence matches this, the hit is dropped.
    unless: re.Pattern[str] | None = None
    # ``requires`` and ``unless`` also read the sentence before ("One typo. Whole day wasted.").
    reach_back: bool = False


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
    return Rule(
        trap_id,
        compile_rule(pattern),
        negatable,
        compile_optional(requires),
        compile_optional(not_after),
        compile_optional(not_before),
        compile_optional(unless),
        reach_back,
    )


def compile_optional(pattern: str | None) -> re.Pattern[str] | None:
    return compile_rule(pattern) if pattern else None
