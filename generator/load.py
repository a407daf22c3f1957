"""Stage 1: read YAML files from kaart/ into plain data, remembering where every value stood.

Partner files are untrusted. This reader accepts a deliberately small part of YAML:
no anchors or aliases, no merge keys, no duplicate keys, no tags, no tabs, UTF-8 only,
and a size limit. Scalars resolve to str, int, float, bool (true/false only), null and
dates: `9:00` stays text (no sexagesimal numbers) and `nee`/`no` stay text (no Norway problem).
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

from .problems import Problemen
from .yaml_lines import Unusual, read_block_yaml

MAX_FILE_BYTES = 256 * 1024

Path_ = tuple  # a path into the data, e.g. ("locaties", 0, "adres", "postcode")


class _Resolver(BaseResolver):
    pass


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# At most 18 digits: a longer run of digits is text (Python refuses to read an int of over 4,300 digits).
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9]+\.[0-9]+)$"), list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"), list("0123456789")
)


class _PureLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, SafeConstructor, _Resolver):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        SafeConstructor.__init__(self)
        _Resolver.__init__(self)


if yaml.__with_libyaml__:  # LibYAML parses about ten times faster; marks and errors are the same

    from yaml.cyaml import CParser

    class _CLoader(CParser, SafeConstructor, _Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)

    _Loader = _CLoader
else:
    _Loader = _PureLoader


_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


class YamlFile:
    """One parsed file: its data and the (line, column) of every key and value, 1-based.

    A YamlFile sent to another process (halves.py) carries only its path and text: its data and
    positions are read again from that text, by the same reader, when first asked (positions only
    to report a problem, data by few checks), so sending it back costs little."""

    __slots__ = ("path", "text", "_data", "_positions", "_key_positions")

    def __init__(self, path: Path, data: Any, positions: dict | None = None, key_positions: dict | None = None, text: str | None = None) -> None:
        self.path, self.text, self._data = path, text, data
        self._positions, self._key_positions = positions or {}, key_positions or {}

    @property
    def data(self) -> Any:
        if self._positions is None:
            self._read_again()
        return self._data

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        """Where each value starts."""
        if self._positions is None:
            self._read_again()
        return self._positions  # type: ignore[return-value]

    @property
    def key_positions(self) -> dict[Path_, tuple[int, int]]:
        """Where each key starts."""
        if self._positions is None:
            self._read_again()
        return self._key_positions  # type: ignore[return-value]

    def _read_again(self) -> None:
        again = parse_yaml(self.text, self.path)  # type: ignore[arg-type]  # the same text, read the same way: it parses
        self._data, self._positions, self._key_positions = again._data, again._positions, again._key_positions

    def __getstate__(self) -> tuple:
        if self.text is not None:
            return (self.path, self.text)
        return (self.path, self._data, self._positions, self._key_positions)

    def __setstate__(self, state: tuple) -> None:
        if len(state) == 2:
            (self.path, self.text), self._data, self._positions, self._key_positions = state, None, None, None
        else:
            (self.path, self._data, self._positions, self._key_positions), self.text = state, None

    def position(self, where: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where a value (or with key=True its key) stood; for a missing one, its nearest parent."""
        where = tuple(where)
        positions, key_positions = self.positions, self.key_positions
        if key and where in key_positions:
            return key_positions[where]
        while where:
            if where in positions:
                return positions[where]
            where = where[:-1]
        return positions.get((), (1, 1))


