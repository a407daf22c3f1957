"""What tests share besides fixtures: where the kaarten are, the Chromium flags, a site build.

Tests import these from here (`from support import DEMO_KAART`), not from conftest: a second
conftest.py in a subfolder would shadow the name `conftest`.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
DEMO_KAART = ROOT / "kaart"
MINI_KAART = ROOT / "tests" / "fixtures" / "mini"
CHROMIUM = "/usr/bin/chromium"
QUICK_EXIT_SITE = "https://www.google.nl/search?q=weerbericht"  # where "Snel weg" goes: mkdocs.yml extra.snel_weg_naar (default)
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def build_site(kaart: Path, site: Path) -> Path:
    from generator.cli import main

    assert main(["build", "--kaart", str(kaart), "--site", str(site)]) == 0
    return site


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page, one line each (empty when the page passes)."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:120]})" for v in result.response["violations"]]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on localhost; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
