"""The search in headless Chromium on the demo site: header field, search page, filters, URL state,
keyboard, screen reader announcements, lazy loading and the fallback without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from support import axe_violations

pytestmark = pytest.mark.browser


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def wait_for_results(page):
    page.wait_for_function("document.querySelectorAll('#sk-resultaten > li').length > 0 || !document.getElementById('sk-geen').hidden")


def status(page) -> str:
    page.wait_for_function("/resulta|Geen/.test(document.getElementById('sk-status').textContent)")
    return page.locator("#sk-status").inner_text()


def test_other_pages_do_not_load_the_index_until_the_field_is_used(browser_page, site_url):
    page = browser_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/themas/")  # the home page shows its own big field instead of the header's
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "zoekindex" in url or "/lunr/" in url]
    page.locator("#sk-zoekveld-q").focus()
    page.wait_for_function("window.SocialeKaartZoek.isReady()")
    assert [url for url in requested if url.endswith("/zoeken/zoekindex.json")]
    assert [url for url in requested if url.endswith("/assets/kaart/lunr/lunr.nl.js")]


def test_typing_in_the_header_field_shows_the_first_results(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/themas/")
    field = page.get_by_role("searchbox", name="Zoek hulp of informatie")
    field.click()
    field.press_sequentially("geldzorgen", delay=20)
    panel = page.locator("#sk-zoekveld-paneel")
    panel.wait_for(state="visible")
    links = panel.locator(".sk-zoekveld__hit")
    assert 1 <= links.count() <= 5
    assert "/voorzieningen/" in links.first.get_attribute("href") or "/ingangen/" in links.first.get_attribute("href")
    assert re.match(r"Alle \d+ resultaten bekijken", panel.locator(".sk-zoekveld__alle").inner_text())
    page.wait_for_function("/\\d+ resulta/.test(document.getElementById('sk-zoekveld-status').textContent)")
    assert page.locator("#sk-zoekveld-status").get_attribute("aria-live") == "polite"
    assert axe_violations(page) == []


def test_a_page_kept_open_across_a_rebuild_still_finds_results(browser_page, site_url, demo_site):
    """The shards of the build a page loaded are gone after a rebuild (their folder is named by a hash of the
    data): the search fetches the manifest again and goes on with the new build instead of failing."""
    import json

    page = browser_page
    page.goto(site_url + "/themas/")
    field = page.get_by_role("searchbox", name="Zoek hulp of informatie")
    field.focus()
    page.wait_for_function("window.SocialeKaartZoek.isReady()")
    manifest = json.loads((demo_site / "zoeken" / "zoekindex.json").read_text(encoding="utf-8"))
    old = manifest["delen"]["map"]
    new = "nieuw" + old[:6]
    manifest["delen"]["map"] = new
    page.route("**/zoeken/zoekindex.json", lambda route: route.fulfill(body=json.dumps(manifest), content_type="application/json"))
    page.route(f"**/zoeken/{old}/*", lambda route: route.fulfill(status=404, body="weg"))
    served: list[str] = []
    def serve_new(route):
        name = route.request.url.rsplit("/", 1)[1]
        served.append(name)
        route.fulfill(body=(demo_site / "zoeken" / old / name).read_bytes(), content_type="application/json")
    page.route(f"**/zoeken/{new}/*", serve_new)
    field.press_sequentially("geldzorgen", delay=20)
    panel = page.locator("#sk-zoekveld-paneel")
    panel.wait_for(state="visible")
    page.wait_for_function("document.querySelectorAll('#sk-zoekveld-paneel .sk-zoekveld__hit').length > 0")
    assert served, "the new build's shards were used"
    assert "lukt nu niet" not in panel.inner_text()


def test_keyboard_in_the_header_field(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/themas/")  # the home page shows its own big field instead of the header's
    field = page.locator("#sk-zoekveld-q")
    field.focus()
    page.keyboard.type("voedselbank")
    page.locator("#sk-zoekveld-paneel").wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    first = page.locator(".sk-zoekveld__hit").first
    assert page.evaluate("document.activeElement.classList.contains('sk-zoekveld__hit')")
    assert page.evaluate("document.activeElement.href") == first.evaluate("a => a.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == page.locator(".sk-zoekveld__hit").nth(1).evaluate("a => a.href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "sk-zoekveld-q"
    page.keyboard.press("Escape")
    assert page.locator("#sk-zoekveld-paneel").is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=voedselbank")
    wait_for_results(page)
    assert "Voedselbank" in page.locator("#sk-resultaten > li").first.inner_text()


def test_enter_on_a_result_opens_it(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/themas/")  # the home page shows its own big field instead of the header's
    page.locator("#sk-zoekveld-q").focus()
    page.keyboard.type("rolstoel")
    page.locator("#sk-zoekveld-paneel").wait_for(state="visible")
    # the results come after the query's shards (async): wait until they are drawn for the whole word
    page.wait_for_function("document.querySelectorAll('#sk-zoekveld-paneel .sk-zoekveld__hit').length > 0 && "
                           "/\\d+ resulta/.test(document.getElementById('sk-zoekveld-status').textContent)")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/voorzieningen/**")
    assert page.locator("h1").inner_text()


def test_a_click_on_a_result_opens_it_and_a_click_elsewhere_closes_the_results(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/themas/")  # the home page shows its own big field instead of the header's
    page.locator("#sk-zoekveld-q").click()
    page.keyboard.type("dementie")
    panel = page.locator("#sk-zoekveld-paneel")
    panel.wait_for(state="visible")
    page.locator(".md-footer p").last.click()  # plain text outside the panel (the panel may cover the h1)
    panel.wait_for(state="hidden")
    page.locator("#sk-zoekveld-q").click()
    page.keyboard.type(" ")
    panel.wait_for(state="visible")
    target = page.locator(".sk-zoekveld__hit").nth(1)
    href = target.evaluate("a => a.href")
    target.click()
    page.wait_for_url(href)


def test_search_page_shows_cards_and_announces_the_count(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=schulden")
    wait_for_results(page)
    assert re.match(r"\d+ resultaten voor ‘schulden’\.", status(page))
    live = page.locator("#sk-status")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    card = page.locator("#sk-resultaten > li").first
    assert card.locator("h2 a").get_attribute("href")
    assert card.locator(".sk-card__summary").inner_text()
    assert page.locator("#sk-resultaten .sk-badge--gratis").count() > 0
    assert page.locator("#sk-resultaten .sk-card__where").count() > 0
    assert page.locator("#sk-q").input_value() == "schulden"
    assert page.locator("#sk-zoekveld-q").input_value() == "schulden"


def test_filters_change_the_results_and_the_url(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=hulp")
    wait_for_results(page)
    all_count = page.evaluate("window.SocialeKaartZoek.zoek('hulp', {}).then(h => h.length)")
    page.locator("#sk-filters summary").click()
    page.get_by_label("Gratis").check()
    page.wait_for_function("location.search.includes('gratis=ja')")
    page.get_by_label("Thema").select_option("mantelzorg")
    page.wait_for_function("location.search.includes('thema=mantelzorg')")
    for _ in range(50):  # the URL changes before the list is redrawn: wait for the filtered status
        if "met de gekozen filters" in status(page):
            break
        page.wait_for_timeout(100)
    count = int(re.match(r"(\d+)", status(page)).group(1))
    assert 0 < count < all_count
    # read the cards in one go: counting them and then reading each raced a redraw in CI
    metas = page.evaluate("[...document.querySelectorAll('#sk-resultaten > li .sk-card__meta')].slice(0, 10).map(e => e.innerText)")
    assert metas
    for meta in metas:
        assert "Gratis" in meta and "Mantelzorg" in meta, meta
    assert params(page) == {"q": ["hulp"], "thema": ["mantelzorg"], "gratis": ["ja"]}
    assert "met de gekozen filters" in status(page)


def test_age_and_kern_filters(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=hulp&leeftijd=16&kern=brummerveen")
    wait_for_results(page)
    assert page.locator("#sk-leeftijd").input_value() == "16"
    assert page.locator("#sk-kern").input_value() == "brummerveen"
    shown = page.evaluate("window.SocialeKaartZoek.zoek('hulp', {leeftijd: 16, kern: 'brummerveen'}).then(hits => hits.map(h => h.id))")
    unfiltered = page.evaluate("window.SocialeKaartZoek.zoek('hulp', {}).then(hits => hits.map(h => h.id))")
    assert shown and len(shown) < len(unfiltered)
    ages = page.evaluate("window.SocialeKaartZoek.zoek('hulp', {leeftijd: 16}).then(hits => hits.map(h => h.leeftijd || [null, null]))")
    assert all((van is None or van <= 16) and (tot is None or 16 < tot) for van, tot in ages)


def test_reload_and_back_button_restore_query_and_filters(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=eenzaam&vrij=ja")
    wait_for_results(page)
    first_state = page.locator("#sk-resultaten > li").first.inner_text()
    page.locator("#sk-filters summary").is_visible()
    page.get_by_label("Thema").select_option("meedoen-en-ontmoeten")
    page.wait_for_function("location.search.includes('thema=')")
    page.locator("#sk-q").fill("koffie")
    page.locator("#sk-q").press("Enter")
    page.wait_for_function("location.search.includes('q=koffie')")
    page.reload()
    wait_for_results(page)
    assert page.locator("#sk-q").input_value() == "koffie"
    assert page.locator("#sk-thema").input_value() == "meedoen-en-ontmoeten"
    assert page.locator("#sk-vrij").is_checked()
    page.go_back()
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'eenzaam'")
    page.wait_for_function("document.getElementById('sk-q').value === 'eenzaam'")
    assert page.locator("#sk-thema").input_value() == "meedoen-en-ontmoeten"
    page.go_back()
    page.wait_for_function("!location.search.includes('thema=')")
    page.wait_for_function("document.getElementById('sk-thema').value === ''")
    assert page.locator("#sk-q").input_value() == "eenzaam"
    assert page.locator("#sk-resultaten > li").first.inner_text() == first_state


def test_typing_a_query_adds_one_history_entry_not_one_per_letter(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/")
    length = page.evaluate("history.length")
    page.locator("#sk-q").press_sequentially("mantelzorg", delay=10)
    page.wait_for_function("location.search === '?q=mantelzorg'")
    wait_for_results(page)
    assert page.evaluate("history.length") == length + 1
    page.go_back()
    page.wait_for_function("location.search === ''")
    page.wait_for_function("document.getElementById('sk-q').value === ''")
    assert page.locator("#sk-resultaten > li").count() == 0


def test_keyboard_only_on_the_search_page(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/")
    page.locator("#sk-q").focus()
    page.keyboard.type("taalcursus")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search === '?q=taalcursus'")
    wait_for_results(page)
    page.keyboard.press("Tab")  # the Zoeken button
    page.keyboard.press("Tab")  # the filters summary
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sk-thema"
    page.keyboard.press("ArrowDown")  # changes a closed <select> in Chromium
    page.wait_for_function("location.search.includes('thema=')")
    assert status(page)


def test_empty_result_is_never_a_dead_end(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=xqzzyv&gratis=ja")
    geen = page.locator("#sk-geen")
    geen.wait_for(state="visible")
    assert status(page).startswith("Geen resultaten voor ‘xqzzyv’")
    hrefs = [a.get_attribute("href") for a in geen.locator("a").all()]
    assert any(h.endswith("wegwijzer/") for h in hrefs) and any(h.endswith("contact/") for h in hrefs)
    assert page.locator(".sk-themalijst a").count() == 13
    page.get_by_role("button", name="Zoek zonder filters").click()
    page.wait_for_function("!location.search.includes('gratis')")
    assert not page.locator("#sk-gratis").is_checked()


def test_without_javascript_the_search_still_leads_somewhere(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + "/themas/")  # the home page shows its own big field instead of the header's
    page.locator("#sk-zoekveld-q").fill("schulden")
    page.locator("#sk-zoekveld-q").press("Enter")
    page.wait_for_url("**/zoeken/?q=schulden")
    notice = page.locator(".sk-zoekpagina noscript .admonition-title")  # the text engine skips <noscript>
    assert notice.is_visible() and notice.inner_text() == "Zoeken werkt met JavaScript"
    assert page.locator("#sk-zoekform").is_hidden()
    assert page.get_by_role("link", name="lijst van A tot Z").first.is_visible()
    assert page.locator(".sk-themalijst a").count() == 13
    page.get_by_role("link", name="Geld en schulden").click()
    page.wait_for_url("**/themas/geld-en-schulden/")
    context.close()


def test_search_page_at_phone_width(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + "/zoeken/?q=schulden")
    page.wait_for_function("document.querySelectorAll('#sk-resultaten > li').length > 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("#sk-q").is_visible() and page.locator("#sk-zoekveld-q").is_hidden()  # one search field
    context.close()


@pytest.mark.parametrize("path", ["/zoeken/?q=schulden&gratis=ja", "/zoeken/?q=xqzzyv"])
def test_search_page_with_results_or_none_has_no_wcag_violations(browser_page, site_url, path):
    page = browser_page
    page.goto(site_url + path)
    wait_for_results(page)
    status(page)
    assert axe_violations(page) == []
