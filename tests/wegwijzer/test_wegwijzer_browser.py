"""The wegwijzer in headless Chromium: with JavaScript (summary, wijzig, kern chooser that survives a
reload) and without (plain links all the way to an outcome), on a 360 px phone."""

from __future__ import annotations

import pytest

from support import axe_violations

pytestmark = pytest.mark.browser

KERN_KEY = "sociale-kaart-kern"  # shared with the Contact and KCC pages


def summary(page) -> list[str]:
    box = page.locator("[data-ww-pad]")
    if not box.is_visible():
        return []
    # text_content: the list is folded (details) below the answers
    return [item.locator(".sk-ww-pad__antwoord").text_content() for item in box.locator("li").all()]


def answer(page, text: str, expected_path: str) -> None:
    page.get_by_role("link", name=text).first.click()
    page.wait_for_url("**" + expected_path)


def test_with_javascript_summary_wijzig_back_and_kern_choice_that_survives_a_reload(phone, site_url):
    page = phone(javascript=True)
    page.goto(site_url + "/wegwijzer/")
    answer(page, "Begin met de eerste vraag", "/wegwijzer/gevaar/")
    assert summary(page) == []
    answer(page, "Nee, er is nu geen gevaar", "/wegwijzer/wie/")
    answer(page, "Voor mezelf of mijn gezin", "/wegwijzer/situatie/")
    answer(page, "Ik heb één vraag of probleem", "/wegwijzer/leefgebied/")
    answer(page, "Zorgen voor iemand (mantelzorg)", "/wegwijzer/mantelzorg/")
    assert summary(page) == ["Nee, er is nu geen gevaar", "Voor mezelf of mijn gezin", "Ik heb één vraag of probleem", "Zorgen voor iemand (mantelzorg)"]
    # Several questions lead here: JavaScript shows "Vorige vraag" for the question actually answered.
    vorige = page.get_by_role("link", name="Vorige vraag")
    assert vorige.is_visible() and vorige.get_attribute("href") == "/wegwijzer/leefgebied/"

    # "wijzig" on the second answer goes back to that question and forgets the later answers.
    page.locator("[data-ww-pad] summary").click()  # folded below the question, so the question stays on the first screen
    page.locator("[data-ww-pad] li").nth(1).get_by_role("link", name="wijzig").click()
    page.wait_for_url("**/wegwijzer/wie/")
    assert summary(page) == ["Nee, er is nu geen gevaar"]
    answer(page, "Ik zorg voor iemand en zoek steun", "/wegwijzer/mantelzorg/")
    assert page.get_by_role("link", name="Vorige vraag").get_attribute("href") == "/wegwijzer/wie/"
    answer(page, "Ik ben moe of overbelast", "/wegwijzer/uitkomst/mantelzorg-respijt/")
    assert summary(page) == ["Nee, er is nu geen gevaar", "Ik zorg voor iemand en zoek steun", "Ik ben moe of overbelast en heb even rust nodig"]

    # The back button shows the question again with the answers that led to it.
    page.go_back()
    page.wait_for_url("**/wegwijzer/mantelzorg/")
    assert summary(page) == ["Nee, er is nu geen gevaar", "Ik zorg voor iemand en zoek steun"]
    page.go_forward()
    page.wait_for_url("**/wegwijzer/uitkomst/mantelzorg-respijt/")

    # The kern chooser names the right sociaal team and remembers the choice on this device. After Back
    # and Forward the answers no longer say whose kern it is (mantelzorg is reached both ways): neutral words.
    page.get_by_label("Om welk dorp of welke wijk gaat het?").select_option(label="Teutloo")
    jouw = page.locator(".sk-ww-team--jouw")
    assert jouw.count() == 1 and "Sociaal team Noord" in jouw.locator("h3").inner_text()
    assert "Het sociaal team is Sociaal team Noord: bel 0523 800 220." in page.locator("[data-ww-kern-uitkomst]").inner_text()
    assert page.evaluate(f"localStorage.getItem('{KERN_KEY}')") == "teutloo"
    assert page.evaluate("document.cookie") == ""
    page.reload()
    assert page.locator("#sk-ww-kern").input_value() == "teutloo"
    assert "Sociaal team Noord" in page.locator(".sk-ww-team--jouw h3").inner_text()
    assert page.locator(".sk-ww-team").first.get_attribute("class").endswith("sk-ww-team--jouw")
    # A client supporter who does not work in Teutloo is hidden; one for the whole gemeente stays.
    assert page.locator('.sk-ww-ondersteuners li[data-werkgebied="west zuid"]').is_hidden()
    assert page.locator('.sk-ww-ondersteuners li[data-werkgebied~="egelstede"]').first.is_visible()

    # The choice is shared with other outcome pages; "Opnieuw beginnen" clears the answers.
    page.goto(site_url + "/wegwijzer/uitkomst/huishoudelijke-hulp/")
    assert "Sociaal team Noord" in page.locator(".sk-ww-team--jouw h3").inner_text()
    assert summary(page) == []
    page.get_by_role("link", name="Opnieuw beginnen").click()
    page.wait_for_url("**/wegwijzer/gevaar/")
    assert summary(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_shared_link_to_a_question_starts_without_an_old_summary(phone, site_url):
    page = phone(javascript=True)
    page.goto(site_url + "/wegwijzer/gevaar/")
    answer(page, "Nee, er is nu geen gevaar", "/wegwijzer/wie/")
    page.goto(site_url + "/wegwijzer/geld/")  # as if a KCC employee sent this link
    assert summary(page) == []
    assert page.get_by_role("link", name="Vorige vraag").get_attribute("href") == "../leefgebied/"


def test_without_javascript_plain_links_lead_to_an_outcome_with_every_team(phone, site_url):
    page = phone(javascript=False)
    page.goto(site_url + "/")
    page.get_by_role("link", name="Weet je niet waar je moet beginnen? Volg de wegwijzer").click()
    page.wait_for_url("**/wegwijzer/")
    answer(page, "Begin met de eerste vraag", "/wegwijzer/gevaar/")
    answer(page, "Nee, er is nu geen gevaar", "/wegwijzer/wie/")
    answer(page, "Voor mezelf of mijn gezin", "/wegwijzer/situatie/")
    assert page.get_by_role("link", name="Vorige vraag").is_visible()
    answer(page, "Ik heb hulp nodig waarvoor de gemeente toestemming geeft", "/wegwijzer/maatwerk/")
    answer(page, "Hulp bij het huishouden", "/wegwijzer/uitkomst/huishoudelijke-hulp/")
    assert page.locator("h1").inner_text() == "Hulp bij het huishouden"
    assert page.locator("[data-ww-pad]").is_hidden() and page.locator("[data-ww-kernkeuze]").is_hidden()
    assert page.locator(".sk-ww-team").count() == 5 and page.locator(".sk-ww-team").nth(1).is_visible()
    assert page.get_by_role("heading", name="Hulp bij het gesprek: een cliëntondersteuner").is_visible()
    assert page.get_by_role("region", name="Direct hulp nodig").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.go_back()
    page.wait_for_url("**/wegwijzer/maatwerk/")
    page.get_by_role("link", name="Vorige vraag").click()
    page.wait_for_url("**/wegwijzer/situatie/")
    page.get_by_role("link", name="Opnieuw beginnen").click()
    page.wait_for_url("**/wegwijzer/gevaar/")


def test_crisis_outcome_on_a_phone(phone, site_url):
    page = phone(javascript=True)
    page.goto(site_url + "/wegwijzer/gevaar/")
    answer(page, "Ja, iemand wordt nu bedreigd, geslagen of mishandeld", "/wegwijzer/uitkomst/crisis-geweld/")
    bel = page.get_by_role("region", name="Bel nu")
    assert bel.is_visible() and bel.get_by_role("link").first.get_attribute("href") == "tel:112"
    assert bel.bounding_box()["y"] < 900
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("path", ["/wegwijzer/schema/", "/wegwijzer/schema/paden/", "/wegwijzer/uitkomst/crisis-zelfdoding/", "/wegwijzer/uitkomst/schulden/"])
def test_staff_and_crisis_pages_pass_axe(browser_page, site_url, path):
    browser_page.goto(site_url + path)
    assert axe_violations(browser_page) == []


def test_axe_passes_with_a_kern_chosen(browser_page, site_url):
    browser_page.goto(site_url + "/wegwijzer/uitkomst/meerdere-problemen/")
    browser_page.get_by_label("In welk dorp of welke wijk woon je?").select_option("rosmarke")
    assert axe_violations(browser_page) == []


def test_the_kern_question_follows_whose_kern_it_is(phone, site_url):
    """For yourself: 'Je woont in …'; for someone else: 'Die persoon woont in …' (data-ww-ander on the answer)."""
    page = phone()
    page.goto(site_url + "/wegwijzer/gevaar/")
    answer(page, "Nee, er is nu geen gevaar", "/wegwijzer/wie/")
    answer(page, "Ik zorg voor iemand en zoek steun", "/wegwijzer/mantelzorg/")
    answer(page, "Ik ben moe of overbelast", "/wegwijzer/uitkomst/mantelzorg-respijt/")
    page.get_by_label("In welk dorp of welke wijk woon je?").select_option(label="Teutloo")
    assert page.locator("[data-ww-kern-uitkomst]").inner_text().startswith("Je woont in Teutloo. Jouw sociaal team is Sociaal team Noord")

    page.goto(site_url + "/wegwijzer/gevaar/")
    answer(page, "Nee, er is nu geen gevaar", "/wegwijzer/wie/")
    answer(page, "Voor iemand anders", "/wegwijzer/zorgen-over/")
    answer(page, "Ik zorg zelf voor deze persoon", "/wegwijzer/mantelzorg/")
    answer(page, "De persoon voor wie ik zorg heeft meer hulp nodig", "/wegwijzer/uitkomst/meer-zorg-naaste/")
    label = page.locator("[data-ww-kern-vraag]")
    assert label.inner_text() == "In welk dorp of welke wijk woont die persoon?"
    page.locator("#sk-ww-kern").select_option(label="Rosmarke")
    assert page.locator("[data-ww-kern-uitkomst]").inner_text().startswith("Die persoon woont in Rosmarke. Het sociaal team daar is Sociaal team Zuid")

    # Only reachable for someone else: the page itself says so, even without the answers.
    page.goto(site_url + "/wegwijzer/uitkomst/ouder-wordende-ouder/")
    assert page.locator("[data-ww-kern-vraag]").inner_text() == "In welk dorp of welke wijk woont die persoon?"


def shown_cards(page, expected: int | None = None) -> list:
    """The suggested voorzieningen a reader sees, once wegwijzer.js has filtered them (≤ 5 s)."""
    cards = page.locator("[data-ww-voorzieningen] > li")
    for _ in range(50):
        shown = [c for c in cards.all() if c.is_visible()]
        if expected is None or len(shown) == expected:
            break
        page.wait_for_timeout(100)
    return shown


def test_one_door_outcome_suggests_only_what_serves_the_kern_chosen_elsewhere(phone, site_url):
    """An outcome with one door for the whole region (schuldhulpverlening, Werkplein) has no kern chooser
    of its own; a kern chosen on another page still filters its suggestions. A resident of Stroetinge
    (Wolderbeek) used to get only Egelstede's geldmaatje, cursus and spreekuur; the cliëntondersteuners follow too."""
    page = phone()
    page.goto(site_url + "/wegwijzer/uitkomst/uitkering/")
    assert page.locator("#sk-ww-kern").count() == 0  # one door: no chooser on this page
    before = shown_cards(page)
    assert any("stroetinge" not in (c.get_attribute("data-kernen") or "").split() and c.get_attribute("data-overal") == "nee" for c in before)
    page.evaluate("k => localStorage.setItem(k, 'stroetinge')", KERN_KEY)
    page.reload()
    shown = shown_cards(page, expected=1)
    assert shown and all(c.get_attribute("data-overal") == "ja" or "stroetinge" in c.get_attribute("data-kernen").split() for c in shown)
    assert "voor Stroetinge" in page.locator("[data-ww-meer-tekst]").inner_text()
    ondersteuners = [li for li in page.locator(".sk-ww-ondersteuners li[data-werkgebied]").all() if li.is_visible()]
    assert ondersteuners and all({"wolderbeek", "gebied-wolderbeek", "stroetinge"} & set(li.get_attribute("data-werkgebied").split()) for li in ondersteuners)

    # Nothing serves the kern: the list says so instead of standing empty under its heading.
    page.goto(site_url + "/wegwijzer/uitkomst/schulden/")
    assert shown_cards(page, expected=0) == []
    assert page.locator("[data-ww-geen]").inner_text().startswith("Voor Stroetinge staan hier geen voorzieningen")
    # A choice in the contact block on the same page is followed at once.
    page.evaluate("() => window.SocialeKaartKern.kies('teutloo')")
    page.locator("[data-ww-geen]").wait_for(state="hidden")
    shown = shown_cards(page)
    assert shown and all(c.get_attribute("data-overal") == "ja" or "teutloo" in c.get_attribute("data-kernen").split() for c in shown)
    # The note of dichtbij.js ("Plekken dicht bij …") and this one live side by side: each kern change
    # leaves exactly the notes of the kern now chosen, never one of the kern before (also when the page
    # opens with a kern that has a place close by, so that dichtbij.js writes its note first).
    page.reload()
    notes = "() => [...document.querySelectorAll('#voorzieningen ~ p.sk-note')].filter(n => !n.hidden).map(n => n.textContent)"
    page.wait_for_function("(" + notes + ")().join(' ').includes('Teutloo')")
    assert page.evaluate(notes) == ["Plekken dicht bij Teutloo staan bovenaan."]
    page.evaluate("() => window.SocialeKaartKern.kies('stroetinge')")
    page.locator("[data-ww-geen]").wait_for(state="visible")
    page.wait_for_timeout(300)  # dichtbij.js re-orders after its own promise
    assert page.evaluate(notes) == ["Voor Stroetinge staan hier geen voorzieningen die passen."]
    page.evaluate("() => window.SocialeKaartKern.kies('teutloo')")
    page.locator("[data-ww-geen]").wait_for(state="hidden")
    page.wait_for_timeout(300)
    assert page.evaluate(notes) == ["Plekken dicht bij Teutloo staan bovenaan."]


def test_choosing_a_kern_changes_the_suggested_voorzieningen(phone, site_url, demo_kaart):
    """The chosen kern's gebied first, then region-wide; nothing from other gebieden; at most six shown."""
    page = phone()
    page.goto(site_url + "/wegwijzer/uitkomst/eenzaam/")
    cards = page.locator("[data-ww-voorzieningen] > li")
    before = [c.locator("a").first.get_attribute("href") for c in cards.all() if c.is_visible()]
    page.locator("#sk-ww-kern").select_option("rosmarke")
    for _ in range(50):  # the list is re-filtered by the change handler: wait for it, as a reader would (≤ 5 s)
        shown = [c for c in cards.all() if c.is_visible()]
        if 1 <= len(shown) <= 6:
            break
        page.wait_for_timeout(100)
    assert 1 <= len(shown) <= 6
    overal = [c.get_attribute("data-overal") == "ja" for c in shown]
    # everything shown serves Rosmarke (a card that serves every kern carries no kern list)
    assert all(o or "rosmarke" in c.get_attribute("data-kernen").split() for o, c in zip(overal, shown))
    assert overal == sorted(overal)  # the gebied's own first, then region-wide
    assert not all(overal)  # and there is something close by in Zuid
    after = [c.locator("a").first.get_attribute("href") for c in shown]
    assert after != before  # choosing a kern changes what is suggested
    meer = page.locator("[data-ww-meer-kern] a")
    assert meer.is_visible() and meer.get_attribute("href").endswith("/kernen/rosmarke/")
