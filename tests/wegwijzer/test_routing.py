"""The routing check ("no wrong doors", generator/wegwijzer/routing.py) on the demo and on broken fixtures.

Every outcome, for every kern, leads to a door with a phone number that can help with what the
outcome is about, never to the KCC (which shows the call script itself), never round in circles, and
with every phone number taken from the data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.cli import main
from generator.openingstijden import status_op
from generator.validate import load_kaart
from generator.wegwijzer.deur import deuren
from test_wegwijzer_validatie import edit, line_of, only_problem, problems_for

CET = dt.timezone(dt.timedelta(hours=1))


def warnings_for(kaart: Path) -> list[str]:
    loaded, problems = load_kaart(kaart)
    assert [str(p) for p in problems] == []
    return [str(w) for w in loaded.extras["waarschuwingen"].sorted()]


def add_ingang(kaart: Path, ingang_id: str, soort: str, telefoon: str, extra: str = "", themas: str = "[formulieren-en-juridisch]") -> Path:
    path = kaart / "ingangen" / f"{ingang_id}.yaml"
    path.write_text(
        f"id: {ingang_id}\nnaam: Loket {ingang_id}\nsoort: {soort}\norganisatie: gemeente-proefgem\n"
        f"samenvatting: Een loket voor de proef.\nwat_gebeurt_er: Iemand neemt op en helpt je verder.\n"
        f"werkgebied: [proefgem]\nthemas: {themas}\ncontact:\n  telefoon: {telefoon}\n{extra}"
        "laatst_gecontroleerd: 2026-09-01\n", encoding="utf-8")
    return path


def uitkomst(kaart: Path, naam: str = "formulieren") -> Path:
    return kaart / "wegwijzer" / "uitkomsten" / f"{naam}.yaml"


# --- the demo -------------------------------------------------------------------------------------


def test_the_demo_passes_the_routing_check_without_warnings(demo):
    assert demo.extras["waarschuwingen"] == []


def test_every_demo_outcome_gives_every_kern_a_door_with_a_number_that_is_not_the_kcc(demo):
    wegwijzer = demo.extras["wegwijzer"]
    for uitkomst_model in wegwijzer.uitkomsten.values():
        for kern in demo.kernen:
            found = deuren(demo, uitkomst_model, kern)
            assert found, (uitkomst_model.id, kern)
            for deur in found:
                assert deur.telefoon and not deur.is_kcc, (uitkomst_model.id, kern, deur.id)
                assert deur.telefoon_tijden, (uitkomst_model.id, deur.id)  # so "nu open" can stand next to it


def test_outcomes_whose_headline_names_a_service_show_that_services_door(demo):
    # The outcomes that sent residents to the gemeente's general number now name the service itself.
    wegwijzer = demo.extras["wegwijzer"]
    expected = {"formulierenhulp": "formulierenhulp-bibliotheek", "nederlands-leren": "taalmaatje", "taal-leren": "taalmaatje",
                "vrijwilliger-worden": "vacaturebank-vrijwilligerswerk", "digitaal": "digitaal-cafe",
                "hulpmiddel-lenen": "uitleenpunt-hulpmiddelen", "juridisch": "juridisch-loket-advies", "overlast": "buurtbemiddeling"}
    for uitkomst_id, voorziening_id in expected.items():
        assert wegwijzer.uitkomsten[uitkomst_id].ingang == voorziening_id
    kcc_numbers = {i.contact.telefoon for i in demo.ingangen.values() if i.soort == "kcc"}
    for u in wegwijzer.uitkomsten.values():
        for deur in deuren(demo, u, next(iter(demo.kernen))):
            assert deur.telefoon not in kcc_numbers, u.id


def test_kaart_check_on_the_demo_succeeds(capsys):
    from support import DEMO_KAART

    assert main(["check", "--kaart", str(DEMO_KAART)]) == 0
    assert "waarschuwing" not in capsys.readouterr().out


# --- broken fixtures: errors ----------------------------------------------------------------------


def test_an_outcome_that_sends_to_the_kcc_is_an_error(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: kcc-proefgem")
    message = only_problem(ww_kaart, path, line_of(path, "ingang:"))
    assert "stuurt naar het KCC" in message and "belscript" in message


def test_a_door_with_the_general_gemeente_number_is_an_error(ww_kaart):
    add_ingang(ww_kaart, "algemeen", "wmo-loket", "0523 800 000")  # the number of the gemeente's KCC
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: algemeen")
    message = only_problem(ww_kaart, path, line_of(path, "ingang:"))
    assert "algemene nummer van de gemeente" in message and "Hulp bij formulieren" in message


def test_a_door_that_is_not_for_what_the_headline_is_about_is_an_error(ww_kaart):
    add_ingang(ww_kaart, "werkloket", "werkplein", "0523 800 777", themas="[werk-en-inkomen]")
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: werkloket")
    message = only_problem(ww_kaart, path, line_of(path, "ingang:"))
    assert "gaat over formulieren-en-juridisch" in message and "Loket werkloket" in message


def test_a_voorziening_door_without_a_phone_number_is_an_error(ww_kaart):
    voorziening = ww_kaart / "voorzieningen" / "formulierenhulp.yaml"
    edit(voorziening, "contact:\n  telefoon: 0523 800 300\n", "contact:\n  website: https://proef.example/formulieren\n")
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: formulierenhulp")
    message = only_problem(ww_kaart, path, line_of(path, "ingang:"))
    assert "heeft geen telefoonnummer" in message and "de kernen Akkerveen, Beekzand, Cranenburg" in message


def test_a_referral_loop_between_two_doors_is_an_error(ww_kaart):
    add_ingang(ww_kaart, "loket-a", "wmo-loket", "0523 800 501",
               "kcc:\n  antwoord: Bel voor formulieren het loket B op 0523 800 502.\n")
    add_ingang(ww_kaart, "loket-b", "wmo-loket", "0523 800 502",
               "kcc:\n  antwoord: Hiervoor moet de beller bij loket A zijn, 0523 800 501.\n")
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: loket-a")
    message = only_problem(ww_kaart, path, line_of(path, "ingang:"))
    assert "Verwijzing in een rondje: Loket loket-a → Loket loket-b → Loket loket-a" in message


def test_a_door_that_sends_the_caller_back_to_the_kcc_is_a_loop(ww_kaart):
    add_ingang(ww_kaart, "loket-a", "wmo-loket", "0523 800 501",
               "kcc:\n  antwoord: Weet de beller het niet? Dan belt hij het algemene nummer 0523 800 000.\n")
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: loket-a")
    found = problems_for(ww_kaart)
    assert len(found) == 2, found
    loop = next(p for p in found if p.startswith(f"{path}:{line_of(path, 'ingang:')}:"))
    assert "Verwijzing in een rondje: Loket loket-a → " in loop
    # and the answer itself, where it is written: the KCC cannot send a caller back to itself (trust.py)
    assert any("loket-a.yaml:12:" in p and "niet naar zichzelf" in p for p in found), found


def test_a_loop_from_the_door_of_some_kernen_only_is_an_error_too(ww_kaart):
    """Not only the fixed place: the door `ingang_elders` gives other kernen is walked as well."""
    path = _formulierenhulp_in_gebied_a_only(ww_kaart)
    edit(path, "ingang: formulierenhulp", "ingang: formulierenhulp\ningang_elders: [formulierenhulp-b]")
    text = (ww_kaart / "voorzieningen" / "formulierenhulp-b.yaml").read_text(encoding="utf-8")
    (ww_kaart / "voorzieningen" / "formulierenhulp-b.yaml").write_text(
        text.replace("aanmelden: Loop binnen tijdens het spreekuur.", "aanmelden: Bel eerst de gemeente op 0523 800 000.", 1), encoding="utf-8")
    message = only_problem(ww_kaart, path, line_of(path, "ingang:"))
    assert "Verwijzing in een rondje: Formulierenhulp Cranenburg → " in message


def test_a_hand_typed_phone_number_in_outcome_text_is_an_error(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "advies: Neem je brieven mee naar de formulierenhulp.", "advies: Bel de formulierenhulp op 0523 800 300.")
    message = only_problem(ww_kaart, path, line_of(path, "advies:"))
    assert "'0523 800 300' met de hand getypt" in message and "{bel:" in message


def test_an_emergency_number_typed_by_hand_is_an_error_too(ww_kaart):
    path = uitkomst(ww_kaart, "crisis")
    edit(path, "advies: Bel {bel:alarmnummer-112} als", "advies: Bel 112 als")
    assert "'112' met de hand getypt" in only_problem(ww_kaart, path, line_of(path, "advies:"))


def test_numbers_from_the_data_and_names_with_digits_are_fine(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "advies: Neem je brieven mee naar de formulierenhulp.",
         "advies: Bel {bel:formulierenhulp} of, bij gevaar, Alarmnummer 112 via {bel:alarmnummer-112}. Kom op 12 mei om 9.30 uur.")
    assert problems_for(ww_kaart) == []


@pytest.mark.parametrize("veld, oud", [("advies", "advies: Neem je brieven mee naar de formulierenhulp."), ("kcc", "kcc: ")])
@pytest.mark.parametrize("record_id", ["kcc-proefgem", "gemeente-proefgem"])  # the KCC, or a record that shows its number
def test_the_call_script_never_sends_the_caller_back_to_the_kcc(ww_kaart, veld, oud, record_id):
    """The KCC reads outcome texts in the call script: a {bel:} of a gemeente's general number sends the caller back."""
    path = uitkomst(ww_kaart)
    text = path.read_text(encoding="utf-8")
    if veld == "kcc" and "\nkcc:" not in text:
        path.write_text(text + "kcc: Verwijs de beller naar de formulierenhulp.\n", encoding="utf-8")
    edit(path, oud, f"{veld}: Vragen? Bel {{bel:{record_id}}}. " if veld == "kcc" else f"{veld}: Vragen? Bel {{bel:{record_id}}}.")
    message = only_problem(ww_kaart, path, line_of(path, f"{veld}:"))
    assert "algemene nummer van gemeente Proefgem" in message and "niet naar zichzelf" in message, message


