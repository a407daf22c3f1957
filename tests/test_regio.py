"""A region of several gemeenten in one kaart: every kern has its gemeente's KCC and a sociaal team.

The demo is two gemeenten (Egelstede and its smaller neighbour Wolderbeek); the large synthetic kaart
of the session (1,200 voorzieningen, two gemeenten) is checked kern by kern on the built site.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build.contact import CONTACT_DATA_URI
from generator.build.urls import kern_url
from generator.fields import format_phone
from generator.validate import load_kaart


def test_the_demo_is_a_region_of_two_gemeenten_with_shared_regional_records(demo):
    assert [g.id for g in demo.gebieden.gemeenten] == ["egelstede", "wolderbeek"]
    kccs = {gemeente.id: kcc for gemeente, kcc in demo.kcc_per_gemeente()}
    assert kccs["egelstede"].id != kccs["wolderbeek"].id
    assert kccs["egelstede"].contact.telefoon != kccs["wolderbeek"].contact.telefoon
    regional = [v for v in demo.voorzieningen.values() if {"egelstede", "wolderbeek"} <= set(v.werkgebied)]
    assert len(regional) >= 10
    gemeente_orgs = {o.id for o in demo.organisaties.values() if o.soort == "gemeente"}
    assert gemeente_orgs == {"gemeente-egelstede", "gemeente-wolderbeek"}
    assert demo.organisaties["gemeente-wolderbeek"].beheerders  # its own beheerders


def test_every_kern_of_every_gemeente_has_a_team_and_the_kcc_of_its_own_gemeente(demo):
    for kern_id, gemeente in demo.gemeente_van_kern.items():
        team, kcc = demo.sociaal_team_voor(kern_id), demo.kcc_voor(kern_id)
        assert team is not None and kcc is not None, kern_id
        assert gemeente.id in kcc.werkgebied, kern_id
        assert demo.organisaties[team.organisatie].soort == "gemeente"


def test_a_kern_without_kcc_is_an_error_in_dutch_at_the_kern(mini_kaart):
    (mini_kaart / "ingangen" / "kcc-proefgem.yaml").unlink()
    _, problems = load_kaart(mini_kaart)
    messages = [p for p in problems if "klantcontactcentrum" in p.message]
    assert len(messages) == 3  # akkerveen, beekzand, cranenburg
    first = messages[0]
    lines = (mini_kaart / "gebieden.yaml").read_text(encoding="utf-8").splitlines()
    assert first.path.endswith("gebieden.yaml") and lines[first.line - 1].strip() == "- id: akkerveen"
    assert "Geen klantcontactcentrum (KCC) voor kern 'Akkerveen' (Gemeente Proefgem)" in first.message
    assert "'soort: kcc'" in first.message and "'proefgem'" in first.message


def test_a_kcc_for_one_gemeente_leaves_the_other_gemeente_without(mini_kaart):
    text = (mini_kaart / "gebieden.yaml").read_text(encoding="utf-8")
    text += "  - id: buurgem\n    naam: Gemeente Buurgem\n    gebieden:\n      - id: gebied-c\n        naam: Gebied C\n        kernen:\n          - id: dalen\n            naam: Dalen\n"
    (mini_kaart / "gebieden.yaml").write_text(text, encoding="utf-8")
    _, problems = load_kaart(mini_kaart)
    missing = sorted(p.message.split("'")[1] for p in problems if p.message.startswith("Geen "))
    assert missing == ["Dalen", "Dalen"]  # no sociaal team and no KCC; the kernen of Proefgem are fine
    # and with two gemeenten each must name its organisation
    assert len([p for p in problems if "Er staat niet bij welke organisatie" in p.message]) == 2
    assert any("Geen sociaal team voor kern 'Dalen' (Gemeente Buurgem)" in p.message for p in problems)


def test_the_contact_block_narrows_to_the_kcc_of_the_chosen_kern(site_url, browser_page, demo):
    egelstede = demo.kcc_voor("brummerveen").contact.telefoon
    wolderbeek = demo.kcc_voor("loverdink").contact.telefoon
    page = browser_page
    page.goto(site_url + "/themas/mantelzorg/")
    kort = page.locator(".sk-praten-kort [data-sk-kcc]")
    assert format_phone(egelstede) in kort.inner_text() and format_phone(wolderbeek) in kort.inner_text()
    page.locator("#sk-praten select").select_option("loverdink")
    page.wait_for_function("document.querySelector('.sk-praten-kort [data-sk-kcc]').textContent.includes('Wolderbeek:')")
    assert kort.inner_text() == f"de gemeente Wolderbeek: {format_phone(wolderbeek)}"
    assert kort.get_by_role("link").get_attribute("href") == f"tel:{wolderbeek}"
    assert "Sociaal team Wolderbeek" in page.locator("#sk-praten .sk-praten__naam").inner_text()
    page.locator("#sk-praten select").select_option("brummerveen")
    page.wait_for_function("document.querySelector('.sk-praten-kort [data-sk-kcc]').textContent.includes('Egelstede:')")
    assert format_phone(wolderbeek) not in kort.inner_text()


def test_an_outcome_with_one_gemeentes_ingang_sends_the_other_gemeente_to_its_own(demo):
    from generator.wegwijzer.deur import deur_groepen, deuren

    # Since issue 10 no outcome's door is a KCC (the routing check forbids it) and the demo's other
    # ingangen serve the whole region; the rule (an ingang of one gemeente: elsewhere the same soort
    # of ingang there) is checked on the KCC directly.
    uitkomst = demo.extras["wegwijzer"].uitkomsten["schulden"].model_copy(update={"ingang": "kcc-egelstede"})
    wolderbeek = next(k for k, g in demo.gemeente_van_kern.items() if g.id == "wolderbeek")
    egelstede = next(k for k, g in demo.gemeente_van_kern.items() if g.id == "egelstede")
    assert [d.id for d in deuren(demo, uitkomst, wolderbeek)] == ["kcc-wolderbeek"]
    assert [d.id for d in deuren(demo, uitkomst, egelstede)] == ["kcc-egelstede"]
    groepen = deur_groepen(demo, uitkomst)
    assert [[d.id for d in g.deuren] for g in groepen] == [["kcc-egelstede"], ["kcc-wolderbeek"]]
    assert {k.id for g in groepen for k in g.kernen} == set(demo.kernen)


def test_every_outcome_with_one_gemeentes_door_says_where_the_other_kernen_go(demo, demo_site):
    """A Wolderbeek resident on an outcome whose door is an Egelstede service reads where to go instead
    (the same door the routing check and the call script use: deur.deuren)."""
    from generator.wegwijzer.deur import deuren, vaste_deur
    from generator.wegwijzer.pages import uitkomst_url

    checked = 0
    for uitkomst in demo.extras["wegwijzer"].uitkomsten.values():
        deur = vaste_deur(demo, uitkomst)
        if deur is None:
            continue
        outside = sorted(set(demo.kernen) - demo.kernen_in(deur.record.werkgebied))
        if not outside:
            continue
        page = (demo_site / uitkomst_url(uitkomst.id) / "index.html").read_text(encoding="utf-8")
        for kern_id in outside:
            elders = deuren(demo, uitkomst, kern_id)
            assert elders and elders[0].id != deur.id, (uitkomst.id, kern_id)
            # the door's section says whom it is for ("Voor Wolderbeek"): data-kernen holds the kern
            section = re.search(rf'<section class="sk-ww-team" data-kernen="(?:[^"]* )?{kern_id}(?: [^"]*)?"[^>]*>(.*?)</section>', page, re.S)
            assert section and 'class="sk-ww-team__kernen">Voor ' in section.group(1), (uitkomst.id, kern_id)
            assert f'/{elders[0].url}"' in section.group(1), (uitkomst.id, kern_id)
            assert f'href="tel:{elders[0].telefoon}"' in page, (uitkomst.id, kern_id)
        checked += 1
    assert checked >= 3


def test_large_two_gemeente_kaart_every_kern_has_team_and_kcc_on_the_built_site(large_kaart, large_site):
    kaart, problems = load_kaart(large_kaart)
    assert list(problems) == []
    assert len(kaart.voorzieningen) == 1200 and len(kaart.gebieden.gemeenten) == 2
    data = json.loads((large_site / CONTACT_DATA_URI).read_text(encoding="utf-8"))
    for kern_id, gemeente in kaart.gemeente_van_kern.items():
        team, kcc = kaart.sociaal_team_voor(kern_id), kaart.kcc_voor(kern_id)
        assert gemeente.id in kcc.werkgebied
        # the contact block on every page (contact.json) ...
        assert data["teams"][data["kern_team"][kern_id]]["telefoon"]["tel"] == team.contact.telefoon
        assert data["kcc"][data["kern_kcc"][kern_id]]["tel"] == kcc.contact.telefoon
        # ... and the kern's own page
        page = (large_site / kern_url(kern_id) / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="[^"]*ingangen/{team.id}/"', page), kern_id
        assert f'href="tel:{team.contact.telefoon}"' in page, kern_id
        assert f'href="tel:{kcc.contact.telefoon}"' in page, kern_id
    numbers = {data["kcc"][k]["tel"] for k in data["kern_kcc"].values()}
    assert len(numbers) == 2  # each gemeente its own number


# --- the postcode chooser (contact.js) ----------------------------------------------------------


def test_a_postcode_chooses_the_kern_and_a_shared_postcode_offers_the_choice(site_url, browser_page, demo):
    page = browser_page
    page.goto(site_url + "/contact/")
    block = page.locator(".sk-jouw-team")
    postcode = block.get_by_label("Of typ de 4 cijfers van je postcode:")
    postcode.fill("7781")  # Brummerveen only
    page.wait_for_function("localStorage.getItem('sociale-kaart-kern') === 'brummerveen'")
    assert block.locator("select").input_value() == "brummerveen"
    assert "Postcode 7781 is Brummerveen." in block.locator(".sk-praten__postcode-uitkomst").inner_text()
    assert demo.sociaal_team_voor("brummerveen").naam in block.locator(".sk-praten__naam").inner_text()

    postcode.fill("7745 AB")  # Loverdink and Schapendrift share 7745; letters after the digits are fine
    keuzes = block.locator("[data-sk-kern-keuze]")
    keuzes.first.wait_for()
    assert sorted(keuzes.all_inner_texts()) == ["Loverdink", "Schapendrift"]
    assert page.evaluate("localStorage.getItem('sociale-kaart-kern')") == "brummerveen"  # nothing chosen yet
    block.get_by_role("button", name="Schapendrift").click()
    page.wait_for_function("localStorage.getItem('sociale-kaart-kern') === 'schapendrift'")
    assert "Sociaal team Wolderbeek" in block.locator(".sk-praten__naam").inner_text()
    stored = page.evaluate("Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join(';')")
    assert "7745" not in stored and "7781" not in stored  # only the kern is kept, on this device

    postcode.fill("1234")
    assert "staat niet op deze kaart" in block.locator(".sk-praten__postcode-uitkomst").inner_text()
    assert page.evaluate("localStorage.getItem('sociale-kaart-kern')") == "schapendrift"
    page.reload()
    assert page.locator(".sk-jouw-team select").input_value() == "schapendrift"


def test_every_postcode_in_the_demo_leads_to_a_kern_with_a_team(demo):
    by_postcode: dict[str, list[str]] = {}
    for kern in demo.kernen.values():
        assert kern.postcodes and kern.coordinaten, kern.id
        for postcode in kern.postcodes:
            by_postcode.setdefault(postcode, []).append(kern.id)
    shared = {p: k for p, k in by_postcode.items() if len(k) > 1}
    assert shared == {"7797": ["wennerloo", "de-sliek"], "7745": ["loverdink", "schapendrift"]}


# --- nearness and the OpenStreetMap link ---------------------------------------------------------


def test_places_are_the_locations_or_else_the_centre_of_their_kern(demo):
    from generator.build.nabij import osm_url, plek_attribuut, plekken

    koffie = demo.voorzieningen["koffie-inloop-de-wolder"]  # a location with its own coordinates
    assert plekken(demo, koffie) == [(52.6012, 6.8488)]
    formulieren = demo.voorzieningen["formulierenhulp-wolderbeek"]  # a location without: its kern's centre
    centre = demo.kernen["stroetinge"].coordinaten
    assert plek_attribuut(demo, formulieren) == f"{centre.lat:g},{centre.lon:g}"
    assert plekken(demo, demo.voorzieningen["meedoenregeling-wolderbeek"]) == []  # no place, only a phone
    assert osm_url(koffie.locaties[0].adres, koffie.locaties[0].coordinaten) == "https://www.openstreetmap.org/?mlat=52.6012&mlon=6.8488#map=17/52.6012/6.8488"
    assert osm_url(formulieren.locaties[0].adres) == "https://www.openstreetmap.org/search?query=Kerkpad%203%2C%207742%20AE%20Stroetinge"


def test_every_address_has_a_plain_openstreetmap_link_and_nothing_is_loaded_from_it(demo, demo_site):
    for voorziening in demo.voorzieningen.values():
        html = (demo_site / "voorzieningen" / voorziening.id / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a class="sk-osm" href="(https://www\.openstreetmap\.org/[^"]+)" rel="noopener noreferrer">Open in OpenStreetMap</a>', html)
        assert len(links) == len(voorziening.locaties), voorziening.id
    for path in demo_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        # only as a link target: never as src of an image, script, frame or stylesheet
        assert not re.search(r'(src|data|srcset)="[^"]*openstreetmap', html), path
        assert html.count("openstreetmap.org") == html.count('class="sk-osm" href="https://www.openstreetmap.org/'), path


def test_near_note_only_when_a_shown_card_is_near(site_url, browser_page, demo):
    """On a theme page the kern filter hides what is not for the kern. Stroetinge (Wolderbeek) lies within
    15 km of Egelstede's places for psychische problemen, which it does not get: the list must not claim
    'Plekken dicht bij Stroetinge staan bovenaan' above cards that are all far away."""
    page = browser_page
    page.goto(site_url + "/themas/psychisch-en-verslaving/")
    page.evaluate("window.SocialeKaartKern.kies('stroetinge')")
    page.wait_for_function("document.querySelector('[data-sk-kernfilter-status]').textContent.includes('Stroetinge')")
    page.wait_for_timeout(300)  # dichtbij.js arranges after contact.json
    note = page.locator("[data-sk-dichtbij-note]")
    if note.count() and note.is_visible():
        first = page.locator("[data-sk-dichtbij] > .sk-card:not([hidden])").first
        assert first.get_attribute("data-sk-plek"), "the note says near, but the first card shown has no place"
        lat, lon = map(float, first.get_attribute("data-sk-plek").split()[0].split(","))
        import math
        centre = demo.kernen["stroetinge"].coordinaten
        assert math.hypot((lat - centre.lat) * 111.2, (lon - centre.lon) * 111.2 * math.cos(math.radians(lat))) <= 15, (lat, lon)
    # and when the kern has places near it that it gets, the note is there
    page.evaluate("window.SocialeKaartKern.kies('wolderbeek-dorp')")
    page.goto(site_url + "/themas/meedoen-en-ontmoeten/")
    page.wait_for_function("document.querySelector('[data-sk-dichtbij-note]') && !document.querySelector('[data-sk-dichtbij-note]').hidden")


def test_theme_and_search_lists_put_places_near_the_chosen_kern_first(site_url, browser_page, demo):
    page = browser_page
    page.goto(site_url + "/themas/meedoen-en-ontmoeten/")
    cards = page.locator("[data-sk-dichtbij] > .sk-card .sk-card__title")
    alphabetical = cards.all_inner_texts()
    assert alphabetical == sorted(alphabetical, key=str.casefold)  # no kern chosen: nothing moves
    assert alphabetical[0] != "Koffie-inloop De Wolder"
    page.evaluate("window.SocialeKaartKern.kies('wolderbeek-dorp')")
    page.wait_for_function("document.querySelector('[data-sk-dichtbij-note]') && !document.querySelector('[data-sk-dichtbij-note]').hidden")
    assert cards.first.inner_text() == "Koffie-inloop De Wolder"  # in Wolderbeek itself
    assert "dicht bij Wolderbeek" in page.locator("[data-sk-dichtbij-note]").inner_text()
    near = page.evaluate("""Array.from(document.querySelectorAll('[data-sk-dichtbij] > .sk-card')).map(card =>
        (card.getAttribute('data-sk-plek') || '').split(' ').filter(Boolean).map(p => p.split(',').map(Number)))""")
    centre = demo.kernen["wolderbeek-dorp"].coordinaten

    def km(points):
        import math
        return min((math.hypot((lat - centre.lat) * 111.2, (lon - centre.lon) * 111.2 * math.cos(math.radians(lat))) for lat, lon in points), default=math.inf)

    distances = [km(points) for points in near]
    close = [d for d in distances if d <= 15]
    assert close and distances[: len(close)] == sorted(close)  # the near ones first, nearest first
    page.evaluate("window.SocialeKaartKern.kies('')")
    page.wait_for_function("document.querySelector('[data-sk-dichtbij-note]').hidden")
    assert cards.all_inner_texts() == alphabetical  # forgetting the kern restores the order

    page.goto(site_url + "/zoeken/?q=koffie")
    titles = page.locator("#sk-resultaten .sk-card .sk-card__title")
    titles.first.wait_for()
    ranked = titles.all_inner_texts()
    assert "Koffie-inloop De Wolder" in ranked and ranked[0] != "Koffie-inloop De Wolder"
    page.evaluate("window.SocialeKaartKern.kies('wolderbeek-dorp')")  # the results follow the new kern
    page.wait_for_function("document.querySelector('#sk-resultaten .sk-card__title').textContent.includes('Wolder')")
    # among the koffie-inlopen (names with the word: equally relevant) the one in Wolderbeek comes first
    assert titles.first.inner_text() == "Koffie-inloop De Wolder"
    page.reload()
    titles.first.wait_for()
    assert titles.first.inner_text() == "Koffie-inloop De Wolder"


@pytest.mark.parametrize("query", ["schulden", "rolstoel", "ik kan mijn rekeningen niet betalen", "eenzaam", "vervoer"])
def test_nearness_never_lifts_a_less_relevant_result_over_a_more_relevant_one(site_url, browser_page, query):
    """With a kern chosen, search results move only within a band of about equal relevance (same tier, score
    within a factor 2 of the best of the tier): the official door and the name matches stay on top."""
    page = browser_page
    page.goto(site_url + "/")
    page.evaluate("window.SocialeKaartKern.kies('brummerveen')")
    page.goto(site_url + "/zoeken/?q=" + query.replace(" ", "+"))
    page.locator("#sk-resultaten .sk-card .sk-card__title").first.wait_for()
    # the ranking the page draws: with the kern chosen (places that do not serve it already score less)
    ranked = page.evaluate("""async (q) => (await window.SocialeKaartZoek.zoek(q, {}, {kaarten: 0, woonkern: 'brummerveen'}))
        .filter(h => h.soort !== 'ingang' || !window.SocialeKaartZoek.vangnet(q).some(l => l.id === h.id))
        .map(h => [h.naam, h.rang, h.score])""", query)
    shown = page.locator("#sk-resultaten .sk-card .sk-card__title").all_inner_texts()
    position = {name: at for at, name in enumerate(shown)}
    for a_name, a_rang, a_score in ranked:
        for b_name, b_rang, b_score in ranked:
            if a_name in position and b_name in position and (a_rang > b_rang or (a_rang == b_rang and a_score > 2 * b_score)):
                assert position[a_name] < position[b_name], (query, a_name, b_name, shown)
    page.evaluate("window.SocialeKaartKern.kies('')")


def _demo_copy(tmp_path):
    from support import DEMO_KAART

    target = tmp_path / "kaart"
    shutil.copytree(DEMO_KAART, target)
    return target


def test_a_gemeente_cannot_give_itself_a_team_or_kcc_for_a_kern_of_another_gemeente(tmp_path):
    """Taking over a kern's door: Wolderbeek's organisation adds a sociaal team for an Egelstede kern, or widens
    its own KCC to one. The narrowest werkgebied would win the routing; the check refuses it at 'werkgebied'."""
    kaart = _demo_copy(tmp_path)
    team = (kaart / "ingangen" / "sociaal-team-wolderbeek.yaml").read_text(encoding="utf-8")
    (kaart / "ingangen" / "sociaal-team-centrum.yaml").write_text(
        team.replace("id: sociaal-team-wolderbeek", "id: sociaal-team-centrum").replace("[gebied-wolderbeek]", "[egelstede-centrum]"), encoding="utf-8")
    kcc = kaart / "ingangen" / "kcc-wolderbeek.yaml"
    kcc.write_text(kcc.read_text(encoding="utf-8").replace("werkgebied: [wolderbeek]", "werkgebied: [wolderbeek, brummerveen]"), encoding="utf-8")
    _, problems = load_kaart(kaart)
    takeovers = [p for p in problems if "Alleen de organisatie van een gemeente (in gebieden.yaml)" in p.message]
    assert sorted(Path(p.path).name for p in takeovers) == ["kcc-wolderbeek.yaml", "sociaal-team-centrum.yaml"]
    for problem in takeovers:
        line = Path(problem.path).read_text(encoding="utf-8").splitlines()[problem.line - 1]
        assert line.startswith("werkgebied:"), problem
    assert any("Egelstede-Centrum" in p.message for p in takeovers) and any("Brummerveen" in p.message for p in takeovers)


def test_a_gemeente_cannot_take_another_gemeentes_kernen_with_a_kcc_or_team_of_its_own(tmp_path):
    """The other way round: Egelstede's organisation adds a KCC whose werkgebied is all of Wolderbeek, and a team for
    one Wolderbeek kern (a narrower werkgebied would win the routing). Which gemeente an organisation is for comes
    from gebieden.yaml, not from the KCCs it holds, so both are refused."""
    kaart = _demo_copy(tmp_path)
    kcc = (kaart / "ingangen" / "kcc-egelstede.yaml").read_text(encoding="utf-8")
    (kaart / "ingangen" / "kcc-aaa.yaml").write_text(
        kcc.replace("id: kcc-egelstede", "id: kcc-aaa").replace("werkgebied: [egelstede]", "werkgebied: [wolderbeek]"), encoding="utf-8")
    team = (kaart / "ingangen" / "sociaal-team-west.yaml").read_text(encoding="utf-8")
    (kaart / "ingangen" / "sociaal-team-aaa.yaml").write_text(
        team.replace("id: sociaal-team-west", "id: sociaal-team-aaa").replace("werkgebied: [west]", "werkgebied: [stroetinge]"), encoding="utf-8")
    _, problems = load_kaart(kaart)
    takeovers = [p for p in problems if "Alleen de organisatie van een gemeente (in gebieden.yaml)" in p.message]
    assert sorted(Path(p.path).name for p in takeovers) == ["kcc-aaa.yaml", "sociaal-team-aaa.yaml"], [str(p) for p in problems]


@pytest.mark.parametrize("old, new, fragment", [
    ("    organisatie: gemeente-wolderbeek\n", "", "Er staat niet bij welke organisatie"),
    ("    organisatie: gemeente-wolderbeek\n", "    organisatie: welzijn-wolderbeek\n", "geen organisatie met 'soort: gemeente'"),
])
def test_in_a_region_every_gemeente_names_its_own_gemeente_organisation(tmp_path, old, new, fragment):
    kaart = _demo_copy(tmp_path)
    gebieden = kaart / "gebieden.yaml"
    text = gebieden.read_text(encoding="utf-8")
    assert old in text
    gebieden.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load_kaart(kaart)
    mine = [p for p in problems if fragment in p.message]
    assert len(mine) == 1 and Path(mine[0].path).name == "gebieden.yaml", [str(p) for p in problems]


def test_a_gemeentes_beheerder_cannot_change_another_gemeentes_part_of_gebieden(tmp_path):
    """Moving a kern to your own gemeente, or giving another gemeente your organisation, hands its residents to your
    doors: in the pull request a gemeente's beheerders may change only their own part of gebieden.yaml."""
    from generator.ownership import check_changes

    base_dir = _demo_copy(tmp_path / "basis")
    head_dir = _demo_copy(tmp_path / "voorstel")
    base, problems = load_kaart(base_dir)
    assert list(problems) == []
    beheerder = base.organisaties["gemeente-egelstede"].beheerders[0]
    gebieden = head_dir / "gebieden.yaml"
    original = gebieden.read_text(encoding="utf-8")
    for changed in (original.replace("organisatie: gemeente-wolderbeek", "organisatie: gemeente-egelstede"),
                    original.replace("naam: Stroetinge", "naam: Stroetinge (Egelstede)")):
        assert changed != original
        gebieden.write_text(changed, encoding="utf-8")
        refused = check_changes(beheerder, [str(gebieden.relative_to(head_dir.parent))], head_dir, base)
        assert len(refused) == 1 and "gemeente 'wolderbeek'" in refused[0].message, [str(p) for p in refused]
    gebieden.write_text(original.replace("naam: Brummerveen", "naam: Brummerveen-Dorp"), encoding="utf-8")  # its own part
    assert list(check_changes(beheerder, [str(gebieden.relative_to(head_dir.parent))], head_dir, base)) == []


