"""The extra per-record data the KCC page shows next to a search hit: kcc/kcc.json.

The KCC page searches with the site's own search (zoeken.js, the same index and ranking as the
residents' search). What the phone desk needs on top of a search card lives in this one small
file, loaded only by /kcc/, so the residents' index stays as small as it is:

    {"versie": 2,
     "organisaties": {"welzijn-egelstede": "Welzijn Egelstede", ...},
     "records": {"voorziening": {"<id>": {
         "organisatie": "<organisatie id>",
         "antwoord": "what to say (kcc.antwoord)", "doorverwijzen": "when to hand over",
         "telefoon": "0523 …"          only when the record has no phone: the organisation's,
         "bellen": {nu-open plan}       the phone hours: the only hours shown next to the number,
         "open": {nu-open plan}, "inloop": {nu-open plan},   (openingstijden.to_json), labelled as such
         "gecontroleerd": "2024-06-17",        laatst_gecontroleerd
         "algemeen": "gemeente Egelstede",  the number shown is that gemeente's general (KCC) number:
                                               the desk gets no number to pass on, it handles the question
         "gemeenten": ["egelstede"]}}},     only for some gemeenten of the regio: not a door for a caller
                                            from another gemeente's kern
     "gemeenten": {"egelstede": "Gemeente Egelstede", ...},
     "drempels": {"controleren": 12, "verouderd": 18}}    months, from generator/freshness.py

Keys without a value are left out; every active record has an entry (its check date). Records with status
`gestopt` are not in the search index, so they are not here either.

Whether a record is old is decided in the browser, on the day the KCC page is used, with the
thresholds of generator/freshness.py carried in "drempels": a site that is not rebuilt for months
still marks what has become old since.
"""

from __future__ import annotations

import json
from typing import Any

from ..build.incremental import FOLLOWED_SOORTEN
from ..fields import format_phone
from ..freshness import OUTDATED_MONTHS, WARN_MONTHS
from ..openingstijden import to_json
from ..validate import Kaart
from ..vocabulary import KCC_TEKST_ZONDER_KCC
from ..fields import cijfers

KCC_DATA_URI = "kcc/kcc.json"
VERSIE = 2  # 2: the freshness level is no longer fixed at build time (gecontroleerd + drempels)
SOORTEN_MET_KCC = ("voorziening", "vindplaats", "clientondersteuner", "ingang", "organisatie")


def hours_of(record: Any) -> tuple[Any, Any]:
    """(openingstijden, inloop) to show 'nu open' for: the record's own, else its first location that has them."""
    own = (getattr(record, "openingstijden", None), getattr(record, "inloop", None))
    if own[0] or own[1]:
        return own
    for locatie in getattr(record, "locaties", []) or []:
        if locatie.openingstijden or locatie.inloop:
            return locatie.openingstijden, locatie.inloop
    return None, None


def fallback_phone(kaart: Kaart, record: Any) -> str | None:
    """The organisation's phone, for a record that has none of its own (the search card shows the record's)."""
    contact = getattr(record, "contact", None)
    if contact is not None and contact.telefoon:
        return None
    organisatie = kaart.organisaties.get(getattr(record, "organisatie", None) or "")
    if organisatie is None or organisatie.id == record.id or not organisatie.contact.telefoon:
        return None
    return format_phone(organisatie.contact.telefoon)


def kcc_antwoord(kaart: Kaart, record: Any) -> str | None:
    """What the phone desk says about a record: its KCC answer. Record types without a `kcc` field get it from
    their data: a vindplaats what residents can ask there, an organisation its summary or what it offers."""
    if "kcc" in type(record).model_fields:
        return record.kcc.antwoord if record.kcc is not None else None
    for name in KCC_TEKST_ZONDER_KCC:
        if getattr(record, name, None):
            return getattr(record, name)
    aanbod = kaart.aanbod_per_organisatie.get(record.id, [])
    if not aanbod:
        return None
    return f"{record.naam} biedt: {', '.join(aanbod[:6])}{' en meer' if len(aanbod) > 6 else ''}. Zoek op de naam voor het nummer en de tijden."


