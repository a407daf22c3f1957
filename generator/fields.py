"""Field types shared by all models: ids, plain text, phone numbers, e-mail, links, ja/nee.

Every validator raises `PydanticCustomError("kaart", <Dutch message>)` so that the
loader can show the partner the message with the file and line it belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Annotated, Any, Callable

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .messages import text_expected

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?([/?#][^\s<>\"']*)?$")
# Dutch short numbers the phonenumbers metadata does not know (113 Zelfmoordpreventie).
_EXTRA_SHORT_NUMBERS = {"113", "144", "116000", "116111", "116123"}
_JA = {"ja", "j", "true", "waar"}
_NEE = {"nee", "n", "false", "onwaar"}


def fout(message: str, veld: str | None = None) -> PydanticCustomError:
    """A validation error whose message is shown to the partner as it is; `veld` names the field
    a model-level check is about, so the message lands on that field's line."""
    return PydanticCustomError("kaart", message, {"veld": veld} if veld else None)


# What `kaart nieuw` writes where the partner still has to fill something in.
PLACEHOLDER = "VUL IN"


# 'VUL IN' anywhere, or a value that is only 'vul in' in any case ('Vul in', 'vul in.'); not 'Vul in de app …'.
_PLACEHOLDER_RE = re.compile(r"VUL\s+IN|^\W*(?i:vul\s+in)\W*$")
MAX_REGEL = 300  # one line: a name, a summary, a street
MAX_NAAM = 150
MAX_TEKST = 5_000  # a text with optional Markdown (the same limit as build/sanitize.py)
MAX_LIJST = 50  # items in any list of a record


def _reject_placeholder(value: Any) -> None:
    if not isinstance(value, str) or ("ul" not in value and "UL" not in value and "Ul" not in value and "uL" not in value):
        return  # every match of _PLACEHOLDER_RE holds one of these ('vul in' in any case): the common case, no regex
    if PLACEHOLDER in value or _PLACEHOLDER_RE.search(value.strip()):
        raise fout(f"Hier staat nog '{PLACEHOLDER}'. Vervang het door je eigen gegevens (de uitleg staat erboven), of haal de regel weg als het veld niet verplicht is.")


# Invisible characters that can hide or reorder text: control characters, bidi overrides and
# isolates, zero-width characters, the byte order mark, soft hyphens.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f]")


def _hidden_character(value: str, allow_newlines: bool) -> str | None:
    if value.isprintable():  # no character of the categories below (nor a line break): the common case, in C
        return None
    if value.isascii():  # one regex
        found = (_ASCII_CONTROL if allow_newlines else _ASCII_CONTROL_OR_BREAK).search(value)
        return f"U+{ord(found.group()):04X}" if found else None
    for char in value:
        if char in "\n\r\t" and allow_newlines:
            continue
        if _category(char) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp"):
            return f"U+{ord(char):04X}"
    return None


@lru_cache(maxsize=4096)
def _category(char: str) -> str:
    return unicodedata.category(char)


_MOBILE_RE = re.compile(r"(?<!\d)(?:06|\+31\s?6|0031\s?6)[\s-]?(?:\d[\s-]?){8}(?!\d)")


def _check_hygiene(value: str, limit: int, allow_newlines: bool) -> None:
    hidden = _hidden_character(value, allow_newlines)
    if hidden:
        raise fout(f"Hier staat een onzichtbaar teken ({hidden}), bijvoorbeeld uit een gekopieerde tekst. Typ de tekst opnieuw, zonder kopiëren en plakken.")
    if len(value) > limit:
        raise fout(f"Deze tekst is te lang ({len(value)} tekens; maximaal {limit}). Maak hem korter.")
    if ("06" in value or "31" in value) and _MOBILE_RE.search(value):  # every match holds '06', '+31' or '0031'
        raise fout("Hier staat een 06-nummer in de tekst. Noem geen persoonlijke nummers of namen van medewerkers: zet het nummer van je organisatie bij 'contact: telefoon'.")
    mixed = _mixed_script_word(value)
    if mixed:
        raise fout(f"In '{mixed}' staan letters uit verschillende schriften door elkaar (bijvoorbeeld een Russische 'а' in een Nederlands woord). Typ het woord opnieuw.")


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else None  # LATIN, CYRILLIC, GREEK, ARABIC, …


