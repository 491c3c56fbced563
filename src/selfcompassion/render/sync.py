"""Views for sync: versions kept aside, shown under the entry they belong to."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from . import plain


def _when(stamp: str) -> str:
    """When a version was made, from its stamp (milliseconds since 1970 come first)."""
    try:
        moment = datetime.fromtimestamp(int(stamp[:13]) / 1000, tz=UTC).astimezone()
    except (ValueError, OverflowError, OSError):
        return "at an unknown time"
    return moment.strftime("%Y-%m-%d %H:%M")


def kept_versions(versions: list[tuple[str, str | None]]) -> Any:
    """The versions of an entry set aside by sync, each with its answers, as text."""
    from rich.text import Text

    out = Text()
    count = len(versions)
    out.append(
        f"Also kept: {count} other version{'s' if count != 1 else ''} of this entry, changed "
        "on another device at the same time as the one above (the later change is the one "
        "shown). Nothing was dropped:\n",
        style="yellow",
    )
    for stamp, text in versions:
        record: dict[str, Any] | None = json.loads(text) if text else None
        out.append(f"\n  Version from {_when(stamp)}", style="bold")
        if record is None:
            out.append(" (the entry was deleted there)\n")
            continue
        out.append("\n")
        for answer in record.get("answers", []):
            out.append("    ")
            out.append(plain(" ".join(str(answer.get("prompt", "")).split()), style="dim"))
            out.append("\n      ")
            out.append(plain(str(answer.get("text", "")) or "(no answer)"))
            out.append("\n")
        if record.get("tags"):
            out.append("    Tags: ")
            out.append(plain(" ".join(f"#{tag}" for tag in record["tags"])))
            out.append("\n")
    return out
