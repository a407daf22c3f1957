"""Stage 2, trust rules: who may send residents where, and which numbers may be shown at all.

- Every ingang is a loket or help line shown on /kcc/ and /contact/: vocabulary.INGANG_HOUDERS says who may hold
  each soort. Only an organisation with `soort: gemeente` may hold one that routes residents or a local crisis
  line; a huisartsenpost is the gemeente's or a regional organisation's whose number the gemeente reviewed.
- The national crisis and help lines (vocabulary.NATIONALE_HULPLIJNEN) are protected: only their
  own ingang carries their numbers and names (look-alikes too), and it carries the real number.
- A gemeente's sociaal teams and KCC serve only that gemeente's kernen: a gemeente organisation's
  gemeenten are those its KCC covers whole, so one gemeente cannot take over another's kern by
  giving a team (or its own KCC) a werkgebied there.
- Premium-rate numbers (0900, 0906, 0909), foreign numbers and short numbers of unknown cost are
  refused, also as WhatsApp and in Markdown links, unless the gemeente lists the number in
  kaart/toegestane-nummers.yaml (a reviewed exception: number, organisation and reason).
- The gemeente's doors are the gemeente's (GemeenteDeuren): no other organisation's record shows the
  number of one of its ingangen (without a reviewed exception), is named like one of them, 'gemeente X'
  or with a word of its desks (GEMEENTE_WOORDEN); a crisis line or huisartsenpost never shows the number
  of a desk with office hours (KCC, team, loket), whoever holds it.
- Names are compared by their skeleton (fold): look-alike letters of other scripts count as the Latin letter.
- A Markdown link whose text names a national line or a gemeente's door goes to that line's or door's
  number or website (the link's own target is checked in build/sanitize.py).
- The words the wegwijzer uses instead of a record id (vocabulary.WEGWIJZER_TREFWOORDEN) are no record ids.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, NamedTuple, get_args, get_origin

import phonenumbers

from urllib.parse import unquote, urlparse

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from .fields import Regel, Tekst, cijfers, format_phone, parse_phone, parsed_phone, phone_type
from .problems import Problemen
from .vocabulary import (CRISIS_INGANGEN, CRISIS_SOORTEN, GEMEENTE_DEUR, HULPLIJN, INGANG_HOUDERS, INGANG_SOORTEN, NATIONALE_HULPLIJNEN,
                         KCC_TEKST_ZONDER_KCC, REGIONALE_LIJN, ROUTERENDE_INGANGEN, WEGWIJZER_TREFWOORDEN)

GEMEENTE = "gemeente"
ALLOWED_NUMBERS_FILE = "toegestane-nummers.yaml"

# Letters and digits that look alike, folded to one Latin form before names are compared (a confusables
# skeleton). Applied after NFKD (which already maps fullwidth, mathematical and most compatibility forms)
# and before casefold, because case matters for look-alikes: Greek 'Η' looks like H, its small 'η' like n.
# 'i' and 'l' (and 1, |, !, I) are one letter here: 'VeiIig' and 'Veılıg' are 'Veilig'.
_LOOK_ALIKE = str.maketrans({
    # digits and signs
    "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "|": "l", "!": "l", "€": "e", "$": "s", "@": "a",
    # Latin: i/l, dotless i and j, small capitals, IPA, letters with a stroke (NFKD keeps those)
    "i": "l", "I": "l", "ı": "l", "ȷ": "j", "ɩ": "l", "ɪ": "l", "ʟ": "l", "ł": "l", "Ł": "l", "ℓ": "l", "ǀ": "l",
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ᴊ": "j", "ᴋ": "k", "ᴍ": "m", "ɴ": "n",
    "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "ɑ": "a", "ɒ": "a", "ɡ": "g", "ɛ": "e", "ɜ": "e", "ɔ": "c", "ɵ": "o", "ʋ": "u", "ʊ": "u", "ɦ": "h", "ɱ": "m", "ɲ": "n",
    "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h", "ŧ": "t", "ƀ": "b",
    # Cyrillic capitals and small letters that look Latin
    "А": "a", "В": "b", "Е": "e", "Ё": "e", "З": "e", "Һ": "h", "І": "l", "Ї": "l", "Ј": "j", "К": "k", "М": "m", "Н": "h",
    "О": "o", "Р": "p", "С": "c", "Т": "t", "У": "y", "Х": "x", "Ѕ": "s", "Ԛ": "q", "Ԝ": "w", "Ь": "b", "Ӏ": "l", "Г": "r",
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "e", "һ": "h", "і": "l", "ї": "l", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԛ": "q", "ԝ": "w", "ь": "b", "ӏ": "l", "г": "r",
    "ԁ": "d", "п": "n", "и": "u", "ц": "u", "ш": "w", "щ": "w", "ѵ": "v", "Ѵ": "v", "ү": "y", "Ү": "y",
    # Greek capitals and small letters that look Latin
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "l", "Κ": "k", "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t",
    "Υ": "y", "Χ": "x", "Ϲ": "c", "Ϳ": "j",
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "l", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "σ": "o", "ς": "c",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j", "μ": "u",
    # Armenian and Cherokee letters that read as Latin
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "Ꭺ": "a", "Ꭼ": "e", "Ꮋ": "h", "Ꭻ": "j", "Ꮶ": "k", "Ꮇ": "m", "Ꮯ": "c",
    "Ꭲ": "t", "Ꮪ": "s", "Ꮃ": "w", "Ꮩ": "v",
})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A name reduced to what it looks like (its skeleton): compatibility forms unified (NFKD: fullwidth,
    mathematical letters), accents dropped, look-alike letters from other scripts and digits mapped to
    one Latin letter, no case, only letters and digits left ('113 Z€lfmoord-preventie' → 'llezelfmoordpreventle';
    'Veilig Thuis', 'Veılıg Thuıs' and 'Vеilig Тhuis' → 'velllgthuls')."""
    text = unicodedata.normalize("NFKD", text.translate(_LOOK_ALIKE))  # before too: NFKD turns some look-alikes ('Ϲ') into others ('Σ')
    text = "".join(char for char in text if not unicodedata.combining(char))
    return "".join(char for char in text.translate(_LOOK_ALIKE).casefold().translate(_LOOK_ALIKE) if char.isalnum())


