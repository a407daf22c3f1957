"""Stage 2: turn the YAML files of a kaart folder into validated models, with cross-references.

`load_kaart(folder)` returns the `Kaart` and every problem found, all at once.
"""

from __future__ import annotations

import gc
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from pydantic import BaseModel, ValidationError

from .fields import cijfers
from .halves import map_in_halves
from .load import YamlFile, is_yaml_file, read_yaml
from .messages import allowed_keys, dutch_message, suggestion
from .models import (
    RECORD_MODELS,
    Clientondersteuner,
    Gebied,
    Gebieden,
    Gemeente,
    Ingang,
    Kern,
    Organisatie,
    Record,
    ToegestaneNummers,
    Vindplaats,
    Voorziening,
    field_of,
)
from .novelty import oldest_first
from .problems import Problemen, display_path
from .plausible import check_plausible, checked_values
from .trust import ALLOWED_NUMBERS_FILE, TrustFacts, check_trust, trust_facts
from .vocabulary import SOORTEN

GEBIEDEN_FILE = "gebieden.yaml"


class RecordFacts(NamedTuple):
    """What the cross-record checks ask of one record that depends on that record alone, worked out where the
    record is read (on either core, halves.py): the checks that need the whole kaart then only look them up."""

    trust: TrustFacts
    checked: list  # plausible.checked_values


def record_facts(record: Record) -> RecordFacts:
    return RecordFacts(trust_facts(record), checked_values(record))


