"""How long work reports how far it has got: a protocol any task can take, and the silent
reporter used when nobody is watching.

Imports and exports report through it today; any long task (a sync, a rebuild) can take
a ``Progress`` the same way. The bar drawn on a terminal lives in ``render.progress``.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Where long work reports how far it has got (a bar on a terminal, nothing otherwise)."""

    def start(self, label: str, total: int | None) -> None:
        """A new stage of ``total`` steps (None: not known in advance)."""

    def advance(self, count: int) -> None: ...


class NoProgress:
    """A Progress that shows nothing."""

    def start(self, label: str, total: int | None) -> None:
        return None

    def advance(self, count: int) -> None:
        return None
