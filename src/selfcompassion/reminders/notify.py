"""A desktop notification: one gentle line, through the system's own notifier."""

from __future__ import annotations

import sys

from . import tools

TITLE = "Your journal"
LINES = (
    "A few quiet minutes for yourself, whenever you are ready: journal today",
    "If you have a moment tonight, your journal is here: journal today",
    "No pressure, just an open page if you want one: journal today",
)


def gentle_line(day_number: int) -> str:
    """The same line all day, a different one on the next."""
    return LINES[day_number % len(LINES)]


def _applescript_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _powershell_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def notifier_command(title: str, body: str) -> list[str] | None:
    """The command that shows a notification here, or None when there is no notifier."""
    if sys.platform == "darwin" and tools.have("osascript"):
        script = (
            f"display notification {_applescript_text(body)} with title {_applescript_text(title)}"
        )
        return ["osascript", "-e", script]
    if sys.platform == "win32" and tools.have("powershell"):
        script = (
            "Add-Type -AssemblyName System.Windows.Forms; "
            "$n = New-Object System.Windows.Forms.NotifyIcon; "
            "$n.Icon = [System.Drawing.SystemIcons]::Information; $n.Visible = $true; "
            f"$n.ShowBalloonTip(10000, {_powershell_text(title)}, {_powershell_text(body)}, "
            "'None'); Start-Sleep -Seconds 10; $n.Dispose()"
        )
        return ["powershell", "-NoProfile", "-NonInteractive", "-Command", script]
    if tools.have("notify-send"):
        return ["notify-send", "--app-name=journal", title, body]
    return None


def show_notification(body: str) -> bool:
    """Show ``body``; False when no notifier is available or it failed."""
    command = notifier_command(TITLE, body)
    return command is not None and tools.run(command).ok
