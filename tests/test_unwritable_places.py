"""Places the journal may not write to or look into, an output that cannot be written
and an input that was closed: each is one clear line and a non-zero exit, never
"something went wrong". A file name that is not UTF-8 text is written as given.

A read-only folder is made read-only with ``chmod`` for an ordinary user and with the
immutable flag as root (for whom permissions do not bite). A folder that may not be
looked into cannot be made for root at all, so there ``os.stat`` refuses every path
inside it, as the system does for a folder without search permission.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cli_run import CliResult, folder_state, run_cli
from selfcompassion.store import JournalStore

IS_ROOT = os.geteuid() == 0


def one_line(result: CliResult, code: int, words: str) -> None:
    assert result.code == code, (result.out, result.err)
    assert "Traceback" not in result.err + result.out
    assert "something went wrong" not in result.err
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("journal: ") and words in result.err_lines[0]


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "j" / "journal.db"
    JournalStore.open(path).close()
    return path


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "read-only"
    folder.mkdir()
    if IS_ROOT:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is not available")
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if made.returncode != 0:
            pytest.skip("this file system has no immutable flag")
        yield folder
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)


@pytest.fixture
def closed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder whose insides may not be looked at (no search permission)."""
    folder = tmp_path / "closed"
    folder.mkdir()
    if not IS_ROOT:
        folder.chmod(0o600)
        yield folder
        folder.chmod(0o700)
        return
    real_stat: Callable[..., os.stat_result] = os.stat

    def refusing_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(path, (str, Path)) and Path(path).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    yield folder


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "{folder}/out.json"],
        ["export", "-f", "csv", "-o", "{folder}/out.csv"],
        ["report", "-o", "{folder}/report.txt"],
        ["export", "--daily-notes", "{folder}"],
        ["backup", "{folder}/copy.db"],
    ],
)
def test_writing_into_a_read_only_folder_is_one_clear_line(
    journal: Path, read_only_folder: Path, args: list[str]
) -> None:
    words = [arg.format(folder=read_only_folder) for arg in args]
    result = run_cli("--db", str(journal), *words)
    one_line(result, 1, f"{read_only_folder}: cannot be written")
    assert folder_state(read_only_folder) == {}


@pytest.mark.parametrize("inside", [True, False])
def test_a_backup_into_a_folder_that_may_not_be_looked_into_is_refused(
    journal: Path, closed_folder: Path, inside: bool
) -> None:
    target = closed_folder / "copy.db" if inside else closed_folder
    result = run_cli("--db", str(journal), "backup", str(target))
    one_line(result, 2, "cannot be used (Permission denied)")


def test_a_sync_folder_that_may_not_be_looked_into_is_refused(
    journal: Path, closed_folder: Path
) -> None:
    result = run_cli("--db", str(journal), "sync", str(closed_folder / "shared"))
    one_line(result, 2, f"{closed_folder / 'shared'}: cannot be used (Permission denied)")


def test_doctor_reports_a_journal_it_may_not_look_at(closed_folder: Path) -> None:
    result = run_cli("--db", str(closed_folder / "journal.db"), "doctor", "--format", "json")
    assert result.code == 1, result
    assert "something went wrong" not in result.err
    report = result.json()
    assert report["healthy"] is False
    (problem,) = [found for found in report["findings"] if found["status"] == "to fix"]
    assert "cannot be read (Permission denied)" in problem["summary"]


def run_redirected(args: list[str], redirect: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``journal ARGS`` in a new process with a redirection of the shell: standard output
    closed (``>&-``) or on a full device (``>/dev/full``), standard input closed (``<&-``)."""
    script = f'exec "$0" -m selfcompassion "$@" {redirect}'
    env = {**os.environ, "SELFCOMPASSION_HOME": str(home), "SELFCOMPASSION_DB": str(home / "j.db")}
    return subprocess.run(
        ["sh", "-c", script, sys.executable, *args],
        capture_output=False,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("redirect", "reason"),
    [(">&-", "Bad file descriptor"), (">/dev/full", "No space left on device")],
)
@pytest.mark.parametrize("args", [["--version"], ["list", "--format", "json"], ["support"]])
def test_an_output_that_cannot_be_written_is_one_clear_line(
    tmp_path: Path, redirect: str, reason: str, args: list[str]
) -> None:
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = run_redirected(args, redirect, tmp_path / "home")
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [f"journal: could not write the output ({reason})"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["today"], "asks its questions at a terminal"),
        (["reframe", "--answers", "-"], "the answers are not valid JSON"),
        (["import", "-"], "not valid JSON"),
    ],
)
def test_a_closed_input_reads_as_empty(tmp_path: Path, args: list[str], words: str) -> None:
    done = run_redirected(args, "<&-", tmp_path / "home")
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], done.stderr


#: Bytes that are not UTF-8 in a name, as Python has them from the command line.
NOT_UTF8 = b"\xff\xfe".decode("utf-8", "surrogateescape")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "{folder}/out{odd}.json"],
        ["backup", "{folder}/copy{odd}.db"],
        ["report", "-o", "{folder}/report{odd}.txt"],
        ["export", "--daily-notes", "{folder}/notes{odd}"],
    ],
)
def test_a_file_name_that_is_not_utf8_is_written_as_given(
    journal: Path, tmp_path: Path, args: list[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    words = [arg.format(folder=folder, odd=NOT_UTF8) for arg in args]
    result = run_cli("--db", str(journal), *words)
    assert result.code == 0, result
    (made,) = folder.iterdir()
    assert os.fsencode(made.name).endswith(
        (b"\xff\xfe.json", b"\xff\xfe.db", b"\xff\xfe.txt", b"\xff\xfe")
    )


def test_a_sync_folder_whose_name_is_not_utf8_is_refused(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / f"shared{NOT_UTF8}"
    folder.mkdir()
    result = run_cli("--db", str(journal), "sync", str(folder))
    one_line(result, 2, "its name is not UTF-8 text")
