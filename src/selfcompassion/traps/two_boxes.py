"""A label that is one of all-or-nothing thinking's two boxes is that thinking, not a label.

In "either I'm brilliant at this or I'm useless" and "if I'm not the best on the team I'm
nothing", the harsh word is the second box of the all-or-nothing thought, not a verdict the
writer passes on themselves. When the rules find all-or-nothing thinking, a label they find
inside its two boxes is not ticked apart, unless the writer then says which box they are in
("... or I'm useless. And I'm not fluent", "... so I'm terrible").
"""

from __future__ import annotations

from ..language.spans import Span
from .rules import box_patterns

ALL_OR_NOTHING = "all-or-nothing"
LABELLING = "labelling"


def without_boxed_labels(text: str, found: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """``found`` (trap id -> spans of ``text``) without the labels inside two boxes."""
    if ALL_OR_NOTHING not in found or LABELLING not in found:
        return found
    boxes, chosen = box_patterns()
    stretches = [match.span() for match in boxes.finditer(text)]
    kept = [
        (start, end)
        for start, end in found[LABELLING]
        if not any(a <= start < b for a, b in stretches) or chosen.search(text, end)
    ]
    rest = {trap_id: spans for trap_id, spans in found.items() if trap_id != LABELLING}
    return {**rest, LABELLING: kept} if kept else rest
