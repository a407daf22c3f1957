"""The line reader (generator/yaml_lines.py) against the LibYAML readers it stands in for.

Whatever the line reader accepts must give exactly the data (with types) and the positions the
full readers give, and must be a file load.lint_lines has nothing to say about. It is fed every
YAML file of the demo kaart and the test fixtures, a synthetic kaart, and thousands of one-line edits
of them (indentation, quotes, colons, comments, blank lines, odd characters).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import load
from generator.synthetic import write_synthetic_kaart
from generator.yaml_lines import Unusual, read_block_yaml
from support import DEMO_KAART, MINI_KAART, ROOT

PATH = Path("x.yaml")


def typed(value: Any) -> Any:
    """The value with every scalar's type next to it (1 == True and '1' != 1 must both show)."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def reference(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """What load.parse_yaml gives without the line reader: a YamlFile, or the Dutch refusal."""
    with monkeypatch.context() as patch:
        patch.setattr(load, "read_block_yaml", _never)
        try:
            return load.parse_yaml(text, PATH)
        except load._Rejected as rejected:
            return rejected


def _never(text: str, plain_value: Any) -> Any:
    raise Unusual


def line_reader(text: str) -> tuple | None:
    try:
        return read_block_yaml(text, load._plain_value)
    except Unusual:
        return None


def assert_same(text: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    """True when the line reader accepted the text (and agreed with the full readers)."""
    mine = line_reader(text)
    if mine is None:
        return False
    expected = reference(text, monkeypatch)
    assert isinstance(expected, load.YamlFile), f"accepted what the full reader refuses: {text!r}: {expected}"
    data, positions, key_positions = mine
    assert typed(data) == typed(expected.data), text
    assert positions == expected.positions, text
    assert key_positions == expected.key_positions, text
    assert load.lint_lines(text) is None, text
    return True


def repository_texts() -> list[str]:
    files = sorted(DEMO_KAART.rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    return [file.read_text(encoding="utf-8") for file in files]


def test_every_repository_file_reads_the_same(monkeypatch):
    texts = repository_texts()
    accepted = sum(assert_same(text, monkeypatch) for text in texts)
    assert accepted > len(texts) // 2, (accepted, len(texts))  # the common style really is the common case


def test_a_synthetic_kaart_is_read_entirely_by_the_line_reader(tmp_path, monkeypatch):
    kaart = write_synthetic_kaart(tmp_path / "kaart", 60, gemeenten=2)
    files = sorted(kaart.rglob("*.yaml"))
    assert all(assert_same(file.read_text(encoding="utf-8"), monkeypatch) for file in files)


EDITS = [
    lambda line: " " + line, lambda line: line[1:], lambda line: line + " # opmerking", lambda line: line + ":",
    lambda line: line.replace(": ", ":", 1), lambda line: line.replace(": ", " ", 1), lambda line: line.replace(": ", ": '", 1),
    lambda line: line.replace(": ", ': "', 1), lambda line: line + "'", lambda line: line.replace(": ", ": 'a''b' ", 1),
    lambda line: line.replace(": ", ": - ", 1), lambda line: line.replace(": ", ": [", 1), lambda line: line.replace(": ", ": |\n  ", 1),
    lambda line: line.replace(": ", ": &a ", 1), lambda line: line.replace(": ", ": !!str ", 1), lambda line: line.replace(": ", ": ~", 1),
    lambda line: line.replace(": ", ": null", 1), lambda line: line.replace(": ", ": true", 1), lambda line: line.replace(": ", ": 12", 1),
    lambda line: line.replace(": ", ": 2026-02-30", 1), lambda line: line.replace(": ", ": 2026-2-3", 1), lambda line: line.replace(": ", ": 1.5", 1),
    lambda line: line.replace(": ", ': "a\\tb"', 1), lambda line: line.replace("- ", "-", 1), lambda line: line.replace("- ", "- - ", 1),
    lambda line: line.replace("- ", "-   ", 1), lambda line: line + "\n", lambda line: line + "\n# opmerking",
    lambda line: line + "\n  verder", lambda line: line + "\n\n  verder", lambda line: line + "\n    verder: ook", lambda line: line + "\n" + line,
    lambda line: line + "\u2028x", lambda line: line + "\u00a0", lambda line: line + "\t", lambda line: line + "\r", lambda line: "---\n" + line,
    lambda line: line.replace(": ", ": <<", 1), lambda line: "<<: " + line.strip(), lambda line: line.upper(), lambda line: "",
    lambda line: line.replace(": ", ":\n", 1), lambda line: line.replace(": ", ":\n  ", 1), lambda line: line.replace(": ", ": ''", 1),
    lambda line: line.replace(": ", ": |\n  a\n\n   b\n\n", 1), lambda line: line.replace(": ", ": >-\n  a\n   b\n  c\n", 1),
    lambda line: line.replace(": ", ": |+\n  a\n\n", 1), lambda line: line.replace(": ", ": |2\n   a\n", 1), lambda line: line.replace(": ", ": >\n  # a\n  b\n", 1),
    lambda line: line.replace(": ", ": |-\n  \n  a\n", 1), lambda line: line.replace(": ", ": 'a\n\n  b '\n", 1), lambda line: line.replace(": ", ": 'a\n b''c\n   d'", 1),
    lambda line: line.replace(": ", ": [a,b]", 1), lambda line: line.replace(": ", ": [ ]", 1), lambda line: line.replace(": ", ": [a, ]", 1),
    lambda line: line.replace(": ", ": [a: b]", 1), lambda line: line.replace(": ", ": [1, true, ~, 2026-01-01, a  b]", 1),
    lambda line: line.replace(": ", ": [a]\n  b", 1), lambda line: line.replace(": ", ": 'a'\n  b", 1), lambda line: line.replace(": ", ': "a\n  b"', 1),
]


def edited_texts() -> list[str]:
    texts = []
    for file in sorted(MINI_KAART.rglob("*.yaml"))[:12]:
        lines = file.read_text(encoding="utf-8").split("\n")
        for at in range(len(lines)):
            for edit in EDITS:
                texts.append("\n".join(lines[:at] + [edit(lines[at])] + lines[at + 1:]))
    return texts


def test_edited_files_read_the_same_or_go_the_full_way(monkeypatch):
    texts = edited_texts()
    accepted = sum(assert_same(text, monkeypatch) for text in texts)
    assert len(texts) > 2000 and 0 < accepted < len(texts), (accepted, len(texts))


@pytest.mark.parametrize("text", [
    "a: 1\n", "a: '2026-10-01'\n", "a: 2026-10-01\n", "a:\n- x\n- y\nb: z\n", "a:\n  - x\n  - k: 1\n    l: 2\n",
    "- a\n- b: c\n  d: e\n", "a: eerste regel\n  tweede regel\n   derde\nb: c\n", "a: 'it''s'\n", 'a: "x: y # z"\n',
    "a:\n  b:\n    c: d\n  e: f\ng: h\n", "  a: 1\n  b: 2\n", "a: https://example.nl/pad?x=1\n", "a: 9:00\n",
    "a: |\n  regel een\n\n    ingesprongen\n  # geen opmerking\n\nb: >-\n  gevouwen\n  tekst\n", "a: [x, y z, 3]\n", "- [a]\n- 'b\n\n  c'\n",
])
def test_small_files(text, monkeypatch):
    assert assert_same(text, monkeypatch)
