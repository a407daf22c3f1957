"""Issue 12, the gaps: on a 360x740 phone the outcome page leads with the door (who, the number as a
tel: link, "nu open" for that number), also before a kern is chosen; the contact page leads with the
resident's own team; "Snel weg" never covers content; the search page's first screen; a theme's kern
filter that is truthful across its pages; an opening-hours plan written once per page. Positions are
CSS pixels from the top of the page. Both gemeenten of the demo (Egelstede, Wolderbeek) are tested."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from generator.build.compact import zelfde_plannen_eenmaal
from generator.openingstijden.nu_open import to_json
from generator.wegwijzer.deur import deuren, terugval, deur_groepen

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 360, 740
EGELSTEDE_KERN, WOLDERBEEK_KERN = "teutloo", "stroetinge"


def box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; }")


def plan_of(page, selector: str) -> dict:
    """The opening-hours plan of a nu-open element, following a '^N' reference to the page's first copy."""
    return json.loads(page.locator(selector).first.evaluate("""e => {
        const v = e.getAttribute('data-nu-open');
        return v.startsWith('^') ? document.querySelector(`[data-nu-open-nr="${v.slice(1)}"]`).getAttribute('data-nu-open') : v; }"""))


def open_with_kern(phone, site_url: str, path: str, kern: str | None, javascript: bool = True):
    page = phone(javascript)
    if kern:
        page.goto(site_url + "/404.html")
        page.evaluate(f"localStorage.setItem('sociale-kaart-kern', '{kern}')")
    page.goto(site_url + path)
    page.wait_for_load_state()
    return page


def assert_door_on_first_screen(page, scope: str, deur) -> None:
    """Name, the number as a tel: link and "nu open" for that number's phone hours, on the first screen."""
    name = page.locator(f"{scope} h3 a").first
    assert name.inner_text() == deur.naam
    tel = page.locator(f"{scope} a.sk-tel").first
    assert tel.get_attribute("href") == f"tel:{deur.telefoon}"
    status = f"{scope} a.sk-tel + .sk-nu-open"
    assert plan_of(page, status) == json.loads(json.dumps(to_json(deur.telefoon_tijden)))
    page.locator(status).first.wait_for(state="visible")  # nu-open.js filled it
    assert box(page, status)["bottom"] <= HEIGHT, box(page, status)
    for later in ("nav.sk-opdezepagina", ".sk-cards", "#wat-gebeurt-er"):
        if page.locator(later).count():
            assert box(page, later)["top"] > box(page, status)["bottom"], later


# --- 1. the outcome page leads with the door ------------------------------------------------------

@pytest.mark.parametrize("kern", [None, EGELSTEDE_KERN, WOLDERBEEK_KERN])
def test_an_outcome_with_one_door_shows_it_first(phone, site_url, demo, kern):
    uitkomst = demo.extras["wegwijzer"].uitkomsten["schulden"]
    [deur] = deuren(demo, uitkomst, kern or EGELSTEDE_KERN)
    page = open_with_kern(phone, site_url, "/wegwijzer/uitkomst/schulden/", kern)
    assert_door_on_first_screen(page, ".sk-ww-deur", deur)


@pytest.mark.parametrize("kern", [EGELSTEDE_KERN, WOLDERBEEK_KERN])
@pytest.mark.parametrize("uitkomst_id", ["meerdere-problemen", "digitaal"])
def test_with_a_kern_the_door_of_that_kern_comes_first(phone, site_url, demo, uitkomst_id, kern):
    """A sociaal team outcome, and one whose service is Egelstede's only (Wolderbeek: its sociaal team)."""
    uitkomst = demo.extras["wegwijzer"].uitkomsten[uitkomst_id]
    [deur] = deuren(demo, uitkomst, kern)
    page = open_with_kern(phone, site_url, f"/wegwijzer/uitkomst/{uitkomst_id}/", kern)
    assert page.locator(".sk-ww-team--jouw").count() == 1
    assert_door_on_first_screen(page, ".sk-ww-team--jouw", deur)
    assert page.locator("[data-ww-terugval]").is_hidden()  # the door is known: no fallback
    assert page.locator("#sk-ww-kern").input_value() == kern


