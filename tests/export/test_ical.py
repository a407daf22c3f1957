"""The agenda.ics files: valid RFC 5545 read back by the `icalendar` library, with the same sessions,
closures and public holidays as the opening-hours model of the site."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from dateutil.rrule import rrulestr

from generator.build.urls import record_url
from generator.export.hsds import SERVICE_SOORTEN
from generator.export.ical import Agenda, agenda_tijden, escape, fold, heeft_agenda
from generator.export.hsds import HsdsExport
from generator.export.plekken import TIJDEN, plekken, tijden_zonder_plek
from generator.export.schedules import HORIZON_JAREN
from generator.openingstijden import AMSTERDAM, feestdag, to_json, tijden_op


@pytest.fixture(scope="module")
def calendars(demo, demo_site):
    """(record, raw bytes) for every record of the demo that has an agenda.ics."""
    result = []
    for soort in SERVICE_SOORTEN:
        for record in demo.records[soort].values():
            path = demo_site / record_url(soort, record.id) / "agenda.ics"
            page = (demo_site / record_url(soort, record.id) / "index.html").read_text(encoding="utf-8")
            assert path.exists() == heeft_agenda(record) == ('href="agenda.ics"' in page), (soort, record.id)
            if path.exists():
                result.append((record, path.read_bytes()))
    return result


def test_records_with_walk_in_sessions_have_a_calendar(calendars, demo):
    with_inloop = [v for v in demo.voorzieningen.values() if any("inloop" in p.tijden for p in plekken(v))]
    assert with_inloop and {v.id for v in with_inloop} <= {record.id for record, _ in calendars}


def test_files_are_valid_rfc5545_lines(calendars):
    for record, raw in calendars:
        assert raw.endswith(b"\r\n")
        lines = raw.split(b"\r\n")[:-1]
        assert all(len(line) <= 75 for line in lines), record.id
        assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
        assert b"\n" not in raw.replace(b"\r\n", b"")


def test_the_icalendar_library_reads_every_file(calendars):
    uids = set()
    for record, raw in calendars:
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        [timezone] = calendar.walk("VTIMEZONE")
        assert timezone["TZID"] == "Europe/Amsterdam"
        assert {c.name for c in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
        events = calendar.walk("VEVENT")
        assert events, record.id
        for event in events:
            assert event["UID"] not in uids
            uids.add(event["UID"])
            start = event.decoded("DTSTART")
            assert start.tzinfo is not None and start.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))
            assert event.decoded("DTEND") > start
            assert event["SUMMARY"].endswith(record.naam) or record.naam in event["SUMMARY"]


def _hours(record, event):
    """The Openingstijden an event was made from: its place (LOCATION) and kind (SUMMARY)."""
    kind = next(k for k, label in TIJDEN.items() if str(event["SUMMARY"]).startswith(label.split(" (")[0] + ":"))
    location = str(event.get("LOCATION", ""))
    for plek in plekken(record):
        if location == f"{plek.naam}, {plek.adresregel}":
            return agenda_tijden(plek.tijden)[kind]
    return agenda_tijden(tijden_zonder_plek(record))[kind]


def test_occurrences_and_exdates_agree_with_the_opening_hours_model(calendars):
    """Expand every RRULE with dateutil up to the horizon: an occurrence is left out (EXDATE) exactly
    when the site's own model says the session does not take place that day (closure, holiday)."""
    today = dt.date.today()
    horizon = dt.datetime(today.year + HORIZON_JAREN, 12, 31, 23, 59, tzinfo=AMSTERDAM)
    excluded_holidays = 0
    for record, raw in calendars:
        for event in icalendar.Calendar.from_ical(raw).walk("VEVENT"):
            if "RRULE" not in event:
                continue
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            minutes = (start.hour * 60 + start.minute, (end - start).seconds // 60 + start.hour * 60 + start.minute)
            plan = to_json(_hours(record, event))
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
            listed = event.get("EXDATE", [])
            exdates = {d.dt.date() for item in (listed if isinstance(listed, list) else [listed]) for d in item.dts}
            for moment in rule.between(start, horizon, inc=True):
                day = moment.date()
                takes_place = minutes in [tuple(r) for r in tijden_op(plan, day)]
                assert (day not in exdates) == takes_place, (record.id, day)
                excluded_holidays += day in exdates and feestdag(day) is not None
    assert excluded_holidays, "some session falls on a public holiday in the horizon"


def test_text_is_escaped_and_folded_so_the_library_reads_it_back():
    nasty = "Inloop; koffie, thee \\ en\neen nieuwe regel — één"
    line = fold("SUMMARY:" + escape(nasty * 3))
    assert all(len(part.encode("utf-8")) <= 75 for part in line.split("\r\n"))
    event = icalendar.Event.from_ical("BEGIN:VEVENT\r\n" + line + "\r\nEND:VEVENT\r\n")
    assert str(event["SUMMARY"]) == nasty * 3


def test_a_kaart_without_sessions_has_no_calendars(demo):
    agenda = Agenda(HsdsExport(demo, dt.date.today()))
    crisis = next(i for i in demo.ingangen.values() if i.dag_en_nacht)
    assert agenda.calendar("ingang", crisis) is None and not heeft_agenda(crisis)


def test_folding_fills_every_part_and_never_splits_a_character():
    """Each part of a folded line is as long as fits (75 octets, then 74 after the space), whatever
    mix of 1- to 4-octet characters the line holds; unfolded it is the line again."""
    import random

    characters = "ae;, " + "éëï" + "—€" + "😀🙂"
    rng = random.Random(14)
    for _ in range(3000):
        line = "".join(rng.choice(characters) for _ in range(rng.randint(0, 160)))
        parts = fold(line).split("\r\n ")
        assert "".join(parts) == line
        sizes = [len(part.encode("utf-8")) for part in parts]
        assert sizes[0] <= 75 and all(size <= 74 for size in sizes[1:])
        for number, part in enumerate(parts[:-1]):
            room = 75 if number == 0 else 74
            assert sizes[number] + len(parts[number + 1][0].encode("utf-8")) > room  # the next character did not fit
