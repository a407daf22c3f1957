"""The KCC pages' data (generator/kcc/): kcc.json per record, freshness marks, the call script, the built pages."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.fields import format_phone
from generator.freshness import OUTDATED_MONTHS, WARN_MONTHS
from generator.kcc.belscript import BELSCRIPT_URL, UITKOMSTEN_PER_PAGINA, UITKOMSTEN_URL, belscript
from generator.kcc.data import KCC_DATA_URI, VERSIE, kcc_data
from generator.kcc.pages import kcc_pages
from generator.openingstijden import to_json
from generator.validate import load_kaart

from support import MINI_KAART


@pytest.fixture(scope="module")
def data(demo):
    return kcc_data(demo)


def active_records(kaart):
    for soort, records in kaart.records.items():
        for record in records.values():
            if getattr(record, "status", "actief") != "gestopt":
                yield soort, record


# --- kcc.json -----------------------------------------------------------------------------------


def test_every_record_with_a_kcc_block_carries_its_answer_and_hand_over_rule(demo, data):
    with_kcc = [(soort, r) for soort, r in active_records(demo) if getattr(r, "kcc", None)]
    assert len(with_kcc) > 100  # the demo gives most records a KCC answer
    for soort, record in with_kcc:
        entry = data["records"][soort][record.id]
        assert entry["antwoord"] == record.kcc.antwoord, record.id
        assert entry.get("doorverwijzen") == record.kcc.doorverwijzen, record.id


def test_organisation_names_come_once_in_a_table(demo, data):
    entry = data["records"]["voorziening"][next(iter(sorted(demo.voorzieningen)))]
    organisatie = demo.voorzieningen[next(iter(sorted(demo.voorzieningen)))].organisatie
    assert entry["organisatie"] == organisatie
    assert data["organisaties"][organisatie] == demo.organisaties[organisatie].naam


def test_stopped_records_are_left_out_like_in_the_search_index(demo):
    record = next(iter(demo.voorzieningen.values()))
    record_copy = record.model_copy(update={"status": "gestopt"})
    demo.voorzieningen[record.id] = record_copy
    try:
        assert record.id not in kcc_data(demo)["records"]["voorziening"]
    finally:
        demo.voorzieningen[record.id] = record


def test_hours_for_nu_open_are_the_records_own_or_its_first_locations(demo, data):
    team = next(i for i in demo.ingangen.values() if i.soort == "sociaal-team" and i.contact.telefoon_tijden and i.inloop)
    assert data["records"]["ingang"][team.id]["bellen"] == to_json(team.contact.telefoon_tijden)  # next to the number
    assert data["records"]["ingang"][team.id]["inloop"] == to_json(team.inloop)  # labelled as walk-in
    located = next(v for v in demo.voorzieningen.values() if v.status != "gestopt" and v.locaties and v.locaties[0].openingstijden)
    assert data["records"]["voorziening"][located.id]["open"] == to_json(located.locaties[0].openingstijden)


def test_a_record_without_a_phone_gets_the_organisations_number(demo):
    record = next(v for v in demo.voorzieningen.values() if demo.organisaties[v.organisatie].contact.telefoon)
    organisatie = demo.organisaties[record.organisatie]
    without_phone = record.model_copy(update={"contact": record.contact.model_copy(update={"telefoon": None})})
    demo.voorzieningen[record.id] = without_phone
    try:
        entry = kcc_data(demo)["records"]["voorziening"][record.id]
    finally:
        demo.voorzieningen[record.id] = record
    assert entry["telefoon"] == format_phone(organisatie.contact.telefoon)
    if record.contact.telefoon:  # with its own phone the search card has it: nothing extra
        assert "telefoon" not in kcc_data(demo)["records"]["voorziening"][record.id]


# --- freshness: "Controleer: gegevens van <datum>" ------------------------------------------------


def test_every_record_carries_its_check_date_and_the_thresholds_come_from_freshness_py(demo, data):
    assert data["drempels"] == {"controleren": WARN_MONTHS, "verouderd": OUTDATED_MONTHS}
    for soort, record in active_records(demo):
        assert data["records"][soort][record.id]["gecontroleerd"] == record.laatst_gecontroleerd.isoformat()


# --- the call script -----------------------------------------------------------------------------


def test_call_script_covers_every_question_and_outcome_once(demo):
    wegwijzer = demo.extras["wegwijzer"]
    script = belscript(demo, wegwijzer)
    assert [v.vraag.id for v in script.vragen][0] == wegwijzer.info.start
    assert sorted(v.vraag.id for v in script.vragen) == sorted(wegwijzer.vragen)
    assert sorted(u.uitkomst.id for u in script.uitkomsten) == sorted(wegwijzer.uitkomsten)
    assert [v.nummer for v in script.vragen] == list(range(1, len(wegwijzer.vragen) + 1))


def test_every_answer_links_to_its_target_on_the_right_page(demo):
    script = belscript(demo, demo.extras["wegwijzer"])
    page_of = {u.uitkomst.id: pager.number for pager, deel in script.delen for u in deel}
    for vraag in script.vragen:
        for antwoord in vraag.antwoorden:
            kind, target = antwoord.antwoord.doel
            if kind == "vraag":
                assert antwoord.doel == f"{BELSCRIPT_URL}#v-{target}"
            else:
                page = f"{UITKOMSTEN_URL}{page_of[target]}/" if page_of[target] > 1 else UITKOMSTEN_URL
                assert antwoord.doel == f"{page}#u-{target}"
    assert max(page_of.values()) == -(-len(page_of) // UITKOMSTEN_PER_PAGINA) > 1  # the demo needs two pages


def test_outcomes_name_where_to_hand_over(demo):
    script = belscript(demo, demo.extras["wegwijzer"])
    for s in script.uitkomsten:
        if s.uitkomst.is_crisis:
            assert s.hulplijnen and all(lijn.contact.telefoon for lijn in s.hulplijnen)
        elif not s.uitkomst.via_sociaal_team:
            assert (s.deur is not None and s.deur.id == s.uitkomst.ingang) or s.ondersteuners


def test_pages_without_a_wegwijzer_still_work():
    kaart, problems = load_kaart(MINI_KAART)
    assert not problems and "wegwijzer" not in kaart.extras
    pages = list(kcc_pages(kaart))
    assert [p.url for p in pages] == ["kcc/", "kcc/belscript/", "kcc/belscript/uitkomsten/"]
    assert all(p.meta["robots"] == "noindex" for p in pages)
    assert pages[0].meta["hide"] == ["navigation", "toc"]


# --- the built pages -----------------------------------------------------------------------------


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])


def parsed(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_built_call_script_links_resolve_to_anchors(demo_site, demo):
    script_dir = demo_site / "kcc" / "belscript"
    pages = [script_dir / "index.html"] + sorted((script_dir / "uitkomsten").rglob("index.html"))
    anchors = {page: parsed(page) for page in pages}
    all_ids = {(page.parent.resolve(), anchor) for page, a in anchors.items() for anchor in a.ids}
    wegwijzer = demo.extras["wegwijzer"]
    assert {f"v-{v}" for v in wegwijzer.vragen} <= anchors[pages[0]].ids
    assert {f"u-{u}" for u in wegwijzer.uitkomsten} <= set().union(*(anchors[p].ids for p in pages[1:]))
    checked = 0
    for page, a in anchors.items():
        for link in a.links:
            target, _, fragment = link.partition("#")
            if not fragment or fragment in ("vragen", "kcc-nummers"):
                continue
            folder = (page.parent / target).resolve() if target else page.parent.resolve()
            assert (folder, fragment) in all_ids, f"{page}: {link}"
            checked += 1
    assert checked >= sum(len(v.antwoorden) for v in wegwijzer.vragen.values())


def test_kcc_page_without_javascript_shows_the_way_on(demo_site):
    html = (demo_site / "kcc" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    fallback = re.search(r"<p class=\"sk-kcc-zonderjs\"[^>]*>(.*?)</p>", html, re.DOTALL).group(1)
    for target in ("belscript/", "../a-z/", "../contact/"):
        assert f'href="{target}"' in fallback
    assert 'id="kcc-nummers"' in html and "tel:" in html
    assert re.search(r"<form[^>]*data-kcc-form[^>]*hidden", html)  # the search form only appears with JavaScript


def test_kcc_pages_are_not_in_the_residents_navigation_but_linked_from_over(demo_site):
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'href="kcc/"' not in home
    assert 'href="../kcc/"' in (demo_site / "over" / "index.html").read_text(encoding="utf-8")


def test_kcc_json_is_on_the_site_and_matches_the_records(demo_site, demo):
    data = json.loads((demo_site / KCC_DATA_URI).read_text(encoding="utf-8"))
    assert data["versie"] == VERSIE == 2
    some = next(v for v in demo.voorzieningen.values() if v.kcc and v.status != "gestopt")
    assert data["records"]["voorziening"][some.id]["antwoord"] == some.kcc.antwoord


def test_a_fixed_door_that_differs_per_kern_lists_every_kerns_door_in_the_call_script(demo_site, demo):
    """An Egelstede-only service (formulierenhulp in the bibliotheek) is not the door for a Wolderbeek caller:
    the call script lists each group of kernen with its own door, as the residents' page does (deur.deuren)."""
    from generator.wegwijzer.deur import deuren, vaste_deur

    script = belscript(demo, demo.extras["wegwijzer"])
    checked = 0
    for s in script.uitkomsten:
        deur = vaste_deur(demo, s.uitkomst)
        if deur is None or demo.kernen_in(deur.record.werkgebied) >= set(demo.kernen):
            continue
        page = (demo_site / s.pagina_url / "index.html").read_text(encoding="utf-8")
        section = page[page.index(f'id="{s.anker}"'):]
        section = section[: section.index("</section>")]
        for kern_id in demo.kernen:
            door = deuren(demo, s.uitkomst, kern_id)[0]
            item = re.search(rf'<li data-deur data-kernen="([^"]*\b{re.escape(kern_id)}\b[^"]*)">(.*?)</li>', section)
            assert item and door.naam in item.group(2), (s.uitkomst.id, kern_id)
            assert f'tel:{door.telefoon}' in item.group(2).replace(" ", "") or door.telefoon.replace(" ", "") in item.group(2).replace(" ", ""), (s.uitkomst.id, kern_id)
        checked += 1
    assert checked >= 3


