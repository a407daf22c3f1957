"""The way to a person on every page: the sociaal team per kern, written once as a small JSON asset.

Every page carries a compact "Wil je met iemand praten?" block (docs/overrides/partials/praten.html).
Without JavaScript it shows the KCC number and a link to the Contact page. With JavaScript,
assets/kaart/js/contact.js loads CONTACT_DATA_URI once, lets the resident choose their kern
(remembered in localStorage 'sociale-kaart-kern', the key the wegwijzer uses) and shows that
kern's sociaal team. The team data is in this one file instead of in every page, so pages stay small.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..fields import format_phone
from ..models import Gemeente, Ingang
from ..openingstijden import display_lines, to_json, uitzondering_lines
from ..validate import Kaart
from .urls import record_url

CONTACT_DATA_URI = "assets/kaart/contact.json"


def contact_data(kaart: Kaart, today: dt.date) -> dict[str, Any]:
    """{"kcc": {kcc id: {"gemeente", "tel", "tekst"}}, "kern_kcc": {kern id: kcc id},
    "gebieden": [{"naam", "kernen": [[id, naam, [postcode, ...], [lat, lon] | null], ...]}], "teams": {id: team},
    "kern_team": {kern id: team id}}. URLs are relative to the site root."""
    gemeenten = kaart.gebieden.gemeenten
    teams = {team.id: team_data(team, today) for team in kaart.sociaal_teams.values()}
    kern_team = {kern_id: team.id for kern_id, team in kaart.sociaal_teams.items()}
    return {
        "kcc": {kcc.id: kcc_nummer(gemeente, kcc) for gemeente, kcc in kaart.kcc_per_gemeente()},
        "kern_kcc": {kern_id: kcc.id for kern_id, kcc in kaart.kccs.items()},
        "gebieden": [
            {
                "naam": gebied.naam if len(gemeenten) == 1 else f"{kort(gemeente)}: {gebied.naam}",
                "kernen": [[kern.id, kern.naam, kern.postcodes, [kern.coordinaten.lat, kern.coordinaten.lon] if kern.coordinaten else None] for kern in gebied.kernen],
            }
            for gemeente in gemeenten
            for gebied in gemeente.gebieden
        ],
        "teams": teams,
        "kern_team": kern_team,
    }


def kcc_nummer(gemeente: Gemeente, kcc: Ingang) -> dict[str, str]:
    """{"gemeente": short name, "tel", "tekst"}: the general number of one gemeente."""
    return {"gemeente": kort(gemeente), **phone_data(kcc.contact.telefoon)}


def kort(gemeente: Gemeente) -> str:
    """'Gemeente Wolderbeek' -> 'Wolderbeek', for lists where the word gemeente is already said."""
    return gemeente.naam.removeprefix("Gemeente ").strip()


def hele_gemeente(gemeente: Gemeente) -> str:
    """'Gemeente Egelstede' -> 'de hele gemeente Egelstede': a werkgebied that is a whole gemeente, as
    residents read it on cards and record pages (it said 'heel Gemeente Egelstede')."""
    return f"de hele gemeente {kort(gemeente)}"


def kcc_nummers(kaart: Kaart) -> list[dict[str, str]]:
    """The general number of every gemeente, in the order of gebieden.yaml (one KCC shared by
    several gemeenten is listed once)."""
    seen: dict[str, dict[str, str]] = {}
    for gemeente, kcc in kaart.kcc_per_gemeente():
        seen.setdefault(kcc.id, kcc_nummer(gemeente, kcc))
    return list(seen.values())


def phone_data(number: str | None) -> dict[str, str] | None:
    """{"tel": number for a tel: link, "tekst": number as residents read it}."""
    return {"tel": number, "tekst": format_phone(number)} if number else None


def team_data(team: Ingang, today: dt.date) -> dict[str, Any]:
    inloop = team.inloop
    return {
        "naam": team.naam,
        "url": record_url("ingang", team.id),
        "telefoon": phone_data(team.contact.telefoon),
        "telefoon_toelichting": team.contact.telefoon_toelichting,
        "telefoon_plan": to_json(team.contact.telefoon_tijden) if team.contact.telefoon_tijden else None,  # "nu open" of the phone
        "email": team.contact.email,
        "inloop": (display_lines(inloop) + uitzondering_lines(inloop, today)) if inloop else [],
        "inloop_plan": to_json(inloop) if inloop else None,
        "adres": f"{team.adres.straat}, {team.adres.plaats}" if team.adres else None,
    }


def contact_json(kaart: Kaart, today: dt.date) -> str:
    return json.dumps(contact_data(kaart, today), ensure_ascii=False, separators=(",", ":"))
