"""The trap rules' compiled patterns: the shipped file matches the rules, and loads the same."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from selfcompassion.language.compiled import _from_cache, compile_all, write_cache
from selfcompassion.traps import rules
from selfcompassion.traps.rules import PATTERNS_FILE, pattern_sources

SHIPPED = Path(rules.__file__).with_name(PATTERNS_FILE)
SAMPLE = "Im such an idiot, I always mess up; what if it all falls apart? She's obviously bored."


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the file is built with Python 3.11")
def test_shipped_file_was_built_from_these_rules() -> None:
    """Fails when a rule changed without `python tools/build_patterns.py` (start-up slows)."""
    assert _from_cache(pattern_sources(), SHIPPED) is not None


def test_loaded_patterns_behave_like_compiled_ones(tmp_path: Path) -> None:
    sources = pattern_sources()
    cache = tmp_path / "patterns.bin"
    cache.write_bytes(write_cache(sources))
    loaded = _from_cache(sources, cache)
    assert loaded is not None
    compiled = compile_all(sources, tmp_path / "missing.bin")
    for (text, _flags), fast, slow in zip(sources, loaded, compiled, strict=True):
        assert fast.pattern == slow.pattern == text
        assert fast.flags == slow.flags
        assert [m.span() for m in fast.finditer(SAMPLE)] == [
            m.span() for m in slow.finditer(SAMPLE)
        ]


def test_a_stale_or_damaged_file_falls_back_to_compiling(tmp_path: Path) -> None:
    sources = pattern_sources()
    stale = tmp_path / "stale.bin"
    stale.write_bytes(write_cache(sources[:-1]))
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(b"not a pattern file")
    for cache in (stale, damaged, tmp_path / "missing.bin"):
        assert _from_cache(sources, cache) is None
        patterns = compile_all(sources, cache)
        assert [p.pattern for p in patterns] == [text for text, _flags in sources]
