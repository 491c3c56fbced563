"""Spot common thinking traps in what the inner critic says: the public face of traps/.

``detect_traps(text)`` returns each trap found with the exact words that show it, so the
journal can always say *why* it points at a trap. Two readers are combined:

* rules (``rules_*.py``, read with the context checks in ``speech.py``): readable patterns for
  the common shapes of each trap; they find the words precisely and handle negation ("I'm not
  a failure"), quotations and reported speech ("my boss said I'm useless" is not the writer
  labelling themselves);
* a small linear model over word and letter n-grams (``model.py``, weights in ``model.bin``)
  trained on labelled sentences, which catches wordings no rule names; its triggering words
  are the n-grams that weighed most for the trap.

Everything runs offline, with no downloads, and gives the same answer every time. Figures on
sentences kept aside from training are in tests/data/traps_scores.md.
"""

from __future__ import annotations

from .catalog import TRAPS, Trap, TrapHit
from .rules import rule_spans, without_overlaps

__all__ = ["TRAPS", "Trap", "TrapHit", "detect_traps", "trap_ids"]

_TRAP_ORDER = {trap_id: index for index, trap_id in enumerate(TRAPS)}


def detect_traps(text: str) -> list[TrapHit]:
    """Find thinking traps in ``text``, ordered by where they start.

    Each trap is reported at most once for any stretch of overlapping words; hits inside
    quotations or reported speech are skipped.
    """
    hits: list[TrapHit] = []
    for trap_id, spans in rule_spans(text).items():
        hits.extend(
            TrapHit(trap_id, text[start:end], start, end) for start, end in without_overlaps(spans)
        )
    hits.sort(key=lambda hit: (hit.start, _TRAP_ORDER[hit.trap_id], hit.end))
    return hits


def trap_ids(text: str) -> list[str]:
    """The ids of the traps found in ``text``, each once, in ``TRAPS`` order."""
    present = {hit.trap_id for hit in detect_traps(text)}
    return [trap_id for trap_id in TRAPS if trap_id in present]
