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
import json
import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest

from generator.cli import main
from hostile_corpus import APPENDED, MARK, TEXT_FIELDS, TEXT_PAYLOADS, VANGNET, Variant, corpus, line_of, set_scalar
from support import DEMO_KAART, build_site, served

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


def run_check(kaart: Path, *files: Path) -> tuple[int, str]:
    """`kaart check --kaart KAART`, or `kaart check FILE…` (checked within their kaart)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *map(str, files)] if files else ["check", "--kaart", str(kaart)])
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
    original = kaart / variant.target
    first_new_line = original.read_bytes().count(b"\n") + 1 if original.is_file() else None
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
    if variant.fragment:
        assert any(variant.fragment in match["message"] for match in mine), output
    if variant.line == APPENDED:
        assert int(mine[0]["line"]) in (first_new_line, first_new_line + 1), (first_new_line, output)
    elif variant.line is not None:
        assert int(mine[0]["line"]) == variant.line, output


def test_the_demo_kaart_is_clean_before_and_after_the_corpus(kaarten):
    for kaart in kaarten.values():
        code, output = run_check(kaart)
        assert code == 0, output


def test_a_named_symlink_is_reported_as_a_symlink_not_as_its_target(kaarten):
    """`kaart check kaart/voorzieningen/x.yaml` on a symlink to /etc/passwd: the symlink is refused where it is
    (it was looked up as /etc/passwd: 'not in one kaart', or with its kaart found, filtered away as another file)."""
    kaart = kaarten[False]
    link = kaart / "voorzieningen" / "wachtwoorden.yaml"
    link.symlink_to("/etc/passwd")
    try:
        code, output = run_check(kaart, link)
    finally:
        link.unlink()
    assert code == 1 and "verwijzing (symlink)" in output and "wachtwoorden.yaml:1:1:" in output, output


def test_a_named_folder_is_called_a_folder(kaarten):
    code, output = run_check(kaarten[False], kaarten[False] / "voorzieningen")
    assert code == 2 and "Dit is een map, geen bestand" in output, output


def test_the_corpus_covers_every_class():
    sizes = Counter(variant.cls for variant in CORPUS)
    print(dict(sizes), sum(sizes.values()))
    assert set(sizes) >= {"text", "url", "phone", "email", "type", "id", "synoniemen", "vangnet", "file", "yaml", "bytes", "encoding"}
    assert len({variant.id for variant in CORPUS}) == len(CORPUS)
    assert all(variant.payload is None or MARK in variant.payload for variant in CORPUS)


# --- the build: text that passed the check stays text ------------------------------------------------------

BUILD_PAYLOADS = [(index, payload) for index, payload in enumerate(TEXT_PAYLOADS) if len(payload) < 1000]
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "xlink:href", "poster", "background"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


def _value(payloads: list[tuple[int, str]]) -> str:
    return " · ".join(f"{MARK}{9000 + index} {payload}" for index, payload in payloads)


def _with_payloads(pristine: Path, kaart: Path, assignment: dict[tuple[str, str], list[tuple[int, str]]]) -> None:
    for relative in {relative for relative, _ in assignment}:
        shutil.copy(pristine / relative, kaart / relative)
    for (relative, pattern), payloads in assignment.items():
        set_scalar(kaart, relative, pattern, _value(payloads))


class LegalSite(NamedTuple):
    site: Path
    accepted: list[tuple[int, str]]  # (index in TEXT_PAYLOADS, payload) of every payload the check let through
    fields: list[tuple[str, str]]  # the fields that carried them


@pytest.fixture(scope="module")
def legal_site(tmp_path_factory) -> LegalSite:
    """The demo site with every legal text payload in a partner field: all payloads spread over the text fields,
    each field whose value the check refuses put back; then every field put back gets the payloads that break out
    of an attribute or a template (so every field, the KCC texts and the crisis box too, carries one)."""
    kaart = tmp_path_factory.mktemp("legaal") / "kaart"
    shutil.copytree(DEMO_KAART, kaart)
    slots = [(relative, pattern) for relative, patterns in TEXT_FIELDS.items() for pattern in patterns]
    assignment: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for turn, payload in enumerate(BUILD_PAYLOADS):
        assignment.setdefault(slots[turn % len(slots)], []).append(payload)
    assignment = _keep_accepted(kaart, assignment)
    breakers = [(index, TEXT_PAYLOADS[index]) for index in (4, 5, 11)]  # '" onmouseover=', "' onfocus=", '{{ config }}'
    assignment.update(_keep_accepted(kaart, {slot: breakers for slot in slots if slot not in assignment}))
    _with_payloads(DEMO_KAART, kaart, assignment)
    accepted = sorted({payload for payloads in assignment.values() for payload in payloads})
    return LegalSite(build_site(kaart, kaart.parent / "site"), accepted, sorted(assignment))


def _keep_accepted(kaart: Path, assignment: dict) -> dict:
    """The assignment without the fields whose value the check refuses (each refusal must stand on a changed field)."""
    from generator.validate import load_kaart

    assignment = dict(assignment)
    while assignment:
        _with_payloads(DEMO_KAART, kaart, assignment)
        problems = load_kaart(kaart)[1]
        refused = {slot for slot, payloads in assignment.items() for problem in problems
                   if Path(problem.path).resolve() == (kaart / slot[0]).resolve()
                   and problem.line == line_of(kaart, slot[0], rf".*{MARK}{9000 + payloads[0][0]}\b")}
        assert refused or not problems, [str(problem) for problem in problems]
        if not refused:
            break
        for slot in refused:
            shutil.copy(DEMO_KAART / slot[0], kaart / slot[0])
            del assignment[slot]
    return assignment


class _Markup(HTMLParser):
    """Every element and attribute of a page, and the text of its inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.script: str | None = None
        self.script_type = ""

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            plain = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and plain.startswith(DANGEROUS_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.script, self.script_type = "", dict(attrs).get("type", "")

    def handle_data(self, data):
        if self.script is not None:
            self.script += data

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            if "alert(" in self.script and "json" not in self.script_type:
                self.problems.append(f"<script>{self.script[:120]}")
            self.script = None


@pytest.mark.bouw
def test_legal_partner_text_never_becomes_markup_or_a_script_link(legal_site):
    site = legal_site.site
    problems = []
    for page in site.rglob("*.html"):
        parser = _Markup()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {problem}" for problem in parser.problems]
    assert problems == []


@pytest.mark.bouw
def test_legal_partner_text_reaches_the_site_and_its_data_as_text(legal_site):
    """Nothing silently dropped: every accepted payload's mark is in the pages, and the JSON files are JSON
    whose strings hold the text (the scripts put it in the page as text, never as HTML)."""
    site, accepted, _ = legal_site
    data = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.json")}
    for path, text in data.items():
        json.loads(text)
    everything = "\n".join([*(page.read_text(encoding="utf-8") for page in site.rglob("*.html")), *data.values()])
    missing = [f"{MARK}{9000 + index}" for index, _ in accepted if f"{MARK}{9000 + index}" not in everything]  # KCC texts: kcc.json only
    assert missing == []
    found = {f"{MARK}{9000 + index}" for index, _ in accepted for text in data.values() if f"{MARK}{9000 + index}" in text}
    assert found, "no accepted payload reached the search index, kcc.json, contact.json or the open data"


@pytest.mark.bouw
@pytest.mark.browser
def test_no_payload_runs_in_the_browser(legal_site, browser):
    """Record pages, the wegwijzer, the search page and the KCC view with every payload on them: no alert ever opens."""
    site, accepted, _ = legal_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = ["/voorzieningen/formulierenhulp-bibliotheek/", "/vindplaatsen/apotheek-brummerveen/", "/ingangen/wmo-loket-egelstede/",
            "/organisaties/welzijn-egelstede/", "/wegwijzer/formulieren/", "/wegwijzer/formulierenhulp/", f"/zoeken/?q={MARK}9000",
            "/zoeken/?q=alert", "/zoeken/?q=direct+gevaar", "/kcc/"]
    with served(site) as base:
        for url in urls:
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
        for query in ("alert script", "formulieren", "direct gevaar"):
            page.fill("#kcc-q", query)
            page.wait_for_timeout(300)
        injected = page.evaluate("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length")
    context.close()
    assert dialogs == [] and injected == 0


@pytest.mark.bouw
def test_every_text_field_carried_a_payload_into_the_build(legal_site):
    """The build sees partner text in every field of the corpus (also the KCC texts and the crisis box's wat_doen)."""
    site, accepted, fields = legal_site
    assert len(accepted) >= len(BUILD_PAYLOADS) // 3, accepted
    assert fields == sorted((relative, pattern) for relative, patterns in TEXT_FIELDS.items() for pattern in patterns)
    assert MARK in (site / "kcc" / "kcc.json").read_text(encoding="utf-8")
