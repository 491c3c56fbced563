"""The support panel and its contacts, drawn with Rich (text from ``care.panel``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import make_console, plain

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..care.country import Country
    from ..care.directory import CountryLines
    from ..care.panel import SupportView


def contacts_view(view: SupportView) -> RenderableType:
    """The lines for the country, the emergency number and the worldwide fallback."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [Text(view.danger)]
    if view.lines is not None:
        parts += [Text(""), *_lines(view.lines)]
    parts += [Text(""), Text(view.fallback), Text(view.country_note, style="dim")]
    return Group(*parts)


def _lines(lines: CountryLines) -> list[RenderableType]:
    from rich.padding import Padding
    from rich.text import Text

    shown: list[RenderableType] = []
    for line in lines.lines:
        text = Text(line.name, style="bold")
        text.append(": " + line.ways())
        if line.note:
            text.append(f" ({line.note})", style="dim")
        shown.append(Padding(text, (0, 0, 0, 2)))
    return shown


def support_panel(view: SupportView) -> RenderableType:
    """The whole panel: what was noticed, a line of hope, what to do now, and contacts."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[RenderableType] = [
        Text(view.opening),
        Text(""),
        Text(view.reach_out),
        Text(""),
        contacts_view(view),
        Text(""),
    ]
    if view.kept:
        parts.append(Text(view.kept))
    parts.append(Text(view.not_a_service, style="dim"))
    return Panel(
        Group(*parts),
        title=plain(view.title, style="bold"),
        title_align="left",
        border_style="cyan",
        expand=False,
    )


class ConsoleCare:
    """Draws the support panel on standard output (registered by ``cli.main``)."""

    def panel(self, context: str, country: Country | None = None) -> None:
        from ..care.panel import support_view

        make_console().print(support_panel(support_view(context, country)))

    def contacts(self) -> None:
        from ..care.panel import ASKED, support_view

        make_console().print(contacts_view(support_view(ASKED)))

    def reminder(self, text: str) -> None:
        make_console().print(plain(text, style="dim"))