def test_a_national_lines_organisation_may_not_carry_another_lines_name_or_number(tmp_path):
    kaart = _demo_copy(tmp_path)
    voorziening = (kaart / "voorzieningen" / "repair-cafe.yaml").read_text(encoding="utf-8")
    luister = kaart / "voorzieningen" / "nep-lijn.yaml"
    text = voorziening.replace("id: repair-cafe", "id: nep-lijn").replace("naam: Repair Café", "naam: Veilig Thuis Egelland")
    text = re.sub(r"organisatie: .*", "organisatie: stichting-de-luisterlijn", text, count=1)
    text = re.sub(r"  telefoon: .*", "  telefoon: 0800 2000", text, count=1)
    luister.write_text(text, encoding="utf-8")
    _, problems = load_kaart(kaart)
    mine = [p.message for p in problems if Path(p.path).name == "nep-lijn.yaml"]
    assert any("voorbehouden" in m for m in mine) and any("Alleen de ingang 'veilig-thuis'" in m for m in mine), mine


def test_a_regional_ingang_of_one_gemeente_may_serve_the_whole_region(demo):
    # cjg, werkplein and schuldhulpverlening of gemeente Egelstede serve Wolderbeek too: only teams and KCCs are per gemeente
    assert {demo.ingangen[i].organisatie for i in ("cjg-egelstede", "werkplein-egelland")} == {"gemeente-egelstede"}
    assert demo.kernen_in(demo.ingangen["werkplein-egelland"].werkgebied) == set(demo.kernen)


