"""The safety net in headless Chromium on the demo site: the box above all results on the search
page, in the header's results and on /kcc/; the quick-exit event for violence lines; and the way on
when nothing is found ("Bedoelde je", the gemeente's number)."""

from __future__ import annotations

import pytest

from support import axe_violations

pytestmark = pytest.mark.browser

LISTEN_FOR_QUICK_EXIT = """window.__snelWeg = [];
document.addEventListener('sociale-kaart:snel-weg', (e) => window.__snelWeg.push(e.detail.lijnen.join(' ')));"""


def box_comes_before(page, box: str, other: str) -> bool:
    return page.evaluate("([a, b]) => !!(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING)", [box, other])


def test_the_search_page_shows_the_crisis_line_above_all_results(browser_page, site_url):
    page = browser_page
    page.add_init_script(LISTEN_FOR_QUICK_EXIT)
    page.goto(site_url + "/zoeken/?q=" + "ik wil echt niet meer leven")
    box = page.locator("#sk-zoekpagina .sk-vangnet")
    box.wait_for(state="visible")
    page.wait_for_function("document.querySelectorAll('#sk-resultaten > li').length > 0")
    assert box_comes_before(page, "#sk-zoekpagina .sk-vangnet", "#sk-resultaten")
    assert "113 Zelfmoordpreventie" in box.inner_text()
    call = box.get_by_role("link", name="Bel 113")
    assert call.get_attribute("href") == "tel:113"
    assert "dag en nacht" in box.inner_text()
    assert box.get_attribute("data-snel-weg") is None and page.evaluate("window.__snelWeg") == []
    assert not page.locator("#sk-resultaten a[href$='/ingangen/113-zelfmoordpreventie/']").count()  # in the box, not a result
    # then the help that goes with the box (vangnet.yaml `daarna`), not word matches: no kern chosen, so every team
    first = page.evaluate("[...document.querySelectorAll('#sk-resultaten > li .sk-card__title a')].map(a => a.getAttribute('href')).slice(0, 4)")
    assert [href.rstrip("/").rsplit("/", 1)[1] for href in first] == ["de-luisterlijn", "huisartsenpost-egelland", "sociaal-team-noord", "sociaal-team-oost"], first
    assert "113" in page.locator("#sk-status").inner_text()
    assert axe_violations(page) == []


