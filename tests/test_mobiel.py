"""The site on a phone (issue 12), in headless Chromium at 360x740: what lands on the first screen, the
focus order, reflow at 320 px with 200% text, the crisis links' contrast in every state, the quick
exit, the Dutch 404 and the municipal look. Positions are measured in CSS pixels from the top of the page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from generator.huisstijl import HuisstijlFout, contrast, lees_huisstijl
from support import QUICK_EXIT_SITE as NEUTRAL

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 360, 740
BANNER_MAX = HEIGHT * 0.25  # crisis line and notices together: at most a quarter of the first screen
SCREENS = 4  # a resident's page longer than this many phone screens needs in-page navigation

# One page of every kind a resident meets; {record} etc. are filled from the built site.
PAGE_TYPES = {
    "home": "/",
    "thema": "/themas/geld-en-schulden/",
    "thema-veiligheid": "/themas/veiligheid/",
    "themas": "/themas/",
    "voorziening": "/voorzieningen/{voorziening}/",
    "ingang": "/ingangen/sociaal-team-noord/",
    "vindplaats": "/vindplaatsen/{vindplaats}/",
    "clientondersteuner": "/clientondersteuners/{clientondersteuner}/",
    "organisatie": "/organisaties/{organisatie}/",
    "kern": "/kernen/{kern}/",
    "kernen": "/kernen/",
    "a-z": "/a-z/",
    "a-z-letter": "/a-z/b/",
    "contact": "/contact/",
    "wegwijzer": "/wegwijzer/",
    "vraag": "/wegwijzer/situatie/",
    "uitkomst-ingang": "/wegwijzer/uitkomst/schulden/",
    "uitkomst-team": "/wegwijzer/uitkomst/meerdere-problemen/",
    "uitkomst-crisis": "/wegwijzer/uitkomst/crisis-geweld/",
    "zoeken": "/zoeken/?q=schulden",
    "toegankelijkheid": "/toegankelijkheid/",
    "404": "/404.html",
    "kcc": "/kcc/",
}


def first(demo_site, folder: str) -> str:
    return sorted(p.parent.name for p in (demo_site / folder).glob("*/index.html"))[0]


@pytest.fixture(scope="module")
def paths(demo_site) -> dict[str, str]:
    ids = {name: first(demo_site, folder) for name, folder in [
        ("voorziening", "voorzieningen"), ("vindplaats", "vindplaatsen"), ("clientondersteuner", "clientondersteuners"),
        ("organisatie", "organisaties"), ("kern", "kernen")]}
    return {name: path.format(**ids) for name, path in PAGE_TYPES.items()}


def box(page, selector: str) -> dict:
    """The element's box relative to the top of the page (not the viewport)."""
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; }")


# --- 1. the first screen -------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [True, False])
def test_home_first_screen_has_a_compact_crisis_line_the_search_field_and_the_wegwijzer(phone, site_url, javascript):
    page = phone(javascript)
    page.goto(site_url + "/")
    banner = box(page, ".md-banner")
    assert banner["top"] == 0 and banner["bottom"] <= BANNER_MAX, banner
    assert page.get_by_role("region", name="Direct hulp nodig").is_visible()
    assert box(page, "#sk-zoekblok-q")["bottom"] <= HEIGHT
    assert box(page, "a.sk-wegwijzerknop")["bottom"] <= HEIGHT
    # one search field on the home page: the header's is not shown there
    assert page.locator("#sk-zoekveld-q").is_hidden()


@pytest.mark.parametrize("name", ["thema", "voorziening", "contact", "uitkomst-crisis", "zoeken", "404", "vraag"])
def test_crisis_line_stays_within_a_quarter_of_the_screen_everywhere(phone, site_url, paths, name):
    page = phone()
    page.goto(site_url + paths[name])
    assert box(page, ".md-banner")["bottom"] <= BANNER_MAX


