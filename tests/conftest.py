"""Shared fixtures: the demo and mini kaarten, a built demo site served on localhost, headless Chromium.

Browser tests use `browser_page`: a fresh Chromium page that fails the test when any request
leaves localhost (no CDNs, fonts or trackers may ever be loaded).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, DEMO_KAART, MINI_KAART, build_site, served


@pytest.fixture(scope="session")
def demo():
    """The demo kaart, loaded and valid (tests must not change it)."""
    from generator.validate import load_kaart

    kaart, problems = load_kaart(DEMO_KAART)
    assert [str(problem) for problem in problems] == []
    return kaart


@pytest.fixture
def mini_kaart(tmp_path: Path) -> Path:
    """A writable copy of the small test kaart, for tests that break it on purpose."""
    target = tmp_path / "kaart"
    shutil.copytree(MINI_KAART, target)
    return target


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo kaart, built once per test run."""
    return build_site(DEMO_KAART, tmp_path_factory.mktemp("demo-site") / "site")


@pytest.fixture(scope="session")
def large_kaart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic kaart of 1,200 voorzieningen in a region of two gemeenten (generator/synthetic.py)."""
    from generator.synthetic import write_synthetic_kaart

    return write_synthetic_kaart(tmp_path_factory.mktemp("groot") / "kaart", 1200, gemeenten=2)


@pytest.fixture(scope="session")
def large_site(large_kaart: Path) -> Path:
    """The 1,200-record two-gemeente kaart, built once per test run."""
    return build_site(large_kaart, large_kaart.parent / "site")


@pytest.fixture(scope="session")
def site_url(demo_site: Path):
    with served(demo_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, request):
    """A fresh 1280x900 page; the test fails if any request leaves localhost or a script throws."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    unexpected: list[str] = []

    def check(req) -> None:
        host = urlparse(req.url).hostname
        if req.url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            return
        unexpected.append(f"request outside localhost: {req.url}")

    page.on("request", check)
    page.on("pageerror", lambda error: unexpected.append(f"script error: {error}"))
    yield page
    context.close()
    assert unexpected == []
