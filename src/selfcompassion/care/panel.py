"""What the support panel says: calm, direct, hopeful, and concrete about where help is.

It follows safe-messaging practice: it names what it noticed without alarm, asks the person
to reach out today, says feelings this strong can ease and that help works, says what to do
in immediate danger, and gives real contacts. It never repeats method words, never shames,
and never gets in the way of saving.
"""

from __future__ import annotations

from dataclasses import dataclass

from .country import LOCALE, OPTION, SET, TIME_ZONE, Country, chosen_country
from .directory import CountryLines, directory

CRISIS_MESSAGE_TITLE = "You don't have to carry this alone"

#: Where the panel is shown, and so what it can truthfully say about the person's words.
DURING_FLOW = "during a flow"  # interactive: every answer so far is kept as a draft
SCRIPTED = "scripted"  # --answers: the entry is saved when the answers are all read
SAVED = "saved"  # after saving or editing an entry
NOT_SAVED = "not saved"  # journal traps: nothing is written anywhere
ASKED = "asked"  # journal support

_OPENING = {
    ASKED: "If things feel heavy right now, you don't have to face them alone.",
}
#: Said of words written and of feelings picked from a list alike: the panel also comes for
#: a chosen feeling such as "hopeless" with no words beside it.
_DEFAULT_OPENING = (
    "What you've noted here sounds really heavy, and it matters. Thank you for being honest "
    "about it."
)
REACH_OUT = (
    "If you are thinking about ending your life or hurting yourself, please reach out to "
    "someone today: a person you trust, or one of the lines below. Feelings this strong can "
    "ease, and talking with someone really does help; the people on these lines are there "
    "for exactly this."
)
_KEPT = {
    DURING_FLOW: "Everything you have written so far is kept; nothing you write is shared.",
    SCRIPTED: "Your entry is saved as usual; nothing you write is shared.",
    SAVED: "Your entry is saved as usual, and you can come back to it whenever you like.",
}
NOT_A_SERVICE = "This journal is not a substitute for professional help or a crisis service."


@dataclass(frozen=True)
class SupportView:
    """Everything the panel shows, as plain text, ready for ``render.care``."""

    title: str
    opening: str
    reach_out: str
    danger: str
    lines: CountryLines | None
    country_note: str
    fallback: str
    kept: str | None
    not_a_service: str


def danger_line(lines: CountryLines | None) -> str:
    number = lines.emergency if lines else "your local emergency number"
    return (
        f"If you are in danger right now, or might act on these thoughts, call {number} "
        "or go to the nearest emergency department. Stay with someone if you can."
    )


def country_note(country: Country, lines: CountryLines | None) -> str:
    change = "To choose another: journal config set country XX (a two-letter code)."
    if lines is None:
        if country.code:
            return f"No lines for {country.code} are listed here yet. {change}"
        return (
            "The journal could not tell which country you are in. To choose it: "
            "journal config set country XX (a two-letter code)."
        )
    if country.how == SET:
        return f"Lines for {lines.name} (your country setting). {change}"
    if country.how == OPTION:
        return f"Lines for {lines.name}. {change}"
    clue = {TIME_ZONE: "your time zone", LOCALE: "your language setting"}[country.how]
    return f"Lines for {lines.name}, guessed from {clue} ({country.clue}). {change}"


def support_view(context: str, country: Country | None = None) -> SupportView:
    country = country or chosen_country()
    found = directory()
    lines = found.lines_for(country.code)
    return SupportView(
        title=CRISIS_MESSAGE_TITLE,
        opening=_OPENING.get(context, _DEFAULT_OPENING),
        reach_out=REACH_OUT,
        danger=danger_line(lines),
        lines=lines,
        country_note=country_note(country, lines),
        fallback=f"Anywhere in the world: {found.fallback_url} lists free, confidential lines.",
        kept=_KEPT.get(context),
        not_a_service=NOT_A_SERVICE,
    )
