"""Partner text is escaped wherever it lands in a built page: the theme's <title>, <meta name="description">
and header (Material's templates do not autoescape), our own templates, and JSON inside <script>."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build.sanitize import script_json
from support import MINI_KAART, build_site

# Each hostile text is valid data (names and summaries may hold quotes and ampersands).
HOSTILE = [
    '" http-equiv="refresh" content="0;url=https://evil.example',
    "' onmouseover='alert(1)",
    "Tom & Jerry &amp; &lt;b&gt; \"samen\"",
    "Café 'Het Anker' — \"vrij\" & gratis",
    "a \" b ' c & d",
]
HOSTILE_MARK = "http-equiv"
RECORD_FILES = [
    "voorzieningen/formulierenhulp.yaml",
    "ingangen/sociaal-team-a.yaml",
    "clientondersteuners/ondersteuning-proef.yaml",
    "vindplaatsen/school-akkerveen.yaml",
    "organisaties/welzijn-proef.yaml",
]


def _set_fields(path: Path, naam: str, samenvatting: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [line for line in lines if not line.startswith(("naam:", "samenvatting:"))]
    out.insert(1, f"naam: {json.dumps(naam, ensure_ascii=False)}")
    out.insert(2, f"samenvatting: {json.dumps(samenvatting, ensure_ascii=False)}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.in_title = False
        self.metas: list[dict] = []
        self.refresh = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            self.metas.append(attrs)
            self.refresh |= "http-equiv" in attrs
        for name in attrs:
            assert not name.startswith("on"), f"event handler attribute {name} on <{tag}>"

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, dict[str, tuple[str, str]]]:
    kaart = tmp_path_factory.mktemp("hostile") / "kaart"
    shutil.copytree(MINI_KAART, kaart)
    expected = {}
    for index, relative in enumerate(RECORD_FILES):
        naam = f"Naam {index} {HOSTILE[index]}"
        samenvatting = f"Samenvatting {index} {HOSTILE[(index + 1) % len(HOSTILE)]}"
        _set_fields(kaart / relative, naam, samenvatting)
        folder, stem = relative.split("/")
        expected[f"{folder}/{stem.removesuffix('.yaml')}"] = (naam, samenvatting)
    beschrijving = kaart / "voorzieningen/formulierenhulp.yaml"
    text = beschrijving.read_text(encoding="utf-8").replace("Neem je brieven mee.", "Neem \"mee\" & 'zo' &lt;script&gt; [site](https://x.nl/?a=1&b=\"2\").")
    beschrijving.write_text(text, encoding="utf-8")
    site = build_site(kaart, kaart.parent / "site")
    return site, expected


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("record", [f.removesuffix(".yaml") for f in RECORD_FILES])
def test_head_and_header_hold_partner_text_as_text(hostile_site, record):
    site, expected = hostile_site
    naam, samenvatting = expected[record]
    html = _page(site, record)
    head = _Head()
    head.feed(html)
    assert not head.refresh, "partner text added an attribute to a <meta> tag"
    descriptions = [m.get("content") for m in head.metas if m.get("name") == "description"]
    assert descriptions == [samenvatting]
    assert head.title.startswith(naam)


class _Attributes(HTMLParser):
    """Every attribute on the page: partner text must never add one (no quote may close an attribute)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.values: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.names.add(f"{tag}.{name}")
            self.values.append(value or "")


@pytest.mark.parametrize("record", [f.removesuffix(".yaml") for f in RECORD_FILES])
def test_partner_text_never_adds_an_attribute_or_element(hostile_site, record):
    site, expected = hostile_site
    html = _page(site, record)
    parser = _Attributes()
    parser.feed(html)
    assert not [name for name in parser.names if name.split(".")[1].startswith("on")]
    assert "meta.http-equiv" not in parser.names
    # Where partner text stands in an attribute, it stands there whole.
    for text in expected[record]:
        pieces = [value for value in parser.values if HOSTILE_MARK in value and text not in value]
        assert not [p for p in pieces if any(part in p for part in text.split('"')[1:2] if part)], pieces


def test_markdown_with_quotes_and_entities_stays_text(hostile_site):
    site, _ = hostile_site
    html = _page(site, "voorzieningen/formulierenhulp")
    assert "<script>" not in html.split("<article")[1].split("</article>")[0]
    assert "&amp;lt;script&amp;gt;" in html or "&lt;script&gt;" in html
    assert html.count("</script>") == html.count("<script")


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>", "<!-- x", "a & b", "'quoted'", "line\u2028separator", {"naam": "</SCRIPT>"},
])
def test_script_json_cannot_leave_the_script_element(value):
    text = str(script_json(value))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value