def test_general_numbers_are_every_gemeentes_kcc(demo):
    """One source for 'this is a gemeente's general number': /kcc/ rows and the routing check both use it."""
    from generator.build.contact import kort
    from generator.fields import cijfers
    expected = {cijfers(kcc.contact.telefoon): f"gemeente {kort(gemeente)}" for gemeente, kcc in demo.kcc_per_gemeente()}
    assert all("gemeente gemeente" not in naam.casefold() for naam in demo.algemene_nummers.values())  # not 'gemeente Gemeente Egelstede'
    assert demo.algemene_nummers == expected
    assert len(expected) == len(demo.gebieden.gemeenten) >= 2


def test_a_closed_place_is_not_the_door_in_the_call_script(tmp_path):
    """While the fixed place of an outcome is closed, the call script gives where callers go meanwhile."""
    import shutil
    from support import DEMO_KAART
    from generator.wegwijzer.deur import deuren

    kaart_dir = tmp_path / "kaart"
    shutil.copytree(DEMO_KAART, kaart_dir)
    path = kaart_dir / "voorzieningen" / "taalmaatje.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("werkgebied: [egelstede]", "werkgebied: [egelstede]\nstatus: tijdelijk gesloten", 1), encoding="utf-8")
    kaart, problems = load_kaart(kaart_dir)
    assert [str(p) for p in problems] == []
    outcomes = [u for u in kaart.extras["wegwijzer"].uitkomsten.values() if u.ingang == "taalmaatje"]
    assert outcomes
    script = {s.uitkomst.id: s for s in belscript(kaart, kaart.extras["wegwijzer"]).uitkomsten}
    for outcome in outcomes:
        assert all(d.id != "taalmaatje" for kern in kaart.kernen for d in deuren(kaart, outcome, kern))
        s = script[outcome.id]
        shown = [deur.id for deur, _, _ in s.elders] if s.elders else [s.deur.id]  # what belscript-uitkomsten.html shows
        assert shown and "taalmaatje" not in shown, shown
    assert any("is tijdelijk gesloten" in str(w) for w in kaart.extras["waarschuwingen"])