@pytest.mark.parametrize("uitkomst_id", ["meerdere-problemen", "digitaal"])
def test_without_a_kern_the_chooser_and_the_gemeentes_numbers_are_on_the_first_screen(phone, site_url, demo, uitkomst_id):
    uitkomst = demo.extras["wegwijzer"].uitkomsten[uitkomst_id]
    page = open_with_kern(phone, site_url, f"/wegwijzer/uitkomst/{uitkomst_id}/", None)
    assert page.get_by_label(page.locator("[data-ww-kern-vraag]").inner_text()).is_visible()
    assert box(page, "#sk-ww-kern")["bottom"] <= HEIGHT
    fallback = page.locator("[data-ww-terugval]")
    assert fallback.is_visible() and box(page, "[data-ww-terugval]")["bottom"] <= HEIGHT
    expected = terugval(demo, uitkomst, deur_groepen(demo, uitkomst))
    assert [g.naam.removeprefix("Gemeente ") for g, _ in expected] == ["Egelstede", "Wolderbeek"]
    links = fallback.locator("a.sk-tel")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [f"tel:{d.telefoon}" for _, d in expected]
    for i, (_, kcc) in enumerate(expected):
        assert plan_of(page, f"[data-ww-terugval] li:nth-child({i + 1}) .sk-nu-open") == json.loads(json.dumps(to_json(kcc.telefoon_tijden)))
    # choosing a kern shows its door in the fallback's place
    page.locator("#sk-ww-kern").select_option(WOLDERBEEK_KERN)
    assert fallback.is_hidden()
    assert box(page, ".sk-ww-team--jouw a.sk-tel")["bottom"] <= HEIGHT


def test_independent_client_support_is_never_sent_to_the_gemeente(phone, site_url, demo):
    """Its door is the list of supporters (each with the places it serves), not the gemeente's number."""
    uitkomst = demo.extras["wegwijzer"].uitkomsten["clientondersteuning"]
    assert terugval(demo, uitkomst, deur_groepen(demo, uitkomst)) == []
    page = open_with_kern(phone, site_url, "/wegwijzer/uitkomst/clientondersteuning/", None)
    assert page.locator("[data-ww-terugval]").count() == 0
    assert box(page, "#sk-ww-kern")["bottom"] <= HEIGHT
    first = page.locator(".sk-ww-deur .sk-ww-ondersteuners li").first
    assert first.locator("a.sk-tel").count() == 1 and box(page, ".sk-ww-deur .sk-ww-ondersteuners li")["top"] < HEIGHT


def test_the_fallback_number_is_never_an_outcomes_own_door(demo):
    """terugval is for the residents' pages only: an outcome whose door is one place has none, and no
    outcome's door for any kern is a KCC (the call script is at the KCC)."""
    for uitkomst in demo.extras["wegwijzer"].uitkomsten.values():
        groepen = deur_groepen(demo, uitkomst)
        assert not any(d.is_kcc for g in groepen for d in g.deuren), uitkomst.id
        assert bool(terugval(demo, uitkomst, groepen)) == (len(groepen) > 1 and not uitkomst.via_clientondersteuning), uitkomst.id


def test_without_javascript_every_door_is_listed_with_whom_it_is_for(phone, site_url, demo):
    page = open_with_kern(phone, site_url, "/wegwijzer/uitkomst/digitaal/", None, javascript=False)
    groepen = deur_groepen(demo, demo.extras["wegwijzer"].uitkomsten["digitaal"])
    sections = page.locator(".sk-ww-team")
    assert sections.count() == len(groepen) == 2
    assert sections.nth(1).locator(".sk-ww-team__kernen").inner_text() == "Voor Wolderbeek"
    assert page.locator("[data-ww-kernkeuze]").is_hidden() and page.locator("[data-ww-terugval]").is_visible()


# --- 2. the contact page -------------------------------------------------------------------------

@pytest.mark.parametrize("kern", [EGELSTEDE_KERN, WOLDERBEEK_KERN])
def test_contact_page_leads_with_the_remembered_kerns_team(phone, site_url, demo, kern):
    team = demo.sociaal_team_voor(kern)
    page = open_with_kern(phone, site_url, "/contact/", kern)
    page.locator(".sk-jouw-team a.sk-tel").first.wait_for()
    assert box(page, ".sk-jouw-team a.sk-tel")["bottom"] <= HEIGHT
    assert page.locator(".sk-jouw-team a.sk-tel").first.get_attribute("href") == f"tel:{team.contact.telefoon}"
    assert box(page, ".sk-jouw-team .sk-nu-open")["bottom"] <= HEIGHT
    # in the list of all teams, the kern's gebied comes first
    first = page.locator("[data-sk-gebieden] .sk-gebied").first
    assert "sk-gebied--jouw" in first.get_attribute("class") and kern in first.get_attribute("data-kernen").split()
    assert box(page, "nav.sk-opdezepagina")["top"] > box(page, ".sk-jouw-team")["bottom"]


