"""``journal config``: see and change settings, and where everything is kept."""

from __future__ import annotations

import typer

from .context import WholeHelpGroup, format_option, wants_json

config_app = typer.Typer(
    cls=WholeHelpGroup,
    help="See and change settings (such as the default prompt pack).",
    no_args_is_help=True,
)


def _say(line: str) -> None:
    from ..render import print_note

    print_note(line)


@config_app.command("list")
def config_list(format: str = format_option()) -> None:
    """Every setting with the value in effect; '(default)' marks one that was never set."""
    from ..render import print_json
    from ..settings.values import SETTINGS, stored_value

    as_json = wants_json(format)
    found: dict[str, dict[str, object]] = {}
    for name, setting in SETTINGS.items():
        stored = stored_value(name)
        found[name] = {
            "value": setting.default if stored is None else stored,
            "set": stored is not None,
        }
        if not as_json:
            shown = stored if stored is not None else f"{setting.default}  (default)"
            _say(f"{name} = {shown}")
    if as_json:
        print_json(found)


@config_app.command("get")
def config_get(
    name: str = typer.Argument(..., help="The setting, e.g. default-pack.", metavar="NAME"),
) -> None:
    """Print the value in effect for one setting."""
    from ..settings.values import get_value

    _say(get_value(name))


@config_app.command("set")
def config_set(
    name: str = typer.Argument(..., help="The setting, e.g. default-pack.", metavar="NAME"),
    value: str = typer.Argument(..., help="The new value, e.g. leader.", metavar="VALUE"),
) -> None:
    """Check a value and save it in settings.toml."""
    from ..files.paths import settings_file
    from ..settings.values import set_value

    stored = set_value(name, value)
    _say(f"{name} = {stored}  (saved in {settings_file()})")


@config_app.command("unset")
def config_unset(
    name: str = typer.Argument(..., help="The setting, e.g. default-pack.", metavar="NAME"),
) -> None:
    """Go back to a setting's default."""
    from ..settings.values import setting, unset_value

    changed = unset_value(name)
    default = setting(name).default
    if changed:
        _say(f"{name} is back to its default: {default}")
    else:
        _say(f"{name} was not set; its default is {default}")


@config_app.command("paths")
def config_paths() -> None:
    """Where the journal, the settings and your own packs are kept."""
    from ..files.paths import journal_path, settings_file, user_packs_dir
    from .context import OPTIONS

    _say(f"journal   {journal_path(OPTIONS.db)}")
    _say(f"settings  {settings_file()}")
    _say(f"packs     {user_packs_dir()}")


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
