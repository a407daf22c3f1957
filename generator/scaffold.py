"""`kaart nieuw`: a commented Dutch template for a new record, made from the models.

Every field in the template has a comment with its description (from the model), whether it is
required, the allowed values and an example. Required fields hold the placeholder `VUL IN`,
which the validation refuses until the partner fills it in. Optional fields are commented out
('# ' at their indentation): removing '# ' from a field and the lines below it that belong to
it switches it on, with an example value to edit.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .fieldinfo import Veld, example_text, velden, yaml_value
from .fields import ID_PATTERN, PLACEHOLDER
from .models import RECORD_MODELS
from .vocabulary import SOORTEN

WIDTH = 100
LAST_FIELDS = ("status", "laatst_gecontroleerd")  # shown at the end of the template, in this order

# Optional fields that are switched on in the template of a record type, because a record
# needs one of them in practice (the models check "reachable": a phone number or a location).
SWITCHED_ON: dict[str, set[tuple[str, ...]]] = {
    "voorziening": {("contact",), ("contact", "telefoon")},
    "clientondersteuner": {("contact", "telefoon")},
    "ingang": {("contact", "telefoon")},
    "organisatie": {("beheerders",)},
    "vindplaats": set(),
}
# A hint for a switched-on optional field, after its description.
HINTS: dict[tuple[str, tuple[str, ...]], str] = {
    ("voorziening", ("contact", "telefoon")): "Geen telefoonnummer? Haal deze regel weg en vul een e-mailadres, website of locatie in.",
    ("clientondersteuner", ("contact", "telefoon")): "Geen telefoonnummer? Haal deze regel weg en vul een e-mailadres in.",
    ("ingang", ("contact", "telefoon")): "Een ingang heeft altijd een telefoonnummer.",
    ("organisatie", ("beheerders",)): "Wie dit zijn, bepaalt wie de gegevens van de organisatie mag aanpassen.",
}
# Fields left out of commented example blocks to keep the template short; the guide lists them.
LEFT_OUT = {"uitzonderingen", "za", "zo", "feestdagen", "whatsapp", "weken"}  # weken: not together with in_de_maand
# Blocks written out inside a commented example (others stay commented within it).
EXAMPLE_BLOCKS = {"adres", "openingstijden"}

_ID_RE = re.compile(ID_PATTERN)


class ScaffoldError(Exception):
    """A Dutch message for the partner: why the template was not written."""


def record_path(kaart_folder: Path | str, soort: str, record_id: str) -> Path:
    return Path(kaart_folder) / SOORTEN[soort][0] / f"{record_id}.yaml"


def write_template(kaart_folder: Path | str, soort: str, record_id: str, today: dt.date) -> Path:
    if soort not in RECORD_MODELS:
        raise ScaffoldError(f"'{soort}' is geen soort record. Kies uit: {', '.join(RECORD_MODELS)}.")
    if not _ID_RE.match(record_id):
        raise ScaffoldError(f"'{record_id}' is geen geldige id. Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'buurthuis-de-spil'.")
    path = record_path(kaart_folder, soort, record_id)
    if path.exists():
        raise ScaffoldError(f"{path} bestaat al. Pas dat bestand aan, of kies een andere id.")
    taken = [p for folder, _, _ in SOORTEN.values() for p in (Path(kaart_folder) / folder).glob(f"{record_id}.y*ml")]
    if taken:
        raise ScaffoldError(f"De id '{record_id}' wordt al gebruikt door {taken[0]}. Kies een andere id.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template_text(soort, record_id, today), encoding="utf-8")
    return path


def template_text(soort: str, record_id: str, today: dt.date) -> str:
    folder, label, _ = SOORTEN[soort]
    head = [
        f"# yaml-language-server: $schema=../../schema/{soort}.schema.json",
        "#",
        f"# {label}: {record_id}",
        "# Zo vul je dit bestand in:",
        f"# 1. Vervang elke {PLACEHOLDER} door je eigen gegevens. Boven elk veld staat wat je invult.",
        "# 2. Velden met '# ' ervoor zijn niet verplicht. Wil je er een gebruiken? Haal dan '# ' weg",
        "#    bij het veld en bij de regels eronder die erbij horen. Laat de spaties ervoor staan.",
        "# 3. Staat er een dubbele punt (:) in je tekst, of begint hij met ' (zoals 't Veldje) of \"?",
        "#    Zet de hele tekst dan tussen dubbele aanhalingstekens: naam: \"'t Veldje\"",
        "# 4. Alle velden staan in de gids 'Gegevens aanpassen', bij 'Wat betekent elk veld'.",
        "",
    ]
    plan = _Plan(
        on=SWITCHED_ON.get(soort, set()),
        fixed={
            ("id",): "Vul de id in: dezelfde naam als het bestand, zonder .yaml." if record_id == PLACEHOLDER else "Al ingevuld: de naam van het bestand.",
            ("laatst_gecontroleerd",): "Vandaag; pas de datum aan als je later controleert.",
        },
        values={("id",): record_id, ("laatst_gecontroleerd",): today.isoformat()},
        hints={path: hint for (hint_soort, path), hint in HINTS.items() if hint_soort == soort},
    )
    body = _fields(RECORD_MODELS[soort], 0, (), plan, example=False)
    return "\n".join(head + body).rstrip("\n") + "\n"


@dataclass
class _Plan:
    on: set  # optional fields switched on
    fixed: dict  # fields the command fills in: path -> note
    values: dict  # path -> value for the fixed fields
    hints: dict  # path -> hint


def _ordered(model: type[BaseModel]) -> list[Veld]:
    fields = velden(model)
    last = sorted((f for f in fields if f.naam in LAST_FIELDS), key=lambda f: LAST_FIELDS.index(f.naam))
    return [f for f in fields if f.naam not in LAST_FIELDS] + last


def _fields(model: type[BaseModel], indent: int, path: tuple, plan: _Plan, example: bool) -> list[str]:
    """The lines for a block of fields. In an `example` block (one that is commented out as a whole)
    required fields and fields with an example are written out; others are left to the guide."""
    lines: list[str] = []
    for veld in _ordered(model):
        where = path + (veld.naam,)
        if example and (veld.naam in LEFT_OUT or not (veld.verplicht or veld.voorbeelden or veld.blok)):
            continue
        switched_on = veld.verplicht or where in plan.on or (example and (veld.naam in EXAMPLE_BLOCKS if veld.blok else bool(veld.voorbeelden)))
        field_lines = _field(veld, indent, where, plan, example)
        if not field_lines:
            continue
        note = plan.fixed.get(where) or plan.hints.get(where)
        example_line = not (switched_on and not example) or where in plan.fixed
        lines += _comments(veld, indent, note, with_example=not example_line)
        lines += field_lines if switched_on else _commented(field_lines, indent)
        if indent == 0:
            lines.append("")
    return lines


def _field(veld: Veld, indent: int, where: tuple, plan: _Plan, example: bool) -> list[str]:
    pad = " " * indent
    if where in plan.values:
        return [f"{pad}{veld.naam}: {plan.values[where]}"]
    if veld.blok is not None:
        inner_example = example or not (veld.verplicht or where in plan.on)
        if veld.lijst:
            item = _fields(veld.blok, indent + 4, where, plan, inner_example)
            return [f"{pad}{veld.naam}:", *_as_list_item(item, indent + 2)] if item else []
        inner = _fields(veld.blok, indent + 2, where, plan, inner_example)
        return [f"{pad}{veld.naam}:", *inner] if inner else []
    value = _value(veld, placeholder=not example and (veld.verplicht or where in plan.on))
    return [f"{pad}{veld.naam}: {value}"]


def _value(veld: Veld, placeholder: bool) -> str:
    if veld.keuzes == ("ja",):
        return "ja"
    if placeholder or veld.voorbeeld is None:
        return f"[{PLACEHOLDER}]" if veld.lijst else PLACEHOLDER
    return yaml_value(veld.voorbeeld)


def _as_list_item(lines: list[str], indent: int) -> list[str]:
    """Turn a block written at indent+2 into one list item: '- ' before its first field."""
    result = []
    first = True
    for line in lines:
        is_field = not line.strip().startswith("#") and line.strip()
        if first and is_field:
            result.append(" " * indent + "- " + line.lstrip())
            first = False
        elif first:
            result.append(" " * indent + line.lstrip())  # comments above the first field
        else:
            result.append(line)
    return result


def _comments(veld: Veld, indent: int, note: str | None, with_example: bool) -> list[str]:
    pad = " " * indent + "# "
    width = WIDTH - len(pad)
    need = "(verplicht)" if veld.verplicht else "(niet\u00a0verplicht)"
    text = " ".join(part for part in (veld.beschrijving, note, need) if part)
    lines = [line.replace("\u00a0", " ") for line in textwrap.wrap(text, width)]
    if veld.keuzes and veld.keuzes != ("ja",):
        lines += textwrap.wrap(f"Kies uit: {', '.join(map(str, veld.keuzes))}", width, break_on_hyphens=False)
    if with_example and veld.voorbeeld is not None and veld.blok is None:
        lines.append(f"Voorbeeld: {example_text(veld.voorbeeld)}")
    return [pad + line for line in lines]


def _commented(lines: list[str], indent: int) -> list[str]:
    """Comment out lines at the field's own indentation, so removing '# ' gives them back."""
    return [line[:indent] + "# " + line[indent:] for line in lines]
