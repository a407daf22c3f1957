"""The HSDS 3.0 export of the demo kaart, as the build publishes it, against Open Referral's own schemas.

Everything is read from the built demo site (open-data/hsds/), so the build hook is tested too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid

import pytest
from dateutil.rrule import rrulestr
from hsds_schemas import errors, openapi_page_schema
from jsonschema import Draft202012Validator

from generator.export.hsds import SERVICE_SOORTEN, HsdsExport
from generator.export.ids import NAMESPACE
from generator.export.schedules import HORIZON_JAREN, iso_weken, schedule_rows
from generator.export.plekken import TIJDEN, plekken, service_tijden
from generator.export.tabular import upstream_resources
from generator.openingstijden import Openingstijden, to_json, weekdag_telt

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@pytest.fixture(scope="module")
def hsds(demo_site):
    return demo_site / "open-data" / "hsds"


@pytest.fixture(scope="module")
def services(hsds):
    return json.loads((hsds / "services.json").read_text(encoding="utf-8"))["contents"]


@pytest.fixture(scope="module")
def by_record(services, demo):
    """(soort, record id) -> service, found through the documented uuid5 rule."""
    ids = {str(uuid.uuid5(NAMESPACE, f"{demo.gebieden.regio}/service/{soort}/{rid}")): (soort, rid) for soort in SERVICE_SOORTEN for rid in demo.records[soort]}
    return {ids[service["id"]]: service for service in services}


# --- the official schemas, strictly -----------------------------------------------------------------


def test_the_format_checker_and_the_strictness_really_check():
    bad = {
        "id": "not-a-uuid", "name": "x", "status": "active", "url": "no uri", "email": "no-at-sign",
        "last_modified": "gisteren", "spelfout": 1, "phones": [{"id": str(uuid.uuid4()), "number": "1", "nummer": "2"}],
    }
    found = " | ".join(errors("service", bad))
    for expected in ("'not-a-uuid' is not a 'uuid'", "'no uri' is not a 'uri'", "'no-at-sign' is not a 'email'",
                     "'gisteren' is not a 'date-time'", "'spelfout' was unexpected", "'nummer' was unexpected"):
        assert expected in found


def test_every_service_validates_with_zero_errors(services, demo):
    assert len(services) == sum(len(demo.records[soort]) for soort in SERVICE_SOORTEN)
    problems = [f"{service['name']}: {error}" for service in services for error in errors("service", service)]
    assert problems == []


def test_every_organization_and_taxonomy_validates(hsds, demo):
    for name, schema in (("organizations.json", "organization"), ("taxonomies.json", "taxonomy"), ("taxonomy_terms.json", "taxonomy_term")):
        contents = json.loads((hsds / name).read_text(encoding="utf-8"))["contents"]
        assert contents, name
        assert [f"{name}: {e}" for item in contents for e in errors(schema, item)] == []
    organizations = json.loads((hsds / "organizations.json").read_text(encoding="utf-8"))["contents"]
    eigen = sum(1 for v in demo.vindplaatsen.values() if not v.organisatie)
    assert len(organizations) == len(demo.organisaties) + eigen


def test_lists_are_hsds_pages_and_index_names_version_profile_and_api(hsds):
    page = Draft202012Validator(openapi_page_schema())
    for name in ("services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json"):
        listing = json.loads((hsds / name).read_text(encoding="utf-8"))
        assert list(page.iter_errors(listing)) == [], name
        assert listing["total_items"] == listing["size"] == len(listing["contents"]) and listing["empty"] is False
    index = json.loads((hsds / "index.json").read_text(encoding="utf-8"))
    assert index["version"] == "3.0"
    assert index["profile"].endswith("/open-data/profiel/") and index["profile"].startswith("https://")
    assert index["openapi_url"].startswith("https://") and index["openapi_url"].endswith("openapi.json")


def test_one_file_per_service_equal_to_the_list(hsds, services):
    files = sorted((hsds / "services").glob("*.json"))
    assert len(files) == len(services)
    for service in services:
        single = json.loads((hsds / "services" / f"{service['id']}.json").read_text(encoding="utf-8"))
        assert single == service


def test_ids_are_unique_per_object_and_stable_between_exports(services, demo):
    seen: dict[str, dict] = {}

    def walk(node, key="service"):
        if isinstance(node, dict):
            if "id" in node:
                previous = seen.setdefault(node["id"], node)
                # the same object (an organization, a taxonomy term) may appear in many services
                assert previous == node, f"two different objects share id {node['id']} ({key})"
            for child_key, value in node.items():
                walk(value, child_key)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)

    walk(services)
    again = HsdsExport(demo, dt.date.today(), "https://sociale-kaart.example/").services()
    assert [s["id"] for s in again] == [s["id"] for s in services]
    assert again == services


# --- the mapping -------------------------------------------------------------------------------------


def test_records_map_to_their_fields(by_record, demo):
    for (soort, rid), service in by_record.items():
        record = demo.records[soort][rid]
        assert service["name"] == record.naam
        assert service["assured_date"] == record.laatst_gecontroleerd.isoformat()
        assert service["organization"]["id"] == service["organization_id"]
        codes = {(a["taxonomy_term"]["taxonomy"], a["value"]) for a in service["attributes"]}
        assert {code for name, code in codes if name == "Thema's"} == set(getattr(record, "themas", []))
        assert {code for name, code in codes if name == "Doelgroepen"} == set(getattr(record, "doelgroepen", []))
        if record.contact.telefoon:
            assert record.contact.telefoon in [p["number"] for p in service["phones"]]
        assert len(service["service_at_locations"]) == len(plekken(record))
        leeftijd = getattr(record, "leeftijd", None)
        if leeftijd and leeftijd.tot is not None:
            assert service["maximum_age"] == leeftijd.tot - 1
        if soort == "voorziening":
            assert service["status"] == {"actief": "active", "tijdelijk gesloten": "temporarily closed", "gestopt": "defunct"}[record.status]
            assert service["cost_options"][0]["currency"] == "EUR"
            assert (service["cost_options"][0].get("amount") == 0) == (record.kosten.soort == "gratis")


def _all_schedules(service):
    yield from ((None, row) for row in service["schedules"])
    for sal in service["service_at_locations"]:
        yield from ((sal, row) for row in sal["schedules"])


def _hours_for(record, sal, row):
    """The Openingstijden a schedule row was made from (by its place and attending_type)."""
    kind = next(k for k, label in TIJDEN.items() if label == row["attending_type"])
    if sal is None:
        return service_tijden(record)[kind]
    plek = next(p for p in plekken(record) if sal["location"]["addresses"][0]["postal_code"] == p.adres.postcode and sal["location"]["addresses"][0]["address_1"] == p.adres.straat)
    return plek.tijden[kind]


def _occurrences(row) -> set[dt.date]:
    rule = f"FREQ={row['freq']};INTERVAL={int(row['interval'])};WKST={row['wkst']};BYDAY={row['byday']}"
    start = dt.datetime.fromisoformat(row["dtstart"])
    end = dt.datetime.fromisoformat(row["until"]) if "until" in row else dt.datetime(start.year + HORIZON_JAREN, 12, 31)
    return {moment.date() for moment in rrulestr(rule, dtstart=start).between(start, end, inc=True)}


def test_every_rrule_gives_exactly_the_days_of_the_opening_hours_model(by_record, demo):
    """Expand every regular schedule with dateutil and compare with the opening-hours model of the
    site ('nu open'): the same days, no more and no fewer, including monthly and fortnightly ones."""
    checked = {"WEEKLY": 0, "MONTHLY": 0, "fortnightly": 0}
    for (soort, rid), service in by_record.items():
        record = demo.records[soort][rid]
        for sal, row in _all_schedules(service):
            if "freq" not in row:
                continue
            tijden = _hours_for(record, sal, row)
            plan = to_json(tijden)
            days = {DAY_CODES.index(code[-2:]) for code in row["byday"].split(",")}
            occurrences = _occurrences(row)
            first = dt.date.fromisoformat(row["dtstart"])
            last = max(occurrences)
            expected = {
                first + dt.timedelta(days=i) for i in range((last - first).days + 1)
                if (first + dt.timedelta(days=i)).weekday() in days and weekdag_telt(plan, first + dt.timedelta(days=i))
            }
            assert occurrences == expected, (rid, row)
            assert any(tuple(r) == (int(row["opens_at"][:2]) * 60 + int(row["opens_at"][3:]), int(row["closes_at"][:2]) * 60 + int(row["closes_at"][3:]))
                       for d in days for r in tijden.ranges(d))
            checked["fortnightly" if row["interval"] == 2 else row["freq"]] += 1
    assert all(checked.values()), checked  # the demo has weekly, monthly and fortnightly hours


def test_first_saturday_is_1SA_and_fortnightly_survives_a_53_week_year():
    eerste_zaterdag = Openingstijden(za="10.00-13.00", in_de_maand=["eerste"])
    derde_en_laatste = Openingstijden(do="19.00-21.00", in_de_maand=["derde", "laatste"])
    oneven = Openingstijden(di="10.00-12.00", weken="oneven")
    ids = lambda *path: str(uuid.uuid5(NAMESPACE, "/".join(path)))  # noqa: E731
    build = dt.date(2026, 6, 1)
    [row] = schedule_rows(ids, ("s",), {"inloop": eerste_zaterdag}, {}, TIJDEN, build)
    assert (row["freq"], row["byday"], row["interval"]) == ("MONTHLY", "1SA", 1)
    [row] = schedule_rows(ids, ("s",), {"inloop": derde_en_laatste}, {}, TIJDEN, build)
    assert row["byday"] == "3TH,-1TH"
    rows = schedule_rows(ids, ("s",), {"inloop": oneven}, {}, TIJDEN, build)
    assert iso_weken(2026) == 53 and len(rows) == 2  # 2026 (ends with odd week 53), then 2027 up to the next 53-week year
    assert [(r["valid_from"], r["valid_to"]) for r in rows][0] == ("2025-12-29", "2027-01-03")
    for row in rows:
        assert (row["freq"], row["interval"], row["wkst"]) == ("WEEKLY", 2, "MO")
        occurrences = _occurrences(row)
        assert occurrences and all(d.isocalendar().week % 2 == 1 and d.weekday() == 1 for d in occurrences)
    tuesdays_2027 = {d for d in _occurrences(rows[1]) if d.year == 2027}
    assert dt.date(2027, 1, 5) in tuesdays_2027  # week 1 of 2027 is odd, right after odd week 53


def test_closures_are_rows_with_a_validity_window(by_record, demo):
    found = 0
    for (soort, rid), service in by_record.items():
        record = demo.records[soort][rid]
        owners = [(None, service_tijden(record))] + [(p, p.tijden) for p in plekken(record)]
        for _, hours in owners:
            for tijden in hours.values():
                for u in tijden.uitzonderingen:
                    if u.laatste < dt.date.today() or not u.gesloten:
                        continue
                    rows = [row for _, row in _all_schedules(service) if row.get("valid_from") == u.van.isoformat() and row.get("valid_to") == u.laatste.isoformat()]
                    assert any(row["description"] == f"Gesloten: {u.reden.rstrip('.')}" and "freq" not in row for row in rows), (rid, u)
                    found += 1
    assert found, "the demo has closures"


def test_public_holidays_are_explained_on_every_schedule(services):
    rows = [row for service in services for _, row in _all_schedules(service)]
    assert rows and all("Europe/Amsterdam" in row["notes"] and "feestdagen" in row["notes"] for row in rows)


# --- the tabular package ------------------------------------------------------------------------------


def test_tabular_package_follows_open_referral_columns(hsds, services):
    folder = hsds / "tabular"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package" and package["licenses"][0]["path"].startswith("https://")
    upstream = upstream_resources()
    tables: dict[str, list[dict]] = {}
    for resource in package["resources"]:
        assert resource == upstream[resource["name"]]
        with open(folder / resource["path"], encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        fields = resource["schema"]["fields"]
        assert rows and list(rows[0]) == [f["name"] for f in fields]
        for f in fields:
            values = [row[f["name"]] for row in rows]
            if f.get("constraints", {}).get("required"):
                assert all(values), (resource["name"], f["name"])
            if f["name"] == "id":
                assert len(set(values)) == len(values)
            if f.get("format") == "uuid":
                assert all(uuid.UUID(v) for v in values if v)
        tables[resource["name"]] = rows
    assert {row["id"] for row in tables["service"]} == {s["id"] for s in services}
    service_ids = {row["id"] for row in tables["service"]}
    for name in ("phone", "cost_option", "language", "service_area", "service_at_location"):
        assert {row["service_id"] for row in tables[name] if row["service_id"]} <= service_ids, name
    location_ids = {row["id"] for row in tables["location"]}
    assert {row["location_id"] for row in tables["address"]} <= location_ids
    term_ids = {row["id"] for row in tables["taxonomy_term"]}
    assert {row["taxonomy_term_id"] for row in tables["attribute"]} <= term_ids


def test_csv_line_ends_and_quoting(hsds):
    text = (hsds / "tabular" / "services.csv").read_bytes().decode("utf-8")
    assert "\r\n" in text
    assert list(csv.reader(io.StringIO(text)))[1][0]


def test_phone_hours_are_schedules_of_the_service_and_named_with_the_phone(demo):
    """contact.telefoon_tijden (phone hours, apart from opening and walk-in hours) on a helpline without
    an address: service schedules, the phone's description and, in JSON-LD, the ContactPoint's hours."""
    from types import SimpleNamespace

    from generator.export.jsonld import JsonLd

    export = HsdsExport(demo, dt.date(2026, 6, 1), "https://sociale-kaart.example/")
    uren = Openingstijden(ma="9.00-12.00", di="9.00-12.00")
    contact = SimpleNamespace(telefoon="+31523800100", telefoon_toelichting="gratis", whatsapp=None, email=None, website=None, telefoon_tijden=uren)
    [phone] = export.phones(("s",), contact, {})
    assert phone["description"] == "gratis; Bereikbaar: ma en di 9.00–12.00 uur; Op feestdagen gesloten"
    helpline = SimpleNamespace(contact=contact)
    assert service_tijden(helpline) == {"telefoon": uren}
    [row] = schedule_rows(export.ids, ("s",), service_tijden(helpline), {}, TIJDEN, export.build_date)
    assert (row["attending_type"], row["byday"], row["opens_at"], row["closes_at"]) == ("Telefonisch bereikbaar", "MO,TU", "09:00", "12:00")
    assert errors("schedule", row) == []
    [channel] = JsonLd(export).channels(helpline)
    hours = channel["servicePhone"]["hoursAvailable"]
    assert hours[0]["dayOfWeek"] == ["https://schema.org/Monday", "https://schema.org/Tuesday"] and hours[0]["opens"] == "09:00"
