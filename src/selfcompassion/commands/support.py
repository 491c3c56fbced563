"""``journal support``: where to turn for help, at any time, with or without a journal."""

from __future__ import annotations

from typing import Optional

import typer


def support(
    country: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--country",
        help="Show the lines for another country (a two-letter code, e.g. GB).",
        metavar="CODE",
    ),
) -> None:
    """Crisis lines for your country and what to do if you are in danger right now."""
    from ..care.country import AUTO, OPTION, Country
    from ..care.moment import show_panel
    from ..care.panel import ASKED
    from ..settings.values import setting

    code = setting("country").check(country) if country else AUTO
    show_panel(ASKED, country=None if code == AUTO else Country(code, OPTION))


def register(app: typer.Typer) -> None:
    app.command()(support)
