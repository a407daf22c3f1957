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

Synonyms need no query logic: they are in the index (see synoniemen.py), except everyday phrases
with a negation ('geen huis', 'niet goed lopen'): as index words 'geen huis' is just 'huis' (a stop
word dropped), which finds "Maaltijdservice aan huis" for someone without a home. Such a phrase is
matched in the question like a signal (signalen.py) and its words give way to the words it stands
for (`zinnen`, see with_phrases).

The index is lunr's, re-arranged by term (index.postings_by_term) so the browser fetches only the
shards of a query's terms (shards.py). `TermIndex` expands a clause as lunr.Index.query does
(the stemmer as pipeline; a trailing wildcard or edit distance through the sorted terms or a
lunr.TokenSet of them) and `score_clauses` computes lunr's score: per field the dot product of
the query vector (the summed boosts per expanded term) with the document's field vector (BM25
weights), divided by the query vector's magnitude, summed over the fields.
tests/search/test_parity.py checks it against lunr.js and lunr.py score for score.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Any

from lunr.token_set import TokenSet

from . import dutch
from .dutch import fold
from .signalen import QueryWords, fired_entries, signal_fires, within_one_edit

# Tuning, written into zoekindex.json ('zoeken') so zoeken.js reads the same values.
SETTINGS: dict[str, Any] = {
    "exactBoost": 10,
    "prefixBoost": 1,
    "fuzzyBoost": 1,
    "minPrefixLength": 3,
    "minFuzzyLength": 4,
    "fuzzyBelow": 5,
    "maxTerms": 10,
    # With a kern chosen, a hit that does not serve it (its werkgebied lies elsewhere) scores this share:
    # the resident's own mantelzorgcafé before the other gemeente's and the village's koffie-inloop before another
    # village's (a half left 16 of 125 kern questions of an outside set with another area's place first, a quarter 10);
    # a far stronger match elsewhere still comes first. A power of two, and the product is rounded again like every
    # score (round_score), so both pipelines sort alike.
    "elsewhereFactor": 0.25,
    "maxWordLength": 40,
    # A door with groups of problem words (synoniemen.yaml `problemen`: the sociaal team) ranks first when the
    # query names words of at least this many groups: several problems at once ('schulden en mijn zoon drinkt').
    "minProblemGroups": 2,
    # A word typed without spaces ('ikwilnietmeerleven') of at least this many letters, that the site does not
    # know, is read as the words it is made of (spaced): the safety net and the search see 'ik wil niet meer leven'.
    "minRunTogether": 8,
    # ... but a stop word that starts a Dutch compound ('opgroeivragen', 'aanvraagformulier') does not make it a phrase
    "compoundStarts": ["aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "te", "tegen", "toe", "tot", "uit", "voor"],
    "maxCorrections": 5,
    "minCompoundLength": 7,
    "minCompoundPart": 3,
    "minSuggestLength": 5,
    "minNamePrefix": 5,
    # Dutch prefixes that look like a word but are never the head of a compound ('verhuurder' is not 'ver' +
    # 'huurder'; 'ontslag', 'herkansing', 'misbruik' neither)
    "notHeads": ["ver", "ont", "her", "mis", "gem"],
    "sounds": dutch.SOUNDS,
    # An unknown word of at least this many letters whose sound starts a longer word of the site stands for it
    # ('sollisitatie' -> 'sollicitatiecafe'); shorter ones only for a word that sounds the same.
    "minSoundPrefix": 8,
}

# JS \s exactly, plus the hyphen (lunr.tokenizer.separator) and '*' (a wildcard for lunr).
SEPARATORS = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\\-*]+")
ASTRAL = re.compile("[\U00010000-\U0010ffff\ud800-\udfff]")  # emoji and other non-BMP characters: never in the index
AANBOD = ("voorziening", "vindplaats", "clientondersteuner", "ingang")
FILTER_KEYS = ("thema", "doelgroep", "kern", "leeftijd", "gratis", "vrij")


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


def without_filler(terms: list[str], filler: set[str]) -> list[str]:
    """Drop filler words ('graag', 'zoek', 'mevrouw') when other words remain."""
    content = [term for term in terms if term not in filler]
    return content if content else terms


LETTERS = re.compile("[a-z]+")


