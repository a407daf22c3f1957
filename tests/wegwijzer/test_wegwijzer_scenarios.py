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
