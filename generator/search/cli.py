"""`kaart zoek "vraag"`: the site's own search from the command line.

Builds the search data in memory with the same code as the site build (site.search_data_text),
then searches it with query.SearchEngine, the port of zoeken.js: the same index and ranking as
the browser. No built site is needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable

from ..config import mkdocs_file
from ..messages import suggestion
from ..validate import load_kaart
from ..vocabulary import DOELGROEPEN, KOSTEN, SOORTEN, THEMAS
from .index import SOORT_LABELS
from .query import SearchEngine

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


def filter_problems(filters: dict[str, Any], kernen: Any) -> list[str]:
    problems = []
    known = {"thema": (THEMAS, "thema"), "doelgroep": (DOELGROEPEN, "doelgroep"), "kern": (kernen, "kern")}
    for key, (values, what) in known.items():
        value = filters.get(key)
        if value and value not in values:
            problems.append(f"Onbekende {what} '{value}'.{suggestion(value, list(values))}")
    for soort in filters.get("soort", []):
        if soort not in SOORT_LABELS:
            problems.append(f"Onbekende soort '{soort}'. Kies uit: {', '.join(SOORT_LABELS)}.")
    if filters.get("leeftijd") is not None and not 0 <= filters["leeftijd"] <= 120:
        problems.append("De leeftijd moet tussen 0 en 120 jaar liggen.")
    return problems


def engine_for(kaart, config_file: str) -> SearchEngine:
    from ..build.pages import generate_pages
    from .site import hand_written_pages_of, search_data_text

    text = search_data_text(kaart, generate_pages(kaart), hand_written_pages_of(config_file))
    return SearchEngine(json.loads(text))


def json_hit(hit: dict[str, Any]) -> dict[str, Any]:
    result = {key: value for key, value in hit.items() if key != "ref"}
    result.setdefault("themas", [])
    return result


def cmd_zoek(args: argparse.Namespace) -> int:
    kaart, problems = load_kaart(args.kaart)
    if problems or kaart is None:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        print(f"\nDe kaart bevat {len(problems)} fout(en). Los ze eerst op (zie 'kaart check').", file=sys.stderr)
        return 1
    filters = filters_from(args)
    wrong = filter_problems(filters, kaart.kernen)
    if wrong:
        for message in wrong:
            print(message, file=sys.stderr)
        return 1
    engine = engine_for(kaart, mkdocs_file(args.config, args.kaart))
    hits = engine.search(args.vraag, filters)
    if args.json:
        shown = hits[: args.max] if args.max else hits
        print(json.dumps([json_hit(hit) for hit in shown], ensure_ascii=False, indent=2))
    else:
        print_plain(args.vraag, hits, engine.data, args.max or PLAIN_MAX)
    return 0


def print_plain(vraag: str, hits: list[dict[str, Any]], data: dict[str, Any], limit: int) -> None:
    if not hits:
        about = f"voor '{vraag}'" if vraag.strip() else "met deze filters"
        print(f"Niets gevonden {about}. Probeer een ander woord, kijk bij de thema's of bel het sociaal team (zie Contact).")
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


__all__ = ["register", "cmd_zoek", "SOORTEN"]