def word_break(word: str, known) -> list[str] | None:
    """The fewest words of two or more letters that make up `word` (`known(piece)` says what a word is), or None.
    Among splits with as few words, the one whose last words are longest. zoeken.js wordBreak is the same."""
    fewest: list[tuple[int, int] | None] = [None] * (len(word) + 1)
    fewest[0] = (0, -1)
    for end in range(2, len(word) + 1):
        for start in range(0, end - 1):
            if fewest[start] is not None and known(word[start:end]):
                count = fewest[start][0] + 1
                if fewest[end] is None or count < fewest[end][0]:
                    fewest[end] = (count, start)
    if fewest[len(word)] is None:
        return None
    pieces, end = [], len(word)
    while end > 0:
        start = fewest[end][1]
        pieces.append(word[start:end])
        end = start
    return pieces[::-1]


def spaced(query: str, words: "Words", lexicon: set[str], settings: dict[str, Any]) -> str:
    """The query lower case and folded, each run of letters typed together that the site does not know read as the
    words it is made of ('ikwilnietmeerleven' -> 'ik wil niet meer leven'; 'voedselbank' is known and stays). The
    words: the site's, common Dutch ones, stop words and the words of the safety net's, the doors' and the phrases'
    signals; a word of two letters only when it is a stop word ('ik', 'op'; not 'st'). At least one of them must be a
    stop word, and not one that starts a compound (settings 'compoundStarts'): without one the words are a Dutch
    compound ('kleinzoon', 'energiearmoede', 'opgroeivragen'), which the search already takes apart where it must
    (known_form)."""
    def known(piece: str) -> bool:
        if len(piece) < 3:
            return piece in dutch.STOP_WORDS
        return piece in words.signal_known or piece in dutch.STOP_WORDS or piece in lexicon

    def split(match: re.Match) -> str:
        run = match.group(0)
        if len(run) < settings["minRunTogether"] or len(run) > settings["maxWordLength"] or known(run) or words.knows(run):
            return run
        pieces = word_break(run, known)
        if pieces and len(pieces) > 1 and any(is_phrase_word(piece, at) for at, piece in enumerate(pieces)):
            return " ".join(pieces)
        return run

    def is_phrase_word(piece: str, at: int) -> bool:
        return piece in dutch.STOP_WORDS and not (at == 0 and piece in settings["compoundStarts"])

    return LETTERS.sub(split, fold(js_lower(str(query or ""))))


def signal_phrases(data: dict[str, Any]) -> list[str]:
    """Every phrase the search matches like a signal: the safety net's (with its `tenzij`), the doors' and the
    everyday phrases with a negation."""
    lines = [signal for entry in data.get("vangnet", []) for signal in entry["signalen"] + entry.get("tenzij", [])]
    doors = [signal for door in data.get("deuren", []) for signal in door_signals(door)]
    return lines + doors + [phrase for phrase, _ in data.get("zinnen", [])]


def signal_lexicon(data: dict[str, Any]) -> set[str]:
    """The words of every signal the query is matched against (signal_phrases), '*' dropped."""
    return {word for phrase in signal_phrases(data) for word in LETTERS.findall(fold(js_lower(phrase)))}


class Words:
    """What the index knows: its stemmed terms (lunr's inverted index) and its raw words (`woorden`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.raw = set(data["woorden"])
        # what signal matching takes as written, never as a typo: the site's words and common Dutch ones (gewoon.py)
        self.signal_known = self.raw | set(data.get("gewoon", ()))
        self.stems = set(data["termen"])
        self.sorted_raw = data["woorden"]
        self._sounds: list[tuple[str, str]] | None = None

    def knows(self, word: str) -> bool:
        return word in self.raw or dutch.stem(word) in self.stems

    def completes(self, prefix: str) -> bool:
        """Whether a word of the site starts with this (the last word may be half typed)."""
        at = bisect.bisect_left(self.sorted_raw, prefix)
        return at < len(self.sorted_raw) and self.sorted_raw[at].startswith(prefix)

    def sounds_like(self, term: str, settings: dict[str, Any]) -> str | None:
        """The word of the site that sounds like the term (dutch.sound): the same sound first, else (for a long
        term) the shortest word whose sound starts with the term's; ties alphabetical."""
        if self._sounds is None:
            self._sounds = sorted((dutch.sound(word), word) for word in self.sorted_raw if len(word) >= settings["minSuggestLength"])
        key = dutch.sound(term)
        best = None
        for at in range(bisect.bisect_left(self._sounds, (key, "")), len(self._sounds)):
            found, word = self._sounds[at]
            if not found.startswith(key) or (found != key and len(term) < settings["minSoundPrefix"]):
                break
            rank = (found != key, len(word), word)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None

    def near(self, term: str) -> list[str]:
        """Words of the site one typo away from the term: same length first, then alphabetical."""
        found = [w for w in self.sorted_raw if abs(len(w) - len(term)) <= 1 and within_one_edit(term, w)]
        found.sort(key=lambda w: (len(w) != len(term), w))
        return found


