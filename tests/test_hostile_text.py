"""Text from the journal, an import, a pack or a file name is shown as text, never obeyed.

Every kind of entry is written with hostile words: a daily entry, a reframe (critic, kinder
words, next step, feelings), a weekly check-in note, and imported entries of the tool's own
format and of jrnl's (prompts, themes, trap phrases, commitments and notes included). The
words hold Rich markup, ANSI and OSC escape sequences (OSC 52 writes the clipboard, OSC 8
makes hyperlinks), C1 controls, bidi overrides, and lines a Markdown or HTML viewer would act
on; the journal sits in a folder whose name holds them too, and a user pack is made of them.

Each way the text leaves the tool is one line in a list below, checked by the rules of its
kind in ``inert.py`` (docs/reliability.md says them in words):

- ``TEXT_VIEWS``: a terminal view shows no control character and the markup as typed;
- ``JSON_VIEWS``: JSON escapes every control character and holds the exact text;
- ``MARKDOWN_VIEWS``: rendered, Markdown holds only the tool's own structure and every
  hostile line reads as typed;
- ``PAGE_VIEWS``: a saved HTML or SVG report holds only the report's own elements (no
  script, image, link or event handler), and the HTML page shows the words as typed;
- the CSV export: the text in its cells, and no cell a spreadsheet would run.

To cover a new view or export, add one line to the list of its kind: a name and a function
from the hostile ``Scene`` to the command's output.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cli_run import DOWN, ENTER, CliResult, run_cli, run_cli_with_keys
from conftest import write_json
from inert import (
    assert_csv_inert,
    assert_html_inert,
    assert_json_inert,
    assert_markdown_inert,
    assert_svg_inert,
    assert_view_inert,
    neutralised,
    render_markdown,
)
from selfcompassion.text.mdtext import markdown_text

MARKUP = "[red]R[/red][link=https://example.com]x[/link][bold]B"
ESCAPES = (
    "\x1b[31mansi\x1b[0m\x1b[2J"  # colour, clear screen
    "\x1b]52;c;aGk=\x07"  # OSC 52: write the clipboard
    "\x1b]8;;https://example.com\x1b\\click\x1b]8;;\x1b\\"  # OSC 8: a hyperlink
    "\x1b]0;title\x07"  # OSC 0: retitle the window
    "\x9b31m\x9d0;c1\x9c\x85"  # C1 controls: CSI, OSC, ST, NEL
    "\u202eevil\u202c\u2066iso\u2069\u200f"  # bidi overrides and marks
    "\x08\x7f"
)
HOSTILE = f"{MARKUP} {ESCAPES} #calm end"
# A pack's wording is at most 160 characters.
PACK_HOSTILE = f"{MARKUP} \x1b]52;c;aGk=\x07\x1b]8;;https://e.com\x1b\\x\x1b]8;;\x1b\\\x9b\u202e"
# Lines a Markdown or HTML viewer would act on, each on a line of its own.
DOCUMENT_LINES = (
    "# a heading from an answer",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1)) ![pic](https://example.com/p.png) <https://example.com>",
    "a setext heading from an answer",
    "===",
    "- a list item",
    "+ another",
    "> a quote",
    "```",
    "| a | b |",
    "|---|---|",
    "&amp; &#x3C;b> *stars* _under_ `code` ~~struck~~ \\[escaped\\]",
    "1. numbered",
    "***",
    "[note]: https://example.com",
)
LONG_HOSTILE = HOSTILE + "\n" + "\n".join(DOCUMENT_LINES)
# A feeling's name is at most 200 characters.
FEELING = f"tense {MARKUP}\x1b]52;c;aGk=\x07\u202e\x9b"
# A folder name can hold all of this but '/', so its markup has no closing tags.
PATH_MARKUP = "[red]R[bold]B[link=x]L"
HOSTILE_NAME = f"j {PATH_MARKUP} \x1b]52;c;aGk=\x07 \u202e\x9b"
# Cells a spreadsheet would run as formulas.
FORMULAS = (
    '=HYPERLINK("https://example.com","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    '  =HYPERLINK("https://example.com","x")',
    "\uff1d1+1",
    "\uff20SUM(A1:A2)",
)
# Every character CommonMark gives a meaning to, some it does not, and the pieces of
# syntax they make, to be put together in any order.
MARKDOWN_PIECES = [
    *"#=+-*_`~[]()<>!&|\\:;.1) a\t\n\u00e9",
    *("1. ", "2) ", "# ", "###### ", "- ", "+ ", "* ", "> ", "===", "---", "***", "___"),
    *("```", "~~~", "    ", "\n\n", "[a](b)", "![a](b)", "[a]: b", "<b>", "</p>", "&amp;"),
    *("&#60;", "<http://a.b>", "| a |", "|-|", "~~a~~", "word "),
]
IMPORTED_ID = "0badc0de-0000-4000-8000-000000000001"


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \\u escapes is a valid TOML basic string


HOSTILE_PACK = f"""
[pack]
name = "hostile"
title = {toml_string("Title " + PACK_HOSTILE)}
description = {toml_string("About " + PACK_HOSTILE)}
flow = "today"

