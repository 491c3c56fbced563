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


def test_the_exit_code_table_lists_every_code_the_journal_uses() -> None:
    import re
    from pathlib import Path

    from selfcompassion import errors

    reference = (Path(__file__).parent.parent / "docs" / "commands.md").read_text()
    table = reference.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    used = {0, errors.FlowInterrupted.exit_code}
    used |= {
        value.exit_code
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.JournalError)
    }
    assert documented == used == {0, 1, 2, 130}
    assert run_cli("--no-such-option").code == 2
    assert run_cli("list", "--format", "xml").code == 2


@pytest.mark.parametrize(
    ("args", "said", "help_of"),
    [
        (("list", "--no-such-option"), "No such option: --no-such-option", "journal list"),
        (("list", "-n", "many"), "'many' is not a valid int", "journal list"),
        (("no-such-command",), "No such command 'no-such-command'", "journal"),
        (("show",), "Missing argument", "journal show"),
    ],
)
def test_a_usage_error_is_one_line_that_names_the_help_to_read(
    args: tuple[str, ...], said: str, help_of: str
) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert said in result.err and f"see {help_of} --help" in result.err


@pytest.mark.parametrize("group", ["prompts", "config"])
def test_a_group_named_alone_shows_its_commands(group: str) -> None:
    result = run_cli(group)
    assert result.code == 2
    shown = result.out + result.err
    assert "Commands:" in shown and "Usage:" in shown
