"""Reading docs/architecture.md: its package table (package, layer, job) and its
"Where is..." table, for the tests that keep the code and the map in step."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "selfcompassion"
DOC = ROOT / "docs" / "architecture.md"

#: The layers from the top down; a module may import from its own layer and those below.
LAYER_ORDER = ("entry points", "commands", "views", "flows", "domain", "store", "foundations")

_ROW = re.compile(r"^\|(.+)\|\s*$")


def table(heading: str) -> list[list[str]]:
    """The rows (cells stripped) of the first table after ``## heading``."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    rows: list[list[str]] = []
    for line in text[start:].splitlines()[2:]:
        found = _ROW.match(line)
        if found is None:
            if rows:
                break
            continue
        cells = [cell.strip() for cell in found.group(1).split("|")]
        if set(cells[0]) <= {"-", " "}:
            continue
        rows.append(cells)
    return rows[1:]  # without the header


def documented_layers() -> dict[str, str]:
    """``commands/`` or ``cli.py`` -> its layer, as the package table says."""
    return {row[0].strip("`"): row[1] for row in table("Packages")}


def on_disk() -> set[str]:
    """Every package (``name/``) and top-level module (``name.py``) of selfcompassion."""
    packages = {f"{path.parent.name}/" for path in PACKAGE.glob("*/__init__.py")}
    modules = {path.name for path in PACKAGE.glob("*.py")}
    return packages | modules


def top_name(entry: str) -> str:
    """``commands/`` -> ``commands``, ``cli.py`` -> ``cli``: the first part of a module name."""
    return entry.removesuffix("/").removesuffix(".py")
