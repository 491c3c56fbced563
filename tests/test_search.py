"""The search index: kept in step by triggers, ranked, with snippets; and the upgrade to it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from browse_support import HOSTILE, add, rating, run_journal, written
from selfcompassion.browse import fts_query, search
from selfcompassion.errors import InputError
from selfcompassion.migrations import latest_version
from selfcompassion.store import EntryFilter, JournalStore

FIXTURES = Path(__file__).parent / "fixtures"
DAY = date(2026, 11, 2)
EVERYTHING = EntryFilter()


@pytest.fixture
def journal(store: JournalStore) -> JournalStore:
    """A small fixture journal with known words in known places."""
    add(store, DAY, "The lighthouse at dusk. Lighthouse, lighthouse, lighthouse.", tags=("sea",))
    add(store, date(2026, 11, 3), "I walked past the lighthouse on the way home.")
    add(store, date(2026, 11, 4), "A quiet day with my team; a kind word from Sam.")
    add(store, date(2026, 11, 5), "Self-compassion felt possible today, I don't know why.")
    add(store, date(2026, 11, 6), "Café in the morning", "then the team meeting went well")
    return store


def snippets(hits: list) -> list[str]:
    return [hit.snippet.replace("\x02", "[").replace("\x03", "]") for hit in hits]


def test_ranking_puts_the_entry_most_about_a_word_first(journal: JournalStore) -> None:
    hits = search(journal, "lighthouse", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [DAY, date(2026, 11, 3)]
    assert hits[0].score < hits[1].score
    assert "[lighthouse]" in snippets(hits)[1]
    assert "[Lighthouse]" in snippets(hits)[0]


def test_words_of_a_query_may_come_from_different_answers(journal: JournalStore) -> None:
    hits = search(journal, "cafe meeting", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [date(2026, 11, 6)]
    # Accents are folded, and both matching words are marked in the snippet.
    assert "[Café]" in snippets(hits)[0] and "[meeting]" in snippets(hits)[0]


def test_plain_words_with_punctuation_are_searched_as_they_are(journal: JournalStore) -> None:
    assert fts_query("self-compassion don't") == '"self-compassion" "don\'t"'
    hits = search(journal, "self-compassion don't", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [date(2026, 11, 5)]


def test_fts_syntax_is_used_when_the_query_has_it(journal: JournalStore) -> None:
    assert len(search(journal, "lighthouse OR team", EVERYTHING, None)) == 4
    assert len(search(journal, "light*", EVERYTHING, None)) == 2
    assert len(search(journal, '"kind word"', EVERYTHING, None)) == 1
    assert len(search(journal, "answers:team NOT kind", EVERYTHING, None)) == 1


def test_filters_and_limit_apply_to_search(journal: JournalStore) -> None:
    assert len(search(journal, "lighthouse", EntryFilter(tags=("sea",)), None)) == 1
    assert len(search(journal, "lighthouse", EntryFilter(since=date(2026, 11, 3)), None)) == 1
    assert len(search(journal, "lighthouse OR team", EVERYTHING, 2)) == 2


def test_a_query_fts_cannot_read_is_a_clear_input_error(journal: JournalStore) -> None:
    for query in ("kind AND", '"unfinished', "(team", "nosuchcolumn:team OR x"):
        with pytest.raises(InputError) as caught:
            search(journal, query, EVERYTHING, None)
        assert "cannot read the search" in caught.value.message
        assert "double quotes" in caught.value.message
    with pytest.raises(InputError):
        fts_query("   ")
    with pytest.raises(InputError):
        fts_query("- -- ...")


def test_syntax_error_from_the_command_line_is_one_line_and_exit_2(
    journal: JournalStore, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    result = run_journal(monkeypatch, capsys, db_path, "search", "kind", "AND")
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.err.startswith("journal: cannot read the search")


def test_search_prints_highlighted_snippets_and_hostile_text_inert(
    store: JournalStore, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    add(store, DAY, f"the lighthouse again {HOSTILE}", tags=("sea",))
    result = run_journal(monkeypatch, capsys, db_path, "search", "lighthouse")
    assert result.code == 0
    assert "lighthouse again" in result.out and "#sea" in result.out
    assert "[red]alarm[/red]" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out and "\x9b" not in result.out


def test_the_index_follows_inserts_edits_and_deletes(store: JournalStore) -> None:
    entry = add(store, DAY, "An ordinary harbour.", extra=(rating("mood", 3),))
    assert search(store, "harbour", EVERYTHING, None)[0].entry.id == entry.id
    # Bare ratings are not words anyone looks for.
    assert search(store, "3", EVERYTHING, None) == []
    from datetime import datetime

    from browse_support import TZ

    store.replace_answers(entry, [written("a", "A windmill now.")], [], datetime.now(TZ))
    assert search(store, "harbour", EVERYTHING, None) == []
    assert len(search(store, "windmill", EVERYTHING, None)) == 1
    with store.writing() as conn:  # any writer, not only the store's methods, is followed
        conn.execute("UPDATE answers SET text = 'A lighthouse.' WHERE entry_id = ?", [entry.id])
    assert len(search(store, "lighthouse", EVERYTHING, None)) == 1
    store.delete_entry(entry.id)
    assert search(store, "lighthouse", EVERYTHING, None) == []
    counts = store.conn.execute(
        "SELECT (SELECT count(*) FROM search_index), (SELECT count(*) FROM search_docs)"
    ).fetchone()
    assert counts == (0, 0)


def test_upgrade_from_version_2_indexes_the_entries_already_there(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "journal_v2_entries.db", path)
    with JournalStore.open(path) as store:
        assert store.schema_version() == latest_version()
        hits = search(store, "lighthouse", EVERYTHING, None)
        assert [hit.entry.id[:8] for hit in hits] == ["0b7f3c2e"]
        assert len(search(store, "friend", EVERYTHING, None)) == 1
        # Prompts are searchable too, with less weight than answers.
        assert len(search(store, "prompts:intention", EVERYTHING, None)) == 1
    backups = list(tmp_path.glob("old.db.before-upgrade-v2-*"))
    assert len(backups) == 1
