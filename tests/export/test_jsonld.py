"""schema.org JSON-LD on every record page: present, parseable, the right structure, and safe with hostile text."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from generator.build.pages import SiteContext, record_pages
from generator.build.urls import record_url
from generator.export.plekken import plekken
from generator.export.publish import OpenData
from generator.validate import load_kaart

HOSTILE = "</script><script>alert('x')</script><!-- <script>alert(1)//"
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Scripts(HTMLParser):
    """Every <script> element: its attributes and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def scripts_of(html: str) -> list[tuple[dict, str]]:
    parser = Scripts()
    parser.feed(html)
    return parser.scripts


def jsonld_of(html: str) -> list[dict]:
    return [json.loads(text) for attrs, text in scripts_of(html) if attrs.get("type") == "application/ld+json"]


def _walk(node, type_name):
    if isinstance(node, dict):
        if node.get("@type") == type_name:
            yield node
        for value in node.values():
            yield from _walk(value, type_name)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, type_name)


@pytest.fixture(scope="module")
def pages(demo, demo_site):
    """(soort, record, JSON-LD objects of its page) for every record of the demo."""
    result = []
    for soort, records in demo.records.items():
        for record in records.values():
            html = (demo_site / record_url(soort, record.id) / "index.html").read_text(encoding="utf-8")
            result.append((soort, record, jsonld_of(html)))
    return result


def test_every_record_page_has_exactly_one_jsonld_block(pages, demo):
    assert len(pages) == sum(len(records) for records in demo.records.values())
    for soort, record, blocks in pages:
        assert len(blocks) == 1, (soort, record.id)
        node = blocks[0]
        assert node["@context"] == "https://schema.org" and node["name"] == record.naam
        expected = {"organisatie": {"Organization", "GovernmentOrganization"}, "vindplaats": {"Place"}}.get(soort, {"Service", "GovernmentService"})
        assert node["@type"] in expected, (soort, record.id, node["@type"])


def test_services_have_provider_area_channels_and_places(pages, demo):
    voorzieningen = [(record, blocks[0]) for soort, record, blocks in pages if soort == "voorziening"]
    assert len(voorzieningen) == len(demo.voorzieningen)
    for record, node in voorzieningen:
        org = demo.organisaties[record.organisatie]
        assert node["provider"]["name"] == org.naam
        assert (node["@type"] == "GovernmentService") == (org.soort == "gemeente")
        assert len(node["areaServed"]) == len(record.werkgebied)
        channels = node["availableChannel"]
        if record.contact.telefoon:
            assert record.contact.telefoon in [c["servicePhone"]["telephone"] for c in channels if "servicePhone" in c]
        if record.contact.website:
            assert record.contact.website in [c.get("serviceUrl") for c in channels]
        places = [c["serviceLocation"] for c in channels if "serviceLocation" in c]
        assert [p["address"]["streetAddress"] for p in places] == [p.adres.straat for p in plekken(record)]
        for place, plek in zip(places, plekken(record)):
            assert place["address"]["postalCode"] == plek.adres.postcode and place["address"]["addressCountry"] == "NL"
            if plek.coordinaten:
                assert place["geo"] == {"@type": "GeoCoordinates", "latitude": plek.coordinaten.lat, "longitude": plek.coordinaten.lon}


def test_opening_hours_are_well_formed_and_closures_have_a_validity_window(pages, demo_site):
    specs = [spec for _, _, blocks in pages for spec in _walk(blocks, "OpeningHoursSpecification")]
    assert specs
    for spec in specs:
        assert TIME.match(spec["opens"]) and TIME.match(spec["closes"]), spec
        if "validFrom" in spec:
            assert dt.date.fromisoformat(spec["validFrom"]) <= dt.date.fromisoformat(spec["validThrough"])
        else:
            assert spec["dayOfWeek"] and all(day.startswith("https://schema.org/") for day in spec["dayOfWeek"])
    closures = [spec for spec in specs if spec.get("validFrom") and spec["opens"] == spec["closes"] == "00:00"]
    assert any(spec["description"] == "Eerste Kerstdag" for spec in closures)  # a public holiday
    assert any(spec["description"] not in ("Eerste Kerstdag", "Tweede Kerstdag", "Nieuwjaarsdag") for spec in closures)  # a partner's closure


def test_sessions_that_are_not_weekly_are_events_with_a_schedule(pages, demo):
    repair = next(blocks[0] for soort, record, blocks in pages if record.id == "repair-cafe")
    [event, *_] = list(_walk(repair, "Event"))
    schedule = event["eventSchedule"]
    assert schedule["byDay"] == ["https://schema.org/Saturday"] and schedule["byMonthWeek"] == [1] and schedule["repeatFrequency"] == "P1M"
    assert dt.date.fromisoformat(schedule["startDate"]).weekday() == 5 and dt.date.fromisoformat(schedule["startDate"]).day <= 7
    weekly_days = [spec for spec in _walk(repair, "OpeningHoursSpecification") if "dayOfWeek" in spec]
    assert weekly_days == []  # a monthly session is never shown as weekly hours


@pytest.fixture(scope="module")
def hostile_kaart():
    """The mini kaart with HTML in a partner's text. `kaart check` refuses HTML in text fields, so
    the text is put in after loading: the JSON-LD must be safe even for text that got past the check."""
    from support import MINI_KAART

    kaart, problems = load_kaart(MINI_KAART)
    assert [str(p) for p in problems] == []
    kaart.vindplaatsen["school-akkerveen"].wat_kun_je_vragen = HOSTILE + " Ouders kunnen hier terecht."
    return kaart


def test_partner_text_cannot_break_out_of_the_script(hostile_kaart):
    open_data = OpenData(hostile_kaart, dt.date(2026, 11, 30), "https://sociale-kaart.example/")
    site = SiteContext(hostile_kaart, dt.date(2026, 11, 30), open_data)
    page = next(p for p in record_pages(hostile_kaart) if p.url == "vindplaatsen/school-akkerveen/")
    html = page.render(site)
    scripts = scripts_of(html)
    assert [attrs.get("type") for attrs, _ in scripts] == ["application/ld+json"]  # no script was injected
    text = scripts[0][1]
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text
    [node] = jsonld_of(html)
    assert HOSTILE in node["description"]  # the text survives intact for machines