@dataclass
class Kaart:
    """The whole validated kaart, with lookups the build stages need."""

    folder: Path
    gebieden: Gebieden
    records: dict[str, dict[str, Record]]
    sources: dict[tuple[str, str], YamlFile] = field(default_factory=dict)
    gebieden_source: YamlFile | None = None
    extras: dict[str, Any] = field(default_factory=dict)  # sections added by later stages (synoniemen, wegwijzer)

    # derived lookups, filled by index_areas()
    kernen: dict[str, Kern] = field(default_factory=dict)
    gebied_van_kern: dict[str, Gebied] = field(default_factory=dict)
    gemeente_van_kern: dict[str, Gemeente] = field(default_factory=dict)
    gebieden_by_id: dict[str, Gebied] = field(default_factory=dict)
    gemeenten_by_id: dict[str, Gemeente] = field(default_factory=dict)
    _ingang_per_kern: dict[str, dict[str, Ingang]] = field(default_factory=dict, repr=False)
    facts: dict[tuple[str, str], RecordFacts] = field(default_factory=dict, repr=False)  # (soort, id) → what the checks ask of one record

    @property
    def voorzieningen(self) -> dict[str, Voorziening]:
        return self.records["voorziening"]  # type: ignore[return-value]

    @property
    def vindplaatsen(self) -> dict[str, Vindplaats]:
        return self.records["vindplaats"]  # type: ignore[return-value]

    @property
    def clientondersteuners(self) -> dict[str, Clientondersteuner]:
        return self.records["clientondersteuner"]  # type: ignore[return-value]

    @property
    def ingangen(self) -> dict[str, Ingang]:
        return self.records["ingang"]  # type: ignore[return-value]

    @property
    def organisaties(self) -> dict[str, Organisatie]:
        return self.records["organisatie"]  # type: ignore[return-value]

    def index_areas(self) -> None:
        for gemeente in self.gebieden.gemeenten:
            self.gemeenten_by_id[gemeente.id] = gemeente
            for gebied in gemeente.gebieden:
                self.gebieden_by_id[gebied.id] = gebied
                for kern in gebied.kernen:
                    self.kernen[kern.id] = kern
                    self.gebied_van_kern[kern.id] = gebied
                    self.gemeente_van_kern[kern.id] = gemeente

    def area_ids(self) -> set[str]:
        return set(self.kernen) | set(self.gebieden_by_id) | set(self.gemeenten_by_id)

    def kernen_in(self, werkgebied: list[str]) -> set[str]:
        """Every kern covered by a list of gemeente, gebied and kern ids."""
        covered: set[str] = set()
        for area in werkgebied:
            if area in self.kernen:
                covered.add(area)
            elif area in self.gebieden_by_id:
                covered.update(k.id for k in self.gebieden_by_id[area].kernen)
            elif area in self.gemeenten_by_id:
                covered.update(k.id for g in self.gemeenten_by_id[area].gebieden for k in g.kernen)
        return covered

    def ingang_per_kern(self, soort: str) -> dict[str, Ingang]:
        """kern id → the ingang of this soort that serves it: the narrowest werkgebied wins (then the id).
        Worked out once per soort: every outcome asks it for every kern."""
        if soort not in self._ingang_per_kern:
            self._ingang_per_kern[soort] = self._narrowest_ingang_per_kern(soort)
        return self._ingang_per_kern[soort]

    def _narrowest_ingang_per_kern(self, soort: str) -> dict[str, Ingang]:
        ingangen = [i for i in self.ingangen.values() if i.soort == soort]
        chosen: dict[str, Ingang] = {}
        for ingang in sorted(ingangen, key=lambda ingang: (len(self.kernen_in(ingang.werkgebied)), ingang.id)):
            for kern_id in self.kernen_in(ingang.werkgebied):
                chosen.setdefault(kern_id, ingang)
        return {kern_id: chosen[kern_id] for kern_id in self.kernen if kern_id in chosen}  # gebieden.yaml order, every build

    @property
    def sociaal_teams(self) -> dict[str, Ingang]:
        """kern id → the sociaal team that serves it."""
        return self.ingang_per_kern("sociaal-team")

    def sociaal_team_voor(self, kern_id: str) -> Ingang | None:
        return self.sociaal_teams.get(kern_id)

    @property
    def kccs(self) -> dict[str, Ingang]:
        """kern id → the klantcontactcentrum (the general number) of the kern's gemeente."""
        return self.ingang_per_kern("kcc")

    def kcc_voor(self, kern_id: str) -> Ingang | None:
        return self.kccs.get(kern_id)

    @cached_property
    def algemene_nummers(self) -> dict[str, str]:
        """The digits of every KCC's number (a gemeente's general number) → 'gemeente <naam>'. A door with one of
        these numbers sends a caller back to the desk they called."""
        numbers = {cijfers(kcc.contact.telefoon): "de gemeente"
                   for kcc in self.ingangen.values() if kcc.soort == "kcc" and kcc.contact and kcc.contact.telefoon}
        from .build.contact import kort  # 'Gemeente Egelstede' -> 'Egelstede': never 'gemeente Gemeente Egelstede'

        for kern_id, kcc in sorted(self.kccs.items()):
            if kcc.contact and kcc.contact.telefoon:
                numbers[cijfers(kcc.contact.telefoon)] = f"gemeente {kort(self.gemeente_van_kern[kern_id])}"
        return numbers

    def kcc_per_gemeente(self) -> list[tuple[Gemeente, Ingang]]:
        """Each gemeente with its KCC (the one serving its first kern), in the order of gebieden.yaml."""
        pairs = []
        for gemeente in self.gebieden.gemeenten:
            kcc = self.kcc_voor(gemeente.gebieden[0].kernen[0].id)
            if kcc is not None:
                pairs.append((gemeente, kcc))
        return pairs

    def teams_per_gebied(self) -> list[tuple[Gebied, list[Ingang]]]:
        """Each gebied with the sociaal team(s) serving its kernen (usually one), in the order of gebieden.yaml."""
        return [
            (gebied, list({team.id: team for kern in gebied.kernen if (team := self.sociaal_team_voor(kern.id))}.values()))
            for gemeente in self.gebieden.gemeenten
            for gebied in gemeente.gebieden
        ]

    def kernen_per_team(self) -> list[tuple[Ingang, list[Kern]]]:
        """Each sociaal team with the kernen it serves, in the order of gebieden.yaml."""
        teams: dict[str, tuple[Ingang, list[Kern]]] = {}
        for kern_id, kern in self.kernen.items():
            team = self.sociaal_team_voor(kern_id)
            if team is not None:
                teams.setdefault(team.id, (team, []))[1].append(kern)
        return list(teams.values())

    @cached_property
    def aanbod_per_organisatie(self) -> dict[str, list[str]]:
        """organisation id → the sorted names of its ingangen, voorzieningen and cliëntondersteuners that
        have not stopped. Worked out once: the KCC answer of every organisation asks it."""
        aanbod: dict[str, list[str]] = {}
        for soort in ("ingang", "voorziening", "clientondersteuner"):
            for record in self.records.get(soort, {}).values():
                organisatie = getattr(record, "organisatie", None)
                if organisatie and getattr(record, "status", "actief") != "gestopt":
                    aanbod.setdefault(organisatie, []).append(record.naam)
        return {organisatie: sorted(names) for organisatie, names in aanbod.items()}

    def where(self, soort: str, record_id: str, *path: Any) -> tuple[Path, int, int]:
        source = self.sources[(soort, record_id)]
        line, column = source.position(path)
        return source.path, line, column


