"""Spot common thinking traps in what the inner critic says: the public face of traps/.

``detect_traps(text)`` returns each trap found with the exact words that show it, so the
journal can always say *why* it points at a trap. Two sets of rules read the text:

* ``rules_absolutes`` .. ``rules_feelings`` read it as written: patterns that know about case
  and apostrophes (a word typed without its apostrophe, "doesnt", "theyll", gets it back,
  and "ill" where a clause starts reads "I'll": ``plain.written_form``);
* ``rules_plain_*`` read the plain form (``language.normalize`` plus typo correction of key
  words), where "im", "Im", "I'm" and "I am" are one thing and "terible" is "terrible"; they
  name pattern types (a subject and a harsh verdict, a future marker and a bad outcome), and
  their spans are mapped back to the words the person wrote.

Other people's words (quotations, "my boss said I'm useless") are found in both forms and
skipped by every rule. A label a feeling taken as proof restates ("I feel lazy, so I am
lazy") is that emotional reasoning, not a second trap (``feeling_proof.py``); a harsh word or
a ruin that is one of all-or-nothing thinking's two boxes ("either I'm brilliant or I'm
useless") is that thinking, not a second trap (``two_boxes.py``).

Beside the rules, a small model gives a second opinion (``learned.py``): a trap is ticked
when the rules find it or the model's probability is above its threshold, and a trap only
the model ticks shows the words whose absence lowers that probability most. Where the model
is all but sure the text holds no trap at all, the rules give way. Everything runs
offline, with no downloads, and gives the same answer every time. Figures on sentences kept
aside from all rule writing and training are in tests/data/traps_scores.md.
"""

from __future__ import annotations

from ..language.normalize import Normalized
from ..language.spans import Span, overlaps
from .answered import answered_spans, is_answered
from .catalog import TRAPS, Trap, TrapHit
from .feeling_proof import without_conclusions
from .plain import plain_form, written_form
from .rules import compiled_rules, rule_spans, without_overlaps
from .speech import excluded_spans
from .two_boxes import without_boxed_traps

__all__ = ["TRAPS", "Trap", "TrapHit", "detect_traps", "trap_ids"]

_TRAP_ORDER = {trap_id: index for index, trap_id in enumerate(TRAPS)}


def _all_spans(text: str) -> dict[str, list[Span]]:
    """Trap id -> spans of ``text``, from both readings, outside what the writer answers
    (``answered.py``)."""
    plain = plain_form(text)
    # Other people's words, found as written (a capitalised name before "said") and in the
    # plain form ("my boss said im useless"), as spans of the text as written.
    excluded = excluded_spans(text) + [
        plain.original_span(start, end) for start, end in excluded_spans(plain.text)
    ]
    written_rules, plain_rules = compiled_rules()
    written = written_form(text)
    if written.text == text:
        found = rule_spans(text, written_rules, excluded)
    else:
        found = _mapped(written, rule_spans(written.text, written_rules), excluded, {})
    found = _mapped(plain, rule_spans(plain.text, plain_rules), excluded, found)
    answered = answered_spans(text)
    if answered:
        found = {
            trap_id: kept
            for trap_id, spans in found.items()
            if (kept := [span for span in spans if not is_answered(span[0], answered)])
        }
    return without_boxed_traps(text, without_conclusions(text, found))


def _mapped(
    form: Normalized,
    spans: dict[str, list[Span]],
    excluded: list[Span],
    found: dict[str, list[Span]],
) -> dict[str, list[Span]]:
    """``found`` with ``spans`` of ``form``'s text added as spans of the text as written,
    unless they fall in other people's words."""
    for trap_id, in_form in spans.items():
        for start, end in in_form:
            first, last = form.original_span(start, end)
            if first < last and not overlaps(first, last, excluded):
                found.setdefault(trap_id, []).append((first, last))
    return found


def detect_traps(text: str, *, second_opinion: bool = True) -> list[TrapHit]:
    """Find thinking traps in ``text``, ordered by where they start.

    Each trap the rules find is reported at most once for any stretch of overlapping words;
    hits inside quotations or reported speech are skipped. With ``second_opinion``, each
    trap only the model ticks is reported once, at the words that made it tick, and the
    rules' traps the model doubts (``Scores.doubted``) are left out.
    """
    found = _all_spans(text)
    hits: list[TrapHit] = []
    if second_opinion and text.strip():
        from .learned import Readings, model_hits, scores

        read = Readings()
        reading = scores(text, read)
        doubted = reading.doubted(found)
        found = {trap_id: spans for trap_id, spans in found.items() if trap_id not in doubted}
        hits.extend(model_hits(text, set(found), reading, read))
    for trap_id, spans in found.items():
        hits.extend(
            TrapHit(trap_id, text[start:end], start, end) for start, end in without_overlaps(spans)
        )
    hits.sort(key=lambda hit: (hit.start, _TRAP_ORDER[hit.trap_id], hit.end))
    return hits


def trap_ids(text: str, *, second_opinion: bool = True) -> list[str]:
    """The ids of the traps found in ``text``, each once, in ``TRAPS`` order (without
    looking for the model's words, so cheaper than ``detect_traps``)."""
    present = set(_all_spans(text))
    if second_opinion and text.strip():
        from .learned import scores

        present = scores(text).joined(present)
    return [trap_id for trap_id in TRAPS if trap_id in present]
