"""Search quality on the demo kaart: residents' own words reach the right help in the first five hits."""

from __future__ import annotations

import pytest

from generator.build.pages import generate_pages
from generator.search.query import SearchEngine
from generator.search.site import hand_written_pages_of
from generator.search.index import build_search_data
from generator.validate import load_kaart

from support import DEMO_KAART, ROOT
from zoekvragen import VRAGEN, answers  # tests/search is on sys.path (pytest's rootless test modules)

MIN_RECALL_AT_5 = 0.9


@pytest.fixture(scope="module")
def engine() -> SearchEngine:
    kaart, problems = load_kaart(DEMO_KAART)
    assert problems == []
    return SearchEngine(build_search_data(kaart, generate_pages(kaart), hand_written_pages_of(ROOT / "mkdocs.yml")))


def test_there_are_at_least_forty_questions():
    assert len(VRAGEN) >= 40
    assert len({q for q, _ in VRAGEN}) == len(VRAGEN)


def test_recall_at_five(engine):
    missed = [(query, expected, [hit["id"] for hit in engine.search(query)[:5]]) for query, expected in VRAGEN
              if not any(answers(hit, expected) for hit in engine.search(query)[:5])]
    recall = 1 - len(missed) / len(VRAGEN)
    assert recall >= MIN_RECALL_AT_5, f"recall@5 = {recall:.2f}; missed: {missed}"


@pytest.mark.parametrize("query, first", [
    ("voedselbank", "voedselbank-egelstede-pakket"),
    ("rolstoel", "rolstoel-wmo"),
    ("DigiD", "hulp-bij-digid"),
    ("zelfmoord", "113-zelfmoordpreventie"),
    ("huiselijk geweld", "hulp-huiselijk-geweld"),
])
def test_the_obvious_answer_comes_first(engine, query, first):
    assert engine.search(query)[0]["id"] == first


@pytest.mark.parametrize("everyday, record_word", [
    ("geldzorgen", "schulden"), ("poetshulp", "huishoudelijke hulp"), ("vergeetachtig", "dementie"),
    ("eenzaam", "ontmoeten"), ("rollator", "hulpmiddelen"), ("taalcursus", "nederlands leren"),
])
def test_everyday_words_find_what_the_record_words_find(engine, everyday, record_word):
    everyday_ids = {hit["id"] for hit in engine.search(everyday)[:10]}
    record_ids = {hit["id"] for hit in engine.search(record_word)[:10]}
    assert everyday_ids & record_ids


@pytest.mark.parametrize("typo, right", [
    ("voedselbnak", "voedselbank"), ("dementei", "dementie"), ("schuldhulpverlenign", "schuldhulpverlening"),
    ("eenzaamhied", "eenzaamheid"), ("vrijwiligerswerk", "vrijwilligerswerk"),
])
def test_a_typo_finds_the_same_first_hit(engine, typo, right):
    assert engine.search(typo)[0]["id"] == engine.search(right)[0]["id"]


def test_prefix_while_typing(engine):
    assert engine.search("voedselb")[0]["id"] == engine.search("voedselbank")[0]["id"]
    assert engine.search("mantelz")[:1] and "mantelzorg" in engine.search("mantelz")[0]["naam"].lower()


def test_accents_do_not_matter(engine):
    assert [h["id"] for h in engine.search("clientondersteuning")] == [h["id"] for h in engine.search("cliëntondersteuning")]


def test_stopped_records_are_not_found(engine):
    kaart, _ = load_kaart(DEMO_KAART)
    stopped = {v.id for v in kaart.voorzieningen.values() if v.status == "gestopt"}
    assert stopped, "the demo kaart has no stopped record to test with"
    found = {hit["id"] for doc_name in stopped for hit in engine.search(kaart.voorzieningen[doc_name].naam)}
    assert not found & stopped


def test_gibberish_gives_nothing(engine):
    assert engine.search("xqzzyv") == []
    assert engine.search("de het een") == []
