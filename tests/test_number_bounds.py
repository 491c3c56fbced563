"""Every number option has bounds, and a number past them is a usage error (issue 12,
item 10): one line, exit 2, never "something went wrong inside the journal"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli

HUGE = "9" * 20
VALUES = [HUGE, "-" + HUGE, "-1"]


def number_options() -> Iterator[tuple[list[str], str, list[str]]]:
    """(the command's words, the option, placeholders for its required arguments)."""
    import typer

    from selfcompassion.cli import app

    def walk(command: Any, words: list[str]) -> Iterator[tuple[list[str], str, list[str]]]:
        if hasattr(command, "commands"):  # a group (Typer may carry its own click)
            for name, sub in command.commands.items():
                yield from walk(sub, [*words, name])
            return
        required = ["x" for p in command.params if p.param_type_name == "argument" and p.required]
        for param in command.params:
            if param.param_type_name == "option" and type(param.type).__name__ == "IntParamType":
                yield words, param.opts[0], required

    yield from walk(typer.main.get_command(app), [])


CASES = list(number_options())


def test_the_number_options_are_found() -> None:
    found = {(" ".join(words), option) for words, option, _ in CASES}
    assert {("list", "-n"), ("search", "-n"), ("report", "--weeks")} <= found


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(
    ("words", "option", "required"), CASES, ids=[f"{' '.join(w)} {o}" for w, o, _ in CASES]
)
def test_a_number_past_its_bounds_is_a_usage_error(
    tmp_path: Path, words: list[str], option: str, required: list[str], value: str
) -> None:
    result = run_cli("--db", str(tmp_path / "journal.db"), *words, *required, option, value)
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result.err
    assert "something went wrong" not in result.err
    assert option in result.err or option.lstrip("-") in result.err
