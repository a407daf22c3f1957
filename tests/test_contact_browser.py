"""Call and Contact in headless Chromium: "nu open" with a fixed clock, the kern choice shared by the
contact block, the Contact page and the wegwijzer, and the way to a person without JavaScript."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest

from generator.fields import format_phone
from generator.openingstijden import feestdagen, status_op
from support import axe_violations

pytestmark = pytest.mark.browser

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OUTCOME = "/wegwijzer/uitkomst/meerdere-problemen/"  # an outcome that sends you to the sociaal team of your kern
KERN_A = "teutloo"
KERN_B = "rosmarke"


@pytest.fixture(scope="module")
def team_noord(demo):
    """A sociaal team whose phone is answered Monday to Friday 8.30-17.00 (checked here, so the texts below hold)."""
    team = demo.ingangen["sociaal-team-noord"]
    assert [team.contact.telefoon_tijden.ranges(day) for day in ("ma", "vr", "za")] == [[(510, 1020)], [(510, 1020)], []]
    assert team.contact.telefoon_tijden.feestdagen_gesloten
    return team


def moment(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """An Amsterdam wall-clock time as an aware datetime."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def ordinary_tuesday() -> dt.date:
    """A Tuesday next year with no holiday that week (the site's holiday list covers this year and two more)."""
    day = dt.date(dt.date.today().year + 1, 9, 1)
    while day.weekday() != 1:
        day += dt.timedelta(days=1)
    assert not any(day + dt.timedelta(days=k) in feestdagen(day.year) for k in range(-1, 3))
    return day


def easter_monday() -> dt.date:
    year = dt.date.today().year + 1
    return next(day for day, naam in feestdagen(year).items() if naam == "Tweede Paasdag")


def shown_status(page, site_url: str, team, when: dt.datetime) -> str:
    page.clock.set_fixed_time(when)
    page.goto(site_url + f"/ingangen/{team.id}/")
    status = page.locator(".md-content .sk-contact .sk-nu-open")  # next to the phone number: the phone's hours
    status.wait_for(state="visible")
    return status.inner_text()


CASES = [
    ("open", lambda: moment(ordinary_tuesday(), 10), "Nu open, tot 17.00 uur"),
    ("night", lambda: moment(ordinary_tuesday(), 23, 30), "Gesloten, opent morgen om 8.30 uur"),
    ("holiday", lambda: moment(easter_monday(), 10), "Gesloten vanwege Tweede Paasdag, opent morgen om 8.30 uur"),
]


@pytest.mark.parametrize("case, when, text", CASES, ids=[c[0] for c in CASES])
def test_nu_open_on_a_record_page(browser_page, site_url, team_noord, case, when, text):
    when = when()
    assert status_op(team_noord.contact.telefoon_tijden, when).tekst == text  # the Python twin agrees
    assert shown_status(browser_page, site_url, team_noord, when) == text
    status = browser_page.locator(".md-content .sk-contact .sk-nu-open")
    assert status.get_attribute("data-nu-open-status") == ("open" if case == "open" else "gesloten")


def test_nu_open_uses_amsterdam_time_on_a_device_elsewhere(browser, site_url, team_noord):
    context = browser.new_context(locale="en-US", timezone_id="America/New_York")
    page = context.new_page()
    try:
        # 23.30 in Amsterdam is 17.30 in New York: still closed, opens tomorrow (Amsterdam) morning.
        assert shown_status(page, site_url, team_noord, moment(ordinary_tuesday(), 23, 30)) == "Gesloten, opent morgen om 8.30 uur"
    finally:
        context.close()


# --- the kern choice -------------------------------------------------------------------------


def team_text(page, scope: str) -> str:
    box = page.locator(f"{scope} .sk-praten__team")
    box.wait_for(state="attached")
    return box.inner_text()


