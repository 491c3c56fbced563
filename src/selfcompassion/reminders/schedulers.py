"""The person's own schedulers: a systemd user timer, a crontab line, a launchd agent or a
Task Scheduler entry. Each one adds only its own entry and removes only that entry.
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

from ..errors import JournalError
from . import tools
from .timing import Schedule

NAME = "selfcompassion-reminder"
CRON_MARK = f"# {NAME} (added by journal remind; journal remind off removes it)"
LAUNCHD_LABEL = "org.selfcompassion.reminder"


class Scheduler(Protocol):
    name: str

    def available(self) -> bool: ...

    def install(self, schedule: Schedule, command: list[str]) -> str: ...

    def remove(self) -> bool: ...

    def installed(self) -> str | None: ...


def _fail(scheduler: str, result: tools.ToolResult) -> JournalError:
    detail = result.error.splitlines()[0] if result.error else "it reported a failure"
    return JournalError(f"the {scheduler} reminder could not be changed: {detail}")


@dataclass
class Cron:
    """One marked line in the user's crontab; every other line is written back as it was."""

    name: str = "cron"

    def available(self) -> bool:
        return tools.have("crontab")

    def _lines(self) -> list[str]:
        result = tools.run(["crontab", "-l"])
        if not result.ok:
            if "no crontab" in result.error.lower():
                return []
            raise _fail("cron", result)
        return result.output.splitlines()

    def _write(self, lines: list[str]) -> None:
        text = "\n".join(lines) + "\n" if lines else ""
        result = tools.run(["crontab", "-"], input_text=text)
        if not result.ok:
            raise _fail("cron", result)

    def install(self, schedule: Schedule, command: list[str]) -> str:
        lines = [line for line in self._lines() if CRON_MARK not in line]
        bus = f"DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{_uid()}/bus"
        lines.append(f"{schedule.cron_fields()} {bus} {shlex.join(command)} {CRON_MARK}")
        self._write(lines)
        return "your crontab"

    def remove(self) -> bool:
        lines = self._lines()
        kept = [line for line in lines if CRON_MARK not in line]
        if len(kept) == len(lines):
            return False
        self._write(kept)
        return True

    def installed(self) -> str | None:
        if not self.available():
            return None
        return "your crontab" if any(CRON_MARK in line for line in self._lines()) else None


@dataclass
class Systemd:
    """A user timer and its one-shot service in the user's systemd folder."""

    name: str = "systemd"

    def available(self) -> bool:
        return (
            sys.platform.startswith("linux")
            and tools.have("systemctl")
            and tools.run(["systemctl", "--user", "show-environment"]).ok
        )

    @staticmethod
    def folder() -> Path:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "systemd" / "user"

    def install(self, schedule: Schedule, command: list[str]) -> str:
        from ..files.safefiles import write_private_text

        folder = self.folder()
        service = (
            "[Unit]\nDescription=A gentle reminder to write in your journal\n\n"
            f"[Service]\nType=oneshot\nExecStart={_systemd_command(command)}\n"
        )
        timer = (
            "[Unit]\nDescription=A gentle reminder to write in your journal\n\n"
            f"[Timer]\nOnCalendar={schedule.systemd_calendar()}\nPersistent=false\n\n"
            "[Install]\nWantedBy=timers.target\n"
        )
        write_private_text(folder / f"{NAME}.service", service, make_folder=True, own=True)
        write_private_text(folder / f"{NAME}.timer", timer, make_folder=True, own=True)
        for args in (["daemon-reload"], ["enable", "--now", f"{NAME}.timer"]):
            result = tools.run(["systemctl", "--user", *args])
            if not result.ok:
                raise _fail("systemd", result)
        return f"a systemd user timer ({folder / (NAME + '.timer')})"

    def remove(self) -> bool:
        folder = self.folder()
        timer = folder / f"{NAME}.timer"
        if not timer.exists():
            return False
        tools.run(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"])
        timer.unlink(missing_ok=True)
        (folder / f"{NAME}.service").unlink(missing_ok=True)
        tools.run(["systemctl", "--user", "daemon-reload"])
        return True

    def installed(self) -> str | None:
        timer = self.folder() / f"{NAME}.timer"
        return f"a systemd user timer ({timer})" if timer.exists() else None


@dataclass
class Launchd:
    """A launch agent in ~/Library/LaunchAgents, loaded into the user's session."""

    name: str = "launchd"

    def available(self) -> bool:
        return tools.have("launchctl")

    @staticmethod
    def plist() -> Path:
        return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"

    def install(self, schedule: Schedule, command: list[str]) -> str:
        from ..files.safefiles import write_private_text

        self.remove()
        intervals = "".join(
            f"<dict><key>Weekday</key><integer>{day}</integer><key>Hour</key><integer>{schedule.hour}</integer>"
            f"<key>Minute</key><integer>{schedule.minute}</integer></dict>"
            for day in schedule.launchd_weekdays()
        )
        arguments = "".join(f"<string>{escape(part)}</string>" for part in command)
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            f'<plist version="1.0"><dict><key>Label</key><string>{LAUNCHD_LABEL}</string>'
            f"<key>ProgramArguments</key><array>{arguments}</array>"
            f"<key>StartCalendarInterval</key><array>{intervals}</array></dict></plist>\n"
        )
        path = self.plist()
        write_private_text(path, text, make_folder=True, own=True)
        result = tools.run(["launchctl", "bootstrap", f"gui/{_uid()}", str(path)])
        if not result.ok:
            raise _fail("launchd", result)
        return f"a launch agent ({path})"

    def remove(self) -> bool:
        path = self.plist()
        if not path.exists():
            return False
        tools.run(["launchctl", "bootout", f"gui/{_uid()}", str(path)])
        path.unlink(missing_ok=True)
        return True

    def installed(self) -> str | None:
        path = self.plist()
        return f"a launch agent ({path})" if path.exists() else None


