"""schema.org JSON-LD for record pages, so search engines and other directories read the same facts.

A voorziening, cliëntondersteuner or ingang is a `Service` (a `GovernmentService` when the gemeente
provides it) with its provider, the area it serves, its channels (phone, web, places) and hours; a
vindplaats is a `Place`; an organisatie an `Organization`. Places carry their weekly hours as
`OpeningHoursSpecification`, closures and public holidays as specifications with `validFrom` and
`validThrough`, and sessions that are not weekly as an `Event` with an `eventSchedule`.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any, Optional

from .. import vocabulary
from ..build.urls import record_url
from ..openingstijden import Openingstijden, display_lines, feestdagen, tijden_op, to_json, weekdag_telt
from .hsds import HsdsExport
from .plekken import TIJDEN, Plek, plekken, telefoon_tijden, tijden_zonder_plek
from .schedules import Sessie, hhmm, komende_uitzonderingen, reeksen, sessies

SCHEMA_DAGEN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VOORUIT_DAGEN = 366  # public holidays closing a place are listed for the coming year


def _tijd(minutes: int) -> str:
    return "23:59" if minutes >= 24 * 60 else hhmm(minutes)


def _dagen(sessie: Sessie) -> list[str]:
    return [f"https://schema.org/{SCHEMA_DAGEN[day]}" for day in sessie.dagen]


class JsonLd:
    """JSON-LD objects for the record pages of one kaart (links absolute when the site has a site_url)."""

    def __init__(self, export: HsdsExport) -> None:
        self.export = export
        self.today = export.build_date
        self._organisations: dict[str, dict] = {}  # every service of an organisation names it as provider

    def url(self, target: str) -> str:
        return self.export.page_url(target) or "/" + target

    def record(self, soort: str, record: Any) -> dict:
        if soort == "organisatie":
            node = self.organisation(record.id)
        elif soort == "vindplaats":
            node = self.place(record, plekken(record)[0]) if plekken(record) else {"@type": "Place", "name": record.naam}
            node |= {"description": self.export.description(soort, record), "url": self.url(record_url(soort, record.id))}
            if record.contact.telefoon:
                node["telephone"] = record.contact.telefoon
        else:
            node = self.service(soort, record)
        return {"@context": "https://schema.org", **node}

    # --- organisations and services ------------------------------------------------------------

    def organisation(self, org_id: Optional[str]) -> dict:
        key = org_id or ""
        if key not in self._organisations:
            self._organisations[key] = self._organisation(key)
        return dict(self._organisations[key])

    def _organisation(self, org_id: str) -> dict:
        org = self.export.kaart.organisaties.get(org_id)
        if org is None:
            return {}
        node = {
            "@type": "GovernmentOrganization" if org.soort == "gemeente" else "Organization",
            "@id": self.url(record_url("organisatie", org.id)) + "#organisatie",
            "name": org.naam,
            "url": org.contact.website or self.url(record_url("organisatie", org.id)),
        }
        if org.samenvatting:
            node["description"] = org.samenvatting
        if org.contact.telefoon:
            node["telephone"] = org.contact.telefoon
        if org.contact.email:
            node["email"] = org.contact.email
        return node

    def service(self, soort: str, record: Any) -> dict:
        provider = self.organisation(record.organisatie)
        page = self.url(record_url(soort, record.id))
        node: dict[str, Any] = {
            "@type": "GovernmentService" if provider.get("@type") == "GovernmentOrganization" else "Service",
            "@id": page + "#dienst",
            "identifier": f"urn:uuid:{self.export.service_id(soort, record.id)}",
            "name": record.naam,
            "description": record.samenvatting,
            "url": page,
            "serviceType": vocabulary.INGANG_SOORTEN[record.soort] if soort == "ingang" else vocabulary.SOORTEN[soort][1],
            "provider": provider,
            "areaServed": [{"@type": "AdministrativeArea", "name": self.export.area_name(area)} for area in record.werkgebied],
        }
        if getattr(record, "themas", None):
            node["category"] = [vocabulary.THEMAS[t] for t in record.themas]
        if getattr(record, "doelgroepen", None):
            node["audience"] = [{"@type": "Audience", "audienceType": vocabulary.DOELGROEPEN[d]} for d in record.doelgroepen]
        gratis = soort == "clientondersteuner" or (soort == "voorziening" and record.kosten.soort == "gratis")
        if gratis:
            node["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
        node["availableChannel"] = self.channels(record)
        hours = tijden_zonder_plek(record)
        if hours:
            node["hoursAvailable"] = [spec for tijden in hours.values() for spec in self.hours(tijden)]
        return node

    def channels(self, record: Any) -> list[dict]:
        contact = record.contact
        languages = getattr(record, "talen", None)
        channels = []
        if contact.telefoon or contact.email:
            point: dict[str, Any] = {"@type": "ContactPoint", "contactType": "inwoners"}
            if contact.telefoon:
                point["telephone"] = contact.telefoon
            if contact.email:
                point["email"] = contact.email
            if contact.telefoon_toelichting:
                point["description"] = contact.telefoon_toelichting
            uren = telefoon_tijden(contact)
            if uren is not None:
                point["hoursAvailable"] = self.hours(uren)
            if languages:
                point["availableLanguage"] = languages
            channels.append({"@type": "ServiceChannel", "name": "Telefoon en e-mail", "servicePhone": point})
        if contact.whatsapp:
            channels.append({"@type": "ServiceChannel", "name": "WhatsApp", "serviceSmsNumber": {"@type": "ContactPoint", "telephone": contact.whatsapp}})
        if contact.website:
            channels.append({"@type": "ServiceChannel", "name": "Website", "serviceUrl": contact.website})
        for plek in plekken(record):
            channel = {"@type": "ServiceChannel", "name": plek.naam, "serviceLocation": self.place(record, plek)}
            if languages:
                channel["availableLanguage"] = languages
            channels.append(channel)
        return channels

    # --- places and hours --------------------------------------------------------------------------

    def place(self, record: Any, plek: Plek) -> dict:
        gemeente = self.export.gemeente_van(plek)
        address = {"@type": "PostalAddress", "streetAddress": plek.adres.straat, "postalCode": plek.adres.postcode, "addressLocality": plek.adres.plaats}
        if gemeente and gemeente.provincie:
            address["addressRegion"] = gemeente.provincie
        address["addressCountry"] = "NL"
        node: dict[str, Any] = {"@type": "Place", "name": plek.naam, "address": address}
        if plek.coordinaten:
            node["geo"] = {"@type": "GeoCoordinates", "latitude": plek.coordinaten.lat, "longitude": plek.coordinaten.lon}
        if plek.rolstoeltoegankelijk is not None:
            node["amenityFeature"] = [{"@type": "LocationFeatureSpecification", "name": "Rolstoeltoegankelijk", "value": plek.rolstoeltoegankelijk}]
        specs, events = [], []
        for kind, tijden in plek.tijden.items():
            specs.extend(self.hours(tijden, TIJDEN[kind]))
            events.extend(self.events(record, tijden, TIJDEN[kind]))
        if specs:
            node["openingHoursSpecification"] = specs
        if events:
            node["event"] = events
        return node

    def hours(self, tijden: Openingstijden, naam: Optional[str] = None) -> list[dict]:
        """Weekly hours, then the coming exceptions and public holidays that close it, as OpeningHoursSpecification."""
        specs = []
        for sessie in sessies(tijden):
            if sessie.maandweken or sessie.weken:
                continue  # not weekly: an Event with a schedule (events())
            spec = {"@type": "OpeningHoursSpecification", "dayOfWeek": _dagen(sessie), "opens": _tijd(sessie.start), "closes": _tijd(sessie.end)}
            specs.append({**spec, "name": naam} if naam else spec)
        exceptions = komende_uitzonderingen(tijden, self.today)
        for u in exceptions:
            window = {"validFrom": u.van.isoformat(), "validThrough": u.laatste.isoformat(), "description": u.reden}
            if u.tijden:
                specs.extend({"@type": "OpeningHoursSpecification", "opens": _tijd(s), "closes": _tijd(e), **window} for s, e in u.ranges())
            elif u.gesloten:
                specs.append({"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", **window})
        specs.extend(self.holiday_closures(tijden, exceptions))
        return specs

    def holiday_closures(self, tijden: Openingstijden, exceptions: list) -> list[dict]:
        if not tijden.feestdagen_gesloten:
            return []
        plan = to_json(tijden)
        closures = []
        for day, name in self.coming_holidays:
            if any(u.geldt_op(day) for u in exceptions):
                continue
            if tijden.ranges(day.weekday()) and weekdag_telt(plan, day) and not tijden_op(plan, day):
                iso = day.isoformat()
                closures.append({"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", "validFrom": iso, "validThrough": iso, "description": name})
        return closures

    @cached_property
    def coming_holidays(self) -> list[tuple[dt.date, str]]:
        """The public holidays from today through VOORUIT_DAGEN, in date order (the same for every place)."""
        end = self.today + dt.timedelta(days=VOORUIT_DAGEN)
        return [(day, name) for year in range(self.today.year, end.year + 1) for day, name in sorted(feestdagen(year).items()) if self.today <= day <= end]

    def events(self, record: Any, tijden: Openingstijden, naam: str) -> list[dict]:
        """Sessions on some weeks of the month or every other week, as an Event with a Schedule."""
        events = []
        for sessie in sessies(tijden):
            if not (sessie.maandweken or sessie.weken):
                continue
            reeks = reeksen(sessie, self.today)[0]
            schedule: dict[str, Any] = {
                "@type": "Schedule", "byDay": _dagen(sessie), "repeatFrequency": "P2W" if sessie.weken else "P1M",
                "startDate": reeks.dtstart.isoformat(), "startTime": hhmm(sessie.start), "endTime": _tijd(sessie.end),
                "scheduleTimezone": "Europe/Amsterdam",
            }
            weeks = [week for week in sessie.maandweken if week > 0]
            if weeks:
                schedule["byMonthWeek"] = weeks
            if reeks.until:
                schedule["endDate"] = reeks.until.isoformat()
            events.append({
                "@type": "Event", "name": f"{naam}: {record.naam}", "description": "; ".join(display_lines(tijden)), "eventSchedule": schedule,
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            })
        return events
