"""The reframes of a report as small bar charts: the critic's belief before and after, the
feelings eased and the thinking traps noted most, read back from what a person sees in the
terminal (60 and 80 columns, without colour and in 16 colours) and from the page and the
picture."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli_run import Journal
from report_journal import JournalBuilder, db_args
from selfcompassion.render.textcharts import BAR_WIDTH
from selfcompassion.store import JournalStore
from test_report_charts import section
from test_report_stats import SUNDAY

FIRST = date(2026, 9, 7)  # a Monday, eleven weeks before SUNDAY's week ends
#: (intensity before, after, belief before, after, traps) of each reframe.
REFRAMES = [
    (80, 50, 80, 40, ("labelling", "mind-reading")),
    (60, 40, 60, 30, ("labelling",)),
    (70, 40, 100, 50, ("labelling", "mind-reading", "catastrophising")),
    (90, 70, 40, 20, ("should-statements",)),
]


@pytest.fixture(autouse=True)
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")


@pytest.fixture
def reframes_db(db_path: Path) -> Path:
    """A daily entry every Monday for eleven weeks, and four reframes: two in the first
    week, one in the fifth, one in the last (the week of SUNDAY)."""
    j = JournalBuilder()
    for week in range(11):
        j.daily(FIRST + timedelta(weeks=week), 3, 3)
    for day, (before, after, *belief, traps) in zip(
        [FIRST, FIRST + timedelta(days=1), FIRST + timedelta(weeks=4), SUNDAY],
        REFRAMES,
        strict=True,
    ):
        j.reframe(day, before, after, traps=traps, belief=(belief[0], belief[1]))
    with JournalStore.open(db_path) as store:
        j.save(store)
    return db_path


def report(journal: Journal, db: Path, *args: str, width: int = 60) -> str:
    result = journal(*db_args(db), "report", *args, day=SUNDAY, hour=20)
    assert (result.code, result.err) == (0, "")
    assert max(len(line) for line in result.out.splitlines()) <= width
    return result.out


def bar_rows(lines: list[str]) -> dict[str, tuple[int, float]]:
    """Each bar's label, its length in half blocks and the value written after it."""
    found = {}
    for line in lines:
        match = re.fullmatch(r"(\S.*?) +([█▌]+) +(-?[\d.]+)", line)
        if match:
            drawn = match.group(2)
            found[match.group(1)] = (2 * drawn.count("█") + drawn.count("▌"), float(match[3]))
    return found


@pytest.mark.parametrize("width", [60, 80])
def test_twelve_weeks_draw_the_reframes_of_the_whole_stretch_as_bars(
    reframes_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = report(journal, reframes_db, "--weeks", "12", width=width)
    assert "\x1b" not in out
    lines = section(out, "Reframes")
    assert lines[0].split() == ["reframes", "4", "in", "these", "11", "weeks"]
    bars = bar_rows(lines)
    # Means over all four: belief 70 -> 35, eased (30 + 20 + 30 + 20) / 4 = 25, each a
    # bar of a twentieth of 100 per block.
    assert bars["belief in critic, before"] == (28, 70.0)
    assert bars["belief in critic, after"] == (14, 35.0)
    assert bars["feelings eased by"] == (10, 25.0)
    assert "Thinking traps noted most" in lines
    # Labelling 3 times is the longest bar; mind-reading 2 of 3; then one trap once (the
    # first by id), the rest left out. Each reads by its name, as everywhere else.
    assert bars["Labelling"] == (2 * BAR_WIDTH, 3)
    assert bars["Mind-reading"] == (27, 2)
    assert bars["Catastrophising"] == (13, 1)
    assert "Should-statements" not in out and "labelling" not in out
    # Every bar starts in the same column, the scores' and the traps' alike.
    starts = {line.index(next(c for c in line if c in "█▌")) for line in lines if "█" in line}
    assert len(starts) == 1


def test_a_week_shows_its_own_reframes_beside_the_week_before(
    reframes_db: Path, journal: Journal
) -> None:
    out = report(journal, reframes_db)
    lines = section(out, "Reframes")
    assert lines[0].split() == ["reframes", "1", "(last", "week", "0)"]
    bars = bar_rows(lines)
    assert bars["belief in critic, before"] == (16, 40.0)
    assert bars["belief in critic, after"] == (8, 20.0)
    assert bars["feelings eased by"] == (8, 20.0)
    assert bars["Should-statements"] == (2 * BAR_WIDTH, 1)
    # A trend of one week is that week, beside the one before.
    assert section(report(journal, reframes_db, "--weeks", "1"), "Reframes")[:3] == lines[:3]


def test_the_bars_take_16_colours_and_keep_their_characters(
    reframes_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    result = journal(*db_args(reframes_db), "report", "--weeks", "12", day=SUNDAY, hour=20)
    codes = set(re.findall(r"\x1b\[([\d;]*)m", result.out))
    colours = {int(n) for code in codes for n in code.split(";") if n}
    assert {31, 32, 36, 33} <= colours  # before red, after green, eased cyan, traps yellow
    assert all(n < 38 or 90 <= n <= 97 for n in colours)  # the 16 colours, never 256
    plain = re.sub(r"\x1b\[[\d;]*m", "", result.out)
    assert bar_rows(section(plain, "Reframes"))["belief in critic, before"] == (28, 70.0)


def test_the_page_and_the_picture_carry_the_same_reframe_bars(
    reframes_db: Path, journal: Journal
) -> None:
    for fmt in ("html", "svg"):
        out = report(journal, reframes_db, "--weeks", "12", "--format", fmt, width=10**6)
        if fmt == "svg":
            ElementTree.fromstring(out)  # one well-formed picture
        titles = re.findall(r'<rect class="bar"[^>]*><title>([^<]*)</title>', out)
        assert titles == [
            "belief in critic, before: 70.0",
            "belief in critic, after: 35.0",
            "feelings eased by: 25.0",
            "labelling: 3",
            "mind-reading: 2",
            "catastrophising: 1",
        ]


def test_the_year_shows_the_reframes_of_the_year(reframes_db: Path, journal: Journal) -> None:
    out = report(journal, reframes_db, "--year")
    lines = section(out, "Reframes")
    assert lines[0].split() == ["reframes", "4", "(last", "year", "0)"]
    assert bar_rows(lines)["belief in critic, after"] == (14, 35.0)


def test_hostile_trap_names_stay_plain_in_every_form(db_path: Path, journal: Journal) -> None:
    """A trap id that came from outside (a hand-edited journal) is drawn as characters, and
    never opens markup, a terminal code or a way out of a Markdown code block."""
    j = JournalBuilder()
    j.reframe(SUNDAY, 80, 40, traps=["<b>x</b>```\x1b[31m[red]"], belief=(90, 10))
    with JournalStore.open(db_path) as store:
        j.save(store)
    out = report(journal, db_path)
    assert "\x1b" not in out and "<b>x</b>" in out and "```" not in out
    markdown = report(journal, db_path, "--format", "markdown", width=10**6)
    # Markdown gives the bars' figures in words, every mark of the name escaped.
    assert "```" not in markdown and "\x1b" not in markdown
    assert "- **belief in critic, before**: 90.0 of 100" in markdown
    assert "\\<b\\>x\\</b\\>\\`\\`\\`" in markdown
    page = report(journal, db_path, "--format", "html", width=10**6)
    assert "<b>x" not in page and "&lt;b&gt;x" in page and "\x1b" not in page