@dataclass
class TaskScheduler:
    """A weekly task in the Windows Task Scheduler."""

    name: str = "schtasks"

    def available(self) -> bool:
        return tools.have("schtasks")

    def install(self, schedule: Schedule, command: list[str]) -> str:
        args = ["schtasks", "/Create", "/F", "/TN", NAME, "/TR", _windows_command(command)]
        args += ["/SC", "WEEKLY", "/D", schedule.schtasks_days(), "/ST", schedule.time_text]
        result = tools.run(args)
        if not result.ok:
            raise _fail("Task Scheduler", result)
        return f"a Task Scheduler task ({NAME})"

    def remove(self) -> bool:
        return tools.run(["schtasks", "/Delete", "/F", "/TN", NAME]).ok

    def installed(self) -> str | None:
        if not self.available():
            return None
        found = tools.run(["schtasks", "/Query", "/TN", NAME]).ok
        return f"a Task Scheduler task ({NAME})" if found else None


SCHEDULERS: dict[str, Scheduler] = {
    scheduler.name: scheduler for scheduler in (Systemd(), Cron(), Launchd(), TaskScheduler())
}


def platform_order() -> tuple[str, ...]:
    """The schedulers worth trying on this system, best first."""
    if sys.platform == "darwin":
        return ("launchd", "cron")
    if sys.platform == "win32":
        return ("schtasks",)
    return ("systemd", "cron")


def choose(via: str | None) -> Scheduler:
    """The scheduler asked for, else the first one that works here."""
    if via:
        if via not in SCHEDULERS:
            raise JournalError(
                f"'{via}' is not a scheduler journal knows (known: {', '.join(SCHEDULERS)})"
            )
        scheduler = SCHEDULERS[via]
        if not scheduler.available():
            raise JournalError(f"{via} is not available here; try journal remind shell instead")
        return scheduler
    for name in platform_order():
        if SCHEDULERS[name].available():
            return SCHEDULERS[name]
    raise JournalError(
        "no scheduler was found here (a systemd user session, cron, launchd or Task "
        "Scheduler); journal remind shell gives a line for your shell's start file instead"
    )


def _uid() -> int:
    getuid = getattr(os, "getuid", None)
    return int(getuid()) if getuid else 0


def _systemd_command(command: list[str]) -> str:
    # systemd reads ExecStart much like a shell word list; % starts a specifier there.
    return " ".join(shlex.quote(part).replace("%", "%%") for part in command)


def _windows_command(command: list[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)
