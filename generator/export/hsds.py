"""The kaart as HSDS 3.0 objects: services with everything nested, organizations, taxonomies.

Voorzieningen, cliëntondersteuners, ingangen and vindplaatsen all become services (a vindplaats is
"what you can ask at this school or surgery"); organisaties become organizations. How each field maps,
and what is left out and why, is the Dutch profile: docs/open-data/profiel.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from .. import vocabulary
from ..build.urls import kern_url, record_url
from ..models import Contact, Gemeente
from ..openingstijden import display_lines
from ..validate import Kaart
from .ids import Ids
from .plekken import TIJDEN, Plek, plekken, service_tijden, telefoon_tijden
from .schedules import schedule_rows
from .taxonomy import Taxonomy

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
PROFILE_PATH = "open-data/profiel/"

# Record types that become HSDS services, in the order of the export.
SERVICE_SOORTEN = ("voorziening", "clientondersteuner", "ingang", "vindplaats")

STATUS = {"actief": "active", "tijdelijk gesloten": "temporarily closed", "gestopt": "defunct"}

# Dutch language names partners write in 'talen' -> ISO 639-1 (or 639-3 where there is no 639-1 code).
TAALCODES = {
    "nederlands": "nl", "engels": "en", "duits": "de", "frans": "fr", "spaans": "es", "portugees": "pt",
    "italiaans": "it", "pools": "pl", "roemeens": "ro", "bulgaars": "bg", "hongaars": "hu", "grieks": "el",
    "russisch": "ru", "oekraïens": "uk", "oekraiens": "uk", "turks": "tr", "arabisch": "ar", "tigrinya": "ti",
    "somalisch": "so", "amhaars": "am", "farsi": "fa", "perzisch": "fa", "dari": "prs", "pasjtoe": "ps",
    "koerdisch": "ku", "urdu": "ur", "hindi": "hi", "chinees": "zh", "mandarijn": "zh", "papiaments": "pap",
    "fries": "fy", "nedersaksisch": "nds", "tamazight": "ber", "berbers": "ber", "nederlandse gebarentaal": "dse",
    "gebarentaal": "dse",
}


def paged(contents: list[dict]) -> dict:
    """An HSDS paged list holding everything on one page (a static file cannot take ?page=)."""
    return {
        "total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
        "first_page": True, "last_page": True, "empty": not contents, "contents": contents,
    }


def _tekst(*parts: Optional[str]) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


class HsdsExport:
    """HSDS objects for one kaart. `site_url` (ending in '/') makes links absolute; without it they are left out."""

    def __init__(self, kaart: Kaart, build_date: dt.date, site_url: Optional[str] = None) -> None:
        self.kaart = kaart
        self.build_date = build_date
        self.site_url = (site_url.rstrip("/") + "/") if site_url else None
        self.ids = Ids(kaart.gebieden.regio)
        self.taxonomy = Taxonomy(self.ids, self.site_url)
        self._gemeente_van_gebied = {g.id: gem for gem in kaart.gebieden.gemeenten for g in gem.gebieden}
        self._kern_van_postcode = {cijfers: kern_id for kern_id, kern in reversed(kaart.kernen.items()) for cijfers in kern.postcodes}
        self._organizations: dict[str, dict] = {}

    # --- the API's files ----------------------------------------------------------------------

    def index(self) -> dict:
        base = self.site_url or "/"
        return {"version": HSDS_VERSION, "profile": base + PROFILE_PATH, "openapi_url": OPENAPI_URL}

    def records(self) -> list[tuple[str, Any]]:
        """(soort, record) of every service, in a stable order."""
        return [(soort, self.kaart.records[soort][rid]) for soort in SERVICE_SOORTEN for rid in sorted(self.kaart.records[soort])]

    def services(self) -> list[dict]:
        return [self.service(soort, record) for soort, record in self.records()]

    def organizations(self) -> list[dict]:
        for org_id in sorted(self.kaart.organisaties):
            self.organization_for(org_id)
        for vindplaats in self.kaart.vindplaatsen.values():
            self.organization_of("vindplaats", vindplaats)
        return sorted(self._organizations.values(), key=lambda org: (org["name"].casefold(), org["id"]))

    # --- links -----------------------------------------------------------------------------------

    def page_url(self, url: str) -> Optional[str]:
        return self.site_url + url if self.site_url else None

    def service_id(self, soort: str, record_id: str) -> str:
        return self.ids("service", soort, record_id)

    # --- organizations -----------------------------------------------------------------------

    def organization_for(self, org_id: str) -> dict:
        if org_id not in self._organizations:
            org = self.kaart.organisaties[org_id]
            description = org.samenvatting or f"{vocabulary.ORGANISATIE_SOORTEN[org.soort]}: {org.naam}."
            self._organizations[org_id] = self._organization(self.ids("organization", org_id), org.naam, description, org.contact, record_url("organisatie", org_id))
        return self._organizations[org_id]

    def organization_of(self, soort: str, record: Any) -> dict:
        """The provider of a service. A vindplaats without an organisatie in the kaart (a school, a
        surgery) is its own organization."""
        if getattr(record, "organisatie", None):
            return self.organization_for(record.organisatie)
        key = f"{soort}:{record.id}"
        if key not in self._organizations:
            self._organizations[key] = self._organization(self.ids("organization", soort, record.id), record.naam, record.samenvatting, record.contact, record_url(soort, record.id))
        return self._organizations[key]

    def _organization(self, org_id: str, name: str, description: str, contact: Contact, url: str) -> dict:
        result: dict[str, Any] = {"id": org_id, "name": name, "description": description}
        if contact.email:
            result["email"] = contact.email
        if contact.website:
            result["website"] = contact.website
        if self.page_url(url):
            result["uri"] = self.page_url(url)
        result["phones"] = self.phones(("organization", org_id), contact, {"organization_id": org_id})
        return result

    # --- services -----------------------------------------------------------------------------------

    def service(self, soort: str, record: Any) -> dict:
        service_id = self.service_id(soort, record.id)
        organization = self.organization_of(soort, record)
        contact: Contact = record.contact
        result: dict[str, Any] = {
            "id": service_id,
            "organization_id": organization["id"],
            "name": record.naam,
            "description": self.description(soort, record),
        }
        if contact.website:
            result["url"] = contact.website
        if contact.email:
            result["email"] = contact.email
        status = getattr(record, "status", "actief")
        result["status"] = STATUS[status]
        result |= self.access(soort, record)
        result |= self.eligibility(soort, record)
        result["assured_date"] = record.laatst_gecontroleerd.isoformat()
        if status != "actief":
            result["alert"] = vocabulary.STATUS[status]
        owner = ("service", soort, record.id)
        result["phones"] = self.phones(owner, contact, {"service_id": service_id})
        result["schedules"] = schedule_rows(self.ids, owner, service_tijden(record), {"service_id": service_id}, TIJDEN, self.build_date)
        result["service_areas"] = self.service_areas(service_id, soort, record)
        result["service_at_locations"] = [self.service_at_location(service_id, owner, organization["id"], plek) for plek in plekken(record)]
        result["languages"] = self.languages(service_id, getattr(record, "talen", []))
        result["organization"] = organization
        result["cost_options"] = self.cost_options(service_id, soort, record)
        result["attributes"] = self.attributes(service_id, soort, record)
        return result

    def description(self, soort: str, record: Any) -> str:
        if soort == "vindplaats":
            return _tekst(record.samenvatting, f"Wat kun je hier vragen? {record.wat_kun_je_vragen}")
        if soort == "clientondersteuner":
            ervaring = "Er zijn ervaringsdeskundigen beschikbaar." if record.ervaringsdeskundigen else None
            return _tekst(record.samenvatting, record.beschrijving, f"Onafhankelijk: {record.onafhankelijkheid}", ervaring)
        return _tekst(record.samenvatting, record.beschrijving)

    def access(self, soort: str, record: Any) -> dict:
        """How to get in, and what it costs."""
        if soort == "voorziening":
            kosten = vocabulary.KOSTEN[record.kosten.soort]
            fees = f"{kosten}: {record.kosten.toelichting}" if record.kosten.toelichting else kosten
            return {"application_process": f"{vocabulary.TOEGANG[record.toegang]}. {record.aanmelden}", "fees_description": fees}
        if soort == "ingang":
            return {"application_process": record.wat_gebeurt_er}
        if soort == "clientondersteuner":
            return {"fees_description": "Gratis"}
        return {}

    def eligibility(self, soort: str, record: Any) -> dict:
        parts = []
        if getattr(record, "doelgroepen", None):
            parts.append("Voor: " + ", ".join(vocabulary.DOELGROEPEN[d].lower() if d != "iedereen" else "iedereen" for d in record.doelgroepen) + ".")
        if soort == "clientondersteuner":
            parts.append("Hulp bij vragen over: " + ", ".join(vocabulary.WETTEN[w] for w in record.wetten) + ".")
        result: dict[str, Any] = {}
        leeftijd = getattr(record, "leeftijd", None)
        if leeftijd is not None:
            if leeftijd.van is not None:
                result["minimum_age"] = leeftijd.van
                parts.append(f"Vanaf {leeftijd.van} jaar.")
            if leeftijd.tot is not None:
                result["maximum_age"] = leeftijd.tot - 1  # 'tot' excludes that age; HSDS's maximum includes it
                parts.append(f"Tot {leeftijd.tot} jaar.")
        if parts:
            result = {"eligibility_description": " ".join(parts), **result}
        return result

    def phones(self, owner: tuple[str, ...], contact: Contact, links: dict[str, str]) -> list[dict]:
        phones = []
        if contact.telefoon:
            phone = {"id": self.ids(*owner, "phone", "telefoon"), **links, "number": contact.telefoon, "type": "voice"}
            uren = telefoon_tijden(contact)
            parts = [part for part in (contact.telefoon_toelichting, "Bereikbaar: " + "; ".join(display_lines(uren)) if uren else None) if part]
            if parts:
                phone["description"] = "; ".join(parts)
            phones.append(phone)
        if contact.whatsapp:
            phones.append({"id": self.ids(*owner, "phone", "whatsapp"), **links, "number": contact.whatsapp, "type": "text", "description": "WhatsApp"})
        return phones

    def service_areas(self, service_id: str, soort: str, record: Any) -> list[dict]:
        areas = getattr(record, "werkgebied", None) or [record.kern]
        result = []
        for area in areas:
            kernen = sorted(self.kaart.kernen[k].naam for k in self.kaart.kernen_in([area]))
            item = {"id": self.ids("service_area", service_id, area), "service_id": service_id, "name": self.area_name(area)}
            if len(kernen) > 1:
                item["description"] = "Kernen: " + ", ".join(kernen) + "."
            if area in self.kaart.kernen and self.site_url:
                item["uri"] = self.site_url + kern_url(area)
            result.append(item)
        return result

    def area_name(self, area: str) -> str:
        kaart = self.kaart
        for lookup in (kaart.kernen, kaart.gebieden_by_id, kaart.gemeenten_by_id):
            if area in lookup:
                return lookup[area].naam
        return area

    def service_at_location(self, service_id: str, owner: tuple[str, ...], organization_id: str, plek: Plek) -> dict:
        sal_id = self.ids(*owner, "service_at_location", plek.sleutel)
        location = self.location(owner, organization_id, plek)
        result: dict[str, Any] = {"id": sal_id, "service_id": service_id, "location_id": location["id"]}
        if plek.kern:
            result["description"] = f"In {self.kaart.kernen[plek.kern].naam}."
        result["schedules"] = schedule_rows(self.ids, (*owner, plek.sleutel), plek.tijden, {"service_at_location_id": sal_id}, TIJDEN, self.build_date)
        result["location"] = location
        return result

    def location(self, owner: tuple[str, ...], organization_id: str, plek: Plek) -> dict:
        location_id = self.ids(*owner, "location", plek.sleutel)
        result: dict[str, Any] = {"id": location_id, "location_type": "physical", "organization_id": organization_id, "name": plek.naam}
        if plek.coordinaten:
            result["latitude"], result["longitude"] = plek.coordinaten.lat, plek.coordinaten.lon
        address = {
            "id": self.ids(*owner, "address", plek.sleutel), "location_id": location_id, "address_1": plek.adres.straat,
            "city": plek.adres.plaats,
        }
        gemeente = self.gemeente_van(plek)
        if gemeente:
            address["region"] = gemeente.naam
        address |= {"state_province": gemeente.provincie or "" if gemeente else "", "postal_code": plek.adres.postcode, "country": "NL", "address_type": "physical"}
        result["addresses"] = [address]
        if plek.rolstoeltoegankelijk is not None:
            result["accessibility"] = [{
                "id": self.ids(*owner, "accessibility", plek.sleutel), "location_id": location_id,
                "description": "Toegankelijk met een rolstoel." if plek.rolstoeltoegankelijk else "Niet toegankelijk met een rolstoel.",
            }]
        return result

    def gemeente_van(self, plek: Plek) -> Optional[Gemeente]:
        """The gemeente of a place: by its kern, else by the kern its postcode belongs to, else the only one."""
        kern = plek.kern or self._kern_van_postcode.get(plek.adres.postcode[:4])
        if kern in self.kaart.gebied_van_kern:
            return self._gemeente_van_gebied[self.kaart.gebied_van_kern[kern].id]
        gemeenten = self.kaart.gebieden.gemeenten
        return gemeenten[0] if len(gemeenten) == 1 else None

    def languages(self, service_id: str, talen: list[str]) -> list[dict]:
        result = []
        for taal in talen:
            item = {"id": self.ids("language", service_id, taal.casefold()), "service_id": service_id, "name": taal}
            code = TAALCODES.get(taal.casefold())
            if code:
                item["code"] = code
            result.append(item)
        return result

    def cost_options(self, service_id: str, soort: str, record: Any) -> list[dict]:
        kosten = getattr(record, "kosten", None)
        if soort == "clientondersteuner":
            return [{"id": self.ids("cost_option", service_id), "service_id": service_id, "option": "Gratis", "currency": "EUR", "amount": 0}]
        if kosten is None:
            return []
        option: dict[str, Any] = {"id": self.ids("cost_option", service_id), "service_id": service_id, "option": vocabulary.KOSTEN[kosten.soort], "currency": "EUR"}
        if kosten.soort == "gratis":
            option["amount"] = 0
        if kosten.toelichting:
            option["amount_description"] = kosten.toelichting
        return [option]

    def attributes(self, service_id: str, soort: str, record: Any) -> list[dict]:
        codes: list[tuple[str, str]] = [("soorten", soort)]
        if soort in ("ingang", "vindplaats"):
            codes.append((f"{soort}-soorten", record.soort))
        codes += [("themas", t) for t in getattr(record, "themas", [])]
        codes += [("doelgroepen", d) for d in getattr(record, "doelgroepen", [])]
        if soort == "voorziening":
            codes.append(("toegang", record.toegang))
        codes += [("wetten", w) for w in getattr(record, "wetten", [])]
        return [self.taxonomy.attribute(sleutel, code, service_id) for sleutel, code in codes]