# Endings that put an unknown word back on a known one: verb forms the stemmer keeps ('blowt'),
# comparatives and superlatives ('gezonder', 'gezondste').
ENDINGS = ("t", "er", "ere", "ste")
APOSTROPHE = re.compile("['\u2019]")


def without_apostrophe(term: str) -> str:
    """'zzp'er' -> 'zzp', 'cv's' -> 'cv': Dutch writes endings after an apostrophe."""
    head = APOSTROPHE.split(term, 1)[0]
    return head if len(head) >= 2 else term




def known_form(term: str, words: Words, settings: dict[str, int]) -> list[str]:
    """The term as the index knows it: itself, a shorter form without an ending, or the parts of a
    compound. A compound whose last part is unknown keeps the whole word and adds its known head
    ('rouwverwerking' -> 'rouwverwerking', 'rouw'), unless the word is just a typo of a known one."""
    if words.knows(term):
        return [term]
    for ending in ENDINGS:
        shorter = term[: -len(ending)]
        if term.endswith(ending) and len(shorter) >= settings["minCompoundPart"] and words.knows(shorter):
            return [shorter]
    if len(term) >= settings["minSuggestLength"] and LETTERS.fullmatch(term) and not words.completes(term):
        sounding = words.sounds_like(term, settings)
        if sounding:
            return [sounding]
    if len(term) < settings["minCompoundLength"]:
        return [term]
    least = settings["minCompoundPart"]
    head_only = None
    for cut in range(len(term) - least, least - 1, -1):
        head, tail = term[:cut], term[cut:]
        if head.endswith("s") and len(head) > least and not words.knows(head) and words.knows(head[:-1]):
            head = head[:-1]  # a linking s: 'levensmoe'
        if not words.knows(head) or head in settings["notHeads"]:
            continue
        if words.knows(tail):
            return [head, tail]
        if head_only is None and len(head) > least and len(tail) > least:
            head_only = head
    if head_only is not None and not words.near(term):
        return [term, head_only]
    return [term]


def content_terms(terms: list[str], words: Words, filler: set[str], settings: dict[str, int]) -> list[str]:
    """The query terms the search uses: filler dropped, unknown words put in a known form
    (ending, compound parts), neighbours joined when the index knows them together
    ('schuld hulp' -> 'schuldhulp') or in reverse, as Dutch splits verbs ('kom niet rond' -> 'rondkom')."""
    result: list[str] = []
    for term in without_filler([without_apostrophe(term) for term in terms], filler):
        for part in without_filler(known_form(term, words, settings), filler):  # 'schuldenprobleem': not 'probleem'
            if part not in result:
                result.append(part)
    joined = []
    for a, b in zip(result, result[1:]):
        for both in (a + b, b + a):
            if (both in words.raw or both in words.stems) and both not in result and both not in joined:
                joined.append(both)
                break
    return result + joined


def with_phrases(terms: list[str], fired: list[tuple[list[str], list[str]]], settings: dict[str, Any]) -> list[str]:
    """The terms of a question that holds everyday phrases: the phrases' own words dropped, the words
    they stand for added; a last word that is no phrase word stays last (it is being typed).
    `fired`: (the phrase's words, the words it stands for) of every phrase the question holds."""
    if not fired:
        return terms
    said = {dutch.stem(word) for words, _ in fired for word in words}
    kept = [term for term in terms if dutch.stem(term) not in said]
    typing = kept[-1:] if terms and kept and kept[-1] == terms[-1] else []
    result = kept[: len(kept) - len(typing)]
    for _, meant in fired:
        result += [word for word in meant if word not in result and word not in typing]
    return (result[: settings["maxTerms"] - len(typing)] + typing) if result or typing else terms


