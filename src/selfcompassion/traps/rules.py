"""Run the trap rules over a text: where each trap's words are, with the context checks applied."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..language.compiled import Source, compile_all
from ..language.spans import Span, first_of_each_stretch, overlaps, trimmed
from .guard_texts import GUARD_TEXTS
from .label_texts import PATTERN_TEXTS as NOT_A_LABEL
from .rule import CompiledRule, Rule, widen
from .rules_absolutes import RULES as ABSOLUTES
from .rules_feelings import RULES as FEELINGS
from .rules_plain_blame import RULES as PLAIN_BLAME
from .rules_plain_self import RULES as PLAIN_SELF
from .rules_plain_world import RULES as PLAIN_WORLD
from .rules_predictions import RULES as PREDICTIONS
from .rules_verdicts import RULES as VERDICTS
from .speech import clause_prefix, clause_rest, excluded_spans, is_negated, sentence_around
from .words import BOX_CHOSEN, FLAGS, NAMED_CONCLUSION, PROOF_WORDS, TWO_BOXES
from .words_answers import ANSWER

# Written against the words as typed (case, apostrophes); they also run on the plain form.
WRITTEN_RULES: tuple[Rule, ...] = ABSOLUTES + VERDICTS + PREDICTIONS + FEELINGS
# Written against the plain form only (lowercase, contractions spelt out).
PLAIN_RULES: tuple[Rule, ...] = PLAIN_SELF + PLAIN_BLAME + PLAIN_WORLD
# The compiled form of every pattern, made by tools/build_patterns.py (language/compiled.py).
PATTERNS_FILE = "patterns.bin"


def pattern_sources() -> list[Source]:
    """Every distinct pattern text the rules use, in a fixed order, with its flags, and the
    model guards' patterns as they are written."""
    texts = dict.fromkeys(text for rule in WRITTEN_RULES + PLAIN_RULES for text in rule.texts())
    extra = (
        widen(text)
        for text in (ANSWER, PROOF_WORDS, NAMED_CONCLUSION, TWO_BOXES, BOX_CHOSEN, *NOT_A_LABEL)
    )
    return [(text, FLAGS) for text in dict.fromkeys((*texts, *extra, *GUARD_TEXTS))]


@cache
def _compiled() -> dict[str, re.Pattern[str]]:
    """Every pattern of ``pattern_sources`` by its text, compiled once."""
    sources = pattern_sources()
    patterns = compile_all(sources, Path(__file__).with_name(PATTERNS_FILE))
    return {text: pattern for (text, _flags), pattern in zip(sources, patterns, strict=True)}


def compiled_pattern(text: str) -> re.Pattern[str]:
    """One of the patterns ``pattern_sources`` adds to the rules' (the writer's answer, the
    not-a-label checks), by its text as written, from the shipped compiled file."""
    return _compiled()[widen(text)]


def guard_pattern(text: str) -> re.Pattern[str]:
    """One of the model guards' patterns (``model_guards.py``), by its exact text."""
    return _compiled()[text]


def answer_pattern() -> re.Pattern[str]:
    """The writer's own answer to a thought (``answered.py``)."""
    return compiled_pattern(ANSWER)


def proof_pattern() -> re.Pattern[str]:
    """The words that make a feeling proof (``feeling_proof.py``)."""
    return compiled_pattern(PROOF_WORDS)


def named_conclusion_pattern() -> re.Pattern[str]:
    """A feeling's conclusion naming what the writer is ("so I must be one")."""
    return compiled_pattern(NAMED_CONCLUSION)


def box_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the two boxes of all-or-nothing thinking, the writer choosing one): ``two_boxes.py``."""
    return compiled_pattern(TWO_BOXES), compiled_pattern(BOX_CHOSEN)


@cache
def compiled_rules() -> tuple[tuple[CompiledRule, ...], tuple[CompiledRule, ...]]:
    """(rules read as written, rules read in the plain form), compiled once."""
    by_text = _compiled()
    return (
        tuple(CompiledRule.of(rule, by_text) for rule in WRITTEN_RULES),
        tuple(CompiledRule.of(rule, by_text) for rule in PLAIN_RULES),
    )


def _fires(rule: CompiledRule, text: str, start: int, end: int) -> bool:
    """Whether a match of ``rule`` at ``start:end`` survives its context checks."""
    prefix = clause_prefix(text, start)
    if rule.negatable and is_negated(prefix, text[start:end]):
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
    text: str, rules: tuple[CompiledRule, ...], excluded: list[Span] | None = None
) -> dict[str, list[Span]]:
    """Trap id -> the spans of ``text`` the rules matched, outside other people's words."""
    if excluded is None:
        excluded = excluded_spans(text)
    found: dict[str, list[Span]] = {}
    for rule in rules:
        for match in rule.pattern.finditer(text):
            start, end = match.start(), match.end()
            if start == end or overlaps(start, end, excluded):
                continue
            if _fires(rule, text, start, end):
                # (a rule may take in the spaces that start a sentence, words.SENTENCE_START;
                # the words shown start at the first letter)
                found.setdefault(rule.trap_id, []).append(trimmed(text, start, end))
    return found


def without_overlaps(spans: list[Span]) -> list[Span]:
    """The spans in order of start, each dropped if it overlaps an earlier, longer one."""
    return first_of_each_stretch(sorted(spans, key=lambda span: (span[0], -span[1])), _itself)


def _itself(span: Span) -> Span:
    return span
