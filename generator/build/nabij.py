"""Where places are, for "near you first" lists and the OpenStreetMap link next to every address.

A record's places are its locations (voorziening, cliëntondersteuner) or its kern (vindplaats), each
at its own `coordinaten` or else at the centre of its kern (gebieden.yaml). Cards carry them as
data-sk-plek="lat,lon lat,lon"; assets/js/dichtbij.js puts the cards near the resident's kern first.
Nothing is fetched from a map server: the OpenStreetMap link is a plain link the resident may follow.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..models import Adres, Coordinaten
from ..validate import Kaart

OSM = "https://www.openstreetmap.org/"


def plekken(kaart: Kaart, record: Any) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for locatie in getattr(record, "locaties", None) or []:
        where = locatie.coordinaten or kaart.kernen[locatie.kern].coordinaten
        if where is not None:
            points.append((where.lat, where.lon))
    kern = getattr(record, "kern", None)
    if kern and kern in kaart.kernen and kaart.kernen[kern].coordinaten:
        where = kaart.kernen[kern].coordinaten
        points.append((where.lat, where.lon))
    return points


def plek_attribuut(kaart: Kaart, record: Any) -> str:
    """'52.6012,6.8488 52.58,6.6' for data-sk-plek, '' when the record has no place."""
    return " ".join(f"{lat:g},{lon:g}" for lat, lon in plekken(kaart, record))


def osm_url(adres: Adres, coordinaten: Coordinaten | None = None) -> str:
    """A link to the place on openstreetmap.org: a marker at the coordinates, or a search for the address."""
    if coordinaten is not None:
        lat, lon = f"{coordinaten.lat:g}", f"{coordinaten.lon:g}"
        return f"{OSM}?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    return f"{OSM}search?query={quote(f'{adres.straat}, {adres.postcode} {adres.plaats}')}"