def misspelt(terms: list[str], words: Words, settings: dict[str, Any]) -> bool:
    """Whether a word the site does not know is in the question (not a half-typed last word): then typo
    tolerance is used whatever the number of hits, so 'digit kwijt' is not answered by 'kwijt' alone."""
    last = len(terms) - 1
    return any(len(term) >= settings["minFuzzyLength"] and not words.knows(term) and not (i == last and words.completes(term))
               for i, term in enumerate(terms))


def suggestion_for(terms: list[str], words: Words, settings: dict[str, int]) -> str | None:
    """'Bedoelde je …?': every unknown word of 5+ letters replaced by the closest word of the site
    (one typo away; same length first, then alphabetical), or None when nothing was corrected."""
    changed = False
    suggested = []
    for term in terms:
        best = None
        if len(term) >= settings["minSuggestLength"] and not words.knows(term):
            near = words.near(term)
            best = near[0] if near else None
        changed = changed or best is not None
        suggested.append(best or term)
    return " ".join(suggested) if changed else None


def corrections(vocabulary: TokenSet, term: str, settings: dict[str, int]) -> list[str]:
    """Words of the site within one typo of a term, sorted (see corrections() in zoeken.js)."""
    near = vocabulary.intersect(TokenSet.from_fuzzy_string(term, 1)).to_list()
    return sorted(word for word in near if word != term)[: settings["maxCorrections"]]


def clauses_for(terms: list[str], settings: dict[str, int], fuzzy: bool, vocabulary=None) -> list[dict[str, Any]]:
    """lunr's clauses for the terms; `of` says which term a clause stands for (for the coverage, see score_clauses)."""
    clauses: list[dict[str, Any]] = []
    for position, term in enumerate(terms):
        clauses.append({"term": term, "usePipeline": True, "boost": settings["exactBoost"], "of": position})
        last = position == len(terms) - 1
        if last and len(term) >= settings["minPrefixLength"]:
            clauses.append({"term": term, "usePipeline": False, "wildcard": True, "boost": settings["prefixBoost"], "of": position})
            stemmed = dutch.stem(term)
            if stemmed != term and len(stemmed) >= settings["minPrefixLength"]:
                clauses.append({"term": stemmed, "usePipeline": False, "wildcard": True, "boost": settings["prefixBoost"], "of": position})
        if fuzzy and len(term) >= settings["minFuzzyLength"]:
            clauses.append({"term": term, "usePipeline": True, "editDistance": 1, "boost": settings["fuzzyBoost"], "of": position})
            for word in corrections(vocabulary(), term, settings):
                clauses.append({"term": word, "usePipeline": True, "boost": settings["fuzzyBoost"], "of": position})
    return clauses


