"""Whatever an ``--answers`` file holds, the result is a clean save or one clear line and
exit 2: never a traceback, never part of an entry.

Hypothesis writes the files: wrong types, huge strings, deep nesting, invalid UTF-8, NUL
bytes, lone surrogates, unknown step ids. Each goes through the real CLI entry point (in
process) against a real journal, which must gain exactly one whole entry or nothing.
The limits are documented in docs/reliability.md: ``steps.MAX_ANSWER_CHARS`` characters
per answer and ``asking.MAX_ANSWERS_BYTES`` bytes per file.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_run import CliResult, run_cli
from fuzz_support import json_values
from selfcompassion.flows.asking import MAX_ANSWERS_BYTES
from selfcompassion.packs.steps import MAX_ANSWER_CHARS

STEP_IDS = ["mood", "kindness", "present", "intention"]

SPECIAL = ["", " ", "3", "-1", "²", "5" * 5000, "\x00", "a\x00b", "\ud800", "x\udfff", "[red]x"]
values = st.one_of(st.sampled_from(SPECIAL), json_values())
VALID = {"mood": 3, "kindness": 2, "present": "here", "intention": "rest"}
# A sound file with one answer spoiled gets past the earlier steps to that step's checks.
spoiled_files = st.builds(
    lambda step, value: {**VALID, step: value},
    st.sampled_from([*STEP_IDS, "unknown-step"]),
    values,
)


def encoded(data: Any) -> bytes:
    # Lone surrogates can only be written escaped, as a JSON file from anywhere might.
    return json.dumps(data, ensure_ascii=True, allow_nan=True).encode()


def huge_text(size: int) -> bytes:
    return encoded({"intention": "x" * size})


def deeply_nested(depth: int) -> bytes:
    return b'{"intention": ' + b"[" * depth + b"]" * depth + b"}"


odd_files = st.one_of(
    st.dictionaries(st.one_of(st.sampled_from(STEP_IDS), st.text(max_size=12)), values).map(
        encoded
    ),
    values.map(encoded),  # not an object at all, often
    st.binary(max_size=200),  # often invalid UTF-8 or not JSON
    st.integers(MAX_ANSWER_CHARS - 2, MAX_ANSWER_CHARS + 2).map(huge_text),
    st.integers(10, 100_000).map(deeply_nested),
    st.builds(
        lambda head, tail: head + b"\x00" + tail, st.binary(max_size=20), st.binary(max_size=20)
    ),
)


def counts(db: Path) -> tuple[int, int, int, int]:
    if not db.exists():
        return (0, 0, 0, 0)
    conn = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("entries", "answers", "tags", "drafts")
        )
    finally:
        conn.close()


def check_outcome(result: CliResult, before: tuple[int, ...], after: tuple[int, ...]) -> None:
    assert "Traceback" not in result.err + result.out
    # What reaches a real terminal must be encodable (stdout is strict UTF-8).
    result.out.encode("utf-8")
    if result.code == 0:
        assert after[0] == before[0] + 1
        assert after[3] == 0
    else:
        assert result.code == 2, result.err
        assert after == before, "a refused file left something behind"
        assert len(result.err_lines) == 1, result.err
        assert result.err_lines[0].startswith("journal: ")


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.db"


FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def answer_through_cli(journal: Path, tmp_path: Path, raw: bytes, through_stdin: bool) -> None:
    before = counts(journal)
    if through_stdin:
        result = run_cli("--db", str(journal), "today", "--answers", "-", stdin=raw)
    else:
        source = tmp_path / "answers.json"
        source.write_bytes(raw)
        result = run_cli("--db", str(journal), "today", "--answers", str(source))
    check_outcome(result, before, counts(journal))


@FUZZ
@given(data=spoiled_files, through_stdin=st.booleans())
def test_a_file_with_one_hostile_answer_is_saved_whole_or_refused_clearly(
    journal: Path, tmp_path: Path, data: dict[str, Any], through_stdin: bool
) -> None:
    answer_through_cli(journal, tmp_path, encoded(data), through_stdin)


@FUZZ
@given(raw=odd_files, through_stdin=st.booleans())
def test_any_file_at_all_is_saved_whole_or_refused_clearly(
    journal: Path, tmp_path: Path, raw: bytes, through_stdin: bool
) -> None:
    answer_through_cli(journal, tmp_path, raw, through_stdin)


def run_answers(tmp_path: Path, journal: Path, raw: bytes) -> CliResult:
    source = tmp_path / "answers.json"
    source.write_bytes(raw)
    return run_cli("--db", str(journal), "today", "--answers", str(source))


def test_the_answer_size_limit_is_a_clear_refusal(tmp_path: Path, journal: Path) -> None:
    at_limit = run_answers(tmp_path, journal, huge_text(MAX_ANSWER_CHARS))
    assert at_limit.code == 0
    over = run_answers(tmp_path, journal, huge_text(MAX_ANSWER_CHARS + 1))
    assert over.code == 2
    assert over.err_lines == [
        f"journal: step 'intention': the answer is {MAX_ANSWER_CHARS + 1:,} characters; "
        f"the limit is {MAX_ANSWER_CHARS:,}"
    ]


def test_the_file_size_limit_is_a_clear_refusal(tmp_path: Path, journal: Path) -> None:
    raw = b'{"intention": "ok"' + b" " * MAX_ANSWERS_BYTES + b"}"
    result = run_answers(tmp_path, journal, raw)
    assert result.code == 2
    assert f"larger than {MAX_ANSWERS_BYTES:,} bytes" in result.err
    assert counts(journal)[0] == 0


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"\xff\xfe{}", "not UTF-8"),
        (deeply_nested(100_000), "nested too deeply"),
        (b'{"intention": "a\\u0000b"}', "NUL"),
        (b'{"intention": "\\ud800"}', "not valid text"),
        (b'{"mood": "' + b"5" * 5000 + b'", "intention": "x"}', "whole number"),
        (b'{"mood": "\\u00b2", "intention": "x"}', "whole number"),
        (b"[1, 2]", "must be a JSON object"),
        (b'{"intention": "x", "nope": 1}', "no such step"),
    ],
)
def test_known_hostile_files_get_a_clear_message(
    tmp_path: Path, journal: Path, raw: bytes, words: str
) -> None:
    result = run_answers(tmp_path, journal, raw)
    assert result.code == 2, result.err
    assert len(result.err_lines) == 1 and words in result.err
    assert counts(journal)[0] == 0
