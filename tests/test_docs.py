"""The docs stay true: the command reference matches ``--help``, the example pack passes
``journal prompts check``, every ``journal`` command shown in a shell block parses against
the real command line (and the ones that ask nothing are run for real), and every link
between pages points at a page that exists."""

from __future__ import annotations

import importlib.util
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from cli_run import run_cli
from selfcompassion.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md")) + [ROOT / "README.md"]
SHELL_BLOCK = re.compile(r"^```(?:bash|sh|shell|console)\n(.*?)^```", re.M | re.S)
EXAMPLE_PACK = re.compile(r"<!-- example-pack.*?-->\n```toml\n(.*?)^```", re.M | re.S)
OPERATORS = {"&&", "||", "|", ";"}
REDIRECTS = (">", "<", "2>")


def _gen_commands() -> Any:
    spec = importlib.util.spec_from_file_location("gen_commands", DOCS / "gen_commands.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_matches_help() -> None:
    generated = _gen_commands().render()
    assert (DOCS / "commands.md").read_text(encoding="utf-8") == generated, (
        "docs/commands.md is out of date; run: python docs/gen_commands.py"
    )


def test_the_reference_lists_every_command() -> None:
    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    for name in ("today", "checkin", "prompts check", "config set", "config paths"):
        assert f"\n## journal {name}\n" in text


def _example_pack() -> str:
    [example] = EXAMPLE_PACK.findall((DOCS / "packs.md").read_text(encoding="utf-8"))
    return example


def test_the_example_pack_passes_the_check(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    path = tmp_path / "quiet-day.toml"
    path.write_text(_example_pack(), encoding="utf-8")
    run = run_cli("prompts", "check", str(path), "--strict")
    assert (run.code, run.err) == (0, "")
    assert "warning" not in run.out


def _commands_in(page: Path) -> Iterator[tuple[str, list[str]]]:
    for block in SHELL_BLOCK.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            tokens = shlex.split(line.removeprefix("$ "), comments=True)
            segment: list[str] = []
            for token in [*tokens, ";"]:
                if token not in OPERATORS:
                    segment.append(token)
                    continue
                while segment and re.match(r"^[A-Z_]+=", segment[0]):
                    segment.pop(0)  # VAR=value before the command
                if segment and (segment[0] == "journal" or segment[0].endswith("/journal")):
                    args = segment[1:]
                    for index, arg in enumerate(args):
                        if arg.startswith(REDIRECTS):
                            args = args[:index]
                            break
                    yield f"{page.name}: {line.strip()}", args
                segment = []


DOC_COMMANDS = [command for page in PAGES for command in _commands_in(page)]


def _dry_command_line() -> Any:
    """The real command tree, with every command's body replaced by doing nothing."""
    root = typer.main.get_command(app)

    def disarm(group: Any) -> None:
        for command in group.commands.values():
            if hasattr(command, "commands"):
                disarm(command)
            else:
                command.callback = lambda *args, **kwargs: None

    disarm(root)
    return root


def _command_name(root: Any, args: list[str]) -> str | None:
    ctx = root.make_context("journal", list(args), resilient_parsing=True)
    rest = [*getattr(ctx, "_protected_args", []), *getattr(ctx, "protected_args", []), *ctx.args]
    return rest[0] if rest else None


def test_the_docs_show_commands() -> None:
    shown = {" ".join(args[:1]) for _, args in DOC_COMMANDS}
    assert {"today", "checkin", "reframe", "report", "config", "prompts"} <= shown


# Commands that ask nothing and change nothing outside the test's own home.
def _runs_without_asking(args: list[str]) -> bool:
    return bool(
        {"--plan", "--version"} & set(args)
        or args[:1] == ["config"]
        or args[:2] in (["prompts", "list"], ["prompts", "check"], ["prompts", "show"])
    )


@pytest.mark.parametrize(("where", "args"), DOC_COMMANDS, ids=[w for w, _ in DOC_COMMANDS])
def test_every_command_in_the_docs_runs_as_written(
    capsys: Any, monkeypatch: Any, tmp_path: Path, where: str, args: list[str]
) -> None:
    root = _dry_command_line()
    name = _command_name(root, args)
    if name is not None and name not in root.commands:
        pytest.skip(f"'journal {name}' is documented but not registered on this branch")
    assert root.main(list(args), prog_name="journal", standalone_mode=False) in (None, 0), where
    if _runs_without_asking(args):
        (tmp_path / "quiet-day.toml").write_text(_example_pack(), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        run = run_cli(*args)
        assert run.code == 0, f"{where}: {run.err}"


def test_links_between_pages_lead_somewhere() -> None:
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", page.read_text("utf-8")):
            if not (page.parent / target).exists():
                broken.append(f"{page.name} -> {target}")
    assert broken == []
