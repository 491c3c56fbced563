"""Whatever lies inside all-or-nothing thinking's two boxes is that thinking, not a second trap.

In "either I'm brilliant at this or I'm useless", "if I'm not the best on the team I'm
nothing" and "either I get this promotion or my career is finished", the harsh word and the
ruin are the second box of the all-or-nothing thought, not a verdict or a catastrophe of their
own. When the rules find all-or-nothing thinking, the other traps they find inside its two
boxes are not ticked apart, unless the writer then says which box they are in ("... or I'm
useless. And I'm not fluent", "... so I'm terrible").
"""

from __future__ import annotations

from ..language.spans import Span
from .rules import box_patterns

ALL_OR_NOTHING = "all-or-nothing"


def without_boxed_traps(text: str, found: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """``found`` (trap id -> spans of ``text``) without the other traps inside two boxes."""
    if ALL_OR_NOTHING not in found or len(found) == 1:
        return found
    boxes, chosen = box_patterns()
    stretches = [match.span() for match in boxes.finditer(text)]
    if not stretches:
        return found
    kept: dict[str, list[Span]] = {}
    for trap_id, spans in found.items():
        if trap_id != ALL_OR_NOTHING:
            spans = [
                (start, end)
                for start, end in spans
                if not any(a <= start < b for a, b in stretches) or chosen.search(text, end)
            ]
        if spans:
            kept[trap_id] = spans
    return kept
