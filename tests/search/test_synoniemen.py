"""kaart/synoniemen.yaml: validation with Dutch file:line messages, and expansion at index time."""

from __future__ import annotations

from pathlib import Path

from generator.search.documents import SearchDocument
import pytest

from generator.search.query import SETTINGS, alone_terms, with_phrases
from generator.search.synoniemen import expand, group_entries, phrase_entries
from generator.validate import load_kaart

from support import DEMO_KAART


def problems_for(kaart_dir: Path, text: str) -> list[str]:
    (kaart_dir / "synoniemen.yaml").write_text(text, encoding="utf-8")
    kaart, problems = load_kaart(kaart_dir)
    return [str(p) for p in problems.sorted()]


def test_the_demo_synonyms_are_valid_and_plenty():
    kaart, problems = load_kaart(DEMO_KAART)
    assert problems == []
    assert len(kaart.extras["synoniemen"]) >= 150
    assert kaart.extras["synoniemen"]["geldzorgen"][0] == "schulden"
    assert "loneliness" in kaart.extras["synoniemen"]  # English words of newcomers
    assert {"graag", "mevrouw"} <= set(kaart.extras["vulwoorden"])
    assert kaart.extras["deuren"]["schuldhulpverlening-egelstede"].soort == "ingang"


def test_a_kaart_without_synonyms_is_fine(mini_kaart):
    kaart, problems = load_kaart(mini_kaart)
    assert problems == [] and kaart.extras["synoniemen"] == {} and kaart.extras["deuren"] == {}


def test_a_valid_file_is_read(mini_kaart):
    text = (
        "woorden:\n"
        "  geldzorgen: {naar: [schulden, geld], reden: spreektaal}\n"
        "  poetshulp: {naar: [huishoudelijke hulp], reden: spreektaal}\n"
        "engels:\n"
        "  debt: {naar: [schulden], reden: Engels}\n"
        "vulwoorden: [graag, Zóek]\n"
    )
    assert problems_for(mini_kaart, text) == []
    kaart, _ = load_kaart(mini_kaart)
    assert kaart.extras["synoniemen"] == {"geldzorgen": ["schulden", "geld"], "poetshulp": ["huishoudelijke hulp"], "debt": ["schulden"]}
    assert kaart.extras["vulwoorden"] == ["graag", "zoek"]


def test_every_word_needs_a_reason(mini_kaart):
    found = problems_for(mini_kaart, "woorden:\n  geldzorgen: {naar: [schulden]}\n")
    assert len(found) == 1 and "synoniemen.yaml:2:" in found[0] and "reden" in found[0]


def test_the_first_format_gets_a_message_that_shows_the_new_one(mini_kaart):
    found = problems_for(mini_kaart, "geldzorgen: [schulden, geld]\n")
    assert len(found) == 1 and "synoniemen.yaml:1:1:" in found[0]
    assert "onder 'woorden:'" in found[0] and "geldzorgen: {naar: [schulden, geld], reden:" in found[0]


def test_an_empty_list_is_reported_with_its_line(mini_kaart):
    found = problems_for(mini_kaart, "woorden:\n  geldzorgen: {naar: [schulden], reden: x}\n  poetshulp: {naar: [], reden: x}\n")
    assert len(found) == 1 and ":3:" in found[0] and "synoniemen.yaml" in found[0]


def test_stop_words_and_digits_are_reported_in_dutch(mini_kaart):
    found = problems_for(mini_kaart, "woorden:\n  geldzorgen: {naar: [schulden], reden: x}\n  de: {naar: [schulden], reden: x}\n  bellen: {naar: [van de, '2024'], reden: x}\n")
    assert any("synoniemen.yaml:3:" in f and "'de'" in f and "overslaat" in f for f in found)
    assert any("synoniemen.yaml:4:" in f and "'van de'" in f for f in found)
    assert any("synoniemen.yaml:4:" in f and "'2024'" in f for f in found)


def test_a_term_that_is_the_same_word_is_reported(mini_kaart):
    found = problems_for(mini_kaart, "engels:\n  schulden: {naar: [schuld], reden: x}\n")
    assert len(found) == 1 and "hetzelfde woord" in found[0] and ":2:" in found[0]


def test_a_door_must_be_an_ingang_or_voorziening_of_the_kaart(mini_kaart):
    found = problems_for(mini_kaart, "deuren:\n  schuldhulp-bestaat-niet: {woorden: [schuldhulp], reden: x}\n")
    assert len(found) == 1 and "synoniemen.yaml:2:" in found[0] and "geen ingang of voorziening" in found[0]


def test_a_group_of_problems_needs_words_that_count(mini_kaart):
    found = problems_for(mini_kaart, "deuren:\n  sociaal-team-a:\n    woorden: [sociaal team]\n    reden: x\n"
                                     "    problemen:\n      geld: [schulden]\n      werk: ['!!']\n")
    assert len(found) == 1 and "synoniemen.yaml:7:14:" in found[0] and "'!!' heeft geen woorden" in found[0]
    kaart, problems = load_kaart(mini_kaart)
    assert kaart.extras["deuren"]["sociaal-team-a"].problemen == (["schulden"], ["!!"])


@pytest.mark.parametrize("query, team_first", [
    ("schulden en mijn zoon drinkt", True), ("ik ben ontslagen, gescheiden en heb schulden", True),
    ("geen werk geen geld en mijn kind is ziek", True),
    ("schulden", False), ("ik heb schulden en een deurwaarder aan de deur", False),  # one group: the schuldhulp door
    ("wasmachine kapot en geen geld", False), ("mijn zoon van 22 is verslaafd aan drugs", False),
])
def test_problems_of_two_groups_call_up_the_sociaal_team(engine, query, team_first):
    hits = engine.search(query)
    assert (hits[0]["id"].startswith("sociaal-team-")) is team_first, [hit["id"] for hit in hits[:3]]