def test_every_wegwijzer_step_shows_question_and_first_answer_first_with_earlier_answers_folded_below(phone, site_url):
    page = phone()
    page.goto(site_url + "/wegwijzer/")
    page.get_by_role("link", name="Begin met de eerste vraag").click()
    route = ["Nee, er is nu geen gevaar", "Voor mezelf of mijn gezin", "Ik heb één vraag of probleem", "Geld en schulden", None]
    for step, antwoord in enumerate(route, start=1):
        page.wait_for_load_state()
        question, first_answer = box(page, "h1"), box(page, ".sk-ww-antwoord")
        assert question["top"] < HEIGHT and first_answer["bottom"] <= HEIGHT, (step, page.url, question, first_answer)
        pad = page.locator("[data-ww-pad]")
        if step > 1:
            assert pad.is_visible() and pad.get_attribute("open") is None  # folded
            assert box(page, "[data-ww-pad]")["top"] > box(page, ".sk-ww-antwoorden")["bottom"]  # below the answers
            assert pad.locator("li").count() == step - 1
        (page.get_by_role("link", name=antwoord) if antwoord else page.locator(".sk-ww-antwoord")).first.click()
    page.wait_for_url("**/wegwijzer/uitkomst/**")
    assert box(page, "h1")["top"] < HEIGHT


# --- 2. short pages ------------------------------------------------------------------------------

def test_theme_page_leads_with_voorzieningen_filtered_by_the_remembered_kern(phone, site_url, demo):
    kern = "teutloo"
    page = phone()
    page.goto(site_url + "/")
    page.evaluate(f"localStorage.setItem('sociale-kaart-kern', '{kern}')")
    page.goto(site_url + "/themas/geld-en-schulden/")
    assert box(page, "#voorzieningen")["top"] < box(page, "#loketten")["top"]
    cards = page.locator(".sk-card[data-werkgebied]")
    serving = demo.kernen_in  # werkgebied (kern, gebied and gemeente ids) -> the kernen it covers
    for i in range(cards.count()):
        werkgebied = cards.nth(i).get_attribute("data-werkgebied").split()
        assert cards.nth(i).is_visible() == (kern in serving(werkgebied)), werkgebied
    visible = [i for i in range(cards.count()) if cards.nth(i).is_visible()]
    assert 0 < len(visible) < cards.count()  # the demo has voorzieningen elsewhere too
    assert page.get_by_label("Laat voorzieningen zien voor").input_value() == kern
    assert "Teutloo" in page.locator("[data-sk-kernfilter-status]").inner_text()
    assert page.locator("h2#voorzieningen").inner_text() == f"Voorzieningen ({len(visible)} van {cards.count()})"  # what shows
    # the resident's own sociaal team heads the compact list of teams
    team = demo.sociaal_team_voor(kern)
    assert team.naam in page.locator(".sk-teamlijst li").first.inner_text()
    # "alle dorpen en wijken" shows everything again, and is remembered
    page.get_by_label("Laat voorzieningen zien voor").select_option("")
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    assert page.locator("h2#voorzieningen").inner_text() == f"Voorzieningen ({cards.count()})"
    assert page.evaluate("localStorage.getItem('sociale-kaart-kern')") is None


def test_theme_page_without_javascript_shows_every_voorziening(phone, site_url):
    page = phone(javascript=False)
    page.goto(site_url + "/themas/geld-en-schulden/")
    cards = page.locator(".sk-card[data-werkgebied]")
    assert cards.count() > 0 and all(cards.nth(i).is_visible() for i in range(cards.count()))
    assert page.locator("[data-sk-kernfilter]").is_hidden()


@pytest.mark.parametrize("name", [n for n in PAGE_TYPES if n not in ("kcc", "zoeken", "a-z-letter")])
def test_long_resident_pages_have_in_page_navigation(phone, site_url, paths, name):
    page = phone()
    page.goto(site_url + paths[name])
    height = page.evaluate("document.scrollingElement.scrollHeight")
    if height > SCREENS * HEIGHT:
        nav = page.locator("nav.sk-opdezepagina")
        assert nav.count() == 1, f"{paths[name]} is {height} px long without in-page navigation"
        assert box(page, "nav.sk-opdezepagina")["bottom"] <= 2 * HEIGHT
        for anchor in nav.locator("a").all():
            assert page.locator(anchor.get_attribute("href")).count() == 1
        # one way to "talk to someone" in the list: the home page had "Liever met iemand praten?" and "Praten met iemand"
        texts = [text.lower() for text in nav.locator("a").all_inner_texts()]
        assert sum("praten" in text for text in texts) <= 1, texts


# --- 3. WCAG 2.1 AA beyond axe -------------------------------------------------------------------

