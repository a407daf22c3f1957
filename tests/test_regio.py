"""A region of several gemeenten in one kaart: every kern has its gemeente's KCC and a sociaal team.

The demo is two gemeenten (Egelstede and its smaller neighbour Wolderbeek); the large synthetic kaart
of the session (1,200 voorzieningen, two gemeenten) is checked kern by kern on the built site.
"""

from __future__ import annotations

import json
import re
import shutil

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
    missing = sorted(p.message.split("'")[1] for p in problems)
    assert missing == ["Dalen", "Dalen"]  # no sociaal team and no KCC; the kernen of Proefgem are fine
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


def test_an_outcome_with_one_gemeentes_kcc_names_the_other_gemeentes_kcc_too(demo_site, demo):
    html = (demo_site / "wegwijzer" / "uitkomst" / "formulierenhulp" / "index.html").read_text(encoding="utf-8")
    assert "Woon je in Wolderbeek?" in html
    assert f'href="tel:{demo.ingangen["kcc-wolderbeek"].contact.telefoon}"' in html


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
