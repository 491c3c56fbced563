"""The words shown for a trap only the model ticks, made into a phrase a person can read.

Occlusion (``learned.triggering_words``) finds the neighbouring words whose absence lowers a
trap's probability most. Shown as they are, those words can run over a comma or a full stop
and stop on a word that only leads on to the next ("marathon, but the"). Here they become a
phrase of the person's own words:

* it stays inside one clause: the stretch between sentence ends, commas, semicolons, colons
  and dashes, and a clause of more than ``LONG_CLAUSE`` words is cut again before a word that
  joins two clauses ("and", "because", "which"): the clause the words found weigh most in,
  of those saying more than function words;
* a clause of at most ``LONG_CLAUSE`` words is shown whole; in a longer one the words found
  are kept, reaching back over a word that leads into them ("a", "my", "I'm") or to the word
  a first preposition or helping verb belongs to, and on over a word that leads on ("the",
  "to", "be"), to at least ``MIN_WORDS`` words;
* it starts on no joining word or preposition ("but", "which", "of") unless only one word
  would be left ("as usual"), and ends on a word that leads on only where its clause does
  ("what I'm supposed to").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..language.sentences import clauses, sentences
from ..language.spans import Span

#: A clause of at most this many words is shown whole.
LONG_CLAUSE = 12
#: A part of a long clause is shown with at least this many words (fewer when it has fewer).
MIN_WORDS = 3

#: Words that join a clause to what came before ("which means"): no phrase starts on one.
_JOINING = (
    "and but so or yet nor because cos cuz though although even which that who whom whose "
    "as since while whereas whilst then until unless if when whenever where once than plus "
    "also anyway however means"
)
#: Words that lead into the next one ("the", "my", "I'm", "will", "not"): no phrase ends on
#: one, and a phrase starting right after one takes it in.
_LEADING_INTO = (
    "a an the my your his her its our their this that these those some any no every each "
    "all both either neither one another such what whatever which how why where who whom "
    "first last next same other whole only own "
    "i you he she we they it's i'm i've i'd i'll you're you've you'll he's she's we're "
    "we've we'll they're they've they'll there's that's what's who's "
    "im ive id ill youre theyre thats whats "
    "am is are was were be been being do does did have has had having will would shall "
    "should can could may might must ought gonna wanna gotta going get got "
    "not never very really so too quite just even more most less least much many "
    "dont don't doesn't didn't won't wouldn't can't cannot couldn't isn't aren't wasn't "
    "weren't haven't hasn't hadn't shouldn't mustn't"
)
#: Prepositions: no phrase ends on one, and one starting a phrase takes in the word it
#: belongs to ("knot in my stomach").
_PREPOSITIONS = (
    "of in on at to for from with without by about into onto over under after before around "
    "through during against between among like off up out down upon"
)
#: Verbs that only help another: one starting a phrase takes in its subject.
_HELPING = "am is are was were be been has had will would shall should can could may might must"
JOINING = frozenset(_JOINING.split())
LEADING_INTO = frozenset(_LEADING_INTO.split())
PREPOSITIONS = frozenset(_PREPOSITIONS.split())
HELPING = frozenset(_HELPING.split())
#: Words no phrase ends on, unless its clause does.
LEADING_ON = LEADING_INTO | PREPOSITIONS | JOINING


def _key(word: str) -> str:
    return word.casefold().replace("\u2019", "'")


def _pieces(text: str, focus: Span, words: Sequence[Span]) -> list[tuple[int, int]]:
    """The clauses of ``text[focus]`` as ranges of indices into ``words`` (end exclusive),
    long ones cut again before a joining word."""
    start, end = focus
    bounds = [
        (start + s + a, start + s + b)
        for s, e in sentences(text[start:end])
        for a, b in clauses(text[start + s : start + e])
    ]
    pieces: list[tuple[int, int]] = []
    for first_char, last_char in bounds:
        inside = [i for i, (a, b) in enumerate(words) if a >= first_char and b <= last_char]
        if inside:
            pieces += _cut_long(text, words, inside[0], inside[-1] + 1)
    return pieces


def _cut_long(text: str, words: Sequence[Span], first: int, last: int) -> list[tuple[int, int]]:
    """``first`` to ``last``, cut before joining words while it holds more than
    ``LONG_CLAUSE`` words, each part keeping at least ``MIN_WORDS``."""
    if last - first <= LONG_CLAUSE:
        return [(first, last)]
    for i in range(first + MIN_WORDS, last - MIN_WORDS + 1):
        a, b = words[i]
        if _key(text[a:b]) in JOINING:
            return [(first, i), *_cut_long(text, words, i, last)]
    return [(first, last)]


def shown_phrase(
    text: str, focus: Span, words: Sequence[Span], weights: Sequence[float], found: Span
) -> Span:
    """The span of the phrase shown for occlusion's words ``found`` (first and last index
    into ``words``, the spans of the words of ``text[focus]``), each word's ``weights``
    saying how much its absence lowered the trap's probability."""

    def key(i: int) -> str:
        return _key(text[words[i][0] : words[i][1]])

    first, last = found
    # The clause the words found weigh most in, among those holding more than function words.
    pieces = [
        (max(a, first), min(b - 1, last), a, b - 1)
        for a, b in _pieces(text, focus, words)
        if a <= last and b - 1 >= first
    ]
    said = [p for p in pieces if any(key(i) not in LEADING_ON for i in range(p[2], p[3] + 1))]
    first, last, low, high = max(
        said or pieces, key=lambda piece: sum(weights[i] for i in range(piece[0], piece[1] + 1))
    )
    if high - low < LONG_CLAUSE:
        first, last = low, high
    else:
        while last < high and (key(last) in LEADING_ON or last - first + 1 < MIN_WORDS):
            last += 1
        while first > low and (
            key(first - 1) in LEADING_INTO
            or (key(first) in PREPOSITIONS | HELPING and key(first - 1) not in JOINING)
            or last - first + 1 < MIN_WORDS
        ):
            first -= 1
    # A phrase starts on no joining word or preposition, unless one word would be left.
    while last - first >= 2 and key(first) in JOINING | PREPOSITIONS:
        first += 1
    return words[first][0], words[last][1]
