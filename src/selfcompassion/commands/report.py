"""``journal report``: the week's practice beside the week before, in several formats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from .context import now, open_store, warn_plain_text

if TYPE_CHECKING:
    from ..report.figures import Report

FORMATS = ("text", "json", "markdown", "svg", "html")


def report(
    week: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--week",
        help="Any day inside the week (e.g. 'last monday') or a week number (YYYY-Www).",
        metavar="WEEK",
    ),
    weeks: Optional[int] = typer.Option(  # noqa: UP045
        None,
        "--weeks",
        help="A trend of N weeks, one row per week, ending with the week.",
        metavar="N",
    ),
    since: Optional[str] = typer.Option(  # noqa: UP045
        None, "--since", help="First day of a range of days instead of a week.", metavar="DATE"
    ),
    until: Optional[str] = typer.Option(  # noqa: UP045
        None, "--until", help="Last day of the range (default today).", metavar="DATE"
    ),
    year: bool = typer.Option(
        False, "--year", help="A whole year, a cell a day (this year; or --year-of YYYY)."
    ),
    year_of: Optional[int] = typer.Option(  # noqa: UP045
        None, "--year-of", help="The year to show, e.g. 2025 (implies --year).", metavar="YYYY"
    ),
    format: str = typer.Option(
        "text", "--format", help="text, json, markdown, svg or html.", metavar="FORMAT"
    ),
    output: Optional[Path] = typer.Option(  # noqa: UP045
        None, "--output", "-o", help="Write to this file (created private, 0600).", metavar="FILE"
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it already exists."),
    with_text: bool = typer.Option(
        False, "--with-text", help="Include the words of the entries, not only figures."
    ),
) -> None:
    """Weekly trends: practice, mood, reframes, commitments and themes."""
    from ..errors import InputError
    from ..report.periods import choose_request
    from ..report.stats import build_report

    if format not in FORMATS:
        raise InputError(f"unknown format '{format}'; use one of: {', '.join(FORMATS)}")
    today = now().date()
    request = choose_request(
        today,
        week=week,
        weeks=weeks,
        since=since,
        until=until,
        with_text=with_text,
        year=year_of if year_of is not None else (today.year if year else None),
    )
    with open_store() as store:
        if with_text:
            warn_plain_text(store, "the report with its text", to_file=output is not None)
        figures = build_report(store, request, today)
    _show(figures, format, output, force=force)


def _show(figures: Report, format: str, output: Path | None, *, force: bool = False) -> None:
    """Draw the report in its format, on the terminal or into a private file."""
    from ..render import json_text, make_console
    from ..render.report import export_report, report_markdown, report_view
    from ..report.schema import report_json

    if format == "text" and output is None:
        make_console().print(report_view(figures))
        return
    if format == "json":
        text = json_text(report_json(figures))
    elif format == "markdown":
        text = report_markdown(figures)
    elif format in ("html", "svg"):
        from ..render.report_html import report_html, report_svg

        text = report_html(figures) if format == "html" else report_svg(figures)
    else:
        text = export_report(figures, format, make_console().width)
    if output is None:
        sys.stdout.write(text)
        return
    from ..files.safefiles import write_private_text
    from ..render import print_note

    write_private_text(output, text, force=force)
    print_note(f"Report written to {output}", stderr=True)


def register(app: typer.Typer) -> None:
    app.command()(report)
