"""Stage 1: read YAML files from kaart/ into plain data, remembering where every value stood.

Partner files are untrusted. This reader accepts a deliberately small part of YAML:
no anchors or aliases, no merge keys, no duplicate keys, no tags, no tabs, UTF-8 only,
and a size limit. Scalars resolve to str, int, float, bool (true/false only), null and
dates: `9:00` stays text (no sexagesimal numbers) and `nee`/`no` stay text (no Norway problem).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

from .problems import Problemen

MAX_FILE_BYTES = 256 * 1024

Path_ = tuple  # a path into the data, e.g. ("locaties", 0, "adres", "postcode")


class _Resolver(BaseResolver):
    pass


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
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


_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


@dataclass
class YamlFile:
    """One parsed file: its data and the (line, column) of every key and value, 1-based."""

    path: Path
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # where each value starts
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # where each key starts

    def position(self, where: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where a value (or with key=True its key) stood; for a missing one, its nearest parent."""
        where = tuple(where)
        if key and where in self.key_positions:
            return self.key_positions[where]
        while where:
            if where in self.positions:
                return self.positions[where]
            where = where[:-1]
        return self.positions.get((), (1, 1))


class _Rejected(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _mark(node_or_event: Any) -> tuple[int, int]:
    mark = node_or_event.start_mark
    return mark.line + 1, mark.column + 1


def _check_text(raw: bytes) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise _Rejected(1, 1, f"Dit bestand is te groot ({len(raw) // 1024} KB; maximaal {MAX_FILE_BYTES // 1024} KB). Zet één record in één bestand.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _Rejected(line, 1, "Dit bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8 (in de meeste editors: 'Opslaan als' en dan codering 'UTF-8').") from None
    text = text.removeprefix("\ufeff")
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
        if tag and not getattr(event, "implicit", (True,))[0] and tag.startswith("!"):
            line, column = _mark(event)
            raise _Rejected(line, column, f"De YAML-tag '{tag}' is niet toegestaan. Haal de tag weg.")


def _walk(node: yaml.Node, where: Path_, positions: dict, key_positions: dict) -> None:
    # A scalar is reported where it stands; a block (mapping or list) on the line of its key.
    if isinstance(node, yaml.ScalarNode) or where not in key_positions:
        positions[where] = _mark(node)
    else:
        positions[where] = key_positions[where]
    if node.tag not in _STANDARD_TAGS:
        line, column = _mark(node)
        raise _Rejected(line, column, f"De YAML-tag '{node.tag}' is niet toegestaan. Haal de tag weg.")
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


class _Unusual(Exception):
    """Something the fast reader leaves to the full one (and its Dutch message)."""


_PLAIN_SCALARS = [  # (pattern, constructor) in the order of the implicit resolvers above
    (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), lambda v: v.lower() == "true"),
    (re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), int),
    (re.compile(r"^[-+]?(?:[0-9]+\.[0-9]+)$"), float),
    (re.compile(r"^(?:~|null|Null|NULL|)$"), lambda v: None),
    (re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$"), lambda v: dt.date(*map(int, v.split("-")))),
]


def _plain_value(value: str) -> Any:
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
    return YamlFile(path, root, positions, key_positions)


def parse_yaml(text: str, path: Path) -> YamlFile:
    """Parse checked text; raise _Rejected with a Dutch message on anything unsafe or invalid."""
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
        raise _Rejected(line, column, _yaml_message(error)) from None
    except yaml.YAMLError as error:
        raise _Rejected(1, 1, f"Dit is geen geldige YAML: {error}") from None
    except (ValueError, TypeError) as error:  # e.g. an impossible date such as 2026-02-30
        raise _Rejected(1, 1, f"Een waarde klopt niet: {error}. Controleer datums (jjjj-mm-dd).") from None
    return YamlFile(path, data, positions, key_positions)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "").lower()
    if "mapping values are not allowed" in problem:
        return "Er staat een dubbele punt op een plek waar dat niet kan. Zet de tekst tussen aanhalingstekens, bijvoorbeeld: samenvatting: \"Let op: ...\"."
    if "could not find expected ':'" in problem:
        return "Hier mist een dubbele punt achter de veldnaam, of een regel springt verkeerd in."
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "Deze regel springt niet goed in. Zet velden van hetzelfde blok precies onder elkaar, met spaties."
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "Er mist een afsluitend aanhalingsteken."
    if "found character" in problem and "cannot start any token" in problem:
        return "Deze regel begint met een teken dat niet mag (bijvoorbeeld een tab, @ of `). Zet de tekst tussen aanhalingstekens."
    return f"Dit is geen geldige YAML ({error.problem}). Controleer het inspringen en de aanhalingstekens op deze regel."


def read_yaml(path: Path, problems: Problemen) -> YamlFile | None:
    """Read one file. Every problem goes into `problems`; returns None when unreadable."""
    try:
        raw = path.read_bytes()
        return parse_yaml(_check_text(raw), path)
    except _Rejected as rejected:
        problems.add(path, rejected.line, rejected.column, rejected.message)
    except OSError as error:
        problems.add(path, 1, 1, f"Dit bestand kan niet gelezen worden ({error.strerror}).")
    return None


def iter_yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))
