"""The fastest reader of stage 1: the block YAML almost every record file is written in, read line by line.

Most files are a block mapping of `key: value` lines, lists of `- value` or `- key: value`, plain
texts that run on over more lines, and texts in quotes on one line. This reader builds the same
data and the same positions as the LibYAML readers in load.py (tests/test_yaml_lines.py compares
them on every kaart file in the repository and on many edited variants) at a fraction of the cost.
Also texts in | and > blocks and one-line lists of words ([a, b]). Anything else - flow
mappings, comments after a value, blank lines inside a plain or folded text, escapes, tags, anchors, odd characters, anything it is not sure of - raises Unusual, and
load.parse_yaml reads the file the full way, with its Dutch messages.

A file this reader accepts never holds what load.lint_lines looks for: every line that starts
something is `key: value`, `key:` or `- …`, so a key without its colon or its space is Unusual here.
"""

from __future__ import annotations

import re
from typing import Any, Callable

Position = tuple[int, int]

# Characters YAML reads as printable and as no line break; everything else goes the full way.
_ODD_CHARACTER = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile(r"([a-z_]+):(?: +|$)")  # the field names of load.lint_lines
_LINT_KEY = re.compile(r"[a-z_]+:")
_NOT_TEXT_KEYS = frozenset({"true", "false", "null"})  # the only [a-z_]+ words YAML reads as no text
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_BLOCK_TEXTS = ("|", "|-", ">", ">-")
_FLOW_ODD = re.compile(r"[\[\]{}#:'\"&*!|>%@`?]")  # inside [ ]: anything but plain words, spaces and commas


class Unusual(Exception):
    """The file holds something this reader leaves to the full one."""


# A line with content: (1-based number, indent, text without the indent and trailing spaces, whether a
# blank or comment line came just before). Plain tuples: a file has dozens of lines, 10,000 files millions.
_Line = tuple[int, int, str, bool]


def _lines(raw: list[str]) -> list[_Line]:
    """The lines with content (no blank or comment lines)."""
    lines: list[_Line] = []
    append, gap = lines.append, False
    for number, line in enumerate(raw, start=1):
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            gap = True
            continue
        indent = len(line) - len(content)
        if not indent and content.startswith(("---", "...")):
            raise Unusual  # document markers
        append((number, indent, content.rstrip(" "), gap))
        gap = False
    return lines


_SPECIAL_START = frozenset("|>['\"")  # a scalar starting with one of these may be more than a plain text


