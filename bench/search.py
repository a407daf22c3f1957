"""Search benchmark: index size, and latency in headless Chromium. Prints figures; asserts nothing.

Run: `python bench/search.py [--aantallen 1000 10000] [--zonder-demo] [--herhaal 5]`.

For the demo kaart and synthetic kaarten (generator.synthetic, with the demo's synoniemen.yaml
copied in so synonyms expand as they would, without its `deuren`, which name demo records, and the
demo's safety net with its crisis lines, so every keystroke pays for it), it builds the site and
reports:
* zoekindex.json raw and gzipped, and the lunr files the browser loads with it;
* first results: ms from navigation start to the first result card on /zoeken/?q=..., with a
  cold cache (a new browser context each time) and a warm one (reload), median of --herhaal,
  and the part after DOMContentLoaded (what the search adds to the page's own load);
* the parts of that: fetching and parsing the JSON, and lunr.Index.load;
* while typing: ms per keystroke on the search page (input event to rendered results) and for
  SocialeKaartZoek.search() alone, over every prefix of a few queries (median and max).
* `kaart zoek`: seconds per query from the command line, the first call (builds the index and
  caches it in .cache/zoek) and the next ones (cache hit), median of --herhaal.
Targets (issues 3 and 9): 1,000 records at most 400 KB gzipped; first results within 300 ms;
a query while typing under 30 ms; `kaart zoek` under 1 s per query on the demo.
"""

from __future__ import annotations

import argparse
import os
import resource
import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "search"
sys.path.insert(0, str(ROOT))

from generator.search.index import SEARCH_DATA_URI  # noqa: E402
from generator.search.site import LUNR_FILES  # noqa: E402
from generator.synthetic import write_synthetic_kaart  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FIRST_QUERY = "schulden"
TYPED = ["schulden", "hulp bij formulieren", "mantelzorg ontlasten", "geldzorgen", "eenzaam",
         "ik wil niet meer leven", "mijn man slaat me", "ik kan de huur niet betalen"]

# Records when the first result card appears (performance.now() counts from navigation start).
FIRST_RESULTS_PROBE = """
new MutationObserver((changes, observer) => {
  const list = document.getElementById('sk-resultaten');
  if (list && list.children.length) { window.__eersteResultaten = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""

LOAD_PARTS = """async () => {
  const root = new URL(document.querySelector('[data-sk-root]').dataset.skRoot, location.href).href;
  const t0 = performance.now();
  const text = await (await fetch(root + 'zoeken/zoekindex.json', {cache: 'no-store'})).text();
  const t1 = performance.now();
  const data = JSON.parse(text);
  const t2 = performance.now();
  lunr.Index.load(data.lunr);
  const t3 = performance.now();
  return {fetch: t1 - t0, parse: t2 - t1, load: t3 - t2};
}"""

TYPING = """(queries) => {
  const input = document.getElementById('sk-q');
  const perKey = [], searchOnly = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const prefix = query.slice(0, n);
      let t = performance.now();
      window.SocialeKaartZoek.search(prefix, {});
      searchOnly.push(performance.now() - t);
      input.value = prefix;
      t = performance.now();
      input.dispatchEvent(new Event('input', {bubbles: true}));
      document.getElementById('sk-resultaten').offsetHeight;  // force layout: results are on screen
      perKey.push(performance.now() - t);
    }
  }
  return {perKey, searchOnly};
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


KAART = str(Path(sys.executable).parent / "kaart") if (Path(sys.executable).parent / "kaart").exists() else "kaart"


