"""The routing check ("geen verkeerde deur"): every outcome, on the wegwijzer and in the KCC call script,
for every kern, leads to a place that can help and never back to where the caller started.

Errors (in `problems`, `kaart check` fails):
- the door of an outcome has no phone number for some kern, or is the KCC (the desk that shows the
  call script cannot refer a caller to itself);
- the door does not serve what the outcome is about (its themes do not meet the outcome's themes,
  or it is the gemeente's general number): a headline that names a service shows that service's door;
- a referral loop: the door's own text sends the caller on to a place that sends them back;
- a phone number typed into outcome or question text instead of `{bel:<id>}` from the data, or a `{bel:<id>}` of a
  gemeente's general number (the KCC reads these texts in the call script: never back to itself; records' KCC texts
  are checked in trust.py);
- suggested voorzieningen chosen by theme alone (without purpose words, `trefwoorden`);
- a heading (an outcome's title, a question or an answer) that says a word or name twice in a row.

Warnings (`kaart.extras['waarschuwingen']`, `kaart check` prints them and still succeeds):
- an outcome without a `kcc` line for the call script, or one that addresses the caller as 'je';
- a door without phone hours (`contact: telefoon_tijden`): then no "nu open" can stand next to its number;
- a record shown on /kcc/ without a KCC answer;
- a closure that leaves the walk-in hours of the same place open;
- an outcome whose fixed place is closed ('tijdelijk gesloten' or 'gestopt'): residents go elsewhere meanwhile.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

from ..fields import doubled_words
from ..models import field_of
from ..problems import Problemen
from ..validate import Kaart
from . import nummers
from .deur import CRISIS_SOORTEN, Deur, deur_groepen, deur_van, deuren, is_open, open_voor, vaste_deur
from .model import CRISIS, SOCIAAL_TEAM, Uitkomst, Wegwijzer

WAARSCHUWINGEN = "waarschuwingen"
TEKSTVELDEN = ("titel", "samenvatting", "advies", "zelf_doen", "netwerk", "wat_gebeurt_er", "kcc")
VRAAGVELDEN = ("tekst", "uitleg")
JE_RE = re.compile(r"\b(je|jij|jou|jouw|jullie|u|uw)\b", re.IGNORECASE)
TEKST_VAN_DEUR = ("samenvatting", "beschrijving", "wat_gebeurt_er", "aanmelden")
MAX_DAGEN_SLUITING = 62  # a closure longer than this is checked on its first two months only


def waarschuwingen(kaart: Kaart) -> Problemen:
    return kaart.extras.setdefault(WAARSCHUWINGEN, Problemen())


def check_routing(kaart: Kaart, problems: Problemen) -> None:
    """Registered in generator.validate.SECTION_LOADERS, after the wegwijzer is loaded."""
    warnings = waarschuwingen(kaart)
    wegwijzer: Wegwijzer | None = kaart.extras.get("wegwijzer")
    if wegwijzer is not None and wegwijzer.bronnen is not None:
        verwijzingen = _verwijzingen(kaart)
        for uitkomst in sorted(wegwijzer.uitkomsten.values(), key=lambda u: u.id):
            where = lambda *path, u=uitkomst: wegwijzer.bronnen.where("uitkomst", u.id, *path)  # noqa: E731
            for message in _deur_problemen(kaart, uitkomst):
                problems.add(*where("ingang"), message)
            for message in _rondjes(kaart, uitkomst, verwijzingen):
                problems.add(*where("ingang"), message)
            for path, message in _nummer_problemen(kaart, uitkomst, TEKSTVELDEN):
                problems.add(*where(*path), message)
            selectie = uitkomst.voorzieningen
            if selectie is not None and selectie.themas and not selectie.trefwoorden and not selectie.uitgelicht:
                problems.add(*where("voorzieningen"), "Deze uitkomst kiest voorzieningen alleen op thema. Zet bij 'trefwoorden' de woorden "
                             "van het doel van deze uitkomst, zodat er geen voorzieningen verschijnen die er niets mee te maken hebben.")
            if (twice := doubled_words(uitkomst.titel)) is not None:
                problems.add(*where("titel"), _twee_keer(twice))
            _check_kcc_regel(uitkomst, where, warnings)
            for tip in (_gesloten_deur(kaart, uitkomst), _dezelfde_hulp_elders(kaart, uitkomst)):
                if tip is not None:
                    warnings.add(*where("ingang"), tip)
            for deur in _verschillende_deuren(kaart, uitkomst):
                if deur.telefoon and not deur.telefoon_tijden:
                    warnings.add(*kaart.where(deur.soort, deur.id, "contact"), f"'{deur.naam}' is de plek van de uitkomst '{uitkomst.id}', maar heeft "
                                 "geen 'telefoon_tijden'. Zet erbij wanneer het nummer wordt opgenomen: dan ziet de medewerker of het nu open is.")
        for vraag in wegwijzer.vragen.values():
            for path, message in _nummer_problemen(kaart, vraag, VRAAGVELDEN, antwoorden=True):
                problems.add(*wegwijzer.bronnen.where("vraag", vraag.id, *path), message)
            for path, text in [(("tekst",), vraag.tekst), *((("antwoorden", i, "tekst"), a.tekst) for i, a in enumerate(vraag.antwoorden))]:
                if (twice := doubled_words(text)) is not None:
                    problems.add(*wegwijzer.bronnen.where("vraag", vraag.id, *path), _twee_keer(twice))
    _check_kcc_antwoorden(kaart, warnings)
    _check_sluitingen(kaart, warnings)


def _twee_keer(twice: str) -> str:
    return (f"Hier staat '{twice}' twee keer achter elkaar. Dit is een kop die inwoners en het KCC lezen: haal het tweede "
            f"'{twice}' weg. Een naam uit de gegevens hoeft er niet nog eens achter.")


# --- the door ------------------------------------------------------------------------------------


def _kern_namen(kaart: Kaart, kern_ids: list[str]) -> str:
    names = [kaart.kernen[k].naam for k in kern_ids]
    shown = ", ".join(names[:5]) + (f" en nog {len(names) - 5}" if len(names) > 5 else "")
    return ("kern " if len(names) == 1 else "de kernen ") + shown


def _deur_problemen(kaart: Kaart, uitkomst: Uitkomst) -> list[str]:
    """Per kern: a door with a phone number that is not the KCC; grouped so each problem is one message."""
    per_message: dict[str, list[str]] = {}
    for kern_id in kaart.kernen:
        found = deuren(kaart, uitkomst, kern_id)
        if not found:
            per_message.setdefault(
                "Deze uitkomst wijst voor {kernen} nergens heen. Kies een plek die daar is, of 'sociaal-team'.", []).append(kern_id)
        for deur in found:
            if deur.is_kcc:
                per_message.setdefault(
                    f"Deze uitkomst stuurt naar het KCC ('{deur.naam}'). Het KCC toont deze uitkomst zelf in het belscript, "
                    "dus de beller komt terug waar hij begon. Kies de plek die echt helpt: een voorziening, een loket of 'sociaal-team'.", []).append(kern_id)
            elif not deur.telefoon:
                per_message.setdefault(
                    f"'{deur.naam}' heeft geen telefoonnummer, dus voor {{kernen}} is er geen nummer om te bellen. "
                    "Vul het nummer in bij die plek of kies een andere plek.", []).append(kern_id)
    messages = [message.format(kernen=_kern_namen(kaart, kernen)) for message, kernen in per_message.items()]
    if vaste_deur(kaart, uitkomst) is not None:
        for deur in _verschillende_deuren(kaart, uitkomst):
            if not deur.is_kcc and not _is_sociaal_team(deur):  # the team is the fallback for every subject
                messages += _past_bij_kop(kaart, uitkomst, deur)
    return messages


def _is_sociaal_team(deur: Deur) -> bool:
    return deur.soort == "ingang" and deur.record.soort == "sociaal-team"


def _verschillende_deuren(kaart: Kaart, uitkomst: Uitkomst) -> list[Deur]:
    return sorted({d.id: d for groep in deur_groepen(kaart, uitkomst) for d in groep.deuren}.values(), key=lambda d: d.id)


def _dezelfde_hulp_elders(kaart: Kaart, uitkomst: Uitkomst) -> str | None:
    """A warning when kernen outside a fixed voorziening's werkgebied fall back to their sociaal team while a
    voorziening like it (a shared theme and a shared purpose word) works there: it may belong in `ingang_elders`."""
    deur = vaste_deur(kaart, uitkomst)
    if deur is None or deur.soort != "voorziening" or SOCIAAL_TEAM in uitkomst.ingang_elders:
        return None
    terug = [k.id for groep in deur_groepen(kaart, uitkomst) if any(_is_sociaal_team(d) for d in groep.deuren) for k in groep.kernen]
    if not terug:
        return None
    woorden = {w.casefold() for w in deur.record.trefwoorden}
    kandidaten = [v for v in kaart.voorzieningen.values()
                  if v.id != deur.id and v.contact.telefoon and set(v.themas) & set(deur.record.themas)
                  and woorden & {w.casefold() for w in v.trefwoorden} and any(open_voor(kaart, deur_van("voorziening", v), k) for k in terug)]
    if not kandidaten:
        return None
    namen = ", ".join(f"'{v.id}' ({v.naam})" for v in sorted(kandidaten, key=lambda v: v.id))
    waarom = f"is {deur.record.status}" if not is_open(deur) else "werkt niet in"
    return (f"'{deur.naam}' {waarom} {_kern_namen(kaart, terug)}; daar wijst deze uitkomst naar het sociaal team. "
            f"Daar werkt wel {namen}. Is dat dezelfde hulp, zet het dan bij 'ingang_elders'. Is het sociaal team daar "
            "de goede plek, zet dan 'ingang_elders: [sociaal-team]'.")


def _gesloten_deur(kaart: Kaart, uitkomst: Uitkomst) -> str | None:
    """A warning when an outcome's fixed place is closed (for now or for good): residents and callers are
    sent on (deur.deur_elders) while it is, and the gemeente should know where to."""
    deur = vaste_deur(kaart, uitkomst)
    if deur is None or is_open(deur):
        return None
    naar = ", ".join(sorted({f"'{d.naam}'" for groep in deur_groepen(kaart, uitkomst) for d in groep.deuren})) or "nergens"
    return (f"'{deur.naam}' is {deur.record.status}. Zolang wijst deze uitkomst naar {naar}. Kies bij 'ingang' een plek die "
            "open is, of zet bij 'ingang_elders' waar inwoners nu terecht kunnen.")


def _past_bij_kop(kaart: Kaart, uitkomst: Uitkomst, deur: Deur) -> list[str]:
    """The door must be for what the outcome is about, not a general number."""
    if deur.soort == "ingang" and deur.record.soort in CRISIS_SOORTEN:
        return []
    if deur.telefoon and nummers.cijfers(deur.telefoon) in kaart.algemene_nummers:
        return [f"'{deur.naam}' heeft het algemene nummer van de gemeente. De kop '{uitkomst.titel}' noemt een dienst: "
                "geef het nummer van die dienst, of kies de voorziening zelf bij 'ingang'."]
    themas = uitkomst.voorzieningen.themas if uitkomst.voorzieningen else []
    if themas and deur.themas and not set(themas) & set(deur.themas):
        return [f"De kop '{uitkomst.titel}' gaat over {', '.join(themas)}, maar '{deur.naam}' is daar niet voor "
                f"({', '.join(deur.themas)}). Kies bij 'ingang' de voorziening of ingang die de kop noemt."]
    return []


# --- referral loops ------------------------------------------------------------------------------


def _teksten(record: Any) -> Iterable[str]:
    for name in TEKST_VAN_DEUR:
        value = getattr(record, name, None)
        if isinstance(value, str):
            yield value
    kcc = getattr(record, "kcc", None)
    if kcc is not None:
        yield kcc.antwoord
        if kcc.doorverwijzen:
            yield kcc.doorverwijzen


def _verwijzingen(kaart: Kaart) -> dict[str, set[str]]:
    """Which places each place's own text sends people on to (by their number or {bel:id}); crisis lines excluded,
    because 'bij gevaar: 112' is a safety exit, not a referral."""
    per_nummer: dict[str, str] = {}
    for soort in ("ingang", "voorziening", "clientondersteuner"):
        for record in kaart.records.get(soort, {}).values():
            if record.contact.telefoon and not (soort == "ingang" and record.soort in CRISIS_SOORTEN):
                per_nummer.setdefault(nummers.cijfers(record.contact.telefoon), record.id)
    edges: dict[str, set[str]] = {}
    for soort in ("ingang", "voorziening", "clientondersteuner"):
        for record in kaart.records.get(soort, {}).values():
            targets: set[str] = set()
            for text in _teksten(record):
                targets |= {m.group(1) for m in nummers.BEL_RE.finditer(text)}
                for match in nummers.NUMMER_RE.finditer(text):
                    target = per_nummer.get(nummers.cijfers(match.group(0)))
                    if target:
                        targets.add(target)
            targets.discard(record.id)
            edges[record.id] = targets
    return edges


def _naam(kaart: Kaart, record_id: str) -> str:
    record = nummers.record_met_nummer(kaart, record_id)
    return record.naam if record is not None else record_id


def _rondjes(kaart: Kaart, uitkomst: Uitkomst, edges: dict[str, set[str]]) -> list[str]:
    """From each of the outcome's doors (for every kern: the fixed place, `ingang_elders`, a sociaal team, a
    cliëntondersteuner), following what each place says, nobody may come back to a place already visited.
    The KCC counts as visited: it is where a caller of the call script started. Crisis lines are a safety exit."""
    if uitkomst.ingang == CRISIS:
        return []
    kcc = {i.id for i in kaart.ingangen.values() if i.soort == "kcc"}
    messages: list[str] = []

    def walk(node: str, path: list[str]) -> None:
        for target in sorted(edges.get(node, ())):
            if target in path or target in kcc:
                rondje = " → ".join(_naam(kaart, p) for p in [*path, target])
                messages.append(f"Verwijzing in een rondje: {rondje}. Zo gaat de inwoner van het kastje naar de muur. "
                                "Pas de tekst van die plek aan of kies een andere plek bij 'ingang'.")
            elif len(path) < 6:
                walk(target, [*path, target])

    for deur in _verschillende_deuren(kaart, uitkomst):
        walk(deur.id, [deur.id])
    return sorted(set(messages))


# --- numbers typed into text ---------------------------------------------------------------------


def _tekst_velden(node: Any, velden: Iterable[str], antwoorden: bool) -> Iterable[tuple[tuple, str]]:
    for name in velden:
        value = getattr(node, name, None)
        if isinstance(value, str):
            yield (name,), value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield (name, index), item
    if antwoorden:
        for index, antwoord in enumerate(node.antwoorden):
            for name in ("tekst", "uitleg"):
                if getattr(antwoord, name):
                    yield ("antwoorden", index, name), getattr(antwoord, name)


def _nummer_problemen(kaart: Kaart, node: Any, velden: Iterable[str], antwoorden: bool = False) -> list[tuple[tuple, str]]:
    found = []
    bekend, namen = nummers.bekende_nummers(kaart), nummers.namen_met_cijfers(kaart)
    for path, text in _tekst_velden(node, velden, antwoorden):
        for nummer in nummers.getypte_nummers(kaart, text, bekend, namen):
            found.append((path, f"Hier staat het telefoonnummer '{nummer}' met de hand getypt. Schrijf {{bel:<id>}} met de id "
                                f"van de plek (bijvoorbeeld {{bel:veilig-thuis}}): dan komt het nummer uit de gegevens, als link om te bellen."))
        for match in nummers.BEL_RE.finditer(text):
            record_id = match.group(1)
            if nummers.record_met_nummer(kaart, record_id) is None:
                found.append((path, f"{{bel:{record_id}}}: er is geen plek met de id '{record_id}'. Gebruik de id van een ingang, voorziening of organisatie."))
            elif not nummers.telefoon_van(kaart, record_id):
                found.append((path, f"{{bel:{record_id}}}: '{_naam(kaart, record_id)}' heeft geen telefoonnummer. Vul het daar in of noem een andere plek."))
            elif (gemeente := kaart.algemene_nummers.get(nummers.cijfers(nummers.telefoon_van(kaart, record_id)))) is not None:
                found.append((path, f"{{bel:{record_id}}} is het algemene nummer van {gemeente}: het KCC zelf. Het KCC leest deze tekst "
                                    "voor in het belscript en kan de beller niet naar zichzelf terugsturen. Noem de plek die echt helpt "
                                    "(een voorziening, een loket of het sociaal team), of schrijf wat het KCC zelf in het gesprek regelt."))
    return found


# --- warnings ------------------------------------------------------------------------------------


def _check_kcc_regel(uitkomst: Uitkomst, where: Any, warnings: Problemen) -> None:
    if not uitkomst.kcc:
        warnings.add(*where("id"), "Deze uitkomst heeft geen 'kcc'-regel voor het belscript. Schrijf in één zin wat de KCC-medewerker "
                     "doet, over 'de beller', bijvoorbeeld: 'Verwijs de beller naar de formulierenhulp.'")
    elif JE_RE.search(uitkomst.kcc):
        woord = JE_RE.search(uitkomst.kcc).group(0)  # type: ignore[union-attr]
        warnings.add(*where("kcc"), f"De 'kcc'-regel is voor de medewerker, maar spreekt de beller aan ('{woord}'). Schrijf 'de beller'.")


def _check_kcc_antwoorden(kaart: Kaart, warnings: Problemen) -> None:
    from ..kcc.data import SOORTEN_MET_KCC, kcc_antwoord  # the KCC stage builds on the wegwijzer

    for soort in SOORTEN_MET_KCC:
        for record_id, record in sorted(kaart.records.get(soort, {}).items()):
            if field_of(record, "status", "actief") != "gestopt" and not kcc_antwoord(kaart, record):
                wat = ("Haal '# ' weg bij 'kcc:' en 'antwoord:' en schrijf daar in één zin wat de medewerker de beller vertelt."
                       if "kcc" in type(record).model_fields else "Vul 'samenvatting' in: in één zin wat het is en voor wie.")
                warnings.add(*kaart.where(soort, record_id, "id"), "De medewerkers van het klantcontactcentrum (KCC) vinden dit record, "
                             f"maar er staat geen kort antwoord voor de telefoon bij. {wat}")


def _plaatsen(kaart: Kaart) -> Iterable[tuple[str, str, tuple, Any]]:
    """Every place with hours: (soort, id, path to the place in its file, the place)."""
    for soort, records in kaart.records.items():
        for record_id, record in records.items():
            yield soort, record_id, (), record
            for index, locatie in enumerate(field_of(record, "locaties", []) or []):
                yield soort, record_id, ("locaties", index), locatie


def _inloop_open_tijdens(inloop: Any, sluiting: Any) -> dt.date | None:
    day = sluiting.van
    for _ in range(MAX_DAGEN_SLUITING):
        if day > sluiting.laatste:
            return None
        if inloop.ranges(day.weekday()) and not any(u.geldt_op(day) for u in inloop.uitzonderingen):
            return day
        day += dt.timedelta(days=1)
    return None


def _check_sluitingen(kaart: Kaart, warnings: Problemen) -> None:
    """A closure of the place or its phone that explicitly leaves the walk-in open: ask whether that is meant."""
    for soort, record_id, path, plaats in _plaatsen(kaart):
        inloop = field_of(plaats, "inloop")
        if inloop is None:
            continue
        contact = field_of(plaats, "contact")
        for hours_path, tijden in ((("openingstijden",), field_of(plaats, "openingstijden")),
                                   (("contact", "telefoon_tijden"), contact.telefoon_tijden if contact is not None else None)):
            sluitingen = [s for s in (tijden.uitzonderingen if tijden else []) if s.gesloten and not s.geldt_voor_soort("inloop")]
            if not sluitingen:
                continue
            raw = _raw(kaart, soort, record_id, (*path, *hours_path, "uitzonderingen"))  # the file's data: asked only when needed
            for sluiting in sluitingen:
                if not _in_bestand(raw, sluiting):
                    continue
                open_dag = _inloop_open_tijdens(inloop, sluiting)
                if open_dag:
                    position = kaart.where(soort, record_id, *path, *hours_path, "uitzonderingen", raw.index(_in_bestand(raw, sluiting)))
                    warnings.add(*position, f"Tijdens '{sluiting.reden}' is de inloop wel open (bijvoorbeeld op {open_dag.isoformat()}). "
                                 "Is de inloop dan ook dicht? Haal 'geldt_voor' weg (dan geldt de sluiting voor alle tijden) of zet 'inloop' erbij.")


def _raw(kaart: Kaart, soort: str, record_id: str, path: tuple) -> list:
    node: Any = kaart.sources[(soort, record_id)].data
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return []
    return node if isinstance(node, list) else []


def _in_bestand(raw: list, sluiting: Any) -> Any:
    """The raw entry of this closure in this hours block, or None when it was shared from another block."""
    for entry in raw:
        if isinstance(entry, dict) and str(entry.get("van")) == sluiting.van.isoformat() and entry.get("reden") == sluiting.reden:
            return entry
    return None
