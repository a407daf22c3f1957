"""Long lists are split over pages, so no page grows with the kaart."""

from __future__ import annotations

import re

import pytest

from generator.build.pagination import paginate
from support import axe_violations, build_site, served

MAX_PAGE_BYTES = 40 * 1024


def test_an_empty_list_is_one_page():
    [(pager, chunk)] = list(paginate("themas/x/", [], 50))
    assert chunk == [] and pager.count == 1 and pager.previous is None and pager.next is None
    assert pager.title("Werk") == "Werk"


def test_pages_keep_the_list_url_first_and_number_the_rest():
    pages = list(paginate("themas/x/", list(range(101)), 50))
    assert [len(chunk) for _, chunk in pages] == [50, 50, 1]
    first, second, last = (pager for pager, _ in pages)
    assert first.urls == ("themas/x/", "themas/x/2/", "themas/x/3/") and second.url == "themas/x/2/"
    assert first.previous is None and first.next == "themas/x/2/"
    assert second.previous == "themas/x/" and second.next == "themas/x/3/"
    assert last.next is None and last.title("Werk") == "Werk (pagina 3 van 3)"


def test_no_page_passes_40_kb_with_a_large_kaart(large_site):
    sizes = {path: path.stat().st_size for path in large_site.rglob("*.html")}
    too_big = {str(path.relative_to(large_site)): size for path, size in sizes.items() if size > MAX_PAGE_BYTES}
    assert too_big == {}


def test_theme_pages_link_to_each_other(large_site):
    first = (large_site / "themas" / "geld-en-schulden" / "index.html").read_text(encoding="utf-8")
    pages = re.findall(r'<a href="(\d+)/"', first)
    assert pages and 'rel="next"' in first and 'aria-current="page"' in first
    second = (large_site / "themas" / "geld-en-schulden" / "2" / "index.html").read_text(encoding="utf-8")
    assert 'href="../" rel="prev"' in second and "(pagina 2 van" in second
    assert "Hier kun je terecht" not in second  # the ingangen are on the first page only


def test_kern_pages_lead_to_the_rest_through_the_search_page(large_site):
    pages = [path.read_text(encoding="utf-8") for path in (large_site / "kernen").glob("*/index.html")]
    assert any(re.search(r'href="\.\./\.\./zoeken/\?kern=[a-z0-9-]+&amp;thema=[a-z-]+">Alle \d+ bekijken', page) for page in pages)


def test_pager_and_kern_links_pass_axe(large_site, browser_page):
    with served(large_site) as url:
        for path in ("/themas/geld-en-schulden/2/", "/kernen/noord-kern-1/"):
            browser_page.goto(url + path)
            assert axe_violations(browser_page) == [], path


@pytest.fixture(scope="module")
def many_organisations_site(tmp_path_factory):
    """A kaart with as many organisations as a 20,000-record kaart has per gemeente (the overview and id lists grow with them)."""
    from generator.synthetic import write_synthetic_kaart

    kaart = write_synthetic_kaart(tmp_path_factory.mktemp("organisaties") / "kaart", 60, gemeenten=2, organisaties_count=520)
    return build_site(kaart, kaart.parent / "site")


def test_organisation_lists_are_split_over_pages(many_organisations_site):
    site = many_organisations_site
    too_big = {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html") if p.stat().st_size > MAX_PAGE_BYTES}
    assert too_big == {}
    overview = [site / "organisaties" / "index.html", site / "organisaties" / "2" / "index.html", site / "organisaties" / "3" / "index.html"]
    assert all(page.is_file() for page in overview) and "(pagina 3 van 3)" in overview[2].read_text(encoding="utf-8")
    lists = (site / "bijdragen" / "lijsten" / "index.html").read_text(encoding="utf-8")
    assert "Het zijn er 522" in lists and 'href="organisaties/"' in lists
    ids = "".join((site / "bijdragen" / "lijsten" / "organisaties" / sub / "index.html").read_text(encoding="utf-8") for sub in ("", "2", "3"))
    assert all(f"<code>organisatie-{n}</code>" in ids for n in range(1, 521)) and "<code>gemeente-synthetisch</code>" in ids
