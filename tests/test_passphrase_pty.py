"""The passphrase asked for at a real terminal: the installed ``journal`` in a
pseudo-terminal, typing as a person would.

Setting one asks twice (and again when the two differ); opening allows three tries, says
after a wrong one that it did not open the journal, and stops after the third with one
line and exit 1. What is typed is never shown.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from cli_run import run_cli
from conftest import JOURNAL, write_json

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

PASSPHRASE = "salt air and slow mornings"


def spawn(journal: Path, *args: str, columns: int = 80) -> Any:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1"}
    for name in ("SELFCOMPASSION_PASSPHRASE", "SELFCOMPASSION_PASSPHRASE_COMMAND"):
        env.pop(name, None)
    child = pexpect.spawn(
        str(JOURNAL),
        ["--db", str(journal), *args],
        env=env,
        dimensions=(40, columns),
        encoding="utf-8",
        timeout=20,
    )
    child.delaybeforesend = None
    child.logfile_read = io.StringIO()  # everything the terminal showed
    return child


@pytest.mark.parametrize("columns", [60, 80])
def test_a_passphrase_set_and_then_asked_for_at_the_terminal(tmp_path: Path, columns: int) -> None:
    journal = tmp_path / "journal" / "journal.db"
    answers = write_json(tmp_path / "a.json", {"intention": "walk by the water"})
    assert run_cli("--db", str(journal), "today", "--answers", str(answers)).code == 0

    child = spawn(journal, "encrypt", columns=columns)
    child.expect_exact("New passphrase: ")
    child.sendline(PASSPHRASE)
    child.expect_exact("The same passphrase again: ")
    child.sendline("something else")
    child.expect_exact("did not match")
    child.expect_exact("New passphrase: ")
    child.sendline(PASSPHRASE)
    child.expect_exact("The same passphrase again: ")
    child.sendline(PASSPHRASE)
    child.expect_exact("encrypted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert PASSPHRASE not in child.logfile_read.getvalue()  # typed, never shown
    assert not journal.read_bytes().startswith(b"SQLite format 3")

    child = spawn(journal, "list", columns=columns)
    child.expect_exact("Passphrase for journal.db: ")
    child.sendline("not it")
    child.expect_exact("does not open this journal; try again")
    child.expect_exact("Passphrase for journal.db: ")
    child.sendline(PASSPHRASE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "walk by the water" in child.before or "1 entry" in child.before


def test_three_wrong_tries_stop_with_one_line_and_nothing_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "journal" / "journal.db"
    monkeypatch.setenv("SELFCOMPASSION_PASSPHRASE", PASSPHRASE)
    assert run_cli("--db", str(journal), "encrypt").code == 0
    before = journal.read_bytes()
    child = spawn(journal, "list")
    for attempt in range(3):
        child.expect_exact("Passphrase for journal.db: ")
        child.sendline(f"wrong {attempt}")
    child.expect_exact("the passphrase does not open this journal; nothing was changed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "Traceback" not in child.before and "ERROR" not in child.before
    assert journal.read_bytes() == before
