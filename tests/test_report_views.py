"""What each kind of report shows: welcome backs, check-ins, ranges, quiet weeks, words."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from report_journal import JournalBuilder, add_checkin_table
from selfcompassion.render import make_console
from selfcompassion.render.report import report_markdown, report_view
from selfcompassion.render.report_page import bar, span_text, sparkline
from selfcompassion.report import closing
from selfcompassion.report.periods import Period, choose_request
from selfcompassion.report.stats import build_report
from selfcompassion.store import JournalStore
from test_report_stats import SUNDAY, day, known_week


def shown(store: JournalStore, today: date = SUNDAY, width: int = 80, **options: Any) -> str:
    report = build_report(store, choose_request(today, **options), today)
    console = make_console(width=width, file=io.StringIO())
    console.print(report_view(report))
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_coming_back_is_greeted_in_words(store: JournalStore) -> None:
    j = JournalBuilder()
    for n in range(1, 6):
        j.daily(day(n), 3)
    j.daily(day(18), 4)
    j.save(store)
    text = shown(store, day(18))
    assert "Welcome back after 12 days away." in text
    assert "Returning after 12 days away is part of the practice" in text


def test_a_quiet_stretch_says_when_and_invites_without_blame(store: JournalStore) -> None:
    known_week(store)
    text = shown(store, date(2026, 12, 6))
    assert "Your last entry was 14 days ago. The page is here whenever you want it." in text
    assert "No entries this week, and that is fine." in text
    assert "Mood and self-kindness" not in text


def test_checkin_section_appears_once_scores_exist(store: JournalStore) -> None:
    known_week(store)
    assert "check-in" not in shown(store).lower()
    add_checkin_table(store)
    j = JournalBuilder()
    j.checkin(day(22), 3.6, 3.5, 3.5, 4.0)
    j.save(store)
    text = shown(store)
    assert "Weekly check-in (1–5)" in text
    assert "3.6  (last week –)" in text
    assert "mindfulness 4.0" in text
    trend = shown(store, weeks=2)
    assert "check-in" in trend


def test_a_month_shows_a_sparkline_instead_of_day_rows(store: JournalStore) -> None:
    known_week(store)
    text = shown(store, since="2026-11-01", until="2026-11-30")
    assert "30 days" in text
    assert "Mon 16" not in text
    line = next(row for row in text.splitlines() if row.startswith("mood"))
    assert line.split()[1] == sparkline(
        [None] * 8
        + [2.0, None, 3.0, None, 4.0, None, None, 3.0, None, 5.0, 3.0, None, 4.0, 2.0]
        + [None] * 8
    )


def test_a_range_of_days_is_named_by_its_length(store: JournalStore) -> None:
    """'in these days' reads as 'nowadays'; a range says how many days it covers."""
    known_week(store)
    ranged = build_report(
        store, choose_request(SUNDAY, since="2026-11-02", until="2026-11-22"), SUNDAY
    )
    assert "in these 21 days" in ranged.closing
    one = build_report(
        store, choose_request(SUNDAY, since="2026-11-20", until="2026-11-20"), SUNDAY
    )
    assert closing.period_phrase(one) == "on that day"
    assert "these days" not in shown(store, since="2026-11-01", until="2026-11-30")


@pytest.mark.parametrize("width", [60, 80])
def test_without_day_rows_each_rating_heading_sits_over_its_numbers(
    store: JournalStore, width: int
) -> None:
    """A month or a year has no bar a day: "mood" and "kindness" end where their averages
    do, and the Markdown table has no empty columns."""
    known_week(store)
    text = shown(store, width=width, since="2026-11-01", until="2026-11-30")
    lines = text.splitlines()
    heading = lines[lines.index("Mood and self-kindness (1–5)") + 1].rstrip()
    average = next(line for line in lines if line.startswith("average")).rstrip()
    assert heading.split() == ["mood", "kindness"]
    assert average.split()[1:] == ["3.2", "3.3"]
    assert heading.index("mood") + len("mood") == average.index("3.2") + len("3.2")
    assert len(heading) == len(average)  # "kindness" ends where its number does
    report = build_report(store, choose_request(SUNDAY, year=2026), SUNDAY)
    table = report_markdown(report).split("## Mood and self-kindness (1–5)")[1]
    assert "|  | mood | kindness |\n|---|---:|---:|\n| average |" in table
    assert "|  |  |" not in table


def test_with_text_shows_written_words_but_not_ratings(store: JournalStore) -> None:
    j = JournalBuilder()
    j.daily(day(20), 4, 3, themes=["inner-critic"], words="Slow morning, kind evening.")
    j.save(store)
    text = shown(store, with_text=True)
    assert "Your words" in text and "Fri 20 Nov · daily" in text
    assert "Slow morning, kind evening." in text
    assert "mood?" not in text  # the rating's prompt belongs to the figures, not the words
    assert "Slow morning" not in shown(store)


def test_markdown_quotes_words_and_neutralises_markup(store: JournalStore) -> None:
    j = JournalBuilder()
    j.daily(day(20), 4, themes=["x"], words="line one <script>x</script>\n| a table? | no |")
    j.save(store)
    report = build_report(store, choose_request(SUNDAY, with_text=True), SUNDAY)
    out = report_markdown(report)
    assert "> line one \\<script\\>x\\</script\\>" in out
    assert "> \\| a table? \\| no \\|" in out


@pytest.mark.parametrize(
    ("value", "drawn"), [(None, "·    "), (1.0, "█    "), (2.5, "██▌  "), (5.0, "█████")]
)
def test_bars(value: float | None, drawn: str) -> None:
    assert bar(value) == drawn


def test_sparkline_spans_the_scale() -> None:
    assert sparkline([1.0, 3.0, 5.0, None]) == "▁▅█·"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2026, 11, 16), date(2026, 11, 22), "16–22 Nov 2026"),
        (date(2026, 9, 28), date(2026, 10, 4), "28 Sep – 4 Oct 2026"),
        (date(2026, 12, 28), date(2027, 1, 3), "28 Dec 2026 – 3 Jan 2027"),
    ],
)
def test_spans(start: date, end: date, text: str) -> None:
    assert span_text(Period(start, end)) == text


UNKIND = re.compile(r"fail|should have|lazy|weak|why didn.t|broke|missed|behind", re.IGNORECASE)


def test_no_line_of_the_report_blames() -> None:
    render = Path(closing.__file__).parents[1] / "render"
    # Every module that writes a report's words, not only the first one split out.
    sources = [Path(closing.__file__), *sorted(render.glob("report*.py")), render / "checkin.py"]
    assert len(sources) >= 5
    for source in sources:
        for literal in re.findall(r'"([^"\n]{12,})"', source.read_text(encoding="utf-8")):
            assert not UNKIND.search(literal), literal


def test_every_closing_line_is_kind(store: JournalStore) -> None:
    known_week(store)
    lines = {
        build_report(store, choose_request(today, **options), today).closing
        for today in (SUNDAY - timedelta(days=n) for n in range(0, 30, 2))
        for options in ({}, {"weeks": 3})
    }
    assert len(lines) >= 3
    for line in lines:
        assert not UNKIND.search(line), line
