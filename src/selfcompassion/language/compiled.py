"""Many regular expressions loaded in milliseconds from a compiled form shipped with the package.

Python compiles a regular expression in Python code (``re._parser``, ``re._compiler``); for
the language checks' few hundred long patterns that takes most of a command's start-up. The
compiled programs are plain lists of numbers, so they are written once, by the build step
(``write_cache``, run by ``tools/build_patterns.py``), into a file beside the rules, and read
back with ``_sre.compile``, which is what ``re.compile`` ends with. The numbers are kept as
one array of machine words, which loads far faster than lists of Python numbers would.

Each program is found by its exact pattern text and flags, and the file names the Python
version, the regex engine's version and the machine's byte order: a pattern that is not in
the file (a rule edited without rebuilding), another Python, or anything at all wrong with
the file means that pattern is compiled the usual way: slower to start, same behaviour.
Programs are made into patterns one by one when asked for, so a check that needs only a few
of its patterns (the care check, whose rules wait for their cue words) loads only those.
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

Source = tuple[str, int]  # pattern text, flags
#: What one program is stored as: final flags, where its numbers start and how many, the
#: number of groups, and the group names both ways.
Entry = tuple[int, int, int, int, dict[str, int], tuple[str | None, ...]]
FORMAT = 2


def engine() -> str:
    """The Python, the regex engine and the byte order a compiled program is good for."""
    import _sre  # type: ignore[import-not-found]

    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{sys.implementation.name}-{version}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}"


def _program(source: Source) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as plain data."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    pattern, flags = source
    tree = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(tree, flags)]
    group_index = {str(name): int(index) for name, index in tree.state.groupdict.items()}
    index_group: list[str | None] = [None] * tree.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return (
        pattern,
        int(flags | tree.state.flags),
        code,
        tree.state.groups - 1,
        group_index,
        tuple(index_group),
    )


class Programs:
    """The compiled programs of one file, made into patterns when asked for."""

    def __init__(self, index: dict[Source, Entry], codes: array[int]) -> None:
        self._index = index
        self._codes = codes

    def sources(self) -> set[Source]:
        return set(self._index)

    def pattern(self, text: str, flags: int = 0) -> re.Pattern[str] | None:
        """The pattern compiled from the file, or None when the file does not hold it."""
        entry = self._index.get((text, flags))
        if entry is None:
            return None
        import _sre

        final_flags, start, length, groups, group_index, index_group = entry
        code = self._codes[start : start + length].tolist()
        try:
            compiled: re.Pattern[str] = _sre.compile(
                text, final_flags, code, groups, group_index, index_group
            )
        except Exception:  # a damaged entry: compile the usual way
            return None
        return compiled

    def compile(self, text: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(text, flags)``, from the file when it holds the pattern."""
        return self.pattern(text, flags) or re.compile(text, flags)


def write_cache(sources: Iterable[Source]) -> bytes:
    """The compiled form of ``sources``, to be shipped beside them."""
    index: dict[Source, Entry] = {}
    codes = array("I")
    for source in dict.fromkeys(sources):
        _text, flags, code, groups, group_index, index_group = _program(source)
        key = (source[0], int(source[1]))  # a plain number: marshal takes no RegexFlag
        index[key] = (flags, len(codes), len(code), groups, group_index, index_group)
        codes.extend(code)
    return marshal.dumps((FORMAT, engine(), index, codes.tobytes()))


def read_cache(cache: Path) -> Programs:
    """The programs in ``cache``; none when it is missing, damaged or made for another
    Python or machine."""
    try:
        import _sre

        form, made_for, index, numbers = marshal.loads(cache.read_bytes())
        codes = array("I")
        if form != FORMAT or made_for != engine() or codes.itemsize != _sre.CODESIZE:
            return Programs({}, codes)
        codes.frombytes(numbers)
        return Programs(dict(index), codes)
    except Exception:  # any problem at all: every pattern is compiled the usual way
        return Programs({}, array("I"))


def compile_all(sources: Sequence[Source], cache: Path) -> list[re.Pattern[str]]:
    """``re.compile`` of each source, from ``cache`` where it holds the pattern."""
    programs = read_cache(cache)
    return [programs.compile(text, flags) for text, flags in sources]
