"""The HSDS objects as a Tabular Data Package: one CSV per object type, columns as in Open Referral's datapackage.json.

The nested service objects are taken apart: every nested object becomes a row in its own table
(its foreign keys, such as `service_id`, are already in it), and each object appears once.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

DATAPACKAGE = Path(__file__).parent / "hsds-3.0" / "datapackage.json"

# Which table a nested object belongs in, by the key that holds it.
NESTED: dict[str, str] = {
    "organization": "organization", "phones": "phone", "schedules": "schedule", "service_areas": "service_area",
    "service_at_locations": "service_at_location", "location": "location", "addresses": "address",
    "accessibility": "accessibility", "languages": "language", "cost_options": "cost_option",
    "attributes": "attribute", "taxonomy_term": "taxonomy_term", "taxonomy_detail": "taxonomy",
}


@lru_cache(maxsize=1)
def upstream_resources() -> dict[str, dict]:
    """Open Referral's table definitions, by object name ('service', 'phone', ...)."""
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    return {resource["name"]: resource for resource in package["resources"]}


def collect(objects: Iterable[tuple[str, dict]]) -> dict[str, dict[str, dict]]:
    """table name -> id -> flat row, for (table, object) pairs and everything nested in them."""
    tables: dict[str, dict[str, dict]] = {}

    def add(table: str, obj: dict) -> None:
        row = {key: value for key, value in obj.items() if not isinstance(value, (dict, list))}
        tables.setdefault(table, {}).setdefault(obj["id"], row)
        for key, value in obj.items():
            if key in NESTED:
                for child in value if isinstance(value, list) else [value]:
                    add(NESTED[key], child)

    for table, obj in objects:
        add(table, obj)
    return tables


NUMBER = re.compile(r"[+-]?[\d .,()]+\Z")


def geen_formule(value: str, getallen: bool = False) -> str:
    """Partner text must not become a spreadsheet formula: a cell starting with = + - @ gets a leading '
    (OWASP's advice against CSV injection); Excel shows the text as written. With `getallen` (open data read
    by programs) a number or phone number ('+31 523 800 100', '-1.5') stays as it is."""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not (getallen and NUMBER.match(value)):
        return f"'{value}"
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return geen_formule(str(value), getallen=True)


def csv_text(table: str, rows: Iterable[dict]) -> str:
    columns = [f["name"] for f in upstream_resources()[table]["schema"]["fields"]]
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return output.getvalue()


def tabular_files(objects: Iterable[tuple[str, dict]], package_meta: dict) -> dict[str, str]:
    """{'datapackage.json': ..., 'services.csv': ..., ...}: the Tabular Data Package as file texts."""
    tables = collect(objects)
    files: dict[str, str] = {}
    resources = []
    for name, resource in upstream_resources().items():
        if name not in tables:
            continue
        files[resource["path"]] = csv_text(name, tables[name].values())
        resources.append(resource)
    package = {**package_meta, "profile": "tabular-data-package", "resources": resources}
    files["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=1)
    return files
