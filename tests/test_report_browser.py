"""The report page and picture opened in a real headless Chromium: the charts are drawn, with
the number of points, days and bars the data says, inside their boxes; and a screenshot is
taken.

A test-only copy of the page carries a small script that measures what the browser drew and
writes it into the DOM, which ``--dump-dom`` prints back. The page itself has no script.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_run import Journal
from report_journal import db_args
from test_report_charts import WEEKS_WRITTEN, weeks_db  # noqa: F401
from test_report_reframe_bars import reframes_db  # noqa: F401
from test_report_stats import SUNDAY

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (.ci/run installs it from Debian)"
)

MEASURE = """<script>
const box = (el) => { const b = el.getBoundingClientRect();
  return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width,
          height: b.height}; };
const inside = (el, outer) => { const b = box(el), o = box(outer);
  return b.left >= o.left - 0.5 && b.right <= o.right + 0.5 && b.top >= o.top - 0.5
         && b.bottom <= o.bottom + 0.5; };
const weeks = document.querySelector("svg.chart.weeks");
const calendar = document.querySelector("svg.chart.calendar") ||
  document.querySelector("svg.chart.year");
const points = [...document.querySelectorAll(".point")];
const found = {
  mood: document.querySelectorAll("circle.point.mood").length,
  kindness: document.querySelectorAll("rect.point.kindness").length,
  days: document.querySelectorAll("rect.day").length,
  practised: document.querySelectorAll("rect.day.practised").length,
  weeks: weeks ? box(weeks) : null,
  calendar: calendar ? box(calendar) : null,
  pointsInside: points.every((p) => inside(p, weeks)),
  daysInside: [...document.querySelectorAll("rect.day")].every((d) => inside(d, calendar)),
  moodHeights: [...document.querySelectorAll("circle.point.mood")].map((p) => box(p).top),
  bars: [...document.querySelectorAll("rect.bar")].map((b) => box(b).width),
};
document.body.setAttribute("data-measured", JSON.stringify(found));
</script>"""


def chromium(*args: str, profile: Path) -> str:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def measure(markup: str, folder: Path) -> dict[str, Any]:
    """What the browser drew for this page (or picture, set in a page of its own)."""
    page = folder / "measured.html"
    page.write_text(markup.replace("</body>", MEASURE + "</body>"), "utf-8")
    dom = chromium("--dump-dom", page.as_uri(), profile=folder / "profile")
    found = re.search(r'data-measured="([^"]*)"', dom)
    assert found, dom[:2000]
    drawn: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return drawn


def test_the_picture_and_the_year_draw_in_a_real_browser(
    reframes_db: Path,  # noqa: F811
    journal: Journal,
    tmp_path: Path,
) -> None:
    """The SVG picture of twelve weeks, with its reframe bars as long as their figures, and
    the page of a year with a square for each day up to the report's day."""
    run = lambda *args: journal(*db_args(reframes_db), "report", *args, day=SUNDAY, hour=20)  # noqa: E731
    picture = run("--weeks", "12", "--format", "svg")
    assert picture.code == 0, picture.err
    drawn = measure(f"<!DOCTYPE html><html><body>{picture.out}</body></html>", tmp_path)
    assert drawn["mood"] == drawn["kindness"] == 11 and drawn["pointsInside"]
    assert drawn["days"] == 77 and drawn["daysInside"]
    # Belief 70 then 35 and eased 25 (of 100); traps 3, 2, 1 (of the most, 3).
    before, after, eased, *traps = drawn["bars"]
    assert after == pytest.approx(before / 2, abs=0.5)
    assert eased == pytest.approx(before * 25 / 70, abs=0.5)
    assert traps[0] == pytest.approx(traps[1] * 3 / 2, abs=0.5)
    assert traps[0] == pytest.approx(traps[2] * 3, abs=0.5)
    year = run("--year", "--format", "html")
    assert year.code == 0, year.err
    drawn = measure(year.out, tmp_path)
    assert drawn["days"] == (SUNDAY - date(SUNDAY.year, 1, 1)).days + 1 and drawn["daysInside"]
    assert drawn["calendar"]["width"] > 300 and len(drawn["bars"]) == 6


def test_the_page_draws_its_charts_in_a_real_browser(
    weeks_db: Path,  # noqa: F811
    journal: Journal,
    tmp_path: Path,
) -> None:
    result = journal(*db_args(weeks_db), "report", "--weeks", "12", "--format", "html",
                     day=SUNDAY, hour=20)  # fmt: skip
    assert result.code == 0, result.err
    page = tmp_path / "report.html"
    page.write_text(result.out, encoding="utf-8")
    drawn = measure(result.out, tmp_path)
    assert drawn["mood"] == drawn["kindness"] == WEEKS_WRITTEN
    assert (drawn["days"], drawn["practised"]) == (77, 17)
    assert drawn["pointsInside"] and drawn["daysInside"]
    assert drawn["weeks"]["width"] > 300 and drawn["weeks"]["height"] > 150
    assert drawn["calendar"]["width"] > 150
    # Moods 1, 2, 3, 4, 5, 1, ...: the first point is lowest, the fifth highest on screen.
    tops = drawn["moodHeights"]
    assert tops[0] == max(tops) and tops[4] == min(tops)
    shot = tmp_path / "report.png"
    chromium(f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri(),
             profile=tmp_path / "profile")  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
