"""Which voorzieningen an outcome shows, in a neutral order: best fit first, then alphabetical.

Selected by the outcome's own purpose: when the outcome lists `trefwoorden`, a voorziening must carry
at least one of them (theme alone is not enough: a safety outcome never lists a fire-safety course).
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


def _woord_hits(selectie: Selectie, voorziening: Voorziening) -> int:
    """Purpose words found at the start of a word in the voorziening's name, summary or keywords."""
    text = _woorden(voorziening)
    return sum(1 for woord in selectie.trefwoorden if re.search(rf"(?<!\w){re.escape(woord.casefold())}", text))


def _past(selectie: Selectie, voorziening: Voorziening) -> bool:
    if selectie.trefwoorden and not _woord_hits(selectie, voorziening):
        return False
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
    """How well a voorziening fits: shared themes count twice, shared target groups once, purpose words three times."""
    hits = _woord_hits(selectie, voorziening)
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


def gesorteerd_per_gebied(kaart: Kaart, voorzieningen: list[Voorziening]) -> list[Voorziening]:
    """For a page that does not know the resident's kern: what serves every kern first, then the rest,
    each in the order of fit. wegwijzer.js reorders for the chosen kern: its gebied first, then region-wide."""
    alle = set(kaart.kernen)
    overal = [v for v in voorzieningen if kaart.kernen_in(v.werkgebied) >= alle]
    return overal + [v for v in voorzieningen if v not in overal]
