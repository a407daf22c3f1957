"""kaart/synoniemen.yaml: the words residents use, mapped to the words in the records.

    woorden:                  # everyday Dutch -> words in the records, with the reason
      geldzorgen: {naar: [schulden, geld], reden: spreektaal voor geldproblemen}
    engels:                   # words of newcomers in English, same form
      debt: {naar: [schulden], reden: Engels voor schulden}
    vulwoorden: [graag, zoek]  # words in a question that say nothing about the help
    deuren:                   # the official door of a service: ranks first when the query names it
      schuldhulpverlening-egelstede: {woorden: [schuldhulp, hulp bij schulden], reden: de gemeente regelt schuldhulp}
      sociaal-team-noord:     # also when the query names problems of two or more groups (several problems at once)
        woorden: [sociaal team, meerdere problemen]
        problemen: {geld: [schulden, geldzorgen], werk: [ontslagen, geen werk], verslaving: [verslaafd, drinkt]}

`woorden` and `engels` are applied at index time: a document whose name, keywords or summary
contain one of the terms (`naar`) gets the everyday word in its `synoniemen` field. The browser
and `kaart zoek` therefore need no synonym logic. A term matches when all its words appear one
after the other, after the same Dutch pipeline as the index (so 'schulden' also matches
'schuld'); a word of five letters or more also matches the start of a longer word (Dutch
compounds: 'respijt' matches 'respijtzorg').

`vulwoorden` and `deuren` are used at query time (written into zoekindex.json; see query.py):
filler words are dropped from a question when other words remain, and a door whose words occur
in the question (matched like the safety net's signals, see signalen.py) ranks first. A door with
`problemen` also ranks first when the question names words of two or more of its groups
(SETTINGS['minProblemGroups']): 'schulden en mijn zoon drinkt' is several problems at once, the
sociaal team's work, not one provider's.

Validated by `kaart check` (registered in generator.validate.SECTION_LOADERS) with Dutch
file:line messages; the results are `kaart.extras["synoniemen"]` (word -> terms, Dutch and
English together), `kaart.extras["vulwoorden"]` and `kaart.extras["deuren"]` (id -> Door).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ..fields import Regel
from ..load import read_yaml
from ..problems import Problemen
from .documents import SearchDocument, fold
from .dutch import tokens_for
from .query import SETTINGS, clean_query
from .signalen import signal_words

SYNONIEMEN_FILE = "synoniemen.yaml"

# The fields whose words trigger a synonym: what a record says it is. Labels (theme and target
# group names) and long texts are left out: 'Meedoen en ontmoeten' on 86 records, or a passing
# mention of 'geld' in a description, should not make them all an answer to 'eenzaam' or
# 'geldzorgen'. The theme pages themselves carry the theme name, so they do match.
TRIGGER_FIELDS = ("naam", "trefwoorden", "samenvatting")

# The record types a door can be (an ingang, or a voorziening such as the Wmo's hulp bij het huishouden).
DOOR_TYPES = ("ingang", "voorziening")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Synoniem(_Strict):
    naar: Annotated[list[Regel], Field(min_length=1)] = Field(description="Woorden zoals ze in de gegevens staan.")
    reden: Regel = Field(description="Waarom dit woord naar deze hulp leidt, in een paar woorden.")


class Deur(_Strict):
    woorden: Annotated[list[Regel], Field(min_length=1)] = Field(description="Woorden en zinnetjes die deze dienst noemen.")
    reden: Regel = Field(description="Waarom dit de officiële ingang is.")
    problemen: dict[Regel, Annotated[list[Regel], Field(min_length=1)]] = Field(
        default_factory=dict,
        description="Groepen van problemen (geld, werk, zorg …) met hun woorden. Noemt een vraag woorden uit twee of meer groepen, dan staat deze ingang ook bovenaan: meer problemen tegelijk.")


class SynoniemenBestand(_Strict):
    woorden: dict[Regel, Synoniem] = Field(default_factory=dict, description="Woorden van inwoners, met de woorden uit de gegevens ('naar') en een reden.")
    engels: dict[Regel, Synoniem] = Field(default_factory=dict, description="Engelse woorden van nieuwkomers, net als bij 'woorden'.")
    vulwoorden: list[Regel] = Field(default_factory=list, description="Woorden in een vraag die niets over de hulp zeggen, zoals 'graag' of 'mevrouw'.")
    deuren: dict[Regel, Deur] = Field(default_factory=dict, description="Per ingang of voorziening (id) de woorden die haar dienst noemen; die ingang staat dan bovenaan.")


class Door(NamedTuple):
    """A checked door: the record type of its id, its words, and its groups of problem words (may be empty)."""

    soort: str
    woorden: list[str]
    problemen: tuple[list[str], ...] = ()


def index_words(text: str) -> list[str]:
    """The index terms of a text, as the search index sees it (folded, Dutch pipeline)."""
    return tokens_for(fold(text))


def check_entries(entries: dict[str, list[str]], source, problems: Problemen, section: str = "woorden") -> dict[str, list[str]]:
    """Entries that make sense for the search; every other one becomes a Dutch problem."""
    valid: dict[str, list[str]] = {}
    for word, terms in entries.items():
        line, column = source.position((section, word), key=True)
        if not index_words(word) and not negation_phrase(word):
            problems.add(source.path, line, column, f"'{word}' bestaat alleen uit woorden die de zoekfunctie overslaat (zoals 'de', 'een', 'met' of cijfers). Kies een woord dat inwoners echt typen.")
            continue
        good_terms = []
        for index, term in enumerate(terms):
            term_line, term_column = source.position((section, word, "naar", index))
            if not index_words(term):
                problems.add(source.path, term_line, term_column, f"De term '{term}' bestaat alleen uit woorden die de zoekfunctie overslaat (zoals 'de', 'een', 'met' of cijfers). Kies een woord dat in de gegevens staat.")
            elif index_words(term) == index_words(word):
                problems.add(source.path, term_line, term_column, f"De term '{term}' is hetzelfde woord als '{word}'. Noem woorden die in de gegevens staan, bijvoorbeeld 'schulden' bij 'geldzorgen'.")
            else:
                good_terms.append(term)
        if good_terms:
            valid[word] = good_terms
    return valid


def check_doors(kaart, deuren: dict[str, Deur], source, problems: Problemen) -> dict[str, Door]:
    valid: dict[str, Door] = {}
    for record_id, deur in deuren.items():
        line, column = source.position(("deuren", record_id), key=True)
        soort = next((s for s in DOOR_TYPES if record_id in kaart.records.get(s, {})), None)
        if soort is None:
            problems.add(source.path, line, column, f"'{record_id}' is geen ingang of voorziening in de kaart. Een deur is de id van een bestand in kaart/ingangen/ of kaart/voorzieningen/.")
            continue
        if getattr(kaart.records[soort][record_id], "status", "actief") == "gestopt":
            problems.add(source.path, line, column, f"'{record_id}' is gestopt. Kies de ingang die deze dienst nu levert.")
            continue
        for where, woorden in [(("woorden",), deur.woorden)] + [(("problemen", groep), words) for groep, words in deur.problemen.items()]:
            for index, woord in enumerate(woorden):
                if not signal_words(woord):
                    word_line, word_column = source.position(("deuren", record_id, *where, index))
                    problems.add(source.path, word_line, word_column, f"'{woord}' heeft geen woorden (alleen letters en cijfers tellen). Schrijf het woord met letters, of haal de regel weg.")
        valid[record_id] = Door(soort, list(deur.woorden), tuple(list(words) for words in deur.problemen.values()))
    return valid


def report_old_format(source, problems: Problemen) -> bool:
    """The first format ('geldzorgen: [schulden]' at the top, no reason): say how to write it now."""
    sections = set(SynoniemenBestand.model_fields)
    old = [key for key, value in source.data.items() if key not in sections and isinstance(value, list)]
    for key in old:
        line, column = source.position((key,), key=True)
        problems.add(source.path, line, column, f"Zet '{key}' onder 'woorden:' en schrijf er een reden bij, bijvoorbeeld: '  {key}: {{naar: [{', '.join(map(str, source.data[key]))}], reden: waarom dit woord hierbij hoort}}'.")
    return bool(old)


def load_synoniemen(kaart, problems: Problemen) -> None:
    """Section loader: read and check kaart/synoniemen.yaml into kaart.extras."""
    from ..validate import validate_model  # imported here: validate imports this module's loader

    kaart.extras.update(synoniemen={}, vulwoorden=[], deuren={})
    path = kaart.folder / SYNONIEMEN_FILE
    if not path.is_file():
        return
    source = read_yaml(path, problems)
    if source is None:
        return
    if not isinstance(source.data, dict):
        problems.add(path, 1, 1, "Zet in synoniemen.yaml onder 'woorden:' per regel een woord van inwoners met de woorden uit de gegevens en een reden, bijvoorbeeld: 'geldzorgen: {naar: [schulden, geld], reden: spreektaal voor geldproblemen}'.")
        return
    if report_old_format(source, problems):
        return
    model = validate_model(SynoniemenBestand, source, problems)
    if model is None:
        return
    synoniemen = {}
    for section in ("woorden", "engels"):
        entries = {word: entry.naar for word, entry in getattr(model, section).items()}
        synoniemen.update(check_entries(entries, source, problems, section))
    kaart.extras["synoniemen"] = synoniemen
    kaart.extras["vulwoorden"] = [fold(word.lower()) for word in model.vulwoorden]
    kaart.extras["deuren"] = check_doors(kaart, model.deuren, source, problems)


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
    """(everyday word, [term as index words]) for matching. Phrases with a negation are answered at query
    time (phrase_entries): in a document 'geen huis' would only add 'huis'."""
    return [(word, [index_words(term) for term in terms]) for word, terms in synoniemen.items() if not negation_phrase(word)]


def matching_words(document: SearchDocument, compiled: list[tuple[str, list[list[str]]]]) -> list[str]:
    """The everyday words whose terms occur in the document's trigger fields."""
    pieces = [tokens_for(piece) for name in TRIGGER_FIELDS for piece in document.field_pieces(name)]
    words = {word for piece in pieces for word in piece}
    sorted_words = sorted(words)
    return [word for word, terms in compiled if any(_occurs(term, pieces, words, sorted_words) for term in terms)]


