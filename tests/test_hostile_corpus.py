"""The hostile-input corpus (tests/hostile_corpus.py) against the real `kaart check` and the real build.

For every variant: `kaart check` ends with 0 or 1 (never a crash), prints no traceback or English
exception text, and every message is `path:line:column:` in an existing file of the kaart, in Dutch,
with what to do. A variant that must be refused is refused on its own file (on its line when that
matters), and only there: one mistake does not make other files look wrong. Text that passes the check
is built into the demo site once (marked `bouw`), where it must stay text: no element, attribute, event
handler, javascript:/data: link or unescaped text in any page, the search index, the JSON files or the
open data.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.cli import main
from hostile_corpus import MARK, VANGNET, Variant, corpus
from support import DEMO_KAART

CORPUS = corpus()
MESSAGE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")
ENGLISH = ("Traceback", "Error", "error:", "invalid", "expected", "found", "not subscriptable", "literal", "Exceeds",
           "Input should", "field required", "value is not", "could not", "codec", "decode", "programma zelf")
WHAT_TO_DO = ("gebruik", "schrijf", "zet ", "haal", "kies", "hernoem", "vul", "controleer", "bedoel", "sla ", "verwijder", "geef",
              "pas ", "verplaats", "typ ", "maak", "voorbeeld", "begint met", "toegestane velden", "hier horen", "hier mist", "een deur is de id")


@pytest.fixture(scope="module")
def kaarten(tmp_path_factory) -> dict[bool, Path]:
    """Two writable copies of the demo kaart: with and (faster, for every variant that leaves it alone) without vangnet.yaml."""
    root = tmp_path_factory.mktemp("corpus")
    with_vangnet = root / "met" / "kaart"
    shutil.copytree(DEMO_KAART, with_vangnet)
    without = root / "zonder" / "kaart"
    shutil.copytree(DEMO_KAART, without)
    (without / VANGNET).unlink()
    return {True: with_vangnet, False: without}


@contextlib.contextmanager
def applied(variant: Variant, kaart: Path):
    """The kaart with the variant's change; every path it touched is put back afterwards."""
    saved = {relative: _snapshot(kaart / relative) for relative in variant.touches}
    try:
        variant.change(kaart)
        yield kaart
    finally:
        for relative, snapshot in saved.items():
            _restore(kaart / relative, snapshot)


def _snapshot(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() and not path.is_symlink() else None


def _restore(path: Path, snapshot: bytes | None) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    if snapshot is not None:
        path.write_bytes(snapshot)


def run_check(kaart: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--kaart", str(kaart)])
    return code, out.getvalue() + err.getvalue()


def _messages(output: str) -> list[re.Match]:
    return [match for line in output.splitlines() if (match := MESSAGE.match(line))]


def _assert_well_formed(kaart: Path, code: int, output: str) -> list[re.Match]:
    assert code in (0, 1), output
    assert not [word for word in ENGLISH if word in output], output
    messages = _messages(output)
    for match in messages:
        path = Path(os.path.abspath(match["path"]))  # not resolved: a symlink is reported as itself
        assert path.is_relative_to(kaart.absolute()), match[0]
        assert os.path.lexists(path), match[0]
        if path.is_file() and not path.is_symlink():
            assert 1 <= int(match["line"]) <= path.read_bytes().count(b"\n") + path.read_bytes().count(b"\r") + 1, match[0]
        assert any(word in match["message"].lower() for word in WHAT_TO_DO), match[0]
    if code == 1:
        assert messages, output
    return messages


@pytest.mark.parametrize("variant", CORPUS, ids=[variant.id for variant in CORPUS])
def test_check_holds(kaarten, variant):
    kaart = kaarten[variant.needs_vangnet]
    with applied(variant, kaart):
        code, output = run_check(kaart)
        messages = _assert_well_formed(kaart, code, output)
    if variant.must_refuse:
        assert code == 1, output
    target = (kaart / variant.target).absolute()
    mine = [match for match in messages if Path(os.path.abspath(match["path"])).is_relative_to(target)]
    elsewhere = [match[0] for match in messages if match not in mine and not match[0].endswith("(waarschuwing)")]  # a copy: both files
    if mine:
        assert not elsewhere, f"a mistake in {variant.target} is reported in other files too:\n{output}"
    else:  # legal in its own file, but another file relies on what changed (a door's number): that message names the record
        assert all("Hulp bij formulieren in de bibliotheek" in line for line in elsewhere), output
    if variant.line is not None:
        assert int(messages[0]["line"]) == variant.line, output


def test_the_demo_kaart_is_clean_before_and_after_the_corpus(kaarten):
    for kaart in kaarten.values():
        code, output = run_check(kaart)
        assert code == 0, output


def test_the_corpus_covers_every_class():
    sizes = Counter(variant.cls for variant in CORPUS)
    print(dict(sizes), sum(sizes.values()))
    assert set(sizes) >= {"text", "url", "phone", "email", "type", "id", "synoniemen", "vangnet", "file", "yaml", "bytes", "encoding"}
    assert len({variant.id for variant in CORPUS}) == len(CORPUS)
    assert all(variant.payload is None or MARK in variant.payload for variant in CORPUS)
