"""The cycle collector is paused while an import or a sync brings entries in, and left as
it was afterwards, whether the work ended well or not."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from selfcompassion.errors import InputError
from selfcompassion.gcpause import cycle_collector_paused
from selfcompassion.store import JournalStore
from selfcompassion.sync import run


def test_the_collector_is_off_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # one that was off stays off
    finally:
        gc.enable()


def test_a_sync_runs_with_the_collector_paused(tmp_path: Path, monkeypatch: Any) -> None:
    seen: list[bool] = []
    real_bring_in = run._bring_in

    def bring_in(*args: Any) -> int:
        seen.append(gc.isenabled())
        return real_bring_in(*args)

    monkeypatch.setattr(run, "_bring_in", bring_in)
    folder = tmp_path / "folder"
    folder.mkdir()
    with JournalStore.open(tmp_path / "journal.db") as store:
        run.sync_journal(store, folder)
        with pytest.raises(InputError):
            run.sync_journal(store, tmp_path / "no such folder")
    assert seen and not any(seen)
    assert gc.isenabled()
