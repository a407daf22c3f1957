"""What partners need to know about each field, read from the pydantic models.

The field reference in the partner guide (`<!-- kaart:veldenlijst -->`) and the templates of
`kaart nieuw` are both made from this, so neither can drift from the models: a new field or
a changed description shows up in both automatically.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .models import RECORD_MODELS, Gebieden

# Dutch names of the value types, by the validator function behind each field type in fields.py.
TYPE_LABELS = {
    "_check_id": "id: kleine letters, cijfers en streepjes",
    "_plain_line": "tekst op één regel",
    "_plain_text": "tekst, mag meerdere regels",
    "_ja_nee": "ja of nee",
    "parse_phone": "telefoonnummer",
    "_check_email": "e-mailadres",
    "_check_url": "webadres (begint met https://)",
    "_check_postcode": "postcode",
    "_check_account": "GitHub-account",
    "_check_dagtijden": "tijden, bijvoorbeeld 9.00-17.00",
}
BASIC_LABELS = {str: "tekst", int: "heel getal", float: "getal met een punt", bool: "ja of nee", dt.date: "datum (jjjj-mm-dd)"}
BLOCK_TITLES = {"Kcc": "KCC", "Coordinaten": "Coördinaten"}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_RESOLVES = re.compile(r"^(?:[-+]?[0-9]+(?:\.[0-9]+)?|true|false|null|~|yes|no|on|off)$", re.IGNORECASE)

# The models partners write, in the order the guide shows them.
DOCUMENTED_MODELS: dict[str, type[BaseModel]] = {**RECORD_MODELS, "gebieden": Gebieden}


@dataclass(frozen=True)
class Veld:
    """One field as a partner sees it."""

    naam: str
    beschrijving: str
    verplicht: bool
    soort: str  # Dutch label of the value type
    lijst: bool  # a list of values (or of blocks)
    keuzes: tuple[str, ...]  # the allowed values, when there is a fixed list
    voorbeelden: tuple[Any, ...]
    blok: type[BaseModel] | None  # the block (nested model) this field holds, if any
    standaard: Any  # the value used when the field is left out (None when there is none)

    @property
    def voorbeeld(self) -> Any:
        return self.voorbeelden[0] if self.voorbeelden else None


def block_title(model: type[BaseModel]) -> str:
    return BLOCK_TITLES.get(model.__name__, model.__name__)


def block_anchor(model: type[BaseModel]) -> str:
    return "blok-" + model.__name__.lower()


def velden(model: type[BaseModel]) -> list[Veld]:
    return [_veld(name, info) for name, info in model.model_fields.items()]


def blocks_in(models: typing.Iterable[type[BaseModel]]) -> list[type[BaseModel]]:
    """Every nested model (block) used inside these models, each once, in order of first use."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        for veld in velden(model):
            if veld.blok is not None and veld.blok not in found:
                found.append(veld.blok)
                visit(veld.blok)

    for model in models:
        visit(model)
    return found


def _veld(name: str, info: FieldInfo) -> Veld:
    annotation, metadata, is_list = _unwrap(info.annotation, list(info.metadata))
    block = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    choices = tuple(_show(value) for value in typing.get_args(annotation)) if typing.get_origin(annotation) is Literal else ()
    examples = tuple(info.examples or ()) or _schema_examples(metadata)
    return Veld(
        naam=name,
        beschrijving=info.description or "",
        verplicht=info.is_required(),
        soort=_label(annotation, metadata, block, choices),
        lijst=is_list,
        keuzes=choices,
        voorbeelden=examples,
        blok=block,
        standaard=_default(info),
    )


