"""The crisis check's model: its tokenizer, its numpy forward pass, its gate, and how it
joins the rules.

``tests/data/crisis_model_fixtures.json`` is written by ``tools/train_crisis_model.py``
when the model is exported: token ids from the reference tokenizer, and the probabilities
torch gave with the shipped weights. The numpy model must give the same.

``tests/data/crisis_more.json`` holds sentences written for this project after the model
was first shipped (risk of every kind, and hard non-risk: idioms, ordinary sadness,
recovery, other people, stories, prescribed medicine, ordinary plans and goodbyes), split
once (seed 20261210, a third of each category kept aside, ``part``). A model retrained
with its ``train`` part was tried and not shipped; the ``aside`` part is only measured
(bench/crisis_eval.py, docs/safety.md).

``tests/data/crisis_fresh.json`` is a later batch in new words, most of all hard non-risk
sentences, split the same way (seed 20261220) before anything was run on it. A model
retrained with the ``train`` parts of both was tried and not shipped.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from selfcompassion.care import detector, encoder, gate, second_look
from selfcompassion.care.detector import MODEL, SECOND_LOOK, find_concerns, needs_care
from selfcompassion.language.wordpiece import tokenizer, words

DATA = Path(__file__).parent / "data"
FIXTURES = json.loads((DATA / "crisis_model_fixtures.json").read_text(encoding="utf-8"))
TRAINING = [
    item
    for name in ("crisis_tuning.json", "crisis_own.json")
    for item in json.loads((DATA / name).read_text(encoding="utf-8"))
]


def test_token_ids_are_the_reference_tokenizers() -> None:
    wrong = [
        (case["text"], tokenizer().ids(case["text"]), case["ids"])
        for case in FIXTURES["tokens"]
        if tokenizer().ids(case["text"]) != case["ids"]
    ]
    assert len(FIXTURES["tokens"]) >= 300
    assert not wrong, wrong[:3]


def test_words_are_split_as_bert_splits_them() -> None:
    assert words("Café — I'm DONE!!") == ["cafe", "—", "i", "'", "m", "done", "!", "!"]
    assert tokenizer().ids("")[1:] == [tokenizer().sep]
    assert tokenizer().pieces("x" * 101) == [tokenizer().unk]


def test_numpy_gives_the_probabilities_torch_gave() -> None:
    cases: list[dict[str, Any]] = FIXTURES["probabilities"]
    got = encoder.probabilities([tokenizer().ids(case["text"]) for case in cases])
    alone = encoder.probabilities([tokenizer().ids(cases[0]["text"])])
    for case, p in zip(cases, got, strict=True):
        assert abs(p - case["p"]) < 1e-3, case["text"]
    assert abs(alone[0] - got[0]) < 1e-5  # padding in a batch changes nothing
    assert any(case["p"] > 0.9 for case in cases) and any(case["p"] < 0.1 for case in cases)


def test_the_gate_lets_every_risk_sentence_of_the_training_part_through() -> None:
    risky = [item["text"] for item in TRAINING if item["risk"]]
    assert [text for text in risky if not gate.passes(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Im such an idiot, I always mess up and everyone at work thinks Im useless.",
        "The meeting ran long and I snapped at Sam, then I went for a walk.",
        "Lovely lunch with my sister.",
    ],
)
def test_everyday_words_do_not_wake_the_model(text: str) -> None:
    assert not gate.passes(text)
    assert not find_concerns(text, model=True)


@pytest.mark.parametrize(
    "text",
    ["Rest well tonight", "Get a good night of sleep", "Sleep in on sunday, no alarm"],
)
def test_the_model_is_part_of_the_check_and_quiet_for_rest_and_sleep(text: str) -> None:
    # Everyday intentions about rest and sleep were the model's false alarms before it was
    # trained on everyday sentences; now the check, model included, stays quiet for them.
    assert SECOND_LOOK is True
    assert not needs_care(text)


def test_the_check_reads_with_the_model_by_default() -> None:
    assert needs_care("everything is ready for friday. nobody knows.")


def test_training_sentences_are_recognised_with_the_model() -> None:
    """Rules or model, as the check runs: the training part is recognised at a high rate
    (the kept-aside figures are printed by bench/crisis_eval.py, never asserted here).
    Every risk sentence, and every other non-risk one: each of those costs a model run."""
    risky = [item["text"] for item in TRAINING if item["risk"]]
    calm = [item["text"] for item in TRAINING if not item["risk"]][::2]
    recall = sum(bool(find_concerns(text, model=True)) for text in risky) / len(risky)
    flagged = sum(bool(find_concerns(text, model=True)) for text in calm) / len(calm)
    assert recall >= 0.99
    assert flagged <= 0.03


def test_the_model_finds_what_the_rules_miss_and_shows_that_sentence() -> None:
    text = "everything is ready for friday. nobody knows."
    assert not find_concerns(text, model=False)
    concerns = find_concerns(text, model=True)
    assert [c.rule for c in concerns] == [MODEL]
    assert concerns[0].words == "everything is ready for friday."
    assert text[concerns[0].start : concerns[0].end] == concerns[0].words


@pytest.mark.parametrize(
    ("past", "now"),
    [
        (
            "i used to think about dying all the time, therapy helped",
            "i think about dying all the time, therapy is not helping",
        ),
        (
            "when i was 16 i wrote goodbye letters. found them today and binned them. "
            "im 24 and happy",
            "i wrote goodbye letters today and hid them in my desk",
        ),
    ],
)
def test_the_model_reads_the_past_as_the_rules_do(past: str, now: str) -> None:
    # The rules let a sentence told in the past pass; the model, which once flagged both of
    # these, no longer brings the panel back for it, and still reads the present twin.
    assert not find_concerns(past, model=False)
    assert not find_concerns(past, model=True)
    assert find_concerns(now, model=True)


@pytest.mark.parametrize("text", ["friday", "next friday", "Tomorrow", "pills"])
def test_a_word_or_two_is_left_to_the_rules(text: str) -> None:
    # A due date or a one-word answer gives the model too little to read.
    assert second_look.second_look(text) is None
    assert find_concerns("want 2 die", model=True) and find_concerns("kms", model=True)


def test_a_long_answer_is_read_in_windows() -> None:
    filler = "We walked by the river and talked about the garden and the new shed. " * 60
    last = "Everything is ready for friday and nobody will know."
    text = filler + last
    assert len(text) > 4000
    assert not find_concerns(last, model=False)
    finding = second_look.second_look(text)
    assert finding is not None and finding.words == last
    assert second_look.second_look(filler) is None


def test_sentences_are_cut_where_people_end_them() -> None:
    text = "first one.  second!? third\nfourth \u2026 ...  "
    assert [text[a:b] for a, b in second_look.sentences(text)] == [
        "first one.",
        "second!?",
        "third",
        "fourth \u2026 ...",
    ]


def test_numpy_is_loaded_only_for_answers_the_model_reads() -> None:
    """One or two words, and a long answer none of whose sentences passes the gate, are left
    to the rules; a short answer is read by the model, gated or not."""
    long_quiet = " ".join(["We walked to the market and bought bread and apples."] * 30)
    code = (
        "import sys\n"
        "from selfcompassion.care.detector import find_concerns\n"
        "assert not find_concerns('friday', model=True)\n"
        f"assert not find_concerns({long_quiet!r}, model=True)\n"
        "assert 'numpy' not in sys.modules, 'numpy loaded for an answer the model skips'\n"
        "assert not find_concerns('I always mess up and they think I am useless.', model=True)\n"
        "assert 'numpy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_short_answer_the_gate_would_stop_is_read_by_the_model() -> None:
    """No word of it is one the gate knows, and the model is all but sure (our own words)."""
    text = "i am finished either way and there is nothing on the other side for me"
    assert not gate.passes(text)
    assert not find_concerns(text, model=False)
    assert [c.rule for c in find_concerns(text, model=True)] == [MODEL]
    assert not needs_care("went for a walk by the canal and bought bread on the way home")
    # a short phrase outside the gate (an intention) is left to the rules
    assert second_look.best("say no to one thing") is None


def test_what_a_pupil_wrote_is_the_pupils_and_the_writers_own_words_count() -> None:
    assert not needs_care(
        "my pupil wrote i want to die on the cover of her book, told the safeguarding lead"
    )
    assert needs_care("i wrote i want to die on the cover of my book in maths today")


def test_a_breath_taken_on_purpose_is_an_intention_not_a_risk() -> None:
    """The model read "stretch and breathe" (an intention) as risk language (0.84); the
    rules now blank a breath taken on purpose, and wanting to stop breathing still counts."""
    assert not needs_care("stretch and breathe")
    assert not needs_care("before the call, pause and breathe")
    assert needs_care("some nights i want to stop breathing")


def test_a_short_answer_outside_the_gate_needs_the_model_all_but_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Between the two thresholds a gated answer brings the panel and an ungated one not."""
    between = (second_look.THRESHOLD + second_look.UNGATED_THRESHOLD) / 2
    assert second_look.THRESHOLD < between < second_look.UNGATED_THRESHOLD
    text = "my week went the way weeks go"
    for gated, expected in ((True, [MODEL]), (False, [])):
        finding = second_look.Finding(text, 0, len(text), between, gated)
        monkeypatch.setattr(second_look, "best", lambda _text, found=finding: found)
        assert [c.rule for c in find_concerns(text, model=True)] == expected


