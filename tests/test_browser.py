"""Real-browser tests of the demo site in headless Chromium: navigation, crisis numbers, WCAG 2.1 AA."""

from __future__ import annotations

import pytest

from support import axe_violations

pytestmark = pytest.mark.browser

# Every page that must pass axe-core's WCAG 2.1 AA rules. Adding a page is one line.
AXE_PAGES = [
    "/",
    "/themas/geld-en-schulden/",
    "/themas/",
    "/kernen/",
    "/a-z/",
    "/a-z/a/",
    "/contact/",
    "/clientondersteuners/",
    "/zoeken/",
    "/zoeken/?q=schulden",
    "/beheer/rapport/",
    "/beheer/rapport/kernen/",
    "/bijdragen/velden/",
    "/bijdragen/github/",
    "/bijdragen/invulvoorbeeld/voorziening/",
    "/wegwijzer/",
    "/wegwijzer/situatie/",
    "/wegwijzer/uitkomst/meerdere-problemen/",
    "/kcc/",
    "/kcc/belscript/",
    "/kcc/belscript/uitkomsten/",
    "/open-data/",
    "/open-data/profiel/",
    "/voorzieningen/repair-cafe/",  # "Zet in je agenda" and JSON-LD
]


def first_of(demo_site, folder: str) -> str:
    """The URL of the first record page in a folder of the built site (ids differ per kaart)."""
    return "/" + sorted(p.parent.relative_to(demo_site).as_posix() for p in (demo_site / folder).glob("*/index.html"))[0] + "/"


@pytest.mark.parametrize("path", AXE_PAGES)
def test_page_has_no_wcag_violations(browser_page, site_url, path):
    browser_page.goto(site_url + path)
    assert axe_violations(browser_page) == []


@pytest.mark.parametrize("folder", ["voorzieningen", "kernen", "ingangen", "vindplaatsen", "clientondersteuners", "organisaties"])
def test_record_and_kern_pages_have_no_wcag_violations(browser_page, site_url, demo_site, folder):
    browser_page.goto(site_url + first_of(demo_site, folder))
    assert axe_violations(browser_page) == []


def test_theme_tile_leads_to_a_record_with_crisis_numbers(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/")
    assert page.get_by_role("region", name="Direct hulp nodig").is_visible()
    page.get_by_role("link", name="Geld en schulden").first.click()
    page.wait_for_url("**/themas/geld-en-schulden/")
    assert page.locator("h1").inner_text() == "Geld en schulden"
    first_card = page.locator("#voorzieningen ~ .sk-cards .sk-card__title a").first
    name = first_card.inner_text()
    first_card.click()
    page.wait_for_url("**/voorzieningen/**")
    assert page.locator("h1").inner_text() == name
    crisis = page.get_by_role("region", name="Direct hulp nodig")
    assert crisis.is_visible()
    assert "112" in crisis.inner_text() and "0800 2000" in crisis.inner_text()


def test_phone_width_has_no_horizontal_scroll(browser, site_url, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["/", first_of(demo_site, "voorzieningen"), "/kernen/"]:
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert page.get_by_role("region", name="Direct hulp nodig").is_visible()
    context.close()


def test_home_search_field_leads_to_results(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/")
    field = page.get_by_label("Zoek op een woord")
    field.fill("geldzorgen")
    field.press("Enter")
    page.wait_for_url("**/zoeken/?q=geldzorgen")
    page.locator("#sk-resultaten > li").first.wait_for()
    assert page.locator("#sk-resultaten > li").count() > 0


def test_theme_tiles_form_a_grid_on_a_wide_screen(browser_page, site_url):
    browser_page.goto(site_url + "/")
    tops = browser_page.evaluate("[...document.querySelectorAll('.sk-tile')].slice(0, 2).map(t => t.getBoundingClientRect().top)")
    assert tops[0] == tops[1]  # side by side, not one long column (Material's ul styles must not win)


def test_fill_in_template_is_copied_with_one_button(browser_page, site_url):
    """A partner copies the whole template with one click, not by selecting inside a scrolling box; when the
    browser refuses the clipboard, the text is selected and the page says which keys copy it."""
    page = browser_page
    page.goto(site_url + "/bijdragen/invulvoorbeeld/voorziening/")
    template = page.locator("#sk-invulvoorbeeld").text_content()
    assert "VUL IN" in template and template.startswith("# yaml-language-server")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Kopieer alle tekst").click()
    status = page.locator("[data-sk-kopieer-status]")
    status.filter(has_text="Gekopieerd").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == template

    page.context.clear_permissions()
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('geen toestemming')); }")
    page.get_by_role("button", name="Kopieer alle tekst").click()
    status.filter(has_text="geselecteerd").wait_for()
    assert page.evaluate("String(window.getSelection())").strip() == template.strip()


def test_preview_record_page_from_the_guide_works_opened_as_a_file(browser, demo_site):
    """'Wat gebeurt er na je voorstel' tells partners to open their record's page in the unpacked site-voorbeeld:
    opened as a file (no web server), that page must look as on the site. (The site's front page does not:
    its links lead to folders, and search needs a server; the guide used to send partners there.)"""
    import re
    from support import ROOT

    guide = (ROOT / "docs" / "bijdragen" / "na-je-voorstel.md").read_text(encoding="utf-8")
    folder = re.search(r"`((?:voorzieningen|vindplaatsen|ingangen)/[a-z0-9-]+/)`", guide).group(1)
    assert "open `index.html` in je browser" not in guide
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((demo_site / folder / "index.html").as_uri())
    banner = page.evaluate("getComputedStyle(document.querySelector('.md-banner')).backgroundColor")
    assert banner == "rgb(92, 14, 26)"  # kaart.css is loaded: the crisis bar has its dark red
    assert page.locator("h1").is_visible() and "tel:112" in page.content()
    context.close()
    assert errors == []
