"""The arrows between the code's layers run one way, and no module imports itself back.

Every import in ``src/selfcompassion`` counts, wherever it is written: at the top of a
module, inside a function (the lazy imports that keep start-up quick) or under
``TYPE_CHECKING``. A lazy import hides a circle from Python but not from a reader.
The layers and their order are described in docs/architecture.md.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from architecture_map import LAYER_ORDER, PACKAGE, documented_layers, top_name

#: Each package's layer, from the package table of docs/architecture.md, and the layers
#: from the top down (``render``, the views, sits above ``flows`` because views draw what
#: flows return; flows ask through ``flows.asking`` and never draw).
LAYER_OF = {top_name(entry): layer for entry, layer in documented_layers().items()}

#: Modules of one package that its siblings may import (a package's shared helpers).
SHARED_IN_LAYER = {"commands": {"commands.context"}}


def layer_of(part: str) -> int:
    if part not in LAYER_OF:
        raise AssertionError(
            f"selfcompassion/{part} is in no layer: add it, with its layer, to the package "
            "table of docs/architecture.md"
        )
    return LAYER_ORDER.index(LAYER_OF[part])


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def is_package(name: str) -> bool:
    return (PACKAGE / name.replace(".", "/")).is_dir() or name == "__init__"


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module inside selfcompassion) for every import the file makes."""
    name = module_name(path)
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    if name == "__init__":
        here = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("selfcompassion."):
                    yield node.lineno, alias.name.removeprefix("selfcompassion.")
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if not (node.module or "").startswith("selfcompassion"):
                    continue
                base = (node.module or "").split(".")[1:]
            else:
                base = here[: len(here) - (node.level - 1)] + (
                    node.module.split(".") if node.module else []
                )
            for alias in node.names:
                target = ".".join([*base, alias.name])
                # ``from . import clean`` names a function, ``from . import stats`` a module.
                found = target if (PACKAGE / (target.replace(".", "/") + ".py")).exists() else None
                found = found or (target if is_package(target) else None)
                yield node.lineno, found or ".".join(base) or "__init__"


def all_imports() -> dict[str, list[tuple[int, str]]]:
    return {
        module_name(path): sorted(set(imports_of(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def top(module: str) -> str:
    return module.split(".")[0]


def upward_arrows(graph: dict[str, list[tuple[int, str]]]) -> list[str]:
    found = []
    for module, targets in graph.items():
        for line, target in targets:
            source, goal = top(module), top(target)
            if source == goal:
                shared = SHARED_IN_LAYER.get(source)
                if shared is not None and target not in shared and module not in shared:
                    found.append(f"{module}:{line} imports its sibling {target}")
                continue
            if layer_of(goal) < layer_of(source):
                found.append(
                    f"{module}:{line} ({LAYER_ORDER[layer_of(source)]}) imports {target} "
                    f"({LAYER_ORDER[layer_of(goal)]}), a layer above it"
                )
    return found


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for goal in sorted(edges.get(node, ())):
            if goal not in index:
                visit(goal)
                low[node] = min(low[node], low[goal])
            elif goal in on_stack:
                low[node] = min(low[node], index[goal])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def module_edges(graph: dict[str, list[tuple[int, str]]]) -> dict[str, set[str]]:
    return {
        module: {target for _, target in targets if target != module and target in graph}
        for module, targets in graph.items()
    }


def package_edges(graph: dict[str, list[tuple[int, str]]]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for module, targets in graph.items():
        edges.setdefault(top(module), set()).update(
            top(target) for _, target in targets if top(target) != top(module)
        )
    return edges


def test_every_package_and_module_has_a_layer() -> None:
    for module in all_imports():
        layer_of(top(module))


def test_no_import_runs_up_a_layer() -> None:
    assert upward_arrows(all_imports()) == []


def test_no_module_imports_itself_back() -> None:
    assert circles(module_edges(all_imports())) == []


def test_no_two_packages_import_each_other() -> None:
    assert circles(package_edges(all_imports())) == []


# -- the checks themselves can fail ---------------------------------------------------------


def test_an_upward_import_is_found() -> None:
    graph = {"store.core": [(3, "render.browse")], "render.browse": []}
    assert upward_arrows(graph) == [
        "store.core:3 (store) imports render.browse (views), a layer above it"
    ]


def test_a_command_importing_another_command_is_found() -> None:
    graph = {"commands.checkin": [(9, "commands.today"), (10, "commands.context")]}
    assert upward_arrows(graph) == ["commands.checkin:9 imports its sibling commands.today"]


def test_a_lazy_circle_is_found() -> None:
    graph = {"report.stats": [(1, "report.closing")], "report.closing": [(2, "report.stats")]}
    assert circles(module_edges(graph)) == [["report.closing", "report.stats"]]


def test_an_unplaced_package_is_named() -> None:
    with pytest.raises(AssertionError, match="selfcompassion/newthing is in no layer"):
        upward_arrows({"newthing.x": [(1, "store")]})


def test_the_import_reader_sees_lazy_and_relative_imports() -> None:
    graph = all_imports()
    # a lazy import inside a function, written relative to the package
    assert "render.progress" in {target for _, target in graph["commands.portability"]}
    # ``from . import clean`` in a view names the package, not a module called clean
    assert "render" in {target for _, target in graph["render.browse"]}
    assert "store" in {target for _, target in graph["flows.today"]}


# -- sizes ----------------------------------------------------------------------------------

#: The most lines a module may have: past it, a module is doing more than one job.
MAX_LINES = 400
#: Modules allowed past it for now, with the reason.
OVERSIZE = {"traps/detector.py": "to be replaced whole by the new thinking-trap detector"}


def test_no_module_is_over_400_lines() -> None:
    over = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and str(path.relative_to(PACKAGE)) not in OVERSIZE
    }
    assert over == {}, f"split these into modules of one job each: {over}"
