"""``journal list``, ``show``, ``search``, ``edit`` and ``delete``: finding entries again."""

from __future__ import annotations

from typing import Optional

import typer

from .context import (
    KIND,
    OPTIONS,
    SINCE,
    TAG,
    UNTIL,
    checked_tags,
    format_option,
    now,
    open_store,
    stopping_says,
    tag_option,
    wants_json,
)

#: What a delete not confirmed (answered no, or Ctrl-C) says.
KEPT = "Kept. Nothing was deleted."
# Shared by list, search and export: the same words filter the same way everywhere.
LIMIT = typer.Option(None, "-n", help="How many to show (default 30; 0 shows all).", metavar="N")
FORMAT = format_option()


def list_entries(
    since: Optional[str] = SINCE,  # noqa: UP045
    until: Optional[str] = UNTIL,  # noqa: UP045
    kind: list[str] = KIND,
    tag: list[str] = TAG,
    count: Optional[int] = LIMIT,  # noqa: UP045
    format: str = FORMAT,
) -> None:
    """List entries, newest first, one line each."""
    from ..entries.finding import check_kinds, make_filter, make_limit
    from ..portability.brief import listing_json
    from ..render import print_json
    from ..render.browse import entry_list
    from ..render.paging import paged_console

    as_json = wants_json(format)
    chosen = make_filter(since=since, until=until, kinds=kind, tags=tag, today=now().date())
    limit = make_limit(count)
    with open_store() as store:
        check_kinds(store, chosen)
        entries = store.list_entries(chosen, limit)
        total = store.count_matching(chosen) if limit and len(entries) == limit else len(entries)
    if as_json:
        print_json(listing_json(entries, total))
        return
    with paged_console(allowed=not OPTIONS.no_pager) as console:
        console.print(entry_list(entries, total))


def show(
    ref: str = typer.Argument(..., help="An entry id (or its first characters) or a day."),
    format: str = FORMAT,
) -> None:
    """Show whole entries: every prompt as it was shown and its answer."""
    from ..entries.finding import find_entries
    from ..errors import InputError
    from ..portability.schema import record_to_json
    from ..render import print_json
    from ..render.browse import entry_detail
    from ..render.paging import paged_console

    as_json = wants_json(format)
    today = now().date()
    with open_store() as store:
        entries = find_entries(store, ref, today)
        if not entries:
            raise InputError(f"no entry matches '{ref[:40]}'; journal list shows the ids")
        records = store.records_for(entries)
        kept = store.sync_kept("entry", [entry.id for entry in entries])
    if as_json:
        print_json([record_to_json(record) for record in records])
        return
    with paged_console(allowed=not OPTIONS.no_pager) as console:
        for record in records:
            console.print(entry_detail(record, today))
            if kept.get(record.entry.id):
                from ..render.sync import kept_versions

                console.print(kept_versions(kept[record.entry.id]))


def search(
    words: list[str] = typer.Argument(
        ...,
        help="Words to find: each also finds longer words that start with it (snap finds "
        "snapped). Quote a phrase to find those words together: 'kind words'.",
    ),
    since: Optional[str] = SINCE,  # noqa: UP045
    until: Optional[str] = UNTIL,  # noqa: UP045
    kind: list[str] = KIND,
    tag: list[str] = TAG,
    count: Optional[int] = LIMIT,  # noqa: UP045
    format: str = FORMAT,
) -> None:
    """Find entries by their words, best matches first."""
    from ..entries.finding import check_kinds, make_filter, make_limit, search_text
    from ..entries.finding import search as run_search
    from ..portability.brief import search_json
    from ..render import print_json
    from ..render.browse import search_results
    from ..render.paging import paged_console

    as_json = wants_json(format)
    text = search_text(words)
    chosen = make_filter(since=since, until=until, kinds=kind, tags=tag, today=now().date())
    limit = make_limit(count)
    with open_store() as store:
        check_kinds(store, chosen)
        results = run_search(store, text, chosen, limit)
    if as_json:
        print_json(search_json(results, text))
        return
    with paged_console(allowed=not OPTIONS.no_pager) as console:
        console.print(search_results(results, text, limit))


