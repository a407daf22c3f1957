"""Scenarios from the seeds' casus: answering the demo wegwijzer leads to the right kind of outcome."""

from __future__ import annotations

from wegwijzer_helpers import loop

GEEN_GEVAAR = "Nee, er is nu geen gevaar"
ZELF = "Voor mezelf of mijn gezin"
EEN_VRAAG = "één vraag"


def test_jansen_family_with_debts_truancy_and_an_overburdened_mother_gets_one_plan_from_the_sociaal_team(demo_wegwijzer):
    # Seed 001: debts (father), a truant son, an overburdened mother: multi-problem, never a single-issue provider.
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, "drie of meer")
    assert uitkomst.id == "meerdere-problemen"
    assert uitkomst.via_sociaal_team and uitkomst.urgentie == "snel"
    assert {"wmo", "jeugdwet", "participatiewet"} <= set(uitkomst.clientondersteuning)


def test_poetsson_who_can_no_longer_clean_gets_maatwerk_via_the_sociaal_team_with_clientondersteuning(demo_wegwijzer):
    # Seed 000, casus 1: household help is a maatwerkvoorziening (beschikking) after a conversation.
    via_theme = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Wonen en huishouden", "huishouden niet meer")
    via_permission = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, "toestemming", "huishouden")
    assert via_theme.id == via_permission.id == "huishoudelijke-hulp"
    assert via_theme.via_sociaal_team and "wmo" in via_theme.clientondersteuning


def test_poetsson_later_with_gambling_debts_and_household_help_goes_to_the_sociaal_team(demo_wegwijzer):
    # Seed 000, casus 2: three leefgebieden at once.
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, "veel-dingen")
    assert uitkomst.via_sociaal_team


def test_neighbour_worried_about_a_child_gets_veilig_thuis_advice(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, "Voor iemand anders", "Over een kind")
    assert uitkomst.id == "zorgen-kind"
    assert uitkomst.ingang == "veilig-thuis" and uitkomst.urgentie == "snel"


def test_exhausted_mantelzorger_is_offered_respite_and_the_mantelzorgsteunpunt(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, "Ik zorg voor iemand", "moe of overbelast")
    assert uitkomst.id == "mantelzorg-respijt"
    assert "mantelzorg" in uitkomst.voorzieningen.themas and "respijt" in uitkomst.voorzieningen.trefwoorden
    assert uitkomst.voorzieningen.uitgelicht == ["mantelzorgconsulent"]


