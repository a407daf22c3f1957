"""The built site: a page per record with the expected facts, sanitised partner text, size and speed limits."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from support import build_site
from generator.fields import format_phone
from generator.vocabulary import SOORTEN, THEMAS

MAX_PAGE_BYTES = 40 * 1024


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_record_has_a_page(demo, demo_site):
    for soort, records in demo.records.items():
        for record_id, record in records.items():
            page = html(demo_site, f"{SOORTEN[soort][0]}/{record_id}")
            assert f"<h1>{escape(record.naam)}</h1>" in page, record_id


def test_voorziening_page_shows_the_facts(demo, demo_site):
    for voorziening in demo.voorzieningen.values():
        page = html(demo_site, f"voorzieningen/{voorziening.id}")
        assert "Wat kost het?" in page and "Hoe kom je erbij?" in page and "Laatst gecontroleerd op" in page
        if voorziening.contact.telefoon:
            assert f'href="tel:{voorziening.contact.telefoon}"' in page
            assert format_phone(voorziening.contact.telefoon) in page
        for thema in voorziening.themas:
            assert THEMAS[thema] in page
        for locatie in voorziening.locaties:
            assert locatie.adres.straat.replace("'", "&#39;") in page


def test_a_whole_gemeente_is_named_in_plain_dutch(demo_site):
    """Cards and record pages said 'heel Gemeente Egelstede'; residents read 'de hele gemeente Egelstede'."""
    page = html(demo_site, "voorzieningen/begeleiding-thuis")  # werkgebied: [egelstede]
    assert "Voor inwoners van: de hele gemeente Egelstede" in re.sub(r"<[^>]+>", "", page)
    assert "heel Gemeente" not in page
    assert "de hele gemeente Wolderbeek" in html(demo_site, "themas/geld-en-schulden")
    index = (demo_site / "zoeken" / "zoekindex.json").read_text(encoding="utf-8")  # the search cards say it too (zoeken.js)
    assert "de hele gemeente Egelstede" in index and "heel Gemeente" not in index


def test_monthly_hours_are_shown_as_monthly(demo, demo_site):
    """Walk-in hours only on some weekdays of the month: the page says so, and "nu open" gets the rule."""
    page = html(demo_site, "voorzieningen/scheidingsspreekuur")
    assert "<li>Elke eerste maandag van de maand 19.00–20.30 uur</li>" in page
    assert "<li>ma 19.00–20.30 uur</li>" not in page
    assert '"in_de_maand":[1]' in page
    assert "<li>Elke laatste dinsdag van de maand 14.00–16.00 uur</li>" in html(demo_site, "voorzieningen/mantelzorgcafe-hazenkamp")
    repair = html(demo_site, "voorzieningen/repair-cafe")
    assert repair.count("<li>Elke eerste zaterdag van de maand") == 2 and '"in_de_maand":[1]' in repair


def test_fortnightly_hours_are_shown_as_fortnightly(demo_site):
    """Hours every other week: the page names the weeks, and "nu open" gets the rule."""
    page = html(demo_site, "voorzieningen/lotgenotengroep-angst")
    assert "<li>Maandag in oneven weken 19.30–21.00 uur</li>" in page
    assert "<li>ma 19.30–21.00 uur</li>" not in page
    assert '"weken":"oneven"' in page


def test_theme_kern_and_overview_pages_exist(demo, demo_site):
    for thema in THEMAS:
        assert "Voorzieningen (" in html(demo_site, f"themas/{thema}")
    for kern_id, kern in demo.kernen.items():
        page = html(demo_site, f"kernen/{kern_id}")
        team = demo.sociaal_team_voor(kern_id)
        assert team.naam in page and format_phone(team.contact.telefoon) in page
    for url in ("a-z", "contact", "themas", "kernen", "organisaties", "clientondersteuners"):
        assert (demo_site / url / "index.html").is_file()


def test_a_z_letter_pages_list_every_record_once(demo, demo_site):
    listed = []
    for letter_page in (demo_site / "a-z").glob("*/index.html"):
        listed += re.findall(r'<li><a href="\.\./\.\./([a-z]+/[a-z0-9-]+)/">', letter_page.read_text(encoding="utf-8"))
    expected = [f"{SOORTEN[soort][0]}/{record_id}" for soort, records in demo.records.items() if soort != "organisatie" for record_id in records]
    assert sorted(listed) == sorted(expected)
    assert 'href="../a-z/b/"' not in html(demo_site, "a-z") and 'href="b/"' in html(demo_site, "a-z")


def test_kern_page_lists_each_wider_voorziening_once(demo, demo_site):
    page = html(demo_site, "kernen/rosmarke")
    wider = page.split('id="ook-voor"')[1]
    links = re.findall(r'href="(\.\./\.\./voorzieningen/[^"]+)"', wider)
    assert links and len(links) == len(set(links))


def test_home_has_themes_contact_and_crisis_numbers(demo_site):
    page = (demo_site / "index.html").read_text(encoding="utf-8")
    assert all(f'href="themas/{thema}/"' in page for thema in THEMAS)
    assert "sk-contact-gebieden" in page
    assert 'href="tel:112"' in page and "0800 2000" in page and "113" in page


def test_every_page_has_crisis_numbers_demo_notice_and_stays_small(demo_site):
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 200
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert 'href="tel:112"' in text and "Veilig Thuis" in text, path
        assert "voorbeeldgegevens" in text, path
        assert path.stat().st_size <= MAX_PAGE_BYTES, f"{path} is {path.stat().st_size} bytes"


ENGLISH_LABELS = re.compile(r'aria-label="(Header|Footer|Navigation|Table of contents|Skip to content|Search|Share|Clear|Back to top)"')


def test_landmarks_and_buttons_are_named_in_dutch(demo_site):
    """A screen reader reads the aria-labels aloud: Material's Dutch translation still says "Header"."""
    for path in ["index.html", "zoeken/index.html", "contact/index.html", "404.html", "kcc/index.html"]:
        text = (demo_site / path).read_text(encoding="utf-8")
        assert not ENGLISH_LABELS.search(text), (path, ENGLISH_LABELS.search(text).group(0))
        assert '<nav class="md-header__inner md-grid" aria-label="Bovenbalk">' in text, path


