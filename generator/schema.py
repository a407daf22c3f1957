"""JSON Schema files for editors, generated from the pydantic models (never written by hand).

Each record file can start with `# yaml-language-server: $schema=../../schema/voorziening.schema.json`
so VS Code and other editors autocomplete fields and underline mistakes.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import RECORD_MODELS, Gebieden, ToegestaneNummers
from .vocabulary import SOORTEN
from .search.synoniemen import SynoniemenBestand
from .search.vangnet import Vangnet
from .wegwijzer.model import WEGWIJZER_MODELS, WEGWIJZER_TITLES

SEARCH_MODELS = {"synoniemen": SynoniemenBestand, "vangnet": Vangnet}
SCHEMA_MODELS = {**RECORD_MODELS, "gebieden": Gebieden, "toegestane-nummers": ToegestaneNummers, **WEGWIJZER_MODELS, **SEARCH_MODELS}
TITLES = {soort: label for soort, (_, label, _) in SOORTEN.items()} | {"gebieden": "Gebieden", "toegestane-nummers": "Toegestane nummers"} | WEGWIJZER_TITLES | {
    "synoniemen": "Woorden van inwoners (synoniemen.yaml)", "vangnet": "Vangnet voor crisiswoorden (vangnet.yaml)"}


def schema_for(soort: str) -> dict:
    schema = SCHEMA_MODELS[soort].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Sociale Kaart: {TITLES[soort]}"
    return schema


def schema_text(soort: str) -> str:
    return json.dumps(schema_for(soort), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_file_name(soort: str) -> str:
    return f"{soort}.schema.json"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for soort in SCHEMA_MODELS:
        path = folder / schema_file_name(soort)
        path.write_text(schema_text(soort), encoding="utf-8")
        written.append(path)
    return written
