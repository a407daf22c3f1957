"""kaart/synoniemen.yaml: the words residents use, mapped to the words in the records.

    geldzorgen: [schulden, geld]
    poetshulp: [huishoudelijke hulp, schoonmaken]

Left the everyday word (or a few words), right one or more terms as they appear in records.
The synonyms are applied at index time: a document whose name, keywords or summary contain
one of the terms gets the everyday word in
its `synoniemen` field. The browser and `kaart zoek` therefore need no synonym logic: both
just search the index. A term matches when all its words appear one after the other, after
the same Dutch pipeline as the index (so 'schulden' also matches 'schuld'); a word of five
letters or more also matches the start of a longer word (Dutch compounds: 'respijt' matches
'respijtzorg').

Validated by `kaart check` (registered in generator.validate.SECTION_LOADERS) with Dutch
file:line messages; the result is `kaart.extras["synoniemen"]`, a dict word -> terms.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Annotated

from pydantic import Field, RootModel

from ..fields import Regel
from ..load import read_yaml
from ..problems import Problemen
from .documents import SearchDocument, fold
from .dutch import tokens_for

SYNONIEMEN_FILE = "synoniemen.yaml"

# The fields whose words trigger a synonym: what a record says it is. Labels (theme and target
# group names) and long texts are left out: 'Meedoen en ontmoeten' on 86 records, or a passing
# mention of 'geld' in a description, should not make them all an answer to 'eenzaam' or
# 'geldzorgen'. The theme pages themselves carry the theme name, so they do match.
TRIGGER_FIELDS = ("naam", "trefwoorden", "samenvatting")


class Synoniemen(RootModel[dict[Regel, Annotated[list[Regel], Field(min_length=1)]]]):
    """Everyday word -> one or more terms that appear in the records."""


def index_words(text: str) -> list[str]:
    """The index terms of a text, as the search index sees it (folded, Dutch pipeline)."""
    return tokens_for(fold(text))


def check_entries(entries: dict[str, list[str]], source, problems: Problemen) -> dict[str, list[str]]:
    """Entries that make sense for the search; every other one becomes a Dutch problem."""
    valid: dict[str, list[str]] = {}
    for word, terms in entries.items():
        line, column = source.position((word,), key=True)
        if not index_words(word):
            problems.add(source.path, line, column, f"'{word}' bestaat alleen uit woorden die de zoekfunctie overslaat (zoals 'de', 'een', 'met' of cijfers). Kies een woord dat inwoners echt typen.")
            continue
        good_terms = []
        for index, term in enumerate(terms):
            term_line, term_column = source.position((word, index))
            if not index_words(term):
                problems.add(source.path, term_line, term_column, f"De term '{term}' bestaat alleen uit woorden die de zoekfunctie overslaat (zoals 'de', 'een', 'met' of cijfers). Kies een woord dat in de gegevens staat.")
            elif index_words(term) == index_words(word):
                problems.add(source.path, term_line, term_column, f"De term '{term}' is hetzelfde woord als '{word}'. Noem woorden die in de gegevens staan, bijvoorbeeld 'schulden' bij 'geldzorgen'.")
            else:
                good_terms.append(term)
        if good_terms:
            valid[word] = good_terms
    return valid


def load_synoniemen(kaart, problems: Problemen) -> None:
    """Section loader: read and check kaart/synoniemen.yaml into kaart.extras['synoniemen']."""
    from ..validate import validate_model  # imported here: validate imports this module's loader

    kaart.extras["synoniemen"] = {}
    path = kaart.folder / SYNONIEMEN_FILE
    if not path.is_file():
        return
    source = read_yaml(path, problems)
    if source is None:
        return
    if not isinstance(source.data, dict):
        problems.add(path, 1, 1, "Zet in synoniemen.yaml per regel een woord van inwoners met de woorden uit de gegevens, bijvoorbeeld: 'geldzorgen: [schulden, geld]'.")
        return
    model = validate_model(Synoniemen, source, problems)
    if model is None:
        return
    kaart.extras["synoniemen"] = check_entries(model.root, source, problems)


# A word of a term of at least this many letters also matches longer index words that start with
# it, so Dutch compounds count: 'respijt' matches 'respijtzorg', 'leefstijl' 'leefstijlcoach'.
MIN_PREFIX = 5


def _word_matches(term_word: str, index_word: str) -> bool:
    return index_word == term_word or (len(term_word) >= MIN_PREFIX and index_word.startswith(term_word))


def _occurs(term: list[str], pieces: list[list[str]], words: set[str], sorted_words: list[str]) -> bool:
    """Whether the words of a term occur one after the other within one piece of text."""
    if not all(_present(word, words, sorted_words) for word in term):
        return False  # the quick test: most terms have one word, and most words are absent
    if len(term) == 1:
        return True
    size = len(term)
    for piece in pieces:
        for start in range(len(piece) - size + 1):
            if all(_word_matches(term[i], piece[start + i]) for i in range(size)):
                return True
    return False


def _present(word: str, words: set[str], sorted_words: list[str]) -> bool:
    if word in words:
        return True
    if len(word) < MIN_PREFIX:
        return False
    at = bisect_left(sorted_words, word)
    return at < len(sorted_words) and sorted_words[at].startswith(word)


def compile_synoniemen(synoniemen: dict[str, list[str]]) -> list[tuple[str, list[list[str]]]]:
    """(everyday word, [term as index words]) for matching."""
    return [(word, [index_words(term) for term in terms]) for word, terms in synoniemen.items()]


def matching_words(document: SearchDocument, compiled: list[tuple[str, list[list[str]]]]) -> list[str]:
    """The everyday words whose terms occur in the document's trigger fields."""
    pieces = [tokens_for(piece) for name in TRIGGER_FIELDS for piece in document.field_pieces(name)]
    words = {word for piece in pieces for word in piece}
    sorted_words = sorted(words)
    return [word for word, terms in compiled if any(_occurs(term, pieces, words, sorted_words) for term in terms)]


def expand(documents: list[SearchDocument], synoniemen: dict[str, list[str]]) -> None:
    """Add every everyday word whose term occurs in a document to its `synoniemen` field."""
    compiled = compile_synoniemen(synoniemen)
    if not compiled:
        return
    for document in documents:
        document.synoniemen = matching_words(document, compiled)
