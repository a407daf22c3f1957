"""Search benchmark: what the first search downloads, and latency in headless Chromium. Prints figures; asserts nothing.

Run: `python bench/search.py [--aantallen 1000 10000 20000] [--zonder-demo] [--herhaal 5]
[--kaart-cmd "..."] [--uit DIR]`.

For the demo kaart and synthetic kaarten (generator.synthetic, with the demo's synoniemen.yaml
copied in so synonyms expand as they would, without its `deuren`, which name demo records, and the
demo's safety net with its crisis lines, so every keystroke pays for it), it builds the site and
reports:
* the search files: the manifest zoeken/zoekindex.json, the term shards and card chunks (count,
  largest), raw and gzipped, and the lunr files;
* the first search: every search file (manifest, shards, chunks, lunr; gzipped sizes of the files
  as served) the browser fetched for /zoeken/?q=schulden with a cold cache, and for the header
  field on another page (focus, then type the query);
* first results: ms to the first result card on /zoeken/?q=..., with a cold cache (a new browser
  context each time) and a warm one (reload), median of --herhaal, counted three ways: from
  navigation start, from DOMContentLoaded and from the load event (what the search adds to the
  page's own load); and where the time goes on the cold load (median ms from navigation start:
  the HTML in, the manifest in, the term shards in, DOMContentLoaded, the first card chunk in,
  the first card drawn, the whole first page drawn);
* while typing: ms per keystroke on the search page and in the header field, from the input event
  until the page has drawn that keystroke's results (zoeken-ui.js sets the performance mark
  `sk-zoeken:getekend`) and laid them out, over every prefix of a few queries: the first pass (term
  shards and cards still to fetch) and a second one (median and max). Keystrokes that leave the
  list empty (the first two letters, stop words) are left out;
* `kaart zoek`: seconds per query from the command line, the first call (builds the index and
  caches it in .cache/zoek) and the next ones (cache hit), median of --herhaal; wall and CPU time.
Every report line ends with the load average: the machine may be shared.
Synthetic kaarten are kept in --uit and reused when they exist (delete them to regenerate); with
--hergebruik the sites too (only when they were built by the code being measured).
`--kaart-cmd` and `--kaart-map` build with another checkout (e.g. an older one, to measure "before"):
  --kaart-cmd /path/to/old/checkout/.venv/bin/kaart --kaart-map /path/to/old/checkout
(the command runs in --kaart-map, whose mkdocs.yml, docs/ and code build the site; PYTHONPATH alone does not work,
because a module run from a folder imports that folder's code first).
Targets (issue 14): the first search downloads at most 300 KB gzipped at 1,000 records and
500 KB at 10,000; first results within 500 ms; at most 30 ms per keystroke at 10,000.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import resource
import shlex
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
from generator.search.site import LUNR_FILES, LUNR_URI_PREFIX  # noqa: E402
from generator.synthetic import write_synthetic_kaart  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FIRST_QUERY = "schulden"
TYPED = ["schulden", "hulp bij formulieren", "mantelzorg ontlasten", "geldzorgen", "eenzaam",
         "ik wil niet meer leven", "mijn man slaat me", "ik kan de huur niet betalen"]

DRAWN = "sk-zoeken:getekend"  # the performance mark zoeken-ui.js sets after drawing a search's results

# Records when the first result card appears (performance.now() counts from navigation start).
FIRST_RESULTS_PROBE = """
new MutationObserver((changes, observer) => {
  const list = document.getElementById('sk-resultaten');
  if (list && list.children.length) { window.__eersteResultaten = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""

# Where the time of a cold /zoeken/?q= load goes, in ms from navigation start (resource timing and marks).
PHASES = """(drawn) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource').filter((e) => /\/zoeken\//.test(e.name));
  const ends = (pattern) => files.filter((e) => pattern.test(e.name)).map((e) => e.responseEnd);
  const marks = performance.getEntriesByName(drawn);
  const chunks = ends(/\/k\d+\.json$/);
  return {
    'HTML in': nav.responseEnd,
    'manifest in': Math.max(...ends(/zoekindex\.json$/)),
    'term shards in': Math.max(...ends(/\/t\d+\.json$/)),
    'DOMContentLoaded': nav.domContentLoadedEventStart,
    'first card chunk in': chunks.length ? Math.min(...chunks) : null,
    'first card drawn': window.__eersteResultaten,
    'first page drawn': marks.length ? marks[0].startTime : null,
  };
}"""

# Per keystroke: set the field, fire 'input', wait until the page has drawn that keystroke's results (the
# DRAWN mark, caught as it is set) and force layout; null when the list is empty afterwards (left out of the
# figures) or nothing was drawn within 2 s.
TYPING = """async ([queries, fieldId, listSelector, drawn]) => {
  const input = document.getElementById(fieldId);
  const mark = performance.mark.bind(performance);
  let notify = () => {};
  performance.mark = (name, options) => { const entry = mark(name, options); if (name === drawn) notify(true); return entry; };
  const perKey = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const prefix = query.slice(0, n);
      const list = document.querySelector(listSelector);
      const t = performance.now();
      const done = new Promise((resolve) => { notify = resolve; setTimeout(() => resolve(false), 2000); });
      input.value = prefix;
      input.dispatchEvent(new Event('input', {bubbles: true}));
      const drew = await done;
      list.offsetHeight;  // force layout: results are on screen
      perKey.push(drew && list.querySelector('a') !== null ? performance.now() - t : null);
    }
  }
  performance.mark = mark;
  return perKey;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


CHECKOUT = ROOT  # where the kaart command runs (--kaart-map)
KAART = str(Path(sys.executable).parent / "kaart") if (Path(sys.executable).parent / "kaart").exists() else "kaart"


def build(command: list[str], kaart: Path, site: Path) -> None:
    subprocess.run(command + ["build", "--kaart", str(kaart), "--site", str(site)], cwd=CHECKOUT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def synthetic(count: int) -> Path:
    kaart = OUT / f"kaart-{count}"
    if (kaart / "vangnet.yaml").is_file():
        return kaart  # reused: the same seed writes the same kaart
    kaart = write_synthetic_kaart(kaart, count)
    synoniemen = yaml.safe_load((ROOT / "kaart" / "synoniemen.yaml").read_text(encoding="utf-8"))
    synoniemen.pop("deuren", None)
    (kaart / "synoniemen.yaml").write_text(yaml.safe_dump(synoniemen, allow_unicode=True), encoding="utf-8")
    vangnet = yaml.safe_load((ROOT / "kaart" / "vangnet.yaml").read_text(encoding="utf-8"))
    for ingang in {lijn["ingang"] for lijn in vangnet["lijnen"]}:
        record = yaml.safe_load((ROOT / "kaart" / "ingangen" / f"{ingang}.yaml").read_text(encoding="utf-8"))
        record.update(organisatie="gemeente-synthetisch", werkgebied=["synthetisch"])
        (kaart / "ingangen" / f"{ingang}.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    # `daarna` may name only what the synthetic kaart has: the lines' ingangen (copied above) and the sociaal teams
    copied = {lijn["ingang"] for lijn in vangnet["lijnen"]} | {"sociaal-team"}
    for lijn in vangnet["lijnen"]:
        lijn["daarna"] = [record_id for record_id in lijn.get("daarna", []) if record_id in copied]
    (kaart / "vangnet.yaml").write_text(yaml.safe_dump(vangnet, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return kaart


def kaart_zoek(command: list[str], kaart: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) seconds for `kaart zoek --json`: the first call after the cache is cleared, and the
    median of the next. CPU time (user + system of the child) is what a busy machine does not inflate."""
    for folder in (ROOT, kaart.parent):
        shutil.rmtree(folder / ".cache" / "zoek", ignore_errors=True)
    command = command + ["zoek", "ik kan de huur niet betalen", "--json", "--kaart", str(kaart)]
    times = []
    for _ in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=CHECKOUT, check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((time.perf_counter() - start, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return times[0], (statistics.median(t[0] for t in times[1:]), statistics.median(t[1] for t in times[1:]))


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes()))


def sizes(site: Path) -> str:
    manifest = site / SEARCH_DATA_URI
    parts = [path for path in manifest.parent.glob("*/*.json")]
    shards = [path for path in parts if path.name.startswith("t")]
    chunks = [path for path in parts if path.name.startswith("k")]
    lunr = sum(path.stat().st_size for path in LUNR_FILES.values())
    lunr_gz = sum(gz(path) for path in LUNR_FILES.values())
    text = f"manifest zoekindex.json {manifest.stat().st_size / 1024:.0f} KB raw, {gz(manifest) / 1024:.0f} KB gzipped"
    for name, files in (("term shards", shards), ("card chunks", chunks)):
        if files:
            text += (f"; {len(files)} {name} {sum(p.stat().st_size for p in files) / 1024:.0f} KB raw, "
                     f"{sum(gz(p) for p in files) / 1024:.0f} KB gzipped (largest {max(gz(p) for p in files) / 1024:.1f} KB gzipped)")
    return text + f"; lunr + nl {lunr / 1024:.0f} KB raw, {lunr_gz / 1024:.0f} KB gzipped"


def search_files_fetched(site: Path, base: str, urls: list[str]) -> tuple[float, float, int]:
    """(KB gzipped of the search data files, KB gzipped of lunr, number of data files) among the URLs."""
    data, lunr, count = 0, 0, 0
    for url in dict.fromkeys(urls):
        path = url[len(base) + 1:].split("?")[0]
        if path.startswith("zoeken/") and path.endswith(".json"):
            data += gz(site / path)
            count += 1
        elif path.startswith(LUNR_URI_PREFIX):
            lunr += gz(site / path)
    return data / 1024, lunr / 1024, count


def first_download(browser, site: Path, base: str) -> dict[str, tuple[float, float, int]]:
    """What the first search fetches: on the search page with ?q=, and in another page's header field."""
    result = {}
    for kind in ("page", "header"):
        context = browser.new_context()
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        if kind == "page":
            page.add_init_script(FIRST_RESULTS_PROBE)
            page.goto(f"{base}/zoeken/?q={FIRST_QUERY}")
            page.wait_for_function("window.__eersteResultaten !== undefined", timeout=60000)
        else:
            page.goto(f"{base}/themas/")
            page.locator("#sk-zoekveld-q").focus()
            page.locator("#sk-zoekveld-q").fill(FIRST_QUERY)
            page.wait_for_function("document.querySelectorAll('.sk-zoekveld__hit').length > 0", timeout=60000)
        page.wait_for_load_state("networkidle")
        result[kind] = search_files_fetched(site, base, requested)
        context.close()
    return result


def first_results(browser, url: str, repeat: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median ms to the first result card: from navigation start (cold and warm cache), from DOMContentLoaded and
    from the load event (cold); and the median phases of the cold load (PHASES)."""
    times: dict[str, list[float]] = {"cold": [], "warm": [], "after_dcl": [], "after_load": []}
    phases: dict[str, list[float]] = {}
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
                page.wait_for_load_state("load")
                page.wait_for_function(f"performance.getEntriesByName('{DRAWN}').length > 0", timeout=60000)
                nav = page.evaluate("performance.getEntriesByType('navigation')[0].toJSON()")
                times["after_dcl"].append(first - nav["domContentLoadedEventStart"])
                times["after_load"].append(first - nav["loadEventStart"])
                for name, value in page.evaluate(PHASES, DRAWN).items():
                    if value is not None:
                        phases.setdefault(name, []).append(value)
        context.close()
    return ({kind: statistics.median(values) for kind, values in times.items()},
            {name: statistics.median(values) for name, values in phases.items()})


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


def typing(browser, url: str, field: str, results: str, focus_first: bool) -> tuple[list[float], list[float]]:
    """ms per keystroke: the first pass over TYPED (shards and cards to fetch) and a second one."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    if focus_first:
        page.locator(f"#{field}").focus()
    page.wait_for_function("window.SocialeKaartZoek.isReady()", timeout=60000)
    first = page.evaluate(TYPING, [TYPED, field, results, DRAWN])
    second = page.evaluate(TYPING, [TYPED, field, results, DRAWN])
    context.close()
    return first, second


def per_key(times: list[float | None]) -> str:
    measured = [t for t in times if t is not None]
    unchanged = f" ({len(times) - len(measured)} showed nothing)" if len(measured) < len(times) else ""
    return f"{statistics.median(measured):.1f} ms median, {max(measured):.1f} ms max{unchanged}"


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def report(name: str, kaart: Path, browser, repeat: int, command: list[str], with_kaart_zoek: bool, reuse: bool = False) -> None:
    site = OUT / f"site-{name}"
    if not (reuse and (site / SEARCH_DATA_URI).is_file()):
        build(command, kaart, site)
    docs = (site / SEARCH_DATA_URI).read_text(encoding="utf-8").count('"soort":')
    server, base = serve(site)
    try:
        download = first_download(browser, site, base)
        first, phases = first_results(browser, f"{base}/zoeken/?q={FIRST_QUERY}", repeat)
        plain = plain_page_dcl(browser, f"{base}/themas/", repeat)
        page_keys = typing(browser, f"{base}/zoeken/", "sk-q", "#sk-resultaten", False)
        header_keys = typing(browser, f"{base}/themas/", "sk-zoekveld-q", ".sk-zoekveld__lijst", True)
    finally:
        server.shutdown()
    print(f"{name} ({docs} documents): {sizes(site)}")
    for kind, label in (("page", f"/zoeken/?q={FIRST_QUERY}"), ("header", f"header field, '{FIRST_QUERY}'")):
        data, lunr, count = download[kind]
        print(f"  first search ({label}) downloads {data + lunr:.0f} KB gzipped: {data:.0f} KB in {count} search data files + {lunr:.0f} KB lunr")
    print(f"  first results for ?q={FIRST_QUERY} (median of {repeat}): from navigation start {first['cold']:.0f} ms cold cache, "
          f"{first['warm']:.0f} ms warm; cold: {first['after_dcl']:.0f} ms after DOMContentLoaded, {first['after_load']:.0f} ms after "
          f"the load event (a page without search, /themas/, reaches DOMContentLoaded at {plain:.0f} ms); {load()}")
    print("    cold load, ms from navigation start: " + ", ".join(f"{name} {value:.0f}" for name, value in phases.items()))
    print(f"  while typing ({len(page_keys[0])} keystrokes) on /zoeken/: first pass {per_key(page_keys[0])}, again {per_key(page_keys[1])}; "
          f"header field: first pass {per_key(header_keys[0])}, again {per_key(header_keys[1])}; {load()}")
    if not with_kaart_zoek:
        return
    first_call, cached_call = kaart_zoek(command, kaart, repeat)
    print(f"  kaart zoek: {first_call[0]:.2f} s ({first_call[1]:.2f} s CPU) the first time (builds and caches the index), "
          f"{cached_call[0]:.2f} s ({cached_call[1]:.2f} s CPU) after that (median of {repeat}); {load()}")


def main() -> None:
    global OUT, CHECKOUT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aantallen", type=lambda text: [int(n) for n in text.split(",")], nargs="*", default=[[1000, 10000, 20000]],
                        help="record counts, e.g. 1000 10000 or 1000,10000,20000")
    parser.add_argument("--herhaal", type=int, default=5)
    parser.add_argument("--zonder-demo", action="store_true", help="skip the demo kaart")
    parser.add_argument("--kaart-cmd", default=KAART, help="the kaart command that builds the sites and answers kaart zoek")
    parser.add_argument("--kaart-map", type=Path, default=ROOT, help="the checkout the kaart command runs in (with --kaart-cmd)")
    parser.add_argument("--zonder-kaart-zoek", action="store_true", help="skip the kaart zoek timing")
    parser.add_argument("--uit", type=Path, default=OUT, help="folder for the kaarten and sites")
    parser.add_argument("--hergebruik", action="store_true",
                        help="measure the sites already built in --uit (built by this code!) instead of building them again")
    args = parser.parse_args()
    OUT, CHECKOUT = args.uit, args.kaart_map.resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    command = shlex.split(args.kaart_cmd)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        if not args.zonder_demo:
            report("demo", ROOT / "kaart", browser, args.herhaal, command, not args.zonder_kaart_zoek, args.hergebruik)
        for count in [count for counts in args.aantallen for count in counts]:
            report(f"synthetisch-{count}", synthetic(count), browser, args.herhaal, command, not args.zonder_kaart_zoek, args.hergebruik)
        browser.close()


if __name__ == "__main__":
    main()