def _words(name: str) -> list[str]:
    folded = (fold(word) for word in unicodedata.normalize("NFKC", name.translate(_LOOK_ALIKE)).replace("-", " ").replace("/", " ").split())
    return [word for word in folded if word]


class NameMatcher:
    """Reserved names, each matched in a name by its skeleton (fold). A reserved name of one word
    ('kindertelefoon') matches inside a word too ('Kindertelefoonlijn') unless it must stand as whole
    words; one of more words ('veilig thuis') matches as those words, written apart or together, so
    'Brandveilig thuis' is not Veilig Thuis. A number name ('113') matches as a word of its own, also
    written with look-alikes ('1l3', 'II3', '１１３')."""

    def __init__(self, entries: list[tuple[str, str, bool]]) -> None:
        """entries: (key, reserved name as written, whether a one-word name must stand as a whole word)."""
        self.entries: dict[str, tuple[str, bool]] = {}
        for key, reserved, whole_word in entries:
            parts = _words(reserved)
            if parts:
                self.entries.setdefault("".join(parts), (key, whole_word or reserved.isdigit() or len(parts) > 1))
        # every reserved name at once, overlapping too, in one scan of the name: most names hold none
        alternatives = "|".join(re.escape(name) for name in sorted(self.entries, key=len, reverse=True))
        self._pattern = re.compile(f"(?=({alternatives}))") if alternatives else None

    def match(self, words: list[str], allowed_before: frozenset[str] = frozenset()) -> str | None:
        """The key of the first reserved name the folded `words` of a name hold, or None. A match right after
        one of the words in `allowed_before` does not count ('Protestantse Gemeente X' is a church)."""
        joined = "".join(words)
        if self._pattern is None or not joined:
            return None
        bounds: dict[int, int] | None = None
        for found in self._pattern.finditer(joined):
            at = found.start()
            for reserved, (key, whole_words) in self.entries.items():
                if not joined.startswith(reserved, at):
                    continue
                if not whole_words:
                    return key
                if bounds is None:
                    bounds, ends = _word_bounds(words), _word_ends(words)
                if at in bounds and at + len(reserved) in ends and not (bounds[at] > 0 and words[bounds[at] - 1] in allowed_before):
                    return key
        return None


