"""The view of ``journal traps``, drawn without Rich: wrapped by screen cells, the trap words
underlined and the names bold only at a terminal, journal text shown as data."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from selfcompassion.render.traps import NOTHING_FOUND, line_spans, print_traps, traps_lines
from selfcompassion.traps.detector import TRAPS, detect_traps

THOUGHT = "I'm such an idiot. I always mess up and I should have known better."
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def cells(text: str) -> int:
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


@pytest.mark.parametrize("width", [1, 7, 20, 40])
@pytest.mark.parametrize(
    "text",
    [THOUGHT, "短い文ですが、いつも失敗してしまう。" * 3, "a\n\nb  c", "x" * 50, "é" * 30],
)
def test_lines_fit_the_width_and_keep_every_word(text: str, width: int) -> None:
    spans = line_spans(text, width)
    for a, b in spans:  # a wide character alone may overflow a line one cell wide
        assert cells(text[a:b]) <= width or b - a == 1
    assert "".join("".join(text[a:b].split()) for a, b in spans) == "".join(text.split())
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    assert len(spans) >= text.count("\n") + 1  # a line break in the text stays one


def test_at_a_terminal_the_trap_words_are_underlined_and_names_bold() -> None:
    hits = detect_traps(THOUGHT)
    lines = traps_lines(THOUGHT, hits, width=200, styles=True)
    underlined = re.findall(r"\x1b\[4m(.*?)\x1b\[0m", lines[0])
    assert underlined == [hit.phrase for hit in hits]
    for hit in hits:
        assert f"\x1b[1m{TRAPS[hit.trap_id].name}\x1b[0m" in "\n".join(lines)
    plain = traps_lines(THOUGHT, hits, width=200, styles=False)
    assert [ANSI.sub("", line) for line in lines] == plain
    assert not any(ANSI.search(line) for line in plain)


def test_off_a_terminal_the_view_is_plain_and_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = io.StringIO()
    print_traps(THOUGHT * 3, detect_traps(THOUGHT * 3), out)
    text = out.getvalue()
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert TRAPS["labelling"].explanation.split()[0] in text


def test_control_characters_and_markup_stay_inert() -> None:
    hostile = "I always fail \x1b]0;owned\x07 [bold]again[/bold]"
    lines = traps_lines(hostile, detect_traps(hostile), width=80, styles=True)
    shown = "\n".join(lines)
    assert "\x07" not in shown and "\x1b]" not in shown
    assert "[bold]again[/bold]" in shown


def test_nothing_found_is_one_warm_line() -> None:
    assert traps_lines("I made soup.", [], width=80, styles=True) == [NOTHING_FOUND]
