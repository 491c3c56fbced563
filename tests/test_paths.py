"""Where things live, and how the environment moves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfcompassion.files import paths


def test_xdg_folders_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SELFCOMPASSION_HOME")
    monkeypatch.setattr(paths.sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert paths.journal_path() == tmp_path / ".local/share/selfcompassion/journal.db"
    assert paths.user_packs_dir() == tmp_path / "cfg/selfcompassion/packs"


def test_option_beats_environment_beats_default(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SELFCOMPASSION_DB", str(tmp_path / "env.db"))
    assert paths.journal_path() == tmp_path / "env.db"
    assert paths.journal_path(tmp_path / "opt.db") == tmp_path / "opt.db"


def test_home_override_moves_everything(private_home: Path) -> None:
    assert paths.data_dir() == private_home / "data"
    assert paths.settings_file() == private_home / "config" / "settings.toml"
