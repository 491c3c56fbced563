"""The figures worked out from an entry's answers and kept beside it: the weekly
check-in's means and a reframe's feeling and belief ratings. They are kept apart from
asking and storing so the arithmetic can be checked on its own, and so that saving an
entry and editing it later work the figures out with the same code.

Check-in: each rated statement belongs to one of three components (self-kindness, common humanity,
mindfulness). Statements that describe the harder side of a component (self-judgment,
isolation, over-identification) are reversed: on a 1 to 5 scale an answer x counts as
6 - x, so a higher number always means the kinder, more connected, more balanced side.
Only rated statements count; a skipped one, or one about something that did not come up
that week, is left out of every mean, and a check-in with nothing rated has no score.
The numbers are a reflection aid, not a measure.

Reframe: the mean intensity of the feelings named at the start, after writing and at the
second look (0-100, one decimal), the belief in the critic's words before and after, and
the belief in the balanced thought written after weighing the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..packs.loader import CHECKIN_COMPONENTS
from ..packs.steps import SCALE, Step
from ..store.reframes import ReframeScores

#: The reframe steps its figures come from (``revisit_feelings`` arrives with the revisit).
REFRAME_SCORED_STEPS = (
    "emotions",
    "emotions_after",
    "belief",
    "belief_after",
    "revisit_feelings",
    "balanced_belief",
)


@dataclass(frozen=True)
class CheckinScore:
    """The means of one check-in: overall and per component (None where nothing was rated)."""

    total: float | None
    components: Mapping[str, float | None]
    rated: int
    statements: int


def is_statement(step: Step) -> bool:
    """A step that counts towards the score: a rating that names its component."""
    return step.kind == SCALE and step.component in CHECKIN_COMPONENTS


def item_score(step: Step, value: int) -> int:
    """The answer as it counts: reversed statements are flipped within their own scale."""
    if step.reverse and step.min is not None and step.max is not None:
        return step.min + step.max - value
    return value


def _mean(numbers: list[int]) -> float | None:
    return sum(numbers) / len(numbers) if numbers else None


def score_checkin(steps: Iterable[Step], values: Mapping[str, Any]) -> CheckinScore:
    """The total mean and the mean of each component over the answered statements."""
    statements = [step for step in steps if is_statement(step)]
    counted: dict[str, list[int]] = {component: [] for component in CHECKIN_COMPONENTS}
    for step in statements:
        value = values.get(step.id)
        if isinstance(value, int) and not isinstance(value, bool):  # not NOT_APPLICABLE
            counted[str(step.component)].append(item_score(step, value))
    everything = [number for numbers in counted.values() for number in numbers]
    return CheckinScore(
        total=_mean(everything),
        components={component: _mean(numbers) for component, numbers in counted.items()},
        rated=len(everything),
        statements=len(statements),
    )


def mean_intensity(levels: Mapping[str, float | None] | None) -> float | None:
    """The mean of the rated feelings' intensities, to one decimal; None when none was
    rated (a feeling named without a strength is left out of the mean)."""
    rated = [level for level in (levels or {}).values() if level is not None]
    if not rated:
        return None
    return round(sum(rated) / len(rated), 1)


def paired_intensities(
    before: Mapping[str, float | None] | None, after: Mapping[str, float | None] | None
) -> tuple[float | None, float | None]:
    """The mean strength of the feelings before and after, over those rated both times, so
    a change compares like with like (a feeling rated only before, or only after, would move
    the mean with no feeling easing). With none rated both times there is no change to show:
    the side that was rated keeps its own mean."""
    rated_before = {name: level for name, level in (before or {}).items() if level is not None}
    rated_after = {name: level for name, level in (after or {}).items() if level is not None}
    both = [name for name in rated_before if name in rated_after]
    if both:
        return (
            mean_intensity({name: rated_before[name] for name in both}),
            mean_intensity({name: rated_after[name] for name in both}),
        )
    if rated_before:
        return mean_intensity(rated_before), None
    return None, mean_intensity(rated_after)


def score_reframe(values: Mapping[str, Any]) -> ReframeScores:
    """A reframe's figures from its answers by step id (the revisit's time is not one)."""
    before, after = paired_intensities(values.get("emotions"), values.get("emotions_after"))
    return ReframeScores(
        intensity_before=before,
        intensity_after=after,
        belief_before=values.get("belief"),
        belief_after=values.get("belief_after"),
        revisit_intensity=mean_intensity(values.get("revisit_feelings")),
        balanced_belief=values.get("balanced_belief"),
    )
