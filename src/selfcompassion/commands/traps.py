"""``journal traps "TEXT"``: the thinking traps in one thought, and the words that show them.

A quick check that never opens the journal; it loads only the detector, the care check and
its own plain view (no Rich unless the support panel is shown), so it starts nearly as fast
as ``journal --version`` (``bench/traps_bench.py``; ``tests/test_startup.py`` keeps heavy
imports out of it).
"""

from __future__ import annotations

from typing import Any

import typer


def traps(
    text: str = typer.Argument(..., help="The thought to check, in quotes."),
    format: str = typer.Option("text", "--format", help="text or json.", metavar="FORMAT"),
) -> None:
    """Show the thinking traps in a thought: each one's words and a plain explanation."""
    from ..errors import InputError
    from ..text.limits import MAX_ANSWER_CHARS

    if format not in ("text", "json"):
        raise InputError(f"unknown format '{format}'; use text or json")
    if not text.strip():
        raise InputError('give a thought to check, in quotes: journal traps "I always mess up"')
    if len(text) > MAX_ANSWER_CHARS:
        raise InputError(f"the text is {len(text):,} characters; the limit is {MAX_ANSWER_CHARS:,}")

    from ..traps.detector import detect_traps

    hits = detect_traps(text)
    if format == "json":
        from ..render import print_json

        print_json(traps_json(text, hits))
        return
    # The care check is for the text view only, so JSON does not pay for loading it.
    from ..care.moment import NOT_A_TRAP_TO_CHECK, needs_care, show_unsaved_panel
    from ..render.traps import print_traps

    if needs_care(text):  # as in a reframe: not a trap to argue with; the panel speaks
        print_traps(text, (), nothing_found=NOT_A_TRAP_TO_CHECK)
        show_unsaved_panel()
        return
    print_traps(text, hits)


def traps_json(text: str, hits: Any) -> dict[str, Any]:
    from ..traps.detector import TRAPS

    return {
        "text": text,
        "traps": [
            {
                "id": hit.trap_id,
                "name": TRAPS[hit.trap_id].name,
                "phrase": hit.phrase,
                "start": hit.start,
                "end": hit.end,
                "explanation": TRAPS[hit.trap_id].explanation,
            }
            for hit in hits
        ],
    }


def register(app: typer.Typer) -> None:
    app.command()(traps)
