"""The quick ways through the text checks give exactly what the patterns give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from selfcompassion.text import controls, mdtext

#: Characters around every rule: line starts, marks, controls, wide and broken ones.
PIECES = st.sampled_from(
    ["a", " ", "\t", "\n", "\r", "-", "+", "#", "=", "1", "9", ".", ")", "*", "\\", "`",
     "\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u00a0", "\u200b", "\u202e", "\u2066",
     "\u2028", "\u2019", "é", "\ud800", "  ", "\n\n", "####### ", "1234567890.", "\ue000"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=30), st.lists(PIECES, max_size=16).map("".join))


def reference_markdown(text: str) -> str:
    """mdtext.markdown_text as its patterns were first written, anchored with "^"."""
    text = controls._SURROGATE.sub("\ufffd", controls.CONTROL.sub("", text))
    escaped = re.sub(r"^[ \t]+", "", text, flags=re.MULTILINE)
    for char in mdtext._INLINE:
        escaped = escaped.replace(char, "\\" + char)
    escaped = re.sub(
        r"^(?=(?:[-+]|#{1,6})(?:[ \t]|$)|=[= \t]*$|-[- \t]*$)", r"\\", escaped, flags=re.M
    )
    return re.sub(r"^(\d{1,9})([.)])(?=[ \t]|$)", r"\1\\\2", escaped, flags=re.M)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_markdown_text_is_what_the_line_start_patterns_give(text: str) -> None:
    assert mdtext.markdown_text(text) == reference_markdown(text)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_the_quick_look_never_misses_a_control(text: str) -> None:
    stripped = controls._SURROGATE.sub("\ufffd", controls.CONTROL.sub("", text))
    assert controls.strip_controls(text) == stripped
    if controls.has_no_controls(text):
        assert stripped == text


def test_plain_text_takes_the_quick_way() -> None:
    assert controls.has_no_controls("Tea with my sister — it’s fine.\n\tNext line")
    assert not controls.has_no_controls("a\u200bb")


def test_the_quick_look_at_latin1_finds_each_control() -> None:
    """Text of Latin-1 is looked at byte by byte: every character CONTROL names is
    found, at either end or between words, and no other; wider text the slow way."""
    for code in range(256):
        char = chr(code)
        for text in (char, f"a {char}", f"{char} b\n", f"words\t{char}\n more", f"\xa4{char}·"):
            assert controls.has_no_controls(text) == (not controls.CONTROL.search(text))
    assert controls.has_no_controls("·\u2019 wide") and not controls.has_no_controls("·\u202e")