def test_a_sure_no_from_the_model_quiets_the_rules_but_never_self_harm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last net (a strong word right after "i" or "my") gives way to a model that is all
    but sure, another rule only to a model surer still, and self-harm never."""
    last_net = "in my dream i was dying and then i woke up and made toast"
    other = "kms this printer jammed"
    self_harm = "I cut myself after the call with my dad. It's bandaged now."
    assert [c.rule for c in find_concerns(last_net, model=False)] == ["strong-word"]
    assert [c.rule for c in find_concerns(other, model=False)] == ["kill-oneself-short"]
    assert [c.rule for c in find_concerns(self_harm, model=False)] == ["cut-oneself"]
    assert detector.ALL_BUT_SURE_BELOW < detector.QUIET_BELOW

    def model_scores(probability: float) -> None:
        finding = second_look.Finding("", 0, 0, probability)
        monkeypatch.setattr(second_look, "best", lambda text: finding)

    model_scores(detector.ALL_BUT_SURE_BELOW / 2)
    assert not find_concerns(last_net, model=True)
    assert not find_concerns(other, model=True)
    assert [c.rule for c in find_concerns(self_harm, model=True)] == ["cut-oneself"]
    assert find_concerns("kms this printer jammed again and i mean it", model=True)
    model_scores((detector.ALL_BUT_SURE_BELOW + detector.QUIET_BELOW) / 2)
    assert not find_concerns(last_net, model=True)
    assert [c.rule for c in find_concerns(other, model=True)] == ["kill-oneself-short"]
    model_scores(detector.QUIET_BELOW * 2)
    assert [c.rule for c in find_concerns(last_net, model=True)] == ["strong-word"]


@pytest.mark.parametrize(
    "text",
    [
        "kms this printer jammed",
        "I was suicidal after the business failed. Therapy, meds and time. Now I mentor "
        "other founders about it.",
        "Film night with the family. George wanting to end it all and the angel saving him. "
        "Cried like every year.",
        "spreadsheet crashed and i lost 3 hours work. wanted to throw myself off the roof. "
        "autosave is on now",
    ],
)
def test_the_model_quiets_stories_jokes_and_recovery_the_rules_flag(text: str) -> None:
    assert find_concerns(text, model=False)
    assert not find_concerns(text, model=True)


@pytest.mark.parametrize(
    "text",
    [
        "I am suicidal since the business failed. Therapy isn't helping.",
        "I've been suicidal since the divorce and the new meds do nothing.",
        "I have a plan and a date. The crisis team discharged me on Monday.",
        "the suicidal thoughts are back and my counsellor left the practice",
        "talked about my suicidal thoughts in therapy today and they are worse than ever",
        "feel like such a burden on mam and dad since the redundancy",
    ],
)
def test_risk_said_now_stands_though_the_model_reads_it_as_recovery(text: str) -> None:
    """The model learnt therapy and medicine from stories of recovery and scores these near
    zero; where a sentence speaks of the writer now, the rules stand."""
    finding = second_look.best(text)
    assert finding is not None and finding.probability < detector.ALL_BUT_SURE_BELOW
    assert find_concerns(text, model=True)


@pytest.mark.parametrize(
    "text",
    [
        "had the urge to cut all through the lecture, went to the toilets halfway and did",
        "i relapsed. 6 months gone. i hate that it helped",
    ],
)
def test_the_model_never_quiets_self_harm_told_in_shorthand(text: str) -> None:
    """The model scores these under 0.01; the self-harm rules that find them stand."""
    finding = second_look.best(text)
    assert finding is not None and finding.probability < 0.01
    assert find_concerns(text, model=True)


def test_the_last_net_gives_way_to_the_model_on_everyday_words() -> None:
    assert not needs_care("in my dream i was dying and then i woke up and made toast")
    assert needs_care("honestly the world is better with me dead")
    assert needs_care("i keep staring at my wrists")


@pytest.mark.parametrize(
    ("name", "earlier"),
    [
        ("crisis_more.json", ()),
        ("crisis_fresh.json", ("crisis_more.json",)),
        ("crisis_tenth.json", ("crisis_more.json", "crisis_fresh.json")),
    ],
)
def test_our_later_sentences_are_split_once_and_new(name: str, earlier: tuple[str, ...]) -> None:
    more = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert {item["part"] for item in more} == {"train", "aside"}
    texts = [item["text"].strip().lower() for item in more]
    assert len(set(texts)) == len(texts)
    elsewhere = {
        item["text"].strip().lower()
        for other in (
            "crisis_tuning.json",
            "crisis_own.json",
            "crisis_everyday.json",
            "crisis_everyday_aside.json",
            "crisis_kept_aside.json",
            *earlier,
        )
        for item in json.loads((DATA / other).read_text(encoding="utf-8"))
    }
    assert not elsewhere & set(texts)
    for category in {item["category"] for item in more}:  # about a third of each kept aside
        members = [item for item in more if item["category"] == category]
        aside = sum(item["part"] == "aside" for item in members)
        assert abs(aside - len(members) / 3) <= 1, category


def test_the_batches_written_blind_are_new_and_the_last_one_is_kept_aside_whole() -> None:
    """Each batch written blind (``bench/crisis_data.py``) shares no sentence with any other
    file of sentences, so the batches kept aside whole were never trained or tuned on."""
    batches = _crisis_data()
    blind = (
        *batches.files(batches.TRAINING_BATCHES),
        *batches.files(batches.KEPT_ASIDE_BATCHES),
        *batches.EVERYDAY_TRAINING,
        *batches.EVERYDAY_KEPT_ASIDE,
    )
    for name in blind:
        texts = [" ".join(i["text"].lower().split()) for i in json.loads((DATA / name).read_text())]
        assert len(set(texts)) == len(texts), name
        others = {
            " ".join(item["text"].lower().split())
            for other in DATA.glob("crisis_*.json")
            if other.name not in (name, "crisis_model_fixtures.json")
            for item in json.loads(other.read_text(encoding="utf-8"))
        }
        assert not others & set(texts), name
    kept_aside_whole = batches.files(batches.KEPT_ASIDE_BATCHES)
    for aside in kept_aside_whole:
        batch = json.loads((DATA / aside).read_text(encoding="utf-8"))
        assert {item["part"] for item in batch} == {"aside"}, aside


@pytest.mark.parametrize(
    ("quiet", "flagged"),
    [
        ("I don't want to die anymore", "I don't want to die anymore but i keep cutting"),
        ("I do not want to die any more.", "I do not want to live any more."),
        (
            "cutting it fine with the school run again, through the gate with seconds to spare",
            "cutting again tonight, it's fine, nobody notices",
        ),
        (
            "hung the christmas lights and hung the new mirror in the hall. husband says crooked",
            "thought about hanging myself again last night",
        ),
    ],
)
def test_what_the_rules_blank_does_not_wake_the_model(quiet: str, flagged: str) -> None:
    # The model scores "I don't want to die anymore" as risk (0.999), "cutting it fine" and
    # "hung the new mirror" above 0.9; the rules blank them as safety said now or as an idiom,
    # and a sentence whose gate words all lie in what they blank is quiet.
    assert second_look.second_look(quiet) is not None
    assert not find_concerns(quiet, model=True)
    assert find_concerns(flagged, model=True)


def test_every_file_of_crisis_sentences_is_listed_where_it_is_read() -> None:
    """A batch file in tests/data is named in ``bench/crisis_data.py`` or read by name as one of
    the older split files, the shared set's part or the model's fixtures: none lies unread."""
    batches = _crisis_data()
    listed = {
        *batches.files(batches.TRAINING_BATCHES),
        *batches.files(batches.KEPT_ASIDE_BATCHES),
        *batches.EVERYDAY_TRAINING,
        *batches.EVERYDAY_KEPT_ASIDE,
    }
    read_by_name = {
        f"crisis_{name}.json"
        for name in (
            "tuning",
            "own",
            "more",
            "fresh",
            "tenth",
            "eleventh",
            "kept_aside",
            "everyday",
            "everyday_aside",
            "workday",
            "model_fixtures",
        )
    }
    on_disk = {path.name for path in DATA.glob("crisis_*.json")}
    assert on_disk == listed | read_by_name
    assert not listed & read_by_name


def _crisis_data() -> ModuleType:
    """``bench/crisis_data.py``, loaded from its file (bench/ is not a package)."""
    path = DATA.parent.parent / "bench" / "crisis_data.py"
    spec = importlib.util.spec_from_file_location("crisis_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
