"""Views for looking after the journal: the checkup and a finished backup.

Paths and messages shown here can hold any character a file name may hold, so they
go through ``plain`` like journal text does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import plain

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..upkeep.backup import BackupResult
    from ..upkeep.maintenance import Checkup

_STATUS_STYLE = {"ok": "green", "note": "yellow", "to fix": "bold red", "fixed": "cyan"}


def checkup_view(report: Checkup) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")  # a long path is folded onto the next line, never cut
    for finding in report.findings:
        status = Text(finding.status, style=_STATUS_STYLE.get(finding.status, ""))
        table.add_row(finding.topic, status, plain(finding.summary))
        if finding.advice:
            table.add_row("", "", plain(f"→ {finding.advice}"))
    problems = sum(1 for finding in report.findings if finding.status == "to fix")
    if problems:
        closing = Text(
            f"{problems} thing{'' if problems == 1 else 's'} to fix; "
            "each line marked 'to fix' says how.",
            style="bold",
        )
    elif not report.facts.get("exists"):
        closing = Text("Nothing to check yet.")
    else:
        closing = Text("All is well with your journal.", style="green")
    return Group(Text("Journal checkup", style="bold"), table, Text(""), closing)


def backup_view(result: BackupResult) -> RenderableType:
    from rich.text import Text

    entries = f"{result.entries:,} entr{'y' if result.entries == 1 else 'ies'}"
    line = Text("Backed up ")
    line.append(entries)
    line.append(" to ")
    line.append_text(plain(str(result.path)))
    line.append(". The copy is as private as the journal (0600); keep it somewhere safe.")
    return line
