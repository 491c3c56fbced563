"""What ``journal remind`` does: keep the reminder's schedule, install it with the person's
scheduler, and decide, when it fires, whether a reminder is wanted at all.

A reminder is shown at most once a day and never on a day already written: the day it was
last shown (or found unneeded) is kept in a small file, ``reminded-on``, which the shell line
reads without starting the journal at all.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..files import paths
from ..settings.values import read_settings, write_settings
from .schedulers import SCHEDULERS, choose
from .timing import Schedule, make_schedule, parse_days, parse_time

TIME_KEY = "remind-time"
DAYS_KEY = "remind-days"
VIA_KEY = "remind-via"
MARKER_NAME = "reminded-on"
CHECKIN_OFFER_NAME = "checkin-offered-on"


@dataclass(frozen=True)
class ReminderState:
    schedule: Schedule | None
    via: str | None
    where: str | None  # where the scheduler keeps it, when it is installed


@dataclass(frozen=True)
class Installed:
    schedule: Schedule
    via: str
    where: str


def marker_path() -> Path:
    return paths.data_dir() / MARKER_NAME


def _read_day(path: Path) -> date | None:
    try:
        return date.fromisoformat(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _write_day(path: Path, day: date) -> None:
    from ..files.safefiles import write_private_text

    write_private_text(path, day.isoformat() + "\n", make_folder=True, own=True)


def reminded_on() -> date | None:
    return _read_day(marker_path())


def mark_reminded(day: date) -> None:
    _write_day(marker_path(), day)


def offered_checkin_on() -> date | None:
    """The day ``journal today`` last offered the weekly check-in."""
    return _read_day(paths.data_dir() / CHECKIN_OFFER_NAME)


def record_checkin_offer(day: date) -> None:
    _write_day(paths.data_dir() / CHECKIN_OFFER_NAME, day)


def journal_command(journal_file: Path | None, *args: str) -> list[str]:
    """How a scheduler or a shell starts the journal: this Python, this journal."""
    command = [sys.executable, "-m", "selfcompassion"]
    if journal_file is not None:
        command += ["--db", str(journal_file)]
    return [*command, *args]


def reminder_command(journal_file: Path | None) -> list[str]:
    return journal_command(journal_file, "remind", "--notify")


def saved_schedule() -> Schedule | None:
    values = read_settings()
    time_text, days_text = values.get(TIME_KEY), values.get(DAYS_KEY)
    if not isinstance(time_text, str):
        return None
    hour, minute = parse_time(time_text)
    return Schedule(hour, minute, parse_days(days_text if isinstance(days_text, str) else None))


def set_reminder(
    time_text: str, days_text: str | None, via: str | None, journal_file: Path | None
) -> Installed:
    """Install (or move) the reminder and remember its schedule."""
    schedule = make_schedule(time_text, days_text)
    scheduler = choose(via)
    for other in SCHEDULERS.values():  # one reminder only, wherever it was before
        if other is not scheduler and other.available():
            other.remove()
    where = scheduler.install(schedule, reminder_command(journal_file))
    values = read_settings()
    values.update({TIME_KEY: schedule.time_text, DAYS_KEY: schedule.days_text})
    values[VIA_KEY] = scheduler.name
    write_settings(values)
    return Installed(schedule, scheduler.name, where)


def reminder_state() -> ReminderState:
    values = read_settings()
    via = values.get(VIA_KEY)
    via = via if isinstance(via, str) and via in SCHEDULERS else None
    where = SCHEDULERS[via].installed() if via else None
    return ReminderState(saved_schedule(), via, where)


def turn_off() -> bool:
    """Remove the reminder from every scheduler it could be in; True when one was found."""
    removed = False
    for scheduler in SCHEDULERS.values():
        if scheduler.available() and scheduler.remove():
            removed = True
    values = read_settings()
    if any(key in values for key in (TIME_KEY, DAYS_KEY, VIA_KEY)):
        for key in (TIME_KEY, DAYS_KEY, VIA_KEY):
            values.pop(key, None)
        write_settings(values)
        removed = True
    return removed


def shell_line(schedule: Schedule, journal_file: Path | None) -> str:
    """A line for a POSIX shell's start file that costs a few ms when nothing is due.

    Only when the day and time have come and no reminder was given today does it start the
    journal, which looks at the day's entries and marks the day either way.
    """
    command = journal_command(journal_file, "remind", "--shell-check")
    days = "".join(str(day + 1) for day in schedule.days)
    marker = shlex.quote(str(marker_path()))
    return (
        f'case "$(date +%u)" in [{days}]) '
        f'if [ "$(date +%H%M)" -ge {schedule.hour * 100 + schedule.minute} ] && '
        f'[ "$(cat {marker} 2>/dev/null)" != "$(date +%F)" ]; then '
        f"{shlex.join(command)}; fi;; esac  # selfcompassion reminder"
    )
