"""The JSON Schema files for editors: generated from the models, current, described in Dutch,
and in agreement with the models on real data (the demo kaart and the mini kaart)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest

from support import DEMO_KAART, MINI_KAART, ROOT
from generator.load import iter_yaml_files, read_yaml
from generator.models import RECORD_MODELS, Gebieden
from generator.problems import Problemen
from generator.schema import SCHEMA_MODELS, schema_file_name, schema_for, schema_text
from generator.validate import GEBIEDEN_FILE, validate_model
from generator.vocabulary import SOORTEN

SCHEMA_DIR = ROOT / "schema"


@pytest.mark.parametrize("soort", list(SCHEMA_MODELS))
def test_committed_schema_is_current(soort):
    committed = (SCHEMA_DIR / schema_file_name(soort)).read_text(encoding="utf-8")
    assert committed == schema_text(soort), f"schema/{schema_file_name(soort)} is verouderd: voer 'kaart schema' uit"


def test_schema_folder_holds_exactly_the_generated_files():
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(schema_file_name(s) for s in SCHEMA_MODELS)


def _properties(schema: dict):
    yield from (("(record)", name, spec) for name, spec in schema.get("properties", {}).items())
    for block, definition in schema.get("$defs", {}).items():
        yield from ((block, name, spec) for name, spec in definition.get("properties", {}).items())


@pytest.mark.parametrize("soort", list(SCHEMA_MODELS))
def test_every_property_has_a_description(soort):
    missing = [f"{block}.{name}" for block, name, spec in _properties(schema_for(soort)) if not spec.get("description", "").strip()]
    assert missing == []


def test_schema_sees_every_model_field():
    """Guards the test above: the walk over properties really covers the models."""
    names = {name for _, name, _ in _properties(schema_for("voorziening"))}
    assert {"themas", "kosten", "locaties", "postcode", "ma", "reden", "telefoon", "antwoord"} <= names


def as_json(value):
    """YAML dates are date objects; JSON Schema sees them as ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def kaart_files(folder: Path) -> list[tuple[str, Path]]:
    files = [("gebieden", folder / GEBIEDEN_FILE)]
    for soort in RECORD_MODELS:
        files += [(soort, path) for path in iter_yaml_files(folder / SOORTEN[soort][0])]
    return files


def schema_and_model_errors(soort: str, path: Path) -> tuple[list[str], list[str]]:
    problems = Problemen()
    source = read_yaml(path, problems)
    assert source is not None, problems
    validator = jsonschema.Draft202012Validator(schema_for(soort))
    schema_errors = [f"{path.name}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(as_json(source.data))]
    validate_model(SCHEMA_MODELS[soort], source, problems)
    return schema_errors, [str(p) for p in problems]


@pytest.mark.parametrize("folder", [DEMO_KAART, MINI_KAART], ids=["demo", "mini"])
def test_kaart_validates_against_json_schema_and_models(folder):
    files = kaart_files(folder)
    assert len(files) >= (100 if folder == DEMO_KAART else 8)
    schema_errors, model_errors = [], []
    for soort, path in files:
        by_schema, by_model = schema_and_model_errors(soort, path)
        schema_errors += by_schema
        model_errors += by_model
    assert model_errors == []
    assert schema_errors == []


@pytest.mark.parametrize("change, key", [
    ({"onbekend_veld": "x"}, "onbekend_veld"),
    ({"themas": ["geen-thema"]}, "themas"),
    ({"toegang": "misschien"}, "toegang"),
    ({"werkgebied": ["Hoofd Letters"]}, "werkgebied"),
])
def test_schema_and_models_both_refuse_a_mistake(change, key):
    problems = Problemen()
    source = read_yaml(MINI_KAART / "voorzieningen" / "formulierenhulp.yaml", problems)
    source.data.update(change)
    errors = list(jsonschema.Draft202012Validator(schema_for("voorziening")).iter_errors(as_json(source.data)))
    assert errors, f"the JSON Schema accepts {change}"
    assert validate_model(SCHEMA_MODELS["voorziening"], source, problems) is None
    assert problems


def test_gratis_ja_is_valid_for_schema_and_model():
    schema = schema_for("clientondersteuner")["properties"]["gratis"]
    jsonschema.validate("ja", schema)
    jsonschema.validate(True, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("nee", schema)


def test_gebieden_schema_is_the_gebieden_model():
    assert SCHEMA_MODELS["gebieden"] is Gebieden