class _Reader:
    def __init__(self, text: str, raw: list[str], lines: list[_Line], plain_value: Callable[[str], Any]) -> None:
        self.text = text
        self.raw = raw
        self.lines = lines
        self.count = len(lines)
        self.at = 0
        self.plain_value = plain_value
        self.positions: dict[tuple, Position] = {}
        self.key_positions: dict[tuple, Position] = {}

    def block(self, indent: int, where: tuple) -> Any:
        """The mapping or list whose lines start at column `indent` (0-based), at the current line."""
        number, _, text, _ = self.lines[self.at]
        self.positions[where] = self.key_positions.get(where, (number, indent + 1))
        if text[0] == "-":
            return self.sequence(indent, where)
        return self.mapping(indent, where, text, number)

    def sequence(self, indent: int, where: tuple) -> list:
        items: list = []
        lines, count = self.lines, self.count
        while self.at < count:
            number, here, text, _ = lines[self.at]
            if here != indent or text[0] != "-":
                break
            if not text.startswith("- "):
                raise Unusual  # '-' alone or '-x'
            rest = text[1:].lstrip(" ")
            column = indent + len(text) - len(rest)
            item_where = where + (len(items),)
            if _KEY.match(rest):
                self.positions[item_where] = (number, column + 1)
                items.append(self.mapping(column, item_where, rest, number))
            else:
                self.at += 1
                items.append(self.scalar(rest, number, column, indent, item_where, True))
        return items

    def mapping(self, indent: int, where: tuple, text: str, number: int) -> dict:
        """A mapping at column `indent`; its first entry is `text` on line `number` (after a '- ' for a list item)."""
        result: dict = {}
        lines, count, key_positions = self.lines, self.count, self.key_positions
        while True:
            match = _KEY.match(text)
            if match is None:
                raise Unusual
            key = match[1]
            if key in result or key in _NOT_TEXT_KEYS:
                raise Unusual  # a duplicate key, or one YAML reads as true, null, …
            key_where = where + (key,)
            key_positions[key_where] = (number, indent + 1)
            end = match.end()
            self.at += 1
            if end < len(text):
                result[key] = self.scalar(text[end:], number, indent + end, indent, key_where, False)
            else:
                result[key] = self.nested(indent, key_where)
            if self.at >= count:
                return result
            number, here, text, _ = lines[self.at]
            if here != indent or text[0] == "-":
                return result

    def nested(self, indent: int, where: tuple) -> Any:
        """The value of `key:` with nothing after it: a block below it, or a list at the key's own column."""
        if self.at >= self.count:
            raise Unusual  # an empty value: left to the full reader, which knows where YAML places it
        _, here, text, _ = self.lines[self.at]
        if here < indent or (here == indent and text[0] != "-"):
            raise Unusual
        if here > indent and not (text[0] == "-" or _KEY.match(text)):
            raise Unusual  # a text on the line below its key
        return self.block(here, where)

    def scalar(self, text: str, number: int, column: int, owner: int, where: tuple, list_item: bool) -> Any:
        """A value starting at 0-based `column` of line `number` (already consumed); a plain one runs on over
        lines deeper than `owner`."""
        self.positions[where] = (number, column + 1)
        first = text[0]
        if first in _SPECIAL_START:
            if text in _BLOCK_TEXTS:
                return self._block_text(text, number, owner)
            if first == "[":
                return self._flow_list(text, number, column, owner, where)
            if first in "'\"":
                if first == '"' and "\\" in text:
                    raise Unusual  # escapes
                value = self._quoted_line(text, first, number, owner)
                if self.at < self.count and self.lines[self.at][1] > owner:
                    raise Unusual  # YAML refuses a deeper line after a quoted text
                return value
        if list_item and _LINT_KEY.match(text):
            raise Unusual  # 'naam:x': load.lint_lines asks for the space
        _plain_part(text)
        lines, at, count = self.lines, self.at, self.count
        if at < count and lines[at][1] > owner:  # a text that runs on over more lines
            parts = [text]
            while at < count and (more := lines[at])[1] > owner:
                if more[3]:
                    raise Unusual  # a blank or comment line inside a text
                parts.append(_plain_part(more[2]))
                at += 1
            self.at = at
            return " ".join(parts)
        try:
            return self.plain_value(text)
        except ValueError:
            raise Unusual from None  # an impossible date: the full reader says which

    def _block_text(self, indicator: str, number: int, owner: int) -> str:
        """A `|` (lines kept) or `>` (lines folded) text, with `-` (no line break at the end) or without (one)."""
        content: list[str] = []
        indent = None
        last = number  # 1-based number of the last line of the text
        for below in range(number + 1, len(self.raw) + 1):
            raw = self.raw[below - 1]
            if not raw:
                content.append("")
                continue
            here = len(raw) - len(raw.lstrip(" "))
            if here == len(raw):
                raise Unusual  # a line of only spaces: YAML keeps some of them
            if indent is None:
                if here <= owner:
                    raise Unusual  # an empty text
                indent = here
            if here < indent:
                break
            if here > indent and indicator[0] == ">":
                raise Unusual  # a more indented line is not folded
            content.append(raw[indent:])
            last = below
        if indent is None or (last == len(self.raw) and not self.text.endswith("\n")):
            raise Unusual
        del content[last - number:]  # blank lines after the text
        if indicator[0] == ">":
            if "" in content:
                raise Unusual  # a blank line inside a folded text
            value = " ".join(content)
        else:
            value = "\n".join(content)
        self._skip_to(last)
        return value if indicator.endswith("-") else value + "\n"

    def _skip_to(self, last: int) -> None:
        """Consume the lines up to line `last` (1-based), which a text took."""
        while self.at < self.count and self.lines[self.at][0] <= last:
            self.at += 1

    def _flow_list(self, text: str, number: int, column: int, owner: int, where: tuple) -> list:
        """[a, b, c] on one line, of plain words."""
        self.positions[where] = self.key_positions.get(where, (number, column + 1))
        end = text.find("]")
        if end < 0 or text[end + 1:].strip(" ") or _FLOW_ODD.search(text, 1, end):
            raise Unusual
        if self.at < self.count and self.lines[self.at][1] > owner:
            raise Unusual
        inner = text[1:end]
        if not inner.strip(" "):
            return []
        items, at = [], 1
        for piece in inner.split(","):
            item = piece.strip(" ")
            if not item or item[0] in _INDICATORS:
                raise Unusual
            self.positions[where + (len(items),)] = (number, column + at + piece.index(item[0]) + 1)
            try:
                items.append(self.plain_value(item))
            except ValueError:
                raise Unusual from None
            at += len(piece) + 1
        return items

    def _quoted_line(self, text: str, quote: str, number: int, owner: int) -> str:
        """A text in quotes; one in single quotes may run on over lines deeper than `owner` (folded as YAML does)."""
        inner, closed = _until_quote(text, 1, quote)
        if closed:
            return inner
        if quote == '"':
            raise Unusual  # escapes and folding of double quotes: the full reader
        pieces, blanks = [inner.rstrip(" ")], 0
        for below in range(number + 1, len(self.raw) + 1):
            raw = self.raw[below - 1]
            content = raw.lstrip(" ")
            if not content:
                if raw:
                    raise Unusual  # a line of only spaces
                blanks += 1
                continue
            if len(raw) - len(content) <= owner:
                raise Unusual
            piece, closed = _until_quote(content, 0, quote)
            pieces.append(("\n" * blanks if blanks else " ") + (piece if closed else piece.rstrip(" ")))
            blanks = 0
            if closed:
                self._skip_to(below)
                return "".join(pieces)
        raise Unusual  # never closed


