"""What tests share besides fixtures: where the kaarten are, the Chromium flags, a site build.

Tests import these from here (`from support import DEMO_KAART`), not from conftest: a second
conftest.py in a subfolder would shadow the name `conftest`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_KAART = ROOT / "kaart"
MINI_KAART = ROOT / "tests" / "fixtures" / "mini"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def build_site(kaart: Path, site: Path) -> Path:
    from generator.cli import main

    assert main(["build", "--kaart", str(kaart), "--site", str(site)]) == 0
    return site
