"""Which voorzieningen an outcome shows, in a neutral order: best fit first, then alphabetical.

Never ordered by provider: the organisation of a voorziening plays no part in the score.
"""

from __future__ import annotations

import re

from ..models import Voorziening
from ..validate import Kaart
from .model import Selectie

UITGELICHT = 1000  # hand-picked voorzieningen come first, in the order the outcome lists them


def _leeftijd_past(selectie: Selectie, voorziening: Voorziening) -> bool:
    if selectie.leeftijd is None or voorziening.leeftijd is None:
        return True
    van = max(selectie.leeftijd.van or 0, voorziening.leeftijd.van or 0)
    tot = min(selectie.leeftijd.tot or 121, voorziening.leeftijd.tot or 121)
    return van < tot


def _past(selectie: Selectie, voorziening: Voorziening) -> bool:
    if selectie.themas and not set(selectie.themas) & set(voorziening.themas):
        return False
    if selectie.doelgroepen and "iedereen" not in voorziening.doelgroepen and not set(selectie.doelgroepen) & set(voorziening.doelgroepen):
        return False
    if selectie.toegang and voorziening.toegang not in selectie.toegang:
        return False
    return _leeftijd_past(selectie, voorziening)


def _woorden(voorziening: Voorziening) -> str:
    return " ".join([voorziening.naam, voorziening.samenvatting, *voorziening.trefwoorden]).casefold()


def score(selectie: Selectie, voorziening: Voorziening) -> int:
    """How well a voorziening fits: shared themes count twice, shared target groups once, whole words three times."""
    text = _woorden(voorziening)
    hits = sum(1 for woord in selectie.trefwoorden if re.search(rf"\b{re.escape(woord.casefold())}\b", text))
    return 2 * len(set(selectie.themas) & set(voorziening.themas)) + len(set(selectie.doelgroepen) & set(voorziening.doelgroepen)) + 3 * hits


def passende_voorzieningen(kaart: Kaart, selectie: Selectie | None) -> list[Voorziening]:
    """Every active voorziening that fits, best fit first and then by name (never by provider)."""
    if selectie is None:
        return []
    scored: list[tuple[int, Voorziening]] = []
    for voorziening in kaart.voorzieningen.values():
        if voorziening.status == "gestopt":
            continue
        if voorziening.id in selectie.uitgelicht:
            scored.append((UITGELICHT * (len(selectie.uitgelicht) - selectie.uitgelicht.index(voorziening.id)), voorziening))
        elif _past(selectie, voorziening):
            scored.append((score(selectie, voorziening), voorziening))
    scored.sort(key=lambda item: (-item[0], item[1].naam.casefold(), item[1].id))
    return [voorziening for _, voorziening in scored]
