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


def areas() -> dict:
    gebieden = []
    for gebied in GEBIEDEN:
        kernen = [{"id": f"{gebied}-kern-{n}", "naam": f"{gebied.capitalize()}dorp {n}"} for n in range(1, KERNEN_PER_GEBIED + 1)]
        gebieden.append({"id": f"gebied-{gebied}", "naam": f"Gebied {gebied.capitalize()}", "kernen": kernen})
    return {"regio": "Synthetisch", "voorbeelddata": True, "gemeenten": [{"id": "synthetisch", "naam": "Gemeente Synthetisch", "gebieden": gebieden}]}


def organisaties(count: int) -> list[dict]:
    result = [{"id": "gemeente-synthetisch", "naam": "Gemeente Synthetisch", "soort": "gemeente", "beheerders": ["gemeente-beheer"], "laatst_gecontroleerd": "2026-09-01"}]
    for n in range(1, count + 1):
        result.append({"id": f"organisatie-{n}", "naam": f"Stichting {n}", "soort": "welzijn", "contact": {"website": f"https://www.stichting-{n}.example.nl"}, "beheerders": [f"partner-{n}"], "laatst_gecontroleerd": "2026-09-01"})
    return result


def sociaal_teams() -> list[dict]:
    return [
        {
            "id": f"sociaal-team-{gebied}", "naam": f"Sociaal team {gebied.capitalize()}", "soort": "sociaal-team",
            "organisatie": "gemeente-synthetisch", "samenvatting": f"Voor alle vragen in gebied {gebied}.",
            "wat_gebeurt_er": "Een generalist belt je terug en maakt een afspraak.", "werkgebied": [f"gebied-{gebied}"],
            "contact": {"telefoon": f"0523 80{index} 000"}, "inloop": {"di": "9.00-11.00"}, "laatst_gecontroleerd": "2026-09-01",
        }
        for index, gebied in enumerate(GEBIEDEN)
    ]


def voorziening(rng: random.Random, number: int, organisatie_count: int) -> dict:
    gebied = rng.choice(GEBIEDEN)
    kern = f"{gebied}-kern-{rng.randint(1, KERNEN_PER_GEBIED)}"
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
        "werkgebied": rng.choice([["synthetisch"], [f"gebied-{gebied}"], [kern]]),
        "contact": {"telefoon": f"0523 {rng.randint(100, 999)} {rng.randint(100, 999)}", "email": f"info{number}@example.nl"},
        "trefwoorden": rng.sample(WORDS, k=rng.randint(0, 5)),
        "laatst_gecontroleerd": min(f"{rng.choice([2024, 2025, 2026, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", LATEST_CHECK),
    }
    if rng.random() < 0.5:
        record["beschrijving"] = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.35:
        day = rng.choice(DAYS)
        record["locaties"] = [{
            "naam": f"Locatie {number}", "adres": {"straat": f"Dorpsstraat {number % 200 + 1}", "postcode": "7771 AB", "plaats": "Synthetisch"},
            "kern": kern, "rolstoeltoegankelijk": rng.random() < 0.8, "openingstijden": {d: "9.00-12.00, 13.00-17.00" for d in DAYS},
            "inloop": {day: "10.00-12.00"},
        }]
        if record["werkgebied"] != ["synthetisch"]:
            record["werkgebied"] = [kern]
    if rng.random() < 0.7:
        record["kcc"] = {"antwoord": _sentence(rng, 10, 25)}
    return record


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def write_synthetic_kaart(target: Path, count: int, seed: int = 2026) -> Path:
    """Write a valid, self-contained kaart with `count` voorzieningen to `target` (replacing it)."""
    if target.exists():
        shutil.rmtree(target)
    rng = random.Random(seed)
    organisatie_count = max(5, count // 20)
    for folder in ("organisaties", "ingangen", "voorzieningen"):
        (target / folder).mkdir(parents=True)
    _dump(target / "gebieden.yaml", areas())
    for record in organisaties(organisatie_count):
        _dump(target / "organisaties" / f"{record['id']}.yaml", record)
    for record in sociaal_teams():
        _dump(target / "ingangen" / f"{record['id']}.yaml", record)
    for number in range(1, count + 1):
        record = voorziening(rng, number, organisatie_count)
        _dump(target / "voorzieningen" / f"{record['id']}.yaml", record)
    return target