POSING_AS_THE_GEMEENTE = [  # (file in the demo kaart, line as it is, line as a partner proposes it, fragment of the refusal)
    ("ingangen/huisartsenpost-egelland.yaml", "  telefoon: 0523 809 900", "  telefoon: 0523 800 100", "dag en nacht"),
    ("voorzieningen/formulierenhulp-wolderbeek.yaml", "naam: Formulierenhulp Wolderbeek", "naam: Sociaal team Wolderbeek", "Sociaal team Wolderbeek"),
    ("voorzieningen/formulierenhulp-wolderbeek.yaml", "naam: Formulierenhulp Wolderbeek", "naam: Klantcontactcentrum gemeente Wolderbeek", "gemeente"),
    ("voorzieningen/formulierenhulp-wolderbeek.yaml", "naam: Formulierenhulp Wolderbeek", "naam: Gemeente Wolderbeek – Wmo-loket", "gemeente"),
    ("organisaties/welzijn-wolderbeek.yaml", "naam: Stichting Samen Wolderbeek", "naam: Gemeente Wolderbeek", "gemeente"),
    ("organisaties/welzijn-wolderbeek.yaml", "naam: Stichting Samen Wolderbeek", "naam: Wijkcentrum gemeente Egelstede", "gemeente"),
    ("voorzieningen/formulierenhulp-wolderbeek.yaml", "  telefoon: 0523 871 020", "  telefoon: 0523 870 100", "Klantcontactcentrum gemeente Wolderbeek"),
]


