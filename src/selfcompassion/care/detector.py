"""Notice words that suggest someone may not be safe, in the words they actually wrote.

The check reads the plain form of the text (see ``care.plain``), blanks out idioms
("this commute is killing me"), then applies the rules in ``rules.toml``: wishes not to live,
plans and preparations, self-harm and hopelessness with no way out, each written as a shape
of sentence rather than a fixed phrase. Guards in ``context`` keep it to the writer, now.
A feeling chosen from a list ("hopeless") counts on its own. A small model takes a second
look when the rules find nothing (``second_look``), and a very confident "no" from it quiets
the rules, but never those of self-harm (``STANDS_WHATEVER_THE_MODEL_SAYS``) nor words in a
sentence that speaks of the writer now.

Negation does not switch it off: "I'm not suicidal" still brings the panel, because people
play down how they feel and the panel costs a moment while a miss can cost far more. The
check runs offline and holds nothing; the rules take well under a millisecond for a journal
answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..language.normalize import normalize
from ..language.spans import first_of_each_stretch
from .context import counts, read_passage, told_in_the_past
from .gate import passes_plain
from .plain import plain_form
from .rules import RuleBook, regex, rule_book

FEELING = "feeling"
#: The rule and kind of a concern the model found (``care.second_look``).
MODEL = "model"
#: Whether the model's second look is part of the check. It is: trained on everyday
#: sentences as well as the risk and hard non-risk ones, it finds 94.8% of the kept-aside
#: risk sentences (the rules alone 72%) and brings the panel for 3.0% of everyday sentences
#: it never saw; docs/safety.md has the figures.
SECOND_LOOK = True
#: The last net (a strong word such as "die" or "dead" right after "i" or "my"), the rule
#: most often fooled by everyday words ("i'd die for a nap", "in my dream i was dying"),
#: gives way when the model scores the answer under ``QUIET_BELOW``.
QUIETED_BY_MODEL = frozenset({"strong-word"})
QUIET_BELOW = 0.02
#: Every other rule gives way only when the model is surer still (stories, other people's
#: words, recovery and jokes score near zero), and only where no sentence holding its words
#: speaks of the writer now (``said_now`` in the rules' guards): the model reads talk of
#: therapy or medicine as recovery even in "i am suicidal and therapy is not helping".
#: Chosen on training batches the model never trained on: the lowest level that quiets the
#: most hard non-risk sentences there and loses no risk sentence (docs/safety.md, "a sure
#: 'no' from the model").
ALL_BUT_SURE_BELOW = 0.002
#: Self-harm stands whatever the model says: told in shorthand ("went to the toilets and
#: did", "i relapsed"), it is where the model is sure and wrong, and a miss costs more than
#: a panel that was not needed.
STANDS_WHATEVER_THE_MODEL_SAYS = frozenset({"self-harm"})


class Concern(NamedTuple):
    """Words that suggest the writer may not be safe: which rule, what kind, and the
    person's own words (as they wrote them) with where they are."""

    rule: str
    kind: str
    words: str
    start: int
    end: int


def find_concerns(
    text: str,
    *,
    feelings: Iterable[str] = (),
    book: RuleBook | None = None,
    model: bool = SECOND_LOOK,
) -> list[Concern]:
    """Every concern in ``text`` (and in the chosen ``feelings``), in order of appearance.

    When no rule finds anything in the text and ``model`` is true (``SECOND_LOOK`` by
    default), the model takes a second look and its concern is the sentence that worried
    it most."""
    book = book or rule_book()
    found = [
        Concern(FEELING, FEELING, feeling, 0, 0)
        for feeling in feelings
        if " ".join(normalize(feeling).text.split()) in book.risk_feelings
    ]
    if not text or not text.strip():
        return found
    from_rules = _rule_concerns(text, book)
    if not model:
        return found + from_rules
    if not from_rules:
        return found + _model_concerns(text, book)
    if {c.rule for c in from_rules} <= QUIETED_BY_MODEL:
        return found + ([] if _model_says_no(text, QUIET_BELOW) else from_rules)
    if any(c.kind in STANDS_WHATEVER_THE_MODEL_SAYS for c in from_rules) or _said_now(
        text, from_rules, book
    ):
        return found + from_rules
    return found + ([] if _model_says_no(text, ALL_BUT_SURE_BELOW) else from_rules)


