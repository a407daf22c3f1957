"""The Jinja environment for generated pages: autoescaped, with the filters the templates share."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import vocabulary
from ..fieldinfo import field_reference
from ..fields import format_phone
from ..freshness import is_outdated
from ..openingstijden import display_lines, nu_open_json, uitzondering_lines
from .sanitize import safe_markdown, script_json

TEMPLATES = Path(__file__).parent / "templates"

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def datum(value: dt.date) -> str:
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def nu_open_attr(tijden) -> Markup:
    """The data-nu-open attribute for nu-open.js, single-quoted so the JSON's many double quotes
    need no escaping (about 60 bytes less per plan; pages with many places stay under 40 KB).
    Only &, <, > and ' are escaped: enough inside a single-quoted attribute, also for partner text
    in a closure's reason."""
    text = nu_open_json(tijden).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
    return Markup(f"data-nu-open='{text}'")


def markdown_filter(text: str | None) -> Markup:
    return Markup(safe_markdown(text)) if text else Markup("")


@jinja2.pass_context
def bel_filter(context, value) -> Markup:
    """{bel:<id>} in outcome text becomes that record's number as a tel: link (generator/wegwijzer/nummers.py)."""
    from ..wegwijzer.nummers import als_html  # the wegwijzer stage builds on this one

    html = value if isinstance(value, Markup) else escape(value or "")
    kaart = context.get("kaart")
    return als_html(kaart, html) if kaart is not None else Markup(html)


def kopieer_nummer(value: str) -> str:
    """The one format the KCC copies: the number as dialled in the Netherlands, digits only (0523800240)."""
    return format_phone(value).replace(" ", "")


def openingstijden_lines(tijden) -> list[str]:
    return display_lines(tijden) if tijden else []


def uitzonderingen_lines(tijden, vanaf: dt.date) -> list[str]:
    """Temporary closures and other exceptions that are not over on `vanaf` (the build date)."""
    return uitzondering_lines(tijden, vanaf) if tijden else []


def naam_naast_nummer(naam: str, telefoon: str) -> str:
    """A name shown right after its number, without that number when the name holds it: '113' + '113 Zelfmoordpreventie'
    reads '113 Zelfmoordpreventie', not '113 113 Zelfmoordpreventie'; '112' + 'Alarmnummer 112' reads '112 Alarmnummer'."""
    shown = format_phone(telefoon)
    rest = " ".join(re.sub(rf"(?<![\w]){re.escape(shown)}(?![\w])", " ", naam).split())
    return rest or naam


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the code: no stat() for every include and import
    )
    env.filters.update(
        telefoon=format_phone,
        naam_naast_nummer=naam_naast_nummer,
        datum=datum,
        markdown=markdown_filter,
        bel=bel_filter,
        kopieer_nummer=kopieer_nummer,
        tijden=openingstijden_lines,
        uitzonderingen=uitzonderingen_lines,
        script_json=script_json,
    )
    env.globals.update(
        THEMAS=vocabulary.THEMAS,
        THEMA_UITLEG=vocabulary.THEMA_UITLEG,
        DOELGROEPEN=vocabulary.DOELGROEPEN,
        TOEGANG=vocabulary.TOEGANG,
        KOSTEN=vocabulary.KOSTEN,
        STATUS=vocabulary.STATUS,
        INGANG_SOORTEN=vocabulary.INGANG_SOORTEN,
        VINDPLAATS_SOORTEN=vocabulary.VINDPLAATS_SOORTEN,
        ORGANISATIE_SOORTEN=vocabulary.ORGANISATIE_SOORTEN,
        WETTEN=vocabulary.WETTEN,
        SOORTEN=vocabulary.SOORTEN,
        SOORT_VOOR_INWONERS=vocabulary.SOORT_VOOR_INWONERS,
        is_outdated=is_outdated,
        veldenlijst=field_reference,
        nu_open_json=nu_open_json,
        nu_open_attr=nu_open_attr,
    )
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