# Words that turn a phrase's meaning around. Stop words for the index, so 'geen huis' would be indexed
# and searched as 'huis'; phrases holding one are answered at query time instead (query.with_phrases).
NEGATIONS = frozenset(["geen", "niet", "niets", "niks", "niemand", "nergens", "zonder", "nooit"])


def negation_phrase(word: str) -> bool:
    phrase = signal_words(word)
    return len(phrase) >= 2 and bool(NEGATIONS & set(phrase))


def phrase_entries(synoniemen: dict[str, list[str]]) -> list[list]:
    """[signal phrase, [the query words it stands for]] for every everyday phrase with a negation
    (`zinnen` in zoekindex.json; see query.with_phrases). Other synonyms are in the index only:
    there a phrase's own words ('laag inkomen') keep finding what they name."""
    entries = []
    for word, terms in synoniemen.items():
        if not negation_phrase(word):
            continue
        meant: list[str] = []
        for term in terms:
            meant += [w for w in clean_query(term) if w not in meant]
        if meant:
            entries.append([" ".join(signal_words(word)), meant])
    return entries


def group_entries(synoniemen: dict[str, list[str]], site_words: set[str]) -> tuple[list[str], list[list[str]]]:
    """The index words of everyday phrases in another language that are Dutch words of the site too
    ('bank' of 'food bank' and 'bank żywności'; the site's own 'de app van je bank'), and those phrases as
    index words. Said alone such a word is the Dutch word, so in the synonyms field it counts only when
    the question holds its whole phrase: 'schuld bij de bank' is not 'food bank' (query.alone_terms).
    A phrase is foreign when one of its words is not Dutch: neither a word of the site (`site_words`:
    index words of the documents' own fields) nor a common Dutch word (gewoon.frequencies). Dutch
    phrases ('laag inkomen', 'ongeneeslijk ziek') and foreign words that are no Dutch word ('legal' of
    'legal advice') keep counting alone: they mean what they mean in the phrase (restricting every word of
    every phrase lost 'ik kan mijn huis niet meer schoonhouden', 'zzp geen inkomen', 'free legal help')."""
    from .gewoon import frequencies

    dutch_words = frequencies()
    indexed = [(word, index_words(word)) for word in synoniemen if not negation_phrase(word)]
    single = {words[0] for _, words in indexed if len(words) == 1}
    foreign: list[list[str]] = []
    dutch: set[str] = set()
    for word, words in indexed:
        if len(set(words)) < 2:
            continue
        if all(set(index_words(part)) <= site_words or part in dutch_words for part in signal_words(word)):
            dutch.update(words)
        else:
            foreign.append(sorted(set(words)))
    read_as_dutch = {word for words in foreign for word in words if word in site_words} - single - dutch
    # and the phrase words that start with one (a question's last word is also searched as a prefix: 'bank*'
    # reaches 'bankasi' of 'gida bankasi')
    only = sorted(read_as_dutch | {word for words in foreign for word in words
                                   if any(word.startswith(dutch_word) for dutch_word in read_as_dutch if len(dutch_word) >= SETTINGS["minPrefixLength"])} - single - dutch)
    return only, [words for words in foreign if set(words) & set(only)]


def expand(documents: list[SearchDocument], synoniemen: dict[str, list[str]]) -> None:
    """Add every everyday word whose term occurs in a document to its `synoniemen` field."""
    compiled = compile_synoniemen(synoniemen)
    if not compiled:
        return
    for document in documents:
        document.synoniemen = matching_words(document, compiled)
