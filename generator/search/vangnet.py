"""kaart/vangnet.yaml: the safety net. Crisis words in a search call up the crisis line first.

    lijnen:
      - ingang: 113-zelfmoordpreventie
        wat_doen: Bel 113 of gratis 0800 0113. Dag en nacht, je mag anoniem blijven.
        signalen: [zelfmoord*, zelfdoding, wil dood, niet meer leven]
      - ingang: veilig-thuis
        wat_doen: ...
        snel_weg: ja            # a violence line: the page offers the quick exit ("Snel weg")
        signalen: [huiselijk geweld, slaat me, ...]
      - ingang: alarmnummer-112
        wat_doen: ...
        signalen: [reanim*, met een mes]
        tenzij: [cursus*, les]  # context that turns the meaning: this line then stays silent
        daarna: [veilig-thuis, sociaal-team]  # the help that follows the line's own card in the results
    nooit:                      # ordinary questions that must never call up a crisis line
      - huiselijke hulp
      - dood van mijn moeder, rouw

When a signal of a line occurs in a query (see signalen.py: stems, typos, compounds, a phrase
inside a sentence), the site shows a box above all results with the line's name, its number as a
`tel:` link and `wat_doen`; `kaart zoek` lists the line first with `"vangnet": true`. Filters
never hide it. The lines keep the order of the file: put the most urgent first (112).
An ingang may have several lines: the unambiguous signals go on a line without `tenzij`, the
words that can also be harmless (a course on reanimation, 'wil thuis sterven') on a line with it.

`daarna` lists records (any soort, by id) that come right after the line's own card when the line
fires, in that order, whether or not the words match them; `sociaal-team` is the resident's own team
(every team when no kern is known). Filters and the chosen kern apply to them (query.follow_lines).

`kaart check` (a section loader in generator.validate) checks that every ingang exists, is
active, has a phone number and is reachable day and night (`contact: telefoon_tijden: dag_en_nacht: ja`)
or that the line says when it is (`wanneer`), that no signal is empty or listed twice, and that
no sentence under `nooit` fires.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..fields import Id, JaNee, Regel, format_phone
from ..load import read_yaml
from ..vocabulary import SOCIAAL_TEAM
from ..problems import Problemen
from .dutch import fold, raw_words
from .gewoon import common_neighbours, typo_words
from .signalen import QueryWords, entry_fires, fired_entries, signal_words, words_of  # noqa: F401 (fired_entries: the query side)

VANGNET_FILE = "vangnet.yaml"
# Where an id under `daarna` is looked up, in this order (ids are unique across kaart/ in practice; ingangen first as in
# the wegwijzer's record_deur).
FOLLOW_SOORTEN = ("ingang", "voorziening", "vindplaats", "clientondersteuner", "organisatie")


class VangnetLijn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    ingang: Id = Field(description="De id van de ingang (crisislijn, 112, Veilig Thuis, huisartsenpost) in kaart/ingangen/.")
    wat_doen: Regel = Field(description="Eén zin: wat de inwoner nu doet, bijvoorbeeld 'Bel 113 of gratis 0800 0113, dag en nacht.'")
    wanneer: Optional[Regel] = Field(None, description="Alleen als de lijn niet dag en nacht bereikbaar is: wanneer wel, bijvoorbeeld 'elke dag van 11.00 tot 21.00 uur'.")
    snel_weg: JaNee = Field(False, description="'ja' bij geweld: de pagina toont dan de knop om snel weg te gaan.")
    signalen: Annotated[list[Regel], Field(min_length=1)] = Field(description="Woorden en zinnetjes die om deze lijn vragen. 'woord*' telt ook samenstellingen die ermee beginnen, '*woord' die ermee eindigen.")
    daarna: list[Id] = Field(default_factory=list, description="De hulp die direct na de lijn in de zoekresultaten komt, in deze volgorde: ids van ingangen, voorzieningen of andere records. 'sociaal-team' is het sociaal team van de inwoner (zonder gekozen kern: alle teams).")
    tenzij: list[Regel] = Field(default_factory=list, description="Woorden en zinnetjes die de betekenis omdraaien (cursus, vrijwilliger, 'thuis sterven'): staat er een in de vraag, dan zwijgt deze lijn. Nooit bij de duidelijke signalen van 113 of Veilig Thuis: zet die op een eigen lijn zonder 'tenzij'.")


class Vangnet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lijnen: Annotated[list[VangnetLijn], Field(min_length=1)] = Field(description="De crisislijnen, de dringendste eerst (112).")
    nooit: list[Regel] = Field(default_factory=list, description="Gewone vragen die nooit een crisislijn mogen oproepen (wordt gecontroleerd).")


def load_vangnet(kaart, problems: Problemen) -> None:
    """Section loader: read and check kaart/vangnet.yaml into kaart.extras['vangnet'] (a Vangnet or None)."""
    from ..validate import validate_model  # imported here: validate imports this module's loader

    kaart.extras["vangnet"] = None
    path = kaart.folder / VANGNET_FILE
    if not path.is_file():
        return
    source = read_yaml(path, problems)
    if source is None:
        return
    model = validate_model(Vangnet, source, problems)
    if model is None:
        return
    before = len(problems)
    check_lines(kaart, model, source, problems)
    check_follow(kaart, model, source, problems)
    check_signals(model, source, problems)
    if len(problems) == before:
        check_never(kaart, model, source, problems)
        kaart.extras["vangnet"] = model


def check_lines(kaart, vangnet: Vangnet, source, problems: Problemen) -> None:
    ingangen = kaart.records.get("ingang", {})
    for number, lijn in enumerate(vangnet.lijnen):
        line, column = source.position(("lijnen", number, "ingang"))
        ingang = ingangen.get(lijn.ingang)
        if ingang is None:
            from ..messages import suggestion

            problems.add(source.path, line, column, f"De ingang '{lijn.ingang}' bestaat niet in kaart/ingangen/.{suggestion(lijn.ingang, list(ingangen))}")
            continue
        if getattr(ingang, "status", "actief") != "actief":
            problems.add(source.path, line, column, f"De ingang '{lijn.ingang}' is niet actief ({ingang.status}). Het vangnet mag alleen naar een lijn verwijzen die nu bereikbaar is.")
        if not (ingang.contact and ingang.contact.telefoon):
            problems.add(source.path, line, column, f"De ingang '{lijn.ingang}' heeft geen telefoonnummer. Het vangnet toont altijd een nummer: zet 'contact: telefoon:' in het bestand van de ingang.")
        if not day_and_night(ingang) and not lijn.wanneer:
            problems.add(source.path, line, column, f"De ingang '{lijn.ingang}' is niet dag en nacht bereikbaar. Schrijf bij deze lijn 'wanneer:' (bijvoorbeeld 'elke dag van 11.00 tot 21.00 uur'), of zet bij de ingang onder 'contact:' 'telefoon_tijden: dag_en_nacht: ja' als dat zo is.")


def record_of(kaart, record_id: str) -> tuple[str, Any] | None:
    """(soort, record) of a record id, looked up in the order of FOLLOW_SOORTEN, or None."""
    for soort in FOLLOW_SOORTEN:
        record = kaart.records.get(soort, {}).get(record_id)
        if record is not None:
            return soort, record
    return None


# A partner who removes, renames or stops a record that `daarna` names meets this message in vangnet.yaml, a file
# only the beheerders may change (ownership.py): it must say who mends it.
FOR_PARTNERS = (" Heb je dit record zelf verwijderd, hernoemd of op gestopt gezet? Dan past de beheerder van de kaart"
                " vangnet.yaml aan: vraag dat in je pull request.")


def check_follow(kaart, vangnet: Vangnet, source, problems: Problemen) -> None:
    """Every id under `daarna` is a record in the search: it exists and has not stopped."""
    for number, lijn in enumerate(vangnet.lijnen):
        for position, record_id in enumerate(lijn.daarna):
            if record_id == SOCIAAL_TEAM:
                continue
            line, column = source.position(("lijnen", number, "daarna", position))
            found = record_of(kaart, record_id)
            if found is None:
                from ..messages import suggestion

                ids = [known for soort in FOLLOW_SOORTEN for known in kaart.records.get(soort, {})] + [SOCIAAL_TEAM]
                problems.add(source.path, line, column, f"Bij 'daarna' staat '{record_id}', maar dat record bestaat niet in kaart/ (ingangen, voorzieningen, vindplaatsen, cliëntondersteuners, organisaties).{suggestion(record_id, ids)} Gebruik de id uit de bestandsnaam, of 'sociaal-team' voor het eigen sociaal team van de inwoner." + FOR_PARTNERS)
            elif getattr(found[1], "status", "actief") == "gestopt":
                problems.add(source.path, line, column, f"'{record_id}' is gestopt en staat daarom niet in de zoekresultaten. Haal het weg bij 'daarna', of kies de hulp die dit nu doet." + FOR_PARTNERS)


def day_and_night(ingang) -> bool:
    return ingang.dag_en_nacht  # the phone's hours: a line is a number to call


def check_signals(vangnet: Vangnet, source, problems: Problemen) -> None:
    seen: dict[str, str] = {}
    for number, lijn in enumerate(vangnet.lijnen):
        for position, zin in enumerate(lijn.tenzij):
            check_words(zin, source.position(("lijnen", number, "tenzij", position)), source, problems)
        for position, signaal in enumerate(lijn.signalen):
            line, column = source.position(("lijnen", number, "signalen", position))
            words = check_words(signaal, (line, column), source, problems)
            if not words:
                continue
            key = " ".join(words)
            if key in seen and seen[key] != lijn.ingang:
                problems.add(source.path, line, column, f"Het signaal '{signaal}' staat ook bij '{seen[key]}'. Zet het bij één lijn: de eerste lijn in het bestand gaat toch voor.")
            seen.setdefault(key, lijn.ingang)


def check_words(signaal: str, where: tuple[int, int], source, problems: Problemen) -> list[str]:
    line, column = where
    words = signal_words(signaal)
    if not words:
        problems.add(source.path, line, column, f"Het signaal '{signaal}' heeft geen woorden (alleen letters en cijfers tellen). Schrijf het signaal met letters, of haal het weg.")
    elif any(len(word.strip("*")) < 4 and "*" in word for word in words):
        problems.add(source.path, line, column, f"'{signaal}': een * hoort bij een woord van minstens 4 letters, anders vangt het te veel andere woorden.")
    return words


def check_never(kaart, vangnet: Vangnet, source, problems: Problemen) -> None:
    if not vangnet.nooit:
        return
    signals = [signal for lijn in vangnet.lijnen for signal in lijn.signalen + lijn.tenzij]
    known = site_vocabulary(kaart, {word for zin in vangnet.nooit for word in words_of(zin)}) | set(common_neighbours(typo_words(signals)))
    for position, zin in enumerate(vangnet.nooit):
        fired = [lijn.ingang for lijn in matching_lines(vangnet.lijnen, zin, known)]
        if fired:
            line, column = source.position(("nooit", position))
            problems.add(source.path, line, column, f"'{zin}' staat onder 'nooit', maar roept {', '.join(fired)} op. Maak het signaal dat hier vuurt preciezer.")


def site_vocabulary(kaart, wanted: set[str]) -> frozenset[str]:
    """Which of the `wanted` words are words of the site, so the check matches as the site does.
    Read from what the index vocabulary is mostly made of (names, summaries, trefwoorden and the
    everyday words of synoniemen.yaml); building every search document would double `kaart check`."""
    texts = [word for word in kaart.extras.get("synoniemen", {})]
    for records in kaart.records.values():
        for record in records.values():
            texts += [record.naam, getattr(record, "samenvatting", None) or ""] + list(getattr(record, "trefwoorden", []))
    found: set[str] = set()
    for text in texts:
        found.update(word for word in raw_words(fold(text)) if word in wanted)
    return frozenset(found)


def matching_lines(lijnen: list[VangnetLijn], query: str, known: frozenset[str] = frozenset()) -> list[VangnetLijn]:
    words = QueryWords(query, known)
    return [lijn for lijn in lijnen if entry_fires(lijn.signalen, lijn.tenzij, words)]


def index_entries(kaart, documents) -> list[dict[str, Any]]:
    """The safety net as it goes into zoekindex.json: per line what the box shows, its signals, and
    `at`, the position of the ingang's card (the search puts it first, past every filter), and `daarna`,
    the positions of the records that follow it (follow_entries)."""
    vangnet: Vangnet | None = kaart.extras.get("vangnet")
    if vangnet is None:
        return []
    from ..build.urls import record_url

    positions = {(document.soort, document.id): at for at, document in enumerate(documents)}
    entries = []
    for lijn in vangnet.lijnen:
        ingang = kaart.records["ingang"][lijn.ingang]
        entry = {
            "at": positions[("ingang", ingang.id)], "id": ingang.id, "soort": "ingang", "naam": ingang.naam, "url": record_url("ingang", ingang.id),
            "telefoon": format_phone(ingang.contact.telefoon), "tel": ingang.contact.telefoon,
            "wat_doen": lijn.wat_doen, "signalen": [" ".join(signal_words(s)) for s in lijn.signalen],
        }
        if lijn.daarna:
            entry["daarna"] = follow_entries(kaart, lijn.daarna, positions)
        if lijn.tenzij:
            entry["tenzij"] = [" ".join(signal_words(s)) for s in lijn.tenzij]
        if lijn.wanneer:
            entry["wanneer"] = lijn.wanneer
        if lijn.snel_weg:
            entry["snel_weg"] = True
        entries.append(entry)
    return entries


def follow_entries(kaart, daarna: list[str], positions: dict[tuple[str, str], int]) -> list[int | str]:
    """The `daarna` of a line as it goes into the index: the position of each record's card, and 'sociaal-team'
    as it is (the index's `teams` says which team serves which kern: index.team_entry)."""
    entries: list[int | str] = []
    for record_id in daarna:
        if record_id == SOCIAAL_TEAM:
            entries.append(SOCIAAL_TEAM)
        elif (found := record_of(kaart, record_id)) is not None and (found[0], record_id) in positions:
            entries.append(positions[(found[0], record_id)])
    return entries
