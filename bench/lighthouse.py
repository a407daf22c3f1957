"""Lighthouse benchmark: mobile scores of the built demo site, served gzipped. Prints figures; asserts nothing.

Run: `python bench/lighthouse.py [--herhaal 1] [--site DIR] [--pagina zoeken ...]`.

It builds the demo kaart into bench/out/lighthouse/site (unless --site is given), installs
lighthouse@12.2.3 with npm into bench/out/lighthouse (gitignored) when it is not there yet, serves
the site on 127.0.0.1 with gzip (as any real web server would) and a 404.html for unknown paths,
and runs Lighthouse (default mobile emulation: Moto G Power, slow 4G, 4x CPU slowdown) with
Debian's Chromium (CHROME_PATH=/usr/bin/chromium, --headless=new --no-sandbox) on five page types:
home, theme, record, wegwijzer outcome and search with results. It prints the four category scores,
the Cumulative Layout Shift and the Largest Contentful Paint per page; with --herhaal N the median.
Targets (issue 12): performance >= 95; accessibility, best practices and SEO 100; no layout shift.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def pages(site: Path) -> dict[str, str]:
    record = sorted((site / "voorzieningen").iterdir())[0].name
    return {
        "home": "/",
        "thema": "/themas/geld-en-schulden/",
        "record": f"/voorzieningen/{record}/",
        "uitkomst": "/wegwijzer/uitkomst/schulden/",
        "zoeken": "/zoeken/?q=schulden",
    }


def build(site: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from generator.cli import main

    if main(["build", "--kaart", str(ROOT / "kaart"), "--site", str(site)]) != 0:
        raise SystemExit("bouwen mislukt")


def lighthouse_cli() -> Path:
    cli = OUT / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--no-audit", "--no-fund"], cwd=OUT, check=True)
    return cli


def gzip_handler(site: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            status = 200
            if not path.is_file():
                path, status = site / "404.html", 404
            body = path.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", self.guess_type(str(path)))
            if path.suffix in GZIP_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def run_lighthouse(cli: Path, url: str, report: Path) -> dict[str, float]:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(
        ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox"],
        env=env, check=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    figures = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    figures["CLS"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    figures["LCP ms"] = data["audits"]["largest-contentful-paint"]["numericValue"]
    failing = [audit["id"] for c in CATEGORIES[1:] for ref in data["categories"][c]["auditRefs"]
               if (audit := data["audits"][ref["id"]]).get("score") is not None and audit["score"] < 1 and ref["weight"] > 0]
    figures["failing"] = failing
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=1, help="runs per page (the median is printed)")
    parser.add_argument("--site", type=Path, help="an already built site (default: build the demo)")
    parser.add_argument("--pagina", nargs="+", help="only these pages (home, thema, record, uitkomst, zoeken)")
    args = parser.parse_args()
    site = args.site or OUT / "site"
    if args.site is None:
        build(site)
    cli = lighthouse_cli()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), gzip_handler(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, served gzipped from {site}")
    print(f"{'page':<10}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'CLS':>8}{'LCP ms':>9}  failing audits")
    try:
        for name, path in pages(site).items():
            if args.pagina and name not in args.pagina:
                continue
            runs = [run_lighthouse(cli, base + path, OUT / f"{name}-{i}.json") for i in range(args.herhaal)]
            med = {k: statistics.median(r[k] for r in runs) for k in CATEGORIES + ["CLS", "LCP ms"]}
            failing = sorted({a for r in runs for a in r["failing"]})
            print(f"{name:<10}{med['performance']:>6.0f}{med['accessibility']:>6.0f}{med['best-practices']:>6.0f}{med['seo']:>6.0f}"
                  f"{med['CLS']:>8.3f}{med['LCP ms']:>9.0f}  {', '.join(failing) or '-'}", flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
