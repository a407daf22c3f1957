"""Stage 2, trust rules: who may send residents where, and which numbers may be shown at all.

- Only an organisation with `soort: gemeente` may hold an ingang that routes residents
  (vocabulary.ROUTERENDE_INGANGEN) or a local crisis line.
- The national crisis and help lines (vocabulary.NATIONALE_HULPLIJNEN) are protected: only their
  own ingang carries their numbers and names (look-alikes too), and it carries the real number.
- A gemeente's sociaal teams and KCC serve only that gemeente's kernen: a gemeente organisation's
  gemeenten are those its KCC covers whole, so one gemeente cannot take over another's kern by
  giving a team (or its own KCC) a werkgebied there.
- Premium-rate numbers (0900, 0906, 0909), foreign numbers and short numbers of unknown cost are
  refused, also as WhatsApp and in Markdown links, unless the gemeente lists the number in
  kaart/toegestane-nummers.yaml (a reviewed exception: number, organisation and reason).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterator

import phonenumbers

from urllib.parse import unquote

from pydantic_core import PydanticCustomError

from .build.sanitize import markdown_links
from .fields import format_phone, parse_phone, parsed_phone
from .problems import Problemen
from .vocabulary import CRISIS_INGANGEN, NATIONALE_HULPLIJNEN, ROUTERENDE_INGANGEN

GEMEENTE = "gemeente"
ALLOWED_NUMBERS_FILE = "toegestane-nummers.yaml"

# Letters and digits that look alike, folded to one form before comparing names.
_LOOK_ALIKE = str.maketrans({
    "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "i": "l", "|": "l", "!": "l",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "l", "ӏ": "l", "ο": "o", "ν": "v", "к": "k", "т": "t", "н": "h",
})


def fold(text: str) -> str:
    """A name reduced to what it looks like: no accents, no case, look-alike letters and digits
    merged, only letters and digits left ('113 Z€lfmoord-preventie' → 'lleselfmoordpreventle')."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return "".join(char for char in text.translate(_LOOK_ALIKE) if char.isalnum())


@lru_cache(maxsize=1 << 16)
def _folded_word(word: str) -> str:
    return fold(word)  # names share most of their words: fold each word once


def _words(name: str) -> list[str]:
    folded = (_folded_word(word) for word in unicodedata.normalize("NFKC", name).replace("-", " ").replace("/", " ").split())
    return [word for word in folded if word]


@lru_cache(maxsize=1)
def _reserved_names() -> tuple[tuple[str, str, bool], ...]:
    """(line id, reserved name folded, whether it must match as whole words) for every national line."""
    names = []
    for line_id, line in NATIONALE_HULPLIJNEN.items():
        for reserved in line["namen"]:
            parts = _words(reserved)
            if parts:
                names.append((line_id, "".join(parts), reserved.isdigit() or len(parts) > 1))
    return tuple(names)


def reserved_line(name: str) -> str | None:
    """The national line whose reserved name `name` holds or looks like, or None.

    A reserved name of one word ('kindertelefoon') matches inside a word too ('Kindertelefoonlijn');
    one of more words ('veilig thuis') matches as those words, written apart or together, so
    'Brandveilig thuis' is not Veilig Thuis. A number name ('113') matches as a word of its own,
    also written with look-alikes ('1l3', 'II3', '１１３')."""
    words = _words(name)
    joined = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1)}
    for line_id, reserved, whole_words in _reserved_names():
        if whole_words:
            if reserved in joined:
                return line_id
        elif any(reserved in text for text in joined):
            return line_id
    return None


def protected_numbers() -> dict[str, str]:
    return {number: line_id for line_id, line in NATIONALE_HULPLIJNEN.items() for number in line["nummers"]}


@lru_cache(maxsize=1 << 16)
def phone_risk(number: str) -> str | None:
    """Why a stored number may not be shown to residents without a reviewed exception, or None."""
    if not number.startswith("+"):
        return None  # short numbers are checked when read (fields.parse_phone)
    parsed = parsed_phone(number)
    if parsed.country_code != 31:
        return f"'{format_phone(number)}' is een buitenlands nummer. Inwoners bellen dan duur of komen bij een onbekende uit. Geef een Nederlands nummer."
    kind = phonenumbers.number_type(parsed)
    if kind in (phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.SHARED_COST):
        return (f"'{format_phone(number)}' is een betaalnummer (0900, 0906 of 0909): bellen kost inwoners extra geld. "
                "Geef een gewoon of een gratis 0800-nummer.")
    return None


def contact_numbers(record) -> Iterator[tuple[tuple, str]]:
    """(path, number) of every phone number in a record's contact block."""
    contact = getattr(record, "contact", None)
    for field in ("telefoon", "whatsapp"):
        number = getattr(contact, field, None) if contact else None
        if number:
            yield ("contact", field), number


EIGEN_DEUREN = ("sociaal-team", "kcc")  # one per kern: the door that kern's residents are sent to


def gemeenten_van_organisaties(kaart) -> dict[str, set[str]]:
    """organisation id → the gemeenten whose every kern a KCC of that organisation covers."""
    found: dict[str, set[str]] = {}
    for ingang in kaart.ingangen.values():
        if ingang.soort == "kcc":
            covered = kaart.kernen_in(ingang.werkgebied)
            for gemeente in kaart.gebieden.gemeenten:
                if {k.id for gebied in gemeente.gebieden for k in gebied.kernen} <= covered:
                    found.setdefault(ingang.organisatie, set()).add(gemeente.id)
    return found


