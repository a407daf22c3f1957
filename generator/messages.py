"""Dutch messages for pydantic validation errors, with suggestions for near-misses."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from functools import lru_cache
from typing import Any

from pydantic import BaseModel


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed in the block at `loc` inside `model`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        models = _models_in(field.annotation)
        current = models[0] if models else None
    return list(current.model_fields) if current else []


def suggestion(word: str, options: list[str]) -> str:
    """' Bedoel je …?' with the closest option, else the one option the word is a part of
    ('meedoen' → 'meedoen-en-ontmoeten'); empty when neither helps."""
    names = [str(o) for o in options]
    close = difflib.get_close_matches(str(word), names, n=1, cutoff=0.6) or _only_option_with_part(str(word), names)
    return f" Bedoel je '{close[0]}'?" if close else ""


def text_expected(value: Any) -> str:
    """Where text belongs but YAML read something else: what it read, and how to write it as text."""
    if value is None or value == "":
        return "Hier hoort tekst te staan, maar het veld is leeg. Vul een tekst in of haal het veld weg."
    if isinstance(value, (list, dict)):
        return ("Hier hoort tekst te staan, geen lijst of blok. Begint de tekst met [ of {? Zet hem dan tussen "
                "aanhalingstekens, bijvoorbeeld: naam: \"[Nieuw] Taalcafé\".")
    if isinstance(value, bool):
        return ("Hier hoort tekst te staan, maar YAML leest dit woord als ja of nee (zoals ja, nee, yes, no, on, off, "
                "true, false). Zet de tekst tussen aanhalingstekens, bijvoorbeeld: \"Ja\".")
    return (f"Hier hoort tekst te staan, maar YAML leest '{value}' als getal, datum of ja/nee. Zet de tekst tussen "
            f"aanhalingstekens, bijvoorbeeld: \"{value}\".")


def _only_option_with_part(word: str, options: list[str]) -> list[str]:
    """The option whose dash-separated parts include the word, when exactly one does."""
    part = word.strip().lower()
    found = [option for option in options if part and part in option.split("-")]
    return found if len(found) == 1 else []


_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def _date_hint(value: Any) -> str:
    """How to write it: ': 2026-12-01.' for a date written the Dutch way (1-12-2026, 1/12/2026), else an example."""
    match = _DUTCH_DATE.match(str(value))
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return f": {dt.date(year, month, day).isoformat()}."
        except ValueError:
            pass
    return ", bijvoorbeeld 2026-10-01."


def _expected_options(ctx: dict) -> list[str]:
    expected = str(ctx.get("expected", ""))
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def dutch_message(error: dict, model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    name = str(loc[-1]) if loc else ""
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "kaart":
        return error["msg"]
    if kind == "missing":
        return f"Het verplichte veld '{name}' ontbreekt. Voeg een regel '{name}: ...' toe."
    if kind == "extra_forbidden" and value is None and " " in name.strip():
        # '{naar: [..], reden: eerst, dan}' reads 'dan' as a field without a value: a comma in the text
        return (f"'{name}' lijkt tekst, geen veld: staat er een komma in de tekst tussen {{ }}? Dan begint daar voor YAML "
                "een nieuw veld. Zet de tekst tussen aanhalingstekens, bijvoorbeeld: reden: \"eerst dit, dan dat\".")
    if kind == "extra_forbidden":
        options = allowed_keys(model, loc[:-1])
        hint = suggestion(name, options) or (f" Toegestane velden hier: {', '.join(options)}." if options else "")
        return f"Het veld '{name}' bestaat niet.{hint}"
    if kind == "literal_error" and isinstance(value, str) and "VUL IN" in value.upper():
        options = _expected_options(ctx)
        return f"Hier staat nog 'VUL IN'. Kies uit: {', '.join(options)}."
    if kind == "literal_error":
        options = _expected_options(ctx)
        if options == ["True"]:
            return "Dit moet 'ja' zijn."
        return f"'{value}' is geen geldige waarde.{suggestion(value, options)} Kies uit: {', '.join(options)}."
    if kind in ("string_type", "string_too_short"):
        return text_expected(value)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' is geen heel getal. Schrijf alleen cijfers, bijvoorbeeld 18."
    if kind in ("float_parsing", "float_type"):
        return f"'{value}' is geen getal. Schrijf een getal met een punt, bijvoorbeeld 52.59."
    if kind in ("bool_parsing", "bool_type"):
        return f"'{value}' is geen ja of nee. Schrijf 'ja' of 'nee'."
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"'{value}' is geen datum. Schrijf de datum als jjjj-mm-dd{_date_hint(value)}"
    if kind in ("list_type", "tuple_type", "set_type"):
        if isinstance(value, str) and value.strip():
            items = ", ".join(part.strip() for part in value.split(",") if part.strip())
            return f"Hier hoort een lijst te staan: zet de waarden tussen vierkante haken, zo: {name}: [{items}]"
        return f"Hier hoort een lijst te staan, bijvoorbeeld {name}: [eerste, tweede]. Eén waarde is ook een lijst: {name}: [eerste]"
    if kind == "too_short":
        return "Deze lijst is leeg. Vul minstens één waarde in."
    if kind in ("greater_than_equal", "greater_than"):
        return f"{value} is te laag: het moet minstens {ctx.get('ge', ctx.get('gt'))} zijn."
    if kind in ("less_than_equal", "less_than"):
        return f"{value} is te hoog: het mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn."
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "Hier horen velden te staan (een blok met regels 'veld: waarde'), geen losse tekst of lijst."
    if kind == "none_required":
        return "Dit veld moet leeg blijven."
    return f"Deze waarde klopt niet ({error.get('msg', kind)})."



@lru_cache(maxsize=1)
def all_field_names() -> frozenset[str]:
    """Every field name of every model a kaart file can hold (for messages about YAML lines)."""
    from .models import RECORD_MODELS, Gebieden, ToegestaneNummers

    names: set[str] = set()
    todo: list[type[BaseModel]] = [*RECORD_MODELS.values(), Gebieden, ToegestaneNummers]
    seen: set[type[BaseModel]] = set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            names.add(name)
            todo.extend(_models_in(field.annotation))
    return frozenset(names)
