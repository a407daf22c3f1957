"""gewoon.py: common Dutch words one typo from a signal word are words of their own, not typos."""

import pytest

from generator.search.gewoon import common_neighbours, frequencies, one_typo_away, same_word, typo_words
from generator.search.signalen import within_one_edit


def test_the_word_list_is_large_and_clean():
    words = frequencies()
    assert len(words) > 30000
    assert all(word.isascii() and word.isalpha() and word.islower() and len(word) >= 6 for word in words)
    assert words["geworden"] > words["gewonden"]


def test_one_typo_away_is_exactly_one_edit():
    near = one_typo_away("geweld")
    assert {"gewld", "gweeld", "gemeld", "geweldd", "egweld"} <= near and "geweld" not in near
    assert all(within_one_edit(word, "geweld") for word in near)


@pytest.mark.parametrize("signal, word", [("gewonden", "geworden"), ("gewonden", "gevonden"), ("gesloten", "besloten"),
                                          ("ophangen", "opvangen"), ("geslagen", "geslapen")])
def test_an_everyday_word_near_a_signal_word_is_a_word(signal, word):
    assert word in common_neighbours(frozenset([signal]))


@pytest.mark.parametrize("signal, word", [("crisis", "crises"), ("ambulance", "ambulances"), ("psychose", "psychoses"),
                                          ("gewelddadige", "geweldadige"), ("dokter", "docter")])
def test_forms_of_the_word_and_rarer_misspellings_stay_typos(signal, word):
    """Other endings are forms of the signal word; a misspelling much rarer than the word is a typo."""
    assert word not in common_neighbours(frozenset([signal]))


def test_same_word_looks_at_the_end_only():
    assert same_word("crisis", "crises") and same_word("vermoord", "vermoordt")
    assert not same_word("geworden", "gewonden")


def test_only_plain_long_signal_words_take_typos():
    assert typo_words(["wil dood", "zelfmoord*", "gewonden", "*geweld", "huiselijk geweld"]) == {"gewonden", "huiselijk", "geweld"}


@pytest.mark.parametrize("query", ["ik ben net 65 geworden", "mijn moeder is weduwe geworden", "opa geworden, wat nu",
                                   "ik heb mijn sleutels gevonden"])
def test_no_crisis_line_for_an_everyday_word(engine, query):
    assert engine.vangnet(query) == []
    assert engine.data["gewoon"], "the search data lists the common words"


@pytest.mark.parametrize("query, line", [("gewonden bij een ongeluk", "alarmnummer-112"), ("zelfmord", "113-zelfmoordpreventie"),
                                         ("geweldadige partner", "veilig-thuis")])
def test_typos_of_signal_words_still_fire(engine, query, line):
    assert [hit["id"] for hit in engine.vangnet(query)][:1] == [line]
