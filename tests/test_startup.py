"""Start-up stays light: ``--version`` and ``--help`` load none of the heavy modules.

A person runs ``journal`` many times a day; every command pays for what the start-up
imports. This guard reads Python's own import log (``-X importtime``) of a real process,
so a top-level import of Rich, questionary, sqlite-utils or the store slipped into any
command module fails here, whatever the speed of the machine. ``journal traps`` is held to
the same: the two language checks and its plain view, nothing of the journal or Rich.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = (
    "rich",
    "questionary",
    "prompt_toolkit",
    "sqlite_utils",
    "dateutil",
    "sqlite3",
    "_sqlite3",
    "selfcompassion.store",
    "selfcompassion.render",
    "selfcompassion.flows",
    "selfcompassion.store.migrations",
)


def imported_modules(*args: str) -> set[str]:
    """Every module a fresh ``python -m selfcompassion ARGS`` imports."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "selfcompassion", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    modules = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                modules.add(name)
    assert "selfcompassion.cli" in modules  # the log was read, not empty
    return modules


def heavy_among(modules: set[str]) -> list[str]:
    return sorted(
        name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY)
    )


@pytest.mark.parametrize("args", [("--version",), ("--help",), ()])
def test_start_up_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    assert heavy_among(imported_modules(*args)) == []


#: Besides HEAVY, what ``journal traps`` has no use for unless the support panel is shown:
#: the journal's key, the packs, the crisis lines (a TOML file) and the panel's words; and
#: the crisis check's model unless it reads the thought (a sentence through its gate, or
#: eight words or more). (numpy and the shared runtime are loaded: the trap check's own
#: model runs on every thought.)
NOT_FOR_TRAPS = (
    "selfcompassion.care.encoder",
    "selfcompassion.encryption",
    "selfcompassion.packs",
    "selfcompassion.care.panel",
    "selfcompassion.care.directory",
    "selfcompassion.care.country",
    "tomllib",
    "hashlib",
)
THOUGHT = "I'm an idiot, I always mess up"
#: A thought of eight words or more the crisis model reads, gate or not.
LONGER_THOUGHT = "I'm such an idiot, I always mess up the easy jobs"


def traps_heavy(modules: set[str]) -> list[str]:
    allowed = {"selfcompassion.render", "selfcompassion.render.traps"}
    return sorted(
        name
        for name in modules
        if name not in allowed
        and any(name == h or name.startswith(h + ".") for h in HEAVY + NOT_FOR_TRAPS)
    )


def test_journal_traps_loads_only_the_checks_and_its_plain_view() -> None:
    # Text: the trap detector, the care check (it runs on every thought) and the plain view.
    modules = imported_modules("traps", THOUGHT)
    assert traps_heavy(modules) == []
    assert {"selfcompassion.traps.detector", "selfcompassion.care.detector"} <= modules
    assert {"selfcompassion.traps.learned", "selfcompassion.language.encoder"} <= modules
    # JSON: not even the care check (nothing there could show its panel).
    modules = imported_modules("traps", THOUGHT, "--format", "json")
    assert traps_heavy(modules) == []
    assert not any(name.startswith("selfcompassion.care.detector") for name in modules)
    # A longer thought is read by the crisis model too, and still shows no panel.
    modules = imported_modules("traps", LONGER_THOUGHT)
    assert traps_heavy(modules) == ["selfcompassion.care.encoder"]


def test_journal_traps_loads_the_panel_when_the_words_need_it() -> None:
    # The same reading sees the panel's modules (and Rich, which draws it) when it is shown.
    found = traps_heavy(imported_modules("traps", "I want to kill myself, I always mess up"))
    assert "selfcompassion.care.panel" in found and "rich.console" in found


def test_the_guard_sees_a_heavy_import() -> None:
    # The same reading on a command that does open the journal must find the store.
    found = heavy_among(imported_modules("today", "--plan", "--date", "2026-11-19"))
    assert "selfcompassion.flows" in found or "selfcompassion.flows.today" in found


def test_a_bad_option_is_one_message_and_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "selfcompassion", "--no-such-option"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert "No such option" in result.stderr
    assert "Traceback" not in result.stderr


def test_opening_a_current_journal_leaves_sqlite_utils_unloaded(tmp_path) -> None:
    # sqlite-utils is needed only when a migration is pending: a new journal loads it
    # (to create the schema), the same journal opened again does not.
    db = tmp_path / "journal.db"
    script = (
        "import sys; from selfcompassion.store import JournalStore\n"
        f"with JournalStore.open({str(db)!r}) as store: store.count_entries()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