def validate_model(model: type[BaseModel], source: YamlFile, problems: Problemen) -> BaseModel | None:
    """Validate one file's data against a model; every error becomes a Dutch problem with its line."""
    if not isinstance(source.data, dict):
        problems.add(source.path, 1, 1, "Dit bestand moet velden bevatten (regels 'veld: waarde'), geen lijst of losse tekst. "
                     "Zet elk veld op een eigen regel, te beginnen met 'id: ...', zoals in de andere bestanden in deze map.")
        return None
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        items = error.errors(include_url=False)
        dedented = {index: block for index, item in enumerate(items) if (block := _dedented_under(item, model, source.data))}
        for index, item in enumerate(items):
            loc = tuple(item["loc"]) + ((item["ctx"]["veld"],) if (item.get("ctx") or {}).get("veld") else ())
            if item.get("input") is None and loc in {(*tuple(items[i]["loc"])[:-1], block) for i, block in dedented.items()}:
                continue  # the empty block itself: the message on its field that is not indented says it all
            line, column = source.position(loc, key=item["type"] == "extra_forbidden")
            if index in dedented:
                name, block = loc[-1], dedented[index]
                problems.add(source.path, line, column, (
                    f"'{name}' hoort bij '{block}:' erboven, maar springt niet in. Zet het onder {block}: (inspringen): begin "
                    f"de regel '{name}: ...' met 2 spaties meer dan de regel '{block}:'."))
                continue
            problems.add(source.path, line, column, dutch_message(item, model))
        return None


def _dedented_under(item: dict, model: type[BaseModel], data: Any) -> str | None:
    """For a field that does not exist where it stands, the empty block just above it where it does belong ('kosten:'
    with 'soort: gratis' under it, not indented), or None."""
    if item["type"] != "extra_forbidden":
        return None
    loc = tuple(item["loc"])
    parent = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    before = keys[:keys.index(loc[-1])] if loc[-1] in keys else []
    for key in reversed(before):
        if parent[key] is None and str(loc[-1]) in allowed_keys(model, (*loc[:-1], key)):
            return str(key)
    return None


def _load_wegwijzer(kaart: Kaart, problems: Problemen) -> None:
    from .wegwijzer.validate import load_wegwijzer  # imported here: that module builds on this one

    load_wegwijzer(kaart, problems)


def _load_synoniemen(kaart: Kaart, problems: Problemen) -> None:
    from .search.synoniemen import load_synoniemen  # imported here: that module builds on this one

    load_synoniemen(kaart, problems)


def _load_vangnet(kaart: Kaart, problems: Problemen) -> None:
    from .search.vangnet import load_vangnet  # imported here: that module builds on this one
    from .search.trefwoorden import check_trefwoorden

    load_vangnet(kaart, problems)
    check_trefwoorden(kaart, problems)


