"""Many regular expressions loaded in milliseconds from a compiled form shipped with the package.

Python compiles a regular expression in Python code (``re._parser``, ``re._compiler``); for
the language checks' few hundred long patterns that takes most of a command's start-up. The
compiled programs are plain lists of numbers, so they are written once, by the build step
(``write_cache``, run by ``tools/build_patterns.py``), into a file beside the rules, and read
back with ``marshal`` and ``_sre.compile``, which is what ``re.compile`` ends with.

The file names the Python version, the regex engine's version and a digest of the pattern
texts it was made from. If any of them differs (another Python, a rule edited without
rebuilding), or anything at all goes wrong reading it, the patterns are compiled the usual
way: slower to start, same behaviour.
"""

from __future__ import annotations

import marshal
import re
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

Source = tuple[str, int]  # pattern text, flags


def cache_key(sources: Sequence[Source]) -> str:
    """Names the Python, the regex engine and the pattern texts (two checksums and a length:
    this tells a stale file from a current one, it guards against no one)."""
    import _sre  # type: ignore[import-not-found]

    text = repr(list(sources)).encode("utf-8")
    digest = f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text)}"
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{sys.implementation.name}-{version}-{_sre.MAGIC}-{digest}"


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


def write_cache(sources: Sequence[Source]) -> bytes:
    """The compiled form of ``sources``, to be shipped beside them."""
    return zlib.compress(marshal.dumps((cache_key(sources), [_program(s) for s in sources])), 9)


def _from_cache(sources: Sequence[Source], cache: Path) -> list[re.Pattern[str]] | None:
    try:
        import _sre

        key, programs = marshal.loads(zlib.decompress(cache.read_bytes()))
        if key != cache_key(sources) or len(programs) != len(sources):
            return None
        return [_sre.compile(*program) for program in programs]
    except Exception:  # any mismatch at all: compile the usual way
        return None


def compile_all(sources: Sequence[Source], cache: Path) -> list[re.Pattern[str]]:
    """``re.compile`` of each source, from ``cache`` when it was made from these sources."""
    compiled = _from_cache(sources, cache)
    if compiled is None:
        compiled = [re.compile(pattern, flags) for pattern, flags in sources]
    return compiled
