"""A feeling taken as proof brings its conclusion with it.

In "I feel lazy, so I am lazy" the "I am lazy" is where the emotional reasoning lands, not a
label of its own; a sweeping pattern it lands on ("I feel like I always get it wrong, so I
do") is its conclusion too. When the rules find emotional reasoning with a word that makes a
feeling proof ("so", "therefore", "which means", "tells me", "don't lie"), labelling and
overgeneralising found in that sentence are its conclusion and are not ticked apart, unless
the conclusion names what the writer is ("I feel like a fraud, so I must be one" sticks the
label on too). Other traps beside it stand: "I feel broke, so I must be broke, and next month
will be worse" is a forecast as well. A feeling named without such a word ("I feel like a
failure") carries no conclusion.
"""

from __future__ import annotations

from ..language.spans import Span
from .rules import named_conclusion_pattern, proof_pattern
from .speech import sentence_bounds

EMOTIONAL_REASONING = "emotional-reasoning"
#: The traps a feeling taken as proof may land on, kept as that emotional reasoning.
CONCLUSIONS = frozenset({"labelling", "overgeneralising"})


def without_conclusions(text: str, found: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """``found`` (trap id -> spans of ``text``) without the conclusions (``CONCLUSIONS``) in
    a sentence where a feeling is taken as proof; a label stays where the conclusion names
    what the writer is."""
    proof = proof_pattern()
    sentences = [
        sentence_bounds(text, start, end)
        for start, end in found.get(EMOTIONAL_REASONING, [])
        if proof.search(text, start, end)
    ]
    if not sentences:
        return found
    named = named_conclusion_pattern()

    def concluded(trap_id: str, span: Span) -> bool:
        return any(
            a <= span[0] < b and not (trap_id == "labelling" and named.search(text, a, b))
            for a, b in sentences
        )

    return {
        trap_id: kept
        for trap_id, spans in found.items()
        if (
            kept := spans
            if trap_id not in CONCLUSIONS
            else [span for span in spans if not concluded(trap_id, span)]
        )
    }
