"""Dutch compounds: a record that says 'Buurtkoffie' is also found by 'koffie'.

A Dutch compound puts its head noun last ('buurt' + 'koffie': a kind of koffie), and residents type
that head. lunr indexes 'buurtkoffie' as one term, so 'koffie' did not reach it. At index time every
word of a document's naam, trefwoorden and samenvatting is split once, at the longest head that
works, and its tail (the last part) goes into the low-boost field `woorddelen`
(documents.FIELDS): the record is found, below the records that say the word itself.

A split counts when:
* the tail has at least MIN_TAIL letters and is a word of the site: a word some document holds on its
  own, or a common Dutch word (gewoon.frequencies) with the stem of one ('groepen' of 'rouwgroepen'
  when the site says 'groep'), so no term enters the index that the site did not have ('schappen' of
  'boodschappen' is no word of the site);
* the head has at least MIN_HEAD letters and is a word of the site or a common Dutch word (at least
  MIN_HEAD_ZIPF), as written or without a linking -s-, -e- or -en- ('dorps|huis', 'ouderen|werk');
* the head as written is no particle or prefix ('ver|blijf', 'rond|komen', 'achter|stand', 'toe|slag':
  those are one word, not a kind of 'blijf'), and head and tail are not in the short lists of words that
  split wrongly (NOT_HEADS, NOT_TAILS: 'oor|deel', 'par|keren', 'huis|houden').
A tail the document already holds as a word (same stem, any field) is not added again: the
document is found by it already, and counting it twice would lift it above records that only
say it once.

Query side, safety net and the browser need nothing: the field is one more field of the index
(`velden` in zoekindex.json), and the tails are terms the index already had.
"""

from __future__ import annotations

from typing import Callable, Iterable

from .documents import FIELDS, SearchDocument
from .dutch import STOP_WORDS, raw_words, stem
from .gewoon import frequencies
from .query import SETTINGS

MIN_TAIL = 4
MIN_HEAD = 3
LINKS = ("en", "s", "e")  # Dutch linking sounds between the parts ('ouderenwerk', 'dorpshuis', 'ziekenhuis')
# The fields whose words are split: what a record says it is (as for synonyms, synoniemen.TRIGGER_FIELDS).
SPLIT_FIELDS = ("naam", "trefwoorden", "samenvatting")
# The field the tails go into (a field of documents.FIELDS, boost 1).
TAIL_FIELD = "woorddelen"
# Particles and prefixes that start a verb or a derived word, not a compound: 'verblijf', 'rondkomen',
# 'schoonmaken', 'achterstand', 'terugbetalen', 'volhoudt', 'samenkomt'. The query side's own lists
# (SETTINGS compoundStarts, notHeads) and the stop words are part of it.
NOT_HEADS = frozenset(SETTINGS["compoundStarts"]) | frozenset(SETTINGS["notHeads"]) | STOP_WORDS | frozenset([
    "achter", "binnen", "buiten", "klaar", "langs", "neer", "rond", "samen", "schoon", "terug", "vol", "weg",
    "acht", "maat", "oor", "par",  # 'achteruit', 'maatregel', 'oordeel', 'parkeren'
])
# Tails (compared by stem) that are words of the site but no head noun of the compounds they end ('huis|houden'
# is no kind of 'houden', 'speel|goed' no kind of 'goed'); 'bank' alone is the bank, not the voedselbank ('schuld
# bij de bank'); 'hulp' and 'zorg' are on most records already, as tails they only add noise.
NOT_TAILS = frozenset(["bank", "eruit", "gaat", "gemaakt", "goed", "hands", "houden", "hulp", "keren", "komen", "komsten", "maken",
                       "zorg"])
NOT_TAIL_STEMS = frozenset(stem(word) for word in NOT_TAILS)
MIN_HEAD_ZIPF = 30  # Zipf x 10: rarer 'words' of the common list are mostly cut-off words ('nederl')


def document_words(document: SearchDocument) -> set[str]:
    return {word for name in FIELDS if name != TAIL_FIELD for piece in document.field_pieces(name) for word in raw_words(piece)}


def heads(part: str) -> list[str]:
    """The head as written and without a linking sound."""
    return [part] + [part[: -len(link)] for link in LINKS if part.endswith(link)]


def compound_tail(word: str, is_tail: Callable[[str], bool], is_head: Callable[[str], bool]) -> str | None:
    """The head noun of a compound ('buurtkoffie' -> 'koffie'), or None: split at the longest head that is a
    word, with a tail that is a word of the site (see the module text)."""
    for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        if head in NOT_HEADS or not is_tail(tail) or stem(tail) in NOT_TAIL_STEMS:  # the cheap set tests first
            continue
        if any(len(part) >= MIN_HEAD and part not in NOT_HEADS and is_head(part) for part in heads(head)):
            return tail
    return None


def add_tails(documents: list[SearchDocument]) -> None:
    """Put the compound tails of each document's words into its TAIL_FIELD."""
    per_document = [document_words(document) for document in documents]
    words = set().union(*per_document)  # every word the documents hold on their own
    stems = {stem(word) for word in words}
    common = frequencies()

    def is_tail(word: str) -> bool:
        return word in words or (word in common and stem(word) in stems)

    def is_head(word: str) -> bool:
        return word in words or common.get(word, 0) >= MIN_HEAD_ZIPF

    tail_of: dict[str, str | None] = {}  # a word recurs across documents: split it once
    for document, mine in zip(documents, per_document):
        own = {stem(word) for word in mine}
        tails: list[str] = []
        for name in SPLIT_FIELDS:
            for piece in document.field_pieces(name):
                for word in raw_words(piece):
                    if word not in tail_of:
                        tail_of[word] = compound_tail(word, is_tail, is_head)
                    tail = tail_of[word]
                    if tail and stem(tail) not in own and tail not in tails:
                        tails.append(tail)
        setattr(document, TAIL_FIELD, tails)