@pytest.mark.parametrize("kop", ["Praat er nu over met 113 Zelfmoordpreventie Zelfmoordpreventie", "Bel de de formulierenhulp",
                                 "Bel 113 Zelfmoordpreventie 113 Zelfmoordpreventie"])
def test_a_heading_that_says_a_word_twice_is_an_error(ww_kaart, kop):
    path = uitkomst(ww_kaart)
    text = path.read_text(encoding="utf-8")
    titel = next(line for line in text.splitlines() if line.startswith("titel:"))
    edit(path, titel, f"titel: {kop}")
    assert "twee keer achter elkaar" in only_problem(ww_kaart, path, line_of(path, "titel:"))


def test_a_number_placeholder_for_an_unknown_record_is_an_error(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "advies: Neem je brieven mee naar de formulierenhulp.", "advies: Bel {bel:bestaat-niet}.")
    assert "geen plek met de id 'bestaat-niet'" in only_problem(ww_kaart, path, line_of(path, "advies:"))


def test_suggestions_chosen_by_theme_alone_are_an_error(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "  trefwoorden: [formulieren, brieven]\n", "")
    message = only_problem(ww_kaart, path, line_of(path, "voorzieningen:"))
    assert "alleen op thema" in message and "trefwoorden" in message


def test_clientondersteuning_as_the_door_needs_one_in_every_kern(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: clientondersteuning\nclientondersteuning: [wlz]")  # the fixture's is for wmo only
    message = only_problem(ww_kaart, path, line_of(path, "clientondersteuning: [wlz]"))
    assert "in de kernen Akkerveen, Beekzand, Cranenburg is geen cliëntondersteuner voor die wet" in message
    edit(path, "clientondersteuning: [wlz]", "clientondersteuning: [wmo]")
    assert problems_for(ww_kaart) == []


def test_kaart_check_prints_routing_errors_with_path_and_line(ww_kaart, capsys):
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: kcc-proefgem")
    assert main(["check", "--kaart", str(ww_kaart)]) == 1
    out = capsys.readouterr().out
    assert f"uitkomsten/formulieren.yaml:{line_of(path, 'ingang:')}:" in out and "stuurt naar het KCC" in out


# --- warnings -------------------------------------------------------------------------------------


def test_missing_kcc_lines_and_answers_are_warnings_and_check_still_passes(ww_kaart, capsys):
    found = warnings_for(ww_kaart)
    assert any("uitkomsten/formulieren.yaml:1:" in w and "geen 'kcc'-regel" in w for w in found), found
    assert any("ingangen/sociaal-team-a.yaml:1:" in w and "geen kort antwoord voor de telefoon" in w and "/kcc/" not in w for w in found), found
    assert main(["check", "--kaart", str(ww_kaart)]) == 0
    assert "(waarschuwing)" in capsys.readouterr().out


def test_a_kcc_line_that_addresses_the_caller_is_a_warning(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: sociaal-team\nkcc: Je kunt naar de formulierenhulp.")
    found = warnings_for(ww_kaart)
    assert any(f"formulieren.yaml:{line_of(path, 'kcc:')}:" in w and "spreekt de beller aan ('Je')" in w for w in found), found


def test_a_closure_applies_to_all_hours_of_the_place(ww_kaart):
    team = ww_kaart / "ingangen" / "sociaal-team-a.yaml"
    edit(team, "  email: team-a@proefgem.nl\n", "  email: team-a@proefgem.nl\n  telefoon_tijden:\n    di: 8.30-17.00\n"
         "openingstijden:\n  di: 8.30-17.00\n  uitzonderingen:\n    - van: 2026-12-22\n      tot: 2026-12-31\n      reden: Kerstsluiting\n")
    kaart, problems = load_kaart(ww_kaart)
    assert [str(p) for p in problems] == []
    ingang = kaart.ingangen["sociaal-team-a"]
    tuesday = dt.datetime(2026, 12, 22, 10, 0, tzinfo=CET)  # walk-in hours 9.00-11.00, inside the closure
    assert not status_op(ingang.inloop, tuesday).open  # the walk-in is closed too
    assert not status_op(ingang.contact.telefoon_tijden, tuesday).open  # and the phone
    assert status_op(ingang.inloop, tuesday + dt.timedelta(days=14)).open  # and open again afterwards
    assert not any("inloop wel open" in str(w) for w in kaart.extras["waarschuwingen"])


def test_a_closure_that_explicitly_leaves_the_walk_in_open_is_flagged(ww_kaart):
    team = ww_kaart / "ingangen" / "sociaal-team-a.yaml"
    edit(team, "  email: team-a@proefgem.nl\n", "  email: team-a@proefgem.nl\n"
         "openingstijden:\n  di: 8.30-17.00\n  uitzonderingen:\n    - van: 2026-12-22\n      tot: 2026-12-31\n"
         "      reden: Kerstsluiting\n      geldt_voor: [openingstijden]\n")
    found = warnings_for(ww_kaart)
    line = line_of(team, "- van: 2026-12-22")
    assert any(f"sociaal-team-a.yaml:{line}:" in w and "Tijdens 'Kerstsluiting' is de inloop wel open (bijvoorbeeld op 2026-12-22)" in w
               for w in found), found


# --- the same help elsewhere (ingang_elders) ------------------------------------------------------


def _formulierenhulp_in_gebied_a_only(kaart: Path) -> Path:
    """The fixture's formulierenhulp works in gebied A only; gebied B (Cranenburg) has its own."""
    voorziening = kaart / "voorzieningen" / "formulierenhulp.yaml"
    edit(voorziening, "werkgebied: [proefgem]", "werkgebied: [gebied-a]")
    other = voorziening.read_text(encoding="utf-8").replace("id: formulierenhulp\n", "id: formulierenhulp-b\n", 1) \
        .replace("naam: Formulierenhulp in de bibliotheek", "naam: Formulierenhulp Cranenburg", 1) \
        .replace("werkgebied: [gebied-a]", "werkgebied: [gebied-b]", 1).replace("telefoon: 0523 800 300", "telefoon: 0523 800 301", 1) \
        .replace("kern: akkerveen", "kern: cranenburg", 1).replace("plaats: Akkerveen", "plaats: Cranenburg", 1)
    (kaart / "voorzieningen" / "formulierenhulp-b.yaml").write_text(other, encoding="utf-8")
    path = uitkomst(kaart)
    edit(path, "ingang: sociaal-team", "ingang: formulierenhulp")
    return path


def _doors(kaart: Path) -> dict[str, list[str]]:
    loaded, problems = load_kaart(kaart)
    assert [str(p) for p in problems] == []
    outcome = loaded.extras["wegwijzer"].uitkomsten["formulieren"]
    return {kern: [d.id for d in deuren(loaded, outcome, kern)] for kern in loaded.kernen}


def test_a_kern_outside_the_door_falls_back_to_its_team_with_a_warning_that_names_the_same_help_there(ww_kaart):
    _formulierenhulp_in_gebied_a_only(ww_kaart)
    assert _doors(ww_kaart) == {"akkerveen": ["formulierenhulp"], "beekzand": ["formulierenhulp"], "cranenburg": ["sociaal-team-b"]}
    tips = [w for w in warnings_for(ww_kaart) if "zet het dan bij 'ingang_elders'" in w]
    assert len(tips) == 1 and "kern Cranenburg" in tips[0] and "'formulierenhulp-b' (Formulierenhulp Cranenburg)" in tips[0]


def test_ingang_elders_gives_the_other_kernen_the_same_help_there(ww_kaart):
    path = _formulierenhulp_in_gebied_a_only(ww_kaart)
    edit(path, "ingang: formulierenhulp", "ingang: formulierenhulp\ningang_elders: [formulierenhulp-b]")
    assert _doors(ww_kaart) == {"akkerveen": ["formulierenhulp"], "beekzand": ["formulierenhulp"], "cranenburg": ["formulierenhulp-b"]}
    assert not [w for w in warnings_for(ww_kaart) if "zet het dan bij 'ingang_elders'" in w]


def test_ingang_elders_sociaal_team_says_the_team_is_the_right_door_and_silences_the_tip(ww_kaart):
    path = _formulierenhulp_in_gebied_a_only(ww_kaart)
    edit(path, "ingang: formulierenhulp", "ingang: formulierenhulp\ningang_elders: [sociaal-team]")
    assert _doors(ww_kaart)["cranenburg"] == ["sociaal-team-b"]
    assert not [w for w in warnings_for(ww_kaart) if "zet het dan bij 'ingang_elders'" in w]


@pytest.mark.parametrize("elders, werkgebied_b, fragments", [
    ("[formulierenhulp-c]", None, ["formulierenhulp-c", "formulierenhulp-b"]),  # unknown, with a suggestion
    ("[formulierenhulp-b]", "[akkerveen]", ["nergens de deur"]),  # works only where the door works too
    ("[sociaal-team, formulierenhulp-b]", None, ["als laatste"]),  # nothing after the team is ever used
])
def test_a_mistake_in_ingang_elders_is_an_error_on_its_line(ww_kaart, elders, werkgebied_b, fragments):
    path = _formulierenhulp_in_gebied_a_only(ww_kaart)
    if werkgebied_b:
        edit(ww_kaart / "voorzieningen" / "formulierenhulp-b.yaml", "werkgebied: [gebied-b]", f"werkgebied: {werkgebied_b}")
    edit(path, "ingang: formulierenhulp", f"ingang: formulierenhulp\ningang_elders: {elders}")
    message = only_problem(ww_kaart, path, line_of(path, "ingang_elders:"))
    assert all(fragment in message for fragment in fragments), message


def test_ingang_elders_belongs_to_one_fixed_place_only(ww_kaart):
    path = uitkomst(ww_kaart)
    edit(path, "ingang: sociaal-team", "ingang: sociaal-team\ningang_elders: [formulierenhulp]")
    found = problems_for(ww_kaart)
    assert len(found) == 1 and "hoort alleen bij één vaste plek" in found[0], found


@pytest.mark.parametrize("status", ["tijdelijk gesloten", "gestopt"])
def test_a_closed_place_is_nobodys_door_and_the_gemeente_is_warned(ww_kaart, status):
    """A partner records its own closure at once (no error in its pull request); meanwhile every kern goes on to
    `ingang_elders` where that is open and works, else to its sociaal team — never to the closed place."""
    path = _formulierenhulp_in_gebied_a_only(ww_kaart)
    edit(ww_kaart / "voorzieningen" / "formulierenhulp-b.yaml", "werkgebied: [gebied-b]", "werkgebied: [proefgem]")
    edit(path, "ingang: formulierenhulp", "ingang: formulierenhulp\ningang_elders: [formulierenhulp-b]")
    edit(ww_kaart / "voorzieningen" / "formulierenhulp.yaml", "werkgebied: [gebied-a]", f"werkgebied: [gebied-a]\nstatus: {status}")
    assert _doors(ww_kaart) == {"akkerveen": ["formulierenhulp-b"], "beekzand": ["formulierenhulp-b"], "cranenburg": ["formulierenhulp-b"]}
    closed = [w for w in warnings_for(ww_kaart) if f"is {status}" in w]
    assert len(closed) == 1 and "'Formulierenhulp Cranenburg'" in closed[0], closed
    edit(ww_kaart / "voorzieningen" / "formulierenhulp-b.yaml", "werkgebied: [proefgem]", "werkgebied: [proefgem]\nstatus: tijdelijk gesloten")
    assert _doors(ww_kaart) == {"akkerveen": ["sociaal-team-a"], "beekzand": ["sociaal-team-a"], "cranenburg": ["sociaal-team-b"]}


def test_the_demo_sends_wolderbeek_to_its_own_formulierenhulp(demo):
    outcome = demo.extras["wegwijzer"].uitkomsten["formulierenhulp"]
    for kern, gemeente in demo.gemeente_van_kern.items():
        expected = "formulierenhulp-wolderbeek" if gemeente.id == "wolderbeek" else "formulierenhulp-bibliotheek"
        assert [d.id for d in deuren(demo, outcome, kern)] == [expected], kern