# Section loaders run after the records are valid; later stages (synoniemen, wegwijzer) register here.
SectionLoader = Callable[[Kaart, Problemen], None]
def _check_routing(kaart: Kaart, problems: Problemen) -> None:
    from .wegwijzer.routing import check_routing  # imported here: that module builds on this one

    check_routing(kaart, problems)


SECTION_LOADERS: list[SectionLoader] = [_load_wegwijzer, _load_synoniemen, _load_vangnet, _check_routing]
KNOWN_ENTRIES = {GEBIEDEN_FILE, ALLOWED_NUMBERS_FILE, "README.md", ".gitkeep", "wegwijzer", "synoniemen.yaml", "vangnet.yaml"} | {folder for folder, _, _ in SOORTEN.values()}


def load_kaart(folder: Path | str, basis: Path | str | None = None) -> tuple[Kaart | None, Problemen]:
    """The kaart in `folder`; `basis` (optional) is the kaart it was changed from, to tell new files from old."""
    with _no_cycle_collection():
        return _load_kaart(Path(folder), basis)


FREEZE_FROM = 1500  # record files read afresh; below this the collector's first pass costs little


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while a kaart is read: reading 10,000 records makes millions of
    objects that all stay, and the collector went through them again and again (a third of
    `kaart check`). Reference counting still frees everything else.

    After reading many files, those objects are moved out of the collector's sight (gc.freeze):
    switched back on, its first pass would still go through every one of them (a second at 10,000
    records), and so would every full pass while the site is built. A later reading in the same
    process (`kaart serve` after a change, tests) first hands them back and lets the collector
    free what is garbage by then: frozen garbage would otherwise stay for good."""
    enabled = gc.isenabled()
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.disable()
    _READ_BEFORE["fresh"] = 0
    try:
        yield
    finally:
        if _READ_BEFORE["fresh"] >= FREEZE_FROM:
            gc.freeze()
        if enabled:
            gc.enable()


def _load_kaart(folder: Path, basis: Path | str | None) -> tuple[Kaart | None, Problemen]:
    problems = Problemen()
    if not (folder / GEBIEDEN_FILE).is_file():
        problems.add(folder / GEBIEDEN_FILE, 1, 1, f"Het bestand {GEBIEDEN_FILE} ontbreekt in {folder}. Daarin staan de gemeente, de gebieden en de kernen.")
        return None, problems
    _report_unknown_entries(folder, problems)
    gebieden_source = read_yaml(folder / GEBIEDEN_FILE, problems)
    gebieden = validate_model(Gebieden, gebieden_source, problems) if gebieden_source else None
    records, sources, facts = _load_records(folder, problems, Path(basis) if basis else None)
    if gebieden is None:
        return None, problems
    kaart = Kaart(folder, gebieden, records, sources, gebieden_source, facts=facts)  # type: ignore[arg-type]
    kaart.index_areas()
    kaart.extras["toegestane_nummers"] = _load_allowed_numbers(folder, problems)
    check_cross_references(kaart, problems)
    for section_loader in SECTION_LOADERS:
        section_loader(kaart, problems)
    problems.drop_echoes()
    return kaart, problems


def _load_allowed_numbers(folder: Path, problems: Problemen) -> dict[str, set[str]]:
    """number → the organisations that may show it, from the gemeente's reviewed exceptions."""
    path = folder / ALLOWED_NUMBERS_FILE
    source = read_yaml(path, problems) if path.is_file() else None
    lijst = validate_model(ToegestaneNummers, source, problems) if source else None
    allowed: dict[str, set[str]] = {}
    for item in lijst.nummers if lijst else []:
        allowed.setdefault(item.nummer, set()).add(item.organisatie)
    return allowed


