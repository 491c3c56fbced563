"""What a checkup finds: one line per thing looked at, how it is, and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OK = "ok"
NOTE = "note"
PROBLEM = "to fix"
FIXED = "fixed"


@dataclass(frozen=True)
class Finding:
    """One line of the checkup: what was looked at, how it is, and what to do."""

    topic: str
    status: str
    summary: str
    advice: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "topic": self.topic,
            "status": self.status,
            "summary": self.summary,
            "advice": self.advice,
        }


@dataclass
class Checkup:
    path: Path
    source: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return all(finding.status != PROBLEM for finding in self.findings)

    def add(self, topic: str, status: str, summary: str, advice: str = "") -> None:
        self.findings.append(Finding(topic, status, summary, advice))

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "source": self.source,
            "healthy": self.healthy,
            "findings": [finding.as_json() for finding in self.findings],
            **self.facts,
        }