def check_own_gemeente(kaart, problems: Problemen) -> None:
    """A sociaal team or KCC may only serve kernen of its organisation's own gemeente(n)."""
    from .build.contact import kort  # the short gemeente name ("Wolderbeek"); the build stage builds on this one
    if len(kaart.gebieden.gemeenten) < 2:
        return
    per_organisatie = gemeenten_van_organisaties(kaart)
    gemeente_van_kern = {k.id: g for g in kaart.gebieden.gemeenten for gebied in g.gebieden for k in gebied.kernen}
    for ingang in kaart.ingangen.values():
        organisatie = kaart.organisaties.get(ingang.organisatie)
        if ingang.soort not in EIGEN_DEUREN or organisatie is None or organisatie.soort != GEMEENTE:
            continue
        eigen = per_organisatie.get(organisatie.id, set())
        vreemd = sorted(k for k in kaart.kernen_in(ingang.werkgebied) if gemeente_van_kern[k].id not in eigen)
        if not vreemd:
            continue
        andere = sorted({gemeente_van_kern[k].naam for k in vreemd})
        namen = ", ".join(kaart.kernen[k].naam for k in vreemd[:6]) + (" en meer" if len(vreemd) > 6 else "")
        eigen_tekst = (" en ".join(sorted(kort(g) for g in kaart.gebieden.gemeenten if g.id in eigen)) or
                       "geen enkele hele gemeente (zij heeft geen KCC voor een hele gemeente)")
        problems.add(*kaart.where("ingang", ingang.id, "werkgebied"), (
            f"Deze ingang ({ingang.soort}) is van {organisatie.naam}, maar het werkgebied noemt kernen van "
            f"{' en '.join(andere)}: {namen}. Een gemeente heeft alleen een sociaal team of KCC voor haar eigen kernen "
            f"({organisatie.naam} is er voor de kernen van {eigen_tekst}). Kies kernen of gebieden van je eigen gemeente."))


def check_trust(kaart, problems: Problemen) -> None:
    check_own_gemeente(kaart, problems)
    organisaties = kaart.organisaties
    allowed = kaart.extras.get("toegestane_nummers", {})
    protected = protected_numbers()
    line_owners = {i.organisatie for line_id, i in kaart.ingangen.items() if line_id in NATIONALE_HULPLIJNEN}
    for soort, records in kaart.records.items():
        for record in records.values():
            where = lambda *path: kaart.where(soort, record.id, *path)  # noqa: E731
            organisatie_id = record.id if soort == "organisatie" else getattr(record, "organisatie", None)
            of_a_line = organisatie_id in line_owners
            if soort == "ingang":
                _check_ingang(record, organisaties, where, problems)
            if record.id not in NATIONALE_HULPLIJNEN and not of_a_line:
                line_id = reserved_line(record.naam)
                if line_id:
                    problems.add(*where("naam"), (
                        f"De naam '{record.naam}' lijkt op de landelijke hulplijn {NATIONALE_HULPLIJNEN[line_id]['naam']}. "
                        f"Die naam is voorbehouden aan de ingang '{line_id}'. Kies een naam die niet op een hulplijn lijkt."))
            for path, number in numbers_of(record):
                if number in protected and protected[number] != record.id and not of_a_line:
                    problems.add(*where(*path), (
                        f"{format_phone(number)} is het nummer van {NATIONALE_HULPLIJNEN[protected[number]]['naam']}. "
                        f"Alleen de ingang '{protected[number]}' mag dat nummer hebben; geef hier je eigen nummer."))
                    continue
                risk = phone_risk(number)
                if risk and organisatie_id not in allowed.get(number, ()):
                    problems.add(*where(*path), f"{risk} Is dit nummer echt de enige manier om de dienst te bereiken? "
                                 f"Vraag de gemeente het op te nemen in {ALLOWED_NUMBERS_FILE}.")


def numbers_of(record) -> Iterator[tuple[tuple, str]]:
    """Every phone number a record shows: its contact block and tel: links in its texts."""
    yield from contact_numbers(record)
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, str) and "tel:" in value.lower():
            for href in markdown_links(value):
                if href.lower().startswith("tel:"):
                    try:
                        yield (name,), parse_phone(unquote(href[4:]))
                    except PydanticCustomError:
                        pass  # reported by the field check


def _check_ingang(ingang, organisaties, where, problems: Problemen) -> None:
    organisatie = organisaties.get(ingang.organisatie)
    is_gemeente = organisatie is not None and organisatie.soort == GEMEENTE
    if ingang.id in NATIONALE_HULPLIJNEN:
        line = NATIONALE_HULPLIJNEN[ingang.id]
        if ingang.contact.telefoon not in line["nummers"]:
            real = " of ".join(format_phone(n) for n in line["nummers"])
            problems.add(*where("contact", "telefoon"), f"Het nummer van {line['naam']} is {real}. Een ander nummer mag hier niet staan.")
        if ingang.soort not in CRISIS_INGANGEN:
            problems.add(*where("soort"), f"{line['naam']} is een landelijke hulplijn: de soort is 'crisislijn' of 'veilig-thuis'.")
        return
    if organisatie is None or is_gemeente:
        return
    if ingang.soort in ROUTERENDE_INGANGEN:
        problems.add(*where("soort"), (
            f"Een ingang van de soort '{ingang.soort}' stuurt inwoners namens de gemeente door; alleen een organisatie "
            f"met 'soort: gemeente' mag die hebben, en '{organisatie.naam}' is dat niet. Kies een andere soort of maak er een voorziening van."))
    elif ingang.soort in CRISIS_INGANGEN:
        problems.add(*where("soort"), (
            "Een crisislijn is een landelijke hulplijn of een lijn van de gemeente zelf. "
            "Staat jouw lijn er niet bij? Vraag de gemeente haar op te nemen."))
