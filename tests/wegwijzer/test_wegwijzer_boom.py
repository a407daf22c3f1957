"""The demo wegwijzer as a whole: every path ends in an outcome within six questions, every theme is
covered, the routing rules of DOMAIN.md hold, and voorzieningen are ordered neutrally."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build.pages import SiteContext
from generator.models import Voorziening
from generator.validate import load_kaart
from generator.vocabulary import THEMAS
from generator.wegwijzer.model import MAX_VRAGEN, Selectie
from generator.wegwijzer.pages import wegwijzer_pages
from generator.wegwijzer.selectie import passende_voorzieningen

ROOT = Path(__file__).resolve().parents[2]


def walk_every_path(wegwijzer):
    """Independent of Wegwijzer.paden(): a depth-first walk that fails on a cycle or a dead end."""
    paths = []

    def walk(vraag_id, seen):
        assert vraag_id not in seen, f"cycle: {seen + [vraag_id]}"
        for antwoord in wegwijzer.vragen[vraag_id].antwoorden:
            if antwoord.uitkomst:
                assert antwoord.uitkomst in wegwijzer.uitkomsten
                paths.append((seen + [vraag_id], antwoord.uitkomst))
            else:
                walk(antwoord.vraag, seen + [vraag_id])

    walk(wegwijzer.info.start, [])
    return paths


def test_every_path_ends_in_an_outcome_within_six_questions(demo_wegwijzer):
    paths = walk_every_path(demo_wegwijzer)
    assert len(paths) == len(demo_wegwijzer.paden()) >= 100
    assert max(len(vragen) for vragen, _ in paths) == MAX_VRAGEN
    assert all(1 <= len(vragen) <= MAX_VRAGEN for vragen, _ in paths)


def test_every_question_and_outcome_is_on_some_path(demo_wegwijzer):
    paths = walk_every_path(demo_wegwijzer)
    assert {v for vragen, _ in paths for v in vragen} == set(demo_wegwijzer.vragen)
    assert {u for _, u in paths} == set(demo_wegwijzer.uitkomsten)


def test_safety_comes_first(demo_wegwijzer):
    start = demo_wegwijzer.start
    assert start.tekst == "Is er nu iemand in gevaar?"
    crisis = [a for a in start.antwoorden if a.uitkomst and demo_wegwijzer.uitkomsten[a.uitkomst].is_crisis]
    assert len(crisis) == 3
    assert all(u.urgentie == "nu" for u in demo_wegwijzer.uitkomsten.values() if u.is_crisis)


def test_all_thirteen_themes_are_covered(demo_wegwijzer):
    themas_in_uitkomsten = {t for u in demo_wegwijzer.uitkomsten.values() if u.voorzieningen for t in u.voorzieningen.themas}
    assert themas_in_uitkomsten == set(THEMAS)
    assert len(demo_wegwijzer.vragen["leefgebied"].antwoorden) == len(THEMAS)


def test_everything_that_needs_permission_goes_through_the_sociaal_team_with_clientondersteuning(demo_wegwijzer):
    for antwoord in demo_wegwijzer.vragen["maatwerk"].antwoorden:
        targets = [antwoord.uitkomst] if antwoord.uitkomst else [a.uitkomst for a in demo_wegwijzer.vragen[antwoord.vraag].antwoorden]
        for uitkomst_id in targets:
            uitkomst = demo_wegwijzer.uitkomsten[uitkomst_id]
            assert uitkomst.via_sociaal_team and uitkomst.clientondersteuning, uitkomst_id


def test_several_issues_never_go_to_a_single_issue_provider(demo_wegwijzer):
    for antwoord in demo_wegwijzer.vragen["situatie"].antwoorden:
        if antwoord.id in ("twee-dingen", "veel-dingen", "hulp-loopt-vast", "weet-niet"):
            uitkomst = demo_wegwijzer.uitkomsten[antwoord.uitkomst]
            assert uitkomst.via_sociaal_team and uitkomst.clientondersteuning, antwoord.id


def test_no_outcome_sends_the_resident_back_into_the_wegwijzer(demo_wegwijzer):
    for uitkomst in demo_wegwijzer.uitkomsten.values():
        assert "wegwijzer" not in uitkomst.advies.lower(), uitkomst.id
        assert "](" not in uitkomst.advies, f"{uitkomst.id}: links in advice are not checked, name the place instead"


def test_every_page_renders_with_its_title(demo_kaart, demo_wegwijzer):
    site = SiteContext(demo_kaart, dt.date(2026, 11, 1))
    pages = list(wegwijzer_pages(demo_kaart))
    assert len(pages) == 1 + len(demo_wegwijzer.vragen) + len(demo_wegwijzer.uitkomsten) + 2
    for page in pages:
        html = page.render(site)
        assert "<h1>" in html and page.title.replace("'", "&#39;") in html, page.url


def test_without_a_wegwijzer_the_start_page_says_so(mini_kaart):
    kaart, _ = load_kaart(mini_kaart)
    pages = list(wegwijzer_pages(kaart))
    assert [p.url for p in pages] == ["wegwijzer/"]
    assert "nog geen wegwijzer" in pages[0].render(SiteContext(kaart, dt.date(2026, 11, 1)))


def test_partner_markdown_in_advice_cannot_become_script(ww_kaart):
    path = ww_kaart / "wegwijzer" / "uitkomsten" / "formulieren.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "advies: Neem je brieven mee naar de formulierenhulp.",
        'advies: |\n  <script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror="alert(3)">',
    )
    path.write_text(text, encoding="utf-8")
    kaart, problems = load_kaart(ww_kaart)
    assert any("HTML-code" in p.message and "'javascript:'" in p.message for p in problems)  # refused at check time
    from generator.build.sanitize import safe_markdown  # and harmless had the check been skipped

    html = safe_markdown(text.split("advies: |\n")[1].split("\n")[0])
    assert "<script>alert" not in html and 'href="javascript' not in html and "<img" not in html


# --- neutral order of voorzieningen -----------------------------------------------------------


def voorziening(vid: str, naam: str, organisatie: str, **extra) -> Voorziening:
    data = {
        "id": vid, "naam": naam, "organisatie": organisatie, "samenvatting": "Iets.", "themas": ["mantelzorg"],
        "doelgroepen": ["mantelzorgers"], "toegang": "vrij", "aanmelden": "Bel.", "kosten": {"soort": "gratis"},
        "werkgebied": ["proefgem"], "contact": {"telefoon": "0523 800 000"}, "laatst_gecontroleerd": "2026-10-01",
    }
    return Voorziening.model_validate(data | extra)


@pytest.fixture
def kaart_met(mini_kaart):
    kaart, _ = load_kaart(mini_kaart)

    def met(*records):
        kaart.records["voorziening"] = {r.id: r for r in records}
        return kaart

    return met


def test_equal_fit_is_alphabetical_and_the_provider_plays_no_part(kaart_met):
    records = [voorziening("c", "Cafe", "z-org"), voorziening("a", "Atelier", "m-org"), voorziening("b", "Bakkie", "a-org")]
    selectie = Selectie(themas=["mantelzorg"])
    assert [v.id for v in passende_voorzieningen(kaart_met(*records), selectie)] == ["a", "b", "c"]
    swapped = [voorziening(r.id, r.naam, "a-org" if r.organisatie == "z-org" else "z-org") for r in records]
    assert [v.id for v in passende_voorzieningen(kaart_met(*swapped), selectie)] == ["a", "b", "c"]


def test_better_fit_first_then_hand_picked_above_all(kaart_met):
    records = [
        voorziening("atelier", "Atelier", "x"),
        voorziening("respijt", "Zorg overnemen", "x", trefwoorden=["respijt"]),
        voorziening("cafe", "Cafe", "x", themas=["mantelzorg", "meedoen-en-ontmoeten"]),
        voorziening("gestopt", "Al gestopt", "x", status="gestopt", trefwoorden=["respijt"]),
        voorziening("jeugd", "Jeugd", "x", doelgroepen=["jongeren"]),
        voorziening("oud", "Oud", "x", leeftijd={"van": 65}),
    ]
    kaart = kaart_met(*records)
    selectie = Selectie(themas=["mantelzorg", "meedoen-en-ontmoeten"], doelgroepen=["mantelzorgers"], trefwoorden=["respijt"], leeftijd={"van": 18, "tot": 60})
    assert [v.id for v in passende_voorzieningen(kaart, selectie)] == ["respijt"]  # the purpose word decides
    selectie.trefwoorden = []
    assert [v.id for v in passende_voorzieningen(kaart, selectie)] == ["cafe", "atelier", "respijt"]  # then fit, then name
    selectie.uitgelicht = ["atelier"]
    assert [v.id for v in passende_voorzieningen(kaart, selectie)][0] == "atelier"


def test_a_safety_outcome_lists_only_records_for_its_purpose_not_its_theme(kaart_met):
    kaart = kaart_met(voorziening("brand", "Brandveilig thuis", "x", themas=["veiligheid"]), voorziening("vt", "Advies", "x", themas=["veiligheid"], trefwoorden=["veilig thuis"]))
    order = [v.id for v in passende_voorzieningen(kaart, Selectie(themas=["veiligheid"], trefwoorden=["veilig thuis"]))]
    assert order == ["vt"]  # same theme, but "brandveilig thuis" is not about being safe at home


def test_demo_files_agree_with_the_json_schemas_for_editors():
    import jsonschema

    from generator.load import read_yaml
    from generator.problems import Problemen
    from generator.schema import schema_for

    folder = ROOT / "kaart" / "wegwijzer"
    files = [("wegwijzer", folder / "wegwijzer.yaml")]
    files += [("wegwijzer-vraag", p) for p in sorted((folder / "vragen").glob("*.yaml"))]
    files += [("wegwijzer-uitkomst", p) for p in sorted((folder / "uitkomsten").glob("*.yaml"))]
    errors = []
    for soort, path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(f"/schema/{soort}.schema.json"), path
        source = read_yaml(path, Problemen())
        validator = jsonschema.Draft202012Validator(schema_for(soort))
        errors += [f"{path.name}: {e.message}" for e in validator.iter_errors(source.data)]
    assert errors == []