def test_menu_button_is_named_and_works_with_the_keyboard(phone, site_url):
    page = phone()
    page.goto(site_url + "/contact/")
    menu = page.get_by_role("button", name="Menu")
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)
    link = page.locator(".md-sidebar--primary").get_by_role("link", name="Thema's")
    assert link.is_visible()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press(" ")
    assert page.evaluate("document.getElementById('__drawer').checked")


@pytest.mark.parametrize("name", ["home", "voorziening", "uitkomst-team", "zoeken"])
def test_no_focus_stop_is_off_screen_or_invisible_before_the_content(phone, site_url, paths, name):
    """Tab from the top until the first link in the page's content: every stop is on screen and
    has a visible focus indicator (an outline or a changed look); the closed drawer holds none."""
    page = phone()
    page.goto(site_url + paths[name])
    page.wait_for_timeout(100)
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)  # Material's skip link slides in
        info = page.evaluate("""() => {
            const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return {tag: e.tagName, text: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40),
                    inDrawer: !!e.closest('.md-sidebar--primary'), inContent: !!e.closest('.md-content'),
                    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight,
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
        }""")
        stops.append(info)
        if info["inContent"]:
            break
    assert stops[-1]["inContent"], stops
    assert not any(stop["inDrawer"] for stop in stops), stops
    assert all(stop["onScreen"] for stop in stops), [s for s in stops if not s["onScreen"]]
    assert all(stop["outline"] for stop in stops), [s for s in stops if not s["outline"]]
    assert any(stop["text"] == "Menu" for stop in stops)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_reflow_at_320_px_with_200_percent_text(phone, site_url, paths, name):
    page = phone(width=320)
    page.goto(site_url + paths[name])
    page.evaluate("() => { const h = document.documentElement; h.style.fontSize = (parseFloat(getComputedStyle(h).fontSize) * 2) + 'px'; }")
    page.wait_for_timeout(50)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 320, f"{paths[name]} is {width} px wide"


@pytest.mark.parametrize("where", [".md-banner .sk-crisisnummers", ".sk-voet__crisis"])
def test_crisis_numbers_do_not_overlap_with_200_percent_text(phone, site_url, where):
    """A fixed line height in px made the lines of the crisis numbers run through each other when a
    resident doubles the text (WCAG 1.4.4): every line must stay at least as tall as its text."""
    page = phone(width=320)
    page.goto(site_url + "/")
    measure = """sel => { const p = document.querySelector(sel); const lh = parseFloat(getComputedStyle(p).lineHeight);
        const fs = parseFloat(getComputedStyle(p).fontSize);
        const links = [...p.querySelectorAll('a')].map(a => [a.getBoundingClientRect().height, parseFloat(getComputedStyle(a).fontSize)]);
        return {lh, fs, links}; }"""
    normal = page.evaluate(measure, where)
    assert all(height >= 24 for height, _ in normal["links"]), normal  # still a 24 px tap target
    page.evaluate("() => { const h = document.documentElement; h.style.fontSize = (parseFloat(getComputedStyle(h).fontSize) * 2) + 'px'; }")
    doubled = page.evaluate(measure, where)
    assert doubled["fs"] >= 1.9 * normal["fs"], (normal, doubled)
    assert doubled["lh"] >= 1.2 * doubled["fs"], doubled
    assert all(height >= 1.2 * size for height, size in doubled["links"]), doubled


def test_crisis_links_keep_4_5_to_1_contrast_when_hovered_and_focused(phone, site_url):
    page = phone()
    page.goto(site_url + "/")
    links = page.locator(".sk-crisis a, .sk-praten-kort a")
    assert links.count() >= 5
    colours = "e => { const c = getComputedStyle(e).color; let b = e, bg; while (b) { bg = getComputedStyle(b).backgroundColor; if (bg !== 'rgba(0, 0, 0, 0)') break; b = b.parentElement; } return [c, bg]; }"
    for i in range(links.count()):
        link = links.nth(i)
        for state in ("rest", "hover", "focus"):
            if state == "hover":
                link.hover()
            elif state == "focus":
                page.mouse.move(0, HEIGHT - 1)
                link.focus()
            fg, bg = link.evaluate(colours)
            ratio = contrast(hex_of(fg), hex_of(bg))
            assert ratio >= 4.5, (link.inner_text(), state, fg, bg, ratio)


