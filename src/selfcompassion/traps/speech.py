"""Other people's words, negation and clause limits: the context a trap rule is read in."""

from __future__ import annotations

import re

from ..language.spans import Span
from .rule import compile_rule
from .words import FLAGS

# --- other people's words ---------------------------------------------------------------------

_QUOTED = re.compile(
    r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019(?!\w)|(?<!\w)'.*?'(?!\w)",
)
_REPORTED = re.compile(
    r"\b(?:(?:he|she|they|someone|somebody|everyone|people)|(?:my|our|his|her|their|the|an?)\s+[\w-]+"
    r"|(?-i:[A-Z][a-z]+))\s+(?:\w+\s+){0,2}?(?:said|says|saying|told me|tells me|telling me|told us"
    r"|wrote|replied)\s+(?:(?:outright|plainly|clearly|openly|directly|bluntly|straight out"
    r"|to my face)\s+)?(?:(?:that|if|when|unless)\s+)?(?=(?:I|you|we|he|she|they)\b)"
    # what someone keeps saying is theirs, whatever follows: "Dad keeps saying the farm will go
    # under"
    r"|\b(?:(?:he|she|they|someone|somebody|everyone|people)|(?:my|our|his|her|their|the)\s+[\w-]+"
    r"|(?-i:[A-Z][a-z]+))\s+(?:keeps|kept|always)\s+(?:saying|telling (?:me|us|everyone)|says)"
    r"\s+(?:that\s+)?",
    FLAGS,
)
# "so" starts a new clause when a subject follows ("he hasn't replied so she obviously ...").
_CLAUSE_END = re.compile(
    r"[.!?;,]|\bbut\b|\bso\b(?=\s+(?:i|he|she|they|we|you|it|my|everyone)\b)", FLAGS
)
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans holding someone else's words: quotations and reported speech."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for m in _REPORTED.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        last = end.start() if end else len(text)
        # Up to the last word: a span ending in a space would take in the next word ("but")
        # once mapped back to the words as written.
        spans.append((m.end(), max(m.end(), len(text[:last].rstrip()))))
    return spans


# --- negation -----------------------------------------------------------------------------------

# "not", "never", "no", "-n't", or a verdict withheld ("without deciding I'm a failure"), a
# few words before the match.
_NEGATOR = r"(?:\b(?:not|never|no)\b|n't\b)"
_A_WORD = r"(?:\s+\w+(?:'\w+)?)"
_NEGATION = compile_rule(
    r"(?:" + _NEGATOR + r"|\bwithout\s+(?:deciding|thinking|believing|concluding"
    r"|calling\s+myself|telling\s+myself|making\s+it|calling\s+it)\b)" + _A_WORD + r"{0,3}\s*$"
)
_NOT_A_NEGATION = compile_rule(r"\b(?:can't|cannot|can not|couldn't) (?:believe|stop|help)\b")
# A condition that runs on into what follows it without a comma ("if this isn't perfect my
# career is over"): a negation with words after it there is the condition's own, and the
# clause that follows, opening with its subject, is not negated by it.
_CONDITION = compile_rule(
    r"^\s*(?:(?:and|but|so)\s+)?(?:if|unless)\b.*" + _NEGATOR + _A_WORD + r"{1,3}\s*$"
)
_OPENS_A_CLAUSE = compile_rule(
    r"^(?:my|our|his|her|their|the|this|that|it|I|we|they|he|she|everything|everyone)\b"
)


def clause_prefix(text: str, start: int) -> str:
    """The text between the last clause boundary and ``start``."""
    boundary = 0
    for m in _CLAUSE_END.finditer(text):
        if m.end() > start:
            break
        boundary = m.end()
    return text[boundary:start]


def clause_rest(text: str, end: int) -> str:
    """The text between ``end`` and the next clause boundary."""
    boundary = _CLAUSE_END.search(text, end)
    return text[end : boundary.start() if boundary else len(text)]


def is_negated(prefix: str, match: str = "") -> bool:
    """Whether a negation in ``prefix`` (the clause before a match) cancels ``match``."""
    if not _NEGATION.search(prefix) or _NOT_A_NEGATION.search(prefix):
        return False
    return not (_CONDITION.search(prefix) and _OPENS_A_CLAUSE.search(match))


def sentence_bounds(text: str, start: int, end: int, reach_back: bool = False) -> Span:
    """Where the sentence holding ``start:end`` is (from two sentences before if
    ``reach_back``)."""
    lefts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    left = lefts[max(len(lefts) - 3, 0)] if reach_back else lefts[-1]
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.end() if right_match else len(text)


def sentence_around(text: str, start: int, end: int, reach_back: bool = False) -> str:
    """The sentence holding ``start:end`` (with the two before it if ``reach_back``)."""
    left, right = sentence_bounds(text, start, end, reach_back)
    return text[left:right]
