"""The search data, built at build time: lunr's index by term, the result cards and lookup tables.

Shared by the MkDocs plugin (which splits it into the manifest `site/zoeken/zoekindex.json`,
term shards and card chunks, see shards.py) and `kaart zoek` (which searches it whole, in memory).
The data holds:

    versie       format version of this file (bump when the shape changes)
    velden       the lunr field names (LUNR_FIELD_NAMES), in the index's field order
    termen       the stemmed terms of the lunr 2.3.9 index (Dutch pipeline, see dutch.py), sorted
    postings     per term (same positions as `termen`): [lunr term index, then per field a flat
                 list doc, weight, doc, weight... (doc as the gap to the previous doc of that list,
                 weight = lunr's field-vector weight x 1000, an integer)]. This is lunr's own
                 index re-arranged by term, so a query needs only the postings of its terms
                 (query.score_clauses computes lunr's score from them)
    docs         per document, in a fixed order (refs 'd0', 'd1', ... = position): what filters,
                 ranking and nearness need (documents.SearchDocument.card without CARD_ONLY):
                 id, soort, naam, and when known themas, doelgroepen, leeftijd [van, tot]
                 (null = open), gratis, vrij (vrij toegankelijk), werkgebied (area ids), plekken
    kaarten      per document the rest of its result card (CARD_ONLY): url (site-relative), and
                 when known samenvatting, telefoon, status (only when not actief)
    gebieden     area id (gemeente, gebied or kern) -> the kern ids it covers
    namen        area id -> display name (a gemeente as 'heel <naam>', as on the record pages)
    themas, doelgroepen, soorten   id -> Dutch label, for filters and cards
    woorden      the distinct words of the main fields (not stemmed), for typo correction
    zoeken       the query settings (boosts, fuzzy threshold...) shared by query.py and zoeken.js
    stammen      word -> stem for the words Snowball conflates (dutch.STEM_EXCEPTIONS)
    vulwoorden   filler words dropped from a question (synoniemen.yaml)
    deuren       [position of the door's card, [signals], {kern: position of that kern's own door}, [[signals]]]:
                 official doors (synoniemen.yaml); the kernen the door does not serve get theirs; the last part
                 holds the door's groups of problem words (two or more groups named: the door too)
    zinnen       [signal phrase, [query words]]: everyday phrases of two or more words (synoniemen.yaml)
    groepen      {veld, woorden, zinnen}: the index words the synonyms field (veld) holds only as part of
                 an everyday phrase ('bank' of 'food bank'), which count there only when the question
                 holds the whole phrase, and those phrases as index words (synoniemen.group_entries,
                 query.alone_terms)
    vangnet      the safety net (vangnet.yaml): per line the box (id, naam, url, telefoon, tel,
                 wat_doen, wanneer?, snel_weg?), its signals, `at` (its card) and `daarna` (positions
                 of the cards that follow it, or 'sociaal-team'), in file order
    teams        [position of the first team's card, [], {kern: position of its sociaal team}]: shaped like
                 a door (query.doors_for), for 'sociaal-team' in a line's `daarna`
    kcc          [{naam, telefoon, url, gemeente}]: each gemeente's general number, for "nothing found"
    gewoon       common Dutch words one typo from a signal word that are words of their own
                 ('geworden' is not 'gewonden'; see gewoon.py): never taken as a typo

Ranking is lunr's BM25 with the field boosts of documents.FIELDS, then the document order
as a tie-break; query.py and zoeken.js implement the query side identically.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..build.contact import hele_gemeente
from ..validate import Kaart
from ..vocabulary import DOELGROEPEN, SOORTEN, THEMAS
from ..wegwijzer.deur import deur_van, eigen_deur, open_voor
from .documents import FIELDS, HandWrittenPage, SearchDocument, collect_documents

from .dutch import STEM_EXCEPTIONS, dutch_builder, raw_words
from .query import SETTINGS, signal_phrases
from .signalen import signal_words
from .samenstellingen import add_tails
from .synoniemen import expand, group_entries, phrase_entries
from .trefwoorden import demote_unrelated
from .gewoon import common_neighbours, typo_words
from .vangnet import index_entries

FORMAT_VERSION = 9
SEARCH_DATA_URI = "zoeken/zoekindex.json"  # where the site serves the manifest (see shards.py)
# Card fields only shown, never filtered or ranked on: fetched in small chunks for the results shown.
CARD_ONLY = ("url", "samenvatting", "telefoon", "status")

SOORT_LABELS = {soort: labels[1] for soort, labels in SOORTEN.items()} | {"thema": "Thema", "kern": "Dorp of wijk", "pagina": "Pagina"}


def ref_for(position: int) -> str:
    """The lunr ref of the document at this position: never numeric (see dutch.py)."""
    return f"d{position}"


# The lunr field name of each document field: one letter, because every term of the inverted
# index lists every field name and every field vector repeats one (a fifth of the file otherwise).
LUNR_FIELD_NAMES = {"naam": "n", "trefwoorden": "t", "synoniemen": "y", "samenvatting": "s", "labels": "l", "tekst": "x", "woorddelen": "w"}


def build_lunr_index(documents: list[SearchDocument]) -> dict[str, Any]:
    """The serialized lunr index of the documents (what postings_by_term re-arranges)."""
    builder = dutch_builder()
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(LUNR_FIELD_NAMES[name], boost=boost)
    for position, document in enumerate(documents):
        entry = {LUNR_FIELD_NAMES[name]: document.field_text(name) for name in FIELDS}
        entry["ref"] = ref_for(position)
        builder.add(entry)
    return builder.serialized_index()


def postings_by_term(lunr_index: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """lunr's serialized index re-arranged by term: the sorted terms, and per term its lunr term
    index and per field the documents with their field-vector weights (see the module doc)."""
    fields = lunr_index["fields"]
    terms = [entry[0] for entry in lunr_index["invertedIndex"]]  # lunr serializes them sorted
    position_of = {entry[1]["_index"]: at for at, entry in enumerate(lunr_index["invertedIndex"])}
    per_term: list[list[list[tuple[int, int]]]] = [[[] for _ in fields] for _ in terms]
    field_at = {name: at for at, name in enumerate(fields)}
    for field_ref, vector in lunr_index["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        doc = int(ref[1:])
        for i in range(0, len(vector), 2):
            per_term[position_of[vector[i]]][field_at[field]].append((doc, round(vector[i + 1] * 1000)))
    postings = []
    for at, entry in enumerate(lunr_index["invertedIndex"]):
        row: list[Any] = [entry[1]["_index"]]
        row += [gap_encoded(pairs) for pairs in per_term[at]]
        postings.append(row)
    return terms, postings


def gap_encoded(pairs: Iterable[tuple[int, int]]) -> list[int]:
    """(doc, weight) pairs as a posting list: sorted, each doc as the gap to the previous one."""
    flat, previous = [], 0
    for doc, weight in sorted(pairs):
        flat += [doc - previous, weight]
        previous = doc
    return flat


# Fields whose words make up the vocabulary for typo correction (query.corrections).
VOCABULARY_FIELDS = ("naam", "trefwoorden", "synoniemen", "samenvatting", "labels")
MIN_VOCABULARY_WORD = 3


def vocabulary(documents: list[SearchDocument]) -> list[str]:
    """The distinct words (lower case, trimmed, no stop words, not stemmed) of the main fields."""
    words: set[str] = set()
    for document in documents:
        for name in VOCABULARY_FIELDS:
            for piece in document.field_pieces(name):
                words.update(word for word in raw_words(piece) if len(word) >= MIN_VOCABULARY_WORD)
    return sorted(words)


def area_tables(kaart: Kaart) -> tuple[dict[str, list[str]], dict[str, str]]:
    covered: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for gemeente in kaart.gebieden.gemeenten:
        names[gemeente.id] = hele_gemeente(gemeente)
        covered[gemeente.id] = sorted(kaart.kernen_in([gemeente.id]))
        for gebied in gemeente.gebieden:
            names[gebied.id] = gebied.naam
            covered[gebied.id] = [kern.id for kern in gebied.kernen]
            for kern in gebied.kernen:
                names[kern.id] = kern.naam
                covered[kern.id] = [kern.id]
    return covered, names


def door_entries(kaart: Kaart, documents: list[SearchDocument]) -> list[list[Any]]:
    """[position, signals, {kern: position}, [[signals]]] per official door whose card is in the index; the third
    part gives the kernen the door does not serve their own door (door_for_kern), the fourth its groups of problems."""
    positions = {(document.soort, document.id): at for at, document in enumerate(documents)}
    entries = []
    for record_id, deur in kaart.extras.get("deuren", {}).items():
        at = positions.get((deur.soort, record_id))
        if at is None:
            continue
        record = kaart.records[deur.soort][record_id]
        elsewhere = {}
        for kern_id in kaart.kernen:
            other = door_for_kern(kaart, deur.soort, record, kern_id)
            if other is not record and (other_at := positions.get(("ingang", other.id))) is not None:
                elsewhere[kern_id] = other_at
        groups = [[" ".join(signal_words(woord)) for woord in group] for group in deur.problemen]
        entries.append([at, [" ".join(signal_words(woord)) for woord in deur.woorden], elsewhere, groups])
    return entries


def team_entry(kaart: Kaart, documents: list[SearchDocument]) -> list[Any]:
    """The sociaal teams as a door without signals: the first team's card, then per kern its own team's card
    (query.doors_for gives a kern its team, and every team when no kern is known)."""
    positions = {document.id: at for at, document in enumerate(documents) if document.soort == "ingang"}
    teams = {kern_id: positions[team.id] for kern_id in kaart.kernen if (team := kaart.sociaal_team_voor(kern_id)) and team.id in positions}
    return [min(teams.values()), [], teams] if teams else []


def door_for_kern(kaart: Kaart, soort: str, record: Any, kern_id: str) -> Any:
    """The official door for someone from this kern, by the wegwijzer's rule for an outcome's place: the door
    itself where it is open and works; else that kern's own (wegwijzer.deur.eigen_deur). A kern without a
    team keeps the door."""
    deur = deur_van(soort, record)
    if open_voor(kaart, deur, kern_id):
        return record
    other = eigen_deur(kaart, deur, kern_id)
    return other.record if other is not None else record


def kcc_cards(kaart: Kaart) -> list[dict[str, str]]:
    """Each gemeente's general number (its KCC), for "nothing found": the page shows the one of the resident's
    kern (`gemeente` is an area id of `gebieden`), every gemeente's without a kern."""
    from ..build.urls import record_url
    from ..fields import format_phone

    return [{"naam": kcc.naam, "telefoon": format_phone(kcc.contact.telefoon), "url": record_url("ingang", kcc.id), "gemeente": gemeente.id}
            for gemeente, kcc in kaart.kcc_per_gemeente() if kcc.contact and kcc.contact.telefoon]


