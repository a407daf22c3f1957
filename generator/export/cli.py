"""`kaart export hsds|csv --uit MAP`: the open data without building the site (same code as the build)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Callable, Optional

from ..projectfiles import mkdocs_file

BEHEER_BESTAND = "sociale-kaart.csv"


def _site_settings(args: argparse.Namespace) -> tuple[Optional[str], str, str]:
    """site_url and the data licence from mkdocs.yml (next to the kaart), unless --site-url is given."""
    site_url, licentie, licentie_url = args.site_url, "", ""
    path = Path(mkdocs_file(None, args.kaart))
    if path.is_file():
        from mkdocs.config import load_config

        config = load_config(config_file=str(path))
        plugin = config.plugins.get("sociale-kaart")
        site_url = site_url or config.site_url
        if plugin is not None:
            licentie, licentie_url = plugin.config.licentie, plugin.config.licentie_url
    return site_url, licentie, licentie_url


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def cmd_export(args: argparse.Namespace) -> int:
    # Imported here: every `kaart` command registers this one, and `kaart zoek` must start fast.
    from ..validate import load_kaart
    from .beheer_csv import beheer_csv
    from .publish import OpenData, write_files

    kaart, problems = load_kaart(args.kaart)
    if problems or kaart is None:
        for problem in problems.sorted():
            print(problem)
        print(f"\n{len(problems)} fout(en) gevonden. Los ze op en exporteer opnieuw.", file=sys.stderr)
        return 1
    open_data = OpenData(kaart, dt.date.today(), *_site_settings(args))
    target = Path(args.uit)
    if args.formaat == "hsds":
        files = open_data.hsds_files()
    else:
        files = {BEHEER_BESTAND: beheer_csv(open_data.export)}
    count, size = write_files(target, files)
    what = "HSDS 3.0" if args.formaat == "hsds" else "De CSV voor beheerders"
    print(f"{what} geschreven naar {target}: {count} bestand(en), {_mb(size)}.", file=sys.stderr)
    return 0


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    export = add("export", cmd_export, "Schrijf de open data: HSDS 3.0 (JSON en CSV-tabellen) of de CSV voor beheerders.")
    export.add_argument("formaat", choices=["hsds", "csv"], help="hsds: de standaard voor sociale kaarten; csv: één regel per record en locatie")
    export.add_argument("--uit", required=True, metavar="MAP", help="map waarin de bestanden komen")
    export.add_argument("--site-url", default=None, metavar="URL", help="webadres van de site, voor links in de export (standaard: site_url uit mkdocs.yml)")
