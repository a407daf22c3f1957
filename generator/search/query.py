"""The query side of the site search: a line-by-line port of generator/assets/js/zoeken.js.

Keep the two in step: tests/search/test_parity.py runs zoeken.js under Node with the real
lunr.js and this module on the same index, and requires the same hits in the same order.

How a query is answered (both sides):
1. Clean: lower case, fold accents, split like lunr's tokenizer (JS whitespace, '-', and '*'),
   trim with lunr.nl's trimmer, drop stop words and duplicates; at most `maxTerms` words.
2. Exact clauses: every word through the Dutch stemmer (boost `exactBoost`).
3. Prefix while typing: the last word (at least `minPrefixLength` letters) also as `word*` and,
   when stemming changes it, as `stem*` (boost `prefixBoost`, no stemming).
4. Typo tolerance: when fewer than `fuzzyBelow` hits pass the filters, search again with, for
   every word of at least `minFuzzyLength` letters, an edit-distance-1 clause on its stem
   (`word~1`) and the words of the site (`woorden` in zoekindex.json) within one typo of it
   (`corrections`, at most `maxCorrections`), each through the stemmer. The second part
   catches typos that change the stem: 'eenzaamhied' stems to itself, 'eenzaamheid' to 'eenzam'.
5. Filters are applied to the result cards; a filter on theme, target group, kern, age, free or
   freely accessible keeps only offers (voorziening, vindplaats, cliëntondersteuner, ingang).
6. Order: lunr's score rounded to 6 decimals, best first; equal scores in document order.
An empty query gives nothing, or with filters every document that passes them, in document order.

Synonyms need no query logic: they are in the index (see synoniemen.py).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from lunr.index import Index
from lunr.query import Query
from lunr.token_set import TokenSet

from . import dutch  # registers the lunr.nl pipeline functions, needed by Index.load

# Tuning, written into zoekindex.json ('zoeken') so zoeken.js reads the same values.
SETTINGS: dict[str, int] = {
    "exactBoost": 10,
    "prefixBoost": 1,
    "fuzzyBoost": 1,
    "minPrefixLength": 3,
    "minFuzzyLength": 4,
    "fuzzyBelow": 5,
    "maxTerms": 10,
    "maxWordLength": 40,
    "maxCorrections": 5,
}

# JS \s exactly, plus the hyphen (lunr.tokenizer.separator) and '*' (a wildcard for lunr).
SEPARATORS = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\\-*]+")
COMBINING_MARKS = re.compile("[\u0300-\u036f]")
ASTRAL = re.compile("[\U00010000-\U0010ffff\ud800-\udfff]")  # emoji and other non-BMP characters: never in the index
AANBOD = ("voorziening", "vindplaats", "clientondersteuner", "ingang")
FILTER_KEYS = ("thema", "doelgroep", "kern", "leeftijd", "gratis", "vrij")


def fold(text: str) -> str:
    """Remove accents: NFD, then drop combining marks. Same as fold() in zoeken.js."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text))


def js_lower(text: str) -> str:
    """String.prototype.toLowerCase for the text a query can hold (Python's lower() agrees on it)."""
    return text.lower()


def clean_query(query: str, settings: dict[str, int] = SETTINGS) -> list[str]:
    words = SEPARATORS.split(fold(js_lower(ASTRAL.sub("", str(query or "")))))
    terms: list[str] = []
    for word in words:
        term = dutch.trim(word[: settings["maxWordLength"]])
        if term == "" or term in dutch.STOP_WORDS:
            continue
        if term not in terms:
            terms.append(term)
        if len(terms) == settings["maxTerms"]:
            break
    return terms


def corrections(vocabulary: TokenSet, term: str, settings: dict[str, int]) -> list[str]:
    """Words of the site within one typo of a term, sorted (see corrections() in zoeken.js)."""
    near = vocabulary.intersect(TokenSet.from_fuzzy_string(term, 1)).to_list()
    return sorted(word for word in near if word != term)[: settings["maxCorrections"]]


def clauses_for(terms: list[str], settings: dict[str, int], fuzzy: bool, vocabulary=None) -> list[dict[str, Any]]:
    clauses: list[dict[str, Any]] = []
    for position, term in enumerate(terms):
        clauses.append({"term": term, "usePipeline": True, "boost": settings["exactBoost"]})
        last = position == len(terms) - 1
        if last and len(term) >= settings["minPrefixLength"]:
            clauses.append({"term": term, "usePipeline": False, "wildcard": True, "boost": settings["prefixBoost"]})
            stemmed = dutch.stem(term)
            if stemmed != term and len(stemmed) >= settings["minPrefixLength"]:
                clauses.append({"term": stemmed, "usePipeline": False, "wildcard": True, "boost": settings["prefixBoost"]})
        if fuzzy and len(term) >= settings["minFuzzyLength"]:
            clauses.append({"term": term, "usePipeline": True, "editDistance": 1, "boost": settings["fuzzyBoost"]})
            for word in corrections(vocabulary(), term, settings):
                clauses.append({"term": word, "usePipeline": True, "boost": settings["fuzzyBoost"]})
    return clauses


