"""The labelled trap sentences and the fixed split the detector is trained and measured on.

All sets in tests/data/ are pooled (traps_dev.json came from the project's shared data folder,
written independently of the detector; the .toml sets are the project's own). Each sentence
appears once. The split is stratified by set and by first label, with a fixed seed: 30% is kept
aside and never used to train, tune thresholds or choose features; the rest is the training
part, which the training script cross-validates internally to choose thresholds.
"""

from __future__ import annotations

import json
import random
import tomllib
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TOML_SETS = ("corpus", "tuning", "heldout", "heldout2", "regressions")
SEED = 15
KEPT_ASIDE_SHARE = 0.30


@dataclass(frozen=True)
class Sentence:
    text: str
    traps: frozenset[str]
    source: str


def load_all() -> list[Sentence]:
    """Every labelled sentence, the shared set first; a repeated sentence keeps its first label."""
    sentences: list[Sentence] = []
    for item in json.loads((DATA / "traps_dev.json").read_text(encoding="utf-8")):
        sentences.append(Sentence(item["text"], frozenset(item["traps"]), "dev"))
    for name in TOML_SETS:
        with (DATA / f"traps_{name}.toml").open("rb") as handle:
            for case in tomllib.load(handle)["case"]:
                sentences.append(Sentence(case["text"], frozenset(case["traps"]), name))
    seen: set[str] = set()
    unique: list[Sentence] = []
    for sentence in sentences:
        key = sentence.text.casefold().strip()
        if key not in seen:
            seen.add(key)
            unique.append(sentence)
    return unique