def test_lonely_older_man_is_pointed_to_meeting_people_nearby(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Meedoen", "eenzaam")
    assert uitkomst.id == "eenzaam"
    assert "meedoen-en-ontmoeten" in uitkomst.voorzieningen.themas and "ouderen" in uitkomst.voorzieningen.doelgroepen


def test_debt_letters_lead_to_schuldhulpverlening(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "geld", "schulden of rekeningen")
    assert uitkomst.id == "schulden"
    assert uitkomst.ingang == "schuldhulpverlening-egelstede"


def test_acute_danger_ends_the_tree_at_the_crisis_lines(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, "bedreigd, geslagen of mishandeld")
    assert uitkomst.is_crisis and uitkomst.urgentie == "nu"
    assert uitkomst.hulplijnen[0] == "alarmnummer-112" and "veilig-thuis" in uitkomst.hulplijnen


def test_suicidal_thoughts_lead_straight_to_113(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, "zelfdoding")
    assert uitkomst.is_crisis and uitkomst.hulplijnen[0] == "113-zelfmoordpreventie"


def test_young_person_with_money_trouble_goes_to_the_jongerenloket(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "geld", "jonger dan 27")
    assert uitkomst.ingang == "jongerenloket-egelstede"
    assert uitkomst.voorzieningen.leeftijd.tot == 27


def test_parent_with_a_parenting_question_goes_to_the_cjg_and_the_opvoedspreekuur(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Opvoeden", "vraag over opvoeden")
    assert uitkomst.ingang == "cjg-egelstede"
    assert uitkomst.voorzieningen.uitgelicht == ["opvoedspreekuur"]


def test_parent_with_a_huisarts_referral_goes_directly_to_youth_help(demo_wegwijzer):
    # Youth exception: a huisarts, jeugdarts or specialist may refer directly; this path asks all 6 questions.
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Opvoeden", "meer hulp nodig", "Ja, ik heb een verwijzing")
    assert uitkomst.id == "jeugdhulp-met-verwijzing"
    assert "jeugdwet" in uitkomst.clientondersteuning
    zonder = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Opvoeden", "meer hulp nodig", "Nee")
    assert zonder.id == "jeugdhulp" and zonder.via_sociaal_team


def test_huisarts_who_wants_to_refer_a_child_is_told_they_may_refer_directly(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, "voor mijn werk", "Verwijzen naar jeugdhulp")
    assert uitkomst.id == "professional-jeugdhulp"
    assert "rechtstreeks" in uitkomst.advies


def test_someone_who_cannot_pay_the_eigen_bijdrage_is_pointed_to_bijzondere_bijstand(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "geld", "eigen bijdrage")
    assert uitkomst.id == "bijzondere-bijstand"
    assert uitkomst.ingang == "werkplein-egelland" and "bijzondere bijstand" in uitkomst.advies


def test_help_that_is_stuck_goes_back_to_the_sociaal_team_with_clientondersteuning(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, "al hulp, maar het loopt vast")
    assert uitkomst.id == "vastgelopen" and uitkomst.via_sociaal_team
    assert set(uitkomst.clientondersteuning) == {"wmo", "jeugdwet", "participatiewet", "wlz"}


def test_a_wheelchair_is_maatwerk_through_the_sociaal_team(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, "toestemming", "rolstoel")
    assert uitkomst.id == "hulpmiddel" and uitkomst.via_sociaal_team and "wmo" in uitkomst.clientondersteuning


def test_someone_in_doubt_about_safety_gets_veilig_thuis_advice(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, "twijfel")
    assert uitkomst.ingang == "veilig-thuis" and not uitkomst.is_crisis


def test_a_teacher_who_suspects_abuse_follows_the_meldcode_with_veilig_thuis(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, "voor mijn werk", "huiselijk geweld of kindermishandeling")
    assert uitkomst.id == "professional-meldcode" and uitkomst.ingang == "veilig-thuis"


def test_a_professional_can_search_a_provision_through_the_themes(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, "voor mijn werk", "voorziening zoeken", "Taal", "Nederlands leren")
    assert uitkomst.id == "nederlands-leren" and "nieuwkomers" in uitkomst.voorzieningen.doelgroepen


def test_threatened_eviction_is_urgent_for_the_sociaal_team(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Wonen", "huis kwijt")
    assert uitkomst.id == "dreigende-uitzetting" and uitkomst.via_sociaal_team and uitkomst.urgentie == "snel"


def test_a_child_who_wants_to_talk_gets_de_kindertelefoon(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, ZELF, EEN_VRAAG, "Opvoeden", "ik-ben-jong")
    assert uitkomst.ingang == "de-kindertelefoon"


def test_a_neighbour_who_sees_someone_decline_passes_a_signal_to_the_sociaal_team(demo_wegwijzer):
    uitkomst = loop(demo_wegwijzer, GEEN_GEVAAR, "Voor iemand anders", "niet meer redt")
    assert uitkomst.id == "zorgen-signaal" and uitkomst.via_sociaal_team


# --- path → expected outcome and door: situations from the seeds' casus and new ones (issue 10) ---------
# Each row: who is calling and why, the answers (by id or a piece of their text), the outcome, and the
# door it must name ('sociaal-team', 'crisis', 'clientondersteuning' or a record id).

import pytest  # noqa: E402

from generator.wegwijzer.deur import deuren  # noqa: E402

GEEN = "nee"
SCENARIOS = [
    ("a man is hitting his wife right now", ["geweld"], "crisis-geweld", "crisis"),
    ("a son says he wants to end his life", ["zelfdoding"], "crisis-zelfdoding", "crisis"),
    ("a confused neighbour walks on the road at night", ["in-de-war"], "crisis-psychisch", "crisis"),
    ("a caller doubts whether a neighbour is safe", ["twijfel"], "twijfel-veiligheid", "veilig-thuis"),
    ("the Jansen family: debts, truancy, an exhausted mother (seed 001)", [GEEN, "zelf", "veel-dingen"], "meerdere-problemen", "sociaal-team"),
    ("money worries and health at once", [GEEN, "zelf", "twee-dingen"], "sociaal-team-gesprek", "sociaal-team"),
    ("help from three providers that does not get better", [GEEN, "zelf", "hulp-loopt-vast"], "vastgelopen", "sociaal-team"),
    ("someone who just wants to talk to a person", [GEEN, "zelf", "weet-niet"], "sociaal-team-gesprek", "sociaal-team"),
    ("mrs Poetsson can no longer clean (seed 000)", [GEEN, "zelf", "toestemming", "huishouden"], "huishoudelijke-hulp", "sociaal-team"),
    ("a stairlift after a hip operation", [GEEN, "zelf", "toestemming", "woningaanpassing"], "woningaanpassing", "sociaal-team"),
    ("a wheelchair for good", [GEEN, "zelf", "toestemming", "hulpmiddel"], "hulpmiddel", "sociaal-team"),
    ("day care for a man with early dementia", [GEEN, "zelf", "toestemming", "dagbesteding"], "begeleiding-dagbesteding", "sociaal-team"),
    ("youth help with a GP referral (youth exception)", [GEEN, "zelf", "toestemming", "jeugdhulp", "ja"], "jeugdhulp-met-verwijzing", "sociaal-team"),
    ("youth help without a referral", [GEEN, "zelf", "toestemming", "jeugdhulp", "nee"], "jeugdhulp", "sociaal-team"),
    ("no place to live after a divorce", [GEEN, "zelf", "toestemming", "beschermd-wonen"], "beschermd-wonen", "sociaal-team"),
    ("debt letters piling up", [GEEN, "zelf", "een-vraag", "geld", "schulden"], "schulden", "schuldhulpverlening-egelstede"),
    ("eviction notice for rent arrears", [GEEN, "zelf", "een-vraag", "geld", "huis-kwijt"], "dreigende-uitzetting", "sociaal-team"),
    ("cannot pay the own contribution (minima)", [GEEN, "zelf", "een-vraag", "geld", "eigen-bijdrage"], "bijzondere-bijstand", "werkplein-egelland"),
    ("a 22-year-old with a phone debt", [GEEN, "zelf", "een-vraag", "geld", "jongere"], "jongeren-geld", "jongerenloket-egelstede"),
    ("post and papers in a mess", [GEEN, "zelf", "een-vraag", "geld", "administratie"], "thuisadministratie", "sociaal-team"),
    ("lost job, no income", [GEEN, "zelf", "een-vraag", "werk", "uitkering"], "uitkering", "werkplein-egelland"),
    ("work with a chronic illness", [GEEN, "zelf", "een-vraag", "werk", "beperking"], "werk-met-beperking", "werkplein-egelland"),
    ("a pensioner who wants to volunteer", [GEEN, "zelf", "een-vraag", "werk", "vrijwilligerswerk"], "vrijwilliger-worden", "vacaturebank-vrijwilligerswerk"),
    ("a broken gutter and an overgrown garden", [GEEN, "zelf", "een-vraag", "wonen", "klussen"], "klussen", "sociaal-team"),
    ("an older woman who manages less and less at home", [GEEN, "zelf", "een-vraag", "zorg", "ouder-worden"], "ouder-thuis", "sociaal-team"),
    ("round-the-clock care needed (Wlz)", [GEEN, "zelf", "een-vraag", "zorg", "hele-dag"], "langdurige-zorg", "sociaal-team"),
    ("crutches for six weeks", [GEEN, "zelf", "een-vraag", "hulpmiddelen", "lenen"], "hulpmiddel-lenen", "uitleenpunt-hulpmiddelen"),
    ("transport to the hospital", [GEEN, "zelf", "een-vraag", "hulpmiddelen", "vervoer"], "vervoer", "sociaal-team"),
    ("gambling more than he wants", [GEEN, "zelf", "een-vraag", "psychisch", "verslaving"], "verslaving", "sociaal-team"),
    ("lonely at night, wants to talk now", [GEEN, "zelf", "een-vraag", "psychisch", "praten"], "even-praten", "de-luisterlijn"),
    ("a pregnant woman new in town", [GEEN, "zelf", "een-vraag", "opvoeden", "zwanger"], "zwanger-baby", "cjg-egelstede"),
    ("a boy who skips school", [GEEN, "zelf", "een-vraag", "opvoeden", "school"], "school-verzuim", "cjg-egelstede"),
    ("a 14-year-old who wants to talk", [GEEN, "zelf", "een-vraag", "opvoeden", "ik-ben-jong"], "jongere-praten", "de-kindertelefoon"),
    ("a lonely widower", [GEEN, "zelf", "een-vraag", "meedoen", "eenzaam"], "eenzaam", "sociaal-team"),
    ("football club fees too high", [GEEN, "zelf", "een-vraag", "meedoen", "te-duur"], "meedoen-weinig-geld", "sociaal-team"),
    ("violence at home, quiet now", [GEEN, "zelf", "een-vraag", "veiligheid", "thuis"], "huiselijk-geweld", "veilig-thuis"),
    ("noisy neighbours", [GEEN, "zelf", "een-vraag", "veiligheid", "buurt"], "overlast", "buurtbemiddeling"),
    ("a letter from the tax office nobody understands", [GEEN, "zelf", "een-vraag", "formulieren", "formulieren"], "formulierenhulp", "formulierenhulp-bibliotheek"),
    ("a question about a dismissal", [GEEN, "zelf", "een-vraag", "formulieren", "juridisch"], "juridisch", "juridisch-loket-advies"),
    ("a newcomer who wants to learn Dutch", [GEEN, "zelf", "een-vraag", "taal", "nederlands"], "nederlands-leren", "taalmaatje"),
    ("a man who hides that he cannot read", [GEEN, "zelf", "een-vraag", "taal", "lezen"], "taal-leren", "taalmaatje"),
    ("DigiD does not work", [GEEN, "zelf", "een-vraag", "taal", "computer"], "digitaal", "digitaal-cafe"),
    # New situations: someone worried about another person.
    ("a neighbour sees the carer next door collapse", [GEEN, "ander", "mantelzorger-op"], "mantelzorger-op", "mantelzorgconsulent"),
    ("a daughter worried about her ageing father", [GEEN, "ander", "ouder"], "ouder-wordende-ouder", "sociaal-team"),
    ("a neighbour whose house is getting filthy", [GEEN, "ander", "redt-het-niet"], "zorgen-signaal", "sociaal-team"),
    ("an older neighbour who is losing money to a 'friend'", [GEEN, "ander", "volwassene-onveilig"], "zorgen-geweld", "veilig-thuis"),
    ("a child next door who is often alone and hungry", [GEEN, "ander", "kind"], "zorgen-kind", "veilig-thuis"),
    ("a carer asked for someone else, who needs more help", [GEEN, "ander", "ik-zorg", "meer-zorg"], "meer-zorg-naaste", "sociaal-team"),
    ("an exhausted carer (seed 003)", [GEEN, "mantelzorger", "overbelast"], "mantelzorg-respijt", "sociaal-team"),
    # New: a direct path to an independent cliëntondersteuner.
    ("someone who wants an independent person beside them", [GEEN, "meedenker"], "clientondersteuning", "clientondersteuning"),
    # Professionals at a vindplaats.
    ("a teacher who passes on a signal with consent", [GEEN, "professional", "signaal"], "professional-signaal", "sociaal-team"),
    ("a GP referring to youth help", [GEEN, "professional", "jeugdhulp"], "professional-jeugdhulp", "sociaal-team"),
    ("a day-care worker who suspects abuse", [GEEN, "professional", "meldcode"], "professional-meldcode", "veilig-thuis"),
]


@pytest.mark.parametrize("situatie, antwoorden, verwacht, deur", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_reaches_the_right_outcome_and_door(demo_kaart, demo_wegwijzer, situatie, antwoorden, verwacht, deur):
    uitkomst = loop(demo_wegwijzer, *antwoorden)
    assert uitkomst.id == verwacht, situatie
    assert uitkomst.ingang == deur, situatie
    for kern in demo_kaart.kernen:  # and that door is there, with a number, for every kern
        found = deuren(demo_kaart, uitkomst, kern)
        assert found and all(d.telefoon and not d.is_kcc for d in found), (situatie, kern)


def test_there_are_at_least_forty_scenarios_covering_every_outcome_but_a_few():
    assert len(SCENARIOS) >= 40
    covered = {s[2] for s in SCENARIOS}
    assert {"mantelzorger-op", "ouder-wordende-ouder", "clientondersteuning"} <= covered


def test_for_someone_else_the_carer_and_the_ageing_parent_get_clientondersteuning(demo_wegwijzer):
    for answers in ([GEEN, "ander", "mantelzorger-op"], [GEEN, "ander", "ouder"]):
        uitkomst = loop(demo_wegwijzer, *answers)
        assert {"wmo", "wlz"} <= set(uitkomst.clientondersteuning)
        assert not uitkomst.id.startswith("zorgen-")  # no longer the page about neglect
