"""Phone numbers in outcome text come from the data: `{bel:<id>}` becomes that record's number as a tel: link.

A hand-typed number goes stale when a partner changes theirs; the routing check (routing.py) reports
every number in outcome text that is not written this way.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from markupsafe import Markup, escape

from ..fields import cijfers, format_phone
from ..validate import Kaart

BEL_RE = re.compile(r"\{bel:\s*([a-z0-9-]+)\s*\}")
# Digit groups that read as a phone number: 0800 2000, 0523 800 100, 088-0767000, +31 523 800 100, 112.
NUMMER_RE = re.compile(r"(?<![\w.,:/-])\+?\d(?:[\d]|[ -](?=\d)){2,14}(?![\w])")
RECORD_SOORTEN = ("ingang", "voorziening", "clientondersteuner", "vindplaats", "organisatie")


def record_met_nummer(kaart: Kaart, record_id: str) -> Any | None:
    """The record a `{bel:id}` names (ingangen first), or None."""
    for soort in RECORD_SOORTEN:
        record = kaart.records.get(soort, {}).get(record_id)
        if record is not None:
            return record
    return None


def telefoon_van(kaart: Kaart, record_id: str) -> str | None:
    record = record_met_nummer(kaart, record_id)
    contact = getattr(record, "contact", None)
    return contact.telefoon if contact is not None else None


# A tag of (already safe) HTML, with its attributes: a quoted value may hold '>' (nh3 does not escape it).
_TAG_RE = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")


def als_html(kaart: Kaart, html: str) -> Markup:
    """Replace every {bel:id} in the text of (already safe) HTML with a tel: link to that record's number.
    Only in text: never inside a tag (a partner's link title), and inside a link as the number without a link
    of its own (no link in a link)."""
    html = str(html)
    if "{bel:" not in html:
        return Markup(html)

    def in_text(text: str, in_link: bool) -> str:
        def link(match: re.Match[str]) -> str:
            nummer = telefoon_van(kaart, match.group(1))
            if nummer is None:  # the routing check reports it; never show the raw placeholder
                return ""
            if in_link:
                return str(escape(format_phone(nummer)))
            return f'<a class="sk-tel" href="tel:{escape(nummer)}">{escape(format_phone(nummer))}</a>'

        return BEL_RE.sub(link, text)

    parts, position, links = [], 0, 0
    for tag in _TAG_RE.finditer(html):
        parts.append(in_text(html[position:tag.start()], links > 0))
        parts.append(tag.group(0))
        if tag.group(2).lower() == "a":
            links = max(0, links + (-1 if tag.group(1) else 1))
        position = tag.end()
    parts.append(in_text(html[position:], links > 0))
    return Markup("".join(parts))


def als_tekst(kaart: Kaart, text: str) -> str:
    """The same text with the numbers written out, for places without links (page descriptions, copied text)."""
    return BEL_RE.sub(lambda m: format_phone(telefoon_van(kaart, m.group(1)) or ""), text)


def bekende_nummers(kaart: Kaart) -> set[str]:
    found = set()
    for records in kaart.records.values():
        for record in records.values():
            contact = getattr(record, "contact", None)
            if contact is not None and contact.telefoon:
                found.add(cijfers(contact.telefoon))
    return found


def namen_met_cijfers(kaart: Kaart) -> list[str]:
    """Record names that contain digits ('113 Zelfmoordpreventie'): naming a place is not typing its number."""
    return sorted({r.naam for rs in kaart.records.values() for r in rs.values() if re.search(r"\d", r.naam)}, key=len, reverse=True)


def getypte_nummers(kaart: Kaart, text: str, bekend: set[str] | None = None, namen: list[str] | None = None) -> Iterator[str]:
    """Hand-typed phone numbers in a text: a number from the data, or anything that dials like one (0 + 7 digits or more)."""
    bekend = bekende_nummers(kaart) if bekend is None else bekend
    namen = namen_met_cijfers(kaart) if namen is None else namen
    text = BEL_RE.sub(" ", text)
    for naam in namen:
        text = re.sub(re.escape(naam), " ", text, flags=re.IGNORECASE)
    for match in NUMMER_RE.finditer(text):
        digits = cijfers(match.group(0))
        if digits in bekend or (digits.startswith("0") and len(digits) >= 8) or match.group(0).startswith("+"):
            yield match.group(0).strip()
