"""Choices a person makes once: a small TOML file, ``settings.toml``, in the config folder.

Only known settings can be set, and each value is checked before it is written, so a typo
is caught by ``journal config set`` rather than by tomorrow's ``journal today``. The file
is rewritten whole, atomically and 0600; keys this version does not know are kept as they
are, comments are not. Reading never writes: a missing file means every default applies.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, JournalError, PackError
from ..files import paths


@dataclass(frozen=True)
class Setting:
    name: str
    about: str
    default: str
    check: Callable[[str], str]


def _today_pack(value: str) -> str:
    from ..packs.loader import load_flow_pack

    try:
        load_flow_pack(value, "today")
    except PackError as error:
        raise InputError(f"default-pack: {error.message}") from None
    return value


def _country(value: str) -> str:
    """A two-letter country code (any country: the crisis-line directory lists many and
    findahelpline.com covers the rest), or auto to guess from the time zone or language."""
    if value.strip().lower() == "auto":
        return "auto"
    if not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise InputError(f"country: '{value[:20]}' is not a two-letter country code (e.g. GB, US)")
    return value.strip().upper()


def _yes_or_no(name: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value.lower() not in ("yes", "no"):
            raise InputError(f"{name}: use yes or no")
        return value.lower()

    return check


SETTINGS: dict[str, Setting] = {
    setting.name: setting
    for setting in (
        Setting(
            "default-pack",
            "The prompt pack journal today uses when --pack is not given.",
            "daily",
            _today_pack,
        ),
        Setting(
            "country",
            "The country whose crisis lines journal support and the support panel show "
            "(a two-letter code, e.g. GB); auto guesses from the time zone or language.",
            "auto",
            _country,
        ),
        Setting(
            "passphrase-keyring",
            "Look for the passphrase of an encrypted journal in the system keyring.",
            "no",
            _yes_or_no("passphrase-keyring"),
        ),
        Setting(
            "checkin-offer",
            "Whether journal today offers the weekly check-in when a week has passed (yes/no).",
            "yes",
            _yes_or_no("checkin-offer"),
        ),
    )
}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def setting(name: str) -> Setting:
    """The known setting called ``name``; anything else is refused with the list."""
    if name not in SETTINGS:
        raise InputError(f"there is no setting called '{name}' (known: {', '.join(SETTINGS)})")
    return SETTINGS[name]


def read_settings(path: Path | None = None) -> dict[str, Any]:
    """Everything in the settings file, or nothing when there is no file yet."""
    path = path or paths.settings_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise JournalError(f"{path}: the settings cannot be read ({error.strerror})") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise JournalError(
            f"{path}: the settings are not valid TOML ({error}); fix or delete the file"
        ) from None


def stored_value(name: str, path: Path | None = None) -> str | None:
    """What the file says for a known setting, or None when its default applies."""
    setting(name)
    value = read_settings(path).get(name)
    if value is not None and not isinstance(value, str):
        where = path or paths.settings_file()
        raise JournalError(f"{where}: {name} must be text; set it again with journal config set")
    return value


def get_value(name: str, path: Path | None = None) -> str:
    """The value in effect: what was set, else the default."""
    stored = stored_value(name, path)
    return stored if stored is not None else setting(name).default


def set_value(name: str, value: str, path: Path | None = None) -> str:
    """Check ``value`` and save it; returns the value as stored."""
    checked = setting(name).check(value.strip())
    values = read_settings(path)
    values[name] = checked
    write_settings(values, path)
    return checked


def unset_value(name: str, path: Path | None = None) -> bool:
    """Go back to the default; False when the setting was not set."""
    setting(name)
    values = read_settings(path)
    if name not in values:
        return False
    del values[name]
    write_settings(values, path)
    return True


def render_settings(values: dict[str, Any], where: Path) -> str:
    """The file's text. Values are written as TOML strings, numbers or true/false."""
    lines = ["# selfcompassion settings; change them with `journal config set NAME VALUE`.", ""]
    for key, value in sorted(values.items()):
        if isinstance(value, float) or not isinstance(value, str | int | bool):
            raise JournalError(
                f"{where}: '{key}' holds a value journal cannot rewrite; edit the file by hand"
            )
        shown_key = key if _BARE_KEY.match(key) else _toml_value(key)
        lines.append(f"{shown_key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def _toml_value(value: str | int | bool) -> str:
    # A JSON string, number or true/false is valid TOML for the same value, once DEL
    # (which JSON leaves as it is and TOML refuses) is escaped too.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def write_settings(values: dict[str, Any], path: Path | None = None) -> None:
    from ..files.safefiles import write_private_text

    path = path or paths.settings_file()
    text = render_settings(values, path)
    try:
        write_private_text(path, text, make_folder=True, own=True)
    except OSError as error:
        raise JournalError(
            f"{path}: the settings cannot be written ({error.strerror or error})"
        ) from None