class _Rejected(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _mark(node_or_event: Any) -> tuple[int, int]:
    mark = node_or_event.start_mark
    return mark.line + 1, mark.column + 1


# Characters YAML refuses to read (control characters other than tab and line ends; the surrogates cannot be UTF-8).
_NOT_IN_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    starts = [match.end() for match in re.finditer(r"\r\n|\r|\n", before)]
    return len(starts) + 1, index - (starts[-1] if starts else 0) + 1


def _check_text(raw: bytes) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise _Rejected(1, 1, f"Dit bestand is te groot ({len(raw) // 1024} KB; maximaal {MAX_FILE_BYTES // 1024} KB). Zet één record in één bestand.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _Rejected(line, 1, "Dit bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8 (in de meeste editors: 'Opslaan als' en dan codering 'UTF-8').") from None
    text = text.removeprefix("\ufeff")
    unreadable = _NOT_IN_YAML.search(text)
    if unreadable:
        line, column = _line_and_column(text, unreadable.start())
        raise _Rejected(line, column, (
            f"Hier staat een onzichtbaar teken (U+{ord(unreadable[0]):04X}) dat niet in een YAML-bestand mag, bijvoorbeeld uit "
            "een gekopieerde tekst. Haal het weg of typ de tekst opnieuw, zonder kopiëren en plakken."))
    if "\t" not in text:
        return text
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line[: len(line) - len(line.lstrip())] or (line.lstrip().startswith("-\t")):
            raise _Rejected(number, line.index("\t") + 1, "Er staat een tab in het inspringen. Gebruik spaties in plaats van tabs.")
    return text


def _check_events(text: str) -> None:
    if not any(marker in text for marker in "&*!"):
        return  # no anchor, alias or tag can be written without one of these: skip the slower scan
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor:
            line, column = _mark(event)
            raise _Rejected(line, column, "Ankers en verwijzingen (& en *) zijn hier niet toegestaan. Schrijf de gegevens voluit.")
        tag = getattr(event, "tag", None)
        if tag is not None:  # written in the file: partners never need one, and a wrong one breaks the reader
            line, column = _mark(event)
            raise _tag_refused(tag, line, column)


def _tag_refused(tag: str, line: int, column: int) -> _Rejected:
    written = "!!" + tag.removeprefix(_YAML_TAG_PREFIX) if tag.startswith(_YAML_TAG_PREFIX) else tag
    return _Rejected(line, column, f"De YAML-tag '{written}' is niet toegestaan. Haal de tag weg en schrijf alleen de waarde.")


MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def _check_date(node: yaml.ScalarNode) -> None:
    """An impossible date (2026-02-30) is reported where it stands, in Dutch."""
    year, month, day = (int(part) for part in node.value.split("-"))
    try:
        dt.date(year, month, day)
    except ValueError:
        line, column = _mark(node)
        if not 1 <= month <= 12:
            raise _Rejected(line, column, f"'{node.value}' is geen datum: er is geen maand {month}. Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-10-01.") from None
        days = calendar.monthrange(year, month)[1] if year >= 1 else 31
        raise _Rejected(line, column, f"'{node.value}' bestaat niet: {MAANDEN[month - 1]} {year} heeft {days} dagen. Controleer de dag.") from None


def _walk(node: yaml.Node, where: Path_, positions: dict, key_positions: dict) -> None:
    # A scalar is reported where it stands; a block (mapping or list) on the line of its key.
    if isinstance(node, yaml.ScalarNode) or where not in key_positions:
        positions[where] = _mark(node)
    else:
        positions[where] = key_positions[where]
    if node.tag == "tag:yaml.org,2002:timestamp":
        _check_date(node)
    if node.tag not in _STANDARD_TAGS:
        line, column = _mark(node)
        raise _tag_refused(node.tag, line, column)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                raise _Rejected(line, column, "Samenvoegen met '<<' is niet toegestaan. Schrijf de gegevens voluit.")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Rejected(line, column, "Een veldnaam moet gewone tekst zijn.")
            key = key_node.value
            if key in seen:
                raise _Rejected(line, column, f"Het veld '{key}' staat twee keer in dit blok (eerder op regel {seen[key]}). Haal er één weg.")
            seen[key] = line
            key_positions[where + (key,)] = (line, column)
            _walk(value_node, where + (key,), positions, key_positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, where + (index,), positions, key_positions)


_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[a-z_]+):(?P<rest>.*)$")
_NO_COLON = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[a-z_]+) +(?P<rest>[^:#\s].*)$")
_MULTI_WORD_KEY = re.compile(r"^ *[a-zà-ÿ]+(?: [a-zà-ÿ'-]+)+:(?: |$)")  # lower-case words, then the colon
_FLOW_QUOTE = re.compile(r"[:,\[{] +'")  # a value inside {…} or […] that opens a single quote


def _plain_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line that starts something: not a comment, not empty, not inside
    a block text (| or >) and not the continuation of a text that runs over more lines."""
    result, inside = [], None  # inside: lines indented deeper than this belong to the value above
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not stripped or stripped.startswith("#"):
            continue
        if inside is not None and indent > inside:
            continue
        inside = None
        result.append((number, line))
        key = _KEY_LINE.match(line)
        if key and key["rest"].strip() and not key["rest"].strip().startswith("#"):
            inside = indent + len(key["dash"] or "")
        elif not key and stripped.startswith("- "):
            inside = indent  # a list value may run on over more lines too
    return result


def _known_field_names() -> set[str]:
    from .messages import all_field_names  # the models know the field names

    return all_field_names()


def lint_lines(text: str) -> _Rejected | None:
    """Mistakes YAML would read without complaint, or report lines too late: 'toegang:vrij' and
    'telefoon 0523 …' (a field name without its colon)."""
    fields = _known_field_names()
    dash = _dash_read_as_text(text)
    if dash:
        return dash
    for number, line in _plain_lines(text):
        key_line = _KEY_LINE.match(line)
        if key_line and key_line["key"] in fields and key_line["rest"][:1] not in ("", " ") :
            column = len(key_line["indent"]) + len(key_line["dash"] or "") + len(key_line["key"]) + 2
            return _Rejected(number, column, f"Na de dubbele punt hoort een spatie: schrijf '{key_line['key']}: {key_line['rest'].strip()}'.")
        no_colon = _NO_COLON.match(line)
        if no_colon and no_colon["key"] in fields and not key_line and not no_colon["dash"] and not _MULTI_WORD_KEY.match(line):
            # '- naar huis' is a list value; 'onafhankelijk advies: …' a key of several words (synoniemen.yaml)
            column = len(no_colon["indent"]) + len(no_colon["dash"] or "") + len(no_colon["key"]) + 1
            return _Rejected(number, column, f"Hier mist de dubbele punt achter '{no_colon['key']}'. Schrijf '{no_colon['key']}: {no_colon['rest'].strip()}'.")
    return None


def _dash_read_as_text(text: str) -> _Rejected | None:
    """'- brieven' indented deeper than the '- formulieren' above it (or under 'naam: De Spil'): YAML reads
    it as more words of the text above ('formulieren - brieven'), so a list item would vanish without a word."""
    runs_on_from = None  # indent of a line whose plain text may run on over the lines below
    block_from = None  # indent of a key whose | or > text holds the lines below
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not stripped or stripped.startswith("#") or (block_from is not None and indent > block_from):
            continue
        block_from = None
        if runs_on_from is not None and indent > runs_on_from:
            if stripped == "-" or stripped.startswith("- "):
                return _Rejected(number, indent + 1, (
                    "Dit streepje staat verder ingesprongen dan de regel erboven, dus YAML leest het als vervolg van die "
                    "tekst, niet als een nieuw item. Zet de streepjes van één lijst precies onder elkaar."))
            continue
        key = _KEY_LINE.match(line)
        value = key["rest"].strip() if key else stripped[2:].strip() if stripped.startswith("- ") else ""
        runs_on_from = (indent + len(key["dash"] or "") if key else indent) if value and value[0] not in "|>\"'[{&*!#" else None
        if value[:1] in ("|", ">"):
            block_from = indent
    return None


def diagnose_syntax(text: str, up_to: int) -> _Rejected | None:
    """The line that really broke the YAML (the parser often notices lines later): an unclosed
    quote or bracket, a value that starts with ' ('t Leemhuus)."""
    for number, line in _plain_lines(text):
        if number > up_to:
            break
        match = _KEY_LINE.match(line)
        value = match["rest"].strip() if match else line.strip().removeprefix("- ").strip()
        value = re.sub(r"\s+#.*$", "", value) if not value.startswith(("'", '"')) else value
        column = line.index(value) + 1 if value and value in line else 1
        if value.startswith("'") and not (len(value) > 1 and value.endswith("'")):
            key = match["key"] if match else "naam"
            return _Rejected(number, column, (
                f"Deze tekst begint met een ' (zoals in 't) en wordt dan gelezen als tekst tussen aanhalingstekens die niet sluit. "
                f"Zet de hele tekst tussen dubbele aanhalingstekens: {key}: \"{value}\""))
        if value.startswith('"') and (len(value) == 1 or not value.endswith('"')):
            return _Rejected(number, column, "Hier mist het afsluitende aanhalingsteken (\") aan het eind van de tekst. Zet het erachter.")
        if value.startswith("[") and "]" not in value:
            return _Rejected(number, column + len(value), "Hier mist ] aan het eind van de lijst. Schrijf bijvoorbeeld: themas: [zorg-en-gezondheid, mantelzorg]")
        quote = _FLOW_QUOTE.search(value) if value.startswith(("{", "[")) else None
        if quote and value[quote.end() - 1:].count("'") % 2:
            return _Rejected(number, column + quote.end() - 1, (
                "Deze tekst begint met een ' (zoals in 's avonds) en wordt dan gelezen als tekst tussen aanhalingstekens "
                "die niet sluit. Zet die tekst tussen dubbele aanhalingstekens, bijvoorbeeld: reden: \"'s avonds open\""))
        if value.startswith("{") and "}" not in value:
            return _Rejected(number, column + len(value), "Hier mist } aan het eind. Schrijf de velden liever elk op een eigen regel.")
    return None


class _Unusual(Exception):
    """Something the fast reader leaves to the full one (and its Dutch message)."""


_PLAIN_SCALARS = [  # (pattern, constructor) in the order of the implicit resolvers above
    (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), lambda v: v.lower() == "true"),
    (_INT, int),
    (re.compile(r"^[-+]?(?:[0-9]+\.[0-9]+)$"), float),
    (re.compile(r"^(?:~|null|Null|NULL|)$"), lambda v: None),
    (re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$"), lambda v: dt.date(*map(int, v.split("-")))),
]


_RESOLVED_START = frozenset("tTfF-+0123456789~nN")  # every pattern above starts with one of these (or is empty)


def _plain_value(value: str) -> Any:
    if value and value[0] not in _RESOLVED_START:
        return value
    for pattern, construct in _PLAIN_SCALARS:
        if pattern.match(value):
            return construct(value)
    return value


def _fast_parse(text: str, path: Path) -> YamlFile:
    """The common case in one pass over LibYAML's events: plain mappings, lists and scalars.

    Builds the same data and positions as the node walk in parse_yaml (which resolves every scalar
    in Python and is four times slower); anything else (tags, anchors, aliases, '<<', duplicate or
    non-text keys, errors, no or several documents) raises _Unusual, and parse_yaml reads the file
    the full way, with its Dutch messages."""
    positions: dict[Path_, tuple[int, int]] = {}
    key_positions: dict[Path_, tuple[int, int]] = {}
    stack: list[list] = []  # per open block: [container, where, key waiting for its value or None]
    root: Any = None
    documents = 0
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor or event.tag is not None:
                    raise _Unusual
                mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                top = stack[-1] if stack else None
                if top is not None and type(top[0]) is dict and top[2] is None:  # a key
                    if kind is not yaml.ScalarEvent or event.value == "<<" or event.value in top[0]:
                        raise _Unusual
                    if event.implicit[0] and not isinstance(_plain_value(event.value), str):
                        raise _Unusual  # a key like 'true' or '12' becomes no text: rare, the full way
                    top[2] = event.value
                    key_positions[top[1] + (event.value,)] = mark
                    continue
                if top is None:
                    where: Path_ = ()
                elif type(top[0]) is dict:
                    where = top[1] + (top[2],)
                else:
                    where = top[1] + (len(top[0]),)
                if kind is yaml.ScalarEvent:
                    value = _plain_value(event.value) if event.implicit[0] else event.value
                    positions[where] = mark
                else:
                    value = {} if kind is yaml.MappingStartEvent else []
                    positions[where] = key_positions.get(where, mark)  # a block stands on the line of its key
                if top is None:
                    root = value
                elif type(top[0]) is dict:
                    top[0][top[2]] = value
                    top[2] = None
                else:
                    top[0].append(value)
                if kind is not yaml.ScalarEvent:
                    stack.append([value, where, None])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual
            elif kind is yaml.AliasEvent:
                raise _Unusual
    except (yaml.YAMLError, ValueError, TypeError):
        raise _Unusual from None
    finally:
        loader.dispose()
    if documents != 1 or root is None:
        raise _Unusual
    return YamlFile(path, root, positions, key_positions, text)


def parse_yaml(text: str, path: Path) -> YamlFile:
    """Parse checked text; raise _Rejected with a Dutch message on anything unsafe or invalid."""
    try:
        return YamlFile(path, *read_block_yaml(text, _plain_value), text)
    except Unusual:
        pass  # not the common block style: the readers below, with lint_lines first
    linted = lint_lines(text)
    if linted:
        raise linted
    if yaml.__with_libyaml__:
        try:
            return _fast_parse(text, path)
        except _Unusual:
            pass  # the full reader below gives the right message
    try:
        _check_events(text)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            positions: dict[Path_, tuple[int, int]] = {}
            key_positions: dict[Path_, tuple[int, int]] = {}
            if node is None:
                raise _Rejected(1, 1, "Dit bestand is leeg. Vul de gegevens in of verwijder het bestand.")
            _walk(node, (), positions, key_positions)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise diagnose_syntax(text, line) or _indentation_problem(text, line) or _Rejected(line, column, _yaml_message(error, text, line)) from None
    except yaml.YAMLError as error:
        raise _Rejected(1, 1, f"Dit is geen geldige YAML: {error}") from None
    except (ValueError, TypeError) as error:  # e.g. an impossible date such as 2026-02-30
        raise _Rejected(1, 1, "Een waarde in dit bestand kan niet gelezen worden. Controleer de datums (jjjj-mm-dd) en getallen, "
                              "of zet de tekst tussen aanhalingstekens.") from None
    return YamlFile(path, data, positions, key_positions, text)


def _quoted_line(text: str, line: int) -> str | None:
    """The line 'veld: tekst' with the text between double quotes, when that is the fix."""
    lines = text.splitlines()
    match = _KEY_LINE.match(lines[line - 1]) if 1 <= line <= len(lines) else None
    value = match["rest"].strip() if match else ""
    if not value or value[0] in "\"'[{|>" or '"' in value:
        return None
    return f'{match["key"]}: "{value}"'


def _yaml_message(error: yaml.MarkedYAMLError, text: str = "", line: int = 0) -> str:
    problem = (error.problem or "").lower()
    if "mapping values are not allowed" in problem:
        quoted = _quoted_line(text, line)
        example = quoted if quoted else 'samenvatting: "Let op: ..."'
        return f"Er staat een dubbele punt op een plek waar dat niet kan. Zet de tekst tussen aanhalingstekens, bijvoorbeeld: {example}"
    if "could not find expected ':'" in problem:
        return "Hier mist een dubbele punt achter de veldnaam, of een regel springt verkeerd in."
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "Deze regel springt niet goed in. Zet velden van hetzelfde blok precies onder elkaar, met spaties."
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "Er mist een afsluitend aanhalingsteken."
    if "found character" in problem and "cannot start any token" in problem:
        return "Deze regel begint met een teken dat niet mag (bijvoorbeeld een tab, @ of `). Zet de tekst tussen aanhalingstekens."
    if "expected '-' indicator" in problem or "expected ',' or ']'" in problem:
        return "Deze regel springt niet goed in, of er mist een streepje (-) voor een waarde in de lijst. Zet de streepjes van één lijst precies onder elkaar."
    return "Dit is geen geldige YAML. Controleer het inspringen en de aanhalingstekens op deze regel en de regel erboven."


def _indentation_problem(text: str, error_line: int) -> _Rejected | None:
    """A list item whose fields do not line up under its first field ('- naam:' then 'adres:' one
    space off): reported on the first line that is off, with what to do."""
    all_lines = text.splitlines()
    if 1 <= error_line <= len(all_lines):  # a field indented deeper than the field above, which has a value
        here = _KEY_LINE.match(all_lines[error_line - 1])
        above = next((line for line in reversed(all_lines[: error_line - 1]) if line.strip() and not line.strip().startswith("#")), "")
        above_key = _KEY_LINE.match(above)
        if here and above_key and above_key["rest"].strip():
            column = len(above_key["indent"]) + len(above_key["dash"] or "")
            if len(here["indent"]) > column:
                return _Rejected(error_line, len(here["indent"]) + 1, (
                    f"Deze regel springt te ver in: zet '{here['key']}' precies onder '{above_key['key']}' op de regel erboven "
                    f"(op positie {column + 1}), met spaties."))
    lines = _plain_lines(text)
    content_column = None
    for number, line in lines:
        if number > error_line:
            break
        indent = len(line) - len(line.lstrip(" "))
        match = _KEY_LINE.match(line)
        if match and match["dash"]:
            content_column = indent + len(match["dash"])
            continue
        if content_column is not None and match and indent != content_column and content_column - 2 < indent < content_column + 2:
            return _Rejected(number, indent + 1, (
                f"Deze regel springt niet goed in: zet '{match['key']}' precies onder het eerste veld na het streepje erboven "
                f"(op positie {content_column + 1}), met spaties."))
        if match and indent < (content_column or 0) - 2:
            content_column = None
    return None


def read_yaml(path: Path, problems: Problemen, raw: bytes | None = None) -> YamlFile | None:
    """Read one file (or parse its bytes `raw`, already read). Every problem goes into `problems`; returns None when unreadable."""
    try:
        if raw is None:
            raw = read_bytes(path)
        return parse_yaml(_check_text(raw), path)
    except _Rejected as rejected:
        problems.add(path, rejected.line, rejected.column, rejected.message)
    except OSError as error:
        problems.add(path, 1, 1, f"Dit bestand kan niet gelezen worden ({error.strerror}).")
    return None


YAML_SUFFIXES = (".yaml", ".yml")


def is_yaml_file(name: str, is_regular_file: bool) -> bool:
    """Whether the loader reads this entry of a folder: a .yaml or .yml file itself (`is_regular_file` without
    following a symlink: a symlink is never read, it could point outside the repository; validate.py reports it)."""
    return is_regular_file and os.path.splitext(name)[1] in YAML_SUFFIXES


_CHUNK = 1 << 16


def read_bytes(path: Path) -> bytes:
    """path.read_bytes() with fewer system calls (no buffered file object, no size and terminal checks): a kaart
    check opens 10,000 small files, and between two of them the reading and validating push the kernel's file
    code out of the processor's caches, so each call costs several microseconds."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = [os.read(handle, _CHUNK)]
        while len(chunks[-1]) == _CHUNK:  # a short read of a regular file is its end
            chunks.append(os.read(handle, _CHUNK))
    finally:
        os.close(handle)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def iter_yaml_files(folder: Path) -> list[Path]:
    """The .yaml and .yml files directly in `folder`, by name (one directory scan: no stat per file)."""
    with os.scandir(folder) as entries:
        names = [entry.name for entry in entries if is_yaml_file(entry.name, entry.is_file(follow_symlinks=False))]
    return [folder / name for name in sorted(names)]
