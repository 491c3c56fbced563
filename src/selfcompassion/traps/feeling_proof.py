"""A feeling taken as proof brings its conclusion with it.

In "I feel lazy, so I am lazy" the "I am lazy" is where the emotional reasoning lands, not a
label of its own; in "I feel left out, so they obviously don't want me around" the guess is
the feeling's conclusion, not mind-reading beside it. When the rules find emotional reasoning
with a word that makes a feeling proof ("so", "therefore", "which means", "tells me", "don't
lie"), the other traps the rules find in that sentence are its conclusion and are not ticked
apart. A feeling named without such a word ("I feel like a failure") carries no conclusion.
"""

from __future__ import annotations

from ..language.spans import Span
from .rules import proof_pattern
from .speech import sentence_bounds

EMOTIONAL_REASONING = "emotional-reasoning"


def without_conclusions(text: str, found: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """``found`` (trap id -> spans of ``text``) without the other traps in a sentence where a
    feeling is taken as proof."""
    proof = proof_pattern()
    sentences = [
        sentence_bounds(text, start, end)
        for start, end in found.get(EMOTIONAL_REASONING, [])
        if proof.search(text, start, end)
    ]
    if not sentences:
        return found
    return {
        trap_id: kept
        for trap_id, spans in found.items()
        if (
            kept := spans
            if trap_id == EMOTIONAL_REASONING
            else [span for span in spans if not any(a <= span[0] < b for a, b in sentences)]
        )
    }