[[steps]]
id = "mood"
kind = "scale"
prompt = {toml_string("Rate " + PACK_HOSTILE)}
help = {toml_string("Help " + PACK_HOSTILE)}
min = 1
max = 3
labels = {{ "1" = {toml_string("low " + PACK_HOSTILE)}, "2" = "middle", "3" = "high" }}

[[steps]]
id = "reflection"
kind = "draw"
count = 1
prompt = "Today's question"

[[steps]]
id = "intention"
kind = "text"
prompt = {toml_string("Intend " + PACK_HOSTILE)}

[[prompts]]
id = "only"
theme = {toml_string("theme " + PACK_HOSTILE)}
prompt = {toml_string("Ask " + PACK_HOSTILE)}
"""


def imported_answer(step_id: str, kind: str, text: str, value: Any = None, **more: Any) -> Any:
    return {
        "step_id": step_id,
        "kind": kind,
        "prompt": more.get("prompt", f"Asked {HOSTILE}"),
        "theme": more.get("theme", f"theme {HOSTILE}"),
        "value": text if value is None else value,
        "text": text,
    }


def import_document(day: str) -> dict[str, Any]:
    """An export of the tool's own format whose every free field is hostile."""
    moment = f"{day}T08:00:00+00:00"
    answers = [
        imported_answer("words", "long_text", LONG_HOSTILE),
        imported_answer("picked", "multi", f"{HOSTILE}, =1+1", [HOSTILE, "=1+1"]),
        imported_answer("felt", "intensities", f"{FEELING} 50", {FEELING: 50}),
        *(
            imported_answer(f"formula-{i}", "text", formula, prompt=formula, theme=formula)
            for i, formula in enumerate(FORMULAS)
        ),
    ]
    commitment = {
        "id": "0badc0de-0000-4000-8000-0000000000c1",
        "text": f"Imported step {HOSTILE}",
        "due_date": day,
        "status": "partly",
        "note": f"note {HOSTILE}",
        "created_at": moment,
        "updated_at": moment,
        "closed_date": day,
    }
    entry = {
        "id": IMPORTED_ID,
        "kind": "note",
        "journal_date": day,
        "created_at": moment,
        "updated_at": moment,
        "pack": None,
        "tags": ["calm"],
        "answers": answers,
        "traps": [{"trap_id": "labelling", "phrase": f"phrase {HOSTILE}"}],
        "commitments": [commitment],
    }
    return {"format": "selfcompassion-journal", "version": 1, "entries": [entry]}


def jrnl_document(day: str) -> dict[str, Any]:
    return {
        "tags": {},
        "entries": [{"title": f"From jrnl {HOSTILE}.", "body": LONG_HOSTILE, "date": day}],
    }


