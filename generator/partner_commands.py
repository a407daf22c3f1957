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
    add("rapport", cmd_rapport, "Toon welke records verouderd zijn, wie onbereikbaar is en waar aanbod ontbreekt.")


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


def _valid_kaart(folder: str):
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

    kaart = _valid_kaart(args.kaart)
    if kaart is None:
        return 1
    print(f"Geschreven: {write_codeowners(kaart)}")
    return 0


def cmd_rapport(args: argparse.Namespace) -> int:
    from .report import build_report, report_text

    kaart = _valid_kaart(args.kaart)
    if kaart is None:
        return 1
    print(report_text(build_report(kaart, dt.date.today())), end="")
    return 0


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