def _unwrap(annotation: Any, metadata: list) -> tuple[Any, list, bool]:
    """Strip Optional, list and Annotated; return the inner type, its metadata and whether it was a list."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        if origin in (Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        elif origin is list:
            is_list = True
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata = metadata + list(extra)
        else:
            return annotation, metadata, is_list


def _label(annotation: Any, metadata: list, block: type[BaseModel] | None, choices: tuple) -> str:
    if block is not None:
        return f"blok {block_title(block)}"
    if choices:
        return "ja" if choices == ("ja",) else "een waarde uit de lijst"
    for item in metadata:
        function = getattr(item, "func", None)
        if function is not None and function.__name__ in TYPE_LABELS:
            return TYPE_LABELS[function.__name__]
    return BASIC_LABELS.get(annotation, "tekst")


def _schema_examples(metadata: list) -> tuple:
    for item in metadata:
        schema = getattr(item, "json_schema", None)
        if isinstance(schema, dict) and schema.get("examples"):
            return tuple(schema["examples"])
    return ()


def _default(info: FieldInfo) -> Any:
    if info.default_factory is not None:
        value = info.default_factory()
    elif info.default is PydanticUndefined:
        return None
    else:
        value = info.default
    if isinstance(value, BaseModel) or value in ([], None):
        return None
    return [_show(v) for v in value] if isinstance(value, list) else _show(value)


def _show(value: Any) -> Any:
    """A value the way a partner writes it: True as 'ja', False as 'nee'."""
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    return value


def example_text(value: object) -> str:
    """An example as the partner types it in place of the placeholder."""
    if isinstance(value, list):
        return ", ".join(yaml_value(item, in_list=True) for item in value)
    return yaml_value(value)


def yaml_value(value: object, in_list: bool = False) -> str:
    """A scalar or flow list written so that the kaart's YAML reader reads it back as the same value."""
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(item, in_list=True) for item in value) + "]"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float, dt.date)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    text = str(value)
    return text if _plain_ok(text, in_list) else json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, in_list: bool) -> bool:
    """Whether text can stand without quotes and still be read back as the same text."""
    if not text or text != text.strip() or "\n" in text or text[0] in _INDICATORS or _RESOLVES.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (in_list and any(c in text for c in ",[]{}"))


LONG_LIST = 6  # choice lists longer than this are shown once, under their own heading
BLOKKEN_URL = "bijdragen/blokken/"  # the guide page with the blocks (`blokkenlijst` snippet)


def field_reference() -> dict:
    """Everything the field reference of the partner guide shows (snippets `veldenlijst` and `blokkenlijst`).

    Fields every record has are shown once; so are long lists of choices (themes, target groups).
    """
    from .models import Record
    from .vocabulary import SOORTEN

    common = list(Record.model_fields)
    soorten = []
    for soort, model in DOCUMENTED_MODELS.items():
        fields = velden(model)
        if soort in SOORTEN:
            soorten.append((soort, model, SOORTEN[soort][1], SOORTEN[soort][0], [v for v in fields if v.naam not in common]))
        else:
            soorten.append((soort, model, "Gebieden (alleen de gemeente)", None, fields))
    blocks = blocks_in(DOCUMENTED_MODELS.values())
    lists: dict[tuple, tuple[str, str]] = {}  # choices -> (anchor, title); each list once
    for model in [*DOCUMENTED_MODELS.values(), *blocks]:
        owner = next((label for _, m, label, _, _ in soorten if m is model), block_title(model)).lower()
        for veld in velden(model):
            if len(veld.keuzes) > LONG_LIST and veld.keuzes not in lists:
                taken = any(anchor == f"lijst-{veld.naam}" for anchor, _ in lists.values())
                anchor = f"lijst-{veld.naam}-{model.__name__.lower()}" if taken else f"lijst-{veld.naam}"
                lists[veld.keuzes] = (anchor, f"{veld.naam} ({owner})" if taken or veld.naam == "soort" else veld.naam)
    return {
        "gemeenschappelijk": (Record, velden(Record)),
        "soorten": soorten,
        "blokken": [(block, block_title(block), block_anchor(block), velden(block)) for block in blocks],
        "lijsten": lists,
        "long_list": LONG_LIST,
        "blokken_url": BLOKKEN_URL,
        "anchor": block_anchor,
        "title": block_title,
        "written": yaml_value,  # a whole value as written after 'veld: ' (lists with [ ])
    }
