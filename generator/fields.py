"""Field types shared by all models: ids, plain text, phone numbers, e-mail, links, ja/nee.

Every validator raises `PydanticCustomError("kaart", <Dutch message>)` so that the
loader can show the partner the message with the file and line it belongs to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?([/?#][^\s<>\"']*)?$")
# Dutch short numbers the phonenumbers metadata does not know (113 Zelfmoordpreventie).
_EXTRA_SHORT_NUMBERS = {"113", "144", "116000", "116111", "116123"}
_JA = {"ja", "j", "true", "waar"}
_NEE = {"nee", "n", "false", "onwaar"}


def fout(message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the partner as it is."""
    return PydanticCustomError("kaart", message)


# What `kaart nieuw` writes where the partner still has to fill something in.
PLACEHOLDER = "VUL IN"


def _reject_placeholder(value: Any) -> None:
    if isinstance(value, str) and PLACEHOLDER in value:
        raise fout(f"Hier staat nog '{PLACEHOLDER}'. Vervang het door je eigen gegevens (de uitleg staat erboven), of haal de regel weg als het veld niet verplicht is.")


def _check_id(value: Any) -> str:
    _reject_placeholder(value)
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise fout(
            f"'{value}' is geen geldige id. Gebruik alleen kleine letters, cijfers en "
            "streepjes, bijvoorbeeld 'buurthuis-de-spil'."
        )
    return value


def _plain_line(value: Any) -> str:
    _reject_placeholder(value)
    if not isinstance(value, str):
        raise fout("Hier hoort tekst te staan.")
    value = " ".join(value.split())
    if not value:
        raise fout("Dit veld is leeg. Vul een tekst in of haal het veld weg.")
    if "<" in value or ">" in value:
        raise fout("Gebruik geen < of > in deze tekst; het is gewone tekst zonder opmaak.")
    return value


def _plain_text(value: Any) -> str:
    _reject_placeholder(value)
    if not isinstance(value, str):
        raise fout("Hier hoort tekst te staan.")
    if not value.strip():
        raise fout("Dit veld is leeg. Vul een tekst in of haal het veld weg.")
    return value.strip()


def _ja_nee(value: Any) -> Any:
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
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise fout("Schrijf een telefoonnummer, bijvoorbeeld '0523 123 456'.")
    raw = value.strip()
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits in _EXTRA_SHORT_NUMBERS:
        return digits
    if digits.isdigit() and len(digits) <= 6:
        short = phonenumbers.parse(digits, "NL")
        if shortnumberinfo.is_valid_short_number_for_region(short, "NL"):
            return digits
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise fout(
            f"'{raw}' is geen geldig Nederlands telefoonnummer. Schrijf het hele nummer met "
            "netnummer, bijvoorbeeld '0523 123 456' of '0800 2000'."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=4096)
def format_phone(value: str) -> str:
    """Show a stored phone number the Dutch way: '0523 123 456', '0800 2000', '113'."""
    if not value.startswith("+"):
        return value
    number = phonenumbers.parse(value, "NL")
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_href(value: str) -> str:
    return f"tel:{value}"


def _check_email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL_RE.match(value.strip()):
        raise fout(f"'{value}' is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl.")
    return value.strip()


def _check_url(value: Any) -> str:
    if not isinstance(value, str):
        raise fout("Schrijf een webadres dat begint met https://")
    url = value.strip()
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise fout(
            f"'{url}' is geen webadres dat we mogen tonen. Een webadres begint met https:// "
            "(of http://)."
        )
    if not _URL_RE.match(url):
        raise fout(f"'{url}' is geen geldig webadres. Voorbeeld: https://www.organisatie.nl/pagina")
    return url


# A GitHub user name (1-39 letters, digits or single hyphens) or a team ("organisatie/team").
ACCOUNT_PATTERN = r"^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"
_ACCOUNT_RE = re.compile(ACCOUNT_PATTERN)


def _check_account(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not _ACCOUNT_RE.match(text):
        raise fout(
            f"'{value}' is geen GitHub-account. Schrijf alleen de accountnaam, zonder spaties, "
            "bijvoorbeeld 'buurthuis-de-spil' (of een team: 'organisatie/team')."
        )
    return text.removeprefix("@")


def _check_postcode(value: Any) -> str:
    text = str(value).strip().upper() if value is not None else ""
    match = re.fullmatch(r"([1-9][0-9]{3}) ?([A-Z]{2})", text)
    if not match:
        raise fout(f"'{value}' is geen geldige postcode. Schrijf het als '7771 AB'.")
    return f"{match.group(1)} {match.group(2)}"


def _check_postcodecijfers(value: Any) -> str:
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"[1-9][0-9]{3}", text):
        raise fout(f"'{value}' zijn geen postcodecijfers. Schrijf de vier cijfers van de postcode tussen aanhalingstekens, bijvoorbeeld '7771'.")
    return text


Id = Annotated[str, BeforeValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
Regel = Annotated[str, BeforeValidator(_plain_line), WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^[^<>]*$"})]
Tekst = Annotated[str, BeforeValidator(_plain_text), WithJsonSchema({"type": "string", "minLength": 1})]
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
    "Account", "Email", "Id", "JaNee", "Postcode", "Postcodecijfers", "Regel", "Telefoon", "Tekst", "Url",
    "format_phone", "fout", "parse_phone", "phone_href",
]
