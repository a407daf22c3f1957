"""Realistic resident questions and the themes a good answer belongs to (for the demo kaart).

Used by test_quality.py (recall@5) and test_parity.py (as part of its query list). Each entry:
(what a resident types, what at least one of the first five hits must have: one of the themes,
or the record type written as 'soort:<soort>').
Written from the seeds' examples and everyday phrasing, including misspellings and synonyms.
"""

from __future__ import annotations

GELD = "geld-en-schulden"
WERK = "werk-en-inkomen"
WONEN = "wonen-en-huishouden"
ZORG = "zorg-en-gezondheid"
HULPMIDDELEN = "hulpmiddelen-en-vervoer"
PSYCHISCH = "psychisch-en-verslaving"
OPVOEDEN = "opvoeden-en-opgroeien"
MANTELZORG = "mantelzorg"
VRIJWILLIGERS = "vrijwilligers-en-buurthulp"
MEEDOEN = "meedoen-en-ontmoeten"
VEILIGHEID = "veiligheid"
FORMULIEREN = "formulieren-en-juridisch"
TAAL = "taal-en-digitaal"

def answers(hit: dict, expected: set[str]) -> bool:
    """Whether a hit (a result card) is an answer of the expected kind."""
    return bool(set(hit.get("themas", [])) & expected) or f"soort:{hit['soort']}" in expected


VRAGEN: list[tuple[str, set[str]]] = [
    # everyday words and synonyms
    ("geldzorgen", {GELD}),
    ("poetshulp", {WONEN}),
    ("mijn moeder wordt vergeetachtig", {ZORG, MANTELZORG}),
    ("hulp bij formulieren", {FORMULIEREN}),
    ("schuldhulp", {GELD}),
    ("rolstoel", {HULPMIDDELEN}),
    ("eenzaam", {MEEDOEN}),
    ("taalcursus", {TAAL}),
    ("ruzie met de buren", {VEILIGHEID, WONEN}),
    ("mantelzorg ontlasten", {MANTELZORG}),
    ("opvoeden puber", {OPVOEDEN}),
    ("DigiD", {TAAL, FORMULIEREN}),
    ("voedselbank", {GELD}),
    ("ik kan mijn rekeningen niet betalen", {GELD}),
    ("rollator lenen", {HULPMIDDELEN}),
    ("scootmobiel", {HULPMIDDELEN}),
    ("vervoer naar het ziekenhuis", {HULPMIDDELEN}),
    ("ik voel me somber", {PSYCHISCH}),
    ("depressie", {PSYCHISCH}),
    ("mijn zoon blowt", {PSYCHISCH, OPVOEDEN}),
    ("te veel alcohol drinken", {PSYCHISCH}),
    ("gokken", {PSYCHISCH}),
    ("huiselijk geweld", {VEILIGHEID}),
    ("mijn man slaat mij", {VEILIGHEID}),
    ("werk zoeken", {WERK}),
    ("bijstand aanvragen", {WERK, GELD}),
    ("uitkering", {WERK, GELD}),
    ("vrijwilligerswerk", {VRIJWILLIGERS}),
    ("boodschappen doen lukt niet meer", {VRIJWILLIGERS, WONEN}),
    ("klusjes in huis", {WONEN, VRIJWILLIGERS}),
    ("traplift", {WONEN, HULPMIDDELEN}),
    ("dementie", {ZORG, MANTELZORG}),
    ("ik zorg voor mijn vader", {MANTELZORG}),
    ("even vrij van de zorg", {MANTELZORG}),
    ("mijn vrouw is overleden", {PSYCHISCH, MEEDOEN}),
    ("beter leren lezen en schrijven", {TAAL}),
    ("computerles", {TAAL}),
    ("nederlands leren", {TAAL}),
    ("juridisch advies", {FORMULIEREN}),
    ("advocaat", {FORMULIEREN}),
    ("belastingaangifte", {FORMULIEREN, GELD}),
    ("kinderopvang", {OPVOEDEN}),
    ("huiswerkbegeleiding", {OPVOEDEN}),
    ("scheiding en de kinderen", {OPVOEDEN}),
    ("zwanger", {OPVOEDEN, ZORG}),
    ("stoppen met roken", {ZORG, PSYCHISCH}),
    ("thuiszorg", {ZORG}),
    ("sporten voor ouderen", {MEEDOEN}),
    ("koffie drinken in het dorp", {MEEDOEN}),
    ("inbraak", {VEILIGHEID}),
    ("opgelicht aan de telefoon", {VEILIGHEID}),
    ("energierekening", {GELD, WONEN}),
    ("hulp bij de post", {FORMULIEREN, GELD}),
    ("ik heb niemand om mee te praten", {MEEDOEN, PSYCHISCH}),
    ("zelfmoord", {PSYCHISCH}),
    ("kleren voor de kinderen", {GELD}),
    ("dakloos", {WONEN}),
    # misspellings
    ("schuldhulpverlenign", {GELD}),
    ("voedselbnak", {GELD}),
    ("dementei", {ZORG, MANTELZORG}),
    ("vrijwiligerswerk", {VRIJWILLIGERS}),
    ("mantelzorgr", {MANTELZORG}),
    ("eenzaamhied", {MEEDOEN}),
    ("rolstoell", {HULPMIDDELEN}),
    ("formulieren invulen", {FORMULIEREN}),
    # without accents, typed on a phone
    ("clientondersteuning", {"soort:clientondersteuner"}),
    ("iemand die meegaat naar het gesprek met de gemeente", {"soort:clientondersteuner"}),
]