def _report_unknown_entries(folder: Path, problems: Problemen) -> None:
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") and entry.name != ".gitkeep":
            continue
        if entry.name not in KNOWN_ENTRIES:
            known = ", ".join(sorted(KNOWN_ENTRIES - {"README.md", ".gitkeep"}))
            problems.add(entry, 1, 1, f"'{entry.name}' hoort niet in de kaart-map en wordt niet gebruikt. Verplaats of hernoem het; bekende namen zijn: {known}.")


IGNORED_NAMES = {".gitkeep", "README.md"}


def _load_records(folder: Path, problems: Problemen, basis: Path | None = None) -> tuple[dict[str, dict[str, Record]], dict, dict]:
    """Every record file, validated, with its source and its facts. One id is one file: across the record folders
    and across .yaml and .yml. A clash is reported on the newer file (generator/novelty.py); the older record stays."""
    found: dict[str, list[tuple[str, Record, YamlFile, RecordFacts]]] = {}
    files: list[tuple[str, Path]] = []
    for soort in RECORD_MODELS:
        subfolder = folder / SOORTEN[soort][0]
        if subfolder.is_dir():
            files += [(soort, path) for path in _record_files(subfolder, problems)]
    for (soort, path), (source, record, facts) in zip(files, _read_records(folder, files, problems)):
        if record is None:
            continue
        if record.id != path.stem:
            problems.add(path, *source.position(("id",), key=True), f"De id '{record.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'. Pas de id of de bestandsnaam aan.")
        found.setdefault(record.id, []).append((soort, record, source, facts))
    records: dict[str, dict[str, Record]] = {soort: {} for soort in RECORD_MODELS}
    sources: dict[tuple[str, str], YamlFile] = {}
    all_facts: dict[tuple[str, str], RecordFacts] = {}
    for record_id, versions in found.items():
        if len(versions) > 1:
            versions = _oldest_first(versions, folder, basis)
            first = versions[0][2]
            for soort, _, source, _ in versions[1:]:
                problems.add(
                    source.path, *source.position(("id",)),
                    f"De id '{record_id}' wordt al gebruikt door {display_path(first.path)}. Eén id hoort bij één bestand: "
                    "kies voor dit record een andere id en geef het bestand dezelfde naam.",
                )
        soort, record, source, facts = versions[0]
        records[soort][record_id] = record
        sources[(soort, record_id)] = source
        all_facts[(soort, record_id)] = facts
    return records, sources, all_facts


# The record files of the kaart folder read last in this process: (path, soort) -> (YamlFile, record, facts).
# `kaart serve` loads the kaart again after every change; a file with the same text is not parsed and
# validated again. Records are never changed after validation, so sharing them is safe.
_READ_BEFORE: dict[str, Any] = {"folder": None, "files": {}, "fresh": 0}  # fresh: files read afresh by the last load_kaart


def _read_records(folder: Path, files: list[tuple[str, Path]], problems: Problemen) -> list[tuple[YamlFile | None, Record | None, Any]]:
    """(source, record, facts) of every (soort, path), in order; files read before with the same text are
    not read again, the others are read on two cores when there are many (halves.py)."""
    if _READ_BEFORE["folder"] != folder:
        _READ_BEFORE.update(folder=folder, files={}, stats={})  # one kaart at a time: memory stays one kaart's
    before = _READ_BEFORE["files"]
    stats = _READ_BEFORE.setdefault("stats", {})
    settled = time.time_ns() - SETTLED_NS
    results: list[Any] = [None] * len(files)
    todo: list[int] = [] if before else list(range(len(files)))  # a first reading (`kaart check`): nothing to look up
    for index, (soort, path) in enumerate(files if before else ()):
        known = before.get((path, soort))
        if known is None:  # a first reading (`kaart check`) costs no stat()
            todo.append(index)
            continue
        stat = _stat_of(path)
        if stat is not None and stats.get(path) == stat:
            results[index] = known
        elif known[0].text == _text_of(path):
            results[index] = known
            if stat is not None and stat[0] < settled:  # older than a timestamp's tick: a later change gets another time
                stats[path] = stat
        else:
            todo.append(index)
            stats.pop(path, None)
    _READ_BEFORE["fresh"] = len(todo)
    fresh = map_in_halves(_read_one, [files[index] for index in todo], meanwhile=_import_later_stages)
    for index, (source, record, facts, found) in zip(todo, fresh):
        problems.extend(found)
        results[index] = (source, record, facts)
        if record is not None:
            before[(files[index][1], files[index][0])] = results[index]
    return results