def search_documents(kaart: Kaart, generated: Iterable[Any] = (), hand_written: Iterable[HandWrittenPage] = ()) -> list[SearchDocument]:
    """The documents as indexed: unrelated trefwoorden demoted, synonyms expanded, compound tails added."""
    documents = collect_documents(kaart, generated, hand_written)
    demote_unrelated(documents)
    expand(documents, kaart.extras.get("synoniemen", {}))
    add_tails(documents)
    return documents


def build_search_data(kaart: Kaart, generated: Iterable[Any] = (), hand_written: Iterable[HandWrittenPage] = ()) -> dict[str, Any]:
    """Everything the browser and `kaart zoek` search: index, cards and lookup tables."""
    documents = search_documents(kaart, generated, hand_written)
    gebieden, namen = area_tables(kaart)
    lunr_index = build_lunr_index(documents)
    termen, postings = postings_by_term(lunr_index)
    cards = [document.card() for document in documents]
    data = {
        "versie": FORMAT_VERSION,
        "velden": lunr_index["fields"],
        "termen": termen,
        "postings": postings,
        "docs": [{key: value for key, value in card.items() if key not in CARD_ONLY} for card in cards],
        "kaarten": [{key: card[key] for key in CARD_ONLY if key in card} for card in cards],
        "gebieden": gebieden,
        "namen": namen,
        "themas": THEMAS,
        "doelgroepen": DOELGROEPEN,
        "soorten": SOORT_LABELS,
        "woorden": vocabulary(documents),
        "zoeken": SETTINGS,
        "stammen": STEM_EXCEPTIONS,
        "vulwoorden": kaart.extras.get("vulwoorden", []),
        "deuren": door_entries(kaart, documents),
        "zinnen": phrase_entries(kaart.extras.get("synoniemen", {})),
        "vangnet": index_entries(kaart, documents),
        "teams": team_entry(kaart, documents),
        "kcc": kcc_cards(kaart),
    }
    synonyms = data["velden"].index(LUNR_FIELD_NAMES["synoniemen"])
    site_words = {term for term, posting in zip(termen, postings) if any(docs for field, docs in enumerate(posting[1:]) if field != synonyms)}
    words, phrases = group_entries(kaart.extras.get("synoniemen", {}), site_words)
    data["groepen"] = {"veld": LUNR_FIELD_NAMES["synoniemen"], "woorden": words, "zinnen": phrases}
    data["gewoon"] = list(common_neighbours(typo_words(signal_phrases(data))))
    return data


def search_data_json(data: dict[str, Any]) -> str:
    """The compact JSON text of the search file (UTF-8, no spaces)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
