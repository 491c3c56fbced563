"""Build ``rules.json`` (what the check reads) from ``rules.toml`` (what people edit).

The TOML file is written for people: word lists referenced by name, comments, examples. The
check reads a plain JSON form of it instead, with every word list filled in and each pattern's
cue words worked out: reading JSON is quick, and nothing needs parsing when a flow starts.

A cue list holds strings one of which every match of the pattern contains (derived from the
pattern itself, so it cannot miss a match); a rule or guard is compiled and run only when
one of its cues is in the text. Run ``python -m selfcompassion.care.generate`` after editing
the rules; a test fails while the JSON is out of date.
"""

from __future__ import annotations

import json
import re
import re._constants as C  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SOURCE = HERE / "rules.toml"
TARGET = HERE / "rules.json"
_WORD_REFERENCE = re.compile(r"@(\w+)")
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_FLAGS = ("topic", "soft", "own")
_CONDITIONS = ("requires", "unless", "near")


def cues(pattern: str) -> list[str]:
    """Strings one of which every match of ``pattern`` contains; [] when none can be told
    (the pattern then always runs)."""
    found = _sequence(sre_parse.parse(pattern).data)
    return sorted(found) if found else []


def _sequence(items: Any) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is C.LITERAL:
            run += chr(arg)
            continue
        if run.strip():
            candidates.append(frozenset({run}))
        run = ""
        needed = _element(op, arg)
        if needed:
            candidates.append(needed)
    if run.strip():
        candidates.append(frozenset({run}))
    return max(candidates, key=_selective) if candidates else None


def _element(op: Any, arg: Any) -> frozenset[str] | None:
    if op is C.SUBPATTERN:
        return _sequence(arg[3].data)
    if op is C.BRANCH:
        branches = [_sequence(branch.data) for branch in arg[1]]
        if any(branch is None for branch in branches):
            return None
        return frozenset().union(*(b for b in branches if b is not None))
    if op in _REPEATS and arg[0] >= 1:
        return _sequence(arg[2].data)
    return None


def _selective(found: frozenset[str]) -> tuple[bool, int, int]:
    """Prefer cues of three letters or more, then fewer of them, then longer ones."""
    shortest = min(len(cue.strip()) for cue in found)
    return (shortest >= 3, -len(found), shortest)


def expand(pattern: str, words: dict[str, str]) -> str:
    return _WORD_REFERENCE.sub(lambda match: words[match.group(1)], pattern)


def _guarded(pattern: str) -> dict[str, Any]:
    return {"pattern": pattern, "cues": cues(pattern)}


def compile_document(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of a parsed rules document."""
    words = {name: expand(value, {}) for name, value in data["words"].items()}
    rules = []
    for entry in data["rule"]:
        pattern = expand(entry["pattern"], words)
        rule: dict[str, Any] = {"id": entry["id"], "kind": entry["kind"], "pattern": pattern}
        rule["cues"] = cues(pattern)
        rule["examples"] = list(entry.get("examples", []))
        rule.update({flag: True for flag in _FLAGS if entry.get(flag)})
        rule.update({key: expand(entry[key], words) for key in _CONDITIONS if key in entry})
        rules.append(rule)
    guards: dict[str, Any] = {}
    for name, value in data["guards"].items():
        if isinstance(value, list):
            guards[name] = [_guarded(expand(p, words)) for p in value]
        else:
            guards[name] = expand(value, words)
    return {"rules": rules, "guards": guards, "risk_feelings": data["feelings"]["risk"]}


def generated() -> str:
    document = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
    return json.dumps(compile_document(document), indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    TARGET.write_text(generated(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