def _word_bounds(words: list[str]) -> dict[int, int]:
    """Where each word starts in the joined words → its index."""
    starts, position = {}, 0
    for index, word in enumerate(words):
        starts[position] = index
        position += len(word)
    return starts


def _word_ends(words: list[str]) -> set[int]:
    ends, position = set(), 0
    for word in words:
        position += len(word)
        ends.add(position)
    return ends


@lru_cache(maxsize=1)
def _national_names() -> NameMatcher:
    return NameMatcher([(line_id, reserved, False) for line_id, line in NATIONALE_HULPLIJNEN.items() for reserved in line["namen"]])


def reserved_line(name: str, words: list[str] | None = None) -> str | None:
    """The national line whose reserved name `name` holds or looks like, or None (see NameMatcher)."""
    return _national_names().match(_words(name) if words is None else words)


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
    kind = phone_type(number)
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


class TrustFacts(NamedTuple):
    """What check_trust asks of one record that depends on that record alone. Worked out where the record is
    read (validate._read_one, on either core), so that check_trust, which needs the whole kaart, does not."""

    words: list[str]  # the folded words of its name
    line_id: str | None  # the national line its name looks like
    texts: list[tuple[tuple, str]]  # its texts that may hold a link
    numbers: tuple[tuple[tuple, str, str | None], ...]  # (path, number, phone_risk) of every number it shows
    kcc_numbers: tuple[tuple[tuple, str], ...]  # (path, digits) of every number in what the KCC reads out about it
    claims: tuple[tuple[tuple, str, str], ...]  # (path, sentence, what follows its claim) of texts that may speak for another


def trust_facts(record) -> TrustFacts:
    words = _words(record.naam)
    markdown = _markdown_texts(record)
    texts = _texts_with_links(record, markdown)
    numbers = tuple((path, number, phone_risk(number)) for path, number in numbers_of(record, texts))
    return TrustFacts(words, reserved_line(record.naam, words), texts, numbers, _kcc_numbers(record), _claims(markdown))


def kcc_texts(record) -> list[tuple[tuple, str]]:
    """(path, text) of what the KCC reads out about a record: its 'kcc' block, else what kcc.data.kcc_antwoord
    takes instead (a vindplaats's 'wat_kun_je_vragen', an organisation's 'samenvatting')."""
    if "kcc" in type(record).model_fields:
        kcc = record.kcc
        return [(("kcc", name), getattr(kcc, name)) for name in ("antwoord", "doorverwijzen") if kcc is not None and getattr(kcc, name, None)]
    for name in KCC_TEKST_ZONDER_KCC:
        if getattr(record, name, None):
            return [((name,), getattr(record, name))]
    return []


def _kcc_numbers(record) -> tuple[tuple[tuple, str], ...]:
    from .wegwijzer.nummers import NUMMER_RE  # the numbers the routing check finds in outcome text

    found = []
    for path, text in kcc_texts(record):
        if _DIGIT.search(text) is None:
            continue  # most answers name no number: a number holds digits, also in a tel: link
        found += [(path, cijfers(match.group(0))) for match in NUMMER_RE.finditer(text)]
        found += [(path, cijfers(number)) for link_path, number in numbers_of(record, [(path, text)]) if link_path == path]
    return tuple(found)