def _mixed_script_word(value: str) -> str | None:
    if value.isascii():
        return None
    for word in re.findall(r"\w+", value):
        if word.isascii():
            continue
        scripts = {_script(char) for char in word} - {None}
        if len(scripts) > 1:
            return word
    return None


_IDS_IN_GUIDE = "De ids van kernen en organisaties staan in de handleiding bij 'Lijsten van ids'."


def _check_id(value: Any) -> str:
    _reject_placeholder(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise fout(f"Dit veld is leeg. Vul een id in: kleine letters, cijfers en streepjes. {_IDS_IN_GUIDE}")
    if isinstance(value, str) and value.strip().lower() != value.strip() and _ID_RE.fullmatch(value.strip().lower().replace(" ", "-")):
        raise fout(f"'{value}' is geen geldige id: een id heeft alleen kleine letters. Bedoel je '{value.strip().lower().replace(' ', '-')}'?")
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        hidden = _hidden_character(value, allow_newlines=False) if isinstance(value, str) else None
        if hidden:  # shown between quotes it looks right: say what is there
            raise fout(f"In de id '{value}' staat een onzichtbaar teken ({hidden}). Typ de id opnieuw: kleine letters, cijfers en streepjes.")
        raise fout(
            f"'{value}' is geen geldige id. Gebruik alleen kleine letters, cijfers en "
            f"streepjes, bijvoorbeeld 'buurthuis-de-spil'. {_IDS_IN_GUIDE}"
        )
    return value


def _plain_line(value: Any, limit: int = MAX_REGEL) -> str:
    _reject_placeholder(value)
    if not isinstance(value, str):
        raise fout(text_expected(value))
    _check_hygiene(value, limit, allow_newlines=True)  # a folded YAML line may hold line breaks; they become spaces
    value = " ".join(value.split())
    if not value:
        raise fout("Dit veld is leeg. Vul een tekst in of haal het veld weg.")
    if "<" in value or ">" in value:
        raise fout("Gebruik geen < of > in deze tekst; het is gewone tekst zonder opmaak.")
    return value


def _name(value: Any) -> str:
    return _plain_line(value, MAX_NAAM)


@lru_cache(maxsize=1)
def _markdown_problems() -> Callable[..., list[str]]:
    from .build.sanitize import markdown_problems  # the one place that knows which Markdown is shown; imported when first needed

    return markdown_problems


def _plain_text(value: Any) -> str:
    """A text with optional Markdown; what the site would not show is an error here, not a surprise later."""
    _reject_placeholder(value)
    if not isinstance(value, str):
        raise fout(text_expected(value))
    if not value.strip():
        raise fout("Dit veld is leeg. Vul een tekst in of haal het veld weg.")
    _check_hygiene(value, MAX_TEKST, allow_newlines=True)
    problems = _markdown_problems()(value, _check_email, parse_phone, _check_url)
    if problems:
        raise fout(" ".join(problems))
    return value.strip()


def _whole_number(value: Any) -> Any:
    _reject_placeholder(value)
    if isinstance(value, bool):
        raise fout(f"'{'ja' if value else 'nee'}' is geen getal. Schrijf een heel getal, bijvoorbeeld 18.")
    if isinstance(value, float) and not value.is_integer():
        raise fout(f"'{value}' is geen heel getal. Schrijf een heel getal, bijvoorbeeld 18.")
    return value


def _ja_nee(value: Any) -> Any:
    _reject_placeholder(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _JA:
            return True
        if word in _NEE:
            return False
        raise fout(f"'{value}' is geen ja of nee. Schrijf 'ja' of 'nee'.")
    return value


def parse_phone(value: Any) -> str:
    """Validate a Dutch phone number and return it in E.164 ('+31523123456') or as a short number."""
    _reject_placeholder(value)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise fout("Schrijf een telefoonnummer, bijvoorbeeld '0523 123 456'.")
    return _parse_phone_text(value.strip())


# E.164 number → its parsed form and its type, for the numbers parse_phone accepted (trust.phone_risk asks again).
_PARSED: dict[str, phonenumbers.PhoneNumber] = {}
_TYPES: dict[str, int] = {}


def phone_type(e164: str) -> int:
    """libphonenumber's number_type of a stored E.164 number (once per distinct number in this process)."""
    kind = _TYPES.get(e164)
    if kind is None:
        kind = _TYPES[e164] = phonenumbers.number_type(parsed_phone(e164))
    return kind


def parsed_phone(e164: str) -> phonenumbers.PhoneNumber:
    """A stored E.164 number, parsed (once per distinct number in this process)."""
    number = _PARSED.get(e164)
    if number is None:
        number = _PARSED[e164] = _dutch_e164(e164) or phonenumbers.parse(e164, "NL")
    return number


# The common shapes of a Dutch number, which libphonenumber's parse turns into country code 31 and the
# digits after the trunk '0' (or after '+31'): no other part of its parse applies to them (the Dutch
# numbering plan has no number that starts with 0, so the '0' is always the trunk prefix; nine digits
# are a possible length). Building that number directly skips the costliest step of the field check;
# tests/test_validate.py compares both ways over every two-digit area prefix and many random numbers.
_NATIONAL_TEN_DIGITS = re.compile(r"0[1-9](?:[ -]?[0-9]){8}")
_DUTCH_E164 = re.compile(r"\+31[1-9][0-9]{8}")


def _dutch_national(raw: str) -> phonenumbers.PhoneNumber | None:
    if not _NATIONAL_TEN_DIGITS.fullmatch(raw):
        return None
    return phonenumbers.PhoneNumber(country_code=31, national_number=int(raw[1:].replace(" ", "").replace("-", "")))


def _dutch_e164(e164: str) -> phonenumbers.PhoneNumber | None:
    return phonenumbers.PhoneNumber(country_code=31, national_number=int(e164[3:])) if _DUTCH_E164.fullmatch(e164) else None


@lru_cache(maxsize=1 << 16)
def _parse_phone_text(raw: str) -> str:
    """parse_phone of a stripped text; once per distinct text (organisations repeat their numbers, and
    libphonenumber is the costliest field check). A refused number raises, and raising is not cached."""
    number = _dutch_national(raw)
    if number is not None:
        return _valid_e164(raw, number)
    if re.search(r"[^\d\s\-().+/]", raw):
        extension = re.search(r"(?i)(toestel|tst|ext|x|#|doorkiesnummer)", raw)
        if extension:
            raise fout(f"'{raw}' bevat een toestelnummer. Zet alleen het telefoonnummer hier en het toestelnummer bij telefoon_toelichting, bijvoorbeeld 'vraag naar toestel 12'.")
        raise fout(f"'{raw}' bevat letters of tekens die niet in een telefoonnummer horen. Schrijf alleen cijfers, bijvoorbeeld '0523 123 456'; zet uitleg bij telefoon_toelichting.")
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits in _EXTRA_SHORT_NUMBERS:
        return digits
    if digits.isdigit() and len(digits) <= 6 and not digits.startswith("0"):
        try:
            short = phonenumbers.parse(digits, "NL")
        except phonenumbers.NumberParseException:  # one digit: not even a short number
            short = None
        affordable = (shortnumberinfo.ShortNumberCost.TOLL_FREE, shortnumberinfo.ShortNumberCost.STANDARD_RATE)
        if short is not None and shortnumberinfo.is_valid_short_number_for_region(short, "NL") and shortnumberinfo.expected_cost_for_region(short, "NL") in affordable:
            return digits
        raise fout(f"'{raw}' is een kort nummer dat we niet kennen of dat geld kan kosten. Schrijf het hele nummer met netnummer, bijvoorbeeld '0523 123 456'.")
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and number.extension:
        raise fout(f"'{raw}' bevat een toestelnummer. Zet alleen het telefoonnummer hier en het toestelnummer bij telefoon_toelichting.")
    return _valid_e164(raw, number)


def _valid_e164(raw: str, number: phonenumbers.PhoneNumber | None) -> str:
    # is_valid_number is number_type(number) != UNKNOWN (both match the number against its region's patterns):
    # asked once, the type is kept for trust.phone_risk
    kind = phonenumbers.number_type(number) if number is not None else phonenumbers.PhoneNumberType.UNKNOWN
    if kind == phonenumbers.PhoneNumberType.UNKNOWN:
        raise fout(
            f"'{raw}' is geen geldig Nederlands telefoonnummer. Schrijf het hele nummer met "
            "netnummer, bijvoorbeeld '0523 123 456' of '0800 2000'."
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    _PARSED.setdefault(e164, number)
    _TYPES.setdefault(e164, kind)
    return e164


# libphonenumber picks the national format of a Dutch number by a leading-digits pattern of at most two
# digits and a digit pattern per length; so every nine-digit number (the _DUTCH_E164 shape) with the same
# first two digits is grouped the same way. The grouping is taken from libphonenumber for the first such
# number and reused: formatting is a tenth of the record pages, the search data and the open data, each in
# its own process. tests/test_telefoonweergave.py compares with libphonenumber over every two-digit prefix.
_DUTCH_GROUPS: dict[str, tuple[int, ...]] = {}


def _dutch_national_format(e164: str) -> str:
    digits = "0" + e164[3:]
    groups = _DUTCH_GROUPS.get(digits[:3])
    if groups is None:
        text = phonenumbers.format_number(_dutch_e164(e164), phonenumbers.PhoneNumberFormat.NATIONAL)
        if text.replace(" ", "") != digits or "  " in text or text != text.strip():
            return text
        groups = _DUTCH_GROUPS[digits[:3]] = tuple(len(group) for group in text.split(" "))
    pieces, start = [], 0
    for length in groups:
        pieces.append(digits[start : start + length])
        start += length
    return " ".join(pieces)


@lru_cache(maxsize=1 << 16)
def format_phone(value: str) -> str:
    """Show a stored phone number the Dutch way: '0523 123 456', '0800 2000', '113'."""
    if not value.startswith("+"):
        return value
    if _DUTCH_E164.fullmatch(value):
        return _dutch_national_format(value)
    number = phonenumbers.parse(value, "NL")
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_href(value: str) -> str:
    return f"tel:{value}"


def _check_email(value: Any) -> str:
    _reject_placeholder(value)
    if isinstance(value, str) and _hidden_character(value, allow_newlines=True):  # a line break: not an address (below)
        _check_hygiene(value, MAX_REGEL, allow_newlines=True)
    if not isinstance(value, str) or not _EMAIL_RE.fullmatch(value.strip()):
        raise fout(f"'{value}' is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl.")
    return value.strip()


def _check_url(value: Any) -> str:
    _reject_placeholder(value)
    if not isinstance(value, str):
        raise fout("Schrijf een webadres dat begint met https://")
    url = value.strip()
    _check_hygiene(url, 2_000, allow_newlines=False)
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise fout(
            f"'{url}' is geen webadres dat we mogen tonen. Een webadres begint met https:// "
            "(of http://)."
        )
    if "@" in url.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        raise fout(f"'{url}' heeft een @ voor de naam van de website: zo'n link gaat naar de website na de @, niet naar wat er "
                   "vooraan lijkt te staan. Schrijf het webadres zonder naam@ ervoor, bijvoorbeeld https://www.organisatie.nl/pagina")
    if not _URL_RE.fullmatch(url):
        raise fout(f"'{url}' is geen geldig webadres. Voorbeeld: https://www.organisatie.nl/pagina")
    return url


# A GitHub user name (1-39 letters, digits or single hyphens) or a team ("organisatie/team").
ACCOUNT_PATTERN = r"^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"
_ACCOUNT_RE = re.compile(ACCOUNT_PATTERN)


def _check_account(value: Any) -> str:
    _reject_placeholder(value)
    text = value.strip() if isinstance(value, str) else ""
    if not _ACCOUNT_RE.fullmatch(text):
        raise fout(
            f"'{value}' is geen GitHub-account. Schrijf alleen de accountnaam, zonder spaties, "
            "bijvoorbeeld 'buurthuis-de-spil' (of een team: 'organisatie/team')."
        )
    return text.removeprefix("@")


def _check_postcode(value: Any) -> str:
    _reject_placeholder(value)
    text = str(value).strip().upper() if value is not None else ""
    match = re.fullmatch(r"([1-9][0-9]{3}) ?([A-Z]{2})", text)
    if not match:
        raise fout(f"'{value}' is geen geldige postcode. Schrijf het als '7771 AB'.")
    return f"{match.group(1)} {match.group(2)}"


def _check_postcodecijfers(value: Any) -> str:
    _reject_placeholder(value)
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"[1-9][0-9]{3}", text):
        raise fout(f"'{value}' zijn geen postcodecijfers. Schrijf de vier cijfers van de postcode tussen aanhalingstekens, bijvoorbeeld '7771'.")
    return text


Id = Annotated[str, BeforeValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
Regel = Annotated[str, BeforeValidator(_plain_line), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_REGEL, "pattern": "^[^<>]*$"})]
Naam = Annotated[str, BeforeValidator(_name), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_NAAM, "pattern": "^[^<>]*$"})]
Tekst = Annotated[str, BeforeValidator(_plain_text), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_TEKST})]
Getal = Annotated[int, BeforeValidator(_whole_number)]
JaNee = Annotated[bool, BeforeValidator(_ja_nee), WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]})]
Telefoon = Annotated[
    str,
    BeforeValidator(parse_phone),
    WithJsonSchema({"type": ["string", "integer"], "examples": ["0523 123 456"]}),
]
Email = Annotated[str, BeforeValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})]
Url = Annotated[str, BeforeValidator(_check_url), WithJsonSchema({"type": "string", "pattern": "^https?://"})]
Postcode = Annotated[str, BeforeValidator(_check_postcode), WithJsonSchema({"type": "string", "pattern": "^[1-9][0-9]{3} ?[A-Za-z]{2}$"})]
Postcodecijfers = Annotated[str, BeforeValidator(_check_postcodecijfers), WithJsonSchema({"type": ["string", "integer"], "pattern": "^[1-9][0-9]{3}$"})]
Account = Annotated[str, BeforeValidator(_check_account), WithJsonSchema({"type": "string", "pattern": ACCOUNT_PATTERN})]