def test_several_problems_lead_to_the_kerns_own_team(engine):
    assert engine.search("schulden en verslaving", {"kern": "stroetinge"})[0]["id"] == "sociaal-team-wolderbeek"
    assert engine.search("schulden en verslaving", woonkern="haarsloo")[0]["id"] == "sociaal-team-oost"


def test_a_list_instead_of_a_mapping_is_reported(mini_kaart):
    found = problems_for(mini_kaart, "- geldzorgen\n- schulden\n")
    assert len(found) == 1 and "synoniemen.yaml:1:1:" in found[0]


def test_duplicate_words_are_reported_by_the_reader(mini_kaart):
    found = problems_for(mini_kaart, "woorden:\n  geldzorgen: {naar: [schulden], reden: x}\n  geldzorgen: {naar: [geld], reden: x}\n")
    assert len(found) == 1 and ":3:" in found[0] and "twee keer" in found[0]


def document(**fields) -> SearchDocument:
    return SearchDocument(id="x", soort="voorziening", naam=fields.pop("naam", "Iets"), url="voorzieningen/x/", **fields)


def test_expansion_adds_everyday_words_where_the_terms_occur():
    docs = [
        document(naam="Schuldhulpverlening", samenvatting="Hulp bij schulden."),
        document(naam="Hulp bij het huishouden", trefwoorden=["huishoudelijke hulp"]),
        document(naam="Respijtzorg", samenvatting="Even vrij."),
        document(naam="Koffie", samenvatting="Hulp en schoonmaak", labels=["Geld en schulden"]),
    ]
    expand(docs, {"geldzorgen": ["schulden"], "poetshulp": ["huishoudelijke hulp"], "ontlasten": ["respijt"]})
    assert docs[0].synoniemen == ["geldzorgen"]  # 'schulden' and its stem
    assert docs[1].synoniemen == ["poetshulp"]  # a phrase, word for word
    assert docs[2].synoniemen == ["ontlasten"]  # a compound: 'respijt' starts 'respijtzorg'
    assert docs[3].synoniemen == []  # labels (theme names) do not trigger synonyms


def test_a_phrase_must_occur_in_order():
    docs = [document(naam="Hulp", trefwoorden=["huishoudelijk", "werk en hulp"])]
    expand(docs, {"poetshulp": ["huishoudelijke hulp"]})
    assert docs[0].synoniemen == []


def test_a_phrase_with_a_negation_may_hold_only_stop_words(mini_kaart):
    """'niet eens met' is stop words to the index, but answered at query time (query.with_phrases)."""
    assert problems_for(mini_kaart, "woorden:\n  niet eens met: {naar: [bezwaar], reden: het niet eens zijn met een besluit}\n") == []
    assert len(problems_for(mini_kaart, "woorden:\n  van de: {naar: [bezwaar], reden: alleen stopwoorden}\n")) == 1


def test_only_phrases_with_a_negation_are_answered_at_query_time():
    entries = phrase_entries({"geen huis": ["daklozen", "hulp bij het huishouden"], "laag inkomen": ["minima"], "huis": ["woning"]})
    assert entries == [["geen huis", ["daklozen", "hulp", "huishouden"]]]


@pytest.mark.parametrize("terms, fired, expected", [
    (["huis"], [(["geen", "huis"], ["daklozen", "nachtopvang"])], ["daklozen", "nachtopvang"]),
    # the word being typed after the phrase stays last (it gets the prefix clause)
    (["huis", "wer"], [(["geen", "huis"], ["daklozen"])], ["daklozen", "wer"]),
    # a phrase that stands for a word the question also holds does not repeat it
    (["hulp", "huis"], [(["geen", "huis"], ["hulp", "opvang"])], ["hulp", "opvang"]),
    (["schulden"], [], ["schulden"]),
])
def test_a_phrase_gives_way_to_the_words_it_stands_for(terms, fired, expected):
    assert with_phrases(terms, fired, SETTINGS) == expected


def test_a_dutch_word_in_a_phrase_of_another_language_is_known_as_such():
    """'bank' of 'food bank' is a word of the site ('de app van je bank'): said alone it is that bank.
    'bankasi' starts with it (the last word is also searched as a prefix). 'legal' is no Dutch word, and
    'laag inkomen' is a Dutch phrase: their words keep counting alone. One-word entries ('food') always do."""
    words, phrases = group_entries({"food bank": ["voedselbank"], "food": ["voedselbank"], "gida bankasi": ["voedselbank"],
                                    "legal advice": ["juridisch"], "laag inkomen": ["minima"], "geen huis": ["daklozen"]},
                                   site_words={"bank", "lag", "inkom", "huis", "juridisch"})
    assert words == ["bank", "bankasi"]
    assert phrases == [["bank", "fod"], ["bankasi", "gida"]]  # index words: stems


@pytest.mark.parametrize("terms, alone", [
    (["schuld", "bank"], {"bank"}),  # 'bank' said alone does not count in the synonyms field
    (["food", "bank"], set()),  # the whole phrase
    (["bank", "food", "hulp"], set()),  # in any order, with other words
    (["banken"], {"bank"}),  # by stem
    (["schulden"], {"bank"}),
])
def test_the_words_of_a_phrase_count_in_the_synonyms_field_only_together(terms, alone):
    data = {"groepen": {"veld": "y", "woorden": ["bank"], "zinnen": [["bank", "fod"]]}}  # stems, as group_entries gives them
    assert alone_terms(terms, data) == alone