class TermIndex:
    """The terms of lunr's index and their postings (index.postings_by_term): what a clause
    expands to and what it scores."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.terms: list[str] = data["termen"]
        self.fields = len(data["velden"])
        self.synonyms = data["velden"].index(data["groepen"]["veld"]) if data.get("groepen") else -1  # the synonyms field
        self.postings = data["postings"]
        self._token_set: TokenSet | None = None
        self._positions: dict[str, int] = {}

    def token_set(self) -> TokenSet:
        if self._token_set is None:
            self._token_set = TokenSet.from_list(self.terms)
            self._positions = {word: at for at, word in enumerate(self.terms)}
        return self._token_set

    def expanded(self, clause: dict[str, Any]) -> list[int]:
        """Positions of the index terms a clause matches, as lunr expands it."""
        term = dutch.stem(clause["term"]) if clause["usePipeline"] else clause["term"]
        if term == "":
            return []
        if clause.get("editDistance"):
            found = self.token_set().intersect(TokenSet.from_fuzzy_string(term, clause["editDistance"])).to_list()
            return sorted(self._positions[word] for word in found)
        start = bisect.bisect_left(self.terms, term)
        if clause.get("wildcard"):
            end = start
            while end < len(self.terms) and self.terms[end].startswith(term):
                end += 1
            return list(range(start, end))
        return [start] if start < len(self.terms) and self.terms[start] == term else []


def query_vector(index: TermIndex, clauses: list[dict[str, Any]], masks: dict[int, int] | None = None) -> dict[int, float]:
    """Term position -> the summed boosts of the clauses that expand to it (lunr's query vector).
    With `masks`, also term position -> the query terms (a bit per clause `of`) that reach it."""
    boosts: dict[int, float] = {}
    for clause in clauses:
        for at in index.expanded(clause):
            boosts[at] = boosts.get(at, 0) + clause["boost"]
            if masks is not None:
                masks[at] = masks.get(at, 0) | (1 << clause["of"])
    return boosts


def score_clauses(index: TermIndex, boosts: dict[int, float], posting, masks: dict[int, int] | None = None, terms: int = 0,
                  skip: tuple[int, set[int]] = (-1, set())) -> dict[int, float]:
    """Document position -> lunr's score. `posting(at)` gives a term's postings. With `masks` (query_vector)
    the score is multiplied by the share of the `terms` query terms the document holds (coverage): lunr
    sums per term, so a name with one common word ('… aan huis') outscored a text that holds every word
    of 'trapleuning in huis'. `skip`: (a field, term positions) whose postings in that field do not count
    (the words of an everyday phrase said alone, see alone_terms)."""
    order = sorted(boosts, key=lambda at: posting(at)[0])  # the dot product runs in lunr's term index order
    squares = 0.0
    for at in order:
        squares += boosts[at] * boosts[at]
    magnitude = math.sqrt(squares)
    fields = index.fields
    dots: dict[int, list] = {}
    for at in order:
        row, boost, mask = posting(at), boosts[at], masks[at] if masks else 0
        for field in range(fields):
            if field == skip[0] and at in skip[1]:
                continue
            flat, doc = row[field + 1], 0
            for i in range(0, len(flat), 2):
                doc += flat[i]
                per_field = dots.get(doc)
                if per_field is None:
                    per_field = dots[doc] = [None] * fields + [0]
                product = boost * (flat[i + 1] / 1000)
                per_field[field] = product if per_field[field] is None else per_field[field] + product
                per_field[fields] |= mask
    scores: dict[int, float] = {}
    for doc, per_field in dots.items():
        score = 0.0
        for dot in per_field[:fields]:
            if dot is not None:
                score += (dot / magnitude) if magnitude else 0
        scores[doc] = score * bin(per_field[fields]).count("1") / terms if masks and terms > 1 else score
    return scores


def run_clauses(index: TermIndex, clauses: list[dict[str, Any]], coverage: bool = False, alone: frozenset[str] = frozenset()) -> dict[int, float]:
    """lunr's scores for the clauses; with `coverage`, times the share of the query terms a document holds;
    the index terms in `alone` do not count in the synonyms field (alone_terms)."""
    masks: dict[int, int] | None = {} if coverage else None
    boosts = query_vector(index, clauses, masks)
    terms = 1 + max((clause["of"] for clause in clauses), default=0) if coverage else 0
    skip = (index.synonyms, {at for at in boosts if index.terms[at] in alone}) if alone else (-1, set())
    return score_clauses(index, boosts, lambda at: index.postings[at], masks, terms, skip)


def alone_terms(terms: list[str], data: dict[str, Any]) -> frozenset[str]:
    """The index words of everyday phrases ('bank' of 'food bank', index.py `groepen`) whose phrase the
    question's words (`terms`: as cleaned, filler included, and as searched) do not hold whole: in the
    synonyms field they do not count ('schuld bij de bank')."""
    groups = data.get("groepen")
    if not groups or not groups["woorden"]:
        return frozenset()
    said = {dutch.stem(term) for term in terms}
    whole = {word for phrase in groups["zinnen"] if said.issuperset(phrase) for word in phrase}
    return frozenset(word for word in groups["woorden"] if word not in whole)


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


# The order of a result card's fields (documents.SearchDocument.card).
CARD_KEYS = ("id", "soort", "naam", "url", "samenvatting", "themas", "doelgroepen", "leeftijd", "gratis", "vrij", "werkgebied", "telefoon", "status", "plekken")


def to_hit(data: dict[str, Any], ref: str, score: float) -> dict[str, Any]:
    at = position(ref)
    card = {**data["docs"][at], **data["kaarten"][at]}
    return {"ref": ref, "score": score, **{key: card[key] for key in CARD_KEYS if key in card}}


def ranked(index: TermIndex, data: dict[str, Any], clauses: list[dict[str, Any]], keep, alone: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    scores = run_clauses(index, clauses, coverage=True, alone=alone)
    return [to_hit(data, f"d{doc}", round_score(score)) for doc, score in scores.items() if keep(data["docs"][doc])]


def door_signals(door: list[Any]) -> list[str]:
    """A door's signals: its words and the words of its groups of problems."""
    return door[1] + [signal for group in (door[3] if len(door) > 3 else []) for signal in group]


def names_several_problems(door: list[Any], words: QueryWords, settings: dict[str, Any]) -> bool:
    """Whether the query names words of at least settings['minProblemGroups'] of the door's groups of problems."""
    groups = door[3] if len(door) > 3 else []
    return sum(1 for group in groups if any(signal_fires(s, words) for s in group)) >= settings["minProblemGroups"]


def doors_for(door: list[Any], kern: str | None) -> list[int]:
    """The door a kern goes to; with no kern known, the door and every kern's own (each resident finds theirs:
    'sociaal team' gives every team, 'wmo' the Egelstede loket and Wolderbeek's team)."""
    elsewhere = door[2] if len(door) > 2 else {}
    if kern:
        return [elsewhere.get(kern, door[0])]
    return [door[0]] + sorted(set(elsewhere.values()) - {door[0]})


def follow_lines(data: dict[str, Any], fired: list[dict[str, Any]], kern: str | None, keep) -> list[int]:
    """The records that follow the fired lines (vangnet.yaml `daarna`), line by line in their order, without the
    lines themselves or repeats; 'sociaal-team' is the kern's own team, or every team without a kern (doors_for).
    What the filters or the kern rule out is left out (the box itself is never filtered)."""
    leading = {line["at"] for line in fired}
    found: list[int] = []
    for line in fired:
        for item in line.get("daarna", []):
            for at in follow_item(data, item, kern):
                doc = data["docs"][at]
                if at not in leading and at not in found and keep(doc) and (not kern or serves(data, doc, kern)):
                    found.append(at)
    return found


def follow_item(data: dict[str, Any], item: int | str, kern: str | None) -> list[int]:
    """The cards one entry of `daarna` stands for: a position, or 'sociaal-team' (index.team_entry)."""
    if item != "sociaal-team":
        return [item]
    return doors_for(data["teams"], kern) if data.get("teams") else []


def general_numbers(data: dict[str, Any], kern: str | None) -> list[dict[str, str]]:
    """The KCC numbers for "nothing found": the one of the kern's gemeente, every gemeente's without a kern
    (zoeken-ui.js kccNummers): a Wolderbeek resident is never sent to Egelstede's desk."""
    cards = data.get("kcc") or []
    own = [card for card in cards if kern and kern in data["gebieden"].get(card["gemeente"], ())]
    return own or cards


def serves(data: dict[str, Any], doc: dict[str, Any], kern: str) -> bool:
    """Whether a document's werkgebied holds the kern; what has none (a theme, a page) is for everyone."""
    areas = doc.get("werkgebied")
    return not areas or any(kern in data["gebieden"].get(area, ()) for area in areas)


def prefer_kern(hits: list[dict[str, Any]], data: dict[str, Any], kern: str | None, settings: dict[str, Any]) -> set[str]:
    """The refs of hits that do not serve the kern; they score less (settings 'elsewhereFactor') and a name
    holding every term does not lift them (see ordered): the Boodschappenbus of the other gemeente no longer
    comes before the resident's own burenhulp."""
    elsewhere = set()
    if kern:
        for hit in hits:
            if not serves(data, data["docs"][position(hit["ref"])], kern):
                hit["score"] = round_score(hit["score"] * settings["elsewhereFactor"])
                elsewhere.add(hit["ref"])
    return elsewhere


def name_words(naam: str) -> list[tuple[str, str]]:
    """The words of a name as query terms (clean_query without the limits), each with its stem."""
    words = (dutch.trim(word) for word in SEPARATORS.split(fold(js_lower(naam))))
    return [(word, dutch.stem(word)) for word in words if word not in dutch.STOP_WORDS]


def covers(name: list[tuple[str, str]], term: str, stemmed: str, last: bool, settings: dict[str, int]) -> bool:
    """Whether a name word is the term: the same stem, or it starts with the term or its stem
    (compounds: 'schuldhulp' in 'schuldhulpverlening'; while typing, the last word's first letters)."""
    least = settings["minPrefixLength"] if last else settings["minNamePrefix"]
    for word, word_stem in name:
        if word_stem == stemmed:
            return True
        if (len(term) >= least and word.startswith(term)) or (len(stemmed) >= least and word.startswith(stemmed)):
            return True
    return False


def ordered(hits: list[dict[str, Any]], data: dict[str, Any], terms: list[str], lines: list[int], doors: list[int], keep, name_of, settings,
            elsewhere: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Crisis lines the safety net calls up first (past every filter; `lines` also holds the records that follow
    them, follow_lines), then official doors the
    query names, then hits whose name holds every term (and that serve the kern chosen: not in `elsewhere`), then the rest, then pages for partners
    (documents.ACHTERAAN); within a tier by score,
    then document order. `name_of(position)` gives a card's name words."""
    present = {hit["ref"] for hit in hits}
    for at in lines + [door for door in doors if keep(data["docs"][door])]:
        if f"d{at}" not in present:
            hits.append(to_hit(data, f"d{at}", 0))
            present.add(f"d{at}")
    line_refs = {f"d{at}" for at in lines}
    door_refs = {f"d{door}" for door in doors}
    stems = [dutch.stem(term) for term in terms]

    def tier(hit: dict[str, Any]) -> int:
        if hit["ref"] in line_refs:
            return 3
        if hit["ref"] in door_refs:
            return 2
        at = position(hit["ref"])
        name = name_of(at)
        if hit["ref"] not in elsewhere and all(covers(name, term, stems[i], i == len(terms) - 1, settings) for i, term in enumerate(terms)):
            return 1
        return -1 if data["docs"][at].get("achteraan") else 0

    tiers = {hit["ref"]: tier(hit) for hit in hits}
    for hit in hits:
        hit["rang"] = tiers[hit["ref"]]  # 3 crisis line or the help after it, 2 official door, 1 name holds every term, 0 the rest, -1 partner pages
    hits.sort(key=lambda hit: (-tiers[hit["ref"]], -hit["score"], position(hit["ref"])))
    return lines_first(hits, lines)


def lines_first(hits: list[dict[str, Any]], lines: list[int]) -> list[dict[str, Any]]:
    """The crisis lines and the help that follows them (the first hits) in the safety net's order, not by score:
    'hij slaat me nu' calls up 112 before Veilig Thuis, whatever the words score."""
    if len(lines) < 2:
        return hits
    by_ref = {hit["ref"]: hit for hit in hits[: len(lines)]}
    return [by_ref[f"d{at}"] for at in lines] + hits[len(lines):]


class SearchEngine:
    """A search engine over the data of zoekindex.json (see index.py)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.settings = data["zoeken"]
        self.index = TermIndex(data)
        self._vocabulary: TokenSet | None = None
        self._words: Words | None = None
        self.filler = set(data.get("vulwoorden", []))
        self._names: dict[int, list[tuple[str, str]]] = {}
        self._found: dict[str, bool] = {}
        self._lines: tuple[str | None, list[dict[str, Any]]] = (None, [])
        self._lexicon: set[str] | None = None
        self._spaced: tuple[str | None, str] = (None, "")

    def name_of(self, at: int) -> list[tuple[str, str]]:
        if at not in self._names:
            self._names[at] = name_words(self.data["docs"][at]["naam"])
        return self._names[at]

    def words(self) -> Words:
        if self._words is None:
            self._words = Words(self.data)
        return self._words

    def spaced(self, query: str) -> str:
        """The query with words typed together read apart (query.spaced); the last answer is kept."""
        if self._spaced[0] != query:
            if self._lexicon is None:
                self._lexicon = signal_lexicon(self.data)
            self._spaced = (query, spaced(query, self.words(), self._lexicon, self.settings))
        return self._spaced[1]

    def vangnet(self, query: str) -> list[dict[str, Any]]:
        """The crisis lines the query calls up (see vangnet.py); filters never apply. The last
        answer is kept (search() and the page both ask)."""
        query = self.spaced(query)
        if self._lines[0] != query:
            self._lines = (query, fired_entries(self.data.get("vangnet", []), query, self.words().signal_known))
        return [dict(line) for line in self._lines[1]]

    def doors(self, query: str, kern: str | None = None) -> list[int]:
        """Positions of the official doors (synoniemen.yaml `deuren`) the query names; for a kern the door
        that serves it (index.door_for_kern: Wolderbeek's own team, not Egelstede's loket); a door with groups of
        problems also when the query names several problems at once."""
        words = QueryWords(self.spaced(query), self.words().signal_known)
        found: list[int] = []
        for door in self.data.get("deuren", []):
            if any(signal_fires(s, words) for s in door[1]) or names_several_problems(door, words, self.settings):
                for at in doors_for(door, kern):
                    if at not in found:
                        found.append(at)
        return found

    def suggestion(self, query: str) -> str | None:
        """'Bedoelde je …?' when the words as typed find nothing (before typo tolerance)."""
        terms = self.terms(query)
        if not terms or self.found_as_typed(terms, self.alone(query, terms)):
            return None
        return suggestion_for(terms, self.words(), self.settings)

    def found_as_typed(self, terms: list[str], alone: frozenset[str]) -> bool:
        """Whether the terms find anything before typo tolerance and filters (the last answer is kept)."""
        key = " ".join(terms) + "|" + " ".join(sorted(alone))  # the answer depends on both
        if key not in self._found:
            self._found = {key: bool(ranked(self.index, self.data, clauses_for(terms, self.settings, False, self.vocabulary), lambda doc: True, alone))}
        return self._found[key]

    def alone(self, query: str, terms: list[str]) -> frozenset[str]:
        """The words of everyday phrases the question does not say whole (alone_terms): filler counts ('household help')."""
        return alone_terms(clean_query(self.spaced(query), self.settings) + terms, self.data)

    def vocabulary(self) -> TokenSet:
        if self._vocabulary is None:
            self._vocabulary = TokenSet.from_list(self.data["woorden"])
        return self._vocabulary

    def terms(self, query: str) -> list[str]:
        terms = content_terms(clean_query(self.spaced(query), self.settings), self.words(), self.filler, self.settings)
        return with_phrases(terms, self.phrases(query), self.settings)

    def phrases(self, query: str) -> list[tuple[list[str], list[str]]]:
        """(words, the words they stand for) of the everyday phrases (synoniemen.yaml) the question holds."""
        zinnen = self.data.get("zinnen", [])
        if not zinnen:
            return []
        words = QueryWords(self.spaced(query), self.words().signal_known)
        return [(phrase.split(" "), meant) for phrase, meant in zinnen if signal_fires(phrase, words)]

    def search(self, query: str, filters: dict[str, Any] | None = None, limit: int | None = None, woonkern: str | None = None) -> list[dict[str, Any]]:
        """Hits, best first. `woonkern`: the kern chosen on the device; with it (or a kern filter) an
        official door is the one that serves that kern."""
        filters = filters or {}
        keep = make_filter(self.data, filters)
        terms = self.terms(query)
        if not terms:
            hits = []
            if has_filter(filters) or soorten_of(filters):
                hits = [to_hit(self.data, f"d{i}", 0) for i, doc in enumerate(self.data["docs"]) if keep(doc)]
        else:
            alone = self.alone(query, terms)
            hits = ranked(self.index, self.data, clauses_for(terms, self.settings, False, self.vocabulary), keep, alone)
            if not (has_filter(filters) or soorten_of(filters)):
                self._found = {" ".join(terms): bool(hits)}  # suggestion() needs no second query
            fuzzy_useful = any(len(t) >= self.settings["minFuzzyLength"] for t in terms)
            if fuzzy_useful and (len(hits) < self.settings["fuzzyBelow"] or misspelt(terms, self.words(), self.settings)):
                hits = ranked(self.index, self.data, clauses_for(terms, self.settings, True, self.vocabulary), keep, alone)
        fired = self.vangnet(query)
        if terms or fired:
            kern = filters.get("kern") if is_set(filters.get("kern")) else woonkern
            elsewhere = prefer_kern(hits, self.data, kern, self.settings)
            lead = [line["at"] for line in fired] + follow_lines(self.data, fired, kern, keep)
            hits = ordered(hits, self.data, terms, lead, self.doors(query, kern), keep, self.name_of, self.settings, elsewhere)
        return hits[:limit] if limit else hits
