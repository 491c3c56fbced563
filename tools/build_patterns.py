"""Write the compiled form of the language checks' patterns: src/selfcompassion/traps/patterns.bin
(the trap rules) and src/selfcompassion/care/patterns.bin (the care check's rules and guards,
and its model's gate).

Run after changing any rule: ``python tools/build_patterns.py``. The files are checked by
tests/test_traps_compiled.py; a stale file is never wrong, only slow (a pattern it does not
hold is compiled the usual way).
"""

from __future__ import annotations

from pathlib import Path

from selfcompassion.care import gate
from selfcompassion.care import rules as care_rules
from selfcompassion.language.compiled import Source, write_cache
from selfcompassion.traps import rules as trap_rules

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "selfcompassion"


def pattern_sets() -> dict[Path, list[Source]]:
    """Each shipped file and the patterns it holds."""
    care_sources = [*care_rules.pattern_sources(care_rules.rule_book()), gate.source()]
    return {
        PACKAGE / "traps" / trap_rules.PATTERNS_FILE: trap_rules.pattern_sources(),
        PACKAGE / "care" / care_rules.PATTERNS_FILE: [(text, 0) for text in care_sources],
    }


def main() -> None:
    for target, sources in pattern_sets().items():
        data = write_cache(sources)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data):,} bytes, {len(sources)} patterns)")


if __name__ == "__main__":
    main()
