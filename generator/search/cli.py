"""`kaart zoek "vraag"`: the site's own search from the command line.

Builds the search data with the same code as the site build (site.search_data_text), then
searches it with query.SearchEngine, the port of zoeken.js: the same index and ranking as the
browser. No built site is needed.

The built data is cached in `.cache/zoek/` next to mkdocs.yml (or next to the kaart folder when
there is none; `.cache/` is in .gitignore), under a key made from the contents of every file in
the kaart folder, the hand-written pages (docs/), mkdocs.yml and the generator's own code, so
any change to any of them builds afresh. Only a valid kaart is cached; a cache hit skips
loading and validating the kaart altogether (its contents are the ones that were valid). Heavy
modules (pydantic models, MkDocs) are imported only when the data must be built.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..vocabulary import KOSTEN

if TYPE_CHECKING:
    from .query import SearchEngine  # imported when a search runs: `kaart check` and `kaart --help` start without lunr

PLAIN_MAX = 10


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    zoek = add("zoek", cmd_zoek, "Zoek zoals de zoekfunctie van de site: dezelfde index en dezelfde volgorde.")
    zoek.add_argument("vraag", help="waar je naar zoekt, bijvoorbeeld \"geldzorgen\"")
    zoek.add_argument("--json", action="store_true", help="resultaten als JSON-lijst, beste eerst")
    zoek.add_argument("--thema", help="alleen dit thema (id, bijvoorbeeld geld-en-schulden)")
    zoek.add_argument("--doelgroep", help="alleen voor deze doelgroep (id, bijvoorbeeld ouderen)")
    zoek.add_argument("--kern", help="alleen voor dit dorp of deze wijk (id)")
    zoek.add_argument("--leeftijd", type=int, help="alleen voor deze leeftijd (in jaren)")
    zoek.add_argument("--gratis", action="store_true", help="alleen gratis")
    zoek.add_argument("--vrij", action="store_true", help="alleen vrij toegankelijk")
    zoek.add_argument("--soort", action="append", help="alleen deze soort (voorziening, vindplaats, clientondersteuner, ingang, organisatie, thema, kern, pagina); mag vaker")
    zoek.add_argument("--max", type=int, help=f"hoogstens zoveel resultaten (standaard: alle bij --json, {PLAIN_MAX} anders)")
    zoek.add_argument("--config", default=None, help=argparse.SUPPRESS)


def filters_from(args: argparse.Namespace) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    for key in ("thema", "doelgroep", "kern"):
        if getattr(args, key):
            filters[key] = getattr(args, key)
    if args.leeftijd is not None:
        filters["leeftijd"] = args.leeftijd
    if args.gratis:
        filters["gratis"] = True
    if args.vrij:
        filters["vrij"] = True
    if args.soort:
        filters["soort"] = args.soort
    return filters


def filter_problems(filters: dict[str, Any], data: dict[str, Any]) -> list[str]:
    problems = []
    kernen = sorted({kern for covered in data["gebieden"].values() for kern in covered})
    known = {"thema": (data["themas"], "thema"), "doelgroep": (data["doelgroepen"], "doelgroep"), "kern": (kernen, "kern")}
    for key, (values, what) in known.items():
        value = filters.get(key)
        if value and value not in values:
            from ..messages import suggestion  # pydantic: only when there is something to say

            problems.append(f"Onbekende {what} '{value}'.{suggestion(value, list(values))}")
    for soort in filters.get("soort", []):
        if soort not in data["soorten"]:
            problems.append(f"Onbekende soort '{soort}'. Kies uit: {', '.join(data['soorten'])}.")
    if filters.get("leeftijd") is not None and not 0 <= filters["leeftijd"] <= 120:
        problems.append("De leeftijd moet tussen 0 en 120 jaar liggen.")
    return problems


GENERATOR = Path(__file__).resolve().parent.parent
CACHE_FOLDER = Path(".cache") / "zoek"
KEEP_CACHED = 4  # data files kept per cache folder (different kaarten or versions side by side)


def _files_under(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(path for path in folder.rglob(pattern) if path.is_file() and "__pycache__" not in path.parts) if folder.is_dir() else []


def _docs_folder(config_file: Path) -> Path:
    for line in config_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("docs_dir:"):
            return config_file.parent / line.split(":", 1)[1].strip().strip("'\"")
    return config_file.parent / "docs"


def cache_key(kaart_folder: Path, config_file: Path | None) -> str:
    """A hash of everything the search data is made of: kaart, hand-written pages, mkdocs.yml, code."""
    digest = hashlib.sha256()
    sources = [(kaart_folder, _files_under(kaart_folder)), (GENERATOR, _files_under(GENERATOR, "*.py"))]
    if config_file is not None:
        sources += [(config_file.parent, [config_file]), (config_file.parent, _files_under(_docs_folder(config_file), "*.md"))]
    for base, files in sources:
        for path in files:
            digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cache_folder(kaart_folder: Path, config_file: Path | None) -> Path:
    return (config_file.parent if config_file is not None else kaart_folder.parent) / CACHE_FOLDER


def read_cached(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_cached(path: Path, text: str) -> None:
    """Write atomically and keep only the newest few files; a read-only place just means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        cached = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in cached[KEEP_CACHED:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def build_data_text(kaart, config_file: str | None) -> str:
    from ..build.pages import generate_pages
    from .site import hand_written_pages_of, search_data_text

    return search_data_text(kaart, generate_pages(kaart), hand_written_pages_of(config_file))


def engine_for(kaart, config_file: str) -> SearchEngine:
    from .query import SearchEngine

    return SearchEngine(json.loads(build_data_text(kaart, config_file)))


def search_data(kaart_folder: Path, config_file: str | None) -> dict[str, Any] | None:
    """The search data for this kaart: from the cache, or built (None when the kaart is not valid;
    its problems are then printed)."""
    config = Path(config_file) if config_file and Path(config_file).is_file() else None
    cached = cache_folder(kaart_folder, config) / f"{cache_key(kaart_folder, config)}.json"
    data = read_cached(cached) if cached.is_file() else None
    if data is not None:
        return data
    from ..partner_commands import valid_kaart

    kaart = valid_kaart(kaart_folder)
    if kaart is None:
        return None
    text = build_data_text(kaart, config_file)
    write_cached(cached, text)
    return json.loads(text)


def json_hit(hit: dict[str, Any], lines: set[str]) -> dict[str, Any]:
    result = {key: value for key, value in hit.items() if key != "ref"}
    result.setdefault("themas", [])
    if hit["ref"] in lines:
        result["vangnet"] = True
    return result


def cmd_zoek(args: argparse.Namespace) -> int:
    from ..projectfiles import mkdocs_file

    if not (Path(args.kaart) / "gebieden.yaml").is_file():
        from ..validate import load_kaart

        _, problems = load_kaart(args.kaart)
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        return 1
    data = search_data(Path(args.kaart).resolve(), mkdocs_file(args.config, args.kaart))
    if data is None:
        return 1
    filters = filters_from(args)
    wrong = filter_problems(filters, data)
    if wrong:
        for message in wrong:
            print(message, file=sys.stderr)
        return 1
    from .query import SearchEngine

    engine = SearchEngine(data)
    hits = engine.search(args.vraag, filters)
    lines = engine.vangnet(args.vraag)
    if args.json:
        shown = hits[: args.max] if args.max else hits
        refs = {f"d{line['at']}" for line in lines}
        print(json.dumps([json_hit(hit, refs) for hit in shown], ensure_ascii=False, indent=2))
    else:
        print_vangnet(lines)
        shown_above = {f"d{line['at']}" for line in lines}
        print_plain(args.vraag, [hit for hit in hits if hit["ref"] not in shown_above], engine, args.max or PLAIN_MAX, filters.get("kern"))
    return 0


def print_vangnet(lines: list[dict[str, Any]]) -> None:
    for line in lines:
        when = f" ({line['wanneer']})" if line.get("wanneer") else ""
        print(f"!! {line['naam']}: bel {line['telefoon']}{when}")
        print(f"   {line['wat_doen']}")
    if lines:
        print()


def print_plain(vraag: str, hits: list[dict[str, Any]], engine: SearchEngine, limit: int, kern: str | None = None) -> None:
    data = engine.data
    suggestion = engine.suggestion(vraag) if vraag.strip() else None
    if suggestion:
        print(f"Bedoelde je '{suggestion}'?\n")
    if not hits:
        about = f"voor '{vraag}'" if vraag.strip() else "met deze filters"
        from .query import general_numbers

        numbers = " of ".join(f"{kcc['naam']}: {kcc['telefoon']}" for kcc in general_numbers(data, kern))
        call = f" of bel {numbers}" if numbers else ""
        print(f"Niets gevonden {about}. Probeer een ander woord, doe de wegwijzer (/wegwijzer/), kijk bij de thema's (/themas/){call}.")
        return
    count = "1 resultaat" if len(hits) == 1 else f"{len(hits)} resultaten"
    shown = f", de eerste {limit}" if len(hits) > limit else ""
    about = f"voor '{vraag}'" if vraag.strip() else "met deze filters"
    print(f"{count} {about}{shown}:\n")
    for number, hit in enumerate(hits[:limit], start=1):
        print(f"{number:>2}. {hit['naam']} ({data['soorten'].get(hit['soort'], hit['soort']).lower()})")
        if hit.get("samenvatting"):
            print(f"    {hit['samenvatting']}")
        details = [", ".join(data["themas"][t] for t in hit.get("themas", []))]
        details.append(", ".join(data["namen"].get(area, area) for area in hit.get("werkgebied", [])))
        details += [KOSTEN["gratis"] if hit.get("gratis") else "", "Vrij toegankelijk" if hit.get("vrij") else ""]
        details.append(f"Telefoon {hit['telefoon']}" if hit.get("telefoon") else "")
        line = " · ".join(detail for detail in details if detail)
        if line:
            print(f"    {line}")
        print(f"    /{hit['url']}")
    print()


__all__ = ["register", "cmd_zoek"]
