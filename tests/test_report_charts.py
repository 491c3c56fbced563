"""The report's charts in the terminal: the weekly chart, the calendar of days and the year
of days, read back from what a person sees for a journal with known days and moods."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli_run import Journal
from report_journal import JournalBuilder, db_args
from selfcompassion.render.textcharts import MOOD_CELLS, calendar, week_chart, year_grid
from selfcompassion.report.figures import DayMark
from selfcompassion.store import JournalStore
from test_report_stats import SUNDAY

FIRST_MONDAY = date(2026, 9, 7)  # the journal begins here, 2 weeks into a 12-week report
WEEKS_WRITTEN = 11  # 7 Sep to the week of 16 Nov


def monday(week: int) -> date:
    return FIRST_MONDAY + timedelta(weeks=week)


@pytest.fixture
def weeks_db(db_path: Path) -> Path:
    """Every Monday from 7 Sep: mood 1, 2, 3, 4, 5, 1, ... and kindness 3; every other
    Wednesday an entry without ratings."""
    j = JournalBuilder()
    for week in range(WEEKS_WRITTEN):
        j.daily(monday(week), week % 5 + 1, 3)
        if week % 2 == 0:
            j.daily(monday(week) + timedelta(days=2))
    with JournalStore.open(db_path) as store:
        j.save(store)
    return db_path


def run(journal: Journal, db: Path, *args: str) -> str:
    result = journal(*db_args(db), "report", *args, day=SUNDAY, hour=20)
    assert (result.code, result.err) == (0, "")
    return result.out


def section(out: str, title: str) -> list[str]:
    """The lines of one section, up to the blank line that ends it."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return [line.rstrip() for line in lines[start:end]]


@pytest.mark.parametrize("width", [60, 80])
def test_twelve_weeks_start_at_the_first_entry_with_a_chart_and_a_calendar(
    weeks_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    out = run(journal, weeks_db, "--weeks", "12")
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    assert out.splitlines()[0] == "11 weeks from 7 Sep"
    assert "W3" not in out and "2026-W" not in out
    # Practice counts the whole stretch: 11 Mondays and 6 Wednesdays in 77 days.
    practice = section(out, "Practice")
    assert "days practised  17 of 77 days" in practice
    assert "longest run     1 day in a row" in practice
    chart = section(out, "Mood and self-kindness by week (1–5)")
    axis = [line[:3] for line in chart[:9]]
    assert axis == ["5 ┤", "  │", "4 ┤", "  │", "3 ┤", "  │", "2 ┤", "  │", "1 ┤"]
    marks = {
        level: line.count("●") + line.count("◉")
        for level, line in zip(axis, chart[:9], strict=True)
    }
    assert marks["1 ┤"] == 3  # moods 1 in weeks 0, 5 and 10
    assert marks["5 ┤"] == 2
    assert chart[4].count("○") + chart[4].count("◉") == 11  # kindness 3 every week
    assert chart[4].count("◉") == 2  # mood 3 meets kindness 3 in weeks 2 and 7
    labels = chart[10].split()
    assert labels[:4] == ["7", "Sep", "21", "Sep"]
    calendar_lines = section(out, "Days practised")
    mondays, wednesdays = calendar_lines[1], calendar_lines[3]
    assert mondays.startswith("Mon ") and wednesdays.startswith("Wed ")
    assert mondays[4:].split() == [MOOD_CELLS[w % 5] for w in range(WEEKS_WRITTEN)]
    assert wednesdays[4:].split() == ["○" if w % 2 == 0 else "·" for w in range(WEEKS_WRITTEN)]
    assert calendar_lines[-1].startswith("· no entry")
    table = section(out, "Week by week")
    assert [row.split()[:2] for row in table[1:3]] == [["7", "Sep"], ["14", "Sep"]]
    assert len(table) == 1 + WEEKS_WRITTEN


def test_a_year_of_days_with_its_figures(
    weeks_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("NO_COLOR", "1")
    out = run(journal, weeks_db, "--year")
    assert out.splitlines()[0] == "The year 2026"
    assert "days practised  17 of 326 days" in section(out, "Practice")  # 1 Jan to 22 Nov
    grid = section(out, "A year of days")
    rows = {line[:3]: line[4:] for line in grid[1:13]}
    assert list(rows) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                          "Nov", "Dec"]  # fmt: skip
    assert rows["Feb"] == "·" * 28
    assert rows["Sep"][6] == MOOD_CELLS[0] and rows["Sep"][8] == "○"  # 7 and 9 September
    assert rows["Nov"][15] == MOOD_CELLS[0] and rows["Nov"][21] == "·"  # 16 and 22 November
    assert rows["Nov"][22:].strip() == "" and rows["Dec"].strip() == ""  # days still ahead
    assert run(journal, weeks_db, "--year-of", "2025").splitlines()[0] == "The year 2025"


@pytest.mark.parametrize(
    "args",
    [["--year-of", "2027"], ["--year", "--weeks", "3"], ["--year-of", "1"]],
)
def test_bad_years_are_one_clear_line(weeks_db: Path, journal: Journal, args: list[str]) -> None:
    result = journal(*db_args(weeks_db), "report", *args, day=SUNDAY)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_long_trends_keep_to_the_latest_weeks_that_fit() -> None:
    starts = [date(2024, 1, 1) + timedelta(weeks=n) for n in range(80)]
    lines = week_chart(starts, [3.0] * 80, [None] * 80)
    assert "".join(text for _, text in lines[4]).count("●") == 52
    assert max(len("".join(text for _, text in line)) for line in lines) <= 60
    days = [DayMark(starts[0] + timedelta(days=n), n % 3 == 0, 4.0) for n in range(80 * 7)]
    cells = calendar(days)
    assert max(len("".join(text for _, text in line)) for line in cells) <= 60
    assert len(cells) == 1 + 7 + 1


def test_a_leap_year_has_its_29_february() -> None:
    days = [DayMark(date(2028, 1, 1) + timedelta(days=n)) for n in range(366)]
    rows = ["".join(text for _, text in line) for line in year_grid(days)]
    assert rows[2] == "Feb " + "·" * 29
    assert rows[2 + 10] == "Dec " + "·" * 31


def test_the_page_and_the_picture_draw_the_charts_the_data_says(
    weeks_db: Path, journal: Journal
) -> None:
    page = run(journal, weeks_db, "--weeks", "12", "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert page.count('class="point mood"') == WEEKS_WRITTEN
    assert page.count('class="point kindness"') == WEEKS_WRITTEN
    assert page.count('class="day ') == 77  # 7 Sep to 22 Nov
    assert page.count('class="day practised"') == 17
    assert ">7 Sep</text>" in page and "2026-W" not in page
    picture = run(journal, weeks_db, "--weeks", "12", "--format", "svg")
    root = ElementTree.fromstring(picture)
    classes = [element.get("class", "") for element in root.iter()]
    assert classes.count("point mood") == WEEKS_WRITTEN
    assert classes.count("chart weeks") == classes.count("chart calendar") == 1
    year = run(journal, weeks_db, "--year", "--format", "html")
    assert year.count('class="day ') == 326 and 'class="chart year"' in year
