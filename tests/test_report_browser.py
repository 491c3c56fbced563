"""The report page opened in a real headless Chromium: the charts are drawn, with the number
of points and days the data says, inside their boxes; and a screenshot is taken.

A test-only copy of the page carries a small script that measures what the browser drew and
writes it into the DOM, which ``--dump-dom`` prints back. The page itself has no script.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cli_run import Journal
from report_journal import db_args
from test_report_charts import WEEKS_WRITTEN, weeks_db  # noqa: F401
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
const calendar = document.querySelector("svg.chart.calendar");
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
    measured_page = tmp_path / "measured.html"
    measured_page.write_text(result.out.replace("</body>", MEASURE + "</body>"), "utf-8")
    dom = chromium("--dump-dom", measured_page.as_uri(), profile=tmp_path / "profile")
    found = re.search(r'data-measured="([^"]*)"', dom)
    assert found, dom[:2000]
    drawn: dict[str, Any] = json.loads(html.unescape(found.group(1)))
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
