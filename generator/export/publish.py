"""Everything the open data consists of, as files: into the built site (the plugin) or a folder (`kaart export`).

Paths (PRODUCT.md): open-data/hsds/index.json, services.json, organizations.json (HSDS paged lists),
services/<uuid>.json (a static /services/{id}), taxonomies.json, taxonomy_terms.json, tabular/
(datapackage.json and one CSV per object); open-data/sociale-kaart.csv for beheerders; and an
agenda.ics next to every record page that has sessions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Optional

from markupsafe import Markup

from ..build.sanitize import script_json
from ..build.urls import record_url
from ..validate import Kaart
from .beheer_csv import beheer_csv
from .hsds import HSDS_VERSION, HsdsExport, paged
from .ical import AGENDA_BESTAND, Agenda, heeft_agenda
from .jsonld import JsonLd
from .plekken import plekken
from .tabular import tabular_files

OPEN_DATA = "open-data/"
HSDS_DIR = OPEN_DATA + "hsds/"
BEHEER_CSV = OPEN_DATA + "sociale-kaart.csv"
ATTRIBUTION = "Human Services Data Specification: an Open Referral resource (https://openreferral.org/), CC BY-SA 4.0"



def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def paged_text(items: list[str]) -> str:
    """compact(paged(...)) for items that are already JSON text: each service is encoded once, for
    its own file and the list."""
    envelope = compact(paged([None] * len(items)) | {"contents": []})
    assert envelope.endswith('"contents":[]}')
    return envelope[:-2] + ",".join(items) + "]}"


class OpenData:
    """The open data of one kaart on one build date."""

    def __init__(self, kaart: Kaart, build_date: dt.date, site_url: Optional[str] = None, licentie: str = "", licentie_url: str = "") -> None:
        self.kaart = kaart
        self.build_date = build_date
        self.licentie = licentie
        self.licentie_url = licentie_url
        self.export = HsdsExport(kaart, build_date, site_url)
        self._jsonld = JsonLd(self.export)
        self._agenda = Agenda(self.export)

    # --- for the record pages ----------------------------------------------------------------------

    def jsonld_script(self, soort: str, record: Any) -> Markup:
        return Markup('<script type="application/ld+json">') + script_json(self._jsonld.record(soort, record)) + Markup("</script>")

    def heeft_agenda(self, record: Any) -> bool:
        return heeft_agenda(record)

    def aantallen(self) -> dict[str, Any]:
        """Counts and an example for the /open-data/ page (cheap: no export is built for it)."""
        records = self.export.records()
        eigen = sum(1 for v in self.kaart.vindplaatsen.values() if not v.organisatie)
        voorbeeld = next((r for s, r in records if s == "voorziening"), None)
        return {
            "diensten": len(records),
            "organisaties": len(self.kaart.organisaties) + eigen,
            "beheer_regels": sum(max(1, len(plekken(r))) for _, r in records) + len(self.kaart.organisaties),
            "agendas": sum(1 for _, r in records if heeft_agenda(r)),
            "voorbeeld_naam": voorbeeld.naam if voorbeeld else "",
            "voorbeeld_pad": f"{HSDS_DIR}services/{self.export.service_id('voorziening', voorbeeld.id)}.json" if voorbeeld else HSDS_DIR,
        }

    # --- files --------------------------------------------------------------------------------------

    def hsds_files(self) -> dict[str, str]:
        """Paths relative to open-data/hsds/ -> text."""
        services = self.export.services()
        organizations = self.export.organizations()
        taxonomies, terms = self.export.taxonomy.taxonomies(), self.export.taxonomy.terms()
        per_service = {f"services/{service['id']}.json": compact(service) for service in services}
        files = {
            "index.json": json.dumps(self.export.index(), ensure_ascii=False, indent=1),
            "services.json": paged_text(list(per_service.values())),
            "organizations.json": compact(paged(organizations)),
            "taxonomies.json": compact(paged(taxonomies)),
            "taxonomy_terms.json": compact(paged(terms)),
        }
        files |= per_service
        objects = [("service", s) for s in services] + [("organization", o) for o in organizations]
        objects += [("taxonomy", t) for t in taxonomies] + [("taxonomy_term", t) for t in terms]
        files |= {f"tabular/{name}": text for name, text in tabular_files(objects, self.package_meta()).items()}
        return files

    def package_meta(self) -> dict:
        regio = self.kaart.gebieden.regio
        meta: dict[str, Any] = {
            "name": "sociale-kaart-" + re.sub(r"[^a-z0-9]+", "-", regio.casefold()).strip("-"),
            "title": f"Sociale kaart {regio} (HSDS {HSDS_VERSION})",
            "description": f"De sociale kaart van {regio} in de Human Services Data Specification 3.0. Tabellen en kolommen: {ATTRIBUTION}.",
            "version": HSDS_VERSION,
            "created": f"{self.build_date.isoformat()}T00:00:00Z",
        }
        if self.licentie_url:
            meta["licenses"] = [{"path": self.licentie_url, "title": self.licentie or self.licentie_url}]
        return meta

    def calendars(self) -> dict[str, str]:
        """Site paths of the agenda.ics files -> text."""
        files = {}
        for soort, record in self.export.records():
            text = self._agenda.calendar(soort, record)
            if text is not None:
                files[record_url(soort, record.id) + AGENDA_BESTAND] = text
        return files

    def site_files(self) -> dict[str, str]:
        files = {HSDS_DIR + path: text for path, text in self.hsds_files().items()}
        files[BEHEER_CSV] = beheer_csv(self.export)
        files |= self.calendars()
        return files


def write_files(target: Path, files: dict[str, str]) -> tuple[int, int]:
    """Write every file under `target`; returns (files, bytes). CSV and .ics keep their CRLF line ends."""
    total = 0
    folders: set[Path] = set()
    for path, text in files.items():
        destination = target / path
        if destination.parent not in folders:
            destination.parent.mkdir(parents=True, exist_ok=True)
            folders.add(destination.parent)
        data = text.encode("utf-8")
        destination.write_bytes(data)
        total += len(data)
    return len(files), total