# A text that speaks for someone else: 'wij zijn het sociaal team voor Haarsloo', or tells the KCC not to hand a caller
# over to someone: 'verbind niet door met het sociaal team', 'verwijs nooit naar de gemeente' ('bel niet met vragen
# over de Wmo' is about calling, not handing over). What follows is compared
# with the gemeente's doors and names (GemeenteDeuren.name_match) when the kaart is checked.
_CLAIM_RE = re.compile(
    r"\b(?:wij|we)\s+(?:zijn|heten|vormen)\b(?P<wij>[^.!?;:]*)"
    r"|\b(?:verbind|verwijs|stuur|zet)\s+(?:\w+\s+){0,2}?(?:niet|nooit)\b(?P<niet>[^.!?;:]*)"
    r"|\b(?:niet|nooit)\s+(?:door)?(?:verbinden|verwijzen|sturen|zetten)\b(?P<niet2>[^.!?;:]*)",
    re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _claims(texts: list[tuple[tuple, str]]) -> tuple[tuple[tuple, str, str], ...]:
    found = []
    for path, value in texts:
        lower = value.lower()
        if "niet" not in lower and "nooit" not in lower and "wij " not in lower and "we " not in lower:
            continue  # the words every claim holds: most texts have none, and the full pattern costs more
        for match in _CLAIM_RE.finditer(value):
            rest = next(group for group in match.groups() if group is not None)
            if match.group("wij") is not None:
                rest = _what_we_are(rest)
            if rest:
                found.append((path, match.group(0).strip(), rest))
    return tuple(found)


def _what_we_are(rest: str) -> str:
    """The name straight after 'wij zijn': 'het sociaal team voor …' → 'sociaal team voor'; '' for what is no name
    ('geen onderdeel van het sociaal team', 'een initiatief van de gemeente', 'bereikbaar via het KCC')."""
    words = rest.split(",")[0].split()
    if not words or words[0].lower() in ("geen", "niet", "een"):
        return ""
    if words[0].lower() in ("het", "de"):
        words = words[1:]
    return " ".join(words[:3])


def check_trust(kaart, problems: Problemen) -> None:
    check_own_gemeente(kaart, problems)
    organisaties = kaart.organisaties
    allowed = kaart.extras.get("toegestane_nummers", {})
    protected = protected_numbers()
    gemeente = GemeenteDeuren(kaart)
    lines_of = {}  # organisation → the national lines it holds
    for line_id in NATIONALE_HULPLIJNEN:
        if line_id in kaart.ingangen:
            lines_of.setdefault(kaart.ingangen[line_id].organisatie, set()).add(line_id)
    for soort, records in kaart.records.items():
        for record in records.values():
            where = lambda *path: kaart.where(soort, record.id, *path)  # noqa: E731
            organisatie_id = record.id if soort == "organisatie" else getattr(record, "organisatie", None)
            of_gemeente = gemeente.owns(organisatie_id)
            # a line's own ingang and its organisation's records may carry that one line's name and number, no other's
            own_lines = lines_of.get(organisatie_id, set()) | ({record.id} if soort == "ingang" and record.id in NATIONALE_HULPLIJNEN else set())
            if record.id in WEGWIJZER_TREFWOORDEN:
                problems.add(*where("id"), (
                    f"De id '{record.id}' is een vast woord van de wegwijzer (daar betekent het: {WEGWIJZER_TREFWOORDEN[record.id]}). "
                    "Een record mag die id niet hebben; kies een andere id en geef het bestand dezelfde naam."))
            reported: set[str] = set()
            if soort == "ingang":
                reported = gemeente.check_crisis_line(record, where, problems)
                _check_ingang(record, organisaties, allowed, reported, where, problems)
            facts = kaart.facts.get((soort, record.id))
            words, line_id, texts, numbers, kcc_numbers, claims = trust_facts(record) if facts is None else facts.trust
            if not (soort == "ingang" and record.soort == "kcc"):
                _check_kcc_numbers(kaart, kcc_numbers, where, problems)
            if record.id not in NATIONALE_HULPLIJNEN:
                if line_id and line_id not in own_lines:
                    problems.add(*where("naam"), (
                        f"De naam '{record.naam}' lijkt op de landelijke hulplijn {NATIONALE_HULPLIJNEN[line_id]['naam']}. "
                        f"Die naam is voorbehouden aan de ingang '{line_id}'. Kies een naam die niet op een hulplijn lijkt."))
            if not of_gemeente:
                gemeente.check_name(record, words, where, problems)
                gemeente.check_addresses(record, organisatie_id, where, problems)
                if not (soort == "ingang" and record.id in NATIONALE_HULPLIJNEN):  # 113 may say: not to the team, to 113
                    for path, sentence, rest in claims:
                        gemeente.check_claim(path, sentence, rest, where, problems)
            for path, number, risk in numbers:
                if number in reported:
                    continue
                if number in protected and protected[number] != record.id and protected[number] not in own_lines:
                    problems.add(*where(*path), (
                        f"{format_phone(number)} is het nummer van {NATIONALE_HULPLIJNEN[protected[number]]['naam']}. "
                        f"Alleen de ingang '{protected[number]}' mag dat nummer hebben; geef hier je eigen nummer."))
                    continue
                if not of_gemeente and number in gemeente.numbers and organisatie_id not in allowed.get(number, ()):
                    door = gemeente.numbers[number]
                    problems.add(*where(*path), (
                        f"{format_phone(number)} is het nummer van '{door.naam}' van de gemeente. Alleen de gemeente mag dat nummer "
                        "tonen: anders lijkt je record de gemeente, en bellen inwoners een loket dat er niet over gaat. Geef hier het "
                        f"nummer van je eigen organisatie. Loopt aanmelden echt via dit nummer? Vraag de gemeente het op te nemen in {ALLOWED_NUMBERS_FILE}."))
                    continue
                if risk and organisatie_id not in allowed.get(number, ()):
                    problems.add(*where(*path), f"{risk} Is dit nummer echt de enige manier om de dienst te bereiken? "
                                 f"Vraag de gemeente het op te nemen in {ALLOWED_NUMBERS_FILE}.")
            if texts:
                _check_link_texts(texts, of_gemeente, gemeente, own_lines, kaart.ingangen, where, problems)


def _check_kcc_numbers(kaart, kcc_numbers, where, problems: Problemen) -> None:
    """What the KCC reads out never sends the caller back to a KCC: a gemeente's general number (Kaart.algemene_nummers)."""
    for path, digits in kcc_numbers:
        gemeente = kaart.algemene_nummers.get(digits)
        if gemeente is not None:
            problems.add(*where(*path), (
                f"Deze tekst leest het KCC voor aan de beller, maar er staat {format_phone(parse_phone(digits))} in: het algemene "
                f"nummer van {gemeente}, dus het KCC zelf. Het KCC kan de beller niet naar zichzelf terugsturen. Schrijf wat het KCC "
                "zelf in het gesprek regelt, of naar wie het doorverbindt (met het nummer van die plek)."))


# Words that name the gemeente's own doors: only the gemeente's records may use them in a name.
GEMEENTE_WOORDEN = ("sociaal team", "gebiedsteam", "wmo-loket", "klantcontactcentrum", "kcc")
# 'Protestantse Gemeente Wolderbeek' is a church, not the gemeente.
KERKELIJK = frozenset(fold(word) for word in (
    "protestantse", "gereformeerde", "hervormde", "hersteld", "evangelische", "christelijke", "christelijk", "baptisten",
    "doopsgezinde", "remonstrantse", "lutherse", "katholieke", "vrijgemaakte", "kerkelijke", "pkn", "vrije", "apostolische",
    "pinkster", "volle", "kerk", "geloofs", "joodse", "islamitische"))


class GemeenteDeuren:
    """The gemeente's doors (its ingangen) and names, which other organisations may not take: their numbers
    (except with a reviewed exception in toegestane-nummers.yaml) and their names, 'gemeente X' and the
    words of GEMEENTE_WOORDEN. Worked out once per check."""

    def __init__(self, kaart) -> None:
        from .build.contact import kort  # the short gemeente name ("Wolderbeek"); the build stage builds on this one

        self.gemeente_ids = {org.id for org in kaart.organisaties.values() if org.soort == GEMEENTE}
        self.organisatie_ids = kaart.organisaties.keys()
        doors = [ingang for ingang in kaart.ingangen.values() if ingang.organisatie in self.gemeente_ids]
        self.numbers = {number: door for door in doors for _, number in contact_numbers(door)}
        # a crisis line must answer day and night: never the number of a desk with office hours
        self.desk_numbers = {number: door for door in kaart.ingangen.values() if door.soort in ROUTERENDE_INGANGEN
                             for _, number in contact_numbers(door)}
        self.by_id = {door.id: door for door in doors}
        # its e-mail domains and web hosts: those of the gemeente organisations and of their doors ('egelstede.nl')
        self.domains: dict[str, list] = {}  # every holder: a reviewed exception for one door covers its addresses
        for holder in [*(kaart.organisaties[org_id] for org_id in sorted(self.gemeente_ids)), *doors]:
            for domain in _domains_of(holder.contact):
                self.domains.setdefault(domain, []).append(holder)
        # an organisation the gemeente lets show a door's number (toegestane-nummers.yaml) may show its addresses too
        allowed = kaart.extras.get("toegestane_nummers", {})
        self.reviewed = {(org_id, door.id) for number, door in self.numbers.items() for org_id in allowed.get(number, ())}
        entries = [(door.id, door.naam, True) for door in doors]
        for gemeente in kaart.gebieden.gemeenten:
            entries += [("", f"gemeente {kort(gemeente)}", True), ("", gemeente.naam, True)]
        entries += [("", f"gemeente {kaart.organisaties[org_id].naam.removeprefix('Gemeente ')}", True) for org_id in sorted(self.gemeente_ids)]
        entries += [("", word, word in ("kcc", "sociaal team", "wmo-loket")) for word in GEMEENTE_WOORDEN]
        self.names = NameMatcher(entries)

    def owns(self, organisatie_id: str | None) -> bool:
        """Whether a record of this organisation is the gemeente's. A record without organisation is (ownership.py);
        one of an unknown organisation is not checked here: the kaart is refused for that already."""
        return organisatie_id is None or organisatie_id in self.gemeente_ids or organisatie_id not in self.organisatie_ids

    def name_match(self, text: str, words: list[str] | None = None) -> str | None:
        """What of the gemeente `text` names: a door's id, '' for a reserved word or the gemeente itself, or None."""
        return self.names.match(_words(text) if words is None else words, allowed_before=KERKELIJK)

    def check_name(self, record, words: list[str], where, problems: Problemen) -> None:
        found = self.name_match(record.naam, words)
        if found is None:
            return
        what = f"'{self.by_id[found].naam}' van de gemeente" if found else "de gemeente of een loket van de gemeente"
        problems.add(*where("naam"), (
            f"De naam '{record.naam}' lijkt op {what}. Alleen de gemeente mag die naam gebruiken, en ook "
            f"'gemeente <naam>', {', '.join(repr(w) for w in GEMEENTE_WOORDEN)}: anders denken inwoners dat ze de gemeente "
            "bellen. Kies een naam waaraan inwoners zien dat het jouw organisatie is (bijvoorbeeld 'Formulierenhulp Samen Wolderbeek')."))

    def domain_of(self, address: str) -> str | None:
        """The gemeente's domain an e-mail address or web address is at ('sociaalteam.oost@egelstede.nl',
        'https://www.egelstede.nl/sociaal-team-oost' → 'egelstede.nl'), or None."""
        host = _host(address)
        while host:
            if host in self.domains:
                return host
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def check_addresses(self, record, organisatie_id: str | None, where, problems: Problemen) -> None:
        """A partner's record shows its own e-mail address and website, never one of the gemeente's: residents would
        take the record for the gemeente, and their mail would reach a desk that does not offer this."""
        contact = getattr(record, "contact", None)
        for field, what in (("email", "het e-mailadres"), ("website", "de website")):
            value = getattr(contact, field, None) if contact is not None else None
            domain = self.domain_of(value) if value else None
            if domain is not None and not any((organisatie_id, holder.id) in self.reviewed for holder in self.domains[domain]):
                problems.add(*where("contact", field), (
                    f"'{value}' is {what} van {self.domains[domain][0].naam} ({domain}). Alleen de gemeente mag haar e-mailadressen en "
                    "websites tonen: anders lijkt je record de gemeente. Geef hier het e-mailadres of de website van je eigen "
                    "organisatie. Wil je naar een pagina van de gemeente verwijzen? Zet dan een link in de beschrijving."))

    def check_claim(self, path: tuple, sentence: str, rest: str, where, problems: Problemen) -> None:
        """A partner's text may not speak as the gemeente or one of its doors ('wij zijn het sociaal team'), nor tell
        the KCC not to hand a caller over to one of them ('verbind niet door met het sociaal team')."""
        if self.name_match(rest) is None:
            return
        problems.add(*where(*path), (
            f"'{sentence}': zo spreekt deze tekst namens de gemeente of een loket van de gemeente, of zegt hij dat het KCC "
            "een beller daar niet naartoe mag sturen. Dat bepaalt alleen de gemeente. Schrijf wat jouw organisatie zelf doet "
            "en voor wie; de gemeente beslist wanneer het KCC doorverbindt met het sociaal team of een loket."))

    def check_crisis_line(self, ingang, where, problems: Problemen) -> set[str]:
        """The numbers of desks a crisis line or huisartsenpost shows (reported here, with no exception possible)."""
        reported: set[str] = set()
        if ingang.soort not in CRISIS_SOORTEN:
            return reported
        for path, number in contact_numbers(ingang):
            desk = self.desk_numbers.get(number)
            if desk is not None and desk.id != ingang.id:
                reported.add(number)
                problems.add(*where(*path), (
                    f"{format_phone(number)} is het nummer van '{desk.naam}', dat niet dag en nacht opneemt. Een crisislijn of "
                    "huisartsenpost wordt in nood gebeld: geef het eigen nummer van deze lijn, nooit dat van het KCC, "
                    "een sociaal team of een loket."))
        return reported


def _host(address: str) -> str:
    """The domain of an e-mail address or the host of a web address, lower case, without 'www.'."""
    address = address.strip().lower().removeprefix("mailto:")
    host = address.rpartition("@")[2] if "@" in address and "://" not in address else (urlparse(address).hostname or "")
    return host.removeprefix("www.").rstrip(".")


def _domains_of(contact) -> list[str]:
    return [_host(value) for value in (getattr(contact, "email", None), getattr(contact, "website", None)) if value and _host(value)]


def _check_link_texts(texts: list[tuple[tuple, str]], of_gemeente: bool, gemeente: GemeenteDeuren, own_lines: set[str], ingangen, where,
                      problems: Problemen) -> None:
    """A link whose text names a national line or a door of the gemeente must go to that line or door:
    '[Veilig Thuis](tel:<another number>)' would send a resident in need elsewhere."""
    for path, value in texts:
        for label, href in _sanitize().markdown_link_texts(value):
            line_id = reserved_line(label)
            if line_id and line_id not in own_lines:
                targets, what = _line_targets(line_id, ingangen.get(line_id)), NATIONALE_HULPLIJNEN[line_id]["naam"]
            elif not of_gemeente and (door_id := gemeente.name_match(label)) is not None:
                door = gemeente.by_id.get(door_id)
                if door is None:
                    continue  # a reserved word without a door ('het sociaal team'): the name check covers names, not sentences
                targets, what = _door_targets(door), f"'{door.naam}'"
            else:
                continue
            if _link_target(href) not in targets:
                problems.add(*where(*path), (
                    f"De link '[{label}]({href})' noemt {what}, maar gaat daar niet heen. Een link met de naam van een hulplijn of "
                    f"een loket van de gemeente gaat naar het nummer of de website daarvan; haal de naam uit de linktekst of verwijs goed."))


def _sanitize():
    from .build import sanitize  # Markdown (markdown-it) is loaded only for a kaart whose texts hold links

    return sanitize


def _texts_with_links(record, markdown: list[tuple[tuple, str]] | None = None) -> list[tuple[tuple, str]]:
    """(path, text) of the Markdown texts of a record that may hold a link ('[…](…)' or '<…>'): most hold none.
    `markdown`: the record's _markdown_texts when already read."""
    return [(path, value) for path, value in (_markdown_texts(record) if markdown is None else markdown) if "](" in value or "<" in value]


def _markdown_texts(record) -> list[tuple[tuple, str]]:
    """(path, text) of every Markdown text and plain line of a record (_markdown_paths) that is filled in."""
    found = []
    for path in _markdown_paths(type(record)):
        value = record
        for name in path:
            value = getattr(value, name, None)
        if type(value) is str:
            found.append((path, value))
    return found


_TEKST, _REGEL = get_args(Tekst)[1], get_args(Regel)[1]  # the validators of Markdown texts and of plain lines


@lru_cache(maxsize=None)
def _markdown_paths(model: type[BaseModel], top: bool = True) -> tuple[tuple[str, ...], ...]:
    """The paths of a model's Markdown texts (Tekst), also in its blocks ('kcc', 'antwoord') but not in lists, and
    of its own plain lines (Regel: a voorziening's 'aanmelden' was shown as Markdown once)."""
    paths: list[tuple[str, ...]] = []
    for name, info in model.model_fields.items():
        kinds = (_TEKST, _REGEL) if top else (_TEKST,)
        if any(kind in info.metadata for kind in kinds) or (get_origin(info.annotation) is not list and _holds(info.annotation, lambda arg: arg in kinds)):
            paths.append((name,))
        for block in _blocks(info.annotation):
            paths += [(name, *inner) for inner in _markdown_paths(block, False)]
    return tuple(paths)


def _holds(annotation, test) -> bool:
    return any(test(arg) or _holds(arg, test) for arg in get_args(annotation) if get_origin(arg) is not list)


def _blocks(annotation) -> list[type[BaseModel]]:
    """The models a field holds as one block (Optional[Kcc]), not as a list."""
    if get_origin(annotation) is list:
        return []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [block for arg in get_args(annotation) for block in _blocks(arg)]


def _link_target(href: str) -> str:
    """A link target as compared with a line's or door's: the dialled number, or the web address without its end slash."""
    if href.lower().startswith("tel:"):
        try:
            return parse_phone(unquote(href[4:]))
        except PydanticCustomError:
            return href
    return href.strip().rstrip("/").lower()


def _line_targets(line_id: str, ingang) -> set[str]:
    """A national line's own numbers, and the website of its ingang in the kaart."""
    return set(NATIONALE_HULPLIJNEN[line_id]["nummers"]) | (_door_targets(ingang) if ingang is not None else set())


def _door_targets(door) -> set[str]:
    targets = {number for _, number in contact_numbers(door)}
    website = getattr(door.contact, "website", None) if door.contact else None
    if website:
        targets.add(website.strip().rstrip("/").lower())
    return targets


def numbers_of(record, texts: list[tuple[tuple, str]] | None = None) -> Iterator[tuple[tuple, str]]:
    """Every phone number a record shows: its contact block and tel: links in its texts (`texts`: its texts with a link)."""
    yield from contact_numbers(record)
    for name, value in _texts_with_links(record) if texts is None else texts:
        if "tel:" in value.lower():
            for href in _sanitize().markdown_links(value):
                if href.lower().startswith("tel:"):
                    try:
                        yield name, parse_phone(unquote(href[4:]))
                    except PydanticCustomError:
                        pass  # reported by the field check


def _check_ingang(ingang, organisaties, allowed: dict, reported: set[str], where, problems: Problemen) -> None:
    """Who may hold this ingang (vocabulary.INGANG_HOUDERS); a national line's own ingang carries its real number."""
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
    houder = INGANG_HOUDERS[ingang.soort]
    if houder == GEMEENTE_DEUR:
        problems.add(*where("soort"), (
            f"Een ingang van de soort '{ingang.soort}' stuurt inwoners namens de gemeente door; alleen een organisatie "
            f"met 'soort: gemeente' mag die hebben, en '{organisatie.naam}' is dat niet. Kies een andere soort of maak er een voorziening van."))
    elif houder == HULPLIJN:
        problems.add(*where("soort"), (
            "Een crisislijn is een landelijke hulplijn of een lijn van de gemeente zelf. "
            "Staat jouw lijn er niet bij? Vraag de gemeente haar op te nemen."))
    elif houder == REGIONALE_LIJN:
        # on the number the gemeente did not review (a number refused already, a desk's, needs no second message)
        for path, number in contact_numbers(ingang):
            if number in reported or ingang.organisatie in allowed.get(number, ()):
                continue
            soort = INGANG_SOORTEN[ingang.soort].lower()
            problems.add(*where(*path), (
                f"Een {soort} wordt in nood gebeld en staat bij 'Loketten en hulplijnen' op de KCC-pagina, de contactpagina en "
                f"de uitkomsten van het belscript. Alleen de gemeente of de echte {soort} van de regio mag zo'n ingang hebben, "
                f"en '{organisatie.naam}' staat met dit nummer niet in {ALLOWED_NUMBERS_FILE}. Is dit de {soort} van de regio? Vraag de "
                f"gemeente {format_phone(number)} op te nemen in dat bestand. Anders: maak er een voorziening van."))
