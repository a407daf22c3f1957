"""The `kaart` subcommands for partners and beheerders: nieuw, codeowners, rapport, and
`kaart check --gewijzigd-door` for pull requests. Messages in Dutch."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Callable

from .vocabulary import SOORTEN


def register(add: Callable) -> None:
    nieuw = add("nieuw", cmd_nieuw, "Maak een nieuw record van een invulvoorbeeld met uitleg bij elk veld.")
    nieuw.add_argument("soort", choices=list(SOORTEN), help="soort record: " + ", ".join(SOORTEN))
    nieuw.add_argument("id", help="de id van het nieuwe record, bijvoorbeeld buurthuis-de-spil")
    add("codeowners", cmd_codeowners, "Schrijf .github/CODEOWNERS opnieuw uit de beheerders van de organisaties.")
    rapport = add("rapport", cmd_rapport, "Toon welke records verouderd zijn, wie onbereikbaar is en waar aanbod ontbreekt.")
    rapport.add_argument("--format", choices=["tekst", "issues"], default="tekst",
                         help="issues: JSON met één melding per organisatie met gegevens van 12 maanden of ouder (voor de maandelijkse workflow)")
    rapport.add_argument("--repository", metavar="URL", help="met --format issues: het webadres van de repository, voor links naar de bestanden (standaard: repo_url in mkdocs.yml)")


def cmd_nieuw(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, write_template

    try:
        path = write_template(args.kaart, args.soort, args.id, dt.date.today())
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Geschreven: {path}")
    print("Open het bestand, vervang elke VUL IN door je eigen gegevens en controleer met 'kaart check'.")
    return 0


def valid_kaart(folder: str):
    """The kaart, or None after printing its problems (commands that need a valid kaart)."""
    from .validate import load_kaart

    kaart, problems = load_kaart(folder)
    if kaart is None or problems:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        print(f"\nDe kaart bevat {len(problems)} fout(en). Los die eerst op ('kaart check').", file=sys.stderr)
        return None
    return kaart


def cmd_codeowners(args: argparse.Namespace) -> int:
    from .ownership import write_codeowners

    kaart = valid_kaart(args.kaart)
    if kaart is None:
        return 1
    print(f"Geschreven: {write_codeowners(kaart)}")
    return 0


def cmd_rapport(args: argparse.Namespace) -> int:
    from .report import build_report, report_text

    kaart = valid_kaart(args.kaart)
    if kaart is None:
        return 1
    rapport = build_report(kaart, dt.date.today())
    if args.format == "issues":
        import json

        from .report import issues_per_organisatie

        print(json.dumps(issues_per_organisatie(kaart, rapport, _edit_links(kaart, args.repository)), ensure_ascii=False, indent=2))
        return 0
    print(report_text(rapport), end="")
    return 0


def _edit_links(kaart, repository: str | None):
    """edit_url(soort, id) for the issues, from --repository or repo_url/edit_uri in mkdocs.yml; None without either."""
    from .build.feedback import RecordLinks
    from .ownership import _kaart_prefix, repository_root

    repo_url, edit_uri = repository, None
    config_file = repository_root(kaart.folder) / "mkdocs.yml"
    if config_file.is_file():
        import re

        text = config_file.read_text(encoding="utf-8")
        found = {key: value.strip() for key, value in re.findall(r"^(repo_url|edit_uri):\s*(\S+)", text, re.M)}
        repo_url = repo_url or found.get("repo_url")
        edit_uri = found.get("edit_uri")
    links = RecordLinks.from_config(repo_url, edit_uri, None, _kaart_prefix(kaart))
    return (lambda soort, record_id: links.edit_url(kaart, soort, record_id)) if links else None


def cmd_check_changes(args: argparse.Namespace) -> int:
    """`kaart check --gewijzigd-door ACCOUNT FILE…`: may this account change these files?"""
    from .ownership import check_changes
    from .validate import load_kaart

    if not args.bestanden:
        print("Geef de gewijzigde bestanden op achter --gewijzigd-door, bijvoorbeeld: kaart check --gewijzigd-door mijn-account kaart/voorzieningen/mijn-record.yaml", file=sys.stderr)
        return 2
    basis = args.basis or args.kaart
    base, base_problems = load_kaart(basis)
    if base is None:
        for problem in base_problems.sorted():
            print(problem, file=sys.stderr)
        print(f"De kaart in {basis} kan niet gelezen worden; daarom is niet te bepalen wie wat mag aanpassen.", file=sys.stderr)
        return 1
    refused = check_changes(args.gewijzigd_door, args.bestanden, Path(args.kaart), base)
    for problem in refused.sorted():
        print(problem.as_github() if args.format == "github" else problem)
    account = "@" + args.gewijzigd_door.removeprefix("@")
    if refused:
        print(f"\n{account} mag {len(refused)} van de {len(args.bestanden)} gewijzigde bestanden niet aanpassen. "
              "Je mag alleen de records van je eigen organisatie veranderen.", file=sys.stderr)
        return 1
    print(f"{account} mag alle {len(args.bestanden)} gewijzigde bestanden aanpassen.", file=sys.stderr)
    return 0
