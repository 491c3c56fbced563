"""Who draws the support panel: registered by the entry point, so care decides and the
views draw (care sits below the views and never imports them).

``cli.main`` registers a factory for the Rich presenter in ``render.care``; anything that
runs a flow without it (a library caller) gets plain text, so the panel is never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .country import Country


class Presenter(Protocol):
    def panel(self, context: str, country: Country | None = None) -> None: ...

    def contacts(self) -> None: ...

    def reminder(self, text: str) -> None: ...


_factory: Callable[[], Presenter] | None = None


def present_with(factory: Callable[[], Presenter]) -> None:
    global _factory
    _factory = factory


def presenter() -> Presenter:
    return _factory() if _factory is not None else PlainPresenter()


class PlainPresenter:
    """The panel as plain lines on standard output."""

    def panel(self, context: str, country: Country | None = None) -> None:
        from .panel import support_view

        view = support_view(context, country)
        print(view.title, view.opening, view.reach_out, sep="\n\n")
        self._contacts(context, country)
        for line in (view.kept, view.not_a_service):
            if line:
                print(line)

    def contacts(self) -> None:
        from .panel import ASKED

        self._contacts(ASKED, None)

    def _contacts(self, context: str, country: Country | None) -> None:
        from .panel import support_view

        view = support_view(context, country)
        print(view.danger)
        for line in view.lines.lines if view.lines else ():
            print(f"  {line.name}: {line.ways()}")
        print(view.fallback, view.country_note, sep="\n")

    def reminder(self, text: str) -> None:
        print(text)
