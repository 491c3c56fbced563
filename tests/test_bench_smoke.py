"""The benchmark scripts run end to end on tiny journals (seconds, no jrnl install).

The figures themselves are not judged here (benchmarks report, they do not pass or
fail); this only proves that ``python bench/run_all.py`` still works as commands are
added. The jrnl part runs only where jrnl is already installed beside the tests.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

# Runs every benchmark script end to end: minutes on a loaded machine, so a longer timeout.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def test_run_all_quick_writes_every_table(tmp_path: Path) -> None:
    args = [sys.executable, str(BENCH / "run_all.py"), "--quick", "--results", str(tmp_path)]
    jrnl = Path(sys.executable).parent / "jrnl"
    if importlib.util.find_spec("jrnl") is not None and jrnl.exists():
        args += ["--jrnl", str(jrnl)]
    else:
        args += ["--skip-jrnl"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=540, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "whole benchmark:" in result.stdout
    startup = (tmp_path / "startup.md").read_text()
    assert "`journal --version`" in startup and "first question" in startup
    flat = (tmp_path / "flat-size.md").read_text()
    assert "`journal today --plan`" in flat
    for line in flat.splitlines():
        if line.startswith("| `journal"):
            assert "not available" in line or " ms " in line, line
    encryption = (tmp_path / "encryption.md").read_text()
    assert "`journal list`" in encryption and "encrypted" in encryption
    if "--jrnl" in args:
        assert "add one entry" in (tmp_path / "jrnl-compare.md").read_text()


def test_synthetic_entries_are_the_same_for_both_tools() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import journals
        import samples
    finally:
        sys.path.remove(str(BENCH))
    made = list(samples.entries(50, per_day=2))
    assert len(made) == 50 and made == list(samples.entries(50, per_day=2))
    assert made[0].journal_date <= made[-1].journal_date
    assert all(60 <= entry.words() <= 140 for entry in made)
    record = journals.jrnl_record(made[0])
    stamp = made[0].created_at.strftime("%Y-%m-%d %I:%M:%S %p")
    assert record.startswith(f"[{stamp}] Mood ") and record.endswith("\n\n")
    assert all(f"@{tag}" in record for tag in made[0].tags)
    exported = journals.export_record(made[0])
    assert exported["tags"] == sorted(made[0].tags) and len(exported["answers"]) == 7


def test_export_bench_compares_two_versions_of_the_code(tmp_path: Path) -> None:
    """The export benchmark runs every format against "before" code (here the same code,
    from the source folder) and finds the two exports the same."""
    source = Path(__file__).resolve().parent.parent / "src"
    args = [sys.executable, str(BENCH / "export_bench.py"), "--entries", "30", "--runs", "1"]
    result = subprocess.run(
        [*args, "--notes", "--before", str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    for fmt in ("json", "markdown", "csv", "notes"):
        assert f"  {fmt:8} before CPU" in result.stdout and f"  {fmt:8} after  CPU" in result.stdout
    assert "DIFFER" not in result.stdout
