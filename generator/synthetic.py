"""Synthetic kaarten of any size for benchmarks (`kaart demo --aantal N --uit DIR`).

Deterministic: the same N gives the same files. The spread of fields and text lengths
is modelled on the demo kaart: most records have one or two themes, about half a
Markdown description, a third a location with opening hours.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from .vocabulary import DOELGROEPEN, THEMAS, TOEGANG

GEBIEDEN = ["noord", "oost", "zuid", "west"]
KERNEN_PER_GEBIED = 8
WORDS = (
    "hulp ondersteuning inwoners buurt vrijwilliger gesprek afspraak thuis samen informatie advies "
    "vragen geld schulden werk zorg kinderen ouders jongeren ouderen mantelzorger huishouden vervoer "
    "ontmoeten activiteit cursus taal computer formulieren brieven spreekuur inloop koffie wijk dorp "
    "gezondheid bewegen sport eenzaamheid opvoeden school administratie budget boodschappen maaltijd"
).split()
NAME_PARTS = (
    ["Buurthuis", "Steunpunt", "Spreekuur", "Inloop", "Maatjes", "Cursus", "Hulpdienst", "Ontmoetingsgroep", "Project", "Servicepunt"],
    ["De Brug", "Samen Verder", "Het Anker", "De Schakel", "Op Weg", "De Linde", "Thuis", "Het Baken", "De Wissel", "Zonnedauw"],
)
DAYS = ["ma", "di", "wo", "do", "vr"]


LATEST_CHECK = "2026-10-31"  # no check date in the future (the kaart refuses those); a string compare works for jjjj-mm-dd


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, 6, 14) for _ in range(rng.randint(2, 5)))


def gemeente_ids(gemeenten: int) -> list[str]:
    """'synthetisch' first (the large gemeente), then smaller neighbours 'buurgemeente-2', …"""
    return ["synthetisch"] + [f"buurgemeente-{n}" for n in range(2, gemeenten + 1)]


def gebieden_van(gemeente_index: int) -> list[str]:
    """Gebied ids: the first gemeente has four gebieden, each neighbour two (prefixed with its number)."""
    return GEBIEDEN if gemeente_index == 0 else [f"g{gemeente_index + 1}-{gebied}" for gebied in GEBIEDEN[::2]]


def kern_ids(gebied: str) -> list[str]:
    return [f"{gebied}-kern-{n}" for n in range(1, KERNEN_PER_GEBIED + 1)]


def kern_coordinates(gemeente_index: int, gebied_index: int, kern_index: int) -> dict[str, float]:
    """A grid of kernen: gemeenten side by side from west to east, each about 25 km wide."""
    return {"lat": round(52.40 + 0.08 * gebied_index + 0.01 * kern_index, 4), "lon": round(6.30 + 0.35 * gemeente_index + 0.04 * kern_index, 4)}


def kern_postcode(g_index: int, a_index: int, k_index: int) -> str:
    """Each kern its own four digits, numbered through the region from 7001."""
    before = sum(len(gebieden_van(g)) for g in range(g_index)) * KERNEN_PER_GEBIED
    return str(7001 + before + a_index * KERNEN_PER_GEBIED + k_index)


def areas(gemeenten: int = 1) -> dict:
    result = []
    for g_index, gemeente in enumerate(gemeente_ids(gemeenten)):
        gebieden = []
        for a_index, gebied in enumerate(gebieden_van(g_index)):
            kernen = []
            for k_index, kern in enumerate(kern_ids(gebied)):
                postcode = kern_postcode(g_index, a_index, k_index)
                # every fourth kern also has the postcode of the kern before it: residents then choose
                postcodes = [postcode] if k_index % 4 != 1 else [str(int(postcode) - 1), postcode]
                kernen.append({"id": kern, "naam": f"{gebied.capitalize()}dorp {k_index + 1}", "postcodes": postcodes, "coordinaten": kern_coordinates(g_index, a_index, k_index)})
            gebieden.append({"id": f"gebied-{gebied}", "naam": f"Gebied {gebied.capitalize()}", "kernen": kernen})
        naam = "Gemeente Synthetisch" if g_index == 0 else f"Gemeente Buurgemeente {g_index + 1}"
        result.append({"id": gemeente, "naam": naam, "organisatie": f"gemeente-{gemeente}", "gebieden": gebieden})
    return {"regio": "Synthetisch", "voorbeelddata": True, "gemeenten": result}


def organisaties(count: int, gemeenten: int = 1) -> list[dict]:
    result = [
        {"id": f"gemeente-{gemeente}", "naam": f"Gemeente {gemeente.replace('-', ' ').title()}", "soort": "gemeente", "beheerders": [f"{gemeente}-beheer"], "laatst_gecontroleerd": "2026-09-01"}
        for gemeente in gemeente_ids(gemeenten)
    ]
    result[0]["beheerders"] = ["gemeente-beheer"]
    for n in range(1, count + 1):
        result.append({"id": f"organisatie-{n}", "naam": f"Stichting S{n}",  # no bare number: 112 and 113 are reserved for the national lines
                        "soort": "welzijn", "contact": {"website": f"https://www.stichting-{n}.example.nl"}, "beheerders": [f"partner-{n}"], "laatst_gecontroleerd": "2026-09-01"})
    return result


def sociaal_teams(gemeenten: int = 1) -> list[dict]:
    """A sociaal team per gebied and a KCC per gemeente: what `kaart check` asks of every kern."""
    teams = []
    for g_index, gemeente in enumerate(gemeente_ids(gemeenten)):
        for a_index, gebied in enumerate(gebieden_van(g_index)):
            teams.append({
                "id": f"sociaal-team-{gebied}", "naam": f"Sociaal team {gebied.capitalize()}", "soort": "sociaal-team",
                "organisatie": f"gemeente-{gemeente}", "samenvatting": f"Voor alle vragen in gebied {gebied}.",
                "wat_gebeurt_er": "Een generalist belt je terug en maakt een afspraak.", "werkgebied": [f"gebied-{gebied}"],
                "contact": {"telefoon": f"0523 8{g_index}{a_index} 000"}, "inloop": {"di": "9.00-11.00"}, "laatst_gecontroleerd": "2026-09-01",
                "kcc": {"antwoord": f"Het sociaal team van gebied {gebied} helpt bij alle vragen over zorg, geld en meedoen."},
            })
        teams.append({
            "id": f"kcc-{gemeente}", "naam": f"Klantcontactcentrum gemeente {gemeente.replace('-', ' ').title()}", "soort": "kcc",
            "organisatie": f"gemeente-{gemeente}", "samenvatting": "Het algemene nummer van de gemeente.",
            "wat_gebeurt_er": "Een medewerker neemt op en zoekt met je uit waar je terechtkunt.", "werkgebied": [gemeente],
            "contact": {"telefoon": f"0523 87{g_index} 100"}, "laatst_gecontroleerd": "2026-09-01",
            "kcc": {"antwoord": "Dit is het algemene nummer van de gemeente zelf."},
        })
    return teams


def voorziening(rng: random.Random, number: int, organisatie_count: int, gemeenten: int = 1) -> dict:
    # The large gemeente has about three quarters of the records; some serve the whole region.
    g_index = 0 if gemeenten == 1 or number % 4 else 1 + number // 4 % (gemeenten - 1)
    gemeente = gemeente_ids(gemeenten)[g_index]
    gebied = rng.choice(gebieden_van(g_index))
    kern_number = rng.randint(1, KERNEN_PER_GEBIED)
    kern = f"{gebied}-kern-{kern_number}"
    region = gemeente_ids(gemeenten) if gemeenten > 1 and number % 10 == 3 else [gemeente]
    toegang = rng.choices(list(TOEGANG), weights=[6, 3, 1, 1])[0]
    record = {
        "id": f"voorziening-{number:05d}",
        "naam": f"{rng.choice(NAME_PARTS[0])} {rng.choice(NAME_PARTS[1])} {number:05d}",  # 05d: never a bare 112 or 113 (reserved names)
        "organisatie": f"organisatie-{rng.randint(1, organisatie_count)}",
        "samenvatting": _sentence(rng, 8, 22),
        "themas": rng.sample(list(THEMAS), k=rng.choice([1, 1, 2, 2, 3])),
        "doelgroepen": rng.sample(list(DOELGROEPEN), k=rng.randint(1, 3)),
        "toegang": toegang,
        "aanmelden": _sentence(rng, 5, 12),
        "kosten": {"soort": "gratis"} if rng.random() < 0.6 else {"soort": "eigen bijdrage", "toelichting": f"€ {rng.randint(1, 40)} per keer"},
        "werkgebied": rng.choice([region, [f"gebied-{gebied}"], [kern]]),
        "contact": {"telefoon": f"0523 {rng.randint(100, 799)} {rng.randint(100, 999)}", "email": f"info{number}@example.nl"},  # 8xx: the gemeente's numbers (KCC, teams)
        "trefwoorden": rng.sample(WORDS, k=rng.randint(0, 5)),
        "laatst_gecontroleerd": min(f"{rng.choice([2024, 2025, 2026, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", LATEST_CHECK),
    }
    if rng.random() < 0.5:
        record["beschrijving"] = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.35:
        day = rng.choice(DAYS)
        record["locaties"] = [{
            "naam": f"Locatie {number}", "adres": {"straat": f"Dorpsstraat {number % 200 + 1}", "postcode": f"{kern_postcode(g_index, gebieden_van(g_index).index(gebied), kern_number - 1)} AB", "plaats": "Synthetisch"},
            "kern": kern, "rolstoeltoegankelijk": rng.random() < 0.8,
            "coordinaten": location_near(g_index, gebieden_van(g_index).index(gebied), kern_number - 1, number), "openingstijden": {d: "9.00-12.00, 13.00-17.00" for d in DAYS},
            "inloop": {day: "10.00-12.00"},
        }]
        if record["werkgebied"] != region:
            record["werkgebied"] = [kern]
    record["kcc"] = {"antwoord": _sentence(rng, 10, 25)}  # every record: a record on /kcc/ without one is a warning
    return record


def location_near(g_index: int, a_index: int, k_index: int, number: int) -> dict[str, float]:
    """Within about a kilometre of the kern's centre (deterministic, no random draw)."""
    centre = kern_coordinates(g_index, a_index, k_index)
    return {"lat": round(centre["lat"] + (number % 7 - 3) * 0.002, 4), "lon": round(centre["lon"] + (number % 5 - 2) * 0.003, 4)}


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def write_synthetic_kaart(target: Path, count: int, seed: int = 2026, gemeenten: int = 1, organisaties_count: int | None = None) -> Path:
    """Write a valid, self-contained kaart with `count` voorzieningen to `target` (replacing it):
    a region of `gemeenten` gemeenten, each with a KCC and a sociaal team per gebied, and one
    organisation per 20 voorzieningen (or `organisaties_count`)."""
    if target.exists():
        shutil.rmtree(target)
    rng = random.Random(seed)
    organisatie_count = organisaties_count or max(5, count // 20)
    for folder in ("organisaties", "ingangen", "voorzieningen"):
        (target / folder).mkdir(parents=True)
    _dump(target / "gebieden.yaml", areas(gemeenten))
    for record in organisaties(organisatie_count, gemeenten):
        _dump(target / "organisaties" / f"{record['id']}.yaml", record)
    for record in sociaal_teams(gemeenten):
        _dump(target / "ingangen" / f"{record['id']}.yaml", record)
    for number in range(1, count + 1):
        record = voorziening(rng, number, organisatie_count, gemeenten)
        _dump(target / "voorzieningen" / f"{record['id']}.yaml", record)
    return target
