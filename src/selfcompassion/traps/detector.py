"""Spot common thinking traps in what the inner critic says: the public face of traps/.

``detect_traps(text)`` returns each trap found with the exact words that show it, so the
journal can always say *why* it points at a trap. The rules are read twice:

* as written (``rules_absolutes`` .. ``rules_feelings``): patterns that know about case and
  apostrophes, e.g. a capitalised name before "said" marks reported speech;
* on the plain form (``language.normalize`` plus typo correction of key words), where the
  pattern-type rules of ``rules_plain_*`` meet "im", "dont", "terible" and
  "I'm" alike; spans found there are mapped back to the words the person wrote.

Other people's words (quotations, "my boss said I'm useless") are found on the text as
written and skipped in both readings. Everything runs offline, with no downloads, and gives
the same answer every time. Figures on sentences kept aside from all rule writing are in
tests/data/traps_scores.md.
"""

from __future__ import annotations

from functools import cache

from ..language.normalize import normalize
from ..language.spelling import Speller
from .catalog import TRAPS, Trap, TrapHit
from .rules import PLAIN_RULES, WRITTEN_RULES, Span, rule_spans, without_overlaps
from .speech import excluded_spans
from .words_plain import KEY_WORDS

__all__ = ["TRAPS", "Trap", "TrapHit", "detect_traps", "trap_ids"]

_TRAP_ORDER = {trap_id: index for index, trap_id in enumerate(TRAPS)}


@cache
def _speller() -> Speller:
    return Speller(KEY_WORDS)


def _all_spans(text: str) -> dict[str, list[Span]]:
    """Trap id -> spans of ``text``, from both readings."""
    excluded = excluded_spans(text)
    found = rule_spans(text, WRITTEN_RULES, excluded)
    plain = _speller().respell(normalize(text))
    for trap_id, spans in rule_spans(plain.text, PLAIN_RULES).items():
        for start, end in spans:
            first, last = plain.original_span(start, end)
            if first < last and not any(first < b and a < last for a, b in excluded):
                found.setdefault(trap_id, []).append((first, last))
    return found


def detect_traps(text: str) -> list[TrapHit]:
    """Find thinking traps in ``text``, ordered by where they start.

    Each trap is reported at most once for any stretch of overlapping words; hits inside
    quotations or reported speech are skipped.
    """
    hits: list[TrapHit] = []
    for trap_id, spans in _all_spans(text).items():
        hits.extend(
            TrapHit(trap_id, text[start:end], start, end) for start, end in without_overlaps(spans)
        )
    hits.sort(key=lambda hit: (hit.start, _TRAP_ORDER[hit.trap_id], hit.end))
    return hits


def trap_ids(text: str) -> list[str]:
    """The ids of the traps found in ``text``, each once, in ``TRAPS`` order."""
    present = {hit.trap_id for hit in detect_traps(text)}
    return [trap_id for trap_id in TRAPS if trap_id in present]
