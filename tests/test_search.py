"""The search index: kept in step by triggers, ranked, with snippets; and the upgrade to it."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from browse_support import HOSTILE, TZ, add, rating, written
from cli_run import run_cli
from selfcompassion.entries.finding import fts_query, search
from selfcompassion.errors import InputError
from selfcompassion.store import EntryFilter, JournalStore
from selfcompassion.store.migrations import latest_version

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


def find(store: JournalStore, text: str, chosen: EntryFilter, limit: int | None) -> list:
    return search(store, text, chosen, limit).hits


def snippets(hits: list) -> list[str]:
    return [hit.snippet.replace("\x02", "[").replace("\x03", "]") for hit in hits]


def test_ranking_puts_the_entry_most_about_a_word_first(journal: JournalStore) -> None:
    hits = find(journal, "lighthouse", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [DAY, date(2026, 11, 3)]
    assert hits[0].score < hits[1].score
    assert "[lighthouse]" in snippets(hits)[1]
    assert "[Lighthouse]" in snippets(hits)[0]


def test_words_of_a_query_may_come_from_different_answers(journal: JournalStore) -> None:
    hits = find(journal, "cafe meeting", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [date(2026, 11, 6)]
    # Accents are folded, and both matching words are marked in the snippet.
    assert "[Café]" in snippets(hits)[0] and "[meeting]" in snippets(hits)[0]


def test_plain_words_with_punctuation_are_searched_as_they_are(journal: JournalStore) -> None:
    assert fts_query("self-compassion don't") == '"self-compassion"* "don\'t"*'
    hits = find(journal, "self-compassion don't", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [date(2026, 11, 5)]


def test_a_word_finds_the_words_that_begin_with_it(journal: JournalStore) -> None:
    assert fts_query("light") == '"light"*'
    hits = find(journal, "light", EVERYTHING, None)
    assert [hit.entry.journal_date for hit in hits] == [DAY, date(2026, 11, 3)]
    assert "[lighthouse]" in snippets(hits)[1]  # highlighted whole
    assert find(journal, "lighthouses", EVERYTHING, None) == []  # longer than any word


def test_a_quoted_phrase_matches_its_words_together_and_exactly(journal: JournalStore) -> None:
    assert fts_query('"kind word" team') == '"kind word" "team"*'
    assert len(find(journal, '"kind word"', EVERYTHING, None)) == 1
    assert find(journal, '"word kind"', EVERYTHING, None) == []
    assert find(journal, '"kind wo"', EVERYTHING, None) == []  # a phrase is not a prefix
    assert fts_query('"unfinished') == '"unfinished"*'  # a lone quote is punctuation


def test_a_phrase_kept_whole_by_the_shell_is_searched_as_a_phrase(
    journal: JournalStore, db_path: Path
) -> None:
    from selfcompassion.entries.finding import search_text

    assert search_text(["kind word", "sam"]) == '"kind word" sam'
    assert search_text(['"kind word"']) == '"kind word"'
    found = run_cli("--db", str(db_path), "search", "kind word")
    assert found.code == 0 and "Sam" in found.out
    result = run_cli("--db", str(db_path), "search", "word kind")
    assert result.code == 0 and "Sam" not in result.out


def test_fts_syntax_is_used_when_the_query_has_it(journal: JournalStore) -> None:
    assert len(find(journal, "lighthouse OR team", EVERYTHING, None)) == 4
    assert len(find(journal, "light*", EVERYTHING, None)) == 2
    assert len(find(journal, '"kind word"', EVERYTHING, None)) == 1
    assert len(find(journal, "answers:team NOT kind", EVERYTHING, None)) == 1


def test_filters_and_limit_apply_to_search(journal: JournalStore) -> None:
    assert len(find(journal, "lighthouse", EntryFilter(tags=("sea",)), None)) == 1
    assert len(find(journal, "lighthouse", EntryFilter(since=date(2026, 11, 3)), None)) == 1
    assert len(find(journal, "lighthouse OR team", EVERYTHING, 2)) == 2


def test_a_query_fts_cannot_read_is_a_clear_input_error(journal: JournalStore) -> None:
    for query in ("kind AND", "(team", "nosuchcolumn:team OR x"):
        with pytest.raises(InputError) as caught:
            find(journal, query, EVERYTHING, None)
        assert "cannot read the search" in caught.value.message
        assert "double quotes" in caught.value.message
    with pytest.raises(InputError):
        fts_query("   ")
    with pytest.raises(InputError):
        fts_query("- -- ...")


def test_syntax_error_from_the_command_line_is_one_line_and_exit_2(
    journal: JournalStore, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    result = run_cli("--db", str(db_path), "search", "kind", "AND")
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.err.startswith("journal: cannot read the search")


def test_search_prints_highlighted_snippets_and_hostile_text_inert(
    store: JournalStore, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    add(store, DAY, f"the lighthouse again {HOSTILE}", tags=("sea",))
    result = run_cli("--db", str(db_path), "search", "lighthouse")
    assert result.code == 0
    assert "lighthouse again" in result.out and "#sea" in result.out
    assert "[red]alarm[/red]" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out and "\x9b" not in result.out


def test_the_index_follows_inserts_edits_and_deletes(store: JournalStore) -> None:
    entry = add(store, DAY, "An ordinary harbour.", extra=(rating("mood", 3),))
    assert find(store, "harbour", EVERYTHING, None)[0].entry.id == entry.id
    # Bare ratings are not words anyone looks for.
    assert find(store, "3", EVERYTHING, None) == []
    store.replace_answers(entry, [written("a", "A windmill now.")], [], datetime.now(TZ))
    assert find(store, "harbour", EVERYTHING, None) == []
    assert len(find(store, "windmill", EVERYTHING, None)) == 1
    with store.writing() as conn:  # any writer, not only the store's methods, is followed
        conn.execute("UPDATE answers SET text = 'A lighthouse.' WHERE entry_id = ?", [entry.id])
    assert len(find(store, "lighthouse", EVERYTHING, None)) == 1
    store.delete_entry(entry.id)
    assert find(store, "lighthouse", EVERYTHING, None) == []
    counts = store.conn.execute(
        "SELECT (SELECT count(*) FROM search_index), (SELECT count(*) FROM search_docs)"
    ).fetchone()
    assert counts == (0, 0)


def test_upgrade_from_version_2_indexes_the_entries_already_there(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "journal_v2_entries.db", path)
    with JournalStore.open(path) as store:
        assert store.schema_version() == latest_version()
        hits = find(store, "lighthouse", EVERYTHING, None)
        assert [hit.entry.id[:8] for hit in hits] == ["0b7f3c2e"]
        assert len(find(store, "friend", EVERYTHING, None)) == 1
        # Prompts are searchable too, with less weight than answers.
        assert len(find(store, "prompts:intention", EVERYTHING, None)) == 1
    backups = list(tmp_path.glob("old.db.before-upgrade-v2-*"))
    assert len(backups) == 1


def test_a_word_in_very_many_entries_is_ranked_among_the_newest(
    store: JournalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import selfcompassion.store.browse as queries

    monkeypatch.setattr(queries, "RANK_WINDOW", 3)
    days = [date(2026, 11, day) for day in range(1, 7)]
    for day in days:
        add(store, day, "a steady walk" + (" walk walk walk" if day.day == 1 else ""))
    results = search(store, "walk", EVERYTHING, 2)
    assert (results.matched, results.window) == (6, 3)
    # The oldest entry says "walk" most often, but only the newest three were ranked.
    assert {hit.entry.journal_date for hit in results.hits} <= set(days[-3:])
    assert len(results.hits) == 2
    # Asking for everything, or narrowing with a filter, ranks every match.
    assert find(store, "walk", EVERYTHING, None)[0].entry.journal_date == days[0]
    narrowed = search(store, "walk", EntryFilter(until=date(2026, 11, 2)), 2)
    assert narrowed.window is None and narrowed.hits[0].entry.journal_date == days[0]


def test_snippets_come_from_the_answers_when_they_match(store: JournalStore) -> None:
    from browse_support import written

    entry = store.add_entry(
        kind="daily",
        journal_date=DAY,
        answers=[written("a", "Nothing about it here.", prompt="What went well today?")],
        now=__import__("datetime").datetime(
            2026, 11, 2, 21, tzinfo=__import__("browse_support").TZ
        ),
    )
    assert snippets(find(store, "well", EVERYTHING, None)) == ["What went [well] today?"]
    add(store, DAY, "It went well in the end.")
    hits = find(store, "well", EVERYTHING, None)
    assert any(s.startswith("It went [well]") for s in snippets(hits))
    assert entry.id in {hit.entry.id for hit in hits}