def test_filters_never_hide_the_box(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=mijn+man+slaat+me&thema=taal-en-digitaal&kern=rosmarke")
    page.locator("#sk-zoekpagina .sk-vangnet").wait_for(state="visible")
    assert "Veilig Thuis" in page.locator("#sk-zoekpagina .sk-vangnet").inner_text()


def test_a_violence_line_marks_the_box_and_asks_for_the_quick_exit_once(browser_page, site_url):
    page = browser_page
    page.add_init_script(LISTEN_FOR_QUICK_EXIT)
    page.goto(site_url + "/zoeken/")
    field = page.locator("#sk-q")
    field.wait_for(state="visible")
    field.press_sequentially("mijn vriend slaat me", delay=15)
    box = page.locator("#sk-zoekpagina .sk-vangnet")
    box.wait_for(state="visible")
    assert box.get_attribute("data-snel-weg") == "veilig-thuis"
    assert box.get_by_role("link", name="Bel 0800 2000").get_attribute("href") == "tel:+318002000"
    field.press_sequentially(" echt", delay=15)  # typing on: the same box, no second event
    page.wait_for_timeout(200)
    assert page.evaluate("window.__snelWeg") == ["veilig-thuis"]
    field.fill("huiselijke hulp")
    field.dispatch_event("input")
    page.wait_for_function("!document.querySelector('#sk-zoekpagina .sk-vangnet')")


def test_the_header_results_show_the_box_first(browser_page, site_url):
    page = browser_page
    page.add_init_script(LISTEN_FOR_QUICK_EXIT)
    page.goto(site_url + "/themas/")
    field = page.get_by_role("searchbox", name="Zoek hulp of informatie")
    field.click()
    field.press_sequentially("huiselijk geweld", delay=15)
    panel = page.locator("#sk-zoekveld-paneel")
    panel.locator(".sk-vangnet").wait_for(state="visible")
    assert box_comes_before(page, "#sk-zoekveld-paneel .sk-vangnet", "#sk-zoekveld-paneel .sk-zoekveld__lijst")
    assert panel.locator(".sk-vangnet").get_attribute("data-snel-weg") == "veilig-thuis"
    page.wait_for_function("window.__snelWeg.length === 1")


def test_the_phone_desk_sees_the_crisis_line_labelled_spoed(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/kcc/")
    field = page.locator("#kcc-q")
    field.wait_for(state="visible")
    field.press_sequentially("beller zegt dat hij zelfmoord wil plegen", delay=10)
    box = page.locator(".sk-kcc .sk-vangnet")
    box.wait_for(state="visible")
    assert "Spoed" in box.text_content() and "113 Zelfmoordpreventie" in box.text_content()
    assert box_comes_before(page, ".sk-kcc .sk-vangnet", "#kcc-rijen")
    assert box.get_by_role("link", name="Bel 113").get_attribute("href") == "tel:113"
    page.wait_for_function("document.querySelectorAll('#kcc-rijen .sk-kcc-rij__naam').length >= 2")
    rows = page.locator("#kcc-rijen .sk-kcc-rij__naam").all_inner_texts()
    assert rows[:2] == ["De Luisterlijn", "Huisartsenpost Egelland"], rows[:4]  # the help after 113, not word matches


def general_numbers_shown(page, url: str) -> list[str]:
    page.goto(url)
    none = page.locator("#sk-geen")
    none.wait_for(state="visible")
    text = none.inner_text()
    assert "wegwijzer" in text and "thema" in text
    links = none.locator("#sk-geen-kcc a")
    assert all(link.get_attribute("href") == "tel:" + link.inner_text().replace(" ", "") for link in links.all())
    return links.all_inner_texts()


def test_nothing_found_is_never_a_dead_end_and_names_the_residents_own_gemeente(browser_page, site_url, demo):
    """Without a kern every gemeente's general number; with a kern (filter or chosen on the device) only that of
    the kern's gemeente: a Wolderbeek resident was sent to Egelstede's desk."""
    from generator.fields import format_phone

    page = browser_page
    numbers = {gemeente.id: format_phone(kcc.contact.telefoon) for gemeente, kcc in demo.kcc_per_gemeente()}
    assert len(set(numbers.values())) == 2
    assert general_numbers_shown(page, site_url + "/zoeken/?q=xqzzyv") == list(numbers.values())
    for kern in ("stroetinge", "teutloo"):
        own = [numbers[demo.gemeente_van_kern[kern].id]]
        assert general_numbers_shown(page, site_url + f"/zoeken/?q=xqzzyv&kern={kern}") == own
        page.evaluate("kern => localStorage.setItem('sociale-kaart-kern', kern)", kern)
        assert general_numbers_shown(page, site_url + "/zoeken/?q=xqzzyv") == own
        page.evaluate("localStorage.removeItem('sociale-kaart-kern')")


def test_a_typo_gets_did_you_mean(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/zoeken/?q=mantelzrog")
    suggestion = page.locator("#sk-bedoel")
    suggestion.wait_for(state="visible")
    assert suggestion.inner_text() == "Bedoelde je mantelzorg?"
    suggestion.get_by_role("button", name="mantelzorg").click()
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'mantelzorg'")
    assert page.locator("#sk-q").input_value() == "mantelzorg"


def shard_or_chunk(url: str) -> bool:
    """A term shard or card chunk of the split index (shards.py): zoeken/<map>/t<n>.json, k<n>.json."""
    parts = url.split("?")[0].split("/")
    return len(parts) >= 3 and parts[-3] == "zoeken" and parts[-1][:1] in "tk" and parts[-1].endswith(".json")


@pytest.mark.parametrize("where", ["page", "header", "kcc"])
def test_the_crisis_box_never_waits_for_a_shard(browser_page, site_url, where):
    """The safety net comes from the manifest alone: with every term shard and card chunk failing,
    the box still shows on the search page, in the header's results and on /kcc/."""
    page = browser_page
    blocked: list[str] = []
    page.route(lambda url: shard_or_chunk(url), lambda route: (blocked.append(route.request.url), route.abort()))
    query = "ik wil niet meer leven"
    if where == "page":
        page.goto(site_url + "/zoeken/?q=" + query)
        box = page.locator("#sk-zoekpagina .sk-vangnet")
    elif where == "header":
        page.goto(site_url + "/themas/")
        page.locator("#sk-zoekveld-q").fill(query)
        box = page.locator("#sk-zoekveld .sk-vangnet")
    else:
        page.goto(site_url + "/kcc/")
        page.locator("#kcc-q").fill(query)
        box = page.locator(".sk-vangnet")
    box.wait_for(state="visible")
    assert "113" in box.inner_text()
    for _ in range(50):  # the results' shards are asked for after the box is drawn: under load, seconds later
        if blocked:
            break
        page.wait_for_timeout(100)
    assert blocked, "no shard was asked for: this test no longer blocks anything"
    page.wait_for_timeout(500)  # the failed shards' answers have come back
    assert box.is_visible(), "a failed search took the crisis box away"
    assert "113" in box.inner_text()


def test_the_field_loads_the_manifest_on_focus_and_only_the_shards_a_query_needs(browser_page, site_url):
    page = browser_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/themas/")
    page.locator("#sk-zoekveld-q").focus()
    page.wait_for_function("window.SocialeKaartZoek.isReady()")
    assert [url for url in requested if url.endswith("/zoeken/zoekindex.json")]
    assert not [url for url in requested if shard_or_chunk(url)]  # focus: the manifest, nothing more
    page.locator("#sk-zoekveld-q").fill("schulden")
    page.wait_for_function("document.querySelectorAll('.sk-zoekveld__hit').length > 0")
    page.wait_for_load_state("networkidle")
    shards = [url for url in requested if shard_or_chunk(url) and url.split("/")[-1].startswith("t")]
    chunks = [url for url in requested if shard_or_chunk(url) and url.split("/")[-1].startswith("k")]
    total = len(page.evaluate("Object.keys(SocialeKaartZoek.data().delen.termen)"))
    assert 1 <= len(shards) < total, (shards, total)
    assert 1 <= len(chunks) <= 5  # the cards of the five results shown
    first = page.locator(".sk-zoekveld__hit").first
    assert first.get_attribute("href").endswith("/themas/geld-en-schulden/") or "schuld" in first.get_attribute("href")
