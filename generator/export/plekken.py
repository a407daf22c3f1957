"""The export's view of a record: the places residents go to, and which hours belong where.

Voorzieningen and cliëntondersteuners have `locaties`; ingangen and vindplaatsen have one optional
`adres` with the hours beside it. Every export (HSDS, CSV, JSON-LD, iCalendar) reads records
through these functions, so they agree on what a place is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..models import Adres, Coordinaten
from ..openingstijden import Openingstijden

# The kinds of hours a record or place can have, and how they are named in the export.
TIJDEN: dict[str, str] = {
    "openingstijden": "Openingstijden",
    "inloop": "Inloop (zonder afspraak)",
    "telefoon": "Telefonisch bereikbaar",
}
PLEK_TIJDEN = ("openingstijden", "inloop")  # beside an address; phone hours belong to the contact


@dataclass(frozen=True)
class Plek:
    sleutel: str  # stable within its record: postcode and street, so reordering locaties keeps ids
    naam: str
    adres: Adres
    kern: Optional[str] = None
    coordinaten: Optional[Coordinaten] = None
    rolstoeltoegankelijk: Optional[bool] = None
    tijden: dict[str, Openingstijden] = field(default_factory=dict)

    @property
    def adresregel(self) -> str:
        return f"{self.adres.straat}, {self.adres.postcode} {self.adres.plaats}"


def tijden_van(owner: Any) -> dict[str, Openingstijden]:
    """{'openingstijden': ..., 'inloop': ...} for the kinds of hours `owner` has filled in."""
    fields = vars(owner)  # a model's fields; getattr with a default is slow on a model without the field (it raises inside)
    return {kind: fields[kind] for kind in PLEK_TIJDEN if fields.get(kind) is not None}


def _sleutel(adres: Adres) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{adres.postcode} {adres.straat}".casefold()).strip("-")


def plekken(record: Any) -> list[Plek]:
    """The places of a record, in the order the partner wrote them."""
    locaties = getattr(record, "locaties", None)
    if locaties:
        keys, seen = [], {}
        for locatie in locaties:  # two rooms at one address: the second gets '#2' ('#' is never in a key), so ids stay unique
            key = _sleutel(locatie.adres)
            seen[key] = seen.get(key, 0) + 1
            keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
        return [
            Plek(key, l.naam or record.naam, l.adres, l.kern, l.coordinaten, l.rolstoeltoegankelijk, tijden_van(l))
            for key, l in zip(keys, locaties)
        ]
    adres = getattr(record, "adres", None)
    if adres is not None:
        return [Plek(_sleutel(adres), record.naam, adres, getattr(record, "kern", None), tijden=tijden_van(record))]
    return []


def tijden_zonder_plek(record: Any) -> dict[str, Openingstijden]:
    """Hours of a record that has no address (a helpline): they belong to the service itself."""
    return {} if getattr(record, "adres", None) is not None else tijden_van(record)


def telefoon_tijden(contact: Any) -> Optional[Openingstijden]:
    """When the phone is answered (`contact.telefoon_tijden`), apart from opening and walk-in hours."""
    return getattr(contact, "telefoon_tijden", None)


def service_tijden(record: Any) -> dict[str, Openingstijden]:
    """The hours that belong to the service itself: those without an address, and the phone hours."""
    tijden = tijden_zonder_plek(record)
    telefoon = telefoon_tijden(record.contact)
    return tijden | {"telefoon": telefoon} if telefoon is not None else tijden
