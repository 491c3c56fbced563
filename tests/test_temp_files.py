"""Nothing with entry text outlives its command (issue 12, item 6).

An export or an edit stopped by SIGTERM or SIGHUP removes its temporary file on the way
out; what SIGKILL leaves behind is found and removed by the next run of the command, and
by ``journal doctor --fix``, and reported by ``journal doctor``.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import JOURNAL, run_cli
from large_journal import make_large_journal
from selfcompassion.store import JournalStore

SECRET = "a sentence nobody else should read"


@pytest.fixture(scope="module")
def large_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal whose export takes a moment, so it can be stopped half-way."""
    return make_large_journal(tmp_path_factory.mktemp("large") / "journal.db", SECRET)


def copy_of(journal: Path, folder: Path) -> Path:
    folder.mkdir(mode=0o700)
    target = folder / "journal.db"
    shutil.copyfile(journal, target)
    target.chmod(0o600)
    return target


def env_for(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "SELFCOMPASSION_HOME": str(home), "NO_COLOR": "1", **extra}


def parts_in(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.endswith(".part")]


def start_export(journal: Path, target: Path, home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(JOURNAL), "--db", str(journal), "export", "-o", str(target)],
        env=env_for(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def stop_once_writing(
    worker: subprocess.Popen[bytes], folder: Path, how: int, holding: bytes = b""
) -> None:
    """Send ``how`` as soon as the export's temporary file holds some text (``holding``,
    when given: under load the header alone can be all there is when the signal lands)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = parts_in(folder)
        if found and _size(found[0]) > 0 and holding in _head(found[0]):
            # Frozen first, so a machine under load cannot let it finish between our look
            # and the signal; the signal is delivered the moment it runs again.
            os.kill(worker.pid, signal.SIGSTOP)
            if worker.poll() is not None:
                pytest.fail("the export ended before it could be stopped")
            os.kill(worker.pid, how)
            os.kill(worker.pid, signal.SIGCONT)
            worker.wait(timeout=60)
            return
        if worker.poll() is not None:
            pytest.fail("the export ended before it could be stopped")
        time.sleep(0.0005)
    pytest.fail("the export never started writing")


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as part:
            return part.read(65536)
    except FileNotFoundError:
        return b""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_an_export_stopped_by_a_signal_leaves_no_text_behind(
    large_journal: Path, tmp_path: Path, how: int
) -> None:
    journal = copy_of(large_journal, tmp_path / "j")
    out = tmp_path / "out"
    out.mkdir()
    worker = start_export(journal, out / "export.json", tmp_path / "home")
    stop_once_writing(worker, out, how)
    assert worker.returncode != 0
    assert b"Traceback" not in (worker.stderr.read() if worker.stderr else b"")
    assert list(out.iterdir()) == []
    records = tmp_path / "home" / "data" / "tmp"
    assert not records.exists() or list(records.iterdir()) == []


def killed_export(large_journal: Path, tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """(journal, output folder, home, the temporary file) of an export killed half-way."""
    journal = copy_of(large_journal, tmp_path / "j")
    out = tmp_path / "out"
    out.mkdir()
    home = tmp_path / "home"
    worker = start_export(journal, out / "export.json", home)
    stop_once_writing(worker, out, signal.SIGKILL, SECRET.encode())
    (left,) = parts_in(out)
    return journal, out, home, left


@pytest.mark.slow
def test_what_sigkill_leaves_is_removed_by_the_next_export(
    large_journal: Path, tmp_path: Path
) -> None:
    journal, out, home, left = killed_export(large_journal, tmp_path)
    assert SECRET.encode() in left.read_bytes()
    assert stat.S_IMODE(left.stat().st_mode) == 0o600

    again = subprocess.run(
        [
            str(JOURNAL),
            "--db",
            str(journal),
            "export",
            "--since",
            "2026-11-20",
            "-o",
            str(out / "today.json"),
        ],
        env=env_for(home),
        capture_output=True,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert not left.exists()
    assert sorted(path.name for path in out.iterdir()) == ["today.json"]


@pytest.mark.slow
def test_doctor_reports_and_fix_removes_what_sigkill_left(
    large_journal: Path, tmp_path: Path
) -> None:
    journal, _, home, left = killed_export(large_journal, tmp_path)

    def doctor(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(JOURNAL), "--db", str(journal), "doctor", *extra],
            env=env_for(home, COLUMNS="300"),
            capture_output=True,
            text=True,
            check=False,
        )

    looked = doctor()
    assert looked.returncode == 1
    assert "temporary files" in looked.stdout and left.name in looked.stdout
    assert left.exists()
    fixed = doctor("--fix")
    assert fixed.returncode == 0, fixed.stdout
    assert "removed what an interrupted command left" in fixed.stdout
    assert not left.exists()
    assert "temporary files" not in doctor().stdout


EDITOR_THAT_WAITS = (
    "import os, sys, time\nopen(os.environ['READY'], 'w').write(sys.argv[1])\ntime.sleep(60)\n"
)


def start_edit(journal: Path, home: Path, ready: Path, tmp_path: Path) -> subprocess.Popen[str]:
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR_THAT_WAITS)
    return subprocess.Popen(
        [str(JOURNAL), "--db", str(journal), "edit", "e-000000"],
        env=env_for(home, EDITOR=f"{sys.executable} {editor}", READY=str(ready)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_file(path: Path) -> None:
    deadline = time.monotonic() + 60
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, "the editor never started"
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP])
def test_an_edit_stopped_by_a_signal_removes_the_editors_copy(
    large_journal: Path, tmp_path: Path, how: int
) -> None:
    journal = copy_of(large_journal, tmp_path / "j")
    ready = tmp_path / "ready"
    worker = start_edit(journal, tmp_path / "home", ready, tmp_path)
    wait_for_file(ready)
    copy = Path(ready.read_text())
    assert SECRET in copy.read_text()
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert not str(copy).startswith("/tmp/journal-edit")
    os.kill(worker.pid, how)
    worker.wait(timeout=60)
    assert worker.returncode != 0
    assert "Traceback" not in (worker.stderr.read() if worker.stderr else "")
    assert not copy.exists() and not copy.parent.exists()


@pytest.mark.slow
def test_an_editors_copy_left_by_sigkill_is_removed_by_the_next_edit(
    large_journal: Path, tmp_path: Path
) -> None:
    journal = copy_of(large_journal, tmp_path / "j")
    home = tmp_path / "home"
    ready = tmp_path / "ready"
    worker = start_edit(journal, home, ready, tmp_path)
    wait_for_file(ready)
    copy = Path(ready.read_text())
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=60)
    # The editor itself (a child) may still run; what matters is the journal's copy.
    assert copy.exists()
    result = subprocess.run(
        [str(JOURNAL), "--db", str(journal), "edit", "e-000001"],
        env=env_for(home, EDITOR="true"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not copy.parent.exists()


def test_doctor_fix_removes_an_editors_copy_of_a_process_that_is_gone(tmp_path: Path) -> None:
    from selfcompassion.files import temps

    folder = temps.temp_dir()
    folder.mkdir(parents=True, mode=0o700)
    dead_pid = _a_dead_pid()
    left = folder / f"edit-{dead_pid}-abcdef"
    left.mkdir(mode=0o700)
    (left / "entry.txt").write_text(SECRET)
    journal = tmp_path / "j" / "journal.db"
    JournalStore.open(journal).close()
    assert "temporary files" in run_cli("--db", str(journal), "doctor").out
    assert left.exists()
    assert run_cli("--db", str(journal), "doctor", "--fix").code == 0
    assert not left.exists()


def _a_dead_pid() -> int:
    worker = subprocess.Popen(["true"])
    worker.wait()
    return worker.pid
