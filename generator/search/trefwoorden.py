"""Trefwoorden without keyword stuffing: `kaart check` rules, and their weight in the index.

Trefwoorden weigh heavily in the search (documents.FIELDS), so a record that lists many
unrelated words would turn up for questions it cannot answer. Two rules, both errors because
both can be decided exactly:

* at most `MAX_TREFWOORDEN` trefwoorden per record (the search indexes no more than that);
* a trefwoord that calls up a crisis line of the safety net (vangnet.yaml) or names the core
  service of an official door (synoniemen.yaml, `deuren`) belongs to the themes of that line or
  door: the record must share at least one theme with it. A course on budgeting with the
  trefwoord 'zelfmoord' is refused; a rouwgroep (psychisch-en-verslaving) may say 'zelfmoord'.

"Unrelated" in general (a buurthuis listing 'digid') cannot be decided from the data without
guessing, so it is not checked; the cap and the weight of the field (see README) limit the harm.
Records without themes (cliëntondersteuners) only get the cap.

In the index (`demote_unrelated`, called by index.build_search_data) a trefwoord weighs as a
trefwoord only when it is related to the record: one of its words occurs in the record's own
name, summary or text, or in the name, summary or trefwoorden of another record or theme page
that shares a theme with it, or in fewer than two other documents (then nothing says it is
unrelated: two records of different themes may share an honest word such as 'weduwe'). Otherwise it belongs to other
themes only and moves to the plain-text field: still found, but below the records that offer it.
"""

from __future__ import annotations

from ..problems import Problemen
from .documents import MAX_TREFWOORDEN
from .signalen import SignalIndex



def themed_signals(kaart) -> list[tuple[str, list[str], set[str]]]:
    """(what it is, signals, themes) for every vangnet line and official door."""
    groups = []
    vangnet = kaart.extras.get("vangnet")
    ingangen = kaart.records.get("ingang", {})
    for lijn in vangnet.lijnen if vangnet else []:
        groups.append((f"de crisislijn {ingangen[lijn.ingang].naam}", list(lijn.signalen), set(ingangen[lijn.ingang].themas)))
    for record_id, deur in kaart.extras.get("deuren", {}).items():
        record = kaart.records.get(deur.soort, {}).get(record_id)
        if record is not None:
            groups.append((f"de ingang {record.naam}", list(deur.woorden), set(getattr(record, "themas", []))))
    return groups


def check_trefwoorden(kaart, problems: Problemen) -> None:
    groups = themed_signals(kaart)
    index = SignalIndex([(number, signal) for number, (_, signals, _) in enumerate(groups) for signal in signals])
    fired: dict[str, list] = {}  # trefwoord → the groups it calls up: records share most of their trefwoorden
    for soort in ("voorziening", "clientondersteuner"):
        for record in kaart.records.get(soort, {}).values():
            trefwoorden = list(getattr(record, "trefwoorden", []))
            if len(trefwoorden) > MAX_TREFWOORDEN:
                path, line, column = kaart.where(soort, record.id, "trefwoorden")
                problems.add(path, line, column, f"Dit record heeft {len(trefwoorden)} trefwoorden; het maximum is {MAX_TREFWOORDEN}. Houd de woorden die inwoners echt gebruiken voor precies deze hulp.")
            themes = set(getattr(record, "themas", []))
            for position, trefwoord in enumerate(trefwoorden):
                if trefwoord not in fired:
                    fired[trefwoord] = index.fired(trefwoord)
                for number in fired[trefwoord]:  # partners' words are taken as written: no typos
                    what, _, group_themes = groups[number]
                    if themes and group_themes and not themes & group_themes:
                        path, line, column = kaart.where(soort, record.id, "trefwoorden", position)
                        problems.add(path, line, column, f"Het trefwoord '{trefwoord}' hoort bij {what}, maar dit record heeft geen thema daarvan. Haal het weg, of kies een passend thema als je hier echt bij helpt.")
                        break


# A word tells which themes it belongs to only when at least this many other documents use it.
MIN_OTHERS = 2


def demote_unrelated(documents) -> None:
    """Move trefwoorden that only other themes use to the plain-text field (see the module doc)."""
    from collections import Counter

    from .synoniemen import index_words

    def words_of(document, names) -> set[str]:
        return {word for name in names for piece in document.field_pieces(name) for word in index_words(piece)}

    described = [words_of(document, ("naam", "samenvatting", "trefwoorden")) for document in documents]
    themes_of_word: dict[str, Counter] = {}
    documents_with: Counter = Counter()
    for document, words in zip(documents, described):
        documents_with.update(words)
        for word in words:
            themes_of_word.setdefault(word, Counter()).update(document.themas)
    for document, words in zip(documents, described):
        if not document.themas or not document.trefwoorden:
            continue
        own = words_of(document, ("naam", "samenvatting", "tekst"))
        themes = set(document.themas)

        def elsewhere(word: str) -> set[str]:
            """The themes of the other documents that use the word."""
            counts = themes_of_word.get(word, Counter())
            return {theme for theme, count in counts.items() if count - (theme in themes and word in words) > 0}

        def related(trefwoord: str) -> bool:
            found = index_words(trefwoord)
            return not found or any(
                word in own or documents_with[word] - (word in words) < MIN_OTHERS or not elsewhere(word) or elsewhere(word) & themes
                for word in found)

        moved = [trefwoord for trefwoord in document.trefwoorden if not related(trefwoord)]
        if moved:
            document.trefwoorden = [trefwoord for trefwoord in document.trefwoorden if trefwoord not in moved]
            document.tekst = " , ".join([document.tekst, *moved]) if document.tekst else " , ".join(moved)
