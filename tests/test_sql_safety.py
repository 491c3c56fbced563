"""No SQL is built from outside text: values reach SQLite only as parameters.

The scan reads every module under ``src/`` and follows what flows into SQL. Whatever is
put into SQL-looking text (by an f-string, ``%``, ``.format``, ``+`` or ``str.join``),
and whatever is handed to a call that runs SQL, must be *safe*:

- a literal, or a module constant holding one (from any module);
- a run of ``?`` marks (``",".join("?" * n)``), or numbered placeholders;
- a local variable every assignment of which is safe;
- a call to a function every ``return`` of which is safe;
- a parameter that every caller, everywhere in ``src/``, fills with something safe (or
  leaves at a safe default);
- a loop variable over something safe (the keys or values of a mapping of safe text).

Nothing at all may be put between SQL's quotes: a value goes in a ``?`` parameter even
when it is a constant. Names that cannot be parameters (a table name from a fixed list,
say) are built by a function listed in ``TRUSTED`` with the reason it is safe; nothing
else is exempt, and a ``# noqa`` does not count. The scanner is itself tested on bad and
good examples, so that it cannot quietly pass.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Functions whose SQL is checked by hand, with why it is safe. Calls to them count as safe.
TRUSTED: dict[str, str] = {
    "_insert_sql": "store/bulk.py: the table must be in BULK_TABLES and every column name is "
    "checked against PRAGMA table_info before it is placed; values are named parameters",
    "staged_sql": "store/staging.py: the table must be a key of the module constant STAGED; "
    "the names it fills in are that key, the STAGE prefix and STAGED's column lists, all "
    "built from literals and the column constants of store/portability.py",
    "_m0008_trigger": "store/later_migrations.py: called only by migration 0008 with table, kind "
    "and column names from the literal tuple _M0008_MARKED and events and row names from a "
    "literal tuple; the kind between quotes is one of those literals",
    "_m0010_guarded": "store/later_migrations.py: the name must be one of the constant "
    "_M0010_SKIPPED, and the SQL is that trigger's own text from sqlite_master with a "
    "constant condition added",
    "_json_row_sql": "store/entry_json.py: called only by entry_json_sql with table names, "
    "column tuples and ORDER BY clauses that are literals or module constants",
    "_json_list_sql": "store/entry_json.py: called only by entry_json_sql and _json_row_sql "
    "with literal or constant-built item SQL, table names and ORDER BY clauses",
    "_key_pragma": "store/driver.py: PRAGMA key takes no parameters; the value is only the "
    "hex digits of a JournalKey's bytes (bytes.hex()) inside SQLCipher's x'...' form",
    "_all_rows_sql": "store/cipher.py: the table name comes from the journal's own "
    "sqlite_master and is quoted as an identifier, its double quotes doubled",
    "_outbox_sql": "store/syncing.py: composes the query entry_json_sql makes (returned by "
    "entry_json_query) and the constant COMMITMENT_COLUMNS, whose names go between quotes "
    "as json_object's keys",
    "markdown_rows_sql": "store/markdown_rows.py: composes only literals, the module's marks "
    "(constant strings of literal characters, quoted by _sql_text with any quote doubled) and "
    "whole numbers (code points of the constant CONTROL pattern); it takes no parameters",
    "csv_lines_sql": "store/csv_lines.py: composes only literals, the module's constants "
    "(the CELLS table name, the GLOB patterns PLAIN_START, _LF and _CR, literal characters "
    "between SQL quotes, and FLAG as a whole number through ord) and the column names its "
    "helpers are given as literals ('a.text', 'a.value'); its one parameter is the tags' SQL, "
    "which its only caller fills with the module constant ENTRY_TAGS",
    "entry_json_sql": "store/entry_json.py: composes only literals, the module's column "
    "constants and table names (FEATURES) and what _head_sql and _answer_sql make; the "
    "JSON keys between SQL quotes are those same constant names, through json.dumps; its "
    "parameters only choose which of those constant parts go in, and how many numbered "
    "placeholders (?1, ?2, ... counted in known_heads_sql) the answers' heads take: their "
    "values go in as parameters",
    "_head_sql": "store/entry_json.py: composes literals and the constant HEAD_COLUMNS "
    "(through json.dumps between SQL quotes) with a table alias that its callers give as "
    "a literal ('a', 's')",
    "_rows_by_entry": "store/portability.py: called only by records_for, with the feature "
    "tables' names as literals, their column constants from store/entry_json.py (tuples of "
    "literal names) and literal ORDER BY clauses; the entry ids go in ? marks",
    "_answer_sql": "store/entry_json.py: composes literals, _head_sql's SQL and "
    "known_heads_sql's (literals and numbered placeholders counted from whole numbers); "
    "its one parameter only gives how many placeholders",
}

SQL = re.compile(
    r"(?i:\binsert\s+(or\s+\w+\s+)?into\b|\bdelete\s+from\b|\bupdate\s+\S+\s+set\b"
    r"|\b(create|drop)\s+(temp\s+|unique\s+|virtual\s+)?(table|index|trigger|view)\b"
    r"|\balter\s+table\b|\bpragma\s+\w|\bselect\b.*\bfrom\b.*\bwhere\b)"
    r"|\bSELECT\b|\bFROM\b|\bWHERE\b|\bVALUES\b|\bUNION\b"
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
Function = ast.FunctionDef | ast.AsyncFunctionDef
Scope = Function | ast.Module


def _text_of(node: ast.AST) -> str:
    """The literal text in a string expression (the parts an f-string does not fill)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text_of(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _text_of(node.left) + _text_of(node.right)
    return ""


def _assigned(target: ast.AST, value: ast.AST | None) -> Iterator[tuple[str, ast.AST | None]]:
    """(name, value) for each name an assignment binds; None when the value is unknown."""
    if isinstance(target, ast.Name):
        yield target.id, value
    elif isinstance(target, ast.Tuple | ast.List):
        values = value.elts if isinstance(value, ast.Tuple | ast.List) else None
        for index, element in enumerate(target.elts):
            if values is not None and len(values) == len(target.elts):
                yield from _assigned(element, values[index])
            elif value is not None and isinstance(element, ast.Name):
                yield element.id, ast.Subscript(value, ast.Constant(index))
            else:
                yield from _assigned(element, None)


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _counting(generator: ast.comprehension) -> set[str]:
    """Names a loop binds to whole numbers: ``i in range(n)``, ``i, x in enumerate(xs)``."""
    if not isinstance(generator.iter, ast.Call):
        return set()
    target, called = generator.target, _called(generator.iter)
    if called == "range" and isinstance(target, ast.Name):
        return {target.id}
    if called == "enumerate" and isinstance(target, ast.Tuple):
        first = target.elts[0]
        return {first.id} if isinstance(first, ast.Name) else set()
    return set()


class Elements(ast.expr):
    """Stands for "an element of this collection" (a mapping's key, or its value when
    ``values``): what a loop variable takes."""

    def __init__(self, collection: ast.expr, values: bool = False) -> None:
        super().__init__()
        self.collection = collection
        self.values = values


def _loop_value(loop: ast.For | ast.comprehension, name: str) -> ast.AST | None:
    """What a loop binds to ``name``: a number when it counts, an element of what it walks
    through (``for key in x``, ``for key, value in x.items()``), else something unknown."""
    if isinstance(loop, ast.comprehension) and name in _counting(loop):
        return ast.Constant(0)
    target, walked = loop.target, loop.iter
    if isinstance(target, ast.Name):
        return Elements(walked)
    pair = [element.id if isinstance(element, ast.Name) else "" for element in target.elts]  # type: ignore[attr-defined]
    if (
        len(pair) == 2
        and isinstance(walked, ast.Call)
        and isinstance(walked.func, ast.Attribute)
        and walked.func.attr == "items"
        and name in pair
    ):
        return Elements(walked.func.value, values=pair.index(name) == 1)
    return None


class Scan:
    """The modules under scan, and what is known to be safe in them."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.trees = {name: ast.parse(text) for name, text in sources.items()}
        self.constants: set[str] = set()
        self.functions: dict[str, list[Function]] = {}
        self.owner: dict[ast.AST, Scope] = {}
        self.module_of: dict[Scope, ast.Module] = {}
        for tree in self.trees.values():
            self.module_of[tree] = tree
            for node in tree.body:
                if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        for name, value in _assigned(target, node.value):
                            if isinstance(value, ast.Constant):
                                self.constants.add(name)
            self._index(tree, tree, tree)
        self.calls: dict[str, list[ast.Call]] = {}
        for tree in self.trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    self.calls.setdefault(_called(node), []).append(node)
        self._bound: dict[tuple[int, str], list[ast.AST | None]] = {}
        self._known_safe: set[tuple[int, int]] = set()
        self.builders: set[str] = set(TRUSTED)
        self.trusted_params: set[tuple[str, str]] = set()
        self._settle()

    def _index(self, node: ast.AST, scope: Scope, module: ast.Module) -> None:
        for child in ast.iter_child_nodes(node):
            self.owner[child] = scope
            if isinstance(child, Function):
                self.functions.setdefault(child.name, []).append(child)
                self.module_of[child] = module
                self._index(child, child, module)
            else:
                self._index(child, scope, module)

    # -- what is safe --------------------------------------------------------------------

    def _settle(self) -> None:
        """Grow the safe builders and parameters until nothing more can be added."""
        while True:
            before = (len(self.builders), len(self.trusted_params))
            for name, definitions in self.functions.items():
                if name not in self.builders and all(map(self._returns_safe, definitions)):
                    self.builders.add(name)
                for definition in definitions:
                    for position, parameter in enumerate(definition.args.args):
                        key = (name, parameter.arg)
                        if key not in self.trusted_params and self._callers_pass_safe(
                            name, definition, position, parameter.arg
                        ):
                            self.trusted_params.add(key)
            if (len(self.builders), len(self.trusted_params)) == before:
                return

    def _returns(self, function: Function) -> list[ast.expr | None]:
        return [
            node.value
            for node in ast.walk(function)
            if isinstance(node, ast.Return) and self.owner.get(node) is function
        ]

    def _returns_safe(self, function: Function, index: int | None = None) -> bool:
        returns = self._returns(function)
        if not returns:
            return False
        for value in returns:
            if index is not None:
                if not isinstance(value, ast.Tuple) or len(value.elts) <= index:
                    return False
                value = value.elts[index]
            if value is None or not self.safe(value, function):
                return False
        return True

    def _callers_pass_safe(
        self, name: str, definition: Function, position: int, parameter: str
    ) -> bool:
        method = bool(definition.args.args) and definition.args.args[0].arg in ("self", "cls")
        calls = self.calls.get(name, [])
        if not calls or (method and position == 0):
            return False
        arguments = definition.args.args
        defaults = dict(
            zip(
                arguments[len(arguments) - len(definition.args.defaults) :],
                definition.args.defaults,
                strict=True,
            )
        )
        default = next((value for arg, value in defaults.items() if arg.arg == parameter), None)
        for call in calls:
            index = position - 1 if method and isinstance(call.func, ast.Attribute) else position
            given = [k.value for k in call.keywords if k.arg == parameter]
            if 0 <= index < len(call.args):
                given.append(call.args[index])
            if not given and default is not None:
                given, where = [default], self.owner[definition]
            else:
                where = self.owner[call]
            if not given or not all(self.safe(value, where) for value in given):
                return False
        return True

    def _bindings(self, name: str, scope: Scope) -> list[ast.AST | None]:
        """Every value the scope binds to ``name``; None for a value that cannot be known."""
        key = (id(scope), name)
        if key not in self._bound:
            self._bound[key] = self._find_bindings(name, scope)
        return self._bound[key]

    def _find_bindings(self, name: str, scope: Scope) -> list[ast.AST | None]:
        values: list[ast.AST | None] = []
        for node in ast.walk(scope):
            if self.owner.get(node) is not scope:
                continue
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    values += [v for n, v in _assigned(target, node.value) if n == name]
            elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
                if isinstance(node.target, ast.Name) and node.target.id == name:
                    values.append(node.value)
            elif isinstance(node, ast.For | ast.comprehension):
                if name in {n for n, _ in _assigned(node.target, None)}:
                    values.append(_loop_value(node, name))
            elif (
                isinstance(node, ast.withitem)
                and node.optional_vars is not None
                and name in {n for n, _ in _assigned(node.optional_vars, None)}
            ):
                values.append(None)
        return values

    def safe(self, node: ast.AST, scope: Scope, seen: frozenset[str] = frozenset()) -> bool:
        # What is found safe stays safe as more becomes known, so it is remembered; a
        # finding that leaned on a name still being worked out (``seen``) is not.
        key = (id(node), id(scope))
        if key in self._known_safe:
            return True
        found = self._safe(node, scope, seen)
        if found and not seen:
            self._known_safe.add(key)
        return found

    def _safe(self, node: ast.AST, scope: Scope, seen: frozenset[str]) -> bool:
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(
                self.safe(part.value, scope, seen)
                for part in node.values
                if isinstance(part, ast.FormattedValue)
            )
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Mult):  # "?" * n, ["?"] * n
                return any(self.safe(side, scope, seen) for side in (node.left, node.right))
            return self.safe(node.left, scope, seen) and self.safe(node.right, scope, seen)
        if isinstance(node, ast.Tuple | ast.List):
            return all(self.safe(element, scope, seen) for element in node.elts)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, scope, seen) and self.safe(node.orelse, scope, seen)
        if isinstance(node, ast.Subscript):
            return self._safe_part(node, scope, seen)
        if isinstance(node, ast.GeneratorExp | ast.ListComp):
            return self.safe(node.elt, scope, seen)
        if isinstance(node, ast.Call):
            return self._safe_call(node, scope, seen)
        if isinstance(node, ast.Name):
            return self._safe_name(node.id, scope, seen)
        if isinstance(node, Elements):
            return self._safe_elements(node.collection, node.values, scope, seen)
        return False

    def _safe_elements(
        self, node: ast.AST, values: bool, scope: Scope, seen: frozenset[str]
    ) -> bool:
        """Whether every element of a collection (a mapping's keys, or its values) is safe."""
        if isinstance(node, ast.DictComp):
            return self.safe(node.value if values else node.key, scope, seen)
        if isinstance(node, ast.Dict):
            parts = node.values if values else node.keys
            return all(part is not None and self.safe(part, scope, seen) for part in parts)
        if isinstance(node, ast.Name):
            bound = self._bindings(node.id, scope)
            return bool(bound) and all(
                value is not None and self._safe_elements(value, values, scope, seen)
                for value in bound
            )
        return not values and self.safe(node, scope, seen)

    def _safe_part(self, node: ast.Subscript, scope: Scope, seen: frozenset[str]) -> bool:
        """One element of a tuple a function returns, or of something safe."""
        index = node.slice
        if isinstance(node.value, ast.Call) and isinstance(index, ast.Constant):
            definitions = self.functions.get(_called(node.value), [])
            if definitions and all(self._returns_safe(d, index.value) for d in definitions):
                return True
        return self.safe(node.value, scope, seen)

    def _safe_call(self, node: ast.Call, scope: Scope, seen: frozenset[str]) -> bool:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("join", "format", "strip"):
            pieces = [func.value, *node.args, *(k.value for k in node.keywords)]
            return all(self.safe(piece, scope, seen) for piece in pieces)
        return _called(node) in ("len", "int", "range") or _called(node) in self.builders

    def _safe_name(self, name: str, scope: Scope, seen: frozenset[str]) -> bool:
        if name in seen:
            return True  # a value built from itself adds nothing unsafe
        if isinstance(scope, Function):
            if (scope.name, name) in self.trusted_params:
                return True
            if any(arg.arg == name for arg in scope.args.args):
                return False
        values = self._bindings(name, scope)
        if not values and isinstance(scope, Function):
            values = self._bindings(name, self.module_of[scope])  # a global of the module
        if values:
            return all(v is not None and self.safe(v, scope, seen | {name}) for v in values)
        return name in self.constants

    # -- what is wrong ------------------------------------------------------------------

    def problems(self) -> list[str]:
        found: list[str] = []
        for module, tree in self.trees.items():
            for node in ast.walk(tree):
                scope = self.owner.get(node, tree)
                if isinstance(scope, Function) and scope.name in TRUSTED:
                    continue
                why = self._problem(node, scope)
                if why:
                    found.append(f"{module}:{getattr(node, 'lineno', '?')}: {why}")
        return found

    def _problem(self, node: ast.AST, scope: Scope) -> str | None:
        built_from = _built_from(node)
        if built_from is not None and SQL.search(_text_of(built_from)):
            if isinstance(node, ast.JoinedStr) and _fills_quotes(node):
                return f"a value written between SQL quotes: {ast.unparse(node)[:80]}"
            if not self.safe(node, scope):
                return f"SQL built from something unchecked: {ast.unparse(node)[:80]}"
        if isinstance(node, ast.Call) and _called(node) in SQL_CALLS:
            given = list(node.args[:1]) + [
                keyword.value for keyword in node.keywords if keyword.arg in SQL_KEYWORDS
            ]
            for argument in given:
                if not self.safe(argument, scope):
                    return f"{_called(node)}() given {ast.unparse(argument)[:80]}"
        return None


def _built_from(node: ast.AST) -> ast.AST | None:
    """The text a string-building expression starts from, if it builds a string at all."""
    if isinstance(node, ast.JoinedStr):
        return node
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return node
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.value if node.func.attr in ("format", "join") else None
    return None


def _fills_quotes(node: ast.JoinedStr) -> bool:
    """Whether the f-string puts something between SQL's single quotes: a value, whatever
    its source, belongs in a ``?`` parameter."""
    quoted = False
    for part in node.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            quoted ^= part.value.count("'") % 2 == 1
        elif quoted:
            return True
    return False


def scan_source(source: str) -> list[str]:
    return Scan({"<snippet>": source}).problems()


def test_no_sql_is_built_from_outside_text_anywhere_in_src() -> None:
    sources = {
        str(path.relative_to(SRC)): path.read_text(encoding="utf-8")
        for path in sorted(SRC.rglob("*.py"))
    }
    assert Scan(sources).problems() == []


def test_every_trusted_builder_exists() -> None:
    """A stale entry would hide nothing today and something tomorrow."""
    scan = Scan({str(p): p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")})
    assert set(TRUSTED) <= set(scan.functions)


def test_the_scan_covers_the_store() -> None:
    folder = SRC / "selfcompassion" / "store"
    entries, records = (
        (folder / name).read_text(encoding="utf-8") for name in ("entries.py", "records.py")
    )
    assert "IN ({marks})" in entries  # the marks shape is really there, and allowed
    # the INSERT statements entries.py runs are the constants of records.py
    assert Scan({"entries.py": entries, "records.py": records}).problems() == []


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
    "a parameter from a caller": (
        "def pick(where):\n"
        '    return conn.execute(f"SELECT a FROM t WHERE {where}")\n'
        "pick(user_text)\n"
    ),
    "a loop variable": (
        "def fill(rows):\n"
        "    for table in rows:\n"
        '        conn.execute(f"DELETE FROM {table} WHERE id = ?", [1])\n'
    ),
    "joined user words": 'conn.execute("SELECT a FROM t WHERE " + " AND ".join(words))',
    "a constant between quotes": (
        'KIND = "daily"\nconn.execute(f"SELECT a FROM entries WHERE kind = \'{KIND}\'")'
    ),
}
GOOD = {
    "parameters": 'conn.execute("SELECT * FROM entries WHERE id = ?", [entry_id])',
    "marks": (
        'marks = ",".join("?" * len(ids))\n'
        'conn.execute(f"SELECT a FROM t WHERE b IN ({marks})", ids)'
    ),
    "two marks at once": (
        'kinds, skips = ", ".join("?" * len(a)), ", ".join("?" * len(b))\n'
        'conn.execute(f"SELECT a FROM t WHERE b IN ({kinds}) AND c NOT IN ({skips})", a + b)'
    ),
    "constant in a pragma": 'TIMEOUT = 5000\nconn.execute(f"PRAGMA busy_timeout = {TIMEOUT}")',
    "module constant": 'QUERY = "SELECT count(*) FROM entries"\nconn.execute(QUERY)',
    "constant glued to a literal": (
        'BASE = "SELECT a FROM t "\nconn.execute(BASE + "WHERE b = ?", [1])'
    ),
    "a fragment every caller writes out": (
        "def pick(where, params):\n"
        '    return conn.execute(f"SELECT a FROM t WHERE {where}", params)\n'
        'pick("b = ? AND c = ?", [1, 2])\n'
    ),
    "a builder of SQL": (
        "def bucket(column):\n"
        '    return f"CAST(julianday({column}) AS INTEGER)"\n'
        "sql = f\"SELECT {bucket('day')} FROM t WHERE a = ?\"\n"
        "conn.execute(sql, [1])\n"
    ),
    "numbered placeholders": (
        'names = ", ".join(f":s{i}" for i in range(len(steps)))\n'
        'conn.execute(f"SELECT a FROM t WHERE b IN ({names})", params)'
    ),
    "not sql": 'message = f"select a pack from the list: {names}"',
}


@pytest.mark.parametrize("snippet", BAD)
def test_the_scan_catches_sql_built_from_outside_text(snippet: str) -> None:
    assert scan_source(BAD[snippet]) != []


@pytest.mark.parametrize("snippet", GOOD)
def test_the_scan_lets_parameterised_sql_through(snippet: str) -> None:
    assert scan_source(GOOD[snippet]) == []
