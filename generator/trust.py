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

import re
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
_TEL = re.compile("tel:", re.IGNORECASE)
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


def check_own_gemeente(kaart, problems: Problemen) -> None:
    """In a kaart of several gemeenten each gemeente names its organisation (gebieden.yaml), and a kern's sociaal
    team or KCC is only ever one of its own gemeente's organisation: no other organisation can take over the door a
    kern's residents are sent to (not by a werkgebied that reaches over, nor by a narrower one that wins)."""
    from .build.contact import kort  # the short gemeente name ("Wolderbeek"); the build stage builds on this one
    if len(kaart.gebieden.gemeenten) < 2:
        return
    source = kaart.gebieden_source
    for index, gemeente in enumerate(kaart.gebieden.gemeenten):
        organisatie = kaart.organisaties.get(gemeente.organisatie or "")
        if organisatie is None or organisatie.soort != GEMEENTE:
            what = (f"'{gemeente.organisatie}' is geen organisatie met 'soort: gemeente' in kaart/organisaties/"
                    if gemeente.organisatie else "Er staat niet bij welke organisatie deze gemeente is")
            problems.add(source.path, *source.position(("gemeenten", index, "organisatie" if gemeente.organisatie else "id")), (
                f"{what}. In een kaart met meer gemeenten noemt elke gemeente haar eigen organisatie, bijvoorbeeld "
                f"'organisatie: gemeente-{gemeente.id}': alleen die mag de sociaal teams en het KCC van {kort(gemeente)} hebben."))
    for ingang in kaart.ingangen.values():
        if ingang.soort not in EIGEN_DEUREN:
            continue
        vreemd = sorted(k for k in kaart.kernen_in(ingang.werkgebied) if kaart.gemeente_van_kern[k].organisatie not in (None, ingang.organisatie))
        if not vreemd:
            continue
        andere = sorted({kort(kaart.gemeente_van_kern[k]) for k in vreemd})
        namen = ", ".join(kaart.kernen[k].naam for k in vreemd[:6]) + (" en meer" if len(vreemd) > 6 else "")
        soort = "sociaal team" if ingang.soort == "sociaal-team" else "KCC"
        problems.add(*kaart.where("ingang", ingang.id, "werkgebied"), (
            f"Dit {soort} is van '{ingang.organisatie}', maar het werkgebied noemt kernen van {' en '.join(andere)}: {namen}. "
            f"Alleen de organisatie van een gemeente (in gebieden.yaml) heeft het {soort} voor haar kernen. "
            "Kies kernen of gebieden van je eigen gemeente."))


def record_facts(record) -> tuple[str | None, tuple[tuple[tuple, str, str | None], ...]]:
    """What check_trust asks of one record that depends on that record alone: the national line its name looks
    like, and (path, number, risk) of every number it shows. Worked out where the record is read
    (validate._read_one, on either core), so that check_trust, which needs the whole kaart, does not."""
    return reserved_line(record.naam), tuple((path, number, phone_risk(number)) for path, number in numbers_of(record))


def check_trust(kaart, problems: Problemen) -> None:
    check_own_gemeente(kaart, problems)
    organisaties = kaart.organisaties
    allowed = kaart.extras.get("toegestane_nummers", {})
    protected = protected_numbers()
    facts = kaart.extras.get("record_facts", {})
    for soort, records in kaart.records.items():
        for record in records.values():
            line_id, numbers = facts.get((soort, record.id)) or record_facts(record)
            where = lambda *path: kaart.where(soort, record.id, *path)  # noqa: E731
            organisatie_id = record.id if soort == "organisatie" else getattr(record, "organisatie", None)
            # a line's own ingang and its organisation's records may carry that one line's name and number, no other's
            own_lines = {line_id for line_id, line in kaart.ingangen.items()
                         if line_id in NATIONALE_HULPLIJNEN and (line_id == record.id or line.organisatie == organisatie_id)}
            if soort == "ingang":
                _check_ingang(record, organisaties, where, problems)
            if record.id not in NATIONALE_HULPLIJNEN:
                if line_id and line_id not in own_lines:
                    problems.add(*where("naam"), (
                        f"De naam '{record.naam}' lijkt op de landelijke hulplijn {NATIONALE_HULPLIJNEN[line_id]['naam']}. "
                        f"Die naam is voorbehouden aan de ingang '{line_id}'. Kies een naam die niet op een hulplijn lijkt."))
            for path, number, risk in numbers:
                if number in protected and protected[number] != record.id and protected[number] not in own_lines:
                    problems.add(*where(*path), (
                        f"{format_phone(number)} is het nummer van {NATIONALE_HULPLIJNEN[protected[number]]['naam']}. "
                        f"Alleen de ingang '{protected[number]}' mag dat nummer hebben; geef hier je eigen nummer."))
                    continue
                if risk and organisatie_id not in allowed.get(number, ()):
                    problems.add(*where(*path), f"{risk} Is dit nummer echt de enige manier om de dienst te bereiken? "
                                 f"Vraag de gemeente het op te nemen in {ALLOWED_NUMBERS_FILE}.")


def numbers_of(record) -> Iterator[tuple[tuple, str]]:
    """Every phone number a record shows: its contact block and tel: links in its texts."""
    yield from contact_numbers(record)
    for name, value in record.__dict__.items():  # the model's fields
        if isinstance(value, str) and _TEL.search(value):
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