__all__ = [
    "Account", "Email", "Getal", "Id", "JaNee", "Naam", "Postcode", "Postcodecijfers", "Regel", "Telefoon", "Tekst", "Url",
    "format_phone", "fout", "parse_phone", "phone_href",
]


def cijfers(number: str) -> str:
    """A number in one comparable form: its digits as dialled in the Netherlands (0523800100, 112)."""
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if number.strip().startswith("+31") else digits


# Words Dutch may say twice in a row ('ik weet dat dat klopt', 'maak je je zorgen'); any other word twice is a slip.
_MAG_TWEE_KEER = frozenset({"dat", "die", "had", "was", "je", "u", "zich"})
_WOORD_RE = re.compile(r"[\w'’-]+")
_LEESTEKEN_RE = re.compile(r"[.,:;!?()\[\]{}|/–—\"“”]")


def doubled_words(text: str, longest: int = 4) -> str | None:
    """The words a heading says twice in a row, or None: 'Praat met 113 Zelfmoordpreventie Zelfmoordpreventie' →
    'Zelfmoordpreventie'; '113 Zelfmoordpreventie 113 Zelfmoordpreventie' → '113 Zelfmoordpreventie' (a name pasted
    where it already stands). Compared without case; `longest` is the longest run of words looked for."""
    for part in _LEESTEKEN_RE.split(text):  # 'Gemeente Egelstede: egelstede' (a name and its id) says it twice on purpose
        words = _WOORD_RE.findall(part)
        folded = [word.casefold() for word in words]
        for size in range(1, longest + 1):
            for start in range(len(words) - 2 * size + 1):
                if folded[start:start + size] == folded[start + size:start + 2 * size]:
                    if size == 1 and folded[start] in _MAG_TWEE_KEER:
                        continue
                    return " ".join(words[start:start + size])
    return None
