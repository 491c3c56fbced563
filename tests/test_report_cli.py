"""``journal report`` as a person runs it: every format, files, widths and hostile text."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from cli_run import Journal
from conftest import JOURNAL
from report_journal import JournalBuilder, db_args
from selfcompassion.store import JournalStore
from test_report_stats import SUNDAY, known_week

SNAPSHOTS = Path(__file__).parent / "snapshots"
HOSTILE = "[red]alarm[/red] \x1b]52;c;aGk=\x07 [bold]loud \x1b[2J"


@pytest.fixture
def known_db(db_path: Path) -> Path:
    with JournalStore.open(db_path) as store:
        known_week(store)
    return db_path


def report(journal: Journal, db: Path, *args: str, today: date = SUNDAY) -> tuple[int, str, str]:
    """``journal --db DB report ARGS`` at 20:00 on ``today``; (code, out, err)."""
    result = journal(*db_args(db), "report", *args, day=today, hour=20)
    return result.code, result.out, result.err


def check_snapshot(name: str, text: str) -> None:
    """Compare with tests/snapshots/<name> (trailing spaces aside); UPDATE_SNAPSHOTS=1 writes it."""
    path = SNAPSHOTS / name
    shown = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(shown, encoding="utf-8")
    assert shown == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 60])
def test_text_report_matches_its_snapshot(
    known_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, err = report(journal, known_db)
    assert (code, err) == (0, "")
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= width
    check_snapshot(f"report_week_{width}.txt", out)


def test_trend_matches_its_snapshot(
    known_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = report(journal, known_db, "--weeks", "4")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 60
    check_snapshot("report_trend_60.txt", out)


def _numbers(text: str) -> set[float]:
    return {abs(float(n)) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def _json_numbers(data: Any) -> set[float]:
    """Every number in the JSON, and the parts of every date in it."""
    found: set[float] = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= _json_numbers(value)
    elif isinstance(data, list):
        for value in data:
            found |= _json_numbers(value)
    elif isinstance(data, bool) or data is None:
        pass
    elif isinstance(data, int | float):
        found.add(abs(float(data)))
    elif isinstance(data, str):
        found |= _numbers(data)
    return found


@pytest.mark.parametrize("options", [[], ["--weeks", "4"], ["--since", "2026-11-10"]])
def test_every_number_in_the_text_is_in_the_json(
    known_db: Path, journal: Journal, options: list[str]
) -> None:
    _, text, _ = report(journal, known_db, *options)
    _, raw, _ = report(journal, known_db, *options, "--format", "json")
    data = json.loads(raw)
    # The scale's bounds (1-5, of 100) and "last 7/30 days" are words, not figures.
    words = {1.0, 5.0, 7.0, 30.0, 100.0}
    missing = _numbers(text) - _json_numbers(data) - words
    assert not missing, missing


def test_json_on_the_command_line(known_db: Path, journal: Journal) -> None:
    code, out, err = report(journal, known_db, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["current"]["mood"]["average"] == 3.4
    assert data["current"]["period"]["label"] == "2026-W47"


def _all_text(element: ElementTree.Element) -> str:
    return "".join(element.itertext()).replace("\xa0", " ")


def test_svg_export_is_valid_and_shows_the_figures(known_db: Path, journal: Journal) -> None:
    code, out, _ = report(journal, known_db, "--format", "svg")
    assert code == 0
    root = ElementTree.fromstring(out)
    assert root.tag.endswith("svg")
    shown = _all_text(root)
    # A picture of charts: the week's days shaded by mood, the reframe bars.
    for figure in ("Week 2026-W47", "2026-11-16: mood 3.0", "feelings eased by", "22.5"):
        assert figure in shown
    days = [e for e in root.iter() if e.get("class", "").startswith("day ")]
    assert len(days) == 7
    assert "http" not in out.replace("http://www.w3.org/2000/svg", "")  # fetches nothing


class _Checker(HTMLParser):
    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html_text(page: str) -> str:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.open == [], f"left open: {checker.open}"
    return "".join(checker.text)


def test_html_export_is_valid_and_shows_the_figures(known_db: Path, journal: Journal) -> None:
    code, out, _ = report(journal, known_db, "--format", "html")
    assert code == 0 and out.lstrip().startswith("<!DOCTYPE html>")
    shown = _html_text(out)
    for figure in ("2026-W47", "3.4", "3.6", "+0.4", "22.5", "67% of 3 due"):
        assert figure in shown


def test_markdown_export_shows_the_figures(known_db: Path, journal: Journal) -> None:
    code, out, _ = report(journal, known_db, "--format", "markdown")
    assert code == 0
    assert out.startswith("# Week 2026\\-W47") or out.startswith("# Week 2026-W47")
    assert "| average |  | 3.4 |  | 3.6 |" in out
    assert "- **followed through**: 67% of 3 due" in out


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "svg", "html"])
def test_output_file_is_private_and_whole(
    known_db: Path, journal: Journal, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"report.{fmt}"
    target.write_text("an older report")
    target.chmod(0o644)
    code, out, err = report(journal, known_db, "--format", fmt, "--output", str(target))
    assert (code, out) == (2, "")
    assert err.strip().endswith("already exists; choose another name or add --force")
    assert target.read_text(encoding="utf-8") == "an older report"
    code, out, err = report(journal, known_db, "--format", fmt, "--output", str(target), "--force")
    assert (code, out) == (0, "")
    assert str(target) in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    written = target.read_text(encoding="utf-8")
    figure = "2026-11-16: mood 3.0" if fmt == "svg" else "3.4"  # the picture has no table
    assert figure in written and "older" not in written
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_to_a_missing_folder_is_one_clear_error(
    known_db: Path, journal: Journal, tmp_path: Path
) -> None:
    code, out, err = report(journal, known_db, "-o", str(tmp_path / "nowhere" / "r.json"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "no such folder" in err


@pytest.fixture
def hostile_db(db_path: Path) -> Path:
    j = JournalBuilder()
    j.daily(SUNDAY - timedelta(days=1), 3, 4, themes=["inner-critic"], words=HOSTILE)
    j.entry(SUNDAY, tags=["x[red]y\x1b]0;title\x07"])
    with JournalStore.open(db_path) as store:
        j.save(store)
    return db_path


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "svg", "html"])
def test_hostile_text_is_shown_never_interpreted(
    hostile_db: Path, journal: Journal, fmt: str
) -> None:
    code, out, _ = report(journal, hostile_db, "--format", fmt, "--with-text")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    if fmt == "json":
        answers = json.loads(out)["entries"][0]["answers"]
        assert HOSTILE in [answer["text"] for answer in answers]
    elif fmt == "markdown":
        assert "\\[red\\]alarm\\[/red\\]" in out
    elif fmt == "svg":  # a picture of charts: well-formed, and no words of entries at all
        assert "alarm" not in _all_text(ElementTree.fromstring(out))
    elif fmt == "html":
        assert "[red]alarm[/red]" in _html_text(out)
    else:
        assert "[red]alarm[/red]" in out and "[bold]loud" in out


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "svg", "html"])
def test_words_stay_out_unless_asked_for(hostile_db: Path, journal: Journal, fmt: str) -> None:
    code, out, _ = report(journal, hostile_db, "--format", fmt)
    assert code == 0
    assert "alarm" not in out and "few honest words" not in out


def test_empty_journal_is_a_friendly_line(db_path: Path, journal: Journal) -> None:
    code, out, err = report(journal, db_path)
    assert (code, err) == (0, "")
    assert "Your journal is empty so far" in out
    code, out, _ = report(journal, db_path, "--format", "json")
    assert code == 0 and json.loads(out)["message"].startswith("Your journal is empty")


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "pdf"],
        ["--weeks", "0"],
        ["--week", "2026-W60"],
        ["--week", "tuesday", "--since", "monday"],
        ["--since", "the day I started"],
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    known_db: Path, journal: Journal, args: list[str]
) -> None:
    code, out, err = report(journal, known_db, *args)
    assert (code, out) == (2, "")
    assert err.startswith("journal: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_no_color_keeps_colour_out_even_on_a_terminal(
    known_db: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR")
    _, coloured, _ = report(journal, known_db)
    assert re.search(r"\x1b\[[0-9;]*3[0-7]m", coloured)
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain, _ = report(journal, known_db)
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", plain)


def test_piped_output_is_plain_text(db_path: Path, tmp_path: Path) -> None:
    """The installed command, its output piped, with colour allowed: no escape codes."""
    today = date.today()
    j = JournalBuilder()
    for n in range(10):
        j.daily(today - timedelta(days=n), 1 + n % 5, 5 - n % 5, tags=["work"])
    with JournalStore.open(db_path) as store:
        j.save(store)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env["TERM"] = "xterm-256color"
    result = subprocess.run(
        [str(JOURNAL), "--db", str(db_path), "report"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Mood and self-kindness" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