def hex_of(css: str) -> str:
    parts = [int(float(x)) for x in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    return "#" + "".join(f"{p:02x}" for p in parts)


# --- 4. the municipal look -----------------------------------------------------------------------

def test_no_documentation_furniture_jargon_and_partner_links_in_the_footer(phone, site_url):
    page = phone()
    page.goto(site_url + "/")
    assert "Material for MkDocs" not in page.content()
    h1 = page.locator(".md-content h1").evaluate("e => [getComputedStyle(e).fontWeight, getComputedStyle(e).color]")
    assert int(h1[0]) >= 700 and contrast(hex_of(h1[1]), "#ffffff") >= 7
    assert page.locator(".md-sidebar--primary").get_by_text("Gegevens aanpassen").count() == 0
    footer = page.locator(".md-footer")
    assert footer.get_by_role("link", name="Gegevens aanpassen").count() == 1
    assert footer.get_by_role("link", name="Toegankelijkheid").count() == 1
    assert page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']").evaluate_all("es => es.every(e => getComputedStyle(e).display === 'none')")
    # fold-outs carry no note (pencil) icon
    page.goto(site_url + "/kernen/aldervoorde/")
    icons = page.locator(".md-typeset details > summary").evaluate_all(
        "es => es.map(e => getComputedStyle(e, '::before').display)")
    assert icons and all(display == "none" for display in icons)
    # plain words: residents never read the data model's "ingang" (the partner guide may)
    for path in ["/a-z/", "/a-z/v/", "/organisaties/veilig-thuis-nederland/", "/contact/", "/wegwijzer/uitkomst/schulden/"]:
        page.goto(site_url + path)
        assert "ingang" not in page.locator(".md-content").inner_text().lower(), path


def test_huisstijl_colours_become_css_variables_and_the_logo_shows(phone, site_url):
    page = phone()
    page.goto(site_url + "/")
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--sk-crisis-bg').trim()") == "#5c0e1a"
    assert page.locator(".md-header .md-logo img").is_visible()


def test_huisstijl_refuses_colours_below_4_5_to_1_with_a_dutch_message(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text('extra:\n  huisstijl:\n    naam: Gemeente Test\n    kleuren:\n      link: "#7fb2e5"\n', encoding="utf-8")
    with pytest.raises(HuisstijlFout) as error:
        lees_huisstijl({"huisstijl": {"naam": "Gemeente Test", "kleuren": {"link": "#7fb2e5"}}}, str(config))
    message = str(error.value)
    assert message.startswith(f"{config}:5:14: de kleur 'link' (#7fb2e5) is te licht")
    assert "4,5:1" in message and "2," in message and "Kies een donkerdere kleur" in message
    with pytest.raises(HuisstijlFout, match="moet een code zijn"):
        lees_huisstijl({"huisstijl": {"naam": "X", "kleuren": {"primair": "teal"}}})
    with pytest.raises(HuisstijlFout, match="onbekende kleur 'achtergrond'"):
        lees_huisstijl({"huisstijl": {"naam": "X", "kleuren": {"achtergrond": "#000000"}}})
    with pytest.raises(HuisstijlFout, match="staat niet in de map docs"):
        lees_huisstijl({"huisstijl": {"naam": "X", "logo": "weg.svg"}}, docs_dir=str(tmp_path))
    ok = lees_huisstijl({"huisstijl": {"naam": "X", "kleuren": {"primair": "#004B5A", "crisis": "#5c0e1a"}}})
    assert ok.css_variables().startswith(":root{--md-primary-fg-color:#004b5a;--sk-primair:#004b5a;")
    assert lees_huisstijl({}) is None


# --- 5. quick exit -------------------------------------------------------------------------------

def test_quick_exit_on_violence_pages_replaces_the_page_and_keeps_choices_for_the_session(phone, site_url):
    page = phone()
    page.goto(site_url + "/wegwijzer/uitkomst/huiselijk-geweld/")
    assert page.get_by_role("link", name="Snel weg").is_visible()
    page.goto(site_url + "/wegwijzer/uitkomst/schulden/")
    assert page.locator(".sk-snelweg").is_hidden()
    page.goto(site_url + "/themas/veiligheid/")
    knop = page.get_by_role("link", name="Snel weg")
    assert knop.is_visible() and box(page, ".sk-snelweg__knop")["bottom"] - page.evaluate("scrollY") <= HEIGHT
    # a kern chosen here is kept for this session only
    page.get_by_label("Laat voorzieningen zien voor").select_option(label="Teutloo")
    assert page.evaluate("localStorage.getItem('sociale-kaart-kern')") is None
    assert page.evaluate("sessionStorage.getItem('sociale-kaart-kern')") == "teutloo"
    knop.click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_load_state()
    assert urlparse(page.url).path == "/wegwijzer/uitkomst/schulden/"  # replaced: back skips the violence page


def test_quick_exit_with_escape_twice(phone, site_url):
    page = phone()
    page.goto(site_url + "/")
    page.goto(site_url + "/themas/veiligheid/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(50)
    assert urlparse(page.url).path == "/themas/veiligheid/"
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)


@pytest.mark.parametrize("signal", ["event", "attribute"])
def test_quick_exit_appears_when_the_search_shows_a_violence_line(phone, site_url, signal):
    page = phone()
    page.goto(site_url + "/themas/geld-en-schulden/")
    assert page.locator(".sk-snelweg").is_hidden()
    if signal == "event":
        page.evaluate("document.dispatchEvent(new CustomEvent('sociale-kaart:snel-weg'))")
    else:
        page.evaluate("document.querySelector('.md-content').insertAdjacentHTML('beforeend', '<div data-snel-weg>Veilig Thuis</div>')")
    page.get_by_role("link", name="Snel weg").wait_for(state="visible")
    page.evaluate("window.SocialeKaartKern.kies('teutloo')")
    assert page.evaluate("localStorage.getItem('sociale-kaart-kern')") is None


def test_no_quick_exit_on_other_pages(phone, site_url):
    page = phone()
    page.goto(site_url + "/wegwijzer/uitkomst/schulden/")
    assert page.locator(".sk-snelweg").is_hidden()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert urlparse(page.url).path == "/wegwijzer/uitkomst/schulden/"


# --- 6. the 404 page -----------------------------------------------------------------------------

def test_dutch_404_at_any_depth_with_search_wegwijzer_and_crisis_line(phone, site_url, demo_site):
    body = (demo_site / "404.html").read_text(encoding="utf-8")
    page = phone()
    page.route("**/bestaat/niet/meer/", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(site_url + "/bestaat/niet/meer/")
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet (meer)"
    assert page.get_by_role("region", name="Direct hulp nodig").is_visible()
    assert page.locator("#sk-zoekveld").get_attribute("data-sk-root") == "/"
    page.get_by_role("link", name="Weet je niet waar je moet beginnen? Volg de wegwijzer").click()
    page.wait_for_url("**/wegwijzer/")
    page.goto(site_url + "/bestaat/niet/meer/")
    page.locator("#sk-zoekveld-q").fill("schuld")  # the header field's live results: no script error
    page.locator(".sk-zoekveld__paneel a").first.wait_for(state="visible")
    page.locator("#sk-404-q").fill("schulden")
    page.locator("#sk-404-q").press("Enter")
    page.wait_for_url("**/zoeken/?q=schulden")


@pytest.mark.parametrize("name", ["home", "thema", "voorziening", "kern", "uitkomst-team", "contact", "kcc"])
def test_crisis_numbers_at_the_end_of_the_page_too_and_every_crisis_link_a_24_px_target(phone, site_url, paths, name):
    """The banner scrolls away on a long page: the footer carries the same four crisis numbers. Every crisis
    link, at the top and at the end, is a tap target of at least 24x24 px (WCAG 2.5.8)."""
    page = phone()
    page.goto(site_url + paths[name])
    crisis = page.locator(".md-footer .sk-crisisnummers")
    assert [crisis.locator("a").nth(i).get_attribute("href") for i in range(crisis.locator("a").count())] == \
        ["tel:112", "tel:08002000", "tel:113", "tel:08000113"]
    sizes = page.eval_on_selector_all(".md-banner a[href^='tel:1'], .md-banner a[href^='tel:0800'], .md-footer .sk-crisisnummers a",
                                      "links => links.map(a => { const r = a.getBoundingClientRect(); return [a.textContent.trim(), r.width, r.height]; })")
    assert len(sizes) == 8
    assert [size for size in sizes if size[1] < 24 or size[2] < 24] == []
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    page.wait_for_timeout(100)
    link = crisis.locator("a").first
    assert link.is_visible() and 0 <= link.bounding_box()["y"] <= HEIGHT - 24