def test_no_third_party_resources(demo_site):
    outside = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', re.I)
    # A canonical link names the site's own public address (mkdocs.yml site_url); browsers never fetch it.
    own_canonical = re.compile(r'<link rel="canonical" href="https://sociale-kaart\.example/[^"]*">')
    for path in demo_site.rglob("*.html"):
        text = own_canonical.sub("", path.read_text(encoding="utf-8"))
        assert not outside.search(text), path
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path


def test_record_pages_are_not_in_the_navigation(demo_site):
    page = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "voorzieningen/" not in re.sub(r"(?s).*<nav class=\"md-nav md-nav--primary\"", "", page).split("</nav>")[0]


def test_partner_html_is_refused_at_check_and_never_becomes_script(mini_kaart):
    from generator.build.sanitize import safe_markdown
    from generator.validate import load_kaart

    hostile = "<script>alert('x')</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>\n<a href=\"javascript:alert(2)\">b</a>"
    path = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    text = path.read_text(encoding="utf-8").replace("  Neem je brieven mee.", "  " + hostile.replace("\n", "\n  ") + "\n  Neem je brieven mee.")
    path.write_text(text, encoding="utf-8")
    messages = " ".join(problem.message for problem in load_kaart(mini_kaart)[1])
    assert "HTML-code" in messages and "'javascript:'" in messages
    page = safe_markdown(hostile)  # what the build would make of it, had the check been skipped
    assert "<script" not in page and "href=\"javascript" not in page and "<img" not in page


def test_outdated_record_warns_residents(mini_kaart, tmp_path):
    site = build_site(mini_kaart, tmp_path / "site")
    assert "misschien niet meer actueel" in html(site, "voorzieningen/maaltijdservice")
    assert "misschien niet meer actueel" not in html(site, "voorzieningen/formulierenhulp")


def test_broken_kaart_fails_the_build_with_file_and_line(mini_kaart, tmp_path, capsys):
    from generator.cli import main

    path = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("toegang: vrij", "toegang: open"), encoding="utf-8")
    assert main(["build", "--kaart", str(mini_kaart), "--site", str(tmp_path / "site")]) == 1
    err = capsys.readouterr()
    assert "formulierenhulp.yaml:" in err.err + err.out and "Traceback" not in err.err + err.out


def test_one_stylesheet_of_our_own_per_page_holding_every_css_file(demo_site):
    page = (demo_site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="(assets/kaart/[^"]+\.css)"', page) == ["assets/kaart/kaart.css"]
    bundle = (demo_site / "assets" / "kaart" / "kaart.css").read_text(encoding="utf-8")
    for css in sorted((Path(__file__).parent.parent / "generator" / "assets" / "css").glob("*.css")):
        assert f"/* {css.name} */\n" + css.read_text(encoding="utf-8") in bundle


_HEADING_RE = re.compile(r"<(h[1-4])\b[^>]*>(.*?)</\1>|<a class=\"sk-ww-hulplijn\"[^>]*>(.*?)</a>", re.S)


def test_no_built_heading_or_help_line_says_a_word_twice(demo_site):
    """A name pasted into a template or title that already holds it ('113 Zelfmoordpreventie Zelfmoordpreventie',
    the card '113 113 Zelfmoordpreventie'): every heading and every crisis-line card of the built demo site."""
    from generator.fields import doubled_words

    doubled, checked = [], 0
    for page in demo_site.rglob("*.html"):
        for match in _HEADING_RE.finditer(page.read_text(encoding="utf-8")):
            text = re.sub(r"<[^>]+>", " ", match.group(2) or match.group(3))
            checked += 1
            if doubled_words(text):
                doubled.append((str(page.relative_to(demo_site)), " ".join(text.split())))
    assert checked > 1000
    assert doubled == []
