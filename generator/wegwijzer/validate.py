"""Load kaart/wegwijzer/ and check it: every answer leads somewhere, no cycles, nothing unreachable,
no path longer than MAX_VRAGEN questions, and every outcome gives every kern a place to go.

Registered in generator.validate.SECTION_LOADERS; the result is kaart.extras['wegwijzer'].
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..load import YamlFile, iter_yaml_files, read_yaml
from ..messages import suggestion
from ..problems import Problemen
from ..validate import Kaart, report_stray_files, validate_model
from ..vocabulary import CRISIS_SOORTEN
from .model import CLIENTONDERSTEUNING, CRISIS, MAX_VRAGEN, SOCIAAL_TEAM, Uitkomst, Vraag, Wegwijzer, WegwijzerInfo

FOLDER = "wegwijzer"
INFO_FILE = "wegwijzer.yaml"
SUBFOLDERS = {"vragen": Vraag, "uitkomsten": Uitkomst}
RESERVED_VRAAG_IDS = {"uitkomst", "schema"}  # these are URLs under /wegwijzer/ already
NATIONAL_SOORTEN = {"crisislijn", "veilig-thuis"}  # lines for the whole country: they serve every kern


class _Bronnen:
    """The parsed files of the wegwijzer, for reporting problems at the right line."""

    def __init__(self) -> None:
        self.files: dict[tuple[str, str], YamlFile] = {}

    def where(self, kind: str, node_id: str, *path: Any, key: bool = False) -> tuple[Path, int, int]:
        source = self.files[(kind, node_id)]
        return (source.path, *source.position(path, key=key))


def load_wegwijzer(kaart: Kaart, problems: Problemen) -> None:
    folder = kaart.folder / FOLDER
    if not folder.exists():
        return
    if not folder.is_dir():
        problems.add(folder, 1, 1, "'wegwijzer' moet een map zijn met wegwijzer.yaml en de mappen vragen en uitkomsten.")
        return
    before = len(problems)
    bronnen = _Bronnen()
    _report_unknown_entries(folder, problems)
    info = _load_info(folder, bronnen, problems)
    vragen, failed_vragen = _load_nodes(folder / "vragen", "vraag", Vraag, bronnen, problems)
    uitkomsten, failed_uitkomsten = _load_nodes(folder / "uitkomsten", "uitkomst", Uitkomst, bronnen, problems)
    if info is None:
        return
    known = {"vraag": set(vragen) | failed_vragen, "uitkomst": set(uitkomsten) | failed_uitkomsten}
    wegwijzer = Wegwijzer(info, vragen, uitkomsten, bronnen=bronnen)
    _check_references(wegwijzer, known, bronnen, problems)
    for uitkomst in uitkomsten.values():
        _check_uitkomst(kaart, uitkomst, bronnen, problems)
    if len(problems) == before:  # the structure is only meaningful when every node loaded and resolves
        _check_structure(wegwijzer, bronnen, problems)
    if len(problems) == before:
        wegwijzer.index_parents()
        kaart.extras["wegwijzer"] = wegwijzer


# --- reading ----------------------------------------------------------------------------------


def _report_unknown_entries(folder: Path, problems: Problemen) -> None:
    allowed = {INFO_FILE, "README.md", *SUBFOLDERS}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.name not in allowed:
            problems.add(entry, 1, 1, f"'{entry.name}' hoort niet in de map wegwijzer. Daarin staan alleen {INFO_FILE} en de mappen vragen en uitkomsten.")
    for name in SUBFOLDERS:
        sub = folder / name
        if not sub.is_dir():
            continue
        report_stray_files(sub, problems)  # other extensions, subfolders and symlinks are errors, never silently skipped


def _load_info(folder: Path, bronnen: _Bronnen, problems: Problemen) -> WegwijzerInfo | None:
    path = folder / INFO_FILE
    if not path.is_file():
        problems.add(path, 1, 1, f"Het bestand {INFO_FILE} ontbreekt in de map wegwijzer. Zet daarin de eerste vraag ('start: ...') en de inleiding.")
        return None
    source = read_yaml(path, problems)
    if source is None:
        return None
    bronnen.files[("info", "")] = source
    return validate_model(WegwijzerInfo, source, problems)  # type: ignore[return-value]


def _load_nodes(folder: Path, kind: str, model: type, bronnen: _Bronnen, problems: Problemen) -> tuple[dict, set[str]]:
    """Read every file in vragen/ or uitkomsten/; also returns the file names that did not load."""
    nodes: dict[str, Any] = {}
    failed: set[str] = set()
    if not folder.is_dir():
        return nodes, failed
    for path in iter_yaml_files(folder):
        source = read_yaml(path, problems)
        node = validate_model(model, source, problems) if source else None
        if node is None:
            failed.add(path.stem)
            continue
        if node.id != path.stem:
            problems.add(path, *source.position(("id",), key=True), f"De id '{node.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'. Pas de id of de bestandsnaam aan.")
            failed.add(path.stem)
            continue
        if kind == "vraag" and node.id in RESERVED_VRAAG_IDS:
            problems.add(path, *source.position(("id",)), f"De naam '{node.id}' is al in gebruik op de website. Kies een andere id (en bestandsnaam) voor deze vraag.")
        bronnen.files[(kind, node.id)] = source
        nodes[node.id] = node
    return nodes, failed


# --- references ----------------------------------------------------------------------------


def _check_references(wegwijzer: Wegwijzer, known: dict[str, set[str]], bronnen: _Bronnen, problems: Problemen) -> None:
    start = wegwijzer.info.start
    if start not in known["vraag"]:
        problems.add(*bronnen.where("info", "", "start"), f"De startvraag '{start}' bestaat niet.{suggestion(start, sorted(known['vraag']))} Maak vragen/{start}.yaml of kies een bestaande vraag.")
    for vraag in wegwijzer.vragen.values():
        seen: dict[str, int] = {}
        for index, antwoord in enumerate(vraag.antwoorden):
            if antwoord.id in seen:
                problems.add(*bronnen.where("vraag", vraag.id, "antwoorden", index, "id"), f"Het antwoord '{antwoord.id}' staat twee keer in deze vraag. Geef elk antwoord een eigen id.")
            seen[antwoord.id] = index
            kind, target = antwoord.doel
            if target not in known[kind]:
                folder = "vragen" if kind == "vraag" else "uitkomsten"
                problems.add(
                    *bronnen.where("vraag", vraag.id, "antwoorden", index, kind),
                    f"Dit antwoord leidt naar {kind} '{target}', maar die bestaat niet.{suggestion(target, sorted(known[kind]))} "
                    f"Maak {folder}/{target}.yaml of kies een bestaande {kind}; een inwoner mag nooit op een doodlopende weg uitkomen.",
                )


def _check_uitkomst(kaart: Kaart, uitkomst: Uitkomst, bronnen: _Bronnen, problems: Problemen) -> None:
    where = lambda *path: bronnen.where("uitkomst", uitkomst.id, *path)  # noqa: E731
    for message in _ingang_problems(kaart, uitkomst):
        problems.add(*where("ingang"), message)
    for index, message in _elders_problems(kaart, uitkomst):
        problems.add(*where("ingang_elders", index), message)
    for index, ingang_id in enumerate(uitkomst.hulplijnen):
        if ingang_id not in kaart.ingangen:
            problems.add(*where("hulplijnen", index), _unknown("ingang", ingang_id, kaart.ingangen))
    selectie = uitkomst.voorzieningen
    for index, voorziening_id in enumerate(selectie.uitgelicht if selectie else []):
        voorziening = kaart.voorzieningen.get(voorziening_id)
        if voorziening is None:
            problems.add(*where("voorzieningen", "uitgelicht", index), _unknown("voorziening", voorziening_id, kaart.voorzieningen))
        elif voorziening.status == "gestopt":
            problems.add(*where("voorzieningen", "uitgelicht", index), f"De voorziening '{voorziening_id}' is gestopt. Haal haar weg uit 'uitgelicht'.")
    if uitkomst.clientondersteuning:
        missing = _kernen_without_clientondersteuner(kaart, uitkomst.clientondersteuning)
        if missing:
            wetten = ", ".join(uitkomst.clientondersteuning)
            problems.add(*where("clientondersteuning"), f"Deze uitkomst biedt cliëntondersteuning aan ({wetten}), maar in {_kern_list(kaart, missing)} is geen cliëntondersteuner voor die wet. Voeg een cliëntondersteuner toe of pas de wetten aan.")


def _ingang_problems(kaart: Kaart, uitkomst: Uitkomst) -> list[str]:
    """Every kern must end at a concrete place: its sociaal team, an ingang that serves it, or the crisis lines."""
    ingang_id = uitkomst.ingang
    if ingang_id == SOCIAAL_TEAM:
        missing = [k for k in kaart.kernen if kaart.sociaal_team_voor(k) is None]
        return [f"Voor {_kern_list(kaart, missing)} is er geen sociaal team, dus deze uitkomst wijst daar nergens heen. Geef die kernen een sociaal team."] if missing else []
    if ingang_id == CLIENTONDERSTEUNING:
        return []  # per kern: the routing check (routing.py) names every kern without one
    if ingang_id in kaart.voorzieningen and ingang_id not in kaart.ingangen:
        # Closed ('gestopt', 'tijdelijk gesloten') or not serving a kern: residents are sent on (deur.deur_elders) and
        # the routing check warns. Not an error: a partner must be able to record its own closure at once.
        return []
    if ingang_id == CRISIS:
        if uitkomst.hulplijnen or any(i.soort == "crisislijn" for i in kaart.ingangen.values()):
            return []
        return ["Er is geen ingang met 'soort: crisislijn' in de kaart. Voeg de crisislijnen toe (112, 113) of noem ze bij 'hulplijnen'."]
    ingang = kaart.ingangen.get(ingang_id)
    if ingang is None:
        options = [SOCIAAL_TEAM, CRISIS, CLIENTONDERSTEUNING, *kaart.ingangen, *kaart.voorzieningen]
        return [f"Onbekende ingang '{ingang_id}'.{suggestion(ingang_id, options)} Gebruik 'sociaal-team', 'crisis', 'clientondersteuning' of de id van een ingang of voorziening."]
    if ingang.soort == "sociaal-team":
        return [f"'{ingang_id}' is het sociaal team van één gebied. Schrijf 'ingang: sociaal-team': dan ziet elke inwoner het team van zijn eigen kern."]
    if ingang.soort in NATIONAL_SOORTEN:
        return []
    # A kern outside the ingang's werkgebied is served by the same kind of ingang of its own gemeente
    # (the KCC of Egelstede for Egelstede, that of Wolderbeek for Wolderbeek); see pages.andere_deuren.
    counterparts = kaart.ingang_per_kern(ingang.soort)
    missing = sorted(k for k in set(kaart.kernen) - kaart.kernen_in(ingang.werkgebied) if k not in counterparts)
    if missing:
        return [f"'{ingang.naam}' is er niet voor {_kern_list(kaart, missing)}, en daar is ook geen andere ingang met 'soort: {ingang.soort}'. Kies een ingang voor de hele regio, 'sociaal-team', of voeg voor die kernen een ingang van deze soort toe."]
    return []


def _elders_problems(kaart: Kaart, uitkomst: Uitkomst) -> list[tuple[int, str]]:
    """Each of `ingang_elders` must exist, be active and be the door somewhere the main door does not work."""
    main = kaart.ingangen.get(uitkomst.ingang) or kaart.voorzieningen.get(uitkomst.ingang)
    if main is None:
        return []
    outside = set(kaart.kernen) - kaart.kernen_in(main.werkgebied) if main.werkgebied else set()
    found = []
    for index, record_id in enumerate(uitkomst.ingang_elders):
        record = kaart.ingangen.get(record_id) or kaart.voorzieningen.get(record_id)
        if record_id == SOCIAAL_TEAM:
            if index != len(uitkomst.ingang_elders) - 1:
                found.append((index, "Na 'sociaal-team' kijkt de site niet verder. Zet 'sociaal-team' als laatste bij 'ingang_elders'."))
        elif record is None:
            found.append((index, _unknown("ingang of voorziening", record_id, [*kaart.ingangen, *kaart.voorzieningen])))
        elif getattr(record, "status", "actief") == "gestopt":
            found.append((index, f"'{record_id}' is gestopt. Haal het weg uit 'ingang_elders' of kies een plek die nog werkt."))
        elif not (set(kaart.kernen_in(record.werkgebied)) if record.werkgebied else set(kaart.kernen)) & outside:
            found.append((index, f"'{record.naam}' werkt alleen waar '{main.naam}' ook werkt, dus het is nergens de deur. "
                          "Zet bij 'ingang_elders' alleen plekken voor de kernen waar de plek bij 'ingang' niet werkt, of haal het weg."))
    return found


def _kernen_without_clientondersteuner(kaart: Kaart, wetten: list[str]) -> list[str]:
    covered: set[str] = set()
    for ondersteuner in kaart.clientondersteuners.values():
        if set(ondersteuner.wetten) & set(wetten):
            covered |= kaart.kernen_in(ondersteuner.werkgebied)
    return [k for k in kaart.kernen if k not in covered]


def _kern_list(kaart: Kaart, kern_ids: list[str]) -> str:
    names = [kaart.kernen[k].naam for k in kern_ids]
    shown = ", ".join(names[:5]) + (f" en nog {len(names) - 5}" if len(names) > 5 else "")
    return ("kern " if len(names) == 1 else "de kernen ") + shown


def _unknown(what: str, value: str, known: Any) -> str:
    return f"Onbekende {what} '{value}'.{suggestion(value, list(known))} Gebruik een id die in de kaart bestaat."


# --- structure: cycles, reachability, depth ---------------------------------------------------


def _check_structure(wegwijzer: Wegwijzer, bronnen: _Bronnen, problems: Problemen) -> None:
    if _report_cycles(wegwijzer, bronnen, problems):
        return
    _report_unreachable(wegwijzer, bronnen, problems)
    _report_too_deep(wegwijzer, bronnen, problems)
    _report_start_without_crisis(wegwijzer, bronnen, problems)


def _report_cycles(wegwijzer: Wegwijzer, bronnen: _Bronnen, problems: Problemen) -> bool:
    """Depth-first search; every answer that leads back to a question on the current path is a cycle."""
    state: dict[str, str] = {}  # 'open' while on the current path, 'done' afterwards
    stack: list[str] = []
    found = False

    def visit(vraag_id: str) -> None:
        nonlocal found
        state[vraag_id] = "open"
        stack.append(vraag_id)
        for index, antwoord in enumerate(wegwijzer.vragen[vraag_id].antwoorden):
            target = antwoord.vraag
            if target is None:
                continue
            if state.get(target) == "open":
                rondje = " → ".join(stack[stack.index(target):] + [target])
                problems.add(
                    *bronnen.where("vraag", vraag_id, "antwoorden", index, "vraag"),
                    f"Dit antwoord leidt terug naar vraag '{target}', die al eerder op dit pad staat ({rondje}). "
                    "Zo blijft de inwoner rondjes lopen. Laat het antwoord naar een nieuwe vraag of een uitkomst leiden.",
                )
                found = True
            elif target not in state:
                visit(target)
        stack.pop()
        state[vraag_id] = "done"

    for vraag_id in [wegwijzer.info.start, *sorted(wegwijzer.vragen)]:
        if vraag_id not in state:
            visit(vraag_id)
    return found


def _reachable(wegwijzer: Wegwijzer) -> set[tuple[str, str]]:
    seen = {("vraag", wegwijzer.info.start)}
    todo = [wegwijzer.info.start]
    while todo:
        for antwoord in wegwijzer.vragen[todo.pop()].antwoorden:
            if antwoord.doel not in seen:
                seen.add(antwoord.doel)
                if antwoord.vraag:
                    todo.append(antwoord.vraag)
    return seen


def _report_unreachable(wegwijzer: Wegwijzer, bronnen: _Bronnen, problems: Problemen) -> None:
    reachable = _reachable(wegwijzer)
    start = wegwijzer.info.start
    for kind, nodes in (("vraag", wegwijzer.vragen), ("uitkomst", wegwijzer.uitkomsten)):
        for node_id in sorted(nodes):
            if (kind, node_id) not in reachable:
                problems.add(
                    *bronnen.where(kind, node_id, "id"),
                    f"Deze {kind} is niet bereikbaar: vanaf de startvraag '{start}' leidt geen antwoord hierheen. "
                    f"Laat een antwoord naar '{node_id}' leiden of verwijder het bestand.",
                )


def longest_paths(wegwijzer: Wegwijzer) -> dict[str, list[str]]:
    """For every reachable question, the longest chain of questions from the start to it (acyclic tree only)."""
    longest: dict[str, list[str]] = {}

    def visit(vraag_id: str, chain: list[str]) -> None:
        chain = chain + [vraag_id]
        if len(chain) <= len(longest.get(vraag_id, [])):
            return
        longest[vraag_id] = chain
        for antwoord in wegwijzer.vragen[vraag_id].antwoorden:
            if antwoord.vraag:
                visit(antwoord.vraag, chain)

    visit(wegwijzer.info.start, [])
    return longest


def _report_too_deep(wegwijzer: Wegwijzer, bronnen: _Bronnen, problems: Problemen) -> None:
    longest = longest_paths(wegwijzer)
    for vraag_id, chain in sorted(longest.items()):
        if len(chain) != MAX_VRAGEN:
            continue
        for index, antwoord in enumerate(wegwijzer.vragen[vraag_id].antwoorden):
            if antwoord.vraag:
                pad = " → ".join(chain + [antwoord.vraag])
                problems.add(
                    *bronnen.where("vraag", vraag_id, "antwoorden", index, "vraag"),
                    f"Dit antwoord leidt naar een {MAX_VRAGEN + 1}e vraag ('{antwoord.vraag}') op het pad {pad}. "
                    f"Een inwoner krijgt hoogstens {MAX_VRAGEN} vragen voordat er een uitkomst is. Laat dit antwoord naar een uitkomst leiden of maak het pad korter.",
                )


def _report_start_without_crisis(wegwijzer: Wegwijzer, bronnen: _Bronnen, problems: Problemen) -> None:
    start = wegwijzer.start
    if not any(a.uitkomst and wegwijzer.uitkomsten[a.uitkomst].is_crisis for a in start.antwoorden):
        problems.add(
            *bronnen.where("vraag", start.id, "tekst"),
            "Veiligheid eerst: de startvraag moet vragen of iemand nu in gevaar is, met minstens één antwoord dat naar een uitkomst met 'ingang: crisis' leidt.",
        )
