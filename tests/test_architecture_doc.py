"""docs/architecture.md stays a true map: every package is in it, nothing in it is gone,
and every file and name its "Where is..." table points to is really there."""

from __future__ import annotations

import re

from architecture_map import (
    DOC,
    LAYER_ORDER,
    PACKAGE,
    ROOT,
    documented_layers,
    on_disk,
    table,
)

#: The behaviours the "Where is..." table must answer.
ASKED_ABOUT = (
    "The streak",
    "The prompt draw",
    "The care panel",
    "Drafts",
    "The CSV guard",
    "Import duplicates",
    "Private files",
    "Dates",
    "Report figures",
    "Adding a command",
)

_TICKED = re.compile(r"`([^`]+)`")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def test_every_package_and_module_is_on_the_map() -> None:
    missing = sorted(on_disk() - set(documented_layers()))
    assert missing == [], (
        f"{', '.join(missing)}: not in the package table of docs/architecture.md; add a row "
        "with its layer and its one job"
    )


def test_nothing_on_the_map_is_gone() -> None:
    gone = sorted(set(documented_layers()) - on_disk())
    assert gone == [], f"{', '.join(gone)}: in docs/architecture.md but not in src/selfcompassion"


def test_every_package_has_a_known_layer() -> None:
    unknown = {
        name: layer for name, layer in documented_layers().items() if layer not in LAYER_ORDER
    }
    assert unknown == {}, f"layers must be one of {', '.join(LAYER_ORDER)}"


def test_the_readme_links_the_map() -> None:
    assert "(docs/architecture.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_where_is_table_answers_what_people_ask() -> None:
    answered = [row[0] for row in table("Where is...")]
    assert [asked for asked in ASKED_ABOUT if asked not in answered] == []


def _points_to(row: list[str]) -> tuple[list[str], list[str]]:
    """(files named in the row, other names in backticks that look like code names)."""
    files, names = [], []
    for ticked in _TICKED.findall(row[1]):
        if ticked.endswith((".py", "/")) and " " not in ticked:
            files.append(ticked)
        elif _NAME.match(ticked):
            names.append(ticked.split(".")[-1])
    return files, names


def _path(ticked: str) -> str:
    """A file the table names, from the root: ``store/core.py`` lives in the package."""
    if ticked.startswith(("docs/", "tests/", "bench/")):
        return ticked
    return str((PACKAGE / ticked).relative_to(ROOT))


def test_every_file_and_name_the_where_is_table_points_to_is_there() -> None:
    stale = []
    for row in table("Where is..."):
        files, names = _points_to(row)
        texts = []
        for ticked in files:
            path = ROOT / _path(ticked)
            if not path.exists():
                stale.append(f"{row[0]}: {ticked} does not exist")
            elif path.is_file():
                texts.append(path.read_text(encoding="utf-8"))
        for name in names:
            if not any(re.search(rf"\b{re.escape(name)}\b", text) for text in texts):
                stale.append(f"{row[0]}: `{name}` is in none of the files the row names")
    assert stale == [], f"update the 'Where is...' table of {DOC.name}: {stale}"


def test_the_where_is_check_can_fail() -> None:
    files, names = _points_to(["x", "`store/nowhere.py` `no_such_function` and `--plan`"])
    assert files == ["store/nowhere.py"] and names == ["no_such_function"]
    assert not (ROOT / _path(files[0])).exists()
