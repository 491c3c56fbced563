"""Where the journal, its settings and user packs live.

Every path the tool touches comes from here so that tests and users can move all of
it: ``SELFCOMPASSION_DB`` points at the journal file, ``SELFCOMPASSION_HOME`` moves the
whole per-user folder (data and config) somewhere else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "selfcompassion"
DB_ENV = "SELFCOMPASSION_DB"
HOME_ENV = "SELFCOMPASSION_HOME"
DB_FILENAME = "journal.db"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


# For each kind of folder: the Windows variable and fallback, and the XDG variable and fallback.
_BASES = {
    "data": ("LOCALAPPDATA", ("AppData", "Local"), "XDG_DATA_HOME", (".local", "share")),
    "config": ("APPDATA", ("AppData", "Roaming"), "XDG_CONFIG_HOME", (".config",)),
}


def _user_dir(kind: str) -> Path:
    override = _home_override()
    if override:
        return override / kind
    windows_var, windows_default, xdg_var, xdg_default = _BASES[kind]
    if sys.platform == "win32":
        base = Path(os.environ.get(windows_var) or Path.home().joinpath(*windows_default))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get(xdg_var) or Path.home().joinpath(*xdg_default))
    return base / APP_NAME


def data_dir() -> Path:
    """The per-user data folder (XDG on Linux, Application Support on macOS, AppData on Windows)."""
    return _user_dir("data")


def config_dir() -> Path:
    """The per-user config folder, home of settings and the user's own packs."""
    return _user_dir("config")


def user_packs_dir() -> Path:
    return config_dir() / "packs"


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def journal_path(option: str | Path | None = None) -> Path:
    """The journal file: ``--db`` wins over ``SELFCOMPASSION_DB``, which wins over the default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def journal_source(option: str | Path | None = None) -> str:
    """Where ``journal_path`` found the journal's location, in words."""
    if option:
        return "from --db"
    if os.environ.get(DB_ENV):
        return f"from {DB_ENV}"
    return "the default location"