SETTLED_NS = 2_000_000_000  # a file changed less than 2 s ago may change again within its timestamp's tick: its text is compared


def _stat_of(path: Path) -> tuple[int, int, int, int] | None:
    """(modification time, size, inode, change time) of a file. The same as when its text was last found unchanged,
    at a modification time long past then, means the same text (`kaart serve` reads only what changed, as git does).
    The change time catches a rewrite that keeps the old modification time (`cp -p`, `touch -r`, `rsync -t`)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns


def _import_later_stages() -> None:
    """The modules the checks after the reading need, imported while a child process already reads (halves.py)."""
    from .build import contact  # noqa: F401
    from .search import synoniemen, trefwoorden, vangnet  # noqa: F401
    from .wegwijzer import routing, validate  # noqa: F401


def _text_of(path: Path) -> str | None:
    """The text of a file as read_yaml reads it, or None (read_yaml then says why)."""
    try:
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None


def _read_one(item: tuple[str, Path]) -> tuple[YamlFile | None, Record | None, RecordFacts | None, Problemen]:
    """Read and validate one record file: its source, record, facts and problems apart (this may run in a child process)."""
    soort, path = item
    problems = Problemen()
    source = read_yaml(path, problems)
    record = validate_model(RECORD_MODELS[soort], source, problems) if source else None
    return source, record, None if record is None else record_facts(record), problems


def _oldest_first(versions: list, folder: Path, basis: Path | None) -> list:
    order = oldest_first([version[2].path for version in versions], folder, basis)
    return sorted(versions, key=lambda version: order.index(version[2].path))


def _record_files(subfolder: Path, problems: Problemen) -> list[Path]:
    """The record files of a record folder (what load.is_yaml_file reads), by name. Files the loader does not
    read are errors, not silently ignored: other extensions and subfolders. One scan of the folder; only
    subfolders are walked (a folder of 10,000 records is no tree)."""
    entries = _folder_entries(subfolder)
    _report_stray_files(subfolder, entries, problems)
    child = _child_path(subfolder)
    return [child(name) for name, _, _, is_file in entries if is_yaml_file(name, is_file)]


def _folder_entries(folder: Path) -> list[tuple[str, bool, bool, bool]]:
    """(name, is a folder, is a symlink, is a file) of every entry, by name; symlinks are not followed."""
    with os.scandir(folder) as scan:
        return sorted((entry.name, entry.is_dir(follow_symlinks=False), entry.is_symlink(), entry.is_file(follow_symlinks=False)) for entry in scan)


def report_stray_files(folder: Path, problems: Problemen) -> None:
    """Everything in a folder of YAML files (records, wegwijzer questions, outcomes) that the loader does not read."""
    _report_stray_files(folder, _folder_entries(folder), problems)


def _child_path(folder: Path) -> Callable[[str], Path]:
    """folder / name for a plain file name, the way Path.iterdir makes its paths where pathlib offers it (5x cheaper
    than parsing `folder / name`: 10,000 record paths are made before the second core starts)."""
    return getattr(folder, "_make_child_relpath", None) or folder.joinpath


def _report_stray_files(subfolder: Path, entries: list[tuple[str, bool, bool, bool]], problems: Problemen) -> None:
    for name, is_dir, is_link, is_file in entries:
        if name in IGNORED_NAMES or name.startswith("."):
            continue
        if is_yaml_file(name, is_file):
            continue  # a record file: the reading reports what is wrong in it
        entry = subfolder / name
        if is_link:
            problems.add(entry, 1, 1, "Dit is een verwijzing (symlink) naar een ander bestand of een andere map en wordt niet gelezen. "
                         "Zet de gegevens zelf in een bestand dat eindigt op .yaml, of haal de verwijzing weg.")
        elif is_dir:
            for inner in sorted(entry.rglob("*")):
                hidden = any(part.startswith(".") for part in inner.relative_to(subfolder).parts)
                if inner.name not in IGNORED_NAMES and not hidden and inner.is_file():
                    problems.add(inner, 1, 1, f"Dit bestand staat in een submap en wordt daarom niet gelezen. Zet het direct in de map {subfolder.name}/ (zonder submap).")
            if not any(child.is_file() for child in entry.rglob("*")):
                problems.add(entry, 1, 1, f"De map {subfolder.name}/ hoort geen submappen te hebben. Haal deze lege map weg.")
        else:
            problems.add(entry, 1, 1, f"Dit bestand wordt niet gelezen: alleen bestanden die eindigen op .yaml worden gelezen. Hernoem het naar {entry.stem}.yaml of haal het weg.")


def check_cross_references(kaart: Kaart, problems: Problemen) -> None:
    _check_unique_ids(kaart, problems)
    areas = kaart.area_ids()
    organisaties = kaart.organisaties
    ingangen = kaart.ingangen
    for soort, records in kaart.records.items():
        for record in records.values():
            where = lambda *path: kaart.where(soort, record.id, *path)  # noqa: E731
            organisatie = field_of(record, "organisatie")
            if organisatie and organisatie not in organisaties:
                problems.add(*where("organisatie"), _unknown("organisatie", organisatie, organisaties))
            for index, area in enumerate(field_of(record, "werkgebied") or []):
                if area not in areas:
                    problems.add(*where("werkgebied", index), _unknown("gemeente, gebied of kern", area, areas))
            for index, locatie in enumerate(field_of(record, "locaties") or []):
                if locatie.kern not in kaart.kernen:
                    problems.add(*where("locaties", index, "kern"), _unknown("kern", locatie.kern, kaart.kernen))
            kern = field_of(record, "kern")
            if kern and kern not in kaart.kernen:
                problems.add(*where("kern"), _unknown("kern", kern, kaart.kernen))
            overdracht = field_of(record, "overdracht")
            if overdracht and overdracht.naar not in ingangen:
                problems.add(*where("overdracht", "naar"), _unknown("ingang", overdracht.naar, ingangen))
            elif overdracht and kern in kaart.kernen and (message := _overdracht_problem(kaart, kern, ingangen[overdracht.naar])):
                problems.add(*where("overdracht", "naar"), message)
    _check_independence(kaart, problems)
    check_trust(kaart, problems)
    check_plausible(kaart, problems)
    _check_every_kern_has_a_team_and_kcc(kaart, problems)


def _overdracht_problem(kaart: Kaart, kern_id: str, ingang) -> str | None:
    """Signals go to a door that serves the vindplaats's kern, never to the KCC (it would put them back
    through to the team): a team of another gemeente or gebied has no mandate there."""
    team = kaart.sociaal_team_voor(kern_id)
    advies = f" Geef signalen door aan het sociaal team van {kaart.kernen[kern_id].naam}: '{team.id}'." if team else ""
    if ingang.soort == "kcc":
        return f"'{ingang.id}' is het algemene nummer van de gemeente, geen plek voor signalen.{advies}"
    if ingang.werkgebied and kern_id not in kaart.kernen_in(ingang.werkgebied):
        return f"'{ingang.id}' ({ingang.naam}) werkt niet in {kaart.kernen[kern_id].naam}, waar deze vindplaats is.{advies}"
    return None


WHERE_IDS_ARE = {
    "organisatie": "De ids van alle organisaties staan in de handleiding bij 'Lijsten van ids' en als bestandsnamen in de map kaart/organisaties/.",
    "kern": "De ids van alle kernen staan in de handleiding bij 'Lijsten van ids' en in kaart/gebieden.yaml.",
    "gemeente, gebied of kern": "De ids van de gemeente, de gebieden en de kernen staan in de handleiding bij 'Lijsten van ids' en in kaart/gebieden.yaml.",
    "ingang": "De ids van de ingangen zijn de bestandsnamen in de map kaart/ingangen/ (zonder .yaml).",
}


def _unknown(what: str, value: str, known: Any) -> str:
    return f"Onbekende {what} '{value}'.{suggestion(value, list(known))} {WHERE_IDS_ARE.get(what, 'Gebruik een id die in de kaart bestaat.')}"


def _check_unique_ids(kaart: Kaart, problems: Problemen) -> None:
    # Record ids are unique by construction (_load_records); area ids are checked here.
    area_seen: set[str] = set()
    source = kaart.gebieden_source
    for g_index, gemeente in enumerate(kaart.gebieden.gemeenten):
        items = [(("gemeenten", g_index, "id"), gemeente.id)]
        for a_index, gebied in enumerate(gemeente.gebieden):
            items.append((("gemeenten", g_index, "gebieden", a_index, "id"), gebied.id))
            items += [(("gemeenten", g_index, "gebieden", a_index, "kernen", k_index, "id"), k.id) for k_index, k in enumerate(gebied.kernen)]
        for path, area_id in items:
            if area_id in area_seen:
                problems.add(source.path, *source.position(path), f"De id '{area_id}' komt twee keer voor in de gebieden. Elke gemeente, elk gebied en elke kern heeft een eigen id.")
            area_seen.add(area_id)


NOT_INDEPENDENT = {  # organisatie soort → (what it is, why that is not independent)
    "gemeente": ("de gemeente", "van de gemeente, die over de hulp beslist"),
    "zorg": ("een zorgaanbieder", "van wie de zorg levert waarover het gesprek gaat"),
}


def _check_independence(kaart: Kaart, problems: Problemen) -> None:
    """Cliëntondersteuning is independent of who decides on the help and of who provides it."""
    for record in kaart.clientondersteuners.values():
        organisatie = kaart.organisaties.get(record.organisatie)
        if organisatie and organisatie.soort in NOT_INDEPENDENT:
            problems.add(
                *kaart.where("clientondersteuner", record.id, "organisatie"),
                f"Cliëntondersteuning moet onafhankelijk zijn {NOT_INDEPENDENT[organisatie.soort][1]}, maar '{organisatie.naam}' is "
                f"{NOT_INDEPENDENT[organisatie.soort][0]}. Kies de onafhankelijke organisatie die de ondersteuning geeft, "
                "of neem het aanbod op als voorziening.",
            )


def _check_every_kern_has_a_team_and_kcc(kaart: Kaart, problems: Problemen) -> None:
    """Every kern of every gemeente needs a sociaal team and a KCC (the gemeente's general number)."""
    source = kaart.gebieden_source
    for g_index, gemeente in enumerate(kaart.gebieden.gemeenten):
        for a_index, gebied in enumerate(gemeente.gebieden):
            for k_index, kern in enumerate(gebied.kernen):
                position = source.position(("gemeenten", g_index, "gebieden", a_index, "kernen", k_index, "id"))
                if kaart.sociaal_team_voor(kern.id) is None:
                    problems.add(
                        source.path, *position,
                        f"Geen sociaal team voor kern '{kern.naam}' ({gemeente.naam}). Elke kern hoort bij een sociaal team: "
                        "geef een ingang met 'soort: sociaal-team' een werkgebied met deze kern of dit gebied.",
                    )
                if kaart.kcc_voor(kern.id) is None:
                    problems.add(
                        source.path, *position,
                        f"Geen klantcontactcentrum (KCC) voor kern '{kern.naam}' ({gemeente.naam}). Inwoners moeten hun gemeente "
                        f"kunnen bellen: geef een ingang met 'soort: kcc' het werkgebied '{gemeente.id}'.",
                    )
