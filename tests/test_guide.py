"""The partner guide (docs/bijdragen): in the navigation, generated field reference that cannot
drift from the models, fill-in templates, and examples that really validate."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from support import MINI_KAART, ROOT, build_site
from generator.fieldinfo import DOCUMENTED_MODELS, blocks_in, velden
from generator.load import parse_yaml
from generator.models import RECORD_MODELS
from generator.openingstijden import Openingstijden
from generator.scaffold import template_text
from generator.fields import PLACEHOLDER

GUIDE = ROOT / "docs" / "bijdragen"
PAGES = ["index", "github", "nieuw", "computer", "velden", "lijsten", "blokken", "na-je-voorstel", "vragen", "beheer", "publiceren"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(MINI_KAART, tmp_path_factory.mktemp("guide-site") / "site")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_guide_is_linked_from_the_footer_not_the_residents_menu(site):
    """Partners find "Gegevens aanpassen" in the footer of every page; the residents' menu stays theirs."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert not any("bijdragen/index.md" in entry.values() for entry in config["nav"])
    home = (site / "index.html").read_text(encoding="utf-8")
    footer = home[home.index('<footer class="md-footer">'):]
    assert '<a href="bijdragen/">Gegevens aanpassen</a>' in footer
    assert "Gegevens aanpassen" not in re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', home, re.S).group(0)


def test_every_guide_page_has_the_guide_menu(site):
    for name in PAGES:
        url = "bijdragen" if name == "index" else f"bijdragen/{name}"
        menu = re.search(r'<nav class="sk-gids".*?</nav>', page(site, url), re.S).group(0)
        links = re.findall(r'<a href="([^"]+)"', menu)
        assert len(links) == len(PAGES)
        assert links.count("./") == 1 and 'aria-current="page"' in menu
        for link in links:
            assert (site / url / link / "index.html").resolve().is_file(), link


@pytest.mark.parametrize("name", PAGES)
def test_guide_pages_are_built_small_and_without_leftover_markers(site, name):
    url = "bijdragen" if name == "index" else f"bijdragen/{name}"
    path = site / url / "index.html"
    text = path.read_text(encoding="utf-8")
    assert "<!-- kaart:" not in text
    assert path.stat().st_size < 40_000


def _cell_texts(text: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text))


def test_field_reference_shows_every_field_with_its_description(site):
    velden_page, blokken_page = page(site, "bijdragen/velden"), page(site, "bijdragen/blokken")
    plain = _cell_texts(velden_page + blokken_page)
    for model in [*DOCUMENTED_MODELS.values(), *blocks_in(DOCUMENTED_MODELS.values())]:
        for veld in velden(model):
            assert f"<code>{veld.naam}</code>" in velden_page + blokken_page, f"{model.__name__}.{veld.naam}"
            assert veld.beschrijving in plain, f"{model.__name__}.{veld.naam}"


def test_field_reference_follows_a_changed_model(monkeypatch, site, tmp_path):
    """Proof that the reference is generated: a new description shows up without touching the docs."""
    from generator.models import Voorziening

    field = Voorziening.model_fields["aanmelden"]
    monkeypatch.setattr(field, "description", "Een nieuwe uitleg voor deze test.")
    rebuilt = build_site(MINI_KAART, tmp_path / "site")
    assert "Een nieuwe uitleg voor deze test." in page(rebuilt, "bijdragen/velden")


def test_field_reference_links_resolve(site):
    pages = {"bijdragen/velden": page(site, "bijdragen/velden"), "bijdragen/blokken": page(site, "bijdragen/blokken")}
    ids = {url: set(re.findall(r'id="([^"]+)"', text)) for url, text in pages.items()}
    for url, text in pages.items():
        for target, anchor in re.findall(r'href="([^"#]*)#([^"]+)"', text):
            other = url if not target else {"../blokken/": "bijdragen/blokken", "../velden/": "bijdragen/velden"}.get(target)
            if other is None:
                continue  # links of the theme itself
            assert anchor in ids[other], f"{url}: {target}#{anchor}"


def yaml_blocks(name: str) -> list[str]:
    text = (GUIDE / f"{name}.md").read_text(encoding="utf-8")
    return [textwrap.dedent(block) for block in re.findall(r"```yaml\n(.*?)\n *```", text, re.S)]


def test_worked_opening_hours_example_is_valid():
    checked = 0
    for block in yaml_blocks("github"):
        data = parse_yaml(textwrap.dedent(block), Path("voorbeeld.yaml")).data
        for blok in [data, *data.get("locaties", [])]:
            for key in ("openingstijden", "inloop"):
                if key in blok:
                    Openingstijden.model_validate(blok[key])
                    checked += 1
    assert checked == 6  # before, after, the same under locaties, the inloop example, the monthly and the fortnightly one


def test_every_yaml_example_in_the_guide_is_readable():
    for name in PAGES:
        for block in yaml_blocks(name):
            parse_yaml(textwrap.dedent(block), Path("voorbeeld.yaml"))


@pytest.mark.parametrize("soort", list(RECORD_MODELS))
def test_fill_in_template_page_shows_the_template_of_kaart_nieuw(site, soort):
    text = page(site, f"bijdragen/invulvoorbeeld/{soort}")
    shown = html_lib.unescape(re.search(r'<pre class="sk-template"[^>]*><code[^>]*>(.*?)</code></pre>', text, re.S).group(1))
    assert shown == template_text(soort, PLACEHOLDER, dt.date.today())
    assert '<meta name="robots"' not in text


def test_nieuw_page_links_to_the_fill_in_templates(site):
    text = page(site, "bijdragen/nieuw")
    for soort in ("voorziening", "vindplaats", "clientondersteuner", "ingang"):
        assert f'href="../invulvoorbeeld/{soort}/"' in text


def test_who_to_ask_shows_the_gemeente_from_the_kaart(site):
    text = page(site, "bijdragen/vragen")
    assert "Gemeente Proefgem" in text and 'href="tel:+31523800000"' in text


def test_the_lists_page_holds_every_kern_and_organisation_id(site):
    from generator.validate import load_kaart

    mini, _ = load_kaart(MINI_KAART)  # the kaart this site is built from
    html = page(site, "bijdragen/lijsten")
    for kern_id in mini.kernen:
        assert f"<code>{kern_id}</code>" in html, kern_id
    for organisatie_id in mini.organisaties:
        assert f"<code>{organisatie_id}</code>" in html, organisatie_id


def test_the_guide_names_only_files_that_exist(site):
    """Example files the guide mentions (`…yaml`) exist in the demo kaart, or are made by `kaart nieuw` in the text."""
    from support import DEMO_KAART

    made_by_kaart_nieuw = {"mijn-record.yaml", "koffie-inloop-brummerveen.yaml"}
    for name in PAGES:
        text = (Path(__file__).resolve().parent.parent / "docs" / "bijdragen" / f"{name}.md").read_text(encoding="utf-8")
        for mentioned in set(re.findall(r"`(?:[\w./-]*/)?([a-z0-9-]+\.yaml)`", text)):
            if mentioned in made_by_kaart_nieuw or mentioned in ("gebieden.yaml", "toegestane-nummers.yaml"):
                continue
            assert list(DEMO_KAART.rglob(mentioned)), f"{name}.md names {mentioned}, which is not in the demo kaart"
