"""The model's tokenizer: BERT's uncased WordPiece, in plain Python.

It gives the same token ids as the reference tokenizer the model was trained with
(``tests/test_care_model.py`` compares them over stored sentences): control characters
dropped, every kind of space made a space, Chinese characters set apart, accents stripped,
lowercase, punctuation split off, then each word cut greedily into the longest pieces the
vocabulary holds ("##" marks a piece that continues a word), with [CLS] and [SEP] around.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

VOCAB = Path(__file__).with_name("model") / "vocab.txt"
CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
#: A word longer than this (in characters) is one unknown token, as in the reference.
MAX_WORD_CHARS = 100
_CJK = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


class WordPiece:
    """Text to token ids with one vocabulary."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.cls, self.sep, self.unk = vocab[CLS], vocab[SEP], vocab[UNK]

    def ids(self, text: str) -> list[int]:
        """The ids of ``text`` with [CLS] first and [SEP] last."""
        return [self.cls, *self.pieces(text), self.sep]

    def pieces(self, text: str) -> list[int]:
        """The ids of ``text``'s word pieces, without [CLS] and [SEP]."""
        out: list[int] = []
        for word in words(text):
            out.extend(self._word(word))
        return out

    def _word(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.unk]
        found: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            piece = None
            while start < end:
                candidate = word[start:end] if start == 0 else "##" + word[start:end]
                piece = self.vocab.get(candidate)
                if piece is not None:
                    break
                end -= 1
            if piece is None:
                return [self.unk]
            found.append(piece)
            start = end
        return found


def words(text: str) -> list[str]:
    """``text`` normalised as BERT's uncased tokenizer does, split into words and
    punctuation marks."""
    chars = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or _is_control(char):
            continue
        if char.isspace():
            chars.append(" ")
        elif _is_cjk(code):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    plain = "".join(
        c for c in unicodedata.normalize("NFD", "".join(chars)) if unicodedata.category(c) != "Mn"
    ).lower()
    out: list[str] = []
    for chunk in plain.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    out.append(current)
                    current = ""
                out.append(char)
            else:
                current += char
        if current:
            out.append(current)
    return out


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char).startswith("C")


def _is_cjk(code: int) -> bool:
    return any(low <= code <= high for low, high in _CJK)


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


@lru_cache(maxsize=1)
def tokenizer() -> WordPiece:
    """The shipped vocabulary's tokenizer (read once)."""
    # Decoded from bytes: a text-mode read also translates line endings, about a tenth of the
    # time it takes to build the dictionary (the file has none to translate).
    lines = VOCAB.read_bytes().decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return WordPiece(dict(zip(lines, range(len(lines)), strict=True)))