@pytest.mark.parametrize("relative, old, new, fragment", POSING_AS_THE_GEMEENTE)
def test_a_partner_cannot_pose_as_the_gemeente_or_take_its_numbers(tmp_path, relative, old, new, fragment):
    """Either gemeente's doors: a partner of Wolderbeek may not take the name or number of a door of Wolderbeek or of
    Egelstede; a huisartsenpost (called at night) never shows the KCC's number (closed at night)."""
    kaart = _demo_copy(tmp_path)
    file = kaart / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load_kaart(kaart)
    mine = [p for p in problems if Path(p.path).name == file.name]
    assert mine and any(fragment in p.message for p in mine), [str(p) for p in problems]
    assert all(file.read_text(encoding="utf-8").splitlines()[p.line - 1].strip().startswith(new.strip().split(":")[0]) for p in mine), [str(p) for p in mine]


def test_a_church_called_gemeente_keeps_its_name(tmp_path):
    kaart = _demo_copy(tmp_path)
    file = kaart / "organisaties" / "pg-haarsloo.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("naam: Protestantse Gemeente Haarsloo", "naam: Protestantse Gemeente Wolderbeek"), encoding="utf-8")
    assert "Protestantse Gemeente Wolderbeek" in file.read_text(encoding="utf-8")
    assert list(load_kaart(kaart)[1]) == []


@pytest.mark.parametrize("beschrijving, fragment", [
    ("Onveilig thuis? Kijk bij [Veilig Thuis](https://www.veiligthuis.nl/).", None),
    ("Een vraag voor de gemeente? [Sociaal team Wolderbeek](https://www.wolderbeek.nl/sociaal-team).", None),
    ("Onveilig thuis? Bel [Veilig Thuis](tel:0523871020).", "Veilig Thuis"),
    ("Een vraag voor de gemeente? [Sociaal team Wolderbeek](https://www.samenwolderbeek.nl/team).", "Sociaal team Wolderbeek"),
])
def test_a_link_that_names_a_line_or_a_door_goes_there(tmp_path, beschrijving, fragment):
    kaart = _demo_copy(tmp_path)
    file = kaart / "voorzieningen" / "formulierenhulp-wolderbeek.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("samenvatting: >-", f"beschrijving: '{beschrijving}'\nsamenvatting: >-", 1), encoding="utf-8")
    _, problems = load_kaart(kaart)
    if fragment is None:
        assert list(problems) == []
    else:
        mine = [p for p in problems if Path(p.path).resolve() == file.resolve()]
        assert [p.line for p in mine] == [4] and fragment in mine[0].message, [str(p) for p in problems]
