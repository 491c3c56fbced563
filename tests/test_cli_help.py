"""``journal`` on its own greets and points the way; ``--help`` shows descriptions whole."""

from __future__ import annotations

import pytest

from conftest import run_cli


def _words(text: str) -> str:
    return " ".join(text.split())


def test_plain_journal_greets_points_to_today_and_exits_0() -> None:
    result = run_cli()
    assert result.code == 0
    assert "Welcome" in result.out
    assert "journal today" in result.out and "journal --help" in result.out
    assert "Usage:" not in result.out and result.err == ""


def test_plain_journal_points_to_support_when_the_command_exists() -> None:
    from selfcompassion.cli import app

    has_support = any(command.name == "support" for command in app.registered_commands)
    assert ("journal support" in run_cli().out) == has_support


@pytest.mark.parametrize("columns", ["60", "80"])
@pytest.mark.parametrize("group", [(), ("commitments",), ("config",), ("prompts",)])
def test_help_lists_every_description_whole(
    columns: str, group: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer

    from selfcompassion.cli import app

    monkeypatch.setenv("COLUMNS", columns)
    result = run_cli(*group, "--help")
    assert result.code == 0
    commands = result.out.split("Commands:")[1]
    assert "..." not in commands and "…" not in commands
    command = typer.main.get_command(app)
    for name in group:
        command = command.commands[name]  # type: ignore[attr-defined]
    shown = _words(result.out)
    for sub in command.commands.values():  # type: ignore[attr-defined]
        first_line = _words((sub.help or "").split("\n\n")[0])
        assert first_line in shown
        assert all(len(line) <= int(columns) for line in result.out.splitlines())
