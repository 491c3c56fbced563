"""Reading a large JSON document a piece at a time, so that an import holds one record in
memory rather than the whole file.

An export is one object whose ``entries`` list holds every entry. The reader walks the
object's members in the order the file has them: a small member is decoded whole, and
the list is handed out one item at a time. Each value is decoded by json's C decoder
(``raw_decode``) from a window of text that is refilled from the file as it is used up,
so memory holds the window and one item, whatever the size of the file.

Every way the bytes can fail to be JSON is a StreamError whose message matches what
``json.loads`` on the whole file would say, positions counted from the start of the file.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

#: How much of the file is read at a time, in bytes.
CHUNK_BYTES = 1 << 20
#: A value whose decoding fails this close to the end of the window may only be cut off.
_CUT_SLACK = 32
_SPACE = re.compile(r"[ \t\n\r]*")
_BOM = codecs.BOM_UTF8


class StreamError(ValueError):
    """The bytes are not a JSON document (or are too many); the message says why."""


class NotAnObject(Exception):
    """The document is valid JSON but not an object; ``value`` is what it is."""

    def __init__(self, value: Any) -> None:
        super().__init__("not an object")
        self.value = value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


class Items:
    """The items of a list member, decoded one at a time as they are iterated."""

    def __init__(self, stream: JsonStream) -> None:
        self._stream = stream
        self.done = False

    def __iter__(self) -> Iterator[Any]:
        stream = self._stream
        if stream.peek() == "]":
            stream.take("]")
            self.done = True
            return
        while True:
            yield stream.value()
            following = stream.peek()
            if following == ",":
                stream.take(",")
                stream.peek()
                continue
            stream.take("]", "Expecting ',' delimiter")
            self.done = True
            return


class JsonStream:
    """One JSON document read from a binary stream; ``read`` gets at most ``size`` bytes."""

    def __init__(self, read: Callable[[int], bytes], *, limit: int, too_large: str) -> None:
        self._read = read
        self._limit = limit
        self._too_large = too_large
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder(parse_constant=_refuse_constant)
        self._text = ""
        self._pos = 0
        self._eof = False
        self._bytes = 0
        self._first = True
        # Where the window starts in the file, for error messages.
        self._dropped = 0
        self._dropped_lines = 0
        self._column = 0
        #: Line breaks in the text decoded so far, counted in the bytes as they are read
        #: (a UTF-8 line break is one byte, never part of another character): counting
        #: them in the text (four bytes a character once one emoji is in the window) was
        #: about 3 percent of an import's instructions.
        self._lines_read = 0

    # -- the document --------------------------------------------------------------------

    def members(self, streamed: str) -> Iterator[tuple[str, Any]]:
        """The members of the top-level object, in file order; the member named
        ``streamed``, when it is a list, comes as Items, to be iterated before the next
        member is asked for. A document that is not an object raises NotAnObject."""
        if self.peek() != "{":
            value = self.value()
            self._end()
            raise NotAnObject(value)
        self.take("{")
        if self.peek() == "}":
            self.take("}")
            self._end()
            return
        while True:
            if self.peek() != '"':
                self._fail("Expecting property name enclosed in double quotes")
            key = self.value()
            self.peek()
            self.take(":", "Expecting ':' delimiter")
            if key == streamed and self.peek() == "[":
                self.take("[")
                items = Items(self)
                yield key, items
                if not items.done:
                    for _ in items:
                        pass
            else:
                self.peek()
                yield key, self.value()
            if self.peek() == ",":
                self.take(",")
                self.peek()
                continue
            self.take("}", "Expecting ',' delimiter")
            self._end()
            return

    def _end(self) -> None:
        if self.peek() != "":
            self._fail("Extra data")

    # -- reading -------------------------------------------------------------------------

    def peek(self) -> str:
        """The next character after any whitespace ('' at the end of the file)."""
        while True:
            spaces = _SPACE.match(self._text, self._pos)  # matches everywhere, maybe empty
            self._pos = spaces.end() if spaces else self._pos
            if self._pos < len(self._text):
                return self._text[self._pos]
            if self._eof:
                return ""
            self._more()

    def take(self, char: str, problem: str = "Expecting value") -> None:
        """Step over ``char``, which must come next (``peek`` has been called)."""
        if self._text.startswith(char, self._pos):
            self._pos += 1
        else:
            self._fail(problem)

    def value(self) -> Any:
        """The JSON value that starts here (``peek`` has been called)."""
        while True:
            try:
                value, end = self._json.raw_decode(self._text, self._pos)
            except json.JSONDecodeError as error:
                if self._eof or not self._may_be_cut(error):
                    self._fail(error.msg, error.pos)
                self._more()
                continue
            except RecursionError:
                raise StreamError("nested too deeply to be a journal") from None
            except ValueError as error:  # a constant such as NaN, or a number too long
                raise StreamError(f"not valid JSON ({_in_words(error)})") from None
            if (
                not self._eof
                and len(self._text) - end < _CUT_SLACK
                and not isinstance(value, dict | list | str)
            ):
                self._more()  # a number cut off ("0." of "0.5") may go on in the next piece
                continue
            self._pos = end
            return value

    def _may_be_cut(self, error: json.JSONDecodeError) -> bool:
        return error.msg.startswith("Unterminated string") or (
            error.pos >= len(self._text) - _CUT_SLACK
        )

    def _more(self) -> None:
        """Read the next piece of the file into the window, dropping what has been used."""
        self._drop_used()
        size = max(CHUNK_BYTES, len(self._text))  # a value longer than a piece: read double
        raw = self._read(size)
        final = not raw
        if self._first:  # a byte order mark, which some editors write, is not part of the JSON
            self._first = False
            while len(raw) < len(_BOM) and (more := self._read(size)):
                raw += more
            if raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
                self._bytes += len(_BOM)
        self._bytes += len(raw)
        self._lines_read += raw.count(b"\n")
        if self._bytes > self._limit:
            raise StreamError(self._too_large)
        try:
            self._text += self._decoder.decode(raw, final)
        except UnicodeDecodeError as error:
            # The decoder may hold a few bytes of the previous piece: ``error.object`` is
            # those and this piece, ending where the file has been read to.
            where = self._bytes - len(error.object) + error.start
            raise StreamError(f"not UTF-8 text (a broken byte at position {where:,})") from None
        self._eof = final

    def _drop_used(self) -> None:
        used = self._pos
        if not used:
            return
        last = self._text.rfind("\n", 0, used)
        if last >= 0:
            # The lines of the text read so far, less those of what stays in the window.
            self._dropped_lines = self._lines_read - self._text.count("\n", used)
            self._column = used - last - 1
        else:
            self._column += used
        self._dropped += used
        self._text = self._text[used:]
        self._pos = 0

    def _fail(self, problem: str, pos: int | None = None) -> Any:
        """Stop with json's own wording for a problem at ``pos`` in the window."""
        pos = self._pos if pos is None else pos
        before = self._text[:pos]
        lines = before.count("\n")
        column = pos - before.rindex("\n") if lines else self._column + pos + 1
        where = (
            f"line {self._dropped_lines + lines + 1} column {column} (char {self._dropped + pos})"
        )
        raise StreamError(f"not valid JSON ({problem}: {where})")


def _in_words(error: ValueError) -> str:
    """Python's complaint about a value, in the tool's words."""
    text = str(error)
    if "digits" in text and "int" in text:
        return "a number too long to read, thousands of digits"
    return text[:80]
