"""Three small paths that went wrong (issue 12, item 14): a backup into a folder that does
not exist yet, a report's Markdown for notes without a prompt, and one broken user pack."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from selfcompassion.store import JournalStore


def test_a_backup_into_a_new_folder_named_with_a_slash_goes_inside_it(tmp_path: Path) -> None:
    journal = tmp_path / "j" / "journal.db"
    JournalStore.open(journal).close()
    folder = tmp_path / "newdir"
    result = run_cli("--db", str(journal), "backup", f"{folder}/")
    assert result.code == 0, result
    assert folder.is_dir()
    (copy,) = folder.iterdir()
    assert copy.name.startswith("journal-backup-") and copy.name.endswith(".db")


def test_a_reports_markdown_shows_a_jrnl_note_without_a_lone_marker(tmp_path: Path) -> None:
    journal = tmp_path / "j" / "journal.db"
    source = tmp_path / "jrnl.json"
    entry = {"title": "Monday", "body": "A long day.", "date": "2026-11-16", "time": "20:00"}
    source.write_text(
        json.dumps({"tags": {}, "entries": [{**entry, "tags": [], "starred": False}]})
    )
    assert run_cli("--db", str(journal), "import", str(source), "--from", "jrnl").code == 0
    result = run_cli(
        "--db",
        str(journal),
        "report",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-20",
        "--with-text",
        "--format",
        "markdown",
    )
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert "> A long day." in lines and "> Monday" in lines
    assert not [line for line in lines if line.strip() in ("**", "*", "* *")]


def test_one_broken_user_pack_is_named_and_the_rest_are_listed(private_home: Path) -> None:
    packs = private_home / "config" / "packs"
    packs.mkdir(parents=True)
    (packs / "broken.toml").write_text("this is = = not toml")
    result = run_cli("prompts", "list")
    assert result.code == 0, result
    assert "daily" in result.out
    assert "broken.toml" in result.err and "cannot be used" in result.err
    assert "Traceback" not in result.err
