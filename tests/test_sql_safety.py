"""No SQL is built from strings: every value reaches SQLite as a ``?`` parameter.

The scan reads every module under ``src/`` and fails on:
- an f-string, ``%`` or ``.format`` that looks like SQL and puts anything into it other
  than a run of ``?`` marks (a name assigned ``",".join("?" * n)``) or a whole-number
  constant of the module (such as a timeout in a PRAGMA, which cannot take parameters);
- SQL glued together with ``+``;
- a call that runs SQL (``execute``, ``query``, ``rows_where`` ...) given anything but a
  literal, such an f-string, or a module constant holding one.
The scanner is tested on small bad and good examples so that it cannot quietly pass.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

SQL = re.compile(
    r"(?i:\binsert\s+(or\s+\w+\s+)?into\b|\bdelete\s+from\b|\bupdate\s+\S+\s+set\b"
    r"|\b(create|drop)\s+(temp\s+|unique\s+|virtual\s+)?(table|index|trigger|view)\b"
    r"|\balter\s+table\b|\bpragma\s+\w|\bselect\b.*\bfrom\b.*\bwhere\b)"
    r"|\bSELECT\b|\bFROM\b|\bWHERE\b|\bVALUES\b"
)
SQL_CALLS = {
    "execute",
    "executemany",
    "executescript",
    "query",
    "rows_where",
    "delete_where",
    "count_where",
    "pks_and_rows_where",
}
SQL_KEYWORDS = {"sql", "where"}


def _literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    return None


def _is_marks(value: ast.AST) -> bool:
    """``"?" * n``, ``["?"] * n``, or a string's ``.join`` of either."""
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "join"
        and isinstance(value.func.value, ast.Constant)
        and len(value.args) == 1
    ):
        value = value.args[0]
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
        side = value.left
        if isinstance(side, ast.List) and len(side.elts) == 1:
            side = side.elts[0]
        return isinstance(side, ast.Constant) and side.value == "?"
    return False


class Module:
    """What the scan needs to know about one module's names."""

    def __init__(self, tree: ast.Module) -> None:
        self.marks: set[str] = set()
        self.not_marks: set[str] = set()
        self.int_constants: set[str] = set()
        self.sql_constants: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        (self.marks if _is_marks(node.value) else self.not_marks).add(target.id)
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                value = node.value
                for target in targets:
                    if not isinstance(target, ast.Name):
                        continue
                    if isinstance(value, ast.Constant) and type(value.value) is int:
                        self.int_constants.add(target.id)
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        self.sql_constants.add(target.id)
        # A name assigned both marks and something else anywhere is not trusted.
        self.marks -= self.not_marks

    def allowed(self, value: ast.AST) -> bool:
        if not isinstance(value, ast.Name):
            return False
        return value.id in self.marks or value.id in self.int_constants


def scan_source(source: str, name: str = "<snippet>") -> list[str]:
    """Every place in ``source`` where SQL is built from strings, as ``name:line: why``."""
    tree = ast.parse(source)
    module = Module(tree)
    found: list[str] = []

    def flag(node: ast.AST, why: str) -> None:
        found.append(f"{name}:{getattr(node, 'lineno', '?')}: {why}")

    def looks_like_sql(node: ast.AST) -> bool:
        text = _literal_text(node)
        return text is not None and bool(SQL.search(text))

    def safe_sql_argument(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(
                module.allowed(part.value)
                for part in node.values
                if isinstance(part, ast.FormattedValue)
            )
        return isinstance(node, ast.Name) and node.id in module.sql_constants

    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and looks_like_sql(node):
            for part in node.values:
                if isinstance(part, ast.FormattedValue) and not module.allowed(part.value):
                    flag(node, f"f-string SQL interpolates {ast.unparse(part.value)}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            if looks_like_sql(node.left):
                flag(node, "SQL built with %")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if looks_like_sql(node.left) or looks_like_sql(node.right):
                flag(node, "SQL glued together with +")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "format" and looks_like_sql(node.func.value):
                flag(node, "SQL built with .format")
            if node.func.attr in SQL_CALLS:
                given = list(node.args[:1]) + [
                    keyword.value for keyword in node.keywords if keyword.arg in SQL_KEYWORDS
                ]
                for argument in given:
                    if not safe_sql_argument(argument):
                        flag(node, f"{node.func.attr}() given {ast.unparse(argument)}")
    return found


def test_no_sql_is_built_from_strings_anywhere_in_src() -> None:
    found = [
        problem
        for path in sorted(SRC.rglob("*.py"))
        for problem in scan_source(path.read_text(encoding="utf-8"), str(path.relative_to(SRC)))
    ]
    assert found == []


def test_the_scan_covers_the_store() -> None:
    store = (SRC / "selfcompassion" / "store" / "core.py").read_text(encoding="utf-8")
    assert "IN ({marks})" in store  # the one allowed shape is really there, and allowed
    assert scan_source(store) == []


BAD = {
    "f-string value": 'conn.execute(f"SELECT * FROM entries WHERE id = {entry_id}")',
    "f-string table": 'conn.execute(f"DELETE FROM {table} WHERE id = ?", [x])',
    "percent": "conn.execute(\"SELECT * FROM entries WHERE id = '%s'\" % entry_id)",
    "format": 'conn.execute("SELECT * FROM entries WHERE id = {}".format(entry_id))',
    "plus": 'conn.execute("SELECT * FROM entries WHERE id = " + entry_id)',
    "built elsewhere": 'query = "SELECT * FROM t WHERE a = " + a\nconn.execute(query)',
    "a variable": "conn.execute(sql_text, [1])",
    "sqlite-utils where": 'db["entries"].rows_where(f"id = {entry_id}")',
    "where keyword": 'table.delete_where(where=f"tag = {tag}")',
    "fake marks": 'marks = user_text\nconn.execute(f"SELECT a FROM t WHERE b IN ({marks})", x)',
    "lowercase": 'conn.execute(f"insert into tags values ({tag})")',
    "pragma": 'conn.execute(f"PRAGMA user_version = {version}")',
}
GOOD = {
    "parameters": 'conn.execute("SELECT * FROM entries WHERE id = ?", [entry_id])',
    "marks": (
        'marks = ",".join("?" * len(ids))\n'
        'conn.execute(f"SELECT a FROM t WHERE b IN ({marks})", ids)'
    ),
    "constant in a pragma": 'TIMEOUT = 5000\nconn.execute(f"PRAGMA busy_timeout = {TIMEOUT}")',
    "module constant": 'QUERY = "SELECT count(*) FROM entries"\nconn.execute(QUERY)',
    "not sql": 'message = f"select a pack from the list: {names}"',
}


@pytest.mark.parametrize("snippet", BAD)
def test_the_scan_catches_string_built_sql(snippet: str) -> None:
    assert scan_source(BAD[snippet]) != []


@pytest.mark.parametrize("snippet", GOOD)
def test_the_scan_lets_parameterised_sql_through(snippet: str) -> None:
    assert scan_source(GOOD[snippet]) == []
