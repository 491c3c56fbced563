"""The test tools themselves: a test that hangs must fail, not stall the whole run."""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_suite_has_a_per_test_timeout() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = settings["tool"]["pytest"]["ini_options"]
    assert 60 <= int(pytest_options["timeout"]) <= 300
    assert any(
        dep.startswith("pytest-timeout")
        for dep in settings["project"]["optional-dependencies"]["test"]
    )


def test_a_hanging_test_fails_fast(tmp_path: Path) -> None:
    (tmp_path / "test_hang.py").write_text(
        "import time\n\ndef test_hangs():\n    time.sleep(600)\n", encoding="utf-8"
    )
    started = time.monotonic()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "timeout=2",
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "test_hang.py"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Timeout" in run.stdout + run.stderr
    assert time.monotonic() - started < 60