def reframe_answers() -> dict[str, Any]:
    return {
        "happened": LONG_HOSTILE,
        "emotions": {FEELING: 70, "anxious": 60},
        "critic": f"{HOSTILE} I always mess up everything.",
        "belief": 80,
        "naming": HOSTILE,
        "evidence_for": HOSTILE,
        "evidence_against": HOSTILE,
        "balanced": f"Balanced {LONG_HOSTILE}",
        "balanced_belief": 55,
        "shared": HOSTILE,
        "kind_words": f"Kinder {LONG_HOSTILE}",
        "control": HOSTILE,
        "next_step": f"Next {HOSTILE}",
        "next_due": "today",
        "emotions_after": {FEELING: 30},
        "belief_after": 40,
    }


@dataclass
class Scene:
    """A journal at a hostile path holding hostile entries of every kind written today,
    and a hostile user pack."""

    tmp: Path
    db: Path
    day: str
    saved: CliResult
    reframed: CliResult
    checked_in: CliResult
    imported: CliResult

    def cli(self, *args: str) -> CliResult:
        return run_cli("--db", str(self.db), *args)

    def ok(self, *args: str) -> str:
        result = self.cli(*args)
        assert result.code == 0, result.err
        return result.out


def _answers_file(tmp: Path, name: str, data: Any) -> str:
    return str(write_json(tmp / HOSTILE_NAME / name, data))


def build_scene(tmp: Path, home: Path) -> Scene:
    packs = home / "config" / "packs"
    packs.mkdir(parents=True)
    (packs / "hostile.toml").write_text(HOSTILE_PACK, encoding="utf-8")
    (tmp / HOSTILE_NAME).mkdir(parents=True)
    db = tmp / HOSTILE_NAME / "journal.db"
    plan = json.loads(run_cli("today", "--plan").out)
    texts = {"scale": 2, "text": HOSTILE, "long_text": LONG_HOSTILE}
    answers = {step["id"]: texts[step["kind"]] for step in plan["steps"] if step["kind"] in texts}
    day = plan["date"]

    def run(*args: str) -> CliResult:
        result = run_cli("--db", str(db), *args)
        assert result.code == 0, result.err
        return result

    saved = run("today", "--answers", _answers_file(tmp, "a.json", answers))
    reframed = run("reframe", "--answers", _answers_file(tmp, "r.json", reframe_answers()))
    note = {"note": HOSTILE, "colleague-voice": 4, "same-boat": 2}
    checked_in = run("checkin", "--answers", _answers_file(tmp, "c.json", note))
    imported = run("import", _answers_file(tmp, "import.json", import_document(day)))
    run("import", "--from", "jrnl", _answers_file(tmp, "jrnl.json", jrnl_document(day)))
    return Scene(tmp, db, day, saved, reframed, checked_in, imported)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Scene, Path]:
    """The scene, written once: each write waits for the disk, and every test needs it."""
    root = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELFCOMPASSION_HOME", str(root / "home"))
        patch.delenv("SELFCOMPASSION_DB", raising=False)
        patch.setenv("NO_COLOR", "1")
        patch.setenv("COLUMNS", "100")
        return build_scene(root / "scene", root / "home"), root / "home"


@pytest.fixture
def scene(built: tuple[Scene, Path], tmp_path: Path, private_home: Path) -> Scene:
    """A copy of the scene (journal, files and home) for each test to use and change."""
    original, home = built
    shutil.copytree(original.tmp, tmp_path / "scene")
    shutil.copytree(home, private_home, dirs_exist_ok=True)
    return replace(
        original, tmp=tmp_path / "scene", db=tmp_path / "scene" / HOSTILE_NAME / "journal.db"
    )


# -- terminal views --------------------------------------------------------------------------


def _permission_warning(scene: Scene) -> str:
    scene.db.chmod(0o644)
    return scene.cli("today", "--plan").err + scene.cli("doctor").err + _today_again(scene).err


def _today_again(scene: Scene) -> CliResult:
    answers = write_json(scene.tmp / "again.json", {"intention": "x"})
    return scene.cli("today", "--answers", str(answers))


def _error_naming_the_path(scene: Scene) -> str:
    not_a_journal = scene.db.with_name("notes.db")
    not_a_journal.write_text("plain words")
    answers = _answers_file(scene.tmp, "x.json", {"intention": "x"})
    result = run_cli("--db", str(not_a_journal), "today", "--answers", answers)
    assert result.code == 1, result.err
    return result.err


