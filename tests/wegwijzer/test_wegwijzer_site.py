"""The built demo site: the wegwijzer pages exist, stay small, and work as plain links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

MAX_BYTES = 40 * 1024


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def article(html: str) -> str:
    start = html.index('<article class="sk-ww')
    return html[start:html.index("</article>", start)]


def links_in(html: str) -> list[str]:
    parser = Links()
    parser.feed(article(html))
    return parser.hrefs


def resolves(site: Path, page_url: str, href: str) -> bool:
    target = urljoin(page_url, href).split("#")[0]
    return (site / target.lstrip("/") / "index.html").is_file() if target.endswith("/") else (site / target.lstrip("/")).is_file()


def wegwijzer_pages(site: Path) -> list[Path]:
    return sorted((site / "wegwijzer").rglob("index.html"))


def test_every_wegwijzer_page_is_built_and_under_40_kb(demo_site, demo_wegwijzer):
    pages = wegwijzer_pages(demo_site)
    assert len(pages) == 1 + len(demo_wegwijzer.vragen) + len(demo_wegwijzer.uitkomsten) + 2
    too_big = {p.relative_to(demo_site).as_posix(): p.stat().st_size for p in pages if p.stat().st_size >= MAX_BYTES}
    assert too_big == {}


def test_every_answer_is_a_plain_link_to_the_next_page(demo_site, demo_wegwijzer):
    for vraag in demo_wegwijzer.vragen.values():
        url = f"/wegwijzer/{vraag.id}/"
        html = (demo_site / "wegwijzer" / vraag.id / "index.html").read_text(encoding="utf-8")
        answers = re.findall(r'<a class="sk-ww-antwoord" href="([^"]+)" data-ww-antwoord="([^"]+)"', html)
        assert [a for _, a in answers] == [a.id for a in vraag.antwoorden]
        for href, antwoord_id in answers:
            antwoord = next(a for a in vraag.antwoorden if a.id == antwoord_id)
            expected = f"/wegwijzer/{antwoord.vraag}/" if antwoord.vraag else f"/wegwijzer/uitkomst/{antwoord.uitkomst}/"
            assert urljoin(url, href) == expected


def test_every_link_in_the_wegwijzer_resolves(demo_site):
    for page in wegwijzer_pages(demo_site):
        url = "/" + page.parent.relative_to(demo_site).as_posix() + "/"
        html = page.read_text(encoding="utf-8")
        broken = [h for h in links_in(html) if not h.startswith(("tel:", "mailto:", "http", "#")) and not resolves(demo_site, url, h)]
        assert broken == [], url


def test_previous_question_is_a_plain_link_when_unambiguous(demo_site):
    html = (demo_site / "wegwijzer" / "geld" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../leefgebied/" data-ww-vorige>Vorige vraag</a>' in html
    ambiguous = (demo_site / "wegwijzer" / "mantelzorg" / "index.html").read_text(encoding="utf-8")
    assert "<li data-ww-vorige-js hidden>" in ambiguous
    assert 'href="../gevaar/" data-ww-opnieuw>Opnieuw beginnen' in ambiguous


def test_sociaal_team_outcome_lists_every_team_with_its_kernen(demo_site, demo_kaart):
    html = (demo_site / "wegwijzer" / "uitkomst" / "meerdere-problemen" / "index.html").read_text(encoding="utf-8")
    teams = re.findall(r'<section class="sk-ww-team" data-kernen="([^"]+)"', html)
    assert len(teams) == len(demo_kaart.kernen_per_team()) == 5  # four in Egelstede, one in Wolderbeek
    assert sorted(k for team in teams for k in team.split()) == sorted(demo_kaart.kernen)
    for team in teams:
        kern = team.split()[0]
        assert re.search(rf'<section class="sk-ww-team" data-kernen="{team}" data-ww-team>\n<h3><a href="[^"]*ingangen/{demo_kaart.sociaal_team_voor(kern).id}/"', html)
    assert "onafhankelijke cliëntondersteuner" in html
    # the kern chooser is there from the first paint and hidden only without JavaScript
    assert "<noscript><style>.sk-ww-kernkeuze" in html and not re.search(r"data-ww-kernkeuze[^>]* hidden", html)


def test_crisis_outcome_shows_the_numbers_first(demo_site):
    html = article((demo_site / "wegwijzer" / "uitkomst" / "crisis-geweld" / "index.html").read_text(encoding="utf-8"))
    assert html.index('href="tel:112"') < html.index("sk-ww-advies")
    assert 'href="tel:+318002000"' in html or 'href="tel:08002000"' in html or "0800 2000" in html
    assert "Hier kun je terecht" not in html


def test_named_ingang_outcome_has_phone_hours_and_what_happens(demo_site):
    html = article((demo_site / "wegwijzer" / "uitkomst" / "schulden" / "index.html").read_text(encoding="utf-8"))
    assert "Schuldhulpverlening gemeente Egelstede" in html and "0523 800 290" in html
    assert "Telefonisch bereikbaar" in html and "Wat gebeurt er als je contact opneemt?" in html


def test_outcome_shows_at_most_ten_voorzieningen_and_links_to_the_theme(demo_site):
    html = article((demo_site / "wegwijzer" / "uitkomst" / "eenzaam" / "index.html").read_text(encoding="utf-8"))
    cards = re.findall(r'<li class="sk-card"[^>]*>', html)
    shown = [card for card in cards if " hidden" not in card]
    assert 1 <= len(shown) <= 6 < len(cards)  # the rest waits for the kern choice (wegwijzer.js) or behind "meer"
    assert 'href="../../../themas/meedoen-en-ontmoeten/"' in html


def test_schema_shows_every_question_and_the_paths_page_every_path(demo_site, demo_wegwijzer):
    schema = (demo_site / "wegwijzer" / "schema" / "index.html").read_text(encoding="utf-8")
    for vraag_id in demo_wegwijzer.vragen:
        assert f'id="vraag-{vraag_id}"' in schema
    assert "<script" not in article(schema) and "mermaid" not in schema.lower()
    paden = article((demo_site / "wegwijzer" / "schema" / "paden" / "index.html").read_text(encoding="utf-8"))
    assert paden.count("gevaar: ") == len(demo_wegwijzer.paden())


def test_wegwijzer_is_in_the_nav_after_home_and_on_the_home_page(demo_site):
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    nav = [href for href in re.findall(r'<a href="([^"]+)" class="md-nav__link', home) if not href.startswith("#")]
    assert nav[:3] == [".", "wegwijzer/", "themas/"]
    assert 'class="md-button md-button--primary sk-wegwijzerknop" href="wegwijzer/"' in home
