"""The fixed split the detector is measured on, and floors on its kept-aside part.

The kept-aside part (bench/traps_data.py, 30%, seed 15) is never read to write rules or to
train the model; its figures are in tests/data/traps_scores.md. The floors sit a little below
those figures, so a change that makes the detector worse on unseen sentences fails here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def traps_data() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import traps_data

        yield traps_data
    finally:
        sys.path.remove(str(BENCH))


def _figures(sentences: list[Any], *, second_opinion: bool) -> tuple[float, float, float]:
    from selfcompassion.traps.detector import trap_ids

    tp = fp = fn = flagged = clean = 0
    for sentence in sentences:
        found = set(trap_ids(sentence.text, second_opinion=second_opinion))
        tp += len(found & sentence.traps)
        fp += len(found - sentence.traps)
        fn += len(sentence.traps - found)
        if not sentence.traps:
            clean += 1
            flagged += bool(found)
    return tp / (tp + fp), tp / (tp + fn), flagged / clean


def test_split_is_fixed_and_disjoint(traps_data: ModuleType) -> None:
    everything = traps_data.load_all()
    training, kept_aside = traps_data.split(everything)
    assert (len(training), len(kept_aside)) == (877, 370)
    assert {s.text for s in training}.isdisjoint({s.text for s in kept_aside})
    assert len(everything) == len({s.text.casefold().strip() for s in everything})
    again = traps_data.split(traps_data.load_all())[1]
    assert [s.text for s in again] == [s.text for s in kept_aside]
    assert sum(s.source == "dev" for s in kept_aside) == 149


def test_our_own_sentences_stay_out_of_the_split(traps_data: ModuleType) -> None:
    from selfcompassion.traps.catalog import TRAPS

    pooled = {s.text.casefold().strip() for s in traps_data.load_all()}
    train, aside = traps_data.load_own("train"), traps_data.load_own("aside")
    assert (len(train), len(aside)) == (325, 109)
    texts = [s.text.casefold().strip() for s in train + aside]
    assert len(set(texts)) == len(texts) and pooled.isdisjoint(texts)
    assert all(s.traps <= TRAPS.keys() for s in train + aside)
    assert sum(not s.traps for s in aside) == 39
    train2, aside2 = traps_data.load_own("train", "own2"), traps_data.load_own("aside", "own2")
    assert (len(train2), len(aside2)) == (348, 116)
    assert sum(not s.traps for s in aside2) == 41
    texts2 = [s.text.casefold().strip() for s in train2 + aside2]
    assert len(set(texts2)) == len(texts2) and pooled.isdisjoint(texts2)
    assert set(texts).isdisjoint(texts2)
    assert all(s.traps <= TRAPS.keys() for s in train2 + aside2)


@pytest.mark.parametrize(
    ("second_opinion", "everything", "shared_set"),
    [
        # The rules alone: 0.95 / 0.78 / 1.8% over all, 0.92 / 0.57 / 2.4% on the shared set.
        (False, (0.92, 0.74, 0.05), (0.88, 0.53, 0.05)),
        # Rules or model > 0.8 (> 0.9 where the rules find none), the rules' traps the model
        # doubts left out (bars chosen at first sight on training batches,
        # tests/data/traps_scores.md): 0.985 / 0.886 / 1.8% over all, 0.982 / 0.822 / 0% on
        # the shared set (0.965 / 0.939 / 3.6% and 0.961 / 0.904 / 2.4% at 0.7 without the
        # doubt: recall given for precision, by design). The shared set's recall floor is the
        # issue's own target.
        (True, (0.95, 0.86, 0.03), (0.95, 0.80, 0.03)),
    ],
    ids=["rules", "rules or model"],
)
def test_kept_aside_floors(
    traps_data: ModuleType,
    second_opinion: bool,
    everything: tuple[float, float, float],
    shared_set: tuple[float, float, float],
) -> None:
    _training, kept_aside = traps_data.split(traps_data.load_all())
    shared = [s for s in kept_aside if s.source == "dev"]
    for part, (least_precision, least_recall, most_flagged) in (
        (kept_aside, everything),
        (shared, shared_set),
    ):
        precision, recall, flagged = _figures(part, second_opinion=second_opinion)
        assert precision >= least_precision and recall >= least_recall
        assert flagged <= most_flagged


def test_the_blind_batch_is_kept_aside_whole(traps_data: ModuleType) -> None:
    """Written without sight of the detector: none of it is in any part trained on."""
    from selfcompassion.traps.catalog import TRAPS

    blind = traps_data.load_own("aside", traps_data.BLIND_BATCH)
    assert len(blind) == 239 and sum(not s.traps for s in blind) == 44
    assert all(s.traps <= TRAPS.keys() for s in blind)
    texts = {s.text.casefold().strip() for s in blind}
    trained = {s.text.casefold().strip() for s in traps_data.load_all()}
    for batch in traps_data.OWN_BATCHES:
        for part in ("train", "aside"):
            trained |= {s.text.casefold().strip() for s in traps_data.load_own(part, batch)}
    for batch in traps_data.TRAIN_BATCHES:
        trained |= {s.text.casefold().strip() for s in traps_data.load_own("train", batch)}
    assert len(texts) == len(blind) and texts.isdisjoint(trained)


def test_the_blind_training_batch_is_in_no_kept_aside_set(traps_data: ModuleType) -> None:
    """Written the same way as the blind batch, for training: no sentence of it is in any
    set kept aside (the split's, our own two, the three blind batches), nor twice in itself."""
    from selfcompassion.traps.catalog import TRAPS

    batch = traps_data.load_own("train", traps_data.BLIND_BATCH)
    assert len(batch) == 313 and sum(not s.traps for s in batch) == 93
    assert all(s.traps <= TRAPS.keys() for s in batch)
    assert traps_data.BLIND_BATCH in traps_data.TRAIN_BATCHES
    texts = {s.text.casefold().strip() for s in batch}
    kept_aside = traps_data.split(traps_data.load_all())[1]
    for batch_name in traps_data.ASIDE_BATCHES:
        kept_aside += traps_data.load_own("aside", batch_name)
    assert len(texts) == len(batch)
    assert texts.isdisjoint(s.text.casefold().strip() for s in kept_aside)


def test_the_second_blind_batch_is_kept_aside_whole(traps_data: ModuleType) -> None:
    """Written blind like the first, after it: none of it is in any set trained on, nor in
    the first blind batch, nor twice in itself."""
    from selfcompassion.traps.catalog import TRAPS

    batch = traps_data.load_own("aside", traps_data.SECOND_BLIND_BATCH)
    assert len(batch) == 250 and sum(not s.traps for s in batch) == 53
    assert all(s.traps <= TRAPS.keys() for s in batch)
    assert traps_data.SECOND_BLIND_BATCH not in traps_data.TRAIN_BATCHES
    texts = {s.text.casefold().strip() for s in batch}
    elsewhere = {s.text.casefold().strip() for s in traps_data.load_all()}
    for name in (*traps_data.OWN_BATCHES, traps_data.BLIND_BATCH):
        for part in ("train", "aside"):
            elsewhere |= {s.text.casefold().strip() for s in traps_data.load_own(part, name)}
    for name in traps_data.TRAIN_BATCHES:
        elsewhere |= {s.text.casefold().strip() for s in traps_data.load_own("train", name)}
    assert len(texts) == len(batch) and texts.isdisjoint(elsewhere)


def _texts(sentences: list[Any]) -> set[str]:
    return {s.text.casefold().strip() for s in sentences}


def _apart_from_every_other_set(traps_data: ModuleType, part: str, name: str) -> list[Any]:
    """The batch ``name``'s ``part``, checked to be well formed, without repeats, and in no
    other set: the pooled sentences, every training batch and every kept-aside batch."""
    from selfcompassion.traps.catalog import TRAPS

    batch = traps_data.load_own(part, name)
    assert all(s.traps <= TRAPS.keys() for s in batch)
    texts = _texts(batch)
    assert len(texts) == len(batch)
    elsewhere = _texts(traps_data.load_all())
    for other_part, names in (
        ("train", traps_data.TRAIN_BATCHES),
        ("aside", traps_data.ASIDE_BATCHES),
    ):
        for other in names:
            if (other_part, other) != (part, name):
                elsewhere |= _texts(traps_data.load_own(other_part, other))
    assert texts.isdisjoint(elsewhere)
    return batch


@pytest.mark.parametrize(
    ("constant", "part", "size", "trap_free"),
    [
        # written blind in pairs, one batch for training whole and one kept aside whole
        ("THIRD_BLIND_BATCH", "train", 300, 94),
        ("FOURTH_BLIND_BATCH", "aside", 250, 50),
        ("FIFTH_BLIND_BATCH", "train", 243, 49),
        ("SIXTH_BLIND_BATCH", "aside", 246, 50),
        ("SEVENTH_BLIND_BATCH", "train", 246, 50),
        ("EIGHTH_BLIND_BATCH", "aside", 250, 50),
        ("NINTH_BLIND_BATCH", "aside", 247, 50),
        ("ELEVENTH_BLIND_BATCH", "aside", 248, 50),
        ("TWELFTH_BLIND_BATCH", "train", 246, 48),
        ("THIRTEENTH_BLIND_BATCH", "aside", 248, 51),
        ("FOURTEENTH_BLIND_BATCH", "train", 198, 73),
        ("FIFTEENTH_BLIND_BATCH", "aside", 199, 83),
        ("SIXTEENTH_BLIND_BATCH", "train", 200, 76),
        ("SEVENTEENTH_BLIND_BATCH", "aside", 200, 64),
        ("EIGHTEENTH_BLIND_BATCH", "train", 192, 69),
        ("NINETEENTH_BLIND_BATCH", "aside", 192, 70),
        ("TWENTIETH_BLIND_BATCH", "train", 197, 71),
        ("TWENTY_FIRST_BLIND_BATCH", "aside", 197, 79),
        ("TWENTY_THIRD_BLIND_BATCH", "train", 196, 75),
        ("TWENTY_FOURTH_BLIND_BATCH", "aside", 196, 73),
        ("TWENTY_FIFTH_BLIND_BATCH", "train", 199, 71),
        ("TWENTY_SIXTH_BLIND_BATCH", "aside", 199, 79),
        ("TWENTY_SECOND_BLIND_BATCH", "aside", 200, 80),
        ("TWENTY_SEVENTH_BLIND_BATCH", "train", 199, 70),
        ("TWENTY_EIGHTH_BLIND_BATCH", "aside", 200, 80),
        ("TWENTY_NINTH_BLIND_BATCH", "train", 199, 82),
        ("THIRTIETH_BLIND_BATCH", "aside", 199, 68),
        ("THIRTY_FIRST_BLIND_BATCH", "train", 200, 71),
        ("THIRTY_SECOND_BLIND_BATCH", "aside", 200, 79),
        ("THIRTY_THIRD_BLIND_BATCH", "train", 199, 86),
        ("THIRTY_FOURTH_BLIND_BATCH", "aside", 200, 64),
        ("THIRTY_FIFTH_BLIND_BATCH", "train", 199, 79),
        ("THIRTY_SIXTH_BLIND_BATCH", "aside", 199, 71),
        ("THIRTY_SEVENTH_BLIND_BATCH", "aside", 395, 139),
        ("KIND_BATCH", "aside", 200, 200),
        ("KIND_TRAINING_BATCH", "train", 300, 300),
        ("KIND_THIRD_BATCH", "train", 300, 300),
        ("KIND_FOURTH_BATCH", "train", 300, 300),
        ("THIRTY_EIGHTH_BLIND_BATCH", "train", 396, 119),
        ("THIRTY_NINTH_BLIND_BATCH", "train", 398, 120),
        ("FORTIETH_BLIND_BATCH", "train", 395, 119),
        ("FORTY_FIRST_BLIND_BATCH", "train", 400, 120),
        ("FORTY_SECOND_BLIND_BATCH", "train", 393, 120),
        ("FORTY_THIRD_BLIND_BATCH", "train", 395, 120),
        ("FORTY_FOURTH_BLIND_BATCH", "train", 398, 120),
        ("FORTY_FIFTH_BLIND_BATCH", "train", 399, 120),
        ("KIND_FIFTH_BATCH", "train", 299, 299),
        ("KIND_SIXTH_BATCH", "aside", 200, 200),
        ("FIFTIETH_BLIND_BATCH", "aside", 300, 100),
        ("FIFTY_FIRST_BLIND_BATCH", "aside", 298, 100),
        ("FIFTY_SIXTH_BLIND_BATCH", "aside", 300, 90),
        ("FIFTY_SEVENTH_BLIND_BATCH", "aside", 300, 86),
        ("FIFTY_EIGHTH_BLIND_BATCH", "aside", 299, 89),
        ("FIFTY_NINTH_BLIND_BATCH", "aside", 300, 88),
        ("SIXTIETH_BLIND_BATCH", "aside", 300, 89),
        ("SIXTY_FIRST_BLIND_BATCH", "aside", 300, 90),
        ("SIXTY_SECOND_BLIND_BATCH", "aside", 300, 93),
        ("SIXTY_THIRD_BLIND_BATCH", "aside", 300, 88),
        ("SIXTY_EIGHTH_BLIND_BATCH", "aside", 300, 91),
        ("SIXTY_NINTH_BLIND_BATCH", "aside", 295, 90),
        ("SEVENTIETH_BLIND_BATCH", "aside", 298, 85),
        ("SEVENTY_FIRST_BLIND_BATCH", "aside", 299, 90),
        ("EIGHTIETH_BLIND_BATCH", "aside", 298, 92),
        ("EIGHTY_FIRST_BLIND_BATCH", "aside", 300, 90),
        ("EIGHTY_FOURTH_BLIND_BATCH", "aside", 298, 89),
        ("FORTY_SIXTH_BLIND_BATCH", "train", 400, 120),
        ("FORTY_SEVENTH_BLIND_BATCH", "train", 399, 120),
        ("FORTY_EIGHTH_BLIND_BATCH", "train", 399, 120),
        ("FORTY_NINTH_BLIND_BATCH", "train", 395, 120),
        ("KIND_SEVENTH_BATCH", "train", 299, 299),
        ("FIFTY_SECOND_BLIND_BATCH", "train", 400, 123),
        ("FIFTY_THIRD_BLIND_BATCH", "train", 400, 120),
        ("FIFTY_FOURTH_BLIND_BATCH", "train", 398, 120),
        ("FIFTY_FIFTH_BLIND_BATCH", "train", 397, 120),
        ("KIND_EIGHTH_BATCH", "train", 297, 297),
        ("SIXTY_FOURTH_BLIND_BATCH", "train", 300, 85),
        ("SIXTY_FIFTH_BLIND_BATCH", "train", 300, 90),
        ("SIXTY_SIXTH_BLIND_BATCH", "train", 300, 87),
        ("SIXTY_SEVENTH_BLIND_BATCH", "train", 300, 90),
        ("KIND_NINTH_BATCH", "train", 300, 300),
        ("SEVENTY_SECOND_BLIND_BATCH", "train", 300, 91),
        ("SEVENTY_THIRD_BLIND_BATCH", "train", 296, 90),
        ("SEVENTY_FOURTH_BLIND_BATCH", "train", 299, 90),
        ("SEVENTY_FIFTH_BLIND_BATCH", "train", 300, 90),
        ("KIND_TENTH_BATCH", "train", 299, 299),
        ("SEVENTY_SIXTH_BLIND_BATCH", "train", 300, 90),
        ("SEVENTY_SEVENTH_BLIND_BATCH", "train", 299, 90),
        ("SEVENTY_EIGHTH_BLIND_BATCH", "train", 300, 90),
        ("SEVENTY_NINTH_BLIND_BATCH", "train", 303, 92),
        ("EIGHTY_SECOND_BLIND_BATCH", "train", 299, 90),
        ("EIGHTY_THIRD_BLIND_BATCH", "train", 298, 90),
        ("TENTH_BLIND_BATCH", "train", 244, 50),
    ],
)
def test_each_later_blind_batch_is_in_its_own_part_only(
    traps_data: ModuleType, constant: str, part: str, size: int, trap_free: int
) -> None:
    """A batch written blind is in no other set, trained on or kept aside, nor twice in
    itself; a training batch is trained on whole and a kept-aside batch never."""
    name = getattr(traps_data, constant)
    batch = _apart_from_every_other_set(traps_data, part, name)
    assert len(batch) == size and sum(not s.traps for s in batch) == trap_free
    ours, theirs = (
        (traps_data.TRAIN_BATCHES, traps_data.ASIDE_BATCHES)
        if part == "train"
        else (traps_data.ASIDE_BATCHES, traps_data.TRAIN_BATCHES)
    )
    assert name in ours and name not in theirs
