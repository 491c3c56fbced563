"""Building benchmark journals from the synthetic entries, for selfcompassion and for jrnl.

selfcompassion journals are built through ``journal import`` of the project's own JSON
when the installed ``journal`` has that command; otherwise (a branch without it) the entries
go in through the store's own insert code, in one transaction. jrnl journals are written
in jrnl's plain-text file format: ``[YYYY-MM-DD HH:MM:SS AM] Title`` on one line, the body
below it, a blank line between entries; jrnl_compare.py reads the file back with jrnl to
prove the format.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from samples import SynthEntry

JRNL_TIME_FORMAT = "%Y-%m-%d %I:%M:%S %p"


def journal_script() -> Path:
    """The ``journal`` script installed beside the running Python."""
    return Path(sys.executable).parent / "journal"


def journal_env(db: Path, home: Path) -> dict[str, str]:
    """The environment a benchmarked ``journal`` runs in: its own home and journal file."""
    env = dict(os.environ)
    env.update(
        SELFCOMPASSION_HOME=str(home),
        SELFCOMPASSION_DB=str(db),
        NO_COLOR="1",
        COLUMNS="100",
        PROMPT_TOOLKIT_NO_CPR="1",
    )
    # An installed package runs from bytecode compiled once. Where the environment turns
    # writing bytecode off (PYTHONDONTWRITEBYTECODE), every run of an editable install
    # would compile the journal's own modules afresh: the bytecode goes beside the
    # journals instead, written by the first (warm-up) run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home.parent / "pycache")
    return env


def has_command(*words: str) -> bool:
    """Whether the installed ``journal`` knows the command ``words`` (e.g. "list")."""
    result = subprocess.run(
        [str(journal_script()), *words, "--help"], capture_output=True, text=True, check=False
    )
    return result.returncode == 0


def as_entry(synth: SynthEntry) -> Any:
    """A sample entry as the store's own ``Entry``."""
    from selfcompassion.store import Answer, Entry

    stamp = synth.created_at.isoformat(timespec="seconds")
    answers = tuple(
        Answer(a.step_id, a.kind, a.prompt, a.value, a.theme, a.text) for a in synth.answers
    )
    return Entry(synth.id, "daily", synth.journal_date, stamp, stamp, "daily", answers, synth.tags)


def export_record(entry: SynthEntry) -> dict[str, Any]:
    """One entry in the project's own JSON, exactly as ``journal export`` writes it."""
    from selfcompassion.portability.schema import record_to_json
    from selfcompassion.store import EntryRecord

    return record_to_json(EntryRecord(as_entry(entry)))


def write_export_json(entries: Iterable[SynthEntry], path: Path) -> Path:
    """The entries as one JSON file that ``journal import`` reads."""
    from datetime import datetime

    from selfcompassion.portability.schema import header

    records = [export_record(entry) for entry in entries]
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    document = {**header(stamp, len(records)), "entries": records}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def build_with_store(entries: Iterable[SynthEntry], db: Path) -> None:
    """The entries saved by the store's ``bulk_load``, in one transaction."""
    from selfcompassion.store import JournalStore

    with JournalStore.open(db) as store:
        store.bulk_load(as_entry(synth) for synth in entries)


def build_with_import(entries: Iterable[SynthEntry], db: Path, home: Path) -> None:
    """The entries imported by ``journal import`` from the project's own JSON."""
    source = write_export_json(entries, db.with_suffix(".import.json"))
    try:
        subprocess.run(
            [str(journal_script()), "import", str(source)],
            env=journal_env(db, home),
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        source.unlink()


def build_journal(entries: Iterable[SynthEntry], db: Path, home: Path) -> str:
    """Build a selfcompassion journal; return how ("import" or "store")."""
    db.parent.mkdir(parents=True, exist_ok=True)
    if has_command("import"):
        build_with_import(entries, db, home)
        return "import"
    build_with_store(entries, db)
    return "store"


def jrnl_record(entry: SynthEntry) -> str:
    title, body = entry.jrnl_text()
    return f"[{entry.created_at.strftime(JRNL_TIME_FORMAT)}] {title}\n{body}\n\n"


def write_jrnl_file(entries: Iterable[SynthEntry], path: Path) -> Path:
    """The entries in jrnl's plain-text journal format, oldest first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(jrnl_record(entry))
    return path


def ensure_journal(workdir: Path, count: int, *, per_day: int = 2) -> tuple[Path, str]:
    """A journal of ``count`` synthetic entries in ``workdir``, built once and reused by
    the benchmarks of one run; returns its path and how it was built."""
    from samples import entries

    db = workdir / f"journal-{count}-{per_day}.db"
    marker = db.with_suffix(".built")
    if db.exists() and marker.exists():
        return db, marker.read_text()
    for stale in (db, marker, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    how = build_journal(entries(count, per_day=per_day), db, workdir / "home")
    marker.write_text(how)
    return db, how


def today_steps(db: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    """The steps ``journal today --plan`` lists for today on this journal."""
    plan = subprocess.run(
        [str(journal_script()), "--db", str(db), "today", "--plan"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(plan.stdout)["steps"]
