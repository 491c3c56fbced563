"""Run the trap rules over a text: where each trap's words are, with the context checks applied."""

from __future__ import annotations

from .rule import Rule
from .rules_absolutes import RULES as ABSOLUTES
from .rules_feelings import RULES as FEELINGS
from .rules_plain_self import RULES as PLAIN_SELF
from .rules_plain_world import RULES as PLAIN_WORLD
from .rules_predictions import RULES as PREDICTIONS
from .rules_verdicts import RULES as VERDICTS
from .speech import clause_prefix, clause_rest, excluded_spans, is_negated, sentence_around

# Written against the words as typed (case, apostrophes); they also run on the plain form.
WRITTEN_RULES: tuple[Rule, ...] = ABSOLUTES + VERDICTS + PREDICTIONS + FEELINGS
# Written against the plain form only (lowercase, contractions spelt out).
PLAIN_RULES: tuple[Rule, ...] = PLAIN_SELF + PLAIN_WORLD

Span = tuple[int, int]


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _fires(rule: Rule, text: str, start: int, end: int) -> bool:
    """Whether a match of ``rule`` at ``start:end`` survives its context checks."""
    prefix = clause_prefix(text, start)
    if rule.negatable and is_negated(prefix):
        return False
    if rule.not_after is not None and rule.not_after.search(prefix):
        return False
    if rule.not_before is not None and rule.not_before.search(clause_rest(text, end)):
        return False
    if rule.requires is not None or rule.unless is not None:
        sentence = sentence_around(text, start, end, rule.reach_back)
        if rule.requires is not None and not rule.requires.search(sentence):
            return False
        if rule.unless is not None and rule.unless.search(sentence):
            return False
    return True


def rule_spans(
    text: str, rules: tuple[Rule, ...], excluded: list[Span] | None = None
) -> dict[str, list[Span]]:
    """Trap id -> the spans of ``text`` the rules matched, outside other people's words."""
    if excluded is None:
        excluded = excluded_spans(text)
    found: dict[str, list[Span]] = {}
    for rule in rules:
        for match in rule.pattern.finditer(text):
            start, end = match.start(), match.end()
            if start == end or _overlaps(start, end, excluded):
                continue
            if _fires(rule, text, start, end):
                found.setdefault(rule.trap_id, []).append((start, end))
    return found


def without_overlaps(spans: list[Span]) -> list[Span]:
    """The spans in order of start, each dropped if it overlaps an earlier, longer one."""
    kept: list[Span] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not _overlaps(start, end, kept):
            kept.append((start, end))
    return kept
