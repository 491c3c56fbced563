"""The crisis check's batches written blind, in one place: which are read and which are kept
aside.

A batch written blind (without sight of the check, its rules or its model) is either a
training batch, read whole to fix rules by shape and trained on with
``tools/train_crisis_model.py --all``, or kept aside whole: never read, never trained or tuned
on, only totalled (``bench/crisis_eval.py --aside``). Adding a batch is one line here; its
story goes in docs/safety.md. The older files split into ``train`` and ``aside`` parts
(``crisis_more.json``, ``crisis_fresh.json``, ``crisis_tenth.json``,
``crisis_eleventh.json``) and the shared set's kept-aside part are named where they are read.
"""

from __future__ import annotations

#: (file in tests/data, how bench/crisis_eval.py names it), in the order written.
TRAINING_BATCHES: tuple[tuple[str, str], ...] = (
    ("crisis_twelfth.json", "the twelfth batch (training only)"),
    (
        "crisis_thirteenth.json",
        "the thirteenth batch (trained on after its one measurement)",
    ),
    ("crisis_fourteenth.json", "the fourteenth batch (training only)"),
    ("crisis_sixteenth.json", "the sixteenth batch (training only)"),
    ("crisis_seventeenth.json", "the seventeenth batch (training only)"),
    ("crisis_nineteenth.json", "the nineteenth batch (training only)"),
    ("crisis_twentieth.json", "the twentieth batch (training only)"),
    ("crisis_twentyfirst.json", "the twenty-first batch (training only)"),
    ("crisis_twentysecond.json", "the twenty-second batch (training only)"),
    ("crisis_twentyfourth.json", "the twenty-fourth batch (training only)"),
    ("crisis_twentyfifth.json", "the twenty-fifth batch (training only)"),
    (
        "crisis_twentyseventh.json",
        "the twenty-seventh batch (chose a threshold, trained on since)",
    ),
    ("crisis_thirtieth.json", "the thirtieth batch (training only)"),
    ("crisis_thirtysecond.json", "the thirty-second batch (training only)"),
    ("crisis_thirtythird.json", "the thirty-third batch (training only)"),
    ("crisis_thirtyfourth.json", "the thirty-fourth batch (training only)"),
    ("crisis_thirtysixth.json", "the thirty-sixth batch (training only)"),
    ("crisis_thirtyseventh.json", "the thirty-seventh batch (training only)"),
    ("crisis_thirtyninth.json", "the thirty-ninth batch (training only)"),
    ("crisis_fortyfirst.json", "the forty-first batch (training only)"),
    ("crisis_fortythird.json", "the forty-third batch (training only)"),
    ("crisis_fortyfifth.json", "the forty-fifth batch (training only)"),
)

#: Kept aside whole: (file, name), in the order written.
KEPT_ASIDE_BATCHES: tuple[tuple[str, str], ...] = (
    ("crisis_fifteenth.json", "fifteenth batch (kept aside whole)"),
    ("crisis_eighteenth.json", "eighteenth batch (kept aside whole)"),
    ("crisis_twentythird.json", "twenty-third batch (kept aside whole)"),
    ("crisis_twentysixth.json", "twenty-sixth batch (kept aside whole)"),
    ("crisis_twentyeighth.json", "twenty-eighth batch (kept aside whole)"),
    ("crisis_twentyninth.json", "twenty-ninth batch (kept aside whole)"),
    ("crisis_thirtyfirst.json", "thirty-first batch (kept aside whole)"),
    ("crisis_thirtyfifth.json", "thirty-fifth batch (kept aside whole)"),
    ("crisis_thirtyeighth.json", "thirty-eighth batch (kept aside whole)"),
    ("crisis_fortieth.json", "fortieth batch (kept aside whole)"),
    ("crisis_fortysecond.json", "forty-second batch (kept aside whole)"),
    ("crisis_fortyfourth.json", "forty-fourth batch (kept aside whole)"),
    ("crisis_fortysixth.json", "forty-sixth batch (kept aside whole)"),
    ("crisis_fortyseventh.json", "forty-seventh batch (kept aside whole)"),
)

#: Everyday (non-risk) entries written blind: trained on, and kept aside.
EVERYDAY_TRAINING = ("crisis_everyday_blind.json", "crisis_everyday_choose.json")
EVERYDAY_KEPT_ASIDE = (
    "crisis_everyday_blind_aside.json",
    "crisis_everyday_judge.json",
    "crisis_everyday_judge2.json",
)


def files(batches: tuple[tuple[str, str], ...]) -> list[str]:
    """The file names of ``batches``."""
    return [name for name, _ in batches]