def _plain_part(text: str) -> str:
    if text[0] in _INDICATORS or "#" in text or ": " in text or text[-1] == ":":
        raise Unusual
    return text


def read_block_yaml(text: str, plain_value: Callable[[str], Any]) -> tuple[Any, dict, dict]:
    """(data, positions, key_positions) of a file in the common block style, or raise Unusual.
    `plain_value` resolves a plain scalar (load._plain_value: the kaart's own YAML types)."""
    if _ODD_CHARACTER.search(text):
        raise Unusual
    raw = text.split("\n")
    lines = _lines(raw)
    if not lines:
        raise Unusual
    reader = _Reader(text, raw, lines, plain_value)
    data = reader.block(lines[0][1], ())
    if reader.at != len(lines):
        raise Unusual  # a line that fits no block: YAML refuses it
    if not isinstance(data, (dict, list)):
        raise Unusual
    return data, reader.positions, reader.key_positions


def _until_quote(text: str, start: int, quote: str) -> tuple[str, bool]:
    """(the text from `start` up to its closing quote, with '' read as ', and whether it closed there).
    Only spaces may follow the closing quote."""
    end = start
    while True:
        end = text.find(quote, end)
        if end < 0:
            return (text[start:].replace("''", "'") if quote == "'" else text[start:]), False
        if quote == "'" and text[end + 1:end + 2] == "'":
            end += 2
            continue
        break
    if text[end + 1:].strip(" "):
        raise Unusual  # something after the closing quote
    inner = text[start:end]
    return (inner.replace("''", "'") if quote == "'" else inner), True