def phone_hours(kaart: Kaart, record: Any) -> Any:
    """The hours of the number shown: the record's phone hours, or its organisation's when the number is theirs."""
    contact = getattr(record, "contact", None)
    if contact is not None and contact.telefoon:
        return contact.telefoon_tijden
    organisatie = kaart.organisaties.get(getattr(record, "organisatie", None) or "")
    return organisatie.contact.telefoon_tijden if organisatie is not None else None


def shown_phone(kaart: Kaart, record: Any) -> str | None:
    """The number /kcc/ shows for a record: its own, else its organisation's."""
    contact = getattr(record, "contact", None)
    return (contact.telefoon if contact is not None and contact.telefoon else None) or fallback_phone(kaart, record)


def general_number_of(kaart: Kaart, record: Any) -> str | None:
    """'gemeente X' when the record's shown number is that gemeente's general number (never for the KCC itself)."""
    if getattr(record, "soort", None) == "kcc":
        return None
    phone = shown_phone(kaart, record)
    return kaart.algemene_nummers.get(cijfers(phone)) if phone else None


def gemeenten_of(kaart: Kaart, record: Any) -> list[str] | None:
    """The ids of the gemeenten a record is for, when that is not every gemeente of the kaart."""
    werkgebied = getattr(record, "werkgebied", None)
    if not werkgebied:
        return None
    gemeenten = sorted({kaart.gemeente_van_kern[kern].id for kern in kaart.kernen_in(werkgebied)})
    return gemeenten if gemeenten and len(gemeenten) < len(kaart.gemeenten_by_id) else None


def record_entry(kaart: Kaart, record: Any) -> dict[str, Any]:
    kcc = getattr(record, "kcc", None)
    openingstijden, inloop = hours_of(record)
    bellen = phone_hours(kaart, record)
    organisatie = getattr(record, "organisatie", None)
    entry = {
        "organisatie": organisatie if organisatie in kaart.organisaties else None,
        "antwoord": kcc_antwoord(kaart, record),
        "doorverwijzen": kcc.doorverwijzen if kcc else None,
        "telefoon": fallback_phone(kaart, record),
        "bellen": to_json(bellen) if bellen else None,
        "open": to_json(openingstijden) if openingstijden else None,
        "inloop": to_json(inloop) if inloop else None,
        "gecontroleerd": record.laatst_gecontroleerd.isoformat(),
        "algemeen": general_number_of(kaart, record),
        "gemeenten": gemeenten_of(kaart, record),
    }
    return {key: value for key, value in entry.items() if value is not None}


def kcc_data(kaart: Kaart, reuse: Any = None) -> dict[str, Any]:
    """`reuse` (kaart serve): build.incremental.RecordResults, the entries of voorzieningen, vindplaatsen
    and cliëntondersteuners kept from the previous build (they depend on the record and on organisaties
    and ingangen only; an organisation's entry names its aanbod, so it is made again)."""
    records: dict[str, dict[str, Any]] = {}
    used_organisaties: set[str] = set()
    for soort in SOORTEN_MET_KCC:
        per_id = {}
        for record_id, record in sorted(kaart.records.get(soort, {}).items()):
            if getattr(record, "status", "actief") == "gestopt":
                continue
            if reuse is not None and soort in FOLLOWED_SOORTEN:
                entry = reuse.get(record, lambda record: record_entry(kaart, record))
            else:
                entry = record_entry(kaart, record)
            if entry:
                per_id[record_id] = entry
                used_organisaties.update([entry["organisatie"]] if "organisatie" in entry else [])
        records[soort] = per_id
    organisaties = {o: kaart.organisaties[o].naam for o in sorted(used_organisaties)}
    drempels = {"controleren": WARN_MONTHS, "verouderd": OUTDATED_MONTHS}
    gemeenten = {gemeente.id: gemeente.naam for gemeente in kaart.gebieden.gemeenten}
    return {"versie": VERSIE, "organisaties": organisaties, "records": records, "gemeenten": gemeenten, "drempels": drempels}


def kcc_data_json(kaart: Kaart, reuse: Any = None) -> str:
    return json.dumps(kcc_data(kaart, reuse), ensure_ascii=False, separators=(",", ":"))
