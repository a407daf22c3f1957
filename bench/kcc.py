"""KCC page benchmark: keystroke to updated results on /kcc/ in headless Chromium. Prints figures; asserts nothing.

Run: `python bench/kcc.py [--aantallen 1000] [--zonder-demo] [--herhaal 3]`.

For the demo kaart and synthetic kaarten (generator.synthetic, as in bench/search.py, whose helpers
this reuses) it builds the site and reports:
* kcc/kcc.json (the KCC data next to the search index) raw and gzipped;
* keystroke to results: real key presses (Playwright keyboard) into the KCC field, for every letter
  of a few queries, without and with a kern filter; per keystroke the time from the keydown event
  (event.timeStamp) to the rows being in the DOM with layout done, and to the next animation frame
  (the frame that shows them). Median and p95 over all keystrokes of --herhaal rounds (after a warm-up).
Target (issue 5): under 50 ms for 1,000 records.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "kcc"
sys.path.insert(0, str(ROOT))

from generator.kcc.data import KCC_DATA_URI  # noqa: E402


def _search_bench():
    """bench/search.py as a module: its build, serve and synthetic-kaart helpers."""
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


search_bench = _search_bench()

QUERIES = ["schulden", "hulp bij formulieren", "mantelzorg", "huishouden", "eenzaam"]

PROBE = """() => {
  window.__kcc = {key: null, dom: [], frame: []};
  document.addEventListener('keydown', (e) => { if (e.key.length === 1) window.__kcc.key = e.timeStamp; }, true);
  document.addEventListener('kcc:bijgewerkt', () => {
    const start = window.__kcc.key;
    if (start === null) return;
    window.__kcc.key = null;
    document.getElementById('kcc-rijen').offsetHeight;  // force layout: the rows are placed
    window.__kcc.dom.push(performance.now() - start);
    requestAnimationFrame(() => window.__kcc.frame.push(performance.now() - start));
  });
}"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def type_queries(page, kern: str | None) -> None:
    page.select_option("#kcc-kern", kern or "")
    page.focus("#kcc-q")
    for query in QUERIES:
        page.keyboard.press("Escape")
        for letter in query:
            page.keyboard.press(letter if letter != " " else "Space")
        page.wait_for_timeout(20)  # let the last frame callback run


def keystrokes(browser, url: str, rounds: int) -> dict[str, dict[str, list[float]]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("document.getElementById('kcc-status').textContent === ''", timeout=60000)
    kern = page.evaluate("document.querySelector('#kcc-kern optgroup option').value")
    page.evaluate(PROBE)
    results = {}
    for label, chosen in (("zonder kern", None), (f"met kern {kern}", kern)):
        type_queries(page, chosen)  # warm-up (JIT, lunr token sets)
        page.evaluate("window.__kcc.dom = []; window.__kcc.frame = []")
        for _ in range(rounds):
            type_queries(page, chosen)
        results[label] = page.evaluate("({dom: window.__kcc.dom, frame: window.__kcc.frame})")
    context.close()
    return results


def size(site: Path) -> str:
    data = (site / KCC_DATA_URI).read_bytes()
    return f"kcc.json {len(data) / 1024:.0f} KB raw, {len(gzip.compress(data)) / 1024:.0f} KB gzipped"


def report(name: str, kaart: Path, browser, rounds: int) -> None:
    site = OUT / f"site-{name}"
    search_bench.build(kaart, site)
    records = sum(1 for folder in ("voorzieningen", "vindplaatsen", "clientondersteuners", "ingangen", "organisaties") for _ in (kaart / folder).glob("*.yaml")) if kaart.is_dir() else 0
    server, base = search_bench.serve(site)
    try:
        measured = keystrokes(browser, f"{base}/kcc/", rounds)
    finally:
        server.shutdown()
    print(f"{name} ({records} records): {size(site)}")
    for label, times in measured.items():
        dom, frame = times["dom"], times["frame"]
        print(f"  keystroke to results, {label} ({len(dom)} keystrokes): in the DOM {statistics.median(dom):.1f} ms median, "
              f"{percentile(dom, 0.95):.1f} ms p95; next frame {statistics.median(frame):.1f} ms median, {percentile(frame, 0.95):.1f} ms p95")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantallen", type=int, nargs="*", default=[1000])
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--zonder-demo", action="store_true", help="skip the demo kaart")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=search_bench.CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        if not args.zonder_demo:
            report("demo", ROOT / "kaart", browser, args.herhaal)
        for count in args.aantallen:
            report(f"synthetisch-{count}", search_bench.synthetic(count), browser, args.herhaal)
        browser.close()


if __name__ == "__main__":
    main()