OWN_BATCHES = ("own", "own2")
#: Sentences written without sight of the detector: ``traps_blind_aside.json`` is kept aside
#: whole; ``traps_blind_train.json``, a second batch written the same way, is for training.
BLIND_BATCH = "blind"
#: A third batch written blind, ``traps_blind2_aside.json``: kept aside whole, no training part.
SECOND_BLIND_BATCH = "blind2"
#: A fourth, ``traps_blind3_train.json``: for training whole, no kept-aside part.
THIRD_BLIND_BATCH = "blind3"
#: A fifth, ``traps_blind4_aside.json``: kept aside whole, no training part.
FOURTH_BLIND_BATCH = "blind4"
#: A sixth, ``traps_blind5_train.json``: for training whole, no kept-aside part.
FIFTH_BLIND_BATCH = "blind5"
#: A seventh, ``traps_blind6_aside.json``: kept aside whole, no training part.
SIXTH_BLIND_BATCH = "blind6"
#: An eighth, ``traps_blind7_train.json``: for training whole, no kept-aside part.
SEVENTH_BLIND_BATCH = "blind7"
#: A ninth, ``traps_blind8_aside.json``: kept aside whole, no training part.
EIGHTH_BLIND_BATCH = "blind8"
#: A tenth, ``traps_blind9_aside.json``: kept aside whole, no training part.
NINTH_BLIND_BATCH = "blind9"
#: A twelfth, ``traps_blind11_aside.json``: kept aside whole, no training part.
ELEVENTH_BLIND_BATCH = "blind11"
#: An eleventh, ``traps_blind10_train.json``: for training whole, no kept-aside part.
TENTH_BLIND_BATCH = "blind10"
#: Two halves of one batch of 500 written blind, split by a seeded shuffle before anyone
#: read them: ``traps_blind12_train.json`` for training whole, ``traps_blind13_aside.json``
#: kept aside whole.
TWELFTH_BLIND_BATCH = "blind12"
THIRTEENTH_BLIND_BATCH = "blind13"
#: Two halves of a batch of 400 written blind, split the same way (seed 1704):
#: ``traps_blind14_train.json`` for training whole, ``traps_blind15_aside.json`` kept aside
#: whole.
FOURTEENTH_BLIND_BATCH = "blind14"
FIFTEENTH_BLIND_BATCH = "blind15"
#: Two halves of a batch of 400 written blind, split the same way (seed 1804):
#: ``traps_blind16_train.json`` for training whole, ``traps_blind17_aside.json`` kept aside
#: whole.
SIXTEENTH_BLIND_BATCH = "blind16"
SEVENTEENTH_BLIND_BATCH = "blind17"
#: Two halves of a batch of 400 written blind, split the same way (seed 1912, after 16
#: repeats of earlier sentences were dropped): ``traps_blind18_train.json`` for training
#: whole, ``traps_blind19_aside.json`` kept aside whole.
EIGHTEENTH_BLIND_BATCH = "blind18"
NINETEENTH_BLIND_BATCH = "blind19"
#: Two halves of a batch of 400 written blind, split the same way (seed 2012, after 6
#: repeats of earlier sentences were dropped): ``traps_blind20_train.json`` for training
#: whole, ``traps_blind21_aside.json`` kept aside whole.
TWENTIETH_BLIND_BATCH = "blind20"
TWENTY_FIRST_BLIND_BATCH = "blind21"
#: Two halves of a batch of 400 written blind, split the same way (seed 2112):
#: ``traps_blind23_train.json`` for training whole, ``traps_blind24_aside.json`` kept aside
#: whole.
TWENTY_THIRD_BLIND_BATCH = "blind23"
TWENTY_FOURTH_BLIND_BATCH = "blind24"
#: Two halves of a batch of 400 written blind, split the same way (seed 2212):
#: ``traps_blind25_train.json`` for training whole, ``traps_blind26_aside.json`` kept aside
#: whole.
TWENTY_FIFTH_BLIND_BATCH = "blind25"
TWENTY_SIXTH_BLIND_BATCH = "blind26"
#: Two halves of a batch of 400 written blind, split the same way (seed 2312):
#: ``traps_blind27_train.json`` for training whole, ``traps_blind28_aside.json`` kept aside
#: whole.
TWENTY_SEVENTH_BLIND_BATCH = "blind27"
TWENTY_EIGHTH_BLIND_BATCH = "blind28"
#: Two halves of a batch of 400 written blind, split the same way (seed 2412):
#: ``traps_blind29_train.json`` for training whole, ``traps_blind30_aside.json`` kept aside
#: whole.
TWENTY_NINTH_BLIND_BATCH = "blind29"
THIRTIETH_BLIND_BATCH = "blind30"
#: Two halves of a batch of 400 written blind, split the same way (seed 2512):
#: ``traps_blind31_train.json`` for training whole, ``traps_blind32_aside.json`` kept aside
#: whole.
THIRTY_FIRST_BLIND_BATCH = "blind31"
THIRTY_SECOND_BLIND_BATCH = "blind32"
#: Two halves of a batch of 400 written blind, split the same way (seed 2612):
#: ``traps_blind33_train.json`` for training whole, ``traps_blind34_aside.json`` kept aside
#: whole.
THIRTY_THIRD_BLIND_BATCH = "blind33"
THIRTY_FOURTH_BLIND_BATCH = "blind34"
#: Two halves of a batch of 400 written blind, split the same way (seed 2712):
#: ``traps_blind35_train.json`` for training whole, ``traps_blind36_aside.json`` kept aside
#: whole.
THIRTY_FIFTH_BLIND_BATCH = "blind35"
THIRTY_SIXTH_BLIND_BATCH = "blind36"
#: A batch of 400 written blind, ``traps_blind37_aside.json``: kept aside whole, no training
#: part, read once at the end of its round (no decision made on it).
THIRTY_SEVENTH_BLIND_BATCH = "blind37"
#: Four batches of about 400 written blind (``traps_blind38_train.json`` to
#: ``traps_blind41_train.json``), kept whole: first read to choose the model's bars at first
#: sight (no model trained on them, no rule written from them yet), then training batches.
THIRTY_EIGHTH_BLIND_BATCH = "blind38"
THIRTY_NINTH_BLIND_BATCH = "blind39"
FORTIETH_BLIND_BATCH = "blind40"
FORTY_FIRST_BLIND_BATCH = "blind41"
#: 200 sentences of kind, fair or realistic self-talk written blind, none with a trap
#: (``traps_kind_aside.json``): kept aside whole, read once when it was written (no decision
#: made on it).
KIND_BATCH = "kind"
#: 300 more of them, written blind by another writer (``traps_kind2_train.json``): a training
#: batch, read whole to fix by shape what the detector flagged.
KIND_TRAINING_BATCH = "kind2"
#: And 300 by a third writer, in other voices (``traps_kind3_train.json``), read the same way.
KIND_THIRD_BATCH = "kind3"
#: And 300 by a fourth writer, balanced self-talk (``traps_kind4_train.json``), read the same way.
KIND_FOURTH_BATCH = "kind4"
#: Four more batches of about 400 written blind (``traps_blind42_train.json`` to
#: ``traps_blind45_train.json``) and 300 more kind sentences (``traps_kind5_train.json``),
#: kept whole: first read to choose the model's bars at first sight and to measure the
#: detector on them (no model trained on them, no rule written from them yet), then training
#: batches.
FORTY_SECOND_BLIND_BATCH = "blind42"
FORTY_THIRD_BLIND_BATCH = "blind43"
FORTY_FOURTH_BLIND_BATCH = "blind44"
FORTY_FIFTH_BLIND_BATCH = "blind45"
KIND_FIFTH_BATCH = "kind5"
#: Four more (``traps_blind46_train.json`` to ``traps_blind49_train.json``) and 300 more kind
#: sentences (``traps_kind7_train.json``), read the same way for a second choice of bars.
FORTY_SIXTH_BLIND_BATCH = "blind46"
FORTY_SEVENTH_BLIND_BATCH = "blind47"
FORTY_EIGHTH_BLIND_BATCH = "blind48"
FORTY_NINTH_BLIND_BATCH = "blind49"
KIND_SEVENTH_BATCH = "kind7"
#: Four more (``traps_blind52_train.json`` to ``traps_blind55_train.json``), each from a brief
#: of its own (whole entries; work and leading people; typed fast on a phone, typos and all;
#: other lives and voices, second person included), and 297 kind sentences, many with the
#: words traps often use (``traps_kind8_train.json``): read the same way for a third choice.
FIFTY_SECOND_BLIND_BATCH = "blind52"
FIFTY_THIRD_BLIND_BATCH = "blind53"
FIFTY_FOURTH_BLIND_BATCH = "blind54"
FIFTY_FIFTH_BLIND_BATCH = "blind55"
KIND_EIGHTH_BATCH = "kind8"
#: Four more (``traps_blind64_train.json`` to ``traps_blind67_train.json``: whole weekday
#: entries; answers to a guided journal's questions after a hard moment; single sentences on
#: many lives and pastimes; typed fast on a phone) and 300 kind sentences and short entries
#: with the words traps use (``traps_kind9_train.json``): read the same way for a fourth choice.
SIXTY_FOURTH_BLIND_BATCH = "blind64"
SIXTY_FIFTH_BLIND_BATCH = "blind65"
SIXTY_SIXTH_BLIND_BATCH = "blind66"
SIXTY_SEVENTH_BLIND_BATCH = "blind67"
KIND_NINTH_BATCH = "kind9"
#: Four more (``traps_blind72_train.json`` to ``traps_blind75_train.json``: whole entries at
#: the end of a working day by people who lead or look after others; answers to a
#: self-compassion journal's questions; single sentences in plain, less fluent English; typed
#: fast on a phone) and 299 kind sentences and short entries with the words traps use
#: (``traps_kind10_train.json``): read the same way for a fifth choice.
SEVENTY_SECOND_BLIND_BATCH = "blind72"
SEVENTY_THIRD_BLIND_BATCH = "blind73"
SEVENTY_FOURTH_BLIND_BATCH = "blind74"
SEVENTY_FIFTH_BLIND_BATCH = "blind75"
KIND_TENTH_BATCH = "kind10"
#: Four more (``traps_blind76_train.json`` to ``traps_blind79_train.json``: second-person
#: self-talk and questions to oneself; short entries about life outside work; people who lead
#: others; students and young adults, slang and typos and all): their first-sight figures are
#: in traps_scores.md, then they are trained on like the others.
SEVENTY_SIXTH_BLIND_BATCH = "blind76"
SEVENTY_SEVENTH_BLIND_BATCH = "blind77"
SEVENTY_EIGHTH_BLIND_BATCH = "blind78"
SEVENTY_NINTH_BLIND_BATCH = "blind79"
#: 200 more kind sentences with no trap, by another writer (``traps_kind6_aside.json``): kept
#: aside whole, read once at the end of the session it was written in (no decision made on it).
KIND_SIXTH_BATCH = "kind6"
#: Two batches written blind from briefs worded unlike every earlier one (whole diary entries,
#: ``traps_blind50_aside.json``; short pieces of self-talk, ``traps_blind51_aside.json``): kept
#: aside whole, read once at the end of the session they were written in (no decision made).
FIFTIETH_BLIND_BATCH = "blind50"
FIFTY_FIRST_BLIND_BATCH = "blind51"
#: Six batches written blind, kept aside whole: whole entries of two to five sentences
#: (``traps_blind56_aside.json``), answers to a guided journal's questions
#: (``traps_blind57_aside.json``), single sentences on two lists of topics
#: (``traps_blind58_aside.json``, ``traps_blind59_aside.json``) and whole entries from two
#: more briefs (``traps_blind60_aside.json``, ``traps_blind61_aside.json``): read to judge three
#: retrained models once each (none shipped) and for the figures in traps_scores.md.
FIFTY_SIXTH_BLIND_BATCH = "blind56"
FIFTY_SEVENTH_BLIND_BATCH = "blind57"
FIFTY_EIGHTH_BLIND_BATCH = "blind58"
FIFTY_NINTH_BLIND_BATCH = "blind59"
SIXTIETH_BLIND_BATCH = "blind60"
SIXTY_FIRST_BLIND_BATCH = "blind61"
#: Two more, whole entries and answers to a guided journal's questions
#: (``traps_blind62_aside.json``, ``traps_blind63_aside.json``): kept aside whole, read once
#: with the detector as shipped for the figures in traps_scores.md, and once to judge a
#: retrained model (not shipped).
SIXTY_SECOND_BLIND_BATCH = "blind62"
SIXTY_THIRD_BLIND_BATCH = "blind63"
#: Four more written blind after every candidate so far was judged (whole entries of a day
#: off, ``traps_blind68_aside.json``; the inner critic's words as a journal asks for them
#: after a setback, ``traps_blind69_aside.json``; single sentences,
#: ``traps_blind70_aside.json``; typed fast on a phone, ``traps_blind71_aside.json``): kept
#: aside whole, read once to judge a retrained model (not shipped) and once with the
#: detector as shipped, for the figures in traps_scores.md.
SIXTY_EIGHTH_BLIND_BATCH = "blind68"
SIXTY_NINTH_BLIND_BATCH = "blind69"
SEVENTIETH_BLIND_BATCH = "blind70"
SEVENTY_FIRST_BLIND_BATCH = "blind71"
#: Two more written blind in the shared set's manner, one or two sentences over its twelve
#: topics (``traps_blind80_aside.json``, ``traps_blind81_aside.json``): kept aside whole, read
#: once with the detector as it stood at the end of the session they were written in.
EIGHTIETH_BLIND_BATCH = "blind80"
EIGHTY_FIRST_BLIND_BATCH = "blind81"
#: Two written blind in many voices and levels of writing, and over twelve topics in mixed
#: registers (``traps_blind82_train.json``, ``traps_blind83_train.json``): their first-sight
#: figures are in traps_scores.md, then they are trained on like the others.
EIGHTY_SECOND_BLIND_BATCH = "blind82"
EIGHTY_THIRD_BLIND_BATCH = "blind83"
#: One more in many voices, another cast (``traps_blind84_aside.json``): kept aside whole,
#: read once with the detector as it stood at the end of the session it was written in.
EIGHTY_FOURTH_BLIND_BATCH = "blind84"
#: A batch of 200 written blind in twenty imagined voices, ``traps_blind22_aside.json``: kept
#: aside whole, no training part, read once at the end of its round (no decision made on it).
TWENTY_SECOND_BLIND_BATCH = "blind22"
#: Every batch with a ``train`` part joined to the training part of the split.
TRAIN_BATCHES = (
    *OWN_BATCHES,
    BLIND_BATCH,
    THIRD_BLIND_BATCH,
    FIFTH_BLIND_BATCH,
    SEVENTH_BLIND_BATCH,
    TENTH_BLIND_BATCH,
    TWELFTH_BLIND_BATCH,
    FOURTEENTH_BLIND_BATCH,
    SIXTEENTH_BLIND_BATCH,
    EIGHTEENTH_BLIND_BATCH,
    TWENTIETH_BLIND_BATCH,
    TWENTY_THIRD_BLIND_BATCH,
    TWENTY_FIFTH_BLIND_BATCH,
    TWENTY_SEVENTH_BLIND_BATCH,
    TWENTY_NINTH_BLIND_BATCH,
    THIRTY_FIRST_BLIND_BATCH,
    THIRTY_THIRD_BLIND_BATCH,
    THIRTY_FIFTH_BLIND_BATCH,
    THIRTY_EIGHTH_BLIND_BATCH,
    THIRTY_NINTH_BLIND_BATCH,
    FORTIETH_BLIND_BATCH,
    FORTY_FIRST_BLIND_BATCH,
    KIND_TRAINING_BATCH,
    KIND_THIRD_BATCH,
    KIND_FOURTH_BATCH,
    FORTY_SECOND_BLIND_BATCH,
    FORTY_THIRD_BLIND_BATCH,
    FORTY_FOURTH_BLIND_BATCH,
    FORTY_FIFTH_BLIND_BATCH,
    KIND_FIFTH_BATCH,
    FORTY_SIXTH_BLIND_BATCH,
    FORTY_SEVENTH_BLIND_BATCH,
    FORTY_EIGHTH_BLIND_BATCH,
    FORTY_NINTH_BLIND_BATCH,
    KIND_SEVENTH_BATCH,
    FIFTY_SECOND_BLIND_BATCH,
    FIFTY_THIRD_BLIND_BATCH,
    FIFTY_FOURTH_BLIND_BATCH,
    FIFTY_FIFTH_BLIND_BATCH,
    KIND_EIGHTH_BATCH,
    SIXTY_FOURTH_BLIND_BATCH,
    SIXTY_FIFTH_BLIND_BATCH,
    SIXTY_SIXTH_BLIND_BATCH,
    SIXTY_SEVENTH_BLIND_BATCH,
    KIND_NINTH_BATCH,
    SEVENTY_SECOND_BLIND_BATCH,
    SEVENTY_THIRD_BLIND_BATCH,
    SEVENTY_FOURTH_BLIND_BATCH,
    SEVENTY_FIFTH_BLIND_BATCH,
    KIND_TENTH_BATCH,
    SEVENTY_SIXTH_BLIND_BATCH,
    SEVENTY_SEVENTH_BLIND_BATCH,
    SEVENTY_EIGHTH_BLIND_BATCH,
    SEVENTY_NINTH_BLIND_BATCH,
    EIGHTY_SECOND_BLIND_BATCH,
    EIGHTY_THIRD_BLIND_BATCH,
)
#: Every batch with an ``aside`` part: never trained or tuned on.
ASIDE_BATCHES = (
    *OWN_BATCHES,
    BLIND_BATCH,
    SECOND_BLIND_BATCH,
    FOURTH_BLIND_BATCH,
    SIXTH_BLIND_BATCH,
    EIGHTH_BLIND_BATCH,
    NINTH_BLIND_BATCH,
    ELEVENTH_BLIND_BATCH,
    THIRTEENTH_BLIND_BATCH,
    FIFTEENTH_BLIND_BATCH,
    SEVENTEENTH_BLIND_BATCH,
    NINETEENTH_BLIND_BATCH,
    TWENTY_FIRST_BLIND_BATCH,
    TWENTY_FOURTH_BLIND_BATCH,
    TWENTY_SIXTH_BLIND_BATCH,
    TWENTY_SECOND_BLIND_BATCH,
    TWENTY_EIGHTH_BLIND_BATCH,
    THIRTIETH_BLIND_BATCH,
    THIRTY_SECOND_BLIND_BATCH,
    THIRTY_FOURTH_BLIND_BATCH,
    THIRTY_SIXTH_BLIND_BATCH,
    THIRTY_SEVENTH_BLIND_BATCH,
    KIND_BATCH,
    KIND_SIXTH_BATCH,
    FIFTIETH_BLIND_BATCH,
    FIFTY_FIRST_BLIND_BATCH,
    FIFTY_SIXTH_BLIND_BATCH,
    FIFTY_SEVENTH_BLIND_BATCH,
    FIFTY_EIGHTH_BLIND_BATCH,
    FIFTY_NINTH_BLIND_BATCH,
    SIXTIETH_BLIND_BATCH,
    SIXTY_FIRST_BLIND_BATCH,
    SIXTY_SECOND_BLIND_BATCH,
    SIXTY_THIRD_BLIND_BATCH,
    SIXTY_EIGHTH_BLIND_BATCH,
    SIXTY_NINTH_BLIND_BATCH,
    SEVENTIETH_BLIND_BATCH,
    SEVENTY_FIRST_BLIND_BATCH,
    EIGHTIETH_BLIND_BATCH,
    EIGHTY_FIRST_BLIND_BATCH,
    EIGHTY_FOURTH_BLIND_BATCH,
)


def load_own(part: str, batch: str = "own") -> list[Sentence]:
    """Sentences written for the model (tests/data/traps_{batch}_{part}.json), in batches
    ``TRAIN_BATCHES``: ``train`` is joined to the training part; ``aside`` is kept aside like
    the split's kept-aside part. Neither is part of ``load_all``, so the fixed split stays as
    it was."""
    path = DATA / f"traps_{batch}_{part}.json"
    items = json.loads(path.read_text(encoding="utf-8"))["sentences"]
    return [Sentence(item["text"], frozenset(item["traps"]), f"{batch}-{part}") for item in items]


def split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(training part, kept-aside part), stratified by set and first label, seed ``SEED``."""
    groups: dict[tuple[str, str], list[Sentence]] = {}
    for sentence in sentences:
        first = min(sentence.traps) if sentence.traps else "none"
        groups.setdefault((sentence.source, first), []).append(sentence)
    rng = random.Random(SEED)
    train: list[Sentence] = []
    aside: list[Sentence] = []
    for key in sorted(groups):
        members = groups[key][:]
        rng.shuffle(members)
        cut = round(len(members) * KEPT_ASIDE_SHARE)
        aside.extend(members[:cut])
        train.extend(members[cut:])
    return train, aside
