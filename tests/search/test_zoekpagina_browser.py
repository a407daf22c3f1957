"""The search page while its first results come in, in headless Chromium on the demo site: nothing on
screen moves when they appear, and the query's term shards are fetched next to the manifest."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# Sums the layout shifts the page makes on its own (not right after input), as CLS does.
WATCH_LAYOUT_SHIFTS = """
window.__verschuiving = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) window.__verschuiving += entry.value; });
}).observe({type: "layout-shift", buffered: true});
"""


def results_drawn(page) -> None:
    page.wait_for_function("document.querySelectorAll('#sk-resultaten > li').length > 0 || !document.getElementById('sk-geen').hidden")


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("query", ["schulden", "mijn vriend slaat me", "xqzzyv"])
def test_results_appearing_do_not_shift_the_layout(phone, site_url, width, query):
    """Results, the crisis box or "Niets gevonden" come after the first paint; what is already on screen
    (the praten block, the way-on section, the footer) must not be pushed down by them (CLS < 0.1)."""
    page = phone(width=width)
    page.add_init_script(WATCH_LAYOUT_SHIFTS)
    page.goto(site_url + "/zoeken/?q=" + query.replace(" ", "+"))
    results_drawn(page)
    page.wait_for_timeout(600)  # later drawing (nearness, the rest of the cards) counts too
    shift = page.evaluate("window.__verschuiving")
    assert shift < 0.1, f"layout shift {shift:.3f} while the results of '{query}' appeared at {width} px"
    assert page.locator("#sk-praten").is_visible() or page.evaluate("document.getElementById('sk-praten').getBoundingClientRect().top > innerHeight")


def test_the_query_shards_are_fetched_before_the_manifest_is_in(phone, site_url, demo_site):
    """With ?q= in the address the page knows its query at once: zoeken/delen.json (the shards' first terms)
    lets it fetch the query's term shard while the manifest is still on its way (one round trip fewer)."""
    page = phone()
    delen = json.loads((demo_site / "zoeken" / "delen.json").read_text(encoding="utf-8"))
    manifest = json.loads((demo_site / "zoeken" / "zoekindex.json").read_text(encoding="utf-8"))
    assert delen["map"] == manifest["delen"]["map"]
    assert len(delen["grenzen"]) == len(manifest["delen"]["termen"])
    assert [manifest["termen"][start] for start in manifest["delen"]["termen"]] == delen["grenzen"]
    events: list[str] = []
    held: list = []

    def hold_manifest(route):
        events.append("manifest gevraagd")
        held.append(route)

    page.route("**/zoeken/zoekindex.json", hold_manifest)
    page.on("request", lambda request: events.append(request.url.rsplit("/", 1)[1]) if "/zoeken/" + delen["map"] + "/" in request.url else None)
    page.goto(site_url + "/zoeken/?q=schulden", wait_until="domcontentloaded")
    page.wait_for_function("performance.getEntriesByType('resource').some(function (e) { return /\\/t\\d+\\.json$/.test(e.name); })")
    assert held and [name for name in events if name.startswith("t")], events
    events.append("manifest geleverd")
    held[0].continue_()
    results_drawn(page)
    shards = [name for name in events[: events.index("manifest geleverd")] if name.startswith("t")]
    assert shards, events
    # the search found what it needed in those shards: no other term shard was asked for afterwards
    assert [name for name in events[events.index("manifest geleverd"):] if name.startswith("t")] == []
    assert page.locator("#sk-resultaten > li").count() > 0


def test_the_highlighted_header_result_survives_a_redraw(browser_page, site_url):
    """A redraw of the header's results (the answer to an earlier keystroke, or cards that came later) keeps
    the result chosen with the arrow keys: Enter then opens it, not the search page."""
    page = browser_page
    page.goto(site_url + "/themas/")
    page.locator("#sk-zoekveld-q").focus()
    page.keyboard.type("rolstoel")
    page.wait_for_function("document.querySelectorAll('#sk-zoekveld-paneel .sk-zoekveld__hit').length > 1 && "
                           "/\\d+ resulta/.test(document.getElementById('sk-zoekveld-status').textContent)")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.href")
    assert chosen == page.locator(".sk-zoekveld__hit").nth(1).evaluate("a => a.href")
    page.evaluate("window.__oud = document.querySelector('.sk-zoekveld__hit'); "
                  "document.getElementById('sk-zoekveld-q').dispatchEvent(new Event('input', {bubbles: true}))")
    page.wait_for_function("!document.contains(window.__oud) && document.querySelector('.sk-zoekveld__hit')")  # redrawn
    assert page.evaluate("document.activeElement.href") == chosen
    page.keyboard.press("Enter")
    page.wait_for_url(chosen)
