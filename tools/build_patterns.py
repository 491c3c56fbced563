"""Write the compiled form of the trap rules' patterns (src/selfcompassion/traps/patterns.bin).

Run after changing any rule: ``python tools/build_patterns.py``. The file is checked by
tests/test_traps_compiled.py; a stale file is never wrong, only slow (the patterns are then
compiled the usual way at start-up).
"""

from __future__ import annotations

from pathlib import Path

from selfcompassion.language.compiled import write_cache
from selfcompassion.traps.rules import PATTERNS_FILE, pattern_sources

TARGET = Path(__file__).resolve().parent.parent / "src" / "selfcompassion" / "traps" / PATTERNS_FILE


def main() -> None:
    data = write_cache(pattern_sources())
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data):,} bytes, {len(pattern_sources())} patterns)")


if __name__ == "__main__":
    main()
