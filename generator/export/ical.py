"""iCalendar files (RFC 5545) of a record's walk-in sessions: "Zet in je agenda".

Written by hand (a few dozen lines, no runtime dependency); the tests read every file back with
the `icalendar` library and expand the rules with dateutil. A calendar holds:

- the walk-in hours (`inloop`) of every place, and opening hours that are not weekly (a monthly
  café, a fortnightly spreekuur): those are sessions residents go to; weekly office hours are not;
- one VEVENT per session and RRULE (see schedules.py), in Europe/Amsterdam time with its VTIMEZONE;
- EXDATEs for the occurrences that fall on a closure or a public holiday the place is closed on,
  up to the end of the year HORIZON_JAREN after the build, and one extra VEVENT per day with other hours.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator, Optional
from urllib.parse import urlparse

from ..build.urls import record_url
from ..openingstijden import AMSTERDAM, Openingstijden, feestdagen, tijden_op, to_json
from .hsds import HsdsExport
from .plekken import TIJDEN, Plek, plekken, tijden_zonder_plek
from .schedules import HORIZON_JAREN, Reeks, feestdagen_tekst, komende_uitzonderingen, reeksen, sessies

AGENDA_BESTAND = "agenda.ics"
MAX_UITZONDERING_DAGEN = 62  # a longer period with other hours is left to the page, not one event per day

VTIMEZONE = (
    "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


def agenda_tijden(owner: Any) -> dict[str, Openingstijden]:
    """The hours of a place or record that are sessions: walk-in hours, and hours that are not weekly."""
    return {
        kind: tijden for kind, tijden in owner.items()
        if not tijden.dag_en_nacht and (kind == "inloop" or tijden.in_de_maand or tijden.weken)
    }


def heeft_agenda(record: Any) -> bool:
    return any(agenda_tijden(plek.tijden) for plek in plekken(record)) or bool(agenda_tijden(tijden_zonder_plek(record)))


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 character: each
    part as long as fits (75 octets, 74 after the leading space of a continuation)."""
    if len(line) <= 18:  # a character is at most 4 octets
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation octet: the character starts before it
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _bijzondere_dagen(plan: dict, first: dt.date, last: dt.date) -> set[dt.date]:
    """The days from `first` to `last` whose hours an exception or a public holiday the place closes
    on may change (to_json plan); every other day has its weekday's hours."""
    days = set()
    for u in plan["uitzonderingen"]:
        day, end = max(first, dt.date.fromisoformat(u["van"])), min(last, dt.date.fromisoformat(u["tot"]))
        while day <= end:
            days.add(day)
            day += dt.timedelta(days=1)
    if plan["feestdagen"] == "gesloten":
        days.update(day for year in range(first.year, last.year + 1) for day in feestdagen(year) if first <= day <= last)
    return days