def _error_quoting_an_import(scene: Scene) -> str:
    document = import_document(scene.day)
    document["entries"][0]["kind"] = HOSTILE
    result = scene.cli("import", _answers_file(scene.tmp, "bad.json", document))
    assert result.code == 2
    return result.err


def _with_hostile_pack(scene: Scene) -> str:
    answers = write_json(scene.tmp / "p.json", {"mood": 1, "only": HOSTILE, "intention": HOSTILE})
    result = scene.cli("today", "--pack", "hostile", "--answers", str(answers))
    assert result.code == 0, result.err
    return result.out


def _intro_of_a_hostile_pack(scene: Scene) -> str:
    """Asked at the terminal, in a new journal (so no earlier entry of the day is offered)."""
    keys = "1" + ENTER + "words" + ENTER + "x" + ENTER + ENTER  # no day for the intention
    result = run_cli_with_keys("today", "--pack", "hostile", keys=keys)
    assert result.code == 0, result.err
    return result.out.split("Saved")[0]  # the intro, without the summary after saving


def _commitment_closed(scene: Scene) -> str:
    listed = json.loads(scene.ok("commitments", "--format", "json"))
    (open_one,) = [c for c in listed if c["status"] == "open"]
    return scene.ok("commitments", "done", open_one["id"])


def _report_file(scene: Scene, fmt: str) -> str:
    target = scene.tmp / HOSTILE_NAME / f"report.{fmt}"
    result = scene.cli("report", "--with-text", "--format", fmt, "-o", str(target))
    assert result.code == 0, result.err
    return target.read_text(encoding="utf-8")


def _export_closing_line(scene: Scene) -> str:
    target = scene.tmp / HOSTILE_NAME / "export.json"
    return scene.ok("export", "-o", str(target))


def _second_look(scene: Scene) -> str:
    """The reframe as written, shown before its second look, and the second look's summary."""
    (reframe,) = json.loads(scene.ok("export", "--kind", "reframe"))["entries"]
    plan = json.loads(scene.ok("reframe", "--revisit", "--entry", reframe["id"], "--plan"))
    texts = {"intensities": {FEELING: 20}, "text": HOSTILE, "long_text": LONG_HOSTILE}
    answers = {step["id"]: texts[step["kind"]] for step in plan["steps"] if step["kind"] in texts}
    answers_file = _answers_file(scene.tmp, "revisit.json", answers)
    return scene.ok("reframe", "--revisit", "--entry", reframe["id"], "--answers", answers_file)


TRAPPED = f"{HOSTILE} I always get everything wrong and everyone thinks I'm useless"

TEXT_VIEWS: dict[str, Callable[[Scene], str]] = {
    "today: the summary after saving": lambda s: s.saved.out,
    "today: show today's entry": lambda s: (
        run_cli_with_keys("--db", str(s.db), "today", keys=DOWN + ENTER).out
    ),
    "today: summary with a hostile pack": _with_hostile_pack,
    "today: the intro before the first question, with a hostile pack": _intro_of_a_hostile_pack,
    "reframe: the summary panel": lambda s: s.reframed.out,
    "reframe --revisit: the look back and the second look": _second_look,
    "checkin: the summary with its note": lambda s: s.checked_in.out,
    "list": lambda s: s.ok("list"),
    "show by id (an imported entry)": lambda s: s.ok("show", IMPORTED_ID),
    "show by date (every entry of the day)": lambda s: s.ok("show", s.day),
    "search: snippets with highlighting": lambda s: s.ok("search", "example"),
    "report --with-text": lambda s: s.ok("report", "--with-text"),
    "report --with-text saved as text": lambda s: _report_file(s, "text"),
    "commitments": lambda s: s.ok("commitments"),
    "commitments done": _commitment_closed,
    "traps": lambda s: s.ok("traps", TRAPPED),
    "import: the closing line": lambda s: s.imported.out,
    "import: an error quoting the file": _error_quoting_an_import,
    "export: the closing line": _export_closing_line,
    "prompts list": lambda s: run_cli("prompts", "list").out,
    "prompts show": lambda s: run_cli("prompts", "show", "hostile").out,
    "doctor": lambda s: s.cli("doctor").out,
    "backup": lambda s: s.cli("backup").out,
    "an error naming the path": _error_naming_the_path,
    "the warning about permissions": _permission_warning,
}


