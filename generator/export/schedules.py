"""Opening hours as recurring sessions (iCalendar RRULE terms), and as HSDS schedule rows.

The same sessions feed the HSDS export, the iCalendar files and schema.org, so all three say the same:

- weekly hours                   FREQ=WEEKLY, BYDAY=MO,TU        ('ma: 9.00-12.00', 'di: 9.00-12.00')
- in_de_maand: [eerste]          FREQ=MONTHLY, BYDAY=1SA          (the first Saturday of the month)
- weken: even | oneven           FREQ=WEEKLY, INTERVAL=2, WKST=MO from a DTSTART in a week of that parity

"Every other week" follows the ISO week number, as municipalities count "even weken". A year with
53 ISO weeks breaks the rhythm (week 53 and the next week 1 are both odd), so such hours become one
RRULE per stretch of years between two 53-week years, each with its own DTSTART and UNTIL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from ..openingstijden import Openingstijden, Uitzondering, display_lines, weekdag_telt
from ..vocabulary import IN_DE_MAAND

ICAL_DAGEN = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
HORIZON_JAREN = 2  # parity stretches reach at least this many years past the build year (as the public holidays)


def hhmm(minutes: int) -> str:
    """540 -> '09:00'; the end of the day stays '24:00' (ISO 8601's end of day)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Sessie:
    """One time range on some weekdays, every week, every other week or on some weeks of the month."""

    dagen: tuple[int, ...]  # 0 = Monday
    start: int  # minutes after midnight
    end: int
    maandweken: tuple[int, ...] = ()  # IN_DE_MAAND numbers: 1..4, -1 = the last
    weken: Optional[str] = None  # 'even' | 'oneven'

    @property
    def freq(self) -> str:
        return "MONTHLY" if self.maandweken else "WEEKLY"

    @property
    def interval(self) -> int:
        return 2 if self.weken else 1

    @property
    def byday(self) -> str:
        codes = [ICAL_DAGEN[day] for day in self.dagen]
        if self.maandweken:
            return ",".join(f"{week}{code}" for week in self.maandweken for code in codes)
        return ",".join(codes)

    def valt_op(self, day: dt.date) -> bool:
        """Whether the session takes place on `day` (before exceptions and public holidays)."""
        plan = {"in_de_maand": list(self.maandweken), "weken": self.weken}
        return day.weekday() in self.dagen and weekdag_telt(plan, day)

    def dagen_tussen(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """The days from `first` to `last` (inclusive) with this session, weekday by weekday."""
        plan = {"in_de_maand": list(self.maandweken), "weken": self.weken}
        for weekday in self.dagen:
            day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
            while day <= last:
                if weekdag_telt(plan, day):
                    yield day
                day += dt.timedelta(days=7)

    def eerste_dag(self, vanaf: dt.date) -> dt.date:
        """The first day on or after `vanaf` with this session (a monthly one is at most five weeks away)."""
        for offset in range(63):
            day = vanaf + dt.timedelta(days=offset)
            if self.valt_op(day):
                return day
        raise ValueError(f"no day with {self} after {vanaf}")


def sessies(tijden: Openingstijden) -> list[Sessie]:
    """The sessions of a set of hours: weekdays with the same ranges grouped, one session per range."""
    groups: dict[tuple, list[int]] = {}
    for index in range(7):
        ranges = tuple(tijden.ranges(index))
        if ranges:
            groups.setdefault(ranges, []).append(index)
    maandweken = tuple(IN_DE_MAAND[week] for week in tijden.in_de_maand)
    return [Sessie(tuple(days), start, end, maandweken, tijden.weken) for ranges, days in groups.items() for start, end in ranges]


def iso_weken(year: int) -> int:
    """52 or 53: the number of ISO weeks in `year` (28 December always lies in its last week)."""
    return dt.date(year, 12, 28).isocalendar().week


def pariteit_perioden(first_year: int, last_year: int) -> list[tuple[dt.date, dt.date]]:
    """Stretches of ISO years in which 'every other week' keeps its rhythm, from the first ISO week of
    `first_year` to the end of the first 53-week year on or after `last_year`."""
    perioden = []
    start, year = dt.date.fromisocalendar(first_year, 1, 1), first_year
    while True:
        if iso_weken(year) == 53:
            end = dt.date.fromisocalendar(year, 53, 7)
            perioden.append((start, end))
            if year >= last_year:
                return perioden
            start = end + dt.timedelta(days=1)
        year += 1


@dataclass(frozen=True)
class Reeks:
    """One RRULE: `sessie` from `dtstart` on, until `until` (None: no end) within `geldig` (first, last day)."""

    sessie: Sessie
    dtstart: dt.date
    until: Optional[dt.date] = None
    geldig: Optional[tuple[dt.date, dt.date]] = None


def reeksen(sessie: Sessie, vanaf: dt.date) -> list[Reeks]:
    """The RRULEs of a session from `vanaf` on: one, or one per parity stretch for 'every other week'."""
    if not sessie.weken:
        return [Reeks(sessie, sessie.eerste_dag(vanaf))]
    result = []
    for start, end in pariteit_perioden(vanaf.isocalendar().year, vanaf.year + HORIZON_JAREN):
        if end < vanaf:
            continue
        first = sessie.eerste_dag(max(start, vanaf))
        if first <= end:
            result.append(Reeks(sessie, first, end, (start, end)))
    return result


def iso_jaar_begin(day: dt.date) -> dt.date:
    """The Monday of ISO week 1 of `day`'s ISO year: where stable exports start their rules."""
    return dt.date.fromisocalendar(day.isocalendar().year, 1, 1)


def komende_uitzonderingen(tijden: Openingstijden, vanaf: dt.date) -> list[Uitzondering]:
    return sorted((u for u in tijden.uitzonderingen if u.laatste >= vanaf), key=lambda u: u.van)


def feestdagen_tekst(tijden: Openingstijden) -> str:
    if tijden.dag_en_nacht:
        return "Ook op feestdagen bereikbaar."
    if tijden.feestdagen_gesloten:
        return (
            "Gesloten op Nederlandse feestdagen: Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag, "
            "Bevrijdingsdag, Hemelvaartsdag, Pinksteren en Kerstmis (tenzij een uitzondering iets anders zegt)."
        )
    return "Op feestdagen gewoon open."


# --- HSDS schedule rows --------------------------------------------------------------------------


def schedule_rows(
    ids: Callable[..., str], owner: tuple[str, ...], tijden_per_soort: dict[str, Openingstijden], links: dict[str, str],
    labels: dict[str, str], build_date: dt.date,
) -> list[dict]:
    """HSDS schedules for every kind of hours of one service or service at a location.

    `owner` is the id path of the service or place, `links` the foreign keys every row carries
    (service_id or service_at_location_id). Regular sessions start at the first ISO week of the
    build year, so the rows do not change from build to build within a year; exceptions that are
    over on the build date are left out.
    """
    rows: list[dict] = []
    start = iso_jaar_begin(build_date)
    for kind, tijden in tijden_per_soort.items():
        label = labels[kind]
        common = {**links, "attending_type": label, "notes": "Tijden zijn plaatselijke tijd in Nederland (Europe/Amsterdam). " + feestdagen_tekst(tijden)}
        description = f"{label}: " + "; ".join(display_lines(tijden))
        for n, sessie in enumerate(sessies(tijden)):
            for m, reeks in enumerate(reeksen(sessie, start)):
                row = {"id": ids(*owner, "schedule", kind, str(n), str(m)), **common}
                if reeks.geldig:
                    row["valid_from"], row["valid_to"] = (day.isoformat() for day in reeks.geldig)
                row |= {"dtstart": reeks.dtstart.isoformat(), "freq": sessie.freq, "wkst": "MO", "interval": sessie.interval, "byday": sessie.byday}
                if reeks.until:
                    row["until"] = reeks.until.isoformat()
                row |= {"opens_at": hhmm(sessie.start), "closes_at": hhmm(sessie.end), "description": description}
                rows.append(row)
        for n, uitzondering in enumerate(komende_uitzonderingen(tijden, build_date)):
            row_id = lambda part, n=n, kind=kind: ids(*owner, "schedule", kind, "uitzondering", str(n), str(part))  # noqa: E731
            rows.extend(_uitzondering_rows(row_id, uitzondering, common))
    return rows


def _uitzondering_rows(row_id: Callable[[int], str], u: Uitzondering, common: dict) -> list[dict]:
    """A closure is a row with only a validity window; other hours that day(s) a row per time range."""
    window = {"valid_from": u.van.isoformat(), "valid_to": u.laatste.isoformat()}
    reden = u.reden.rstrip(".")
    if u.tijden:
        return [
            {"id": row_id(index), **common, **window, "opens_at": hhmm(s), "closes_at": hhmm(e), "description": f"Andere tijden: {reden}"}
            for index, (s, e) in enumerate(u.ranges())
        ]
    if u.gesloten:
        return [{"id": row_id(0), **common, **window, "description": f"Gesloten: {reden}"}]
    return [{"id": row_id(0), **common, **window, "description": f"Gewoon open, ook op een feestdag: {reden}"}]