def run_clauses(index: Index, clauses: list[dict[str, Any]]) -> list[dict]:
    query = index.create_query()
    for clause in clauses:
        options: dict[str, Any] = {"use_pipeline": clause["usePipeline"], "boost": clause["boost"]}
        if clause.get("wildcard"):
            options["wildcard"] = Query.WILDCARD_TRAILING
        if clause.get("editDistance"):
            options["edit_distance"] = clause["editDistance"]
        query.term(clause["term"], **options)
    return index.query(query)


def is_set(value: Any) -> bool:
    return value is not None and value != "" and value is not False


def has_filter(filters: dict[str, Any]) -> bool:
    return any(is_set(filters.get(key)) for key in FILTER_KEYS)


def soorten_of(filters: dict[str, Any]) -> list[str] | None:
    soort = filters.get("soort")
    if not is_set(soort):
        return None
    return list(soort) if isinstance(soort, (list, tuple)) else [soort]


def make_filter(data: dict[str, Any], filters: dict[str, Any] | None):
    filters = filters or {}
    only_aanbod = has_filter(filters)
    soorten = soorten_of(filters)
    leeftijd = _number(filters.get("leeftijd")) if is_set(filters.get("leeftijd")) else None

    def keep(doc: dict[str, Any]) -> bool:
        if only_aanbod and doc["soort"] not in AANBOD:
            return False
        if soorten and doc["soort"] not in soorten:
            return False
        if is_set(filters.get("thema")) and filters["thema"] not in doc.get("themas", []):
            return False
        if is_set(filters.get("doelgroep")):
            groepen = doc.get("doelgroepen", [])
            if groepen and filters["doelgroep"] not in groepen and "iedereen" not in groepen:
                return False
        if is_set(filters.get("kern")):
            if not any(filters["kern"] in data["gebieden"].get(area, []) for area in doc.get("werkgebied", [])):
                return False
        if leeftijd is not None and not math.isnan(leeftijd):
            van, tot = doc.get("leeftijd") or (None, None)
            if (van is not None and leeftijd < van) or (tot is not None and leeftijd >= tot):
                return False
        if filters.get("gratis") and doc.get("gratis") is not True:
            return False
        if filters.get("vrij") and doc.get("vrij") is not True:
            return False
        return True

    return keep


def _number(value: Any) -> float:
    """JS Number(value) for the values a filter can hold (numbers and digit strings)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def round_score(score: float) -> float:
    """Scores rounded to 6 decimals (half up), so tiny float differences never reorder results."""
    return math.floor(score * 1e6 + 0.5) / 1e6


def position(ref: str) -> int:
    return int(ref[1:])


def to_hit(data: dict[str, Any], ref: str, score: float) -> dict[str, Any]:
    return {"ref": ref, "score": score, **data["docs"][position(ref)]}


def ranked(index: Index, data: dict[str, Any], clauses: list[dict[str, Any]], keep) -> list[dict[str, Any]]:
    hits = [
        to_hit(data, result["ref"], round_score(result["score"]))
        for result in run_clauses(index, clauses)
        if keep(data["docs"][position(result["ref"])])
    ]
    hits.sort(key=lambda hit: (-hit["score"], position(hit["ref"])))
    return hits


class SearchEngine:
    """A search engine over the data of zoekindex.json (see index.py)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.settings = data["zoeken"]
        self.index = Index.load(data["lunr"])
        self._vocabulary: TokenSet | None = None

    def vocabulary(self) -> TokenSet:
        if self._vocabulary is None:
            self._vocabulary = TokenSet.from_list(self.data["woorden"])
        return self._vocabulary

    def terms(self, query: str) -> list[str]:
        return clean_query(query, self.settings)

    def search(self, query: str, filters: dict[str, Any] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        filters = filters or {}
        keep = make_filter(self.data, filters)
        terms = clean_query(query, self.settings)
        if not terms:
            hits = []
            if has_filter(filters) or soorten_of(filters):
                hits = [to_hit(self.data, f"d{i}", 0) for i, doc in enumerate(self.data["docs"]) if keep(doc)]
        else:
            hits = ranked(self.index, self.data, clauses_for(terms, self.settings, False, self.vocabulary), keep)
            fuzzy_useful = any(len(t) >= self.settings["minFuzzyLength"] for t in terms)
            if len(hits) < self.settings["fuzzyBelow"] and fuzzy_useful:
                hits = ranked(self.index, self.data, clauses_for(terms, self.settings, True, self.vocabulary), keep)
        return hits[:limit] if limit else hits