@pytest.mark.parametrize("view", TEXT_VIEWS)
def test_hostile_text_is_shown_inert(scene: Scene, view: str) -> None:
    assert_view_inert(TEXT_VIEWS[view](scene), MARKUP, PATH_MARKUP)


# -- JSON ------------------------------------------------------------------------------------

JSON_VIEWS: dict[str, Callable[[Scene], str]] = {
    "today --plan with a hostile pack": lambda s: (
        run_cli("today", "--plan", "--pack", "hostile").out
    ),
    "prompts show --format json": lambda s: (
        run_cli("prompts", "show", "hostile", "--format", "json").out
    ),
    "doctor --format json": lambda s: s.cli("doctor", "--format", "json").out,
    "report --with-text --format json": lambda s: s.ok("report", "--with-text", "--format", "json"),
    "export (json)": lambda s: s.ok("export"),
    "commitments --format json": lambda s: s.ok("commitments", "--format", "json"),
    "traps --format json": lambda s: s.ok("traps", TRAPPED, "--format", "json"),
}


@pytest.mark.parametrize("view", JSON_VIEWS)
def test_hostile_text_is_escaped_in_json_and_kept_exactly(scene: Scene, view: str) -> None:
    assert_json_inert(JSON_VIEWS[view](scene), HOSTILE, PACK_HOSTILE, HOSTILE_NAME)


def test_the_json_export_gives_back_the_imported_entry_exactly(scene: Scene) -> None:
    exported = json.loads(scene.ok("export"))
    (entry,) = [e for e in exported["entries"] if e["id"] == IMPORTED_ID]
    assert entry == import_document(scene.day)["entries"][0]


# -- Markdown, HTML, SVG and CSV files ----------------------------------------------------------


def _daily_notes(scene: Scene) -> str:
    folder = scene.tmp / HOSTILE_NAME / "notes"
    scene.ok("export", "--daily-notes", str(folder))
    (note,) = folder.iterdir()
    return note.read_text(encoding="utf-8")


MARKDOWN_VIEWS: dict[str, Callable[[Scene], str]] = {
    "report --with-text --format markdown": lambda s: s.ok(
        "report", "--with-text", "--format", "markdown"
    ),
    "export --format markdown": lambda s: s.ok("export", "--format", "markdown"),
    "export --daily-notes": _daily_notes,
}


@pytest.mark.parametrize("view", MARKDOWN_VIEWS)
def test_markdown_keeps_its_own_shape_and_shows_the_words_as_typed(scene: Scene, view: str) -> None:
    assert_markdown_inert(
        MARKDOWN_VIEWS[view](scene), [MARKUP, *DOCUMENT_LINES], not_headings="from an answer"
    )


def example_each(texts: tuple[str, ...]) -> Callable[[Any], Any]:
    def add(test: Any) -> Any:
        for text in texts:
            test = example(text=text)(test)
        return test

    return add


def _as_a_viewer_shows_it(text: str) -> str:
    """A paragraph's text as CommonMark shows it: each line without its surrounding blanks,
    blank lines gone (they only separate paragraphs)."""
    return "\n".join(line.strip(" \t") for line in text.splitlines() if line.strip(" \t"))


# Each construct once for certain; hypothesis then mixes the pieces at random.
MARKDOWN_CONSTRUCTS = (
    *("# a", "a\n===", "a\n---", "---", "- - -", "***", "___", "- a", "+ a", "* a", "1. a"),
    *("2) a", "> a", "    a", "a\n\n\tb", "```\na\n```", "~~~\na", "[a](b)", "![a](b)"),
    *("[a]: b\n\n[a]", "<http://a.b>", "<b>a</b>", "&amp; &#60;", "| a |\n|-|", "~~a~~"),
    *("*a* _b_ `c`", "a\\\nb", "\\# a"),
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=30).map("".join))
@example_each(MARKDOWN_CONSTRUCTS)
def test_any_text_reads_back_as_typed_from_markdown(text: str) -> None:
    shown = render_markdown(markdown_text(text))
    assert {tag for tag, _ in shown.tags} <= {"p", "br"}, markdown_text(text)
    assert _as_a_viewer_shows_it("".join(shown.text)) == _as_a_viewer_shows_it(text)