def _local(day: dt.date, minutes: int) -> str:
    moment = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc_end_of(day: dt.date) -> str:
    local = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=AMSTERDAM)
    return local.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class Agenda:
    """The .ics text per record of one kaart."""

    def __init__(self, export: HsdsExport) -> None:
        self.export = export
        self.today = export.build_date
        self.horizon = dt.date(self.today.year + HORIZON_JAREN, 12, 31)
        self.host = urlparse(export.site_url).hostname if export.site_url else "sociale-kaart"
        self.stamp = self.today.strftime("%Y%m%dT000000Z")

    def calendar(self, soort: str, record: Any) -> Optional[str]:
        """The iCalendar text for a record, or None when it has no sessions."""
        events: list[str] = []
        page = self.export.page_url(record_url(soort, record.id)) or "/" + record_url(soort, record.id)
        owners: list[tuple[Optional[Plek], dict[str, Openingstijden]]] = [(plek, agenda_tijden(plek.tijden)) for plek in plekken(record)]
        owners.append((None, agenda_tijden(tijden_zonder_plek(record))))
        for plek, hours in owners:
            for kind, tijden in hours.items():
                events.extend(self._events(soort, record, plek, kind, tijden, page))
        if not events:
            return None
        lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sociale Kaart//Open data//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            f"X-WR-CALNAME:{escape(record.naam)}", "X-WR-TIMEZONE:Europe/Amsterdam", *VTIMEZONE, *events, "END:VCALENDAR",
        ]
        return "".join(fold(line) + "\r\n" for line in lines)

    def _events(self, soort: str, record: Any, plek: Optional[Plek], kind: str, tijden: Openingstijden, page: str) -> Iterator[str]:
        label = TIJDEN[kind].split(" (")[0]
        summary = f"{label}: {record.naam}"
        description = "\n".join((record.samenvatting, feestdagen_tekst(tijden), page))
        common = ["SUMMARY:" + escape(summary), "DESCRIPTION:" + escape(description), f"URL:{page}"]
        if plek is not None:
            common.append("LOCATION:" + escape(f"{plek.naam}, {plek.adresregel}"))
            if plek.coordinaten:
                common.append(f"GEO:{plek.coordinaten.lat};{plek.coordinaten.lon}")
        uid_base = (soort, record.id, plek.sleutel if plek else "-", kind)
        plan = to_json(tijden)
        for n, sessie in enumerate(sessies(tijden)):
            for m, reeks in enumerate(reeksen(sessie, self.today)):
                yield from self._vevent(self.export.ids("ical", *uid_base, str(n), str(m)), reeks, common, self._exdates(reeks, plan))
        for n, u in enumerate(komende_uitzonderingen(tijden, self.today)):
            days = [u.van + dt.timedelta(days=i) for i in range(min((u.laatste - u.van).days + 1, MAX_UITZONDERING_DAGEN))]
            for day in days:
                for start, end in u.ranges():
                    uid = self.export.ids("ical", *uid_base, "uitzondering", str(n), day.isoformat(), str(start))
                    other = "SUMMARY:" + escape(f"{summary} (andere tijden: {u.reden.rstrip('.')})")
                    yield from self._single(uid, day, start, end, [other, *common[1:]])

    def _exdates(self, reeks: Reeks, plan: dict) -> list[str]:
        """Occurrences up to the horizon on which the session does not take place as usual.

        A session day has its weekday's hours unless an exception or a public holiday changes them
        (nu_open._dag), so only those days are looked up, not the hundred sessions of two years."""
        sessie, last = reeks.sessie, min(reeks.until or self.horizon, self.horizon)
        session = (sessie.start, sessie.end)
        if all(session in [tuple(r) for r in plan["dagen"][weekday]] for weekday in sessie.dagen):
            days: Iterable[dt.date] = [day for day in _bijzondere_dagen(plan, reeks.dtstart, last) if sessie.valt_op(day)]
        else:  # not from these hours (sessies() makes none such): every session day
            days = sessie.dagen_tussen(reeks.dtstart, last)
        return sorted(_local(day, sessie.start) for day in days if session not in [tuple(r) for r in tijden_op(plan, day)])

    def _vevent(self, uid: str, reeks: Reeks, common: list[str], exdates: list[str]) -> Iterator[str]:
        sessie = reeks.sessie
        rule = f"FREQ={sessie.freq}"
        if sessie.interval > 1:
            rule += f";INTERVAL={sessie.interval}"
        rule += f";WKST=MO;BYDAY={sessie.byday}"
        if reeks.until:
            rule += f";UNTIL={_utc_end_of(reeks.until)}"
        yield "BEGIN:VEVENT"
        yield f"UID:{uid}@{self.host}"
        yield f"DTSTAMP:{self.stamp}"
        yield f"DTSTART;TZID=Europe/Amsterdam:{_local(reeks.dtstart, sessie.start)}"
        yield f"DTEND;TZID=Europe/Amsterdam:{_local(reeks.dtstart, sessie.end)}"
        yield f"RRULE:{rule}"
        if exdates:
            yield f"EXDATE;TZID=Europe/Amsterdam:{','.join(exdates)}"
        yield from common
        yield "END:VEVENT"

    def _single(self, uid: str, day: dt.date, start: int, end: int, common: list[str]) -> Iterator[str]:
        yield "BEGIN:VEVENT"
        yield f"UID:{uid}@{self.host}"
        yield f"DTSTAMP:{self.stamp}"
        yield f"DTSTART;TZID=Europe/Amsterdam:{_local(day, start)}"
        yield f"DTEND;TZID=Europe/Amsterdam:{_local(day, end)}"
        yield from common
        yield "END:VEVENT"