def test_kern_chosen_in_the_wegwijzer_carries_over_to_the_contact_block_and_page(browser_page, site_url, demo):
    page = browser_page
    team = demo.sociaal_team_voor(KERN_A)
    page.goto(site_url + OUTCOME)
    page.select_option("#sk-ww-kern", KERN_A)
    # The contact block on the same page follows at once.
    page.wait_for_function("document.querySelector('#sk-praten select') && document.querySelector('#sk-praten select').value === %r" % KERN_A)
    block = team_text(page, "#sk-praten")
    assert team.naam in block and format_phone(team.contact.telefoon) in block
    assert page.locator("#sk-praten .sk-praten__team a.sk-tel").get_attribute("href") == f"tel:{team.contact.telefoon}"
    # ... and on another page, and on the Contact page.
    page.goto(site_url + "/themas/mantelzorg/")
    page.locator("#sk-praten .sk-praten__naam").wait_for()
    assert page.locator("#sk-praten select").input_value() == KERN_A
    assert team.naam in team_text(page, "#sk-praten")
    page.goto(site_url + "/contact/")
    page.locator(".sk-jouw-team .sk-praten__naam").wait_for()
    assert page.locator(".sk-jouw-team select").input_value() == KERN_A
    text = team_text(page, ".sk-jouw-team")
    assert team.naam in text and team.contact.email in text
    assert "Inloop (zonder afspraak):" in text


def test_kern_chosen_in_the_contact_block_carries_over_to_the_wegwijzer(browser_page, site_url, demo):
    page = browser_page
    team = demo.sociaal_team_voor(KERN_B)
    assert team.id != demo.sociaal_team_voor(KERN_A).id
    page.goto(site_url + "/contact/")
    page.locator(".sk-jouw-team select").select_option(KERN_B)
    page.locator(".sk-jouw-team .sk-praten__naam", has_text=team.naam).wait_for()
    page.goto(site_url + OUTCOME)
    assert page.locator("#sk-ww-kern").input_value() == KERN_B
    assert team.naam in page.locator(".sk-ww-team--jouw").inner_text()
    # On the same page, a change in the contact block moves the wegwijzer's choice too.
    other = demo.sociaal_team_voor(KERN_A)
    page.locator("#sk-praten select").select_option(KERN_A)
    page.wait_for_function("document.querySelector('#sk-ww-kern').value === %r" % KERN_A)
    assert other.naam in page.locator(".sk-ww-team--jouw").inner_text()
    assert page.evaluate("localStorage.getItem('sociale-kaart-kern')") == KERN_A


def test_without_a_kern_the_block_asks_for_one(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/themas/mantelzorg/")
    select = page.get_by_label("Waar woon je?")
    select.wait_for()
    assert select.input_value() == ""
    assert "Kies je dorp of wijk" in team_text(page, "#sk-praten")


def test_contact_pieces_pass_axe_with_a_team_shown(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/contact/")
    page.locator(".sk-jouw-team select").select_option(KERN_A)
    page.locator(".sk-jouw-team .sk-praten__naam").wait_for()
    assert axe_violations(page) == []
    page.goto(site_url + "/ingangen/sociaal-team-noord/")
    page.locator("#sk-praten .sk-praten__naam").wait_for()
    assert axe_violations(page) == []


# --- without JavaScript ----------------------------------------------------------------------


def test_without_javascript_the_kcc_number_and_contact_link_are_visible(browser, site_url, demo):
    kcc = demo.kcc_voor("wolderbeek-dorp").contact.telefoon  # the smaller gemeente's number is there too
    assert kcc != demo.kcc_voor("brummerveen").contact.telefoon
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda req: outside.append(req.url) if urlparse(req.url).hostname not in ("127.0.0.1", "localhost") else None)
    try:
        page.goto(site_url + "/themas/mantelzorg/")
        block = page.locator("#sk-praten")
        assert block.get_by_role("link", name=format_phone(kcc)).is_visible()
        assert block.get_by_role("link", name=format_phone(kcc)).get_attribute("href") == f"tel:{kcc}"
        contact = block.get_by_role("link", name="Contact", exact=True)
        assert contact.is_visible()
        assert block.get_by_role("link", name="jouw dorp of wijk").is_visible()
        assert page.locator(".sk-praten-kort").get_by_role("link", name=format_phone(kcc)).is_visible()
        assert page.locator("#sk-praten select").count() == 0
        contact.click()
        page.wait_for_url("**/contact/")
        assert page.locator(".sk-jouw-team").get_by_role("link", name=format_phone(kcc)).is_visible()
        assert page.get_by_role("link", name="het sociaal team in jouw gebied", exact=True).is_visible()
    finally:
        context.close()
    assert outside == []
