"""The words shown for a trap only the model ticks read as a phrase of the person's own text.

Checked over development sentences: every fourth sentence of the training part of the fixed
split and of our own training sentences (bench/traps_data.py), never the kept-aside ones.
The words that may not begin or end what is shown are listed here, apart from the code's
own lists, so that the two are not simply checked against each other.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfcompassion.traps.catalog import TrapHit
from selfcompassion.traps.detector import detect_traps, trap_ids

BENCH = Path(__file__).resolve().parent.parent / "bench"
#: Every this many sentences of the training parts is read (a quarter: about 40 s).
STRIDE = 4
#: Words that tie a clause to the one before: what is shown never starts on one.
JOINING = {"and", "but", "so", "or", "because", "which", "though", "although", "if", "as"}
#: Words that only lead on to the next: what is shown ends on one only where its clause does.
LEADING = {
    *("a", "an", "the", "my", "your", "his", "her", "our", "their", "this", "that"),
    *("of", "in", "on", "at", "to", "for", "from", "with", "by", "about"),
    *("and", "but", "or", "so", "because", "if", "which"),
    *("i", "he", "she", "we", "they", "i'm", "i'll", "it's", "they're"),
    *("is", "are", "was", "were", "be", "will", "would", "can", "could", "should", "must"),
    *("have", "has", "had", "not", "very", "really", "just", "going"),
}
CLAUSE_MARK = re.compile(r"[,;:.!?\u2013\u2014]")
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@pytest.fixture(scope="module")
def development() -> list[str]:
    """Every ``STRIDE``-th sentence of the training parts."""
    sys.path.insert(0, str(BENCH))
    try:
        import traps_data

        training = traps_data.split(traps_data.load_all())[0]
        own = [s for batch in traps_data.OWN_BATCHES for s in traps_data.load_own("train", batch)]
    finally:
        sys.path.remove(str(BENCH))
    return [sentence.text for sentence in (training + own)[::STRIDE]]


@pytest.fixture(scope="module")
def model_only(development: list[str]) -> Iterator[list[tuple[str, TrapHit]]]:
    """(sentence, hit) for each trap only the model ticks in the development sentences."""
    found = []
    for text in development:
        rules = set(trap_ids(text, second_opinion=False))
        found += [(text, h) for h in detect_traps(text) if h.trap_id not in rules]
    yield found


def _words(phrase: str) -> list[str]:
    return [word.casefold().replace("\u2019", "'") for word in WORD.findall(phrase)]


def _clause_end(text: str, end: int) -> bool:
    """Whether only space lies between ``end`` and a clause mark or the end of ``text``."""
    rest = text[end:].lstrip()
    return not rest or bool(CLAUSE_MARK.match(rest))


def _clause_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or bool(CLAUSE_MARK.match(before[-1]))


def _whole_clause(text: str, hit: TrapHit) -> bool:
    return _clause_start(text, hit.start) and _clause_end(text, hit.end)


def test_enough_development_sentences_are_read(model_only: list[tuple[str, TrapHit]]) -> None:
    assert len(model_only) >= 50


def test_the_words_shown_are_whole_words_of_the_text(
    model_only: list[tuple[str, TrapHit]],
) -> None:
    for text, hit in model_only:
        assert text[hit.start : hit.end] == hit.phrase, (text, hit)
        assert hit.start == 0 or not text[hit.start - 1].isalnum(), (text, hit.phrase)
        assert hit.end == len(text) or not text[hit.end].isalnum(), (text, hit.phrase)
        assert hit.phrase[0].isalnum() and hit.phrase[-1].isalnum(), (text, hit.phrase)


def test_the_words_shown_stay_inside_one_clause(model_only: list[tuple[str, TrapHit]]) -> None:
    for text, hit in model_only:
        assert not CLAUSE_MARK.search(hit.phrase), (text, hit.phrase)


def test_the_words_shown_start_and_end_where_a_phrase_can(
    model_only: list[tuple[str, TrapHit]],
) -> None:
    for text, hit in model_only:
        words = _words(hit.phrase)
        # A joining word starts only a clause of two shown whole ("as usual").
        whole_pair = len(words) == 2 and _whole_clause(text, hit)
        assert words[0] not in JOINING or whole_pair, (text, hit.phrase)
        assert words[-1] not in LEADING or _clause_end(text, hit.end), (text, hit.phrase)


def test_the_words_shown_say_something(model_only: list[tuple[str, TrapHit]]) -> None:
    """At least two words, one of them more than a joining or leading word, unless the
    whole clause is shorter ("Weak.")."""
    for text, hit in model_only:
        words = _words(hit.phrase)
        assert len(words) >= 2 or _whole_clause(text, hit), (text, hit.phrase)
        assert any(word not in LEADING | JOINING for word in words), (text, hit.phrase)


def test_the_rules_show_words_without_the_spaces_around_them(development: list[str]) -> None:
    # A rule may take in the spaces that start a sentence ("Missed it.   Idiot."); what is
    # shown starts at the first letter and ends at the last.
    spans = [
        (text, hit) for text in development for hit in detect_traps(text, second_opinion=False)
    ]
    assert len(spans) > 200
    assert [(text, hit.phrase) for text, hit in spans if hit.phrase != hit.phrase.strip()] == []
    for spaced, shown in (
        ("Missed it.   Idiot.", "Idiot"),
        ("Late again.\n\nAll on me.", "All on me"),
    ):
        (hit,) = detect_traps(spaced, second_opinion=False)
        assert (hit.phrase, spaced[hit.start : hit.end]) == (shown, shown)
