"""``journal remind``: stand-ins for crontab, systemctl, launchctl, notify-send and date on
PATH, so the real user's scheduler is never touched; the journal is a real file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from cli_run import set_clock
from conftest import TZ, run_cli
from selfcompassion.store import JournalStore

CRON_STANDIN = """#!/bin/sh
f="$STANDIN_DIR/crontab.txt"
echo "crontab $*" >> "$STANDIN_DIR/calls.log"
if [ "$1" = "-l" ]; then
  if [ -f "$f" ]; then /bin/cat "$f"; else echo "no crontab for you" >&2; exit 1; fi
elif [ "$1" = "-" ]; then /bin/cat > "$f"; fi
"""
SYSTEMCTL_STANDIN = """#!/bin/sh
echo "systemctl $*" >> "$STANDIN_DIR/calls.log"
exit "${SYSTEMCTL_EXIT:-0}"
"""
LOGGING_STANDIN = """#!/bin/sh
echo "$(/usr/bin/basename "$0") $*" >> "$STANDIN_DIR/calls.log"
"""
DATE_STANDIN = """#!/bin/sh
case "$1" in
  +%u) echo "$FAKE_WEEKDAY";;
  +%H%M) echo "$FAKE_HHMM";;
  +%F) echo "$FAKE_DAY";;
esac
"""


@pytest.fixture
def standins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH of stand-ins only, and a log of every call made to them."""
    folder = tmp_path / "standins"
    folder.mkdir()
    for name, text in {
        "crontab": CRON_STANDIN,
        "systemctl": SYSTEMCTL_STANDIN,
        "notify-send": LOGGING_STANDIN,
        "launchctl": LOGGING_STANDIN,
        "date": DATE_STANDIN,
    }.items():
        path = folder / name
        path.write_text(text)
        path.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("STANDIN_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "userhome"))
    monkeypatch.setattr(sys, "platform", "linux")
    return folder


def calls(folder: Path) -> list[str]:
    log = folder / "calls.log"
    return log.read_text().splitlines() if log.exists() else []


def remove(folder: Path, name: str) -> None:
    (folder / name).unlink()


def at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    set_clock(monkeypatch, lambda: moment)


def test_cron_line_is_added_and_removed_alone(standins: Path) -> None:
    crontab = standins / "crontab.txt"
    crontab.write_text("MAILTO=me\n# my own comment\n0 5 * * * backup.sh\n")
    (standins / "systemctl").unlink()  # no systemd user session: cron is next

    first = run_cli("remind", "set", "20:30", "--days", "mon-fri")
    assert first.code == 0, first.err
    assert "20:30, mon-fri" in first.out and "crontab" in first.out
    moved = run_cli("remind", "set", "7:05")
    assert moved.code == 0, moved.err
    lines = crontab.read_text().splitlines()
    assert lines[:3] == ["MAILTO=me", "# my own comment", "0 5 * * * backup.sh"]
    assert len(lines) == 4
    assert lines[3].startswith("5 7 * * * ")
    assert "remind --notify" in lines[3] and "selfcompassion-reminder" in lines[3]

    status = run_cli("remind", "status")
    assert "07:05, every day" in status.out and "crontab" in status.out

    off = run_cli("remind", "off")
    assert off.code == 0 and "off" in off.out
    assert crontab.read_text().splitlines() == [
        "MAILTO=me",
        "# my own comment",
        "0 5 * * * backup.sh",
    ]
    assert "No reminder is set" in run_cli("remind", "status").out


def test_cron_weekdays_are_cron_numbers(standins: Path) -> None:
    remove(standins, "systemctl")
    assert run_cli("remind", "set", "21:00", "--days", "sat,sun").code == 0
    line = (standins / "crontab.txt").read_text().splitlines()[-1]
    assert line.startswith("0 21 * * 6,0 ")


def test_systemd_user_timer(standins: Path, tmp_path: Path) -> None:
    result = run_cli("remind", "set", "20:30", "--days", "mon-fri")
    assert result.code == 0, result.err
    units = tmp_path / "xdg" / "systemd" / "user"
    timer = (units / "selfcompassion-reminder.timer").read_text()
    service = (units / "selfcompassion-reminder.service").read_text()
    assert "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 20:30:00" in timer
    assert "remind --notify" in service
    made = calls(standins)
    assert "systemctl --user daemon-reload" in made
    assert "systemctl --user enable --now selfcompassion-reminder.timer" in made
    assert not (standins / "crontab.txt").exists()  # cron was left alone

    assert run_cli("remind", "off").code == 0
    assert "systemctl --user disable --now selfcompassion-reminder.timer" in calls(standins)
    assert not (units / "selfcompassion-reminder.timer").exists()
    assert not (units / "selfcompassion-reminder.service").exists()


def test_without_a_user_session_systemd_falls_back_to_cron(
    standins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYSTEMCTL_EXIT", "1")
    result = run_cli("remind", "set", "20:30")
    assert result.code == 0, result.err
    assert "crontab" in result.out
    assert "30 20 * * * " in (standins / "crontab.txt").read_text()


def test_launchd_agent(standins: Path, tmp_path: Path) -> None:
    result = run_cli("remind", "set", "08:15", "--days", "mon", "--via", "launchd")
    assert result.code == 0, result.err
    plist = tmp_path / "userhome" / "Library" / "LaunchAgents" / "org.selfcompassion.reminder.plist"
    text = plist.read_text()
    assert "<key>Weekday</key><integer>1</integer>" in text
    assert "<key>Hour</key><integer>8</integer><key>Minute</key><integer>15</integer>" in text
    assert any(call.startswith("launchctl bootstrap gui/") for call in calls(standins))
    assert run_cli("remind", "off").code == 0
    assert not plist.exists()


def test_no_scheduler_says_what_to_do_instead(standins: Path) -> None:
    for name in ("crontab", "systemctl", "launchctl"):
        remove(standins, name)
    result = run_cli("remind", "set", "20:30")
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "journal remind shell" in result.err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("remind", "set", "25:00"), "not a time of day"),
        (("remind", "set", "20:30", "--days", "funday"), "not a set of days"),
        (("remind", "set", "20:30", "--via", "atd"), "not a scheduler"),
    ],
)
def test_bad_input_is_one_line(standins: Path, args: tuple[str, ...], words: str) -> None:
    result = run_cli(*args)
    assert result.code != 0
    assert len(result.err_lines) == 1 and words in result.err
    assert not (standins / "crontab.txt").exists()