def test_contact_page_is_compact(phone, site_url, demo):
    page = open_with_kern(phone, site_url, "/contact/", None)
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height <= 7 * HEIGHT, height  # was 13,416 px: 18 screens
    # every place still has its number (the rest is folded)
    for ingang in demo.ingangen.values():
        if ingang.contact.telefoon and ingang.soort != "kcc":
            assert page.locator(f'a.sk-tel[href="tel:{ingang.contact.telefoon}"]').count() >= 1, ingang.id


# --- 3. Snel weg never covers content -------------------------------------------------------------

COVERED = """knop => {
    const k = knop.getBoundingClientRect();
    const hits = [];
    for (const e of document.querySelectorAll('.md-content *')) {
        if (e.children.length || !e.textContent.trim()) continue;
        const r = e.getBoundingClientRect();
        if (r.width && r.height && r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top) hits.push(e.textContent.trim().slice(0, 40));
    }
    return hits;
}"""


@pytest.mark.parametrize("width", [320, 360, 768, 1280])
def test_snel_weg_is_in_the_header_and_covers_no_content(phone, site_url, width):
    page = phone(width=width)
    page.goto(site_url + "/zoeken/?q=mijn+vriend+slaat+me")
    knop = page.get_by_role("link", name="Snel weg")
    knop.wait_for(state="visible")
    page.locator(".sk-vangnet").first.wait_for()
    # every card drawn (the page grows until then, and the end of the page is measured below)
    page.wait_for_function("performance.getEntriesByName('sk-zoeken:getekend').length > 0")
    # in the header, which takes its own room in the flow (sticky), not fixed over the page
    assert knop.evaluate("""e => !!e.closest('.md-header') && getComputedStyle(e.closest('.sk-snelweg')).position === 'static'
                            && ['sticky', 'static', 'relative'].includes(getComputedStyle(e.closest('.md-header')).position)""")
    assert knop.evaluate(COVERED) == []  # at the top of the page nothing of the content is under it
    inside_header = """e => { const k = e.getBoundingClientRect(), h = e.closest('.md-header').getBoundingClientRect();
                              return k.top >= h.top && k.bottom <= h.bottom && k.left >= h.left && k.right <= h.right; }"""
    for scroll in ("document.scrollingElement.scrollHeight / 2", "document.scrollingElement.scrollHeight"):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        page.wait_for_timeout(50)
        assert knop.is_visible() and knop.evaluate(inside_header), scroll
    # at the end of the page the last line of content is on screen and nothing lies over it
    last = page.evaluate("""() => { const leaves = [...document.querySelectorAll('.md-content *')].filter(e => !e.children.length && e.textContent.trim());
                                    const e = leaves[leaves.length - 1], r = e.getBoundingClientRect(), line = e.getClientRects()[0];
                                    const top = document.elementFromPoint(line.left + 2, line.top + line.height / 2);  // on its first line of text
                                    return {bottom: r.bottom, inner: innerHeight, ownPoint: e === top || e.contains(top)}; }""")
    assert last["bottom"] <= last["inner"] and last["ownPoint"], last
    # the crisis box of the search is whole on the first screen at 360 px and wider
    page.evaluate("window.scrollTo(0, 0)")
    if width >= 360:
        assert box(page, ".sk-vangnet")["bottom"] <= HEIGHT


def test_snel_weg_makes_room_for_the_sites_name_on_a_phone(phone, site_url):
    page = phone()
    page.goto(site_url + "/themas/veiligheid/")
    assert page.locator(".md-header .md-logo").is_hidden()
    name, knop = box(page, ".md-header__title"), box(page, ".sk-snelweg__knop")
    assert name["right"] <= knop["left"] and knop["right"] <= WIDTH


@pytest.mark.parametrize("width", [320, 360])
def test_the_sites_name_is_whole_next_to_snel_weg(phone, site_url, width):
    """The name may wrap or shrink on a phone, but is never cut ("Sociale Kaart E…"), and the header stays
    as high as on a page without Snel weg."""
    page = phone(width=width)
    page.goto(site_url + "/themas/")
    plain = box(page, ".md-header")
    page.goto(site_url + "/themas/veiligheid/")
    page.locator(".sk-snelweg__knop").wait_for(state="visible")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    cut = name.evaluate("e => ({width: e.scrollWidth - e.clientWidth, height: e.scrollHeight - e.clientHeight, text: e.textContent.trim()})")
    assert cut["width"] <= 1 and cut["height"] <= 1, cut
    assert box(page, ".md-header__title")["right"] <= box(page, ".sk-snelweg__knop")["left"]
    header = box(page, ".md-header")
    assert header["bottom"] - header["top"] <= plain["bottom"] - plain["top"]


