"""CSV cells a spreadsheet could run as a formula start with an apostrophe, whatever white
space or look-alike sign comes first (issue 12, item 13)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_cli
from selfcompassion.store import Answer, JournalStore

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))
LEADS = ["\n", "\r\n", "\u3000", "\u00a0", "\u2028", "\u2029", " \u3000 ", "\u2003"]
SIGNS = ["=", "+", "-", "@", "\ufe66", "\ufe62", "\ufe63", "\ufe6b", "\uff1d", "\uff20"]


@pytest.mark.parametrize("lead", LEADS)
def test_a_formula_after_any_white_space_or_look_alike_sign_is_neutralised(
    tmp_path: Path, lead: str
) -> None:
    journal = tmp_path / "journal.db"
    texts = [f'{lead}{sign}HYPERLINK("http://x")' for sign in SIGNS]
    with JournalStore.open(journal) as store:
        store.add_entry(
            kind="daily",
            journal_date=date(2026, 11, 20),
            answers=[Answer(f"s{i}", "text", "Q?", t, None, t) for i, t in enumerate(texts)],
            now=MOMENT,
        )
    result = run_cli("--db", str(journal), "export", "--format", "csv")
    assert result.code == 0, result
    rows = list(csv.DictReader(io.StringIO(result.out)))
    cells = [row["answer"] for row in rows]
    assert len(cells) == len(SIGNS)
    for cell in cells:
        assert cell.startswith("'"), repr(cell)


def test_ordinary_text_is_left_as_written(tmp_path: Path) -> None:
    from selfcompassion.portability.documents import starts_a_formula

    for text in ["a calm day", "\u3000quiet", "3 - 2 = 1", "email me @ home", "\ufe50comma"]:
        assert not starts_a_formula(text), text