def edit(
    ref: str = typer.Argument(..., help="The entry's id (or its first characters) or its day."),
    step: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--step",
        help="Ask this one step again instead of opening the editor.",
        metavar="STEP",
    ),
    tag: list[str] = tag_option(),
    untag: list[str] = typer.Option(
        [], "--untag", help="Remove a tag (repeatable).", metavar="TAG", callback=checked_tags
    ),
) -> None:
    """Change an entry: its written answers in $VISUAL/$EDITOR, one step, or its tags."""
    from ..entries.finding import find_one
    from ..errors import InputError
    from ..flows.editing import edit_in_editor, reanswer_step, retag
    from ..render import describe_day, print_note

    if step and (tag or untag):
        raise InputError("change tags and re-answer a step one at a time")
    clock = now()
    with open_store() as store:
        entry = find_one(store, ref, clock.date())
        if tag or untag:
            outcome = retag(store, entry, add=tag, remove=untag, now=clock)
        elif step:
            from ..flows.asking import QuestionaryAsker, require_terminal
            from ..packs.loader import load_pack

            require_terminal(
                "journal edit --step",
                "without --step, journal edit opens the written answers in $VISUAL/$EDITOR",
            )
            asker = QuestionaryAsker(today=clock.date())
            with stopping_says("Stopped. The entry is as it was."):
                outcome = reanswer_step(store, entry, step, asker, now=clock, load_pack=load_pack)
        else:
            when = describe_day(entry.journal_date, clock.date())
            outcome = edit_in_editor(store, entry, now=clock, when=when)
    if outcome.entry is None:
        print_note("Nothing changed; the entry is as it was.")
    elif outcome.conflict:
        steps = ", ".join(dict.fromkeys(outcome.conflict))
        print_note(
            f"Entry {entry.id[:8]} was changed elsewhere while you were editing it ({steps}). "
            f"It keeps that change, and your version is saved beside it as entry "
            f"{outcome.entry.id[:8]}, tagged edit-conflict, so nothing is lost."
        )
    elif outcome.merged:
        print_note(
            f"Saved the changes to entry {entry.id[:8]}, together with a change made to it "
            "elsewhere while you were editing."
        )
    else:
        from ..care.moment import after_saving

        print_note(f"Saved the changes to entry {entry.id[:8]}.")
        after_saving(outcome.entry.answers, already_shown=False)


def delete(
    ref: str = typer.Argument(..., help="The entry's id (or its first characters) or its day."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Delete without asking first."),
) -> None:
    """Delete an entry and everything that belongs to it."""
    from ..entries.finding import find_one
    from ..render import describe_day, make_console, print_note
    from ..render.browse import entry_line

    clock = now()
    with open_store() as store:
        entry = find_one(store, ref, clock.date())
        when = describe_day(entry.journal_date, clock.date())
        if not yes:
            from ..flows.asking import QuestionaryAsker, require_terminal
            from ..packs.steps import CONFIRM, Step

            require_terminal("journal delete", "add --yes to delete without being asked")
            make_console().print(entry_line(entry), no_wrap=True, overflow="ellipsis")
            question = Step(
                id="delete", kind=CONFIRM, prompt=f"Delete this entry from {when}?", default=False
            )
            with stopping_says(KEPT):
                confirmed = QuestionaryAsker(today=clock.date()).ask(question)
            if not confirmed:
                print_note(KEPT)
                return
        store.delete_entry(entry.id)
    print_note(f"Deleted the entry from {when} ({entry.id[:8]}).")


def register(app: typer.Typer) -> None:
    app.command("list")(list_entries)
    app.command()(show)
    app.command()(search)
    app.command()(edit)
    app.command()(delete)
