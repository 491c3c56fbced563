"""Whose words, and when: the guards that keep the care check to the writer, now.

A rule finds words like "better off dead"; these checks decide whether those words are about
the person writing, today. They look at the sentence the words sit in: another person as its
subject, a quotation of someone else, a story or the news, or a time clearly in the past
with safety now. Where the words name the writer ("kill myself", "I want to die") the other
person and story checks stand aside, and a sign of relapse ("again", "lately") keeps the past
from hiding anything. When in doubt the words count: missing someone is the worse mistake.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .rules import Guards, Rule, regex

_SENTENCE_END = re.compile(r"[.!?;\n]+|\s-\s|\u2014")
_QUOTED = re.compile(
    r"(?:^|(?<=[\s(:]))[\"'\u201c\u2018]([^\"'\u201d\u2019\n]{1,120})[\"'\u201d\u2019](?=[\s.,!?;:)]|$)"
)


class Passage(NamedTuple):
    """The text a check reads, in plain form, with what is known about all of it."""

    text: str
    jokes: bool  # laughs at itself, and says nothing like "not joking"
    cheers: bool
    recovering: bool  # told as recovery, with no sign of relapse
    relapse: bool
    sentences: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]

    def sentence(self, position: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= position < end:
                return (start, end)
        return (0, len(self.text))


def read_passage(text: str, guards: Guards) -> Passage:
    serious = bool(regex(guards.serious).search(text))
    relapse = bool(regex(guards.relapse).search(text))
    past = any(p.finditer(text) for p in guards.past)
    sentences: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        sentences.append((start, match.end()))
        start = match.end()
    sentences.append((start, len(text)))
    return Passage(
        text=text,
        jokes=bool(regex(guards.joke).search(text)) and not serious,
        cheers=bool(regex(guards.cheer).search(text)) and not serious,
        recovering=past and bool(regex(guards.recovery).search(text)) and not relapse,
        relapse=relapse,
        sentences=tuple(sentences),
        quotes=tuple(m.span(1) for m in _QUOTED.finditer(text)),
    )


def counts(rule: Rule, start: int, end: int, passage: Passage, guards: Guards) -> bool:
    """Whether a match of ``rule`` at ``start:end`` is about the writer, now."""
    text = passage.text
    first, last = passage.sentence(start)
    sentence = text[first:last]
    before = text[first:start]
    words = text[start:end]
    if rule.requires is not None and not regex(rule.requires).search(sentence):
        return False
    if rule.unless is not None and regex(rule.unless).search(sentence):
        return False
    if rule.near is not None and not regex(rule.near).search(before):
        return False
    if rule.soft and (passage.jokes or (rule.kind == "plan-or-preparation" and passage.cheers)):
        return False
    if told_in_the_past(sentence, passage, guards) and not regex(guards.now).search(before):
        return False
    if _quoted_from_someone_else(start, end, passage, guards):
        return False
    if regex(guards.quote_lead).search(before):
        return False
    if rule.own or regex(guards.first_person).search(words):
        return True
    if _about_someone_else(before, guards):
        return False
    # A story or the news, unless the writer is right there ("the news makes me suicidal").
    writer_close = regex(guards.first_person).search(" ".join(before.split()[-3:]))
    story = (rule.topic or not writer_close) and _about_a_story_or_the_news(sentence, guards)
    return not story


def told_in_the_past(sentence: str, passage: Passage, guards: Guards) -> bool:
    """Recovery told in the past ("I used to cut; two years clean"), with nothing current."""
    if passage.relapse:
        return False
    if passage.recovering:
        return True
    return any(p.finditer(sentence) for p in guards.past)


def _quoted_from_someone_else(start: int, end: int, passage: Passage, guards: Guards) -> bool:
    for q_start, q_end in passage.quotes:
        if q_start <= start and end <= q_end:
            first, _ = passage.sentence(q_start)
            lead = passage.text[first:q_start]
            someone_else = regex(guards.third_party).search(lead) or regex(guards.media).search(
                lead
            )
            return bool(someone_else) and not regex(guards.self_voice).search(lead)
    return False


def _about_someone_else(before: str, guards: Guards) -> bool:
    """The words are said of someone else: the nearest person named before them is another
    ("dad says he'd be ..."), or the sentence opens with another person and the writer is
    not in the last few words ("the patient I saw today was suicidal")."""
    last_other = max((m.end() for m in regex(guards.third_party).finditer(before)), default=-1)
    last_self = max((m.end() for m in regex(guards.first_person).finditer(before)), default=-1)
    if last_other > last_self:
        return True
    opening = " ".join(before.split()[:3])
    close = " ".join(before.split()[-3:])
    return bool(regex(guards.third_party).search(opening)) and not regex(
        guards.first_person
    ).search(close)


def _about_a_story_or_the_news(sentence: str, guards: Guards) -> bool:
    if regex(guards.self_voice).search(sentence):
        return False
    return bool(regex(guards.media).search(sentence) or regex(guards.cause).search(sentence))
