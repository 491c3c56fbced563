"""A ``journal today`` that dies by SIGKILL the moment the transaction saving its entry has
committed (``python draft_crash_worker.py JOURNAL``): every SQLite connection of the
process traces its statements, and the first statement after that COMMIT kills the
process, as a power cut or an out-of-memory kill could at that instant."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

DAY = date(2026, 11, 20)
MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))


def killing_after_the_entry(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    conn = _connect(*args, **kwargs)
    state = {"entry": False, "committed": False}

    def trace(statement: str) -> None:
        text = statement.strip().upper()
        if state["committed"]:
            os.kill(os.getpid(), signal.SIGKILL)
        if text.startswith("INSERT INTO DRAFTS"):
            print("draft kept", file=sys.stderr, flush=True)
        if text.startswith("INSERT INTO ENTRIES"):
            state["entry"] = True
        elif text == "COMMIT" and state["entry"]:
            state["committed"] = True

    conn.set_trace_callback(trace)
    return conn


_connect = sqlite3.connect


def main(journal: Path) -> int:
    from selfcompassion.flows.asking import ScriptedAsker
    from selfcompassion.flows.today import plan_today, run_today
    from selfcompassion.packs.loader import load_pack
    from selfcompassion.store import JournalStore

    class AtATerminal(ScriptedAsker):
        """Answers as if typed: the flow keeps a draft after every answer."""

        interactive = True

    sqlite3.connect = killing_after_the_entry  # type: ignore[assignment]
    with JournalStore.open(journal) as store:
        plan = plan_today(load_pack("daily"), DAY)
        answers = {step.id: "a few words" for step in plan.steps if step.kind != "scale"}
        run_today(store, AtATerminal(answers, today=DAY), plan, clock=lambda: MOMENT)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
