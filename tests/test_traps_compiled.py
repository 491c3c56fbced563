"""The language checks' compiled patterns (``language/compiled.py``): each shipped file holds
exactly the patterns of its rules, loads them the same as ``re.compile`` makes them, and a
stale or damaged file only means compiling the usual way."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from selfcompassion.care import gate
from selfcompassion.care import rules as care_rules
from selfcompassion.language.compiled import Programs, Source, compile_all, read_cache, write_cache
from selfcompassion.traps import rules as trap_rules

SAMPLES = (
    "Im such an idiot, I always mess up; what if it all falls apart? She's obviously bored.",
    "i want to die lol jk. my friend said she wanted to kill herself years ago, i'm fine now",
    "This commute is killing me. I can't go on like this, everyone would be better off.",
)


def shipped(name: str) -> tuple[list[Source], Path]:
    if name == "traps":
        return trap_rules.pattern_sources(), Path(trap_rules.__file__).with_name(
            trap_rules.PATTERNS_FILE
        )
    texts = [*care_rules.pattern_sources(care_rules.rule_book()), gate.source()]
    return [(text, 0) for text in texts], Path(care_rules.__file__).with_name(
        care_rules.PATTERNS_FILE
    )


def same_pattern(fast: re.Pattern[str], slow: re.Pattern[str]) -> None:
    assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == (
        slow.pattern,
        slow.flags,
        slow.groups,
        slow.groupindex,
    )
    for sample in SAMPLES:
        for text in (sample, sample.lower()):
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in slow.finditer(text)
            ]


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the files are built with Python 3.11")
@pytest.mark.parametrize("name", ["traps", "care"])
def test_shipped_file_holds_exactly_the_rules_patterns(name: str) -> None:
    """Fails when a rule changed without `python tools/build_patterns.py` (start-up slows)."""
    sources, path = shipped(name)
    held = read_cache(path).sources()
    assert held, f"{path} could not be read"
    assert held == set(sources), "run: python tools/build_patterns.py"


@pytest.mark.parametrize("name", ["traps", "care"])
def test_loaded_patterns_behave_like_compiled_ones(tmp_path: Path, name: str) -> None:
    sources, _ = shipped(name)
    cache = tmp_path / "patterns.bin"
    cache.write_bytes(write_cache(sources))
    programs = read_cache(cache)
    for text, flags in sources:
        fast = programs.pattern(text, flags)
        assert fast is not None
        same_pattern(fast, re.compile(text, flags))


def test_a_stale_or_damaged_file_falls_back_to_compiling(tmp_path: Path) -> None:
    sources = trap_rules.pattern_sources()
    stale = tmp_path / "stale.bin"
    stale.write_bytes(write_cache(sources[:-1]))
    assert read_cache(stale).pattern(*sources[-1]) is None  # not held: compiled as usual
    assert read_cache(stale).pattern(*sources[0]) is not None
    other_python = tmp_path / "other.bin"
    other_python.write_bytes(write_cache(sources).replace(b"cpython-", b"xpython-", 1))
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(b"not a pattern file")
    for cache in (other_python, damaged, tmp_path / "missing.bin"):
        assert read_cache(cache).sources() == set()
    for cache in (stale, other_python, damaged, tmp_path / "missing.bin"):
        patterns = compile_all(sources, cache)
        for (text, flags), pattern in zip(sources, patterns, strict=True):
            same_pattern(pattern, re.compile(text, flags))


def test_an_empty_table_compiles_the_usual_way() -> None:
    from array import array

    pattern = Programs({}, array("I")).compile(r"\bmess(?:ed)? up\b", re.IGNORECASE)
    assert pattern.search("I MESSED UP") is not None
