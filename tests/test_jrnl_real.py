"""Import of a journal written and exported by the real jrnl package (a test dependency).

jrnl runs as its own process with HOME and the XDG folders pointed into the test's temp
folder and an explicit config file, so no real home is read or written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import run_cli
from selfcompassion.store import EntryFilter, JournalStore

JRNL = Path(sys.executable).parent / "jrnl"

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""

ENTRIES = (
    "2026-11-01 09:30: A hard day at #work. I snapped at @sam and said sorry after.",
    "2026-11-02 21:05: Walked by the river. Kinder to myself today #rest *",
    "2026-11-03 07:45: Plain morning.",
)


def jrnl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        "TZ": "UTC",
        "LANG": "C.UTF-8",
    }
    config = tmp_path / "config" / "jrnl" / "jrnl.yaml"
    command = [str(JRNL), "--config-file", str(config), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def jrnl_export(tmp_path: Path) -> Path:
    if not JRNL.exists():
        pytest.skip("the jrnl package is not installed; pip install -e '.[test]' brings it")
    (tmp_path / "home").mkdir()
    config = tmp_path / "config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(CONFIG.format(journal=tmp_path / "jrnl.txt"))
    for text in ENTRIES:
        made = jrnl(tmp_path, text)
        if made.returncode != 0:
            pytest.skip(f"jrnl could not write an entry here: {made.stderr.strip()[:200]}")
    exported = jrnl(tmp_path, "--export", "json")
    if exported.returncode != 0:
        pytest.skip(f"jrnl could not export here: {exported.stderr.strip()[:200]}")
    path = tmp_path / "from-jrnl.json"
    path.write_text(exported.stdout, encoding="utf-8")
    return path


def test_import_of_an_export_made_by_jrnl_itself(
    jrnl_export: Path,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = json.loads(jrnl_export.read_text())
    assert len(data["entries"]) == 3  # what jrnl wrote, read back by jrnl

    first = run_cli("--db", str(db_path), "import", str(jrnl_export), "--from", "jrnl")
    assert first.code == 0, first.err
    assert first.out.endswith(": 3 added, 0 skipped as already there.\n")
    again = run_cli("--db", str(db_path), "import", str(jrnl_export), "--from", "jrnl")
    assert again.out.endswith(": 0 added, 3 skipped as already there.\n")

    with JournalStore.open(db_path) as store:
        entries = store.list_entries(EntryFilter(), None)[::-1]
    assert [e.journal_date.isoformat() for e in entries] == [
        "2026-11-01",
        "2026-11-02",
        "2026-11-03",
    ]
    assert [e.created_at[11:16] for e in entries] == ["09:30", "21:05", "07:45"]
    hard_day, river, plain = entries
    assert hard_day.answer("title").text == "A hard day at #work."
    assert hard_day.answer("body").text == "I snapped at @sam and said sorry after."
    assert hard_day.tags == ("sam", "work")
    assert river.tags == ("rest", "starred")
    assert plain.tags == () and plain.answer("body") is None

    found = run_cli("--db", str(db_path), "search", "snapped")
    assert "A hard day" in found.out or "snapped" in found.out
    tagged = run_cli("--db", str(db_path), "list", "--tag", "sam")
    assert tagged.out.count("\n") == 1
