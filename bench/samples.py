"""Synthetic journals for the benchmarks: the same entries for selfcompassion and for jrnl.

Every entry is a daily reflection of about 100 words (a mood and a kindness rating, a word
or two on what is present, three reflections on the day's prompts and an intention) with one
or two tags. The words come from a seeded random generator, so a given count always gives
the same journal.

Entries are laid ``per_day`` a day backwards from the day before ``end``: every window of
time (last month, the last twelve weeks) holds the same number of entries whatever the size
of the journal, as with a real journal, which grows by getting older rather than denser.
Two words are planted at known rates so that searches have something to find: ``SEARCH_WORD``
in about one entry in a thousand, and ``RARE_TAG`` in about one in a hundred.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

SEED = 20260101
SEARCH_WORD = "lighthouse"
RARE_TAG = "garden"
COMMON_TAGS = ("work", "family", "rest", "health", "friends", "team", "learning", "home")
SEARCH_RATE = 0.001
RARE_TAG_RATE = 0.01

# Plain words a reflection is made of; the generator strings them into short sentences.
_TEXT = """
today felt slow and busy the meeting ran long but I stayed calm with my team after lunch
noticed a small win in the morning walk coffee with a friend helped me breathe and pause
tired yet grateful for the quiet hour at home my body asked for rest so I listened gently
the project moved forward a little I was hard on myself about an email then softened it
kind words from a colleague reminded me everyone struggles sometimes it is okay to be
unfinished I made space for a boundary said no to one more task and felt lighter later
the evening was warm we cooked together laughed about nothing in particular and that was
enough I want to keep a steady pace tomorrow take breaks notice my breath and be patient
with the parts of me that worry a letter from my sister arrived the rain stopped briefly
I tried something new at work and it did not go as planned which is part of learning it
"""
REFLECTION_WORDS = tuple(_TEXT.split())
_PRESENT = ("calm", "tired", "hopeful", "restless", "steady", "tender", "curious", "heavy")
_INTENTIONS = (
    "take one real break in the afternoon",
    "speak to myself the way I would to a friend",
    "finish one small thing and let the rest wait",
    "go outside before lunch",
    "ask for help early",
    "leave work at a kind hour",
)


@dataclass(frozen=True)
class SynthAnswer:
    step_id: str
    kind: str
    prompt: str
    theme: str | None
    value: Any

    @property
    def text(self) -> str:
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class SynthEntry:
    id: str
    journal_date: date
    created_at: datetime
    answers: tuple[SynthAnswer, ...]
    tags: tuple[str, ...]

    def words(self) -> int:
        return sum(len(answer.text.split()) for answer in self.answers)

    def jrnl_text(self) -> tuple[str, str]:
        """The entry as jrnl keeps it: a one-sentence title and a body, the tags written
        inline with jrnl's ``@`` symbol."""
        mood, kindness = self.answers[0].value, self.answers[1].value
        title = f"Mood {mood}, kindness {kindness}, feeling {self.answers[2].value}."
        body = " ".join(answer.text for answer in self.answers[3:])
        for tag in self.tags:
            body = body.replace(f"#{tag}", f"@{tag}")
        return title, body


PROMPTS = (
    ("mood", "scale", "How heavy or light does today feel right now?", "check-in"),
    ("kindness", "scale", "How kind have you been to yourself today?", "check-in"),
    ("present", "text", "In a word or two, what is here for you right now?", "check-in"),
    ("small-win", "long_text", "What went a little better than you expected today?", "wins"),
    ("hard-moment", "long_text", "Where were you hard on yourself today?", "self-kindness"),
    ("rest", "long_text", "What gave you a moment of rest today?", "boundaries-and-rest"),
    ("intention", "text", "What small intention would you like to hold for tomorrow?", None),
)


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(REFLECTION_WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def _entry(rng: random.Random, day: date, slot: int, tz: timezone) -> SynthEntry:
    tags = [rng.choice(COMMON_TAGS)]
    if rng.random() < RARE_TAG_RATE:
        tags.append(RARE_TAG)
    elif rng.random() < 0.5:
        tags.append(rng.choice(COMMON_TAGS))
    tags = list(dict.fromkeys(tags))
    reflections = [
        " ".join(_sentence(rng, rng.randint(9, 14)) for _ in range(rng.randint(2, 3)))
        for _ in "abc"
    ]
    if rng.random() < SEARCH_RATE:
        reflections[0] += f" I thought of the {SEARCH_WORD} on the hill."
    intention = rng.choice(_INTENTIONS) + " " + " ".join(f"#{tag}" for tag in tags)
    values = [rng.randint(1, 5), rng.randint(1, 5), rng.choice(_PRESENT), *reflections, intention]
    answers = tuple(
        SynthAnswer(step_id, kind, prompt, theme, value)
        for (step_id, kind, prompt, theme), value in zip(PROMPTS, values, strict=True)
    )
    moment = datetime.combine(day, time(min(8 + 5 * slot, 23), rng.randint(0, 59)), tzinfo=tz)
    return SynthEntry(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        journal_date=day,
        created_at=moment,
        answers=answers,
        tags=tuple(tags),
    )


def entries(
    count: int, *, per_day: int = 2, end: date | None = None, seed: int = SEED
) -> Iterator[SynthEntry]:
    """``count`` entries, oldest first, the newest on the day before ``end`` (today)."""
    end = end or date.today()
    tz = timezone(datetime.now().astimezone().utcoffset() or timedelta(0))
    rng = random.Random(seed)
    days = -(-count // per_day)
    first = end - timedelta(days=days)
    made = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        for slot in range(per_day):
            if made == count:
                return
            yield _entry(rng, day, slot, tz)
            made += 1