PAGE_VIEWS: dict[str, tuple[Callable[[Scene], str], Callable[..., None]]] = {
    "report --with-text --format html": (
        lambda s: s.ok("report", "--with-text", "--format", "html"),
        assert_html_inert,
    ),
    # The SVG picture draws charts only: no words of entries, with --with-text or not.
    "report --with-text --format svg": (
        lambda s: s.ok("report", "--with-text", "--format", "svg"),
        lambda document, *_: assert_svg_inert(document),
    ),
    "report --year --with-text --format html": (
        lambda s: s.ok("report", "--year", "--with-text", "--format", "html"),
        assert_html_inert,
    ),
    "report --weeks 12 --with-text --format svg": (
        lambda s: s.ok("report", "--weeks", "12", "--with-text", "--format", "svg"),
        lambda document, *_: assert_svg_inert(document),
    ),
    "report saved as html": (lambda s: _report_file(s, "html"), assert_html_inert),
    "report saved as svg": (
        lambda s: _report_file(s, "svg"),
        lambda document, *_: assert_svg_inert(document),
    ),
}


@pytest.mark.parametrize("view", PAGE_VIEWS)
def test_a_saved_page_holds_only_what_rich_draws_with(scene: Scene, view: str) -> None:
    output, check = PAGE_VIEWS[view]
    check(output(scene), MARKUP, *DOCUMENT_LINES[:3])


def test_csv_cells_hold_the_text_and_no_formula(scene: Scene) -> None:
    rows = assert_csv_inert(scene.ok("export", "--format", "csv"))
    imported = {row["step_id"]: row for row in rows if row["entry_id"] == IMPORTED_ID}
    assert imported["words"]["answer"] == neutralised(LONG_HOSTILE)
    assert imported["words"]["prompt"] == neutralised(f"Asked {HOSTILE}")
    for index, formula in enumerate(FORMULAS):
        row = imported[f"formula-{index}"]
        assert row["answer"] == row["prompt"] == row["theme"] == neutralised(formula)
        assert row["answer"].startswith("'")
    assert json.loads(imported["felt"]["value_json"]) == {FEELING: 50}


# -- the terminal and the store ------------------------------------------------------------------


def test_questions_drawn_at_the_terminal_are_inert(scene: Scene) -> None:
    """A downloaded pack's wording is printed above the prompt by Rich as plain Text (its
    markup literal); questionary draws only the prompt line and the choices."""
    screen = io.StringIO()
    result = run_cli_with_keys(
        "today",
        "--pack",
        "hostile",
        keys="1" + ENTER + "words" + ENTER + "x" + ENTER + ENTER,  # no day for the intention
        screen=screen,
    )
    assert result.code == 0, result.err
    drawn = screen.getvalue()
    assert "Rate [red]R[/red]" in result.out
    # prompt_toolkit draws with its own CSI sequences; nothing else may get through.
    payloads = ("\x1b]", "\x07", "\x9b", "\x9d", "\x85", "\u202e", "\u2066", "\u200f")
    assert not [p for p in payloads if p in drawn or p in result.out]


def test_hostile_answers_are_kept_exactly_as_written(scene: Scene) -> None:
    from datetime import date

    from selfcompassion.store import JournalStore

    with JournalStore.open(scene.db) as store:
        entries = store.entries_on(date.fromisoformat(scene.day))
        (daily,) = [e for e in entries if e.kind == "daily"]
        assert daily.answer("intention").value == HOSTILE.strip()
        assert "calm" in daily.tags
        (reframe,) = [e for e in entries if e.kind == "reframe"]
        assert reframe.answer("next_step").value == f"Next {HOSTILE}"
        assert FEELING in reframe.answer("emotions").value