def write_entry(db: Path, day: date) -> None:
    with JournalStore.open(db) as store:
        store.add_entry(
            kind="daily",
            journal_date=day,
            answers=[],
            now=datetime(day.year, day.month, day.day, 9, tzinfo=TZ),
        )


def notifications(folder: Path) -> list[str]:
    return [call for call in calls(folder) if call.startswith("notify-send")]


def test_notify_once_and_never_on_a_written_day(
    standins: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "j.db"
    monkeypatch.setenv("SELFCOMPASSION_DB", str(db))
    at(monkeypatch, datetime(2026, 12, 1, 20, 30, tzinfo=TZ))
    assert run_cli("remind", "--notify").code == 0
    assert run_cli("remind", "--notify").code == 0  # the same day: no second reminder
    shown = notifications(standins)
    assert len(shown) == 1
    assert "journal today" in shown[0]
    assert not any(word in shown[0].lower() for word in ("streak", "missed", "should", "again"))

    write_entry(db, date(2026, 12, 2))
    at(monkeypatch, datetime(2026, 12, 2, 20, 30, tzinfo=TZ))
    assert run_cli("remind", "--notify").code == 0
    assert len(notifications(standins)) == 1  # the day was already written


def test_notify_without_a_notifier_prints_the_line(
    standins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remove(standins, "notify-send")
    at(monkeypatch, datetime(2026, 12, 1, 20, 30, tzinfo=TZ))
    result = run_cli("remind", "--notify")
    assert result.code == 0 and "journal today" in result.out


def run_shell_line(line: str, standins: Path, weekday: int, hhmm: str, day: str) -> str:
    env = dict(os.environ, FAKE_WEEKDAY=str(weekday), FAKE_HHMM=hhmm, FAKE_DAY=day)
    done = subprocess.run(
        ["/bin/sh", "-c", line], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_shell_line_is_quiet_until_due_then_kind_once(
    standins: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "j.db"
    monkeypatch.setenv("SELFCOMPASSION_DB", str(db))
    line = run_cli("remind", "shell", "--at", "20:30", "--days", "mon-fri").out.strip()
    assert line.count("\n") == 0 and "selfcompassion" in line
    marker = tmp_path / "home" / "data" / "reminded-on"
    today = date.today().isoformat()  # the journal run by the line reads the real clock

    assert run_shell_line(line, standins, 3, "2029", today) == ""  # too early
    assert run_shell_line(line, standins, 6, "2100", today) == ""  # Saturday: not chosen
    assert not marker.exists()  # nothing was started
    said = run_shell_line(line, standins, 3, "2031", "another-day")
    assert "journal today" in said
    assert marker.read_text().strip() == today
    assert run_shell_line(line, standins, 3, "2200", today) == ""  # once a day


def test_shell_check_is_quiet_on_a_written_day(
    standins: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "j.db"
    monkeypatch.setenv("SELFCOMPASSION_DB", str(db))
    write_entry(db, date(2026, 12, 2))
    at(monkeypatch, datetime(2026, 12, 2, 21, 0, tzinfo=TZ))
    assert run_cli("remind", "--shell-check").out == ""


def test_a_reminder_never_asks_for_the_passphrase_of_an_encrypted_journal(
    standins: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "j.db"
    monkeypatch.setenv("SELFCOMPASSION_DB", str(db))
    write_entry(db, date(2026, 12, 2))
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", "only for encrypting")
    assert run_cli("encrypt").code == 0
    monkeypatch.delenv("SELFCOMPASSION_PASSPHRASE")
    at(monkeypatch, datetime(2026, 12, 2, 21, 0, tzinfo=TZ))
    result = run_cli("remind", "--shell-check")
    assert result.code == 0 and result.err == ""
    assert "journal today" in result.out  # it cannot see today's entry, so it reminds
    assert run_cli("remind", "--shell-check").out == ""  # and only once that day
