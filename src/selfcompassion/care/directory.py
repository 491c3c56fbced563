"""The crisis lines shipped with the package (``crisis_lines.toml``), by country."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DIRECTORY_FILE = Path(__file__).with_name("crisis_lines.toml")


@dataclass(frozen=True)
class CrisisLine:
    name: str
    phone: str | None = None
    text: str | None = None
    chat: str | None = None
    note: str | None = None

    def ways(self) -> str:
        """How to reach the line: "call 116 123, text SHOUT to 85258"."""
        found = (self.phone and f"call {self.phone}", self.text, self.chat)
        return ", ".join(way for way in found if way)


@dataclass(frozen=True)
class CountryLines:
    code: str
    name: str
    emergency: str
    lines: tuple[CrisisLine, ...]
    source: str
    reviewed: str


@dataclass(frozen=True)
class Directory:
    countries: dict[str, CountryLines]
    fallback_name: str
    fallback_url: str

    def lines_for(self, code: str | None) -> CountryLines | None:
        return self.countries.get(code.upper()) if code else None


def _line(raw: dict[str, Any]) -> CrisisLine:
    return CrisisLine(
        name=raw["name"],
        phone=raw.get("phone"),
        text=raw.get("text"),
        chat=raw.get("chat"),
        note=raw.get("note"),
    )


@cache
def directory() -> Directory:
    data = tomllib.loads(DIRECTORY_FILE.read_text(encoding="utf-8"))
    countries = {
        code: CountryLines(
            code=code,
            name=raw["name"],
            emergency=raw["emergency"],
            lines=tuple(_line(line) for line in raw["lines"]),
            source=raw["source"],
            reviewed=raw["reviewed"],
        )
        for code, raw in data["country"].items()
    }
    return Directory(countries, data["fallback_name"], data["fallback_url"])
