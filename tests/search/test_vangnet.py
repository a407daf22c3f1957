"""The safety net: kaart/vangnet.yaml, its checks in `kaart check`, the phrase matcher, and the
trefwoorden check that keeps crisis words off unrelated records."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search.signalen import QueryWords, fired_entries, signal_fires, within_one_edit
from generator.validate import load_kaart

from support import DEMO_KAART

CRISISLIJN = """id: lijn-proef
naam: Proeflijn
soort: crisislijn
organisatie: gemeente-proefgem
samenvatting: Bel als je aan zelfmoord denkt.
wat_gebeurt_er: Iemand luistert.
werkgebied: [proefgem]
themas: [psychisch-en-verslaving]
contact:
  telefoon: 0523 809 999
  telefoon_tijden:
    {openingstijden}
laatst_gecontroleerd: 2026-09-01
"""


def with_line(kaart_dir: Path, vangnet: str, openingstijden: str = "dag_en_nacht: ja") -> list[str]:
    (kaart_dir / "ingangen" / "lijn-proef.yaml").write_text(CRISISLIJN.format(openingstijden=openingstijden), encoding="utf-8")
    (kaart_dir / "vangnet.yaml").write_text(vangnet, encoding="utf-8")
    _, problems = load_kaart(kaart_dir)
    return [str(p) for p in problems.sorted()]


VALID = "lijnen:\n  - ingang: lijn-proef\n    wat_doen: Bel de proeflijn.\n    signalen: [zelfmoord*, wil dood]\n"


def test_the_demo_safety_net_is_valid_and_covers_the_crisis_lines(demo):
    vangnet = demo.extras["vangnet"]
    assert vangnet is not None
    lines = {lijn.ingang for lijn in vangnet.lijnen}
    assert {"alarmnummer-112", "113-zelfmoordpreventie", "veilig-thuis", "de-kindertelefoon", "huisartsenpost-egelland", "de-luisterlijn"} <= lines
    assert [lijn.ingang for lijn in vangnet.lijnen][0] == "alarmnummer-112"  # the most urgent first
    assert any(lijn.snel_weg for lijn in vangnet.lijnen if lijn.ingang == "veilig-thuis")
    assert len(vangnet.nooit) >= 20


def test_a_valid_line_is_read(mini_kaart):
    assert with_line(mini_kaart, VALID) == []


def test_an_unknown_ingang_is_reported_with_its_line(mini_kaart):
    found = with_line(mini_kaart, VALID.replace("ingang: lijn-proef", "ingang: lijn-proeff"))
    assert len(found) == 1 and "vangnet.yaml:2:" in found[0] and "bestaat niet" in found[0] and "lijn-proef" in found[0]


def test_a_line_that_is_not_open_day_and_night_must_say_when(mini_kaart):
    found = with_line(mini_kaart, VALID, openingstijden="ma: 11.00-21.00")
    assert len(found) == 1 and "niet dag en nacht" in found[0] and "wanneer" in found[0]
    assert with_line(mini_kaart, VALID + "    wanneer: maandag van 11.00 tot 21.00 uur\n", openingstijden="ma: 11.00-21.00") == []


def test_an_ordinary_question_that_fires_is_an_error(mini_kaart):
    found = with_line(mini_kaart, VALID + "nooit:\n  - ik wil leren koken\n  - ik wil gewoon dood\n")
    assert len(found) == 1 and "vangnet.yaml:7:" in found[0] and "lijn-proef" in found[0]


def test_a_star_on_a_short_word_and_empty_signals_are_reported(mini_kaart):
    found = with_line(mini_kaart, VALID.replace("[zelfmoord*, wil dood]", "[kan*, '!!']"))
    assert any("minstens 4 letters" in f for f in found)
    assert any("geen woorden" in f for f in found)


def test_a_missing_field_is_reported_in_dutch(mini_kaart):
    found = with_line(mini_kaart, "lijnen:\n  - ingang: lijn-proef\n    signalen: [zelfmoord]\n")
    assert len(found) == 1 and "vangnet.yaml:2:" in found[0] and "wat_doen" in found[0]


# --- the matcher -------------------------------------------------------------------------------

@pytest.mark.parametrize("signal, query, fires", [
    ("wil dood", "ik wil dood", True),
    ("wil dood", "ik wil gewoon echt dood", True),  # two words in between
    ("wil dood", "ik wil het liefst gewoon dood", False),  # an article in the gap
    ("wil dood", "ik wil de dood van mijn moeder verwerken", False),
    ("wil dood", "dood van mijn moeder, rouw", False),
    ("wil dood", "dood wil ik", False),  # order counts
    ("huiselijk geweld", "Huiselijk GEWELD!", True),
    ("huiselijk geweld", "huiselijke hulp", False),
    ("mishandeling", "mishandelingen", True),  # the stem
    ("*mishandel*", "kindermishandeling", True),
    ("*geweld", "partnergeweld", True),
    ("*geweld", "geweldige activiteiten", False),
    ("geweld", "geweldig", False),  # compounds only when the signal says so
    ("zelfmoord*", "zelfmoordgedachten", True),
    ("zelfmoord*", "zelfmord", True),  # a typo in a compound signal
    ("zelfmoord", "zelf moord", True),  # split words join
    ("zelfmoord", "zelfmoort", True),  # one typo in a long word
    ("zelfmoord", "zlefmoord", True),  # two letters swapped
    ("slaat me", "het staat me niet aan", False),  # short words: no typos
    ("suicide", "suïcide", True),  # accents
    # a number alone is a call only when it is the whole question: '113 euro' is an amount
    ("113", "113", True),
    ("113", "bel 113", False),
    ("113", "113 euro per maand", False),
    ("bel 113", "ik wil nu bel 113 doen", True),
    ("113 bellen", "ik wil 113 bellen", True),
    # the pronouns a signal is written with stand for their group
    ("slaat me", "hij slaat haar", True),
    ("eind aan mijn leven", "een eind aan zijn leven maken", True),
    ("eind aan mijn leven", "een eind aan m'n leven", True),
    ("mezelf ophangen", "ik wil me ophangen", True),
    ("mezelf ophangen", "hij wil zich ophangen", True),
    ("mezelf ophangen", "ik wil de was ophangen", False),
    ("slaat me", "hij slaat zich erdoorheen", False),  # 'me' stands for objects, not for 'zich'
    # 'me'/'mij' stand for 'mezelf' only when nobody else is the subject of the clause
    ("doe mezelf pijn", "ik doe me pijn", True),
    ("mezelf iets aandoen", "ik wil me iets aandoen", True),
    ("mezelf iets aandoen", "wil me iets aandoen", True),  # no subject: mine
    ("mezelf iets aandoen", "als hij weggaat wil ik me iets aandoen", True),  # 'ik' is nearer
    ("mezelf iets aandoen", "ik vind het leven zwaar en wil me iets aandoen", True),  # 'het leven' lies before 'en'
    ("mezelf iets aan te doen", "ik heb de neiging om me iets aan te doen", True),  # the noun of an om-clause
    ("mezelf iets aan te doen", "ik heb de neiging me iets aan te doen", True),  # a noun after 'ik heb': its object
    ("mezelf pijn doen", "ik krijg de drang me pijn te doen", True),
    ("mezelf snijden", "soms heb ik de neiging me te snijden", True),
    ("mezelf krassen", "ik voel de drang mij te krassen", True),
    ("mezelf iets aandoen", "ik wil met een mes me iets aandoen", True),  # after a preposition
    ("mezelf iets aandoen", "ik wil mezelf iets aandoen want mijn man bedreigt me", True),  # 'mezelf' as written
    ("mezelf iets aandoen", "mijn vriend wil zich iets aandoen", True),  # 'zich' is always reflexive
    ("doet mezelf pijn", "mijn man doet me pijn", False),  # a noun phrase first in the clause
    ("doet mezelf pijn", "m'n vader doet me pijn", False),
    ("doet mezelf pijn", "mijn rug doet me pijn", False),
    ("deed mezelf pijn", "gisteren deed mijn vriend me pijn", False),  # right before the pronoun
    ("doet mezelf pijn", "het doet me pijn", False),
    ("doet mezelf pijn", "dat doet me pijn", False),
    ("mezelf iets aandoen", "iemand wil me iets aandoen", False),  # a pronoun
    ("mezelf iets aan te doen", "hij heeft gedreigd mij iets aan te doen", False),
    ("mezelf iets aandoen", "ik ben bang dat mijn man me iets aandoet", False),  # first after a conjunction
    ("mezelf iets aandoen", "ik ben bang dat ze me iets aandoen", False),
    ("wil er niet meer zijn", "ik wil er niet meer mijn geld aan geven", False),  # a written 'zijn' is the verb
    ("kill myself", "she wants to kill herself", True),
    ("beats my", "he beats her kids", True),
    # three words or more: any order within a small window (Dutch puts the verb last)
    ("wil niet meer leven", "hij zegt dat hij niet meer wil leven", True),
    ("slaat mijn vrouw", "ik weet dat hij zijn vrouw slaat", True),
    ("wil niet meer leven", "niet meer leven, wil ik", False),  # a clause mark lies between
    ("wil niet meer leven", "ik wil meer over het leven weten, niet", False),
    ("geen zin om te leven", "gezond leven, geen zin om te koken", False),
    ("wil dood", "dood wil ik", False),  # two words keep their order
    # never across a clause mark
    ("wil dood", "mijn hond is dood, wil een nieuwe", False),
    ("wil dood", "wil, dood", False),
    # one query word for two signal words, also with one typo
    ("huiselijk geweld", "huiselijkgeweld", True),
    ("huiselijk geweld", "huislijkgeweld melden", True),
    ("veilig thuis", "veiligthuis", True),
    ("slaat mij nu", "mijn vader slaat mijn moeder", False),  # 'mijn' is no typo of 'mij nu': parts are too short
    # a typo at the start of a prefix signal only when what follows is nothing or a word of the site
    ("verward*", "verwarming", False),
    ("verward*", "verwarrend", False),
    ("verward*", "verwart", True),
])
def test_signal_matching(signal, query, fires):
    assert signal_fires(signal, QueryWords(query)) is fires


def test_a_typo_in_a_compound_signal_needs_a_known_rest():
    assert not signal_fires("zelfmoord*", QueryWords("zelfmordgedachten"))
    assert signal_fires("zelfmoord*", QueryWords("zelfmordgedachten", known={"gedachten"}))
    assert signal_fires("zelfmoord*", QueryWords("zelfmoordgedachten"))  # no typo: any rest


def test_tenzij_silences_its_own_line_only():
    entries = [
        {"id": "alarm", "signalen": ["reanim*"], "tenzij": ["cursus*"]},
        {"id": "alarm", "signalen": ["ademt niet"]},
        {"id": "lijn", "signalen": ["wil sterven"], "tenzij": ["thuis sterven"]},
    ]
    assert [e["id"] for e in fired_entries(entries, "moet ik reanimeren")] == ["alarm"]
    assert fired_entries(entries, "cursus reanimatie") == []
    assert [e["id"] for e in fired_entries(entries, "cursus reanimatie, maar hij ademt niet")] == ["alarm"]
    assert fired_entries(entries, "mijn vader wil thuis sterven") == []
    assert [e["id"] for e in fired_entries(entries, "ik wil sterven")] == ["lijn"]
    assert all("tenzij" not in e and "signalen" not in e for e in fired_entries(entries, "ik wil sterven"))


def test_tenzij_is_checked_and_counts_for_nooit(mini_kaart):
    line = VALID + "    tenzij: [cursus*, '!!', les*]\n"
    found = with_line(mini_kaart, line)
    assert any("vangnet.yaml:5:" in f and "geen woorden" in f for f in found)
    assert any("minstens 4 letters" in f for f in found)
    assert with_line(mini_kaart, VALID + "    tenzij: [cursus*]\nnooit:\n  - cursus zelfmoordpreventie\n") == []
    assert len(with_line(mini_kaart, VALID + "nooit:\n  - cursus zelfmoordpreventie\n")) == 1


def test_a_word_of_the_site_is_never_taken_as_a_typo():
    assert signal_fires("ambulance", QueryWords("ambulante begeleiding"))
    assert not signal_fires("ambulance", QueryWords("ambulante begeleiding", known={"ambulante", "begeleiding"}))


@pytest.mark.parametrize("a, b, near", [
    ("geweld", "geweld", True), ("geweld", "gewled", True), ("geweld", "gweld", True), ("geweld", "gewelds", True),
    ("geweld", "xeweld", True), ("geweld", "gwelds", False), ("zelfmoord", "zelfmrood", False), ("abc", "cba", False),
])
def test_within_one_edit(a, b, near):
    assert within_one_edit(a, b) is near and within_one_edit(b, a) is near


# --- trefwoorden --------------------------------------------------------------------------------

def set_trefwoorden(kaart_dir: Path, words: list[str], themas: str = "[formulieren-en-juridisch, geld-en-schulden]") -> list[str]:
    path = kaart_dir / "voorzieningen" / "formulierenhulp.yaml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(("trefwoorden:", "themas:"))]
    lines += [f"themas: {themas}", "trefwoorden: [" + ", ".join(words) + "]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return with_line(kaart_dir, VALID)


def test_more_than_twenty_trefwoorden_is_an_error(mini_kaart):
    found = set_trefwoorden(mini_kaart, [f"woord{chr(97 + i)}" for i in range(21)])
    assert len(found) == 1 and "formulierenhulp.yaml" in found[0] and "21 trefwoorden" in found[0] and "20" in found[0]
    assert set_trefwoorden(mini_kaart, [f"woord{chr(97 + i)}" for i in range(20)]) == []


def test_a_crisis_word_on_a_record_without_the_crisis_themes_is_an_error(mini_kaart):
    found = set_trefwoorden(mini_kaart, ["formulieren", "zelfmoordgedachten"])
    assert len(found) == 1 and "'zelfmoordgedachten'" in found[0] and "Proeflijn" in found[0]
    assert set_trefwoorden(mini_kaart, ["formulieren", "zelfmoordgedachten"], themas="[psychisch-en-verslaving]") == []


def test_the_demo_records_pass_the_trefwoorden_check():
    _, problems = load_kaart(DEMO_KAART)
    assert problems == []


@pytest.mark.parametrize("name", ["vangnet", "synoniemen"])
def test_the_demo_files_validate_against_their_json_schema(name):
    import json

    import jsonschema
    import yaml

    from support import ROOT

    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((DEMO_KAART / f"{name}.yaml").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    assert (DEMO_KAART / f"{name}.yaml").read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=../schema/{name}.schema.json")


def test_daarna_names_records_and_the_sociaal_team(mini_kaart):
    assert with_line(mini_kaart, VALID + "    daarna: [formulierenhulp, sociaal-team, kcc-proefgem]\n") == []


def test_an_unknown_record_in_daarna_is_reported_with_its_line(mini_kaart):
    found = with_line(mini_kaart, VALID + "    daarna: [formulierenhulp, formulierhulp]\n")
    assert len(found) == 1 and "vangnet.yaml:5:" in found[0] and "'formulierhulp'" in found[0] and "bestaat niet" in found[0]
    assert "formulierenhulp" in found[0].split("bestaat niet", 1)[1]  # the closest id is suggested
    assert "beheerder" in found[0]  # a partner who removed the record cannot edit vangnet.yaml: who mends it


def test_a_stopped_record_in_daarna_is_refused(mini_kaart):
    record = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("werkgebied: [proefgem]", "status: gestopt\nwerkgebied: [proefgem]"), encoding="utf-8")
    found = with_line(mini_kaart, VALID + "    daarna:\n      - sociaal-team\n      - formulierenhulp\n")
    assert len(found) == 1 and "vangnet.yaml:7:" in found[0] and "gestopt" in found[0] and "daarna" in found[0]
    assert "beheerder" in found[0]