# --- 4. the search page's first screen -------------------------------------------------------------

@pytest.mark.parametrize("path", ["/zoeken/", "/zoeken/?q=schulden"])
def test_search_page_first_screen(phone, site_url, path):
    page = phone()
    page.goto(site_url + path)
    assert box(page, ".md-banner")["bottom"] <= HEIGHT * 0.25
    assert box(page, "#sk-q")["bottom"] <= HEIGHT
    if "q=" in path:
        page.locator("#sk-resultaten .sk-card").first.wait_for()
        assert box(page, "#sk-resultaten .sk-card .sk-card__title")["bottom"] <= HEIGHT


# --- 5. the theme's kern filter across pages ------------------------------------------------------

def test_kern_filter_on_a_theme_of_several_pages_links_to_all_of_them(phone, site_url, demo, demo_site):
    thema = "meedoen-en-ontmoeten"
    assert (demo_site / "themas" / thema / "2" / "index.html").is_file()  # the demo theme has two pages
    page = open_with_kern(phone, site_url, f"/themas/{thema}/", WOLDERBEEK_KERN)
    status = page.locator("[data-sk-kernfilter-status]").inner_text()
    assert status.startswith("Op deze pagina") and "Stroetinge" in status and "meer pagina's" in status
    link = page.locator("[data-sk-kernfilter-alles] a")
    assert link.is_visible() and "Stroetinge" in link.inner_text()
    query = parse_qs(urlparse(link.get_attribute("href")).query)
    assert query == {"thema": [thema], "kern": [WOLDERBEEK_KERN]}
    # the search page lists every voorziening of the theme that serves the kern, from all pages
    expected = {v.naam for v in demo.voorzieningen.values() if thema in v.themas and WOLDERBEEK_KERN in demo.kernen_in(v.werkgebied)
                and v.status != "gestopt"}
    link.click()
    page.wait_for_url("**/zoeken/?**")
    page.locator("#sk-resultaten .sk-card").first.wait_for()
    while page.get_by_role("button", name="Toon meer resultaten").count() and page.get_by_role("button", name="Toon meer resultaten").is_visible():
        page.get_by_role("button", name="Toon meer resultaten").click()
    names = set(page.locator("#sk-resultaten .sk-card .sk-card__title").all_inner_texts())
    assert expected and expected <= names, expected - names
    # without a kern, or on a theme of one page, there is no such link
    page = open_with_kern(phone, site_url, "/themas/geld-en-schulden/", WOLDERBEEK_KERN)
    assert page.locator("[data-sk-kernfilter-alles]").count() == 0
    assert not page.locator("[data-sk-kernfilter-status]").inner_text().startswith("Op deze pagina")


# --- the page budget: a plan written once ----------------------------------------------------------

def test_a_repeated_opening_hours_plan_is_written_once():
    a, b = "{&quot;a&quot;:1}", '{"b":2}'
    html = f"<span data-nu-open='{a}'></span><span data-nu-open='{b}'></span><span data-nu-open='{a}'></span><span data-nu-open='{a}'></span>"
    assert zelfde_plannen_eenmaal(html) == (f"<span data-nu-open='{a}' data-nu-open-nr=\"1\"></span><span data-nu-open='{b}'></span>"
                                            "<span data-nu-open='^1'></span><span data-nu-open='^1'></span>")


def test_a_referred_plan_shows_its_status(phone, site_url):
    page = phone()
    page.goto(site_url + "/contact/")
    refs = page.locator(".sk-nu-open[data-nu-open^='^']")
    assert refs.count() > 0
    for i in range(refs.count()):
        ref = refs.nth(i)
        source = page.locator(f"[data-nu-open-nr='{ref.get_attribute('data-nu-open')[1:]}']")
        assert ref.get_attribute("data-nu-open-status") in ("open", "gesloten")
        assert ref.get_attribute("data-nu-open-status") == source.get_attribute("data-nu-open-status")


def test_code_blocks_scroll_with_the_keyboard():
    from generator.build.compact import code_met_toetsenbord

    assert code_met_toetsenbord('<pre><code class="language-yaml">a</code></pre>') == '<pre><code tabindex="0" class="language-yaml">a</code></pre>'
    kept = '<pre class="sk-template"><code tabindex="0" aria-label="x">b</code></pre>'
    assert code_met_toetsenbord(kept) == kept