def _rule_concerns(text: str, book: RuleBook) -> list[Concern]:
    found: list[Concern] = []
    plain = plain_form(text)
    candidates = [rule for rule in book.rules if rule.may_match(plain.text)]
    if not candidates:
        return found
    masked = _mask(plain.text, book)
    matches = [
        (rule, match.span())
        for rule in candidates
        for match in rule.pattern.finditer(masked)
        if match.end() > match.start()
    ]
    if not matches:
        return found
    passage = read_passage(masked, book.guards)
    spans = [
        (start, end, rule.id, rule.kind)
        for rule, (start, end) in matches
        if counts(rule, start, end, passage, book.guards)
    ]
    for start, end, rule_id, kind in sorted(_without_overlaps(spans)):
        first, last = plain.original_span(start, end)
        found.append(Concern(rule_id, kind, text[first:last], first, last))
    return found


def _without_overlaps(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One concern for each stretch of words: a named rule before the last net (whose one
    word the model may quiet: "kill" must not stand in for "kill myself"), then the longest."""
    ordered = sorted(spans, key=lambda s: (s[2] in QUIETED_BY_MODEL, s[0], -s[1]))
    return first_of_each_stretch(ordered, lambda s: (s[0], s[1]))


def _model_concerns(text: str, book: RuleBook) -> list[Concern]:
    from .second_look import second_look

    finding = second_look(text)
    if finding is None:
        return []
    words = plain_form(finding.words).text
    if _told_in_the_past(text, words, book) or _only_in_what_is_blanked(words, book):
        return []
    return [Concern(MODEL, MODEL, finding.words, finding.start, finding.end)]


def _only_in_what_is_blanked(plain_words: str, book: RuleBook) -> bool:
    """Whether the rules blank out part of the sentence (in plain form) as an idiom or as
    safety said now ("i do not want to die anymore") and every word of what is left is
    everyday: with those words blanked, the gate would not let the sentence through."""
    masked = _mask(plain_words, book)
    return masked != plain_words and not passes_plain(masked)


def _told_in_the_past(text: str, plain_words: str, book: RuleBook) -> bool:
    """Whether the sentence the model worried about (in plain form) is told in the past, read
    as the rules read theirs: "i used to wish i would not wake up" counts only with a sign of
    relapse."""
    passage = read_passage(_mask(plain_form(text).text, book), book.guards)
    return told_in_the_past(plain_words, passage, book.guards)


def _said_now(text: str, concerns: list[Concern], book: RuleBook) -> bool:
    """Whether a sentence holding a concern speaks of the writer now ("i am", "still",
    "again"): there the rules stand whatever the model says."""
    from ..language.sentences import sentences  # only an answer a rule finds needs them

    said_now = regex(book.guards.said_now)
    return any(
        any(first <= c.start < last for c in concerns)
        and said_now.search(plain_form(text[first:last]).text)
        for first, last in sentences(text)
    )


def _model_says_no(text: str, below: float) -> bool:
    """Whether the model reads ``text`` and scores it under ``below``: all but sure it is not
    risk language."""
    from .second_look import best

    finding = best(text)
    return finding is not None and finding.probability < below


def _mask(text: str, book: RuleBook) -> str:
    """The text with idioms blanked out (same length, so every position still maps back)."""
    chars = list(text)
    for pattern in book.guards.mask:
        for match in pattern.finditer(text):
            for index in range(*match.span()):
                chars[index] = " "
    return "".join(chars)


def needs_care(text: str, *, feelings: Iterable[str] = ()) -> bool:
    """True when ``text`` or a chosen feeling suggests the writer may not be safe."""
    return bool(find_concerns(text, feelings=feelings))


def crisis_phrases(text: str) -> list[str]:
    """The writer's own words that suggest a crisis, in the order they appear."""
    return [concern.words for concern in find_concerns(text)]


def suggests_crisis(texts: Iterable[str]) -> bool:
    """True if any of ``texts`` contains language that suggests a crisis."""
    return any(needs_care(text) for text in texts)
