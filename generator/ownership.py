"""Who may change which file, derived from the organisaties' `beheerders`.

The rules (one place; `.github/CODEOWNERS` and the pull-request check both follow them):
- the beheerders of organisaties with `soort: gemeente` own the whole repository, except the
  records of another gemeente's organisation (in a region each gemeente keeps its own sociaal
  teams, KCC and beheerders; the pull-request check, not CODEOWNERS, enforces this);
- a partner's beheerders own their organisation file and every record file whose
  `organisatie` is theirs. Nothing else: not gebieden.yaml, not a new organisation,
  not another partner's records, not the national help lines, not the code.
CODEOWNERS names only the gemeente (for everything outside the record folders); the
pull-request check is the gate for records, so a partner's new record needs no extra step.

GitHub compares account names case-insensitively; so do we. A leading '@' is ignored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .load import YAML_SUFFIXES, read_yaml
from .problems import Problemen
from .validate import GEBIEDEN_FILE, Kaart
from .vocabulary import NATIONALE_HULPLIJNEN, SOORTEN

CODEOWNERS = Path(".github") / "CODEOWNERS"
ORGANISATIE_FOLDER = SOORTEN["organisatie"][0]
RECORD_FOLDERS = {folder: soort for soort, (folder, _, _) in SOORTEN.items()}
GEMEENTE = "gemeente"
KAART_MAP_LINE = "# kaart-map: "  # in CODEOWNERS: the kaart folder it was made from


def account_key(account: str) -> str:
    return account.strip().removeprefix("@").casefold()


def repository_root(kaart_folder: Path | str) -> Path:
    """The git repository that holds the kaart folder; without git, the folder that contains it."""
    folder = Path(kaart_folder).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder.parent


def codeowners_path(kaart_folder: Path | str) -> Path:
    return repository_root(kaart_folder) / CODEOWNERS


def _kaart_prefix(kaart: Kaart) -> str:
    """The kaart folder relative to the repository root, as a posix path ('kaart')."""
    folder = Path(kaart.folder).resolve()
    return folder.relative_to(repository_root(folder)).as_posix()


def gemeente_beheerders(kaart: Kaart) -> list[str]:
    accounts = [a for org in kaart.organisaties.values() if org.soort == GEMEENTE for a in org.beheerders]
    return _unique(accounts)


def beheerders_van(kaart: Kaart, organisatie_id: str | None) -> list[str]:
    organisatie = kaart.organisaties.get(organisatie_id or "")
    return _unique(organisatie.beheerders) if organisatie else []


def _unique(accounts: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for account in accounts:
        seen.setdefault(account_key(account), account.removeprefix("@"))
    return [seen[key] for key in sorted(seen)]


def organisatie_of_record(kaart: Kaart, soort: str, record_id: str) -> str | None:
    if soort == "organisatie":
        return record_id
    return getattr(kaart.records[soort][record_id], "organisatie", None)


def record_files(kaart: Kaart) -> dict[str, str | None]:
    """Every record file (posix path from the repository root) and the organisation it belongs to."""
    root = repository_root(kaart.folder)
    files = {}
    for (soort, record_id), source in kaart.sources.items():
        relative = Path(source.path).resolve().relative_to(root).as_posix()
        files[relative] = organisatie_of_record(kaart, soort, record_id)
    return dict(sorted(files.items()))


# --- CODEOWNERS -------------------------------------------------------------------------


def _owners(accounts: Iterable[str]) -> str:
    return " ".join(f"@{account}" for account in accounts)


def _escape(path: str) -> str:
    return path.replace(" ", "\\ ")


def codeowners_text(kaart: Kaart) -> str:
    """CODEOWNERS: the gemeente's beheerders own everything except the record folders.

    Record folders have no code owners on purpose: who may change a record is decided by the
    pull-request check (`kaart check --gewijzigd-door`, with the target branch's kaart and code),
    which branch protection requires. So the file depends only on the gemeente's beheerders: a
    partner's new or renamed record never makes it stale, and a partner's pull request needs no
    extra step. Everything else (code, workflows, gebieden.yaml, toegestane-nummers.yaml, the
    wegwijzer, this file) needs a review by the gemeente."""
    gemeente = gemeente_beheerders(kaart)
    prefix = _kaart_prefix(kaart)
    lines = [
        "# Wie mag wat aanpassen. Dit bestand is gemaakt met 'kaart codeowners' uit de beheerders",
        "# van de organisatie met 'soort: gemeente'. Pas het niet met de hand aan.",
        "#",
        "# De beheerders van de gemeente zijn eigenaar van alles, behalve de mappen met records.",
        "# Wie een record mag aanpassen, controleert de stap 'Wie mag wat aanpassen' in",
        "# .github/workflows/kaart.yml: een partner alleen de records van de eigen organisatie.",
        f"{KAART_MAP_LINE}{prefix}",
        "",
    ]
    if gemeente:
        lines.append(f"* {_owners(gemeente)}")
    else:
        lines.append("# Geen beheerders van de gemeente gevonden (organisatie met 'soort: gemeente').")
    lines += ["", "# Records: geen eigenaar hier; de controle in de pull request beslist."]
    base = "" if prefix == "." else f"/{_escape(prefix)}"
    lines += [f"{base}/{folder}/" for folder in sorted(RECORD_FOLDERS)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _made_for_another_kaart(lines: list[str], prefix: str) -> bool:
    """A repository may hold more kaarten (test fixtures); CODEOWNERS belongs to the one it names."""
    named = [line.removeprefix(KAART_MAP_LINE) for line in lines if line.startswith(KAART_MAP_LINE)]
    return bool(named) and named[0] != prefix


def write_codeowners(kaart: Kaart) -> Path:
    path = codeowners_path(kaart.folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(codeowners_text(kaart), encoding="utf-8")
    return path


def check_codeowners(kaart: Kaart, problems: Problemen) -> None:
    """When the repository has a CODEOWNERS file, it must match the beheerders in the kaart."""
    path = codeowners_path(kaart.folder)
    if not path.is_file():
        return
    try:
        current = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        current = []
    expected = codeowners_text(kaart).splitlines()
    if current == expected or _made_for_another_kaart(current, _kaart_prefix(kaart)):
        return
    line = next((n for n, (a, b) in enumerate(zip(current, expected), start=1) if a != b), min(len(current), len(expected)) + 1)
    problems.add(
        path, line, 1,
        "CODEOWNERS past niet meer bij de beheerders van de gemeente in de kaart. "
        "Voer 'kaart codeowners' uit en neem het nieuwe bestand op in je voorstel.",
    )


# --- the pull-request check ----------------------------------------------------------------

Refusal = tuple[int, int, str]  # line, column, Dutch message


@dataclass
class Change:
    """One changed file: its path from the repository root, in the proposal (head) and before (base)."""

    relative: str
    head_path: Path
    base_path: Path


def check_changes(account: str, files: Iterable[str], head_folder: Path | str, base: Kaart) -> Problemen:
    """Every changed file that `account` may not change, as a Dutch problem at the file (and line).

    `files` are paths from the repository root, as `git diff --name-only` prints them.
    Ownership comes from `base` (the kaart of the branch the change goes into), so a proposal
    cannot make its own author an owner; the proposed files are read only to see which
    organisation a new or changed record names.
    """
    problems = Problemen()
    of_a_gemeente = account_key(account) in {account_key(a) for a in gemeente_beheerders(base)}
    head_root, base_root = repository_root(head_folder), repository_root(base.folder)
    prefix = Path(head_folder).resolve().relative_to(head_root).as_posix()
    owned = {org.id for org in base.organisaties.values() if account_key(account) in {account_key(a) for a in org.beheerders}}
    who = f"@{account.strip().removeprefix('@')}"
    for name in files:
        relative = _relative(name, head_root)
        if relative is None:
            problems.add(name, 1, 1, f"{who} mag dit bestand niet aanpassen: het ligt buiten de map van de sociale kaart.")
            continue
        change = Change(relative, head_root / relative, _base_path(relative, prefix, base, base_root))
        if change.head_path.is_symlink():
            problems.add(relative, 1, 1, f"{who} mag geen verwijzing (symlink) toevoegen: de kaart leest alleen gewone bestanden. "
                         "Zet de gegevens zelf in het bestand.")
            continue
        if of_a_gemeente:
            refusal = _other_gemeente_refusal(change, prefix, owned, base, who)
        else:
            refusal = _refusal(change, prefix, owned, base, who)
        if refusal:
            problems.add(change.head_path if change.head_path.is_file() else relative, *refusal)
    changed = [head_root / r for name in files if (r := _relative(name, head_root)) is not None]
    problems.extend(_door_refusals(owned, who, base, head_folder, changed))
    return problems


def _door_refusals(owned: set[str], who: str, base: Kaart, head_folder: Path | str, changed: list[Path]) -> Problemen:
    """What the proposal does to the doors of kernen the account does not administer (door_changes.py). A proposal
    with mistakes has no reliable doors to compare: 'kaart check' on it fails and reports why."""
    from .door_changes import door_refusals
    from .validate import load_kaart

    head, mistakes = load_kaart(head_folder)
    return door_refusals(owned, who, base, head, changed) if head is not None and not mistakes else Problemen()


def _base_path(relative: str, prefix: str, base: Kaart, base_root: Path) -> Path:
    """The same file before the change. A file in the kaart is found by its place in the kaart folder, whatever that
    folder is called on either side ('kaart/' in the repository, a copy checked with --kaart and --basis)."""
    inside = Path(relative) if prefix == "." else (Path(relative).relative_to(prefix) if Path(relative).is_relative_to(prefix) else None)
    return Path(base.folder) / inside if inside is not None else base_root / relative


def _relative(name: str, root: Path) -> str | None:
    """The path from the repository root, or None when it points outside the repository."""
    path = Path(os.path.normpath(root / name))
    return path.relative_to(root).as_posix() if path.is_relative_to(root) and path != root else None


def _record_folder(relative: str, prefix: str) -> str | None:
    """The record folder ('voorzieningen', …) of a record file in the kaart, or None for any other file."""
    parts = relative.split("/")
    own = [] if prefix == "." else prefix.split("/")
    if parts[: len(own)] != own or len(parts) != len(own) + 2 or not parts[-1].endswith(YAML_SUFFIXES):
        return None
    return parts[-2] if parts[-2] in RECORD_FOLDERS else None


def _refusal(change: Change, prefix: str, owned: set[str], base: Kaart, who: str) -> Refusal | None:
    folder = _record_folder(change.relative, prefix)
    if folder is None:
        return 1, 1, f"{who} mag dit bestand niet aanpassen: alleen de beheerders van de gemeente mogen iets anders veranderen dan de records van hun organisatie."
    stem = Path(change.relative).stem
    existed = change.base_path.is_file()
    if stem in NATIONALE_HULPLIJNEN:
        return 1, 1, f"{who} mag dit bestand niet aanpassen: '{stem}' is een landelijke hulplijn; alleen de gemeente beheert die."
    if not existed and stem in _record_ids(base):
        return 1, 1, f"{who} mag geen tweede bestand met de id '{stem}' toevoegen: die id bestaat al. Kies een andere id en bestandsnaam."
    if existed:
        before = _organisatie_in(change.base_path, folder, stem)
        if before not in owned:
            return 1, 1, f"{who} mag dit bestand niet aanpassen: het hoort bij {_named(before)}. Vraag die organisatie of de gemeente om de wijziging."
    elif folder == ORGANISATIE_FOLDER:
        return 1, 1, f"{who} mag geen nieuwe organisatie toevoegen. Vraag de beheerder van de gemeente om de organisatie op te nemen."
    if not change.head_path.is_file():
        return None  # the owner removed their own record
    return _refusal_in_proposal(change, folder, stem, owned, base, who, existed)


def _other_gemeente_refusal(change: Change, prefix: str, owned: set[str], base: Kaart, who: str) -> Refusal | None:
    """A beheerder of a gemeente changes everything in the kaart except the records of another gemeente's
    organisation (its sociaal teams, KCC, loketten and its organisation file with its beheerders):
    in a region each gemeente keeps its own doors. Before and in the proposal, so a record cannot be
    taken over or handed over either."""
    folder = _record_folder(change.relative, prefix)
    others = {org.id for org in base.organisaties.values() if org.soort == GEMEENTE and org.id not in owned}
    if change.relative == (GEBIEDEN_FILE if prefix == "." else f"{prefix}/{GEBIEDEN_FILE}"):
        return _other_gemeente_in_gebieden(change, others, base, who)
    if folder is None:
        return None
    stem = Path(change.relative).stem
    if change.base_path.is_file() and (before := _organisatie_in(change.base_path, folder, stem)) in others:
        return 1, 1, (f"{who} mag dit bestand niet aanpassen: het hoort bij {base.organisaties[before].naam} ('{before}'). "
                      "Elke gemeente beheert haar eigen records (zoals haar sociaal teams en KCC); vraag de beheerders van die gemeente om de wijziging.")
    if folder != ORGANISATIE_FOLDER and change.head_path.is_file():
        source, data = _fields_of(change.head_path)
        after = _organisatie_field(data)
        if after in others:
            mine = ", ".join(sorted(org for org in owned if base.organisaties[org].soort == GEMEENTE)) or "geen"
            return (*source.position(("organisatie",)), (
                f"{who} mag geen record van {base.organisaties[after].naam} ('{after}') toevoegen of aanpassen: elke gemeente beheert "
                f"haar eigen records. Gebruik de organisatie van je eigen gemeente (jouw gemeente: {mine}), of vraag de beheerders van '{after}'."))
    return None


def _gemeente_blocks(path: Path) -> tuple[dict[str, tuple[int, dict]], object]:
    """gemeente id -> (its index, its block) in a gebieden.yaml, and the file as read (for positions)."""
    source, data = _fields_of(path)
    gemeenten = data.get("gemeenten") if isinstance(data.get("gemeenten"), list) else []
    return {g.get("id"): (index, g) for index, g in enumerate(gemeenten) if isinstance(g, dict)}, source


def _other_gemeente_in_gebieden(change: Change, others: set[str], base: Kaart, who: str) -> Refusal | None:
    """gebieden.yaml is shared, but another gemeente's part of it (its organisation, gebieden and kernen) is not:
    moving a kern or changing a gemeente's organisation would hand that kern's residents to other doors."""
    before, _ = _gemeente_blocks(change.base_path)
    after, source = _gemeente_blocks(change.head_path)
    for gemeente_id in sorted(set(before) | set(after), key=str):
        old = before.get(gemeente_id, (None, None))[1]
        index, new = after.get(gemeente_id, (None, None))
        owner = (old or {}).get("organisatie") if old else (new or {}).get("organisatie")
        if owner in others and old != new:
            position = source.position(("gemeenten", index, "id")) if source is not None and index is not None else (1, 1)
            return (*position, (f"{who} mag het deel van gemeente '{gemeente_id}' in {GEBIEDEN_FILE} niet aanpassen: het hoort bij "
                                f"{base.organisaties[owner].naam} ('{owner}'). Elke gemeente beheert haar eigen gebieden en kernen; "
                                "vraag de beheerders van die gemeente om de wijziging."))
    return None


def _record_ids(base: Kaart) -> set[str]:
    return {record_id for records in base.records.values() for record_id in records}


def _fields_of(path: Path):
    """(the file as read or None, its fields: {} when it is no mapping) of a YAML file."""
    source = read_yaml(path, Problemen()) if path.is_file() else None
    return source, (source.data if source is not None and isinstance(source.data, dict) else {})


def _organisatie_field(data: dict) -> str | None:
    value = data.get("organisatie")
    return (value.strip() or None) if isinstance(value, str) else None


def _organisatie_in(path: Path, folder: str, stem: str) -> str | None:
    """The organisation a record file belongs to (for an organisation file: the organisation itself)."""
    return stem if folder == ORGANISATIE_FOLDER else _organisatie_field(_fields_of(path)[1])


def _named(organisatie: str | None) -> str:
    return f"organisatie '{organisatie}'" if organisatie else "geen organisatie (alleen de gemeente beheert het)"


def _refusal_in_proposal(change: Change, folder: str, stem: str, owned: set[str], base: Kaart, who: str, existed: bool) -> Refusal | None:
    source, data = _fields_of(change.head_path)
    if folder == ORGANISATIE_FOLDER:
        before = base.organisaties[stem].soort if stem in base.organisaties else None
        if data and data.get("soort") != before:
            return (*source.position(("soort",)), f"{who} mag de soort van een organisatie niet veranderen (van '{before}' naar '{data.get('soort')}'); dat doet de gemeente.")
        return None
    organisatie = _organisatie_field(data)
    if organisatie is None:
        if existed and data:
            # Optional for a vindplaats, but without it the record is the gemeente's: a partner would hand its
            # own text to the gemeente (shown as the gemeente's place, no longer editable by the partner).
            position = source.position(("organisatie",)) if "organisatie" in data else (1, 1)
            return (*position, f"{who} mag 'organisatie:' niet weghalen uit een record van de eigen organisatie: dan wordt het een record "
                          f"van de gemeente. Laat 'organisatie: {_organisatie_in(change.base_path, folder, stem)}' staan, "
                          "of vraag de gemeente om het record over te nemen.")
        if existed:
            return None  # 'kaart check' reports what is wrong inside the file
        return 1, 1, f"{who} mag een nieuw record alleen toevoegen met 'organisatie:' en de id van een organisatie waarvan je beheerder bent."
    if organisatie not in owned:
        mine = ", ".join(sorted(owned)) or "geen"
        return (*source.position(("organisatie",)), f"{who} is geen beheerder van organisatie '{organisatie}'. Je mag alleen records van je eigen organisatie toevoegen of aanpassen (jouw organisaties: {mine}).")
    return None
