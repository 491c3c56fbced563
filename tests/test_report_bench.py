"""The report benchmark runs end to end on tiny journals (full figures: docs/performance.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent.parent / "bench" / "report_bench.py"


def test_benchmark_builds_times_and_reports_on_a_tiny_journal(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--years", "1", "--reframes", "12", "--big", "400"]
        + ["--runs", "1", "--no-hyperfine", "--workdir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "built empty: 0 entries" in out
    assert "built ten-years: 377 entries" in out  # 365 days and 12 reframes
    assert "built 100k: 400 entries" in out
    rows = [line.split() for line in out.splitlines() if line.startswith(("empty", "ten-", "100k"))]
    assert len(rows) == 12  # three journals, four commands
    for row in rows:
        median, cpu, peak = float(row[-5]), float(row[-3]), float(row[-1])
        assert median > 0 and cpu > 0 and 5 < peak < 500
    assert sum(line.startswith(("meets", "MISSES")) for line in out.splitlines()) == 8
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["100k.db", "empty.db", "ten-years.db"]
