"""The search index, built at build time: one JSON file with the lunr index and the result cards.

Shared by the MkDocs plugin (which writes it to `site/zoeken/zoekindex.json`) and `kaart zoek`
(which builds the same data in memory). The file holds:

    versie       format version of this file (bump when the shape changes)
    lunr         the serialized lunr 2.3.9 index (Dutch pipeline, see dutch.py); refs are
                 'd0', 'd1', ... = position in `docs`; fields named as in LUNR_FIELD_NAMES
    docs         result cards in a fixed order (see documents.SearchDocument.card):
                 id, soort, naam, url (site-relative), and when known samenvatting, themas,
                 doelgroepen, leeftijd [van, tot] (null = open), gratis, vrij (vrij
                 toegankelijk), werkgebied (area ids), telefoon, status (only when not actief)
    gebieden     area id (gemeente, gebied or kern) -> the kern ids it covers
    namen        area id -> display name (a gemeente as 'heel <naam>', as on the record pages)
    themas, doelgroepen, soorten   id -> Dutch label, for filters and cards
    woorden      the distinct words of the main fields (not stemmed), for typo correction
    zoeken       the query settings (boosts, fuzzy threshold...) shared by query.py and zoeken.js
    vulwoorden   filler words dropped from a question (synoniemen.yaml)
    deuren       [position of the door's card, [signals]]: official doors (synoniemen.yaml)
    vangnet      the safety net (vangnet.yaml): per line the box (id, naam, url, telefoon, tel,
                 wat_doen, wanneer?, snel_weg?) and its signals, in file order
    kcc          {naam, telefoon, url} of the gemeente's general number, for "nothing found"

Ranking is lunr's BM25 with the field boosts of documents.FIELDS, then the document order
as a tie-break; query.py and zoeken.js implement the query side identically.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..validate import Kaart
from ..vocabulary import DOELGROEPEN, SOORTEN, THEMAS
from .documents import FIELDS, HandWrittenPage, SearchDocument, collect_documents
from lunr.tokenizer import Tokenizer

from .dutch import STOP_WORDS, dutch_builder, normalize_separators, trim
from .query import SETTINGS
from .signalen import signal_words
from .synoniemen import expand
from .trefwoorden import demote_unrelated
from .vangnet import index_entries

FORMAT_VERSION = 2
SEARCH_DATA_URI = "zoeken/zoekindex.json"  # where the site serves the file

SOORT_LABELS = {soort: labels[1] for soort, labels in SOORTEN.items()} | {"thema": "Thema", "kern": "Dorp of wijk", "pagina": "Pagina"}


def ref_for(position: int) -> str:
    """The lunr ref of the document at this position: never numeric (see dutch.py)."""
    return f"d{position}"


# The lunr field name of each document field: one letter, because every term of the inverted
# index lists every field name and every field vector repeats one (a fifth of the file otherwise).
LUNR_FIELD_NAMES = {"naam": "n", "trefwoorden": "t", "synoniemen": "y", "samenvatting": "s", "labels": "l", "tekst": "x"}


def build_lunr_index(documents: list[SearchDocument]) -> dict[str, Any]:
    builder = dutch_builder()
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(LUNR_FIELD_NAMES[name], boost=boost)
    for position, document in enumerate(documents):
        entry = {LUNR_FIELD_NAMES[name]: document.field_text(name) for name in FIELDS}
        entry["ref"] = ref_for(position)
        builder.add(entry)
    return builder.build().serialize()


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


def raw_words(text: str) -> list[str]:
    """lunr's tokenizer, trimmer and stop word filter, without the stemmer."""
    words = (trim(str(token)) for token in Tokenizer(normalize_separators(text)))
    return [word for word in words if word not in STOP_WORDS]


def area_tables(kaart: Kaart) -> tuple[dict[str, list[str]], dict[str, str]]:
    covered: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for gemeente in kaart.gebieden.gemeenten:
        names[gemeente.id] = f"heel {gemeente.naam}"
        covered[gemeente.id] = sorted(kaart.kernen_in([gemeente.id]))
        for gebied in gemeente.gebieden:
            names[gebied.id] = gebied.naam
            covered[gebied.id] = [kern.id for kern in gebied.kernen]
            for kern in gebied.kernen:
                names[kern.id] = kern.naam
                covered[kern.id] = [kern.id]
    return covered, names


def door_entries(kaart: Kaart, documents: list[SearchDocument]) -> list[list[Any]]:
    """[position, signals] per official door whose card is in the index."""
    positions = {(document.soort, document.id): at for at, document in enumerate(documents)}
    entries = []
    for record_id, deur in kaart.extras.get("deuren", {}).items():
        at = positions.get((deur.soort, record_id))
        if at is not None:
            entries.append([at, [" ".join(signal_words(woord)) for woord in deur.woorden]])
    return entries


def kcc_card(kaart: Kaart) -> dict[str, str] | None:
    """The gemeente's general number (the first ingang of soort kcc), for "nothing found"."""
    from ..build.urls import record_url
    from ..fields import format_phone

    for ingang in sorted(kaart.records.get("ingang", {}).values(), key=lambda i: i.id):
        if ingang.soort == "kcc" and ingang.contact and ingang.contact.telefoon:
            return {"naam": ingang.naam, "telefoon": format_phone(ingang.contact.telefoon), "url": record_url("ingang", ingang.id)}
    return None


def build_search_data(kaart: Kaart, generated: Iterable[Any] = (), hand_written: Iterable[HandWrittenPage] = ()) -> dict[str, Any]:
    """Everything the browser and `kaart zoek` search: index, cards and lookup tables."""
    documents = collect_documents(kaart, generated, hand_written)
    demote_unrelated(documents)
    expand(documents, kaart.extras.get("synoniemen", {}))
    gebieden, namen = area_tables(kaart)
    return {
        "versie": FORMAT_VERSION,
        "lunr": build_lunr_index(documents),
        "docs": [document.card() for document in documents],
        "gebieden": gebieden,
        "namen": namen,
        "themas": THEMAS,
        "doelgroepen": DOELGROEPEN,
        "soorten": SOORT_LABELS,
        "woorden": vocabulary(documents),
        "zoeken": SETTINGS,
        "vulwoorden": kaart.extras.get("vulwoorden", []),
        "deuren": door_entries(kaart, documents),
        "vangnet": index_entries(kaart, documents),
        "kcc": kcc_card(kaart),
    }


def search_data_json(data: dict[str, Any]) -> str:
    """The compact JSON text of the search file (UTF-8, no spaces)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
