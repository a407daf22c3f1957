"""Phrase matching for the safety net (vangnet.yaml) and the official doors (synoniemen.yaml, `deuren`).

A *signal* is a short phrase ("wil dood", "huiselijk geweld", "zelfmoord*"). It fires when its
words occur in the query in order, with at most `MAX_GAP` other words between two of them and no article among those, so
"ik wil echt niet meer leven" fires "wil niet meer leven", while "dood van mijn moeder" and
"ik wil de dood van mijn moeder verwerken" do not fire "wil dood". Besides:

* a signal of `ANY_ORDER_FROM`+ words also fires with its words in any order, all within a window
  of its length plus `MAX_GAP` words, again without an article in between: Dutch subordinate
  clauses put the verb last ("... dat hij niet meer wil leven" fires "wil niet meer leven");
* a signal never reaches across a clause mark (, . ; : ! ?): "mijn hond is dood, wil een nieuwe"
  is two clauses;
* a signal of one number ('113') fires only when the query is that number: "113 euro" and
  "huisnummer 112" are not calls (list "bel 113" for the call);
* the pronouns a signal is written with stand for their group (`STANDS_FOR`): "slaat me" also
  fires on "slaat haar", "eind aan mijn leven" on "eind aan zijn leven", "mezelf ophangen" on
  "zich ophangen" and "me ophangen";
* 'me' and 'mij' stand for 'mezelf' only when nobody else is the subject: the nearest subject
  before them in the clause is 'ik' or there is none ("ik wil me iets aandoen", "wil me iets
  aandoen"). A third-person pronoun ("hij", "ze", "iemand") or a noun phrase ("mijn man", "de
  buurman", "mijn rug") means someone or something else acts on me: "mijn man doet me pijn" is
  abuse and "mijn rug doet me pijn" a back, neither is self-harm (`QueryWords.someone_else_before`).

A query word matches a signal word when

* their Dutch stems are equal (lunr.nl's stemmer: "slaat" and "slaan" differ, so list both),
  unless the query word has a derivation ending the signal word lacks ("geweldig" is not "geweld"),
* the signal word has `MIN_TYPO_LENGTH`+ letters and the query word, not itself a word of the
  site, is within one typo of it (insertion, deletion, substitution or a swap of two
  neighbouring letters),
* the signal word is written `woord*` (the query word starts with it, or with a typo of it when
  what follows the typo is nothing or a word of the site: "zelfmoord*" fires on "zelfmoordgedachten",
  "zelfmord" and "zelfmordgedachten", but "verward*" not on "verwarming") or `*woord` (ends with it:
  "*geweld" fires on "partnergeweld"). Compound matching is opt-in: a plain "geweld" must not fire on "geweldig".

Two neighbouring query words also count as one ("zelf moord" = "zelfmoord"), and one query word
also counts as two neighbouring signal words ("huiselijkgeweld" = "huiselijk geweld", with one
typo allowed). Text is lower-cased, accents are folded and everything that is not a-z or 0-9 separates words.

`matchSignal` in generator/assets/js/zoeken.js is the same algorithm, line by line;
tests/search/test_parity.py runs both on the same queries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from typing import Any

from .dutch import fold, stem

MAX_GAP = 2
ANY_ORDER_FROM = 3
# A gap may not hold an article: it starts a new noun phrase, so the words around it do not belong
# together ("ik wil de dood van mijn moeder verwerken" is not "wil dood").
ARTICLES = frozenset(["de", "het", "een", "t", "der", "des"])
# The stemmer also strips these derivations, which change the meaning: 'geweldig' is not 'geweld'.
DERIVED = ("ig", "ige", "lijk", "lijke", "baar", "bare")
MIN_TYPO_LENGTH = 6
MIN_TYPO_PART = 4
MAX_QUERY_WORDS = 40
_WORD = re.compile("[a-z0-9]+")
_CLAUSE_MARK = re.compile("[,.;:!?]")
_NUMBER = re.compile("[0-9]+")

# Signals are written in the first person ('slaat me', 'eind aan mijn leven', 'mezelf ophangen');
# residents also write about someone else. Only these written forms stand for a group: a signal
# word 'zijn' or 'haar' is taken as written ('wil er niet meer zijn' is a verb, not a possessive).
_POSSESSIVE = ("mijn", "mn", "haar", "zijn", "zn", "hun", "jouw")
_OBJECT = ("me", "mij", "hem", "haar", "ons", "jou", "him", "her", "us", "them")  # 'me' is English too
_REFLEXIVE = ("mezelf", "mijzelf", "me", "mij", "zich", "zichzelf", "jezelf", "hemzelf", "haarzelf")
_MY = ("my", "her", "his", "their", "your")
_MYSELF = ("myself", "herself", "himself", "themselves", "yourself")
# 'me'/'mij' in the query for a reflexive signal word ('mezelf'): only without another subject.
_OBJECT_AS_REFLEXIVE = ("me", "mij")
# Another subject: a pronoun, or a noun phrase that one of these words opens ('mijn man', "m'n vader",
# 'de buurman'), where a subject stands: first in its clause ('mijn rug doet me pijn', 'bang dat mijn
# man me ...') or right before the pronoun ('gisteren deed mijn vriend me pijn'), and not the noun of an
# om-clause ('de neiging om me iets aan te doen'). A conjunction ends the search: 'ik vind het leven
# zwaar en wil me iets aandoen' has no subject of its own after 'en', so it is mine.
_SOMEONE_ELSE = ("hij", "zij", "ze", "die", "iemand", "men", "jij", "je", "u")
_DETERMINERS = ("mijn", "mn", "n", "zijn", "zn", "haar", "hun", "onze", "ons", "jouw", "je", "uw",
                "de", "het", "een", "die", "deze", "dit")
_PREPOSITIONS = ("in", "op", "met", "van", "aan", "voor", "bij", "naar", "uit", "over", "onder", "tegen", "door",
                 "zonder", "na", "tot", "achter", "naast", "tussen", "via", "om", "sinds", "binnen", "buiten")
_CONJUNCTIONS = ("dat", "omdat", "als", "wanneer", "want", "maar", "en", "of", "toen", "terwijl", "zodat",
                 "nadat", "voordat", "doordat", "hoewel", "zodra")
STANDS_FOR = {"mijn": _POSSESSIVE, "me": _OBJECT, "mij": _OBJECT,
              "mezelf": _REFLEXIVE, "mijzelf": _REFLEXIVE, "zich": _REFLEXIVE, "zichzelf": _REFLEXIVE,
              "my": _MY, "myself": _MYSELF}


def words_of(text: str) -> list[str]:
    """The words of a text for signal matching: lower case, folded, a-z and 0-9 only."""
    return _WORD.findall(fold(str(text or "").lower()))[:MAX_QUERY_WORDS]


def clauses_of(text: str) -> list[int]:
    """For every word of words_of(text), the number of its clause (clause marks: , . ; : ! ?)."""
    numbers: list[int] = []
    for number, clause in enumerate(_CLAUSE_MARK.split(fold(str(text or "").lower()))):
        numbers += [number] * len(_WORD.findall(clause))
    return numbers[:MAX_QUERY_WORDS]


def within_one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by at most one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1:] == b[start + 1:]:
            return True  # one letter replaced
        swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
        return swapped and a[start + 2:] == b[start + 2:]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1:] == shorter[start:]


def derived(word: str, signal_word: str) -> bool:
    """Whether the word carries a derivation ending that the signal word has not ('geweldig', 'geweld')."""
    return any(word.endswith(ending) and not signal_word.endswith(ending) for ending in DERIVED)


class SignalWord:
    """One word of a signal phrase, with its match mode."""

    def __init__(self, written: str) -> None:
        self.prefix = written.endswith("*")
        self.suffix = written.startswith("*")
        self.word = written.strip("*")
        self.stem = stem(self.word)
        self.plain = not (self.prefix or self.suffix)
        self.stands_for = STANDS_FOR.get(self.word, ()) if self.plain else ()
        self.reflexive = self.stands_for is _REFLEXIVE

    def matches_at(self, query: "QueryWords", at: int, span: int) -> bool:
        """Whether the query word at `at` (with the next one when span is 2) matches this signal word."""
        if span == 1 and self.reflexive and query.words[at] in _OBJECT_AS_REFLEXIVE and query.someone_else_before(at):
            return False  # 'mijn man doet me pijn': me is not mezelf
        word = query.words[at] if span == 1 else query.words[at] + query.words[at + 1]
        return self.matches(word, query)

    def matches(self, word: str, query: "QueryWords") -> bool:
        typos = query.may_be_typo(word)
        if self.prefix and self.suffix:
            return self.word in word
        if self.prefix:
            if word.startswith(self.word):
                return True
            size = len(self.word)  # a typo in the first part of a compound: 'zelfmordgedachten', not 'verwarming'
            return typos and size >= MIN_TYPO_LENGTH and len(word) >= MIN_TYPO_LENGTH - 1 and any(
                within_one_edit(word[:n], self.word) and (n >= len(word) or word[n:] in query.known) for n in (size - 1, size, size + 1))
        if self.suffix:
            return word.endswith(self.word)
        if word == self.word or word in self.stands_for:
            return True
        if query.stem_of(word) == self.stem and not derived(word, self.word):
            return True
        return typos and len(self.word) >= MIN_TYPO_LENGTH and len(word) >= MIN_TYPO_LENGTH and within_one_edit(word, self.word)

    def matches_joined(self, following: "SignalWord", word: str, query: "QueryWords") -> bool:
        """Whether one query word is this signal word and the next one typed together ('huiselijkgeweld')."""
        if not (self.plain and following.plain):
            return False
        joined = self.word + following.word
        if word == joined:
            return True
        # a typo only when both parts are real words: 'mijn' is not 'mij nu' with a letter missing
        return min(len(self.word), len(following.word)) >= MIN_TYPO_PART and query.may_be_typo(word) and within_one_edit(word, joined)


def signal_words(phrase: str) -> list[str]:
    """The written words of a signal phrase, keeping the * markers ('zelfmoord*')."""
    return [word for word in (re.sub("[^a-z0-9*]+", " ", fold(phrase.lower())).split()) if word.strip("*")]


@lru_cache(maxsize=4096)
def compile_signal(phrase: str) -> tuple[SignalWord, ...]:
    return tuple(SignalWord(word) for word in signal_words(phrase))


def signal_stems(phrases: list[str]) -> dict[str, str]:
    """Every word of these signal phrases with its stem: zoeken.js takes them from the manifest
    instead of stemming hundreds of words on the phone before the first safety-net check."""
    return {word.word: word.stem for phrase in phrases for word in compile_signal(phrase)}


class QueryWords:
    """The words of a query, with stems computed once (and for two joined neighbours on demand).

    `known`: words of the site (the index vocabulary). A known word is taken as written, never as
    a typo of a signal word: 'ambulante' is a word of its own, not a typo of 'ambulance'.
    `known=None` with `typos=False` switches typo matching off (for words partners wrote)."""

    def __init__(self, text: str, known: frozenset[str] | set[str] = frozenset(), typos: bool = True) -> None:
        self.words = words_of(text)
        self.clauses = clauses_of(text)
        self.known = known
        self.typos = typos
        self._stems: dict[str, str] = {}

    def may_be_typo(self, word: str) -> bool:
        return self.typos and word not in self.known

    def someone_else_before(self, at: int) -> bool:
        """Whether the nearest subject before word `at` in its clause is someone or something else
        than 'ik': a pronoun ('hij', 'iemand') or a noun phrase ('mijn man', 'mijn rug'). Without
        one, or with 'ik' nearer, it is not ('ik wil me iets aandoen', 'wil me iets aandoen')."""
        words, clauses = self.words, self.clauses
        for j in range(at - 1, -1, -1):
            if clauses[j] != clauses[at] or words[j] == "ik":
                return False
            if words[j] in _SOMEONE_ELSE or self._subject_phrase(j, at):
                return True
            if words[j] in _CONJUNCTIONS:
                return False
        return False

    def _subject_phrase(self, j: int, at: int) -> bool:
        """Whether word j opens a noun phrase (or is a clause-first 'dat': 'dat doet me pijn') that is
        the subject for the pronoun at `at` (see _DETERMINERS)."""
        words, clauses = self.words, self.clauses
        opens = j == 0 or clauses[j - 1] != clauses[j] or words[j - 1] in _CONJUNCTIONS
        if not (words[j] in _DETERMINERS or (opens and words[j] == "dat")) or j + 1 >= at or "om" in words[j + 2:min(j + 4, at)]:
            return False
        # not opening the clause: a subject only when no 'ik' stands before it ('ik heb de neiging me …': object)
        return opens or (at - j <= 3 and words[j - 1] not in _PREPOSITIONS and not self._ik_before(j))

    def _ik_before(self, j: int) -> bool:
        """Whether 'ik' stands before word j in its clause, with no conjunction between."""
        for i in range(j - 1, -1, -1):
            if self.clauses[i] != self.clauses[j] or self.words[i] in _CONJUNCTIONS:
                return False
            if self.words[i] == "ik":
                return True
        return False

    def stem_of(self, word: str) -> str:
        if word not in self._stems:
            self._stems[word] = stem(word)
        return self._stems[word]


def _match_from(signal: tuple[SignalWord, ...], k: int, query: QueryWords, first: int, last: int) -> bool:
    if k == len(signal):
        return True
    words, clauses = query.words, query.clauses
    for i in range(first, min(last, len(words) - 1) + 1):
        if k > 0 and i > first and words[i - 1] in ARTICLES:
            return False  # the gap before position i holds an article
        if k > 0 and clauses[i] != clauses[first - 1]:
            return False  # a clause mark lies between
        for span in (1, 2):
            if i + span > len(words) or clauses[i + span - 1] != clauses[i]:
                break
            if signal[k].matches_at(query, i, span) and _match_from(signal, k + 1, query, i + span, i + span + MAX_GAP):
                return True
        if k + 1 < len(signal) and signal[k].matches_joined(signal[k + 1], words[i], query) and _match_from(signal, k + 2, query, i + 1, i + 1 + MAX_GAP):
            return True
    return False


def _match_any_order(signal: tuple[SignalWord, ...], query: QueryWords) -> bool:
    """Every signal word on its own query word, in any order, inside one window of one clause."""
    words, clauses = query.words, query.clauses
    width = len(signal) + MAX_GAP
    places = [[i for i in range(len(words)) if signal_word.matches_at(query, i, 1)] for signal_word in signal]

    def place(k: int, used: list[int]) -> bool:
        if k == len(signal):
            low, high = min(used), max(used)
            return not any(words[i] in ARTICLES for i in range(low, high + 1) if i not in used)
        for i in places[k]:
            taken = used + [i]
            if i not in used and max(taken) - min(taken) < width and clauses[i] == clauses[taken[0]] and place(k + 1, taken):
                return True
        return False

    return all(places) and place(0, [])


def signal_fires(phrase: str, query: QueryWords) -> bool:
    signal = compile_signal(phrase)
    if not signal:
        return False
    if len(signal) == 1 and _NUMBER.fullmatch(signal[0].word):
        return query.words == [signal[0].word]  # '113 euro' is an amount, not a call
    if _match_from(signal, 0, query, 0, len(query.words) - 1):
        return True
    return len(signal) >= ANY_ORDER_FROM and _match_any_order(signal, query)


class SignalIndex:
    """Many signals, searched without typo tolerance (for `kaart check` over every trefwoord):
    only signals whose first word can match a word of the text are tried."""

    def __init__(self, signals: list[tuple[object, str]]) -> None:
        self.by_stem: dict[str, list[tuple[object, str]]] = {}
        self.starred: list[tuple[object, str]] = []
        for key, phrase in signals:
            compiled = compile_signal(phrase)
            if not compiled:
                continue
            first = compiled[0]
            if first.prefix or first.suffix:
                self.starred.append((key, phrase))
            else:
                for word in {first.stem, first.word, *first.stands_for}:
                    self.by_stem.setdefault(word, []).append((key, phrase))

    def fired(self, text: str) -> list[object]:
        query = QueryWords(text, typos=False)
        words = query.words
        candidates = list(self.starred)
        pieces = words + [a + b for a, b in zip(words, words[1:])]
        for piece in pieces:
            candidates += self.by_stem.get(query.stem_of(piece), []) + self.by_stem.get(piece, [])
        keys: list[object] = []
        for key, phrase in candidates:
            if key not in keys and signal_fires(phrase, query):
                keys.append(key)
        return keys


def entry_fires(signalen: list[str], tenzij: list[str], query: QueryWords) -> bool:
    """Whether a line of the safety net fires: one of its signals does, and none of its `tenzij` phrases
    (the context that turns the meaning: 'cursus reanimatie', 'wil thuis sterven')."""
    return any(signal_fires(signaal, query) for signaal in signalen) and not any(signal_fires(phrase, query) for phrase in tenzij)


def fired_entries(entries: list[dict[str, Any]], query: str, known: frozenset[str] | set[str] = frozenset()) -> list[dict[str, Any]]:
    """The lines a query calls up, in file order, one per ingang (snel_weg when any of its lines says so).
    `known`: the index vocabulary (see signalen.QueryWords). Same as vangnet() in zoeken.js."""
    words = QueryWords(query, known)
    fired: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if not entry_fires(entry["signalen"], entry.get("tenzij", []), words):
            continue
        if entry["id"] in fired:
            if entry.get("snel_weg"):
                fired[entry["id"]]["snel_weg"] = True
            continue
        fired[entry["id"]] = {key: value for key, value in entry.items() if key not in ("signalen", "tenzij")}
    return list(fired.values())
