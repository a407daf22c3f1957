"""Dutch compounds (samenstellingen.py): the head noun of a compound finds the record, below records that say the word."""

from __future__ import annotations

import pytest

from generator.search.documents import SearchDocument
from generator.search.index import LUNR_FIELD_NAMES
from generator.search.samenstellingen import TAIL_FIELD, add_tails


def document(naam: str, samenvatting: str = "", trefwoorden: list[str] | None = None, tekst: str = "") -> SearchDocument:
    return SearchDocument(id=naam.lower(), soort="voorziening", naam=naam, url="", samenvatting=samenvatting,
                          trefwoorden=trefwoorden or [], tekst=tekst)


# The words of the site: each on its own in some record, as in the demo.
SITE = document("Woorden", tekst="buurt dorp koffie huis werk groep bank blijf komen houden goed slag stand schulden kamer ochtend zaterdag")


def tails_of(naam: str) -> list[str]:
    compound = document(naam)
    add_tails([SITE, compound])
    return compound.woorddelen


@pytest.mark.parametrize("naam, tail", [
    ("Buurtkoffie", "koffie"),
    ("Dorpshuis", "huis"),  # linking s
    ("Ouderenwerk", "werk"),  # linking en (and 'ouderen' itself)
    ("Wandelgroepen", "groepen"),  # a common word with the stem of a word of the site
    ("Zaterdagochtend", "ochtend"),
    ("Gemeentehuis", "huis"),  # the longest head: not 'gemeen' + 'tehuis'
    ("Buurthuis", "huis"),  # not 'buur' + 'thuis'
])
def test_the_tail_of_a_compound_is_added(naam, tail):
    assert tails_of(naam) == [tail]


@pytest.mark.parametrize("naam", [
    "Boodschappen",  # 'schappen' is no word of the site
    "Gemeente",  # 'ge' is too short a head
    "Schulden",
    "Verblijf", "Rondkomen", "Achterstand", "Toeslag",  # a particle or prefix, not a head
    "Huishouden", "Speelgoed",  # words of the site that are no head noun here
    "Voedselbank",  # 'bank' alone is the bank
    "Koffie",  # no compound
    "Dagbesteding",  # 'dagbeste' is no word
])
def test_words_that_are_no_compound_of_a_site_word_add_nothing(naam):
    assert tails_of(naam) == []


def test_a_tail_the_document_already_says_is_not_added_again():
    compound = document("Buurtkoffie", samenvatting="Elke week koffie in de buurt.")
    add_tails([SITE, compound])
    assert compound.woorddelen == []


def test_only_name_trefwoorden_and_summary_are_split():
    compound = document("Inloop", trefwoorden=["dorpskamer"], tekst="Ook een buurtkoffie.")
    add_tails([SITE, compound])
    assert compound.woorddelen == ["kamer"]


def test_the_tails_are_no_new_terms_of_the_index(engine):
    """Every term of the compound field is a term of another field: the known words, the typo corrections and the
    safety net's reading of a question stay what they were."""
    velden = engine.data["velden"]
    tails = velden.index(LUNR_FIELD_NAMES[TAIL_FIELD])
    only_tails = [term for term, posting in zip(engine.data["termen"], engine.data["postings"])
                  if posting[1 + tails] and not any(docs for field, docs in enumerate(posting[1:]) if field != tails)]
    assert any(posting[1 + tails] for posting in engine.data["postings"])
    assert only_tails == []


def ids(engine, query: str) -> list[str]:
    return [hit["id"] for hit in engine.search(query)]


@pytest.mark.parametrize("query, says_it, compound_only", [
    ("maatje", "ov-maatje", {"taalmaatje", "geldmaatje-rondkomen-samen"}),
    ("kamer", "opvang-de-overstap", {"huiskamer-de-marke"}),
    ("vereniging", "sporthal-de-egelhal", {"vv-wennerloo", "gym-vlug-en-lenig-rosmarke"}),
])
def test_the_head_noun_finds_the_compound_below_the_word_itself(engine, query, says_it, compound_only):
    found = ids(engine, query)
    assert compound_only <= set(found), found
    assert all(found.index(says_it) < found.index(record) for record in compound_only)
