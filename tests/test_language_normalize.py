"""The shared plain form of journal text, and the way back to the person's own words."""

import pytest

from selfcompassion.language.normalize import normalize


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Im so tired", "i am so tired"),
        ("I’m a burden", "i am a burden"),
        ("i cant do this", "i can not do this"),
        ("u r useless", "you are useless"),
        ("Sooooo done", "soo done"),
        ("two\t\tspaces  here", "two spaces here"),
        ("well, I'll be ill", "well, i will be ill"),
    ],
)
def test_plain_form(written: str, plain: str) -> None:
    assert normalize(written).text == plain


def test_spans_map_back_to_the_words_written() -> None:
    found = normalize("Honestly im SOOO useless, i cant")
    start = found.text.index("i am")
    assert found.original_words(start, start + 4) == "im"
    start = found.text.index("soo")
    assert found.original_words(start, start + 3) == "SOOO"
    start = found.text.index("can not")
    assert found.original_words(start, start + 7) == "cant"


def test_empty_text() -> None:
    found = normalize("")
    assert found.text == ""
    assert found.original_span(0, 0) == (0, 0)
