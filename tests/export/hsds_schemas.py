"""The official HSDS 3.0 JSON Schemas (vendored in generator/export/hsds-3.0/), made strict as upstream's checks do.

`strict_validator("service")` validates with a format checker (uuid, uri, email, date-time are really
checked: see test_hsds.py::test_the_format_checker_and_the_strictness_really_check) and with `additionalProperties: false` added to every
object, so a misspelt or invented field is an error instead of being ignored.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "generator" / "export" / "hsds-3.0" / "schema"
BASE = "https://openreferral.org/hsds/3.0/schema/"


def _forbid_extra(node):
    """additionalProperties: false on every object schema, at any depth."""
    if isinstance(node, dict):
        if "properties" in node and node.get("type") == "object":
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _forbid_extra(value)
    elif isinstance(node, list):
        for value in node:
            _forbid_extra(value)
    return node


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        if path.name == "openapi.json":
            continue
        schema = _forbid_extra(copy.deepcopy(json.loads(path.read_text(encoding="utf-8"))))
        schema["$id"] = BASE + path.name
        resources.append((BASE + path.name, Resource.from_contents(schema, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def strict_validator(name: str) -> Draft202012Validator:
    registry = _registry()
    schema = registry.contents(BASE + f"{name}.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def errors(name: str, instance) -> list[str]:
    """Every schema error, with the JSON path where it is."""
    return [f"{error.json_path}: {error.message}" for error in strict_validator(name).iter_errors(instance)]


def openapi_page_schema() -> dict:
    """The paged-list envelope of the reference API (components.schemas.Page), strict."""
    openapi = json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
    page = copy.deepcopy(openapi["components"]["schemas"]["Page"])
    page["properties"]["contents"] = {"type": "array"}
    page["required"] = sorted(page["properties"])
    page["additionalProperties"] = False
    return page
