"""Open data: the kaart as HSDS 3.0, a CSV for beheerders, schema.org JSON-LD and iCalendar files.

One module per concern:

- `ids`        stable UUIDs derived from record ids (uuid5 with a fixed namespace)
- `plekken`    the export's view of a record: its places and the hours that belong to it
- `schedules`  opening hours as recurring sessions and as HSDS schedule rows (RRULE fields)
- `taxonomy`   our themes, target groups and record types as HSDS taxonomies
- `hsds`       the HSDS objects (services, organizations, ...) and the JSON files of the API
- `tabular`    the same objects as a Tabular Data Package (one CSV per object)
- `beheer_csv` one row per record and place, for the gemeente's beheerder
- `jsonld`     schema.org JSON-LD for a record page
- `ical`       iCalendar files of the walk-in sessions ("Zet in je agenda")
- `publish`    writes it all into the built site (plugin) or a folder (`kaart export`)

The HSDS 3.0 JSON Schemas and datapackage.json of Open Referral are vendored in `hsds-3.0/`
(CC BY-SA 4.0, with their licence). The Dutch profile that explains the mapping is
docs/open-data/profiel.md.
"""
