"""Stage 4 for partners and CI: the `kaart` command. Messages in Dutch, never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Callable

from . import argparse_nl
from .export.cli import register as register_export_command
from .partner_commands import register as register_partner_commands
from .projectfiles import mkdocs_file
from .search.cli import register as register_search_command
from .vocabulary import SOORTEN

DEFAULT_KAART = "kaart"
GEBIEDEN_FILE = "gebieden.yaml"  # as validate.GEBIEDEN_FILE; not imported here, so `kaart --help` starts fast

Command = Callable[[argparse.Namespace], int]


def cmd_check(args: argparse.Namespace) -> int:
    if args.gewijzigd_door:
        from .partner_commands import cmd_check_changes

        return cmd_check_changes(args)
    from .validate import load_kaart

    folder = kaart_folder_for(args)
    if folder is None:
        return 2
    kaart, problems = load_kaart(folder, basis=args.basis)
    if kaart is not None and not problems:
        from .ownership import check_codeowners

        check_codeowners(kaart, problems)  # only for a kaart without other errors: one thing at a time
    shown = problems.sorted()
    if args.bestanden:
        wanted = {_as_named(name) for name in args.bestanden}
        shown = [problem for problem in shown if _as_named(problem.path) in wanted]
    for problem in shown:
        print(problem.as_github() if args.format == "github" else problem)
    warnings = kaart.extras.get("waarschuwingen", []) if kaart is not None else []
    if args.bestanden:
        warnings = [warning for warning in warnings if _as_named(warning.path) in wanted]
    for warning in sorted(set(warnings)):
        print(warning.as_github().replace("::error ", "::warning ", 1) if args.format == "github" else f"{warning} (waarschuwing)")
    others = len(problems) - len(shown)
    if shown:
        also = f" Er zijn ook {others} fout(en) in andere bestanden ('kaart check' toont alles)." if others else ""
        print(f"\n{len(shown)} fout(en) gevonden. Los ze op en controleer opnieuw met 'kaart check'.{also}", file=sys.stderr)
        return 1
    if args.bestanden:
        names = ", ".join(args.bestanden)
        also = f" Let op: er zijn {others} fout(en) in andere bestanden van de kaart." if others else ""
        print(f"In orde: {names}.{also}", file=sys.stderr)
        return 0
    counts = ", ".join(f"{len(records)} {SOORTEN[soort][2].lower()}" for soort, records in kaart.records.items())
    print(f"De kaart is in orde: {counts}.", file=sys.stderr)
    return 0


def _as_named(name: str) -> str:
    """A path as named, made absolute but not resolved: a symlink in the kaart is itself (and reported), not its target."""
    return os.path.abspath(name)


def _kaart_root(start: Path) -> Path | None:
    """The kaart folder (the one with gebieden.yaml) that holds `start`, or None."""
    for candidate in (start, *start.parents):
        if (candidate / GEBIEDEN_FILE).is_file():
            return candidate
        if (candidate / DEFAULT_KAART / GEBIEDEN_FILE).is_file():
            return candidate / DEFAULT_KAART
    return None


def kaart_folder_for(args: argparse.Namespace) -> Path | None:
    """The kaart to check: --kaart, or for `kaart check FILE…` the kaart those files are in.
    Prints a Dutch explanation and returns None when there is none."""
    if args.bestanden:
        roots = {_kaart_root(Path(_as_named(name)).parent) for name in args.bestanden}
        folders = [name for name in args.bestanden if Path(name).is_dir()]
        if folders:
            print(f"Dit is een map, geen bestand: {', '.join(folders)}. Noem de bestanden zelf, of laat de namen weg om de hele kaart "
                  "te controleren.", file=sys.stderr)
            return None
        missing = [name for name in args.bestanden if not Path(name).is_file() and not Path(name).is_symlink()]
        if missing:
            print(f"Dit bestand bestaat niet: {', '.join(missing)}. Controleer de naam en de map.", file=sys.stderr)
            return None
        if None in roots or len(roots) != 1:
            print("De bestanden liggen niet in één kaart (een map met gebieden.yaml). Geef bestanden uit de map kaart/ van de repository.", file=sys.stderr)
            return None
        return roots.pop()
    folder = Path(args.kaart)
    if (folder / GEBIEDEN_FILE).is_file():
        return folder
    if args.kaart != DEFAULT_KAART:  # a folder was named: say what is wrong with it, not where the user stands
        if not folder.is_dir():
            what = "is een bestand, geen map" if folder.exists() else "bestaat niet"
            print(f"De map {args.kaart} {what}. Controleer wat je achter --kaart schreef: de map met gebieden.yaml "
                  "en de mappen voorzieningen/, ingangen/ en organisaties/ (in de repository: --kaart kaart).", file=sys.stderr)
        else:
            print(f"In {args.kaart} staat geen gebieden.yaml, dus dit is geen kaart. Geef achter --kaart de map met "
                  "gebieden.yaml en de mappen voorzieningen/, ingangen/ en organisaties/ (in de repository: --kaart kaart).", file=sys.stderr)
        return None
    found = _kaart_root(Path.cwd())
    if found is not None:
        hint = f" De kaart staat in {found}: ga naar de map erboven (cd {found.parent}) en voer 'kaart check' daar uit."
    else:
        hint = " Ga naar de hoofdmap van de repository (waar de mappen kaart/ en docs/ staan) en voer 'kaart check' daar uit."
    print(f"Hier is geen map 'kaart' met gebieden.yaml: je staat waarschijnlijk in de verkeerde map ({Path.cwd()}).{hint}", file=sys.stderr)
    return None


def _use_kaart_folder(args: argparse.Namespace) -> None:
    """mkdocs.yml reads the data folder from KAART_DIR (`!ENV`), so build and serve follow --kaart."""
    os.environ["KAART_DIR"] = str(Path(args.kaart).resolve())


def _setup_mkdocs_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)


def cmd_build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _use_kaart_folder(args)
    _setup_mkdocs_logging()
    overrides = {"site_dir": str(Path(args.site).resolve())} if args.site else {}
    staging = None
    try:
        config = load_config(config_file=mkdocs_file(args.config, args.kaart), **overrides)
        final = Path(config.site_dir)
        staging = final.parent / f".{final.name}.bouwen"  # a failed build leaves the previous site in place
        shutil.rmtree(staging, ignore_errors=True)
        config.site_dir = str(staging)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        _replace_folder(final, staging)
    except MkDocsException as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        reason = "de kaart bevat fouten (zie hierboven)" if "BuildError" in str(error) else str(error)
        print(f"Bouwen mislukt: {reason}. De vorige versie van de site is blijven staan.", file=sys.stderr)
        return 1
    return 0


def _replace_folder(final: Path, new: Path) -> None:
    """Put the freshly built site in place of the old one: two renames, so the folder is never half."""
    old = final.parent / f".{final.name}.oud"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .serve import serve

    _use_kaart_folder(args)
    _setup_mkdocs_logging()
    # Rebuilds after a change render only the pages it touches (generator/build/incremental.py);
    # MkDocs' English warning about dirty builds does not apply to those and is left out.
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(lambda record: "'dirty' build" not in record.getMessage())
    try:
        serve(config_file=mkdocs_file(args.config, args.kaart), dev_addr=args.adres)
    except MkDocsException as error:
        print(f"Starten mislukt: {error}", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(Path(args.uit)):
        print(f"Geschreven: {path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .synthetic import write_synthetic_kaart

    target = write_synthetic_kaart(Path(args.uit), args.aantal, gemeenten=args.gemeenten)
    print(f"Synthetische kaart met {args.aantal} voorzieningen in {args.gemeenten} gemeente(n) geschreven naar {target}.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    argparse_nl.install()
    parser = argparse_nl.Parser(prog="kaart", description="De sociale kaart controleren, bouwen en bekijken. Voer het uit in de map van de repository (waar de map kaart/ staat).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht", title="opdrachten", parser_class=argparse_nl.Parser)

    def add(name: str, func: Command, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--kaart", default=DEFAULT_KAART, help="map met de gegevens (standaard: kaart)")
        command.set_defaults(func=func)
        return command

    check = add("check", cmd_check, "Controleer alle bestanden in de kaart.")
    check.add_argument("--format", choices=["tekst", "github"], default="tekst", help="github: meldingen voor een pull request")
    check.add_argument("--gewijzigd-door", metavar="ACCOUNT", help="controleer alleen of dit GitHub-account de genoemde bestanden mag aanpassen (zoals in een pull request)")
    check.add_argument("--basis", metavar="MAP", help="de kaart-map van de hoofdtak: bepaalt wie eigenaar is, en welk bestand nieuw is als twee bestanden dezelfde id hebben")
    check.add_argument("bestanden", nargs="*", metavar="BESTAND", help="controleer alleen deze bestanden (binnen hun kaart); met --gewijzigd-door: de gewijzigde bestanden, vanaf de hoofdmap van de repository")

    build = add("build", cmd_build, "Bouw de website (zoals 'mkdocs build').")
    build.add_argument("--site", help="map voor de gebouwde site (standaard: site)")
    build.add_argument("--config", default=None, help=argparse.SUPPRESS)

    serve = add("serve", cmd_serve, "Bekijk de website op je eigen computer; wijzigingen zie je meteen.")
    serve.add_argument("--adres", default="127.0.0.1:8000", help="adres en poort (standaard: 127.0.0.1:8000)")
    serve.add_argument("--config", default=None, help=argparse.SUPPRESS)

    schema = add("schema", cmd_schema, "Schrijf de JSON Schema's voor editors opnieuw.")
    schema.add_argument("--uit", default="schema", help="map voor de schema's (standaard: schema)")

    demo = add("demo", cmd_demo, "Schrijf een synthetische kaart van N voorzieningen (voor metingen).")
    demo.add_argument("--aantal", type=int, required=True, help="aantal voorzieningen")
    demo.add_argument("--uit", required=True, help="map voor de synthetische kaart")
    demo.add_argument("--gemeenten", type=int, default=1, choices=range(1, 10), metavar="G", help="aantal gemeenten in de regio (1 tot 9, standaard 1)")

    for extend in EXTRA_COMMANDS:
        extend(add)
    return parser


# Later features register their subcommands here: each is a function that receives `add`.
EXTRA_COMMANDS: list[Callable] = [register_partner_commands, register_search_command, register_export_command]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
        if argv is None and args.command == "check":
            _leave_now(code)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`kaart zoek … | head`): not an error. Point stdout at devnull
        # so Python's flush at exit does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - a partner must never see a traceback
        print(
            f"Er ging iets mis in het programma zelf, niet in jouw gegevens ({type(error).__name__}: {error}). "
            "Meld dit bij de beheerder van de sociale kaart.",
            file=sys.stderr,
        )
        if os.environ.get("KAART_DEBUG"):
            raise
        return 2


def _leave_now(code: int) -> None:
    """End the `kaart check` process without tearing down its objects: a kaart of 10,000 records is
    millions of objects, and Python's collector goes through all of them once more at exit (about
    1.5 s) with nothing left to do. Only as the command itself (argv from the command line), never
    when main() is called from Python (tests)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
