"""Opening hours: parsing, Dutch validation messages, display, public holidays and "nu open".

MOMENTEN (sample, UTC moment, open?, text) is also the parity table for tests/test_nu_open_js.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.load import parse_yaml
from generator.openingstijden import (
    AMSTERDAM, Openingstijden, Status, display_lines, feestdag, feestdagen, feestdagen_json, nu_open_json, pasen,
    status_op, to_json, uitzondering_lines,
)

# --- sample opening hours (also used by the JS parity test) -------------------------------------

KANTOOR = {
    "ma": "9.00-17.00", "di": "9.00-12.00, 13.00-17.00", "wo": "9.00-17.00",
    "do": "9.00-12.00, 13.00-17.00", "vr": "9.00-17.00", "za": "gesloten", "zo": "gesloten",
}
VOORBEELDEN: dict[str, dict] = {
    "kantoor": KANTOOR,
    # Friday and Saturday night until 2.00: written as two days each.
    "nacht": {"vr": "20.00-24.00", "za": "0.00-2.00, 20.00-24.00", "zo": "0.00-2.00"},
    # Ends at 24.00 with nothing the next day.
    "avond": {"wo": "18.00-24.00"},
    "bieb": {"ma": "10.00-17.00", "di": "10.00-17.00", "wo": "10.00-17.00", "do": "10.00-17.00",
             "vr": "10.00-17.00", "za": "10.00-14.00"},
    "elke-dag-feestdagen-open": {day: "10.00-16.00" for day in ("ma", "di", "wo", "do", "vr", "za", "zo")} | {"feestdagen": "open"},
    "kantoor-met-uitzonderingen": KANTOOR | {"uitzonderingen": [
        {"van": "2026-12-28", "tot": "2026-12-30", "reden": "Kerstsluiting."},
        {"van": "2026-12-31", "tijden": "9.00-12.00", "reden": "Oudejaarsdag"},
        {"van": "2026-05-05", "gesloten": "nee", "reden": "Bevrijdingsdag gewoon open"},
    ]},
    "inloop-zomerstop": {"di": "9.00-11.00", "uitzonderingen": [
        {"van": "2026-07-01", "tot": "2026-08-31", "reden": "Zomerstop"},
    ]},
    "dag-en-nacht": {"dag_en_nacht": "ja"},
    "dag-en-nacht-onderhoud": {"dag_en_nacht": "ja", "uitzonderingen": [
        {"van": "2026-06-10", "reden": "Onderhoud aan de telefooncentrale"},
    ]},
    # Only on some weekdays of the month.
    "eerste-maandag": {"ma": "19.00-20.30", "in_de_maand": ["eerste"]},
    "eerste-en-derde-dinsdag": {"di": "9.00-11.00", "in_de_maand": ["eerste", "derde"]},
    "laatste-dinsdag": {"di": "14.00-16.00", "za": "gesloten", "in_de_maand": ["laatste"]},
    # Every other week, by ISO week number.
    "oneven-dinsdag": {"di": "10.00-12.00", "weken": "oneven"},
    "even-donderdag": {"do": "13.00-15.00", "za": "gesloten", "weken": "even"},
}

# (sample, moment in UTC, open, text). Summer: local = UTC+2; winter: local = UTC+1.
MOMENTEN: list[tuple[str, str, bool, str]] = [
    # ordinary week (Monday 1 June 2026)
    ("kantoor", "2026-06-01T06:30:00Z", False, "Gesloten, opent vandaag om 9.00 uur"),
    ("kantoor", "2026-06-01T07:00:00Z", True, "Nu open, tot 17.00 uur"),
    ("kantoor", "2026-06-01T14:59:59Z", True, "Nu open, tot 17.00 uur"),
    ("kantoor", "2026-06-01T15:00:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    ("kantoor", "2026-06-02T08:00:00Z", True, "Nu open, tot 12.00 uur"),
    ("kantoor", "2026-06-02T10:30:00Z", False, "Gesloten, opent vandaag om 13.00 uur"),
    ("kantoor", "2026-06-02T11:00:00Z", True, "Nu open, tot 17.00 uur"),
    ("kantoor", "2026-06-02T22:30:00Z", False, "Gesloten, opent vandaag om 9.00 uur"),  # 0.30 on Wednesday
    ("kantoor", "2026-06-05T15:30:00Z", False, "Gesloten, opent maandag om 9.00 uur"),
    ("kantoor", "2026-06-06T10:00:00Z", False, "Gesloten, opent maandag om 9.00 uur"),
    ("kantoor", "2026-06-07T21:59:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    # holidays
    ("kantoor", "2026-04-27T08:00:00Z", False, "Gesloten vanwege Koningsdag, opent morgen om 9.00 uur"),
    ("kantoor", "2026-05-13T16:00:00Z", False, "Gesloten, opent vrijdag om 9.00 uur"),
    ("kantoor", "2026-12-24T16:00:00Z", False, "Gesloten, opent maandag om 9.00 uur"),
    ("kantoor", "2026-12-31T16:00:00Z", False, "Gesloten, opent maandag om 9.00 uur"),
    ("bieb", "2026-12-24T11:00:00Z", True, "Nu open, tot 17.00 uur"),
    ("bieb", "2026-12-25T10:00:00Z", False, "Gesloten vanwege Eerste Kerstdag, opent maandag om 10.00 uur"),
    ("bieb", "2026-12-26T10:00:00Z", False, "Gesloten vanwege Tweede Kerstdag, opent maandag om 10.00 uur"),
    ("bieb", "2026-12-27T10:00:00Z", False, "Gesloten, opent morgen om 10.00 uur"),
    ("elke-dag-feestdagen-open", "2026-12-26T10:00:00Z", True, "Nu open, tot 16.00 uur"),
    ("elke-dag-feestdagen-open", "2026-12-26T16:00:00Z", False, "Gesloten, opent morgen om 10.00 uur"),
    # exceptions
    ("kantoor-met-uitzonderingen", "2026-12-29T09:00:00Z", False, "Tijdelijk gesloten: Kerstsluiting, opent donderdag om 9.00 uur"),
    ("kantoor-met-uitzonderingen", "2026-12-24T16:00:00Z", False, "Gesloten, opent donderdag 31 december om 9.00 uur"),
    ("kantoor-met-uitzonderingen", "2026-12-31T09:00:00Z", True, "Nu open, tot 12.00 uur"),
    ("kantoor-met-uitzonderingen", "2026-12-31T12:00:00Z", False, "Gesloten, opent maandag om 9.00 uur"),
    ("kantoor-met-uitzonderingen", "2026-05-05T08:00:00Z", True, "Nu open, tot 12.00 uur"),
    ("kantoor-met-uitzonderingen", "2026-05-04T16:00:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    ("inloop-zomerstop", "2026-06-23T10:00:00Z", False, "Gesloten, opent dinsdag 30 juni om 9.00 uur"),
    ("inloop-zomerstop", "2026-06-30T08:00:00Z", True, "Nu open, tot 11.00 uur"),
    ("inloop-zomerstop", "2026-06-30T10:00:00Z", False, "Gesloten"),
    ("inloop-zomerstop", "2026-07-15T08:00:00Z", False, "Tijdelijk gesloten: Zomerstop"),
    ("inloop-zomerstop", "2026-08-25T08:00:00Z", False, "Tijdelijk gesloten: Zomerstop, opent dinsdag 1 september om 9.00 uur"),
    ("inloop-zomerstop", "2026-08-18T10:00:00Z", False, "Tijdelijk gesloten: Zomerstop, opent dinsdag 1 september om 9.00 uur"),  # 14 days
    ("inloop-zomerstop", "2026-08-17T10:00:00Z", False, "Tijdelijk gesloten: Zomerstop, opent dinsdag 1 september om 9.00 uur"),  # 15 days
    ("inloop-zomerstop", "2026-07-28T10:00:00Z", False, "Tijdelijk gesloten: Zomerstop, opent dinsdag 1 september om 9.00 uur"),  # 35 days
    ("inloop-zomerstop", "2026-07-27T10:00:00Z", False, "Tijdelijk gesloten: Zomerstop"),  # 36 days: too far ahead
    # ranges until 24.00
    ("nacht", "2026-06-05T19:00:00Z", True, "Nu open, tot morgen 2.00 uur"),
    ("nacht", "2026-06-05T23:00:00Z", True, "Nu open, tot 2.00 uur"),
    ("nacht", "2026-06-06T00:00:00Z", False, "Gesloten, opent vandaag om 20.00 uur"),
    ("nacht", "2026-06-07T10:00:00Z", False, "Gesloten, opent vrijdag om 20.00 uur"),
    ("avond", "2026-06-03T21:00:00Z", True, "Nu open, tot 24.00 uur"),
    ("avond", "2026-06-03T15:00:00Z", False, "Gesloten, opent vandaag om 18.00 uur"),
    ("avond", "2026-06-03T22:00:00Z", False, "Gesloten, opent woensdag om 18.00 uur"),
    # daylight saving time: 29 March 2026 (2.00 -> 3.00) and 25 October 2026 (3.00 -> 2.00)
    ("kantoor", "2026-03-29T01:00:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    ("kantoor", "2026-03-30T06:59:00Z", False, "Gesloten, opent vandaag om 9.00 uur"),
    ("kantoor", "2026-03-30T07:00:00Z", True, "Nu open, tot 17.00 uur"),  # 9.00 summer time
    ("kantoor", "2026-03-30T14:59:00Z", True, "Nu open, tot 17.00 uur"),
    ("kantoor", "2026-03-30T15:00:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    ("kantoor", "2026-10-26T07:30:00Z", False, "Gesloten, opent vandaag om 9.00 uur"),  # 8.30 winter time
    ("kantoor", "2026-10-26T08:00:00Z", True, "Nu open, tot 17.00 uur"),
    ("kantoor", "2026-10-26T16:00:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    ("nacht", "2026-03-29T00:30:00Z", True, "Nu open, tot 2.00 uur"),  # 1.30 winter time
    # 3.00 summer time; Friday 3 April is Goede Vrijdag, so only the hours after midnight remain
    ("nacht", "2026-03-29T01:00:00Z", False, "Gesloten, opent zaterdag om 0.00 uur"),
    ("nacht", "2026-10-24T23:30:00Z", True, "Nu open, tot 2.00 uur"),  # 1.30 summer time
    ("nacht", "2026-10-25T00:30:00Z", False, "Gesloten, opent vrijdag om 20.00 uur"),  # 2.30 summer time
    ("nacht", "2026-10-25T01:30:00Z", False, "Gesloten, opent vrijdag om 20.00 uur"),  # 2.30 winter time
    # 24/7
    ("dag-en-nacht", "2026-06-01T12:00:00Z", True, "24 uur per dag bereikbaar"),
    ("dag-en-nacht", "2026-12-25T03:00:00Z", True, "24 uur per dag bereikbaar"),
    ("dag-en-nacht", "2026-03-29T01:30:00Z", True, "24 uur per dag bereikbaar"),
    ("dag-en-nacht-onderhoud", "2026-05-26T10:00:00Z", True, "24 uur per dag bereikbaar"),  # closing more than 14 days ahead
    ("dag-en-nacht-onderhoud", "2026-05-27T10:00:00Z", True, "Nu open, tot dinsdag 9 juni 24.00 uur"),
    ("dag-en-nacht-onderhoud", "2026-06-01T10:00:00Z", True, "Nu open, tot dinsdag 9 juni 24.00 uur"),
    ("dag-en-nacht-onderhoud", "2026-06-09T10:00:00Z", True, "Nu open, tot 24.00 uur"),
    ("dag-en-nacht-onderhoud", "2026-06-10T10:00:00Z", False, "Tijdelijk gesloten: Onderhoud aan de telefooncentrale, opent morgen om 0.00 uur"),
    ("dag-en-nacht-onderhoud", "2026-06-10T22:30:00Z", True, "24 uur per dag bereikbaar"),
    # first Monday of the month (June 2026: Mondays 1, 8, 15, 22 and 29; July: 6)
    ("eerste-maandag", "2026-06-01T16:00:00Z", False, "Gesloten, opent vandaag om 19.00 uur"),
    ("eerste-maandag", "2026-06-01T17:30:00Z", True, "Nu open, tot 20.30 uur"),
    ("eerste-maandag", "2026-06-01T18:30:00Z", False, "Gesloten, opent maandag 6 juli om 19.00 uur"),  # 35 days ahead
    ("eerste-maandag", "2026-06-08T17:30:00Z", False, "Gesloten, opent maandag 6 juli om 19.00 uur"),  # second Monday: not open
    ("eerste-maandag", "2026-06-21T17:30:00Z", False, "Gesloten, opent maandag 6 juli om 19.00 uur"),  # 15 days before 6 July
    ("eerste-maandag", "2026-06-22T17:30:00Z", False, "Gesloten, opent maandag 6 juli om 19.00 uur"),  # 14 days
    ("eerste-maandag", "2026-06-29T17:30:00Z", False, "Gesloten, opent maandag 6 juli om 19.00 uur"),  # fifth Monday
    ("eerste-maandag", "2026-07-05T10:00:00Z", False, "Gesloten, opent morgen om 19.00 uur"),
    ("eerste-maandag", "2026-04-06T17:30:00Z", False, "Gesloten vanwege Tweede Paasdag, opent maandag 4 mei om 19.00 uur"),  # first Monday of April
    # across the end of summer time on 25 October 2026: first Monday of November is the 2nd
    ("eerste-maandag", "2026-10-24T12:00:00Z", False, "Gesloten, opent maandag 2 november om 19.00 uur"),
    ("eerste-maandag", "2026-10-26T18:30:00Z", False, "Gesloten, opent maandag 2 november om 19.00 uur"),
    ("eerste-maandag", "2026-11-02T17:59:00Z", False, "Gesloten, opent vandaag om 19.00 uur"),  # 18.59 winter time
    ("eerste-maandag", "2026-11-02T18:00:00Z", True, "Nu open, tot 20.30 uur"),
    # first and third Tuesday (August 2026: 4, 11, 18, 25; September: 1, 8, 15, 22, 29)
    ("eerste-en-derde-dinsdag", "2026-08-10T10:00:00Z", False, "Gesloten, opent dinsdag 18 augustus om 9.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-08-18T07:30:00Z", True, "Nu open, tot 11.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-08-18T09:00:00Z", False, "Gesloten, opent dinsdag 1 september om 9.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-08-25T07:30:00Z", False, "Gesloten, opent dinsdag 1 september om 9.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-09-01T09:00:00Z", False, "Gesloten, opent dinsdag 15 september om 9.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-09-08T07:30:00Z", False, "Gesloten, opent dinsdag 15 september om 9.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-09-14T07:30:00Z", False, "Gesloten, opent morgen om 9.00 uur"),
    # across the start of summer time on 29 March 2026 (Tuesdays 3, 10, 17, 24, 31 March; 7 April)
    ("eerste-en-derde-dinsdag", "2026-03-17T08:00:00Z", True, "Nu open, tot 11.00 uur"),  # 9.00 winter time
    ("eerste-en-derde-dinsdag", "2026-03-26T12:00:00Z", False, "Gesloten, opent dinsdag 7 april om 9.00 uur"),
    ("eerste-en-derde-dinsdag", "2026-04-07T07:00:00Z", True, "Nu open, tot 11.00 uur"),  # 9.00 summer time
    # last Tuesday: August 2026 has four Tuesdays, September and March five
    ("laatste-dinsdag", "2026-08-18T12:30:00Z", False, "Gesloten, opent dinsdag 25 augustus om 14.00 uur"),
    ("laatste-dinsdag", "2026-08-25T12:30:00Z", True, "Nu open, tot 16.00 uur"),
    ("laatste-dinsdag", "2026-09-22T12:30:00Z", False, "Gesloten, opent dinsdag 29 september om 14.00 uur"),  # fourth of five
    ("laatste-dinsdag", "2026-09-29T12:30:00Z", True, "Nu open, tot 16.00 uur"),
    ("laatste-dinsdag", "2026-03-24T13:30:00Z", False, "Gesloten, opent dinsdag 31 maart om 14.00 uur"),  # over the DST change
    ("laatste-dinsdag", "2026-03-31T11:59:00Z", False, "Gesloten, opent vandaag om 14.00 uur"),  # 13.59 summer time
    ("laatste-dinsdag", "2026-03-31T12:00:00Z", True, "Nu open, tot 16.00 uur"),
    ("laatste-dinsdag", "2026-12-29T13:30:00Z", True, "Nu open, tot 16.00 uur"),
    ("laatste-dinsdag", "2027-01-20T12:00:00Z", False, "Gesloten, opent dinsdag om 14.00 uur"),  # 26 January
    # odd ISO weeks: Tuesdays 3 (45), 10 (46), 17 November 2026 (47)
    ("oneven-dinsdag", "2026-11-03T09:30:00Z", True, "Nu open, tot 12.00 uur"),
    ("oneven-dinsdag", "2026-11-03T11:30:00Z", False, "Gesloten, opent dinsdag 17 november om 10.00 uur"),  # two weeks
    ("oneven-dinsdag", "2026-11-10T09:30:00Z", False, "Gesloten, opent dinsdag 17 november om 10.00 uur"),  # even week
    ("oneven-dinsdag", "2026-11-16T12:00:00Z", False, "Gesloten, opent morgen om 10.00 uur"),
    # 2026 has 53 ISO weeks: Tuesday 22 December is week 52, 29 December week 53, 5 January 2027 week 1
    ("oneven-dinsdag", "2026-12-22T09:30:00Z", False, "Gesloten, opent dinsdag 29 december om 10.00 uur"),
    ("oneven-dinsdag", "2026-12-29T09:30:00Z", True, "Nu open, tot 12.00 uur"),
    ("oneven-dinsdag", "2026-12-29T11:30:00Z", False, "Gesloten, opent dinsdag 5 januari om 10.00 uur"),  # 53 then 1
    ("oneven-dinsdag", "2027-01-05T09:30:00Z", True, "Nu open, tot 12.00 uur"),
    ("oneven-dinsdag", "2027-01-12T09:30:00Z", False, "Gesloten, opent dinsdag 19 januari om 10.00 uur"),  # week 2
    # over the start of summer time: 24 March 2026 is week 13, 7 April week 15
    ("oneven-dinsdag", "2026-03-24T09:30:00Z", True, "Nu open, tot 12.00 uur"),  # 10.30 winter time
    ("oneven-dinsdag", "2026-03-31T08:30:00Z", False, "Gesloten, opent dinsdag 7 april om 10.00 uur"),
    ("oneven-dinsdag", "2026-04-07T08:30:00Z", True, "Nu open, tot 12.00 uur"),  # 10.30 summer time
    # even ISO weeks: Thursday 17 December 2026 is week 51, 24 December 52, 31 December 53, 7 January 2027 1
    ("even-donderdag", "2026-12-17T12:30:00Z", False, "Gesloten, opent donderdag 24 december om 13.00 uur"),
    ("even-donderdag", "2026-12-24T12:30:00Z", True, "Nu open, tot 15.00 uur"),
    ("even-donderdag", "2026-12-24T14:30:00Z", False, "Gesloten, opent donderdag 14 januari om 13.00 uur"),  # 3 weeks
    ("even-donderdag", "2026-12-31T12:30:00Z", False, "Gesloten, opent donderdag 14 januari om 13.00 uur"),
    ("even-donderdag", "2027-01-07T12:30:00Z", False, "Gesloten, opent donderdag 14 januari om 13.00 uur"),
    ("even-donderdag", "2027-01-14T12:30:00Z", True, "Nu open, tot 15.00 uur"),
    # Hemelvaartsdag 14 May 2026 falls in week 20 (even): closed, next is 28 May (week 22)
    ("even-donderdag", "2026-05-14T11:30:00Z", False, "Gesloten vanwege Hemelvaartsdag, opent donderdag 28 mei om 13.00 uur"),
]


def model(name: str) -> Openingstijden:
    return Openingstijden.model_validate(VOORBEELDEN[name])


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def fouten(data: dict) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as caught:
        Openingstijden.model_validate(data)
    errors = caught.value.errors()
    assert all(error["type"] == "kaart" for error in errors), errors
    return [(tuple(error["loc"]), error["msg"]) for error in errors]


# --- parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, ranges", [
    ("9.00-17.00", [(540, 1020)]),
    ("9:00-17:00", [(540, 1020)]),
    ("09.00 - 17.00", [(540, 1020)]),
    ("9.00–17.00", [(540, 1020)]),
    ("9.00-12.00, 13.00-17.00", [(540, 720), (780, 1020)]),
    ("13.00-17.00,9.00-12.00", [(540, 720), (780, 1020)]),
    ("9.00-12.00 en 13.00-17.00", [(540, 720), (780, 1020)]),
    ("9.00-12.00, 12.00-17.00", [(540, 1020)]),
    ("0.00-24.00", [(0, 1440)]),
    ("20.00-24.00", [(1200, 1440)]),
    ("9.30-12.45 uur", [(570, 765)]),
    ("9.00-12.00,", [(540, 720)]),
    ("gesloten", []),
    ("Gesloten", []),
])
def test_parse(text, ranges):
    tijden = Openingstijden.model_validate({"ma": text, "di": "9.00-10.00"})
    assert tijden.ranges("ma") == ranges
    assert tijden.ranges(0) == ranges
    assert tijden.week()[0] == ranges


def test_normalised_text_and_closed_days():
    tijden = Openingstijden.model_validate({"ma": "13:00-17:00,09.00-12.00", "za": "Gesloten"})
    assert tijden.ma == "9.00-12.00, 13.00-17.00"
    assert tijden.za == "gesloten"
    assert tijden.ranges("di") == []
    assert tijden.feestdagen == "gesloten" and tijden.dag_en_nacht is False


def test_yaml_as_partners_write_it():
    text = "ma: 9.00-17.00\ndi: 9:00-12:00, 13:00-17:00\nza: gesloten\nfeestdagen: open\nuitzonderingen:\n  - van: 2026-12-24\n    reden: Kerstavond\n"
    tijden = Openingstijden.model_validate(parse_yaml(text, Path("x.yaml")).data)
    assert tijden.ranges("ma") == [(540, 1020)]
    assert tijden.ranges("di") == [(540, 720), (780, 1020)]
    assert tijden.uitzonderingen[0].van == dt.date(2026, 12, 24)
    assert tijden.uitzonderingen[0].gesloten is True


def test_uitzondering_forms():
    tijden = Openingstijden.model_validate(VOORBEELDEN["kantoor-met-uitzonderingen"])
    sluiting, oudejaar, bevrijding = tijden.uitzonderingen
    assert sluiting.laatste == dt.date(2026, 12, 30) and sluiting.gesloten
    assert oudejaar.tot is None and oudejaar.laatste == oudejaar.van
    assert oudejaar.gesloten is False and oudejaar.ranges() == [(540, 720)]
    assert bevrijding.gesloten is False and bevrijding.tijden is None


# --- validation messages -------------------------------------------------------------------------


@pytest.mark.parametrize("text, message", [
    ("9-17", "'9-17' is geen tijd. Schrijf de minuten erbij: 9.00-17.00."),
    ("van 9 tot 12 uur", "'van 9 tot 12 uur' is geen tijd. Schrijf de minuten erbij: 9.00-12.00."),
    ("13u-17u", "'13u-17u' is geen tijd. Schrijf de minuten erbij: 13.00-17.00."),
    ("negen tot vijf", "'negen tot vijf' is geen tijd; schrijf bijvoorbeeld 9.00-17.00."),
    ("9.00-12.00, 13-17", "'13-17' is geen tijd. Schrijf de minuten erbij: 13.00-17.00."),
    # two blocks without a comma (a partner's usual way to write a lunch break)
    ("9.00-12.00 13.00-17.00", "'9.00-12.00 13.00-17.00' is geen tijd. Zijn het twee blokken? Zet er een komma tussen: 9.00-12.00, 13.00-17.00."),
    ("9.00-25.00", "'25.00' is geen bestaande tijd: een dag loopt van 0.00 tot 24.00. Schrijf bijvoorbeeld 9.00-17.00."),
    ("9.00-24.30", "'24.30' is geen bestaande tijd: een dag loopt van 0.00 tot 24.00. Schrijf bijvoorbeeld 9.00-17.00."),
    ("9.75-12.00", "'9.75' is geen bestaande tijd: een uur heeft 60 minuten, dus na 9.59 komt 10.00. Schrijf de minuten als 00 tot en met 59, bijvoorbeeld 9.45."),
    ("17.00-9.00", "In '17.00-9.00' is de eindtijd eerder dan de begintijd. Loopt het door na middernacht? Schrijf het dan als twee dagen: 17.00-24.00 op de eerste dag en 0.00-9.00 op de dag erna."),
    ("22.00-2.00", "In '22.00-2.00' is de eindtijd eerder dan de begintijd. Loopt het door na middernacht? Schrijf het dan als twee dagen: 22.00-24.00 op de eerste dag en 0.00-2.00 op de dag erna."),
    ("9.00-9.00", "In '9.00-9.00' zijn begin en einde gelijk. Schrijf een eindtijd na de begintijd, bijvoorbeeld 9.00-17.00."),
    ("9.00-13.00, 12.00-17.00", "De tijden '9.00-13.00' en '12.00-17.00' overlappen elkaar. Schrijf elke tijd maar één keer, bijvoorbeeld 9.00-17.00."),
    ("9.00-17.00, 10.00-11.00", "De tijden '9.00-17.00' en '10.00-11.00' overlappen elkaar. Schrijf elke tijd maar één keer, bijvoorbeeld 9.00-17.00."),
    ("gesloten, 9.00-12.00", "Schrijf 'gesloten' of tijden, niet allebei. Bijvoorbeeld: 9.00-17.00."),
    ("  ", "Hier staan geen tijden. Schrijf bijvoorbeeld 9.00-17.00, of 'gesloten'."),
    (9.0, "'9.0' is geen tijd; schrijf een begin- en eindtijd, bijvoorbeeld 9.00-17.00."),
    (True, "Schrijf hier tijden, bijvoorbeeld 9.00-17.00, of 'gesloten'."),
])
def test_day_errors(text, message):
    assert fouten({"ma": "9.00-17.00", "wo": text}) == [(("wo",), message)]


def test_uitzondering_tot_before_van():
    errors = fouten({"ma": "9.00-17.00", "uitzonderingen": [{"van": "2026-12-24", "tot": "2026-12-20", "reden": "Kerst"}]})
    assert errors == [(("uitzonderingen", 0, "tot"),
                       "De einddatum (2026-12-20) ligt vóór de begindatum (2026-12-24). Zet bij 'tot' de laatste dag "
                       "van de uitzondering, of haal 'tot' weg als het om één dag gaat.")]


def test_uitzondering_gesloten_with_tijden():
    errors = fouten({"ma": "9.00-17.00", "uitzonderingen": [{"van": "2026-12-24", "gesloten": "ja", "tijden": "9.00-12.00", "reden": "Kerst"}]})
    assert errors == [(("uitzonderingen", 0),
                       "Er staat 'gesloten: ja' en ook 'tijden'. Ben je die dag op andere tijden open? Schrijf dan "
                       "'gesloten: nee'. Ben je dicht? Haal dan 'tijden' weg.")]


def test_uitzondering_tijden_gesloten():
    errors = fouten({"ma": "9.00-17.00", "uitzonderingen": [{"van": "2026-12-24", "tijden": "gesloten", "reden": "Kerst"}]})
    assert errors == [(("uitzonderingen", 0), "Is het die dag dicht? Haal dan 'tijden' weg: een uitzondering is vanzelf gesloten.")]


def test_json_schema_pattern_matches_what_the_parser_accepts():
    import re

    from generator.openingstijden.tijden import _PATTERN

    for text in ("9.00-17.00", "9:00 - 12:00, 13.00-17.00", "9.00-12.00 en 13.00-17.00 uur", "Gesloten"):
        assert re.match(_PATTERN, text), text
    assert not re.match(_PATTERN, "9-17")


def test_uitzondering_bad_tijden_and_overlap():
    errors = fouten({"ma": "9.00-17.00", "uitzonderingen": [{"van": "2026-12-24", "tijden": "9-12", "reden": "Kerst"}]})
    assert errors == [(("uitzonderingen", 0, "tijden"), "'9-12' is geen tijd. Schrijf de minuten erbij: 9.00-12.00.")]
    errors = fouten({"ma": "9.00-17.00", "uitzonderingen": [
        {"van": "2026-12-24", "tot": "2027-01-01", "reden": "Kerstsluiting"},
        {"van": "2026-12-31", "tijden": "9.00-12.00", "reden": "Oudejaarsdag"},
    ]})
    assert errors == [(("uitzonderingen",),
                       "De uitzonderingen 'Kerstsluiting' en 'Oudejaarsdag' gaan allebei over 31 december 2026. "
                       "Zorg dat elke dag maar in één uitzondering staat.")]


def test_dag_en_nacht_with_hours():
    assert fouten({"dag_en_nacht": "ja", "ma": "9.00-17.00", "di": "9.00-17.00"}) == [((),
        "Er staat 'dag_en_nacht: ja' en ook tijden per dag (ma, di). Haal de tijden per dag weg als je altijd "
        "bereikbaar bent, of zet dag_en_nacht op nee.")]
    assert fouten({"dag_en_nacht": "ja", "feestdagen": "gesloten"}) == [((),
        "Er staat 'dag_en_nacht: ja' en 'feestdagen: gesloten'. Dag en nacht bereikbaar betekent ook op "
        "feestdagen; haal 'feestdagen: gesloten' weg.")]


@pytest.mark.parametrize("data", [{}, {"za": "gesloten", "zo": "gesloten"}, {"dag_en_nacht": "nee", "toelichting": "Op afspraak"}])
def test_nothing_in_it(data):
    assert fouten(data) == [((),
        "Er staan geen tijden in de openingstijden. Schrijf per dag wanneer je open bent, bijvoorbeeld "
        "'ma: 9.00-17.00', of 'dag_en_nacht: ja' als je altijd bereikbaar bent.")]


def test_in_de_maand_errors():
    assert fouten({"ma": "19.00-20.30", "in_de_maand": []}) == [(("in_de_maand",),
        "Bij 'in_de_maand' staat niets. Haal de regel weg als het elke week is, of schrijf welke weekdagen "
        "van de maand, bijvoorbeeld 'in_de_maand: [eerste]'.")]
    assert fouten({"ma": "19.00-20.30", "in_de_maand": ["derde", "eerste", "derde"]}) == [(("in_de_maand",),
        "Bij 'in_de_maand' staat 'derde' twee keer. Schrijf elke week maar één keer.")]
    assert fouten({"dag_en_nacht": "ja", "in_de_maand": ["eerste"]}) == [((),
        "Er staat 'dag_en_nacht: ja' en ook 'in_de_maand'. Dag en nacht bereikbaar is elke dag; haal "
        "'in_de_maand' weg, of zet dag_en_nacht op nee en schrijf de tijden per dag.")]


# A mistake in in_de_maand or weken: one Dutch message, on the line of the field (line 2).
@pytest.mark.parametrize("text, message", [
    ("ma: 19.00-20.30\nin_de_maand: [eerst]\n",
     "'eerst' is geen geldige waarde. Bedoel je 'eerste'? Kies uit: eerste, tweede, derde, vierde, laatste."),
    ("ma: 19.00-20.30\nin_de_maand: [1]\n",
     "'1' is geen geldige waarde. Kies uit: eerste, tweede, derde, vierde, laatste."),
    ("ma: 19.00-20.30\nin_de_maand: eerste\n",
     "Hier hoort een lijst te staan: zet de waarden tussen vierkante haken, zo: in_de_maand: [eerste]"),
    ("di: 10.00-12.00\nweken: onevn\n",
     "'onevn' is geen geldige waarde. Bedoel je 'oneven'? Kies uit: even, oneven."),
    ("di: 10.00-12.00\nweken: 2\n",
     "'2' is geen geldige waarde. Kies uit: even, oneven."),
    ("di: 10.00-12.00\nweken:\n",
     "Bij 'weken' staat niets. Haal de regel weg als het elke week is, of schrijf 'weken: even' of 'weken: oneven'."),
])
def test_in_de_maand_and_weken_dutch_messages_with_line(text, message):
    from generator.problems import Problemen
    from generator.validate import validate_model

    problems = Problemen()
    assert validate_model(Openingstijden, parse_yaml(text, Path("x.yaml")), problems) is None
    assert [(p.line, p.message) for p in problems] == [(2, message)]


def test_in_de_maand_yaml_and_order():
    tijden = Openingstijden.model_validate(parse_yaml("di: 9.00-11.00\nin_de_maand: [laatste, eerste]\n", Path("x.yaml")).data)
    assert tijden.in_de_maand == ["eerste", "laatste"]
    assert Openingstijden.model_validate(KANTOOR).in_de_maand == []


def test_weken_errors():
    assert fouten({"di": "10.00-12.00", "weken": None}) == [(("weken",),
        "Bij 'weken' staat niets. Haal de regel weg als het elke week is, of schrijf 'weken: even' of 'weken: oneven'.")]
    assert fouten({"di": "10.00-12.00", "weken": "oneven", "in_de_maand": ["eerste"]}) == [((),
        "Er staat 'weken' en ook 'in_de_maand'. Kies er één: 'weken: even' of 'weken: oneven' voor om de week, "
        "of 'in_de_maand' voor bepaalde weken van de maand.")]
    assert fouten({"dag_en_nacht": "ja", "weken": "even"}) == [((),
        "Er staat 'dag_en_nacht: ja' en ook 'weken'. Dag en nacht bereikbaar is elke week; haal 'weken' weg, "
        "of zet dag_en_nacht op nee en schrijf de tijden per dag.")]


def test_weken_yaml():
    assert Openingstijden.model_validate(parse_yaml("di: 10.00-12.00\nweken: oneven\n", Path("x.yaml")).data).weken == "oneven"
    assert Openingstijden.model_validate(KANTOOR).weken is None


def test_unknown_field_and_bad_literal_are_pydantic_errors():
    with pytest.raises(ValidationError) as caught:
        Openingstijden.model_validate({"maandag": "9.00-17.00", "ma": "9.00-17.00"})
    assert caught.value.errors()[0]["type"] == "extra_forbidden"
    with pytest.raises(ValidationError) as caught:
        Openingstijden.model_validate({"ma": "9.00-17.00", "feestdagen": "dicht"})
    assert caught.value.errors()[0]["type"] == "literal_error"


# --- display ------------------------------------------------------------------------------------


def test_display_grouping():
    assert display_lines(model("kantoor")) == [
        "ma, wo en vr 9.00–17.00 uur", "di en do 9.00–12.00 en 13.00–17.00 uur", "za en zo gesloten", "Op feestdagen gesloten",
    ]
    week = Openingstijden.model_validate({
        "ma": "9.00-17.00", "di": "9.00-17.00", "wo": "9.00-17.00", "do": "9.00-17.00", "vr": "9.00-17.00",
        "za": "gesloten", "zo": "gesloten", "toelichting": "Bellen kan ook 's avonds",
    })
    assert display_lines(week) == ["ma t/m vr 9.00–17.00 uur", "za en zo gesloten", "Op feestdagen gesloten", "Bellen kan ook 's avonds"]
    mixed = Openingstijden.model_validate({
        "ma": "9.00-12.00", "di": "9.00-12.00", "wo": "9.00-12.00", "vr": "9.00-12.00",
        "do": "9.00-10.00, 11.00-12.00, 13.00-14.00", "feestdagen": "open",
    })
    assert display_lines(mixed) == [
        "ma t/m wo en vr 9.00–12.00 uur", "do 9.00–10.00, 11.00–12.00 en 13.00–14.00 uur", "Op feestdagen open",
    ]
    assert display_lines(model("dag-en-nacht")) == ["24 uur per dag, 7 dagen per week bereikbaar"]
    assert display_lines(model("avond")) == ["wo 18.00–24.00 uur", "Op feestdagen gesloten"]


def test_display_in_de_maand():
    assert display_lines(model("eerste-maandag")) == ["Elke eerste maandag van de maand 19.00–20.30 uur", "Op feestdagen gesloten"]
    assert display_lines(model("eerste-en-derde-dinsdag")) == [
        "Elke eerste en derde dinsdag van de maand 9.00–11.00 uur", "Op feestdagen gesloten",
    ]
    assert display_lines(model("laatste-dinsdag")) == [
        "Elke laatste dinsdag van de maand 14.00–16.00 uur", "za gesloten", "Op feestdagen gesloten",
    ]
    two_days = Openingstijden.model_validate({
        "ma": "9.00-12.00", "do": "13.00-14.00, 19.00-21.00", "in_de_maand": ["tweede", "vierde", "laatste"],
        "feestdagen": "open", "toelichting": "Koffie staat klaar",
    })
    assert display_lines(two_days) == [
        "Elke tweede, vierde en laatste maandag van de maand 9.00–12.00 uur",
        "Elke tweede, vierde en laatste donderdag van de maand 13.00–14.00 en 19.00–21.00 uur",
        "Op feestdagen open",
        "Koffie staat klaar",
    ]


def test_display_weken():
    assert display_lines(model("oneven-dinsdag")) == ["Dinsdag in oneven weken 10.00–12.00 uur", "Op feestdagen gesloten"]
    assert display_lines(model("even-donderdag")) == [
        "Donderdag in even weken 13.00–15.00 uur", "za gesloten", "Op feestdagen gesloten",
    ]
    two_days = Openingstijden.model_validate({"ma": "9.00-12.00", "wo": "9.00-12.00", "weken": "even"})
    assert display_lines(two_days) == [
        "Maandag in even weken 9.00–12.00 uur", "Woensdag in even weken 9.00–12.00 uur", "Op feestdagen gesloten",
    ]


def test_uitzondering_lines():
    tijden = model("kantoor-met-uitzonderingen")
    assert uitzondering_lines(tijden, dt.date(2026, 5, 1)) == [
        "Op 5 mei 2026 gewoon open (Bevrijdingsdag gewoon open)",
        "Gesloten van 28 t/m 30 december 2026 (Kerstsluiting)",
        "Op 31 december 2026 open 9.00–12.00 uur (Oudejaarsdag)",
    ]
    assert uitzondering_lines(tijden, dt.date(2026, 12, 30)) == [
        "Gesloten van 28 t/m 30 december 2026 (Kerstsluiting)", "Op 31 december 2026 open 9.00–12.00 uur (Oudejaarsdag)",
    ]
    over_jaar = Openingstijden.model_validate({"ma": "9.00-17.00", "uitzonderingen": [{"van": "2026-12-24", "tot": "2027-01-01", "reden": "Kerst"}]})
    assert uitzondering_lines(over_jaar, dt.date(2026, 1, 1)) == ["Gesloten van 24 december 2026 t/m 1 januari 2027 (Kerst)"]
    zomer = Openingstijden.model_validate({"di": "9.00-11.00", "uitzonderingen": [{"van": "2026-07-20", "tot": "2026-08-14", "reden": "Zomer"}]})
    assert uitzondering_lines(zomer, dt.date(2026, 1, 1)) == ["Gesloten van 20 juli t/m 14 augustus 2026 (Zomer)"]


# --- public holidays -----------------------------------------------------------------------------


def test_easter():
    assert pasen(2024) == dt.date(2024, 3, 31)
    assert pasen(2025) == dt.date(2025, 4, 20)
    assert pasen(2026) == dt.date(2026, 4, 5)
    assert pasen(2027) == dt.date(2027, 3, 28)
    assert pasen(2038) == dt.date(2038, 4, 25)


def test_feestdagen_2026():
    assert feestdagen(2026) == {
        dt.date(2026, 1, 1): "Nieuwjaarsdag",
        dt.date(2026, 4, 3): "Goede Vrijdag",
        dt.date(2026, 4, 5): "Eerste Paasdag",
        dt.date(2026, 4, 6): "Tweede Paasdag",
        dt.date(2026, 4, 27): "Koningsdag",
        dt.date(2026, 5, 5): "Bevrijdingsdag",
        dt.date(2026, 5, 14): "Hemelvaartsdag",
        dt.date(2026, 5, 24): "Eerste Pinksterdag",
        dt.date(2026, 5, 25): "Tweede Pinksterdag",
        dt.date(2026, 12, 25): "Eerste Kerstdag",
        dt.date(2026, 12, 26): "Tweede Kerstdag",
    }


def test_feestdagen_2027():
    assert feestdagen(2027) == {
        dt.date(2027, 1, 1): "Nieuwjaarsdag",
        dt.date(2027, 3, 26): "Goede Vrijdag",
        dt.date(2027, 3, 28): "Eerste Paasdag",
        dt.date(2027, 3, 29): "Tweede Paasdag",
        dt.date(2027, 4, 27): "Koningsdag",
        dt.date(2027, 5, 5): "Bevrijdingsdag",
        dt.date(2027, 5, 6): "Hemelvaartsdag",
        dt.date(2027, 5, 16): "Eerste Pinksterdag",
        dt.date(2027, 5, 17): "Tweede Pinksterdag",
        dt.date(2027, 12, 25): "Eerste Kerstdag",
        dt.date(2027, 12, 26): "Tweede Kerstdag",
    }


def test_koningsdag_on_sunday_moves_to_saturday():
    assert feestdag(dt.date(2025, 4, 26)) == "Koningsdag"  # 27 April 2025 was a Sunday
    assert feestdag(dt.date(2025, 4, 27)) is None
    assert feestdag(dt.date(2031, 4, 26)) == "Koningsdag"
    assert feestdag(dt.date(2026, 4, 27)) == "Koningsdag"


def test_feestdagen_json():
    data = feestdagen_json(2026, 2027)
    assert len(data) == 22
    assert data["2026-12-26"] == "Tweede Kerstdag"
    assert data["2027-03-28"] == "Eerste Paasdag"
    assert list(data) == sorted(data)


# --- JSON form ----------------------------------------------------------------------------------


def test_to_json():
    data = to_json(model("kantoor-met-uitzonderingen"))
    assert data["dagen"][0] == [[540, 1020]]
    assert data["dagen"][1] == [[540, 720], [780, 1020]]
    assert data["dagen"][5] == [] and data["dagen"][6] == []
    assert data["dag_en_nacht"] is False and data["feestdagen"] == "gesloten"
    assert data["uitzonderingen"] == [
        {"van": "2026-05-05", "tot": "2026-05-05", "gesloten": False, "tijden": None, "reden": "Bevrijdingsdag gewoon open"},
        {"van": "2026-12-28", "tot": "2026-12-30", "gesloten": True, "tijden": None, "reden": "Kerstsluiting."},
        {"van": "2026-12-31", "tot": "2026-12-31", "gesloten": False, "tijden": [[540, 720]], "reden": "Oudejaarsdag"},
    ]
    always = to_json(model("dag-en-nacht"))
    assert always["dagen"] == [[[0, 1440]]] * 7 and always["dag_en_nacht"] is True and always["feestdagen"] == "open"
    assert '"dagen":[[[0,1440]]' in nu_open_json(model("dag-en-nacht"))
    assert "in_de_maand" not in to_json(model("kantoor"))  # weekly: left out, pages stay small
    assert to_json(model("eerste-en-derde-dinsdag"))["in_de_maand"] == [1, 3]
    assert to_json(model("laatste-dinsdag"))["in_de_maand"] == [-1]
    assert nu_open_json(model("eerste-maandag")).endswith(',"in_de_maand":[1]}')
    assert "weken" not in to_json(model("kantoor")) and "weken" not in to_json(model("eerste-maandag"))
    assert to_json(model("even-donderdag"))["weken"] == "even"
    assert nu_open_json(model("oneven-dinsdag")).endswith(',"weken":"oneven"}')


def test_weken_follow_the_iso_week_number():
    """Every Tuesday from 2020 to 2032 (incl. the 53-week years 2020, 2026 and 2032): open exactly in odd ISO weeks."""
    tijden = model("oneven-dinsdag")
    day = dt.date(2020, 1, 7)
    while day.year < 2033:
        moment = dt.datetime(day.year, day.month, day.day, 10, 30, tzinfo=AMSTERDAM)
        assert status_op(tijden, moment).open is (day.isocalendar().week % 2 == 1 and not feestdag(day)), day
        day += dt.timedelta(days=7)


def test_in_de_maand_applies_to_normal_hours_not_to_dated_exceptions():
    tijden = Openingstijden.model_validate({"ma": "19.00-20.30", "in_de_maand": ["eerste"], "uitzonderingen": [
        {"van": "2026-06-15", "tijden": "19.00-20.30", "reden": "Extra avond"},
        {"van": "2026-07-06", "reden": "Zomerstop"},
        {"van": "2026-06-08", "gesloten": "nee", "reden": "Gewoon open"},
    ]})
    at = lambda text: status_op(tijden, utc(text))  # noqa: E731
    assert at("2026-06-15T17:30:00Z") == Status(True, "Nu open, tot 20.30 uur")  # third Monday, by exception
    assert at("2026-06-08T17:30:00Z") == Status(False, "Gesloten, opent maandag 15 juni om 19.00 uur")  # usual = closed
    assert at("2026-07-06T17:30:00Z") == Status(False, "Tijdelijk gesloten: Zomerstop, opent maandag 3 augustus om 19.00 uur")


# --- nu open ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, moment, is_open, text", MOMENTEN, ids=[f"{m[0]}@{m[1]}" for m in MOMENTEN])
def test_status_op(name, moment, is_open, text):
    assert status_op(model(name), utc(moment)) == Status(is_open, text)


def test_status_op_other_time_zone_and_naive_moment():
    tokyo = dt.datetime(2026, 6, 1, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))  # 9.00 in Amsterdam
    assert status_op(model("kantoor"), tokyo) == Status(True, "Nu open, tot 17.00 uur")
    with pytest.raises(ValueError):
        status_op(model("kantoor"), dt.datetime(2026, 6, 1, 9, 0))


def test_parity_table_is_large_enough():
    assert len(MOMENTEN) >= 30
    assert {name for name, *_ in MOMENTEN} == set(VOORBEELDEN)