def build(kaart: Path, site: Path) -> None:
    subprocess.run([KAART, "build", "--kaart", str(kaart), "--site", str(site)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def synthetic(count: int) -> Path:
    kaart = write_synthetic_kaart(OUT / f"kaart-{count}", count)
    synoniemen = yaml.safe_load((ROOT / "kaart" / "synoniemen.yaml").read_text(encoding="utf-8"))
    synoniemen.pop("deuren", None)
    (kaart / "synoniemen.yaml").write_text(yaml.safe_dump(synoniemen, allow_unicode=True), encoding="utf-8")
    vangnet = yaml.safe_load((ROOT / "kaart" / "vangnet.yaml").read_text(encoding="utf-8"))
    for ingang in {lijn["ingang"] for lijn in vangnet["lijnen"]}:
        record = yaml.safe_load((ROOT / "kaart" / "ingangen" / f"{ingang}.yaml").read_text(encoding="utf-8"))
        record.update(organisatie="gemeente-synthetisch", werkgebied=["synthetisch"])
        (kaart / "ingangen" / f"{ingang}.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    shutil.copy(ROOT / "kaart" / "vangnet.yaml", kaart / "vangnet.yaml")
    return kaart


def kaart_zoek(kaart: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) seconds for `kaart zoek --json`: the first call after the cache is cleared, and the
    median of the next. CPU time (user + system of the child) is what a busy machine does not inflate."""
    for folder in (ROOT, kaart.parent):
        shutil.rmtree(folder / ".cache" / "zoek", ignore_errors=True)
    command = [KAART, "zoek", "ik kan de huur niet betalen", "--json", "--kaart", str(kaart)]
    times = []
    for _ in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((time.perf_counter() - start, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return times[0], (statistics.median(t[0] for t in times[1:]), statistics.median(t[1] for t in times[1:]))


def sizes(site: Path) -> str:
    data = (site / SEARCH_DATA_URI).read_bytes()
    lunr = sum(path.stat().st_size for path in LUNR_FILES.values())
    lunr_gz = sum(len(gzip.compress(path.read_bytes())) for path in LUNR_FILES.values())
    return (f"zoekindex.json {len(data) / 1024:.0f} KB raw, {len(gzip.compress(data)) / 1024:.0f} KB gzipped; "
            f"lunr + nl {lunr / 1024:.0f} KB raw, {lunr_gz / 1024:.0f} KB gzipped")


def first_results(browser, url: str, repeat: int) -> dict[str, float]:
    """Median ms from navigation start to the first result card, and from DOMContentLoaded."""
    times: dict[str, list[float]] = {"cold": [], "warm": [], "after_dcl": []}
    for _ in range(repeat):
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(FIRST_RESULTS_PROBE)
        for kind in ("cold", "warm"):
            if kind == "cold":
                page.goto(url)
            else:
                page.reload()
            page.wait_for_function("window.__eersteResultaten !== undefined", timeout=60000)
            first = page.evaluate("window.__eersteResultaten")
            times[kind].append(first)
            if kind == "cold":
                dcl = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
                times["after_dcl"].append(first - dcl)
        context.close()
    return {kind: statistics.median(values) for kind, values in times.items()}


def plain_page_dcl(browser, url: str, repeat: int) -> float:
    """Median ms to DOMContentLoaded of a page without search, for comparison."""
    values = []
    for _ in range(repeat):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        values.append(page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart"))
        context.close()
    return statistics.median(values)


def load_parts(browser, url: str, repeat: int) -> dict[str, float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.SocialeKaartZoek.isReady()", timeout=60000)
    runs = [page.evaluate(LOAD_PARTS) for _ in range(repeat)]
    context.close()
    return {part: statistics.median(run[part] for run in runs) for part in runs[0]}


def typing(browser, url: str) -> dict[str, list[float]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.SocialeKaartZoek.isReady()", timeout=60000)
    page.evaluate(TYPING, TYPED)  # warm up the JIT
    result = page.evaluate(TYPING, TYPED)
    context.close()
    return result


def report(name: str, kaart: Path, browser, repeat: int) -> None:
    site = OUT / f"site-{name}"
    build(kaart, site)
    docs = (site / SEARCH_DATA_URI).read_text(encoding="utf-8").count('"soort":')
    server, base = serve(site)
    try:
        first = first_results(browser, f"{base}/zoeken/?q={FIRST_QUERY}", repeat)
        plain = plain_page_dcl(browser, f"{base}/themas/", repeat)
        parts = load_parts(browser, f"{base}/zoeken/", repeat)
        typed = typing(browser, f"{base}/zoeken/")
    finally:
        server.shutdown()
    first_call, cached_call = kaart_zoek(kaart, repeat)
    per_key, search_only = typed["perKey"], typed["searchOnly"]
    print(f"{name} ({docs} documents): {sizes(site)}")
    print(f"  first results for ?q={FIRST_QUERY}: {first['cold']:.0f} ms cold cache, {first['warm']:.0f} ms warm "
          f"(median of {repeat}, from navigation start); {first['after_dcl']:.0f} ms after DOMContentLoaded "
          f"(a page without search, /themas/, reaches DOMContentLoaded at {plain:.0f} ms)")
    print(f"  of which: fetch {parts['fetch']:.0f} ms, JSON.parse {parts['parse']:.0f} ms, lunr.Index.load {parts['load']:.0f} ms")
    print(f"  while typing ({len(per_key)} keystrokes): {statistics.median(per_key):.1f} ms median, {max(per_key):.1f} ms max "
          f"per keystroke; search() alone {statistics.median(search_only):.1f} ms median, {max(search_only):.1f} ms max")
    print(f"  kaart zoek: {first_call[0]:.2f} s ({first_call[1]:.2f} s CPU) the first time (builds and caches the index), "
          f"{cached_call[0]:.2f} s ({cached_call[1]:.2f} s CPU) after that (median of {repeat}); load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantallen", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--herhaal", type=int, default=5)
    parser.add_argument("--zonder-demo", action="store_true", help="skip the demo kaart")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        if not args.zonder_demo:
            report("demo", ROOT / "kaart", browser, args.herhaal)
        for count in args.aantallen:
            report(f"synthetisch-{count}", synthetic(count), browser, args.herhaal)
        browser.close()


if __name__ == "__main__":
    main()
