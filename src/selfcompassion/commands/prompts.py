"""``journal prompts``: list, show and check prompt packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from .context import WholeHelpGroup

if TYPE_CHECKING:
    from ..packs.loader import Pack
    from ..packs.steps import Step

prompts_app = typer.Typer(
    cls=WholeHelpGroup, help="List, show and check prompt packs.", no_args_is_help=True
)


@prompts_app.command("list")
def prompts_list() -> None:
    """List the available prompt packs; a pack that cannot be read is named, not listed."""
    from ..errors import PackError
    from ..packs.loader import load_pack_file, pack_files
    from ..render import make_console, packs_table, print_note

    packs: list[Pack] = []
    broken: list[str] = []
    for path in pack_files().values():
        try:
            packs.append(load_pack_file(path))
        except PackError as error:
            broken.append(error.message)
    make_console().print(packs_table(packs))
    for message in broken:
        print_note(f"journal: skipped a pack that cannot be used: {message}", stderr=True)
    if broken:
        print_note("journal prompts check FILE says what to change.", stderr=True)


@prompts_app.command("show")
def prompts_show(
    name: str = typer.Argument(..., help="The pack's name."),
    format: str = typer.Option("text", "--format", help="text or json.", metavar="FORMAT"),
) -> None:
    """Show every step and prompt of a pack."""
    from ..errors import InputError
    from ..packs.loader import load_pack
    from ..render import make_console, pack_view, print_json

    pack = load_pack(name)
    if format == "json":
        print_json(pack_as_json(pack))
    elif format == "text":
        make_console().print(pack_view(pack))
    else:
        raise InputError(f"unknown format '{format}'; use text or json")


@prompts_app.command("check")
def prompts_check(
    file: Path = typer.Argument(..., help="The pack file to check.", metavar="FILE"),
    strict: bool = typer.Option(False, "--strict", help="Exit with 1 on warnings too."),
) -> None:
    """Check a pack file as the shipped packs are checked, with advice for its author.

    Exits 0 when the pack can be used (warnings are advice) and 1 when it cannot.
    """
    from ..packs.check import pack_summary, pack_warnings
    from ..packs.loader import load_pack_file
    from ..render import print_note

    pack = load_pack_file(file)
    warnings = pack_warnings(pack, file)
    print_note(f"{file}: ok: {pack_summary(pack)}")
    for warning in warnings:
        print_note(f"{file}: warning: {warning}")
    if strict and warnings:
        raise typer.Exit(1)


def pack_as_json(pack: Pack) -> dict[str, Any]:
    def step_json(step: Step) -> dict[str, Any]:
        shown = step.as_plan()
        if step.count:
            shown["count"] = step.count
        if step.variants:
            shown["variants"] = list(step.variants)
        if step.component:
            shown["component"], shown["reverse"] = step.component, step.reverse
        return shown

    return {
        "name": pack.name,
        "title": pack.title,
        "description": pack.description,
        "flow": pack.flow,
        "version": pack.version,
        "steps": [step_json(step) for step in pack.steps],
        "prompts": [step_json(step) for step in pack.prompts],
    }


def register(app: typer.Typer) -> None:
    app.add_typer(prompts_app, name="prompts")
