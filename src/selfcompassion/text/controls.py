"""Control characters: journal text keeps them as data, but they never leave the tool raw.

Escape sequences hidden in an answer or an imported file could retitle a terminal, write
its clipboard or move the cursor when shown or ``cat``-ed. Views strip them; files meant
to round-trip (JSON) escape them instead, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def nul_for(codes: Iterable[int]) -> bytes:
    """A ``bytes.translate`` table that makes each of ``codes`` NUL and leaves the rest."""
    found = set(codes) | {0}
    return bytes(0 if code in found else code for code in range(256))


def latin1_holds_none(text: str, table: bytes) -> bool | None:
    """Whether ``text`` holds none of the characters ``table`` (``nul_for``) makes NUL,
    or None when a character of it is past Latin-1. Text of one byte a character is
    looked at in one pass over its bytes in C, where ``str.isprintable`` looks every
    character up in Unicode's tables at about three times the cost."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return b"\0" not in raw.translate(table)


#: The characters of Latin-1 that CONTROL names.
_LATIN1_CONTROLS = nul_for(code for code in range(256) if CONTROL.match(chr(code)))


def has_no_controls(text: str) -> bool:
    """Whether ``strip_controls`` would leave ``text`` as it is, by a quick look (C speed)
    that lets the common case skip the patterns' pass over every character: text of
    Latin-1 byte by byte; any other by ``str.isprintable``, which refuses every character
    CONTROL names, and a lone surrogate. False only means "look closer" (a no-break
    space is not printable either)."""
    quick = latin1_holds_none(text, _LATIN1_CONTROLS)
    if quick is not None:
        return quick
    return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()


def strip_controls(text: str) -> str:
    """The text without control characters (tabs and newlines stay), and with any broken
    character (a lone surrogate, which no terminal or file can take) shown as U+FFFD."""
    if has_no_controls(text):
        return text
    return _SURROGATE.sub("\ufffd", CONTROL.sub("", text))


def one_line(text: str) -> str:
    """Journal text shown inside a question: control characters out, every run of
    whitespace (line breaks too) one space."""
    return " ".join(strip_controls(text).split())


def escape_controls(json_text: str) -> str:
    """JSON text with every control character written as a ``\\uXXXX`` escape.

    JSON escapes C0 controls itself; this also covers C1 and bidi controls, which are
    legal raw in JSON strings. Only for JSON, where the escape reads back as the same text.
    """
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
