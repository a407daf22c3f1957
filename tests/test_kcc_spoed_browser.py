"""/kcc/ on a crisis call and on a kern without results, keyboard only (outside review gebruik6, findings 1 and 6).

The Spoed box follows the query however the field got it (typed, a shared link, Back, a reload); its crisis
line is the first keyboard stop, so ↓ K copies the crisis number, never the first row's. A kern with nothing
of its own: the caller's sociaal team comes first, the count stays honest and no key throws.
"""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest
from generator.build.render import kopieer_nummer
from test_kcc_browser import kcc  # noqa: F401  the desk page fixture, shared

pytestmark = pytest.mark.browser

CRISIS_CALLS = ["ik wil niet meer leven", "mijn man slaat mij", "ik word mishandeld"]


def crisis_lines(page, query: str) -> list[dict]:
    return page.evaluate("q => SocialeKaartZoek.vangnet(q).map(l => ({id: l.id, tel: l.tel}))", query)


def wait_for_rows(page) -> None:
    page.wait_for_function("document.querySelectorAll('#kcc-rijen > li').length > 0")


def copied_after(page, key: str) -> str:
    page.evaluate("window.kccKlembord = null")
    page.keyboard.press(key)
    page.wait_for_function("window.kccKlembord !== null")
    return page.evaluate("window.kccKlembord")


def assert_spoed_box_for(page, query: str) -> None:
    lines = crisis_lines(page, query)
    assert lines, f"the demo safety net calls up no line for {query!r}"
    box = page.locator("[data-vangnet]")
    box.wait_for()
    assert box.get_attribute("data-vangnet").split() == [line["id"] for line in lines]
    assert "spoed" in box.inner_text().lower()
    hrefs = page.evaluate("[...document.querySelectorAll('#kcc-rijen .sk-kcc-rij__meer a')].map(a => a.getAttribute('href'))")
    assert not [href for href in hrefs for line in lines if href.rstrip("/").endswith("/" + line["id"])]


def assert_call_restored(page, query: str) -> None:
    """The query back in the field (a shared link, Back, a reload), with its rows and its Spoed box."""
    wait_for_rows(page)
    assert page.input_value("#kcc-q") == query
    assert_spoed_box_for(page, query)


def assert_arrow_down_k_copies_the_crisis_line(page, query: str) -> None:
    first = crisis_lines(page, query)[0]
    page.locator("#kcc-q").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('[data-vangnet]')")
    assert copied_after(page, "k") == first["tel"]
    page.wait_for_function("document.getElementById('kcc-gekopieerd').textContent.startsWith('Gekopieerd')")
    page.keyboard.press("ArrowDown")  # then on to the rows
    assert page.evaluate("document.activeElement.classList.contains('sk-kcc-rij__naam')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("!!document.activeElement.closest('[data-vangnet]')")


@pytest.mark.parametrize("query", CRISIS_CALLS)
def test_a_shared_link_shows_the_spoed_box_and_arrow_down_k_copies_the_crisis_number(kcc, site_url, query):
    kcc.goto(f"{site_url}/kcc/?q={quote_plus(query)}")
    assert_call_restored(kcc, query)
    assert_arrow_down_k_copies_the_crisis_line(kcc, query)


def typed_crisis_call(page, query: str) -> str:
    page.keyboard.type(query)
    assert_spoed_box_for(page, query)
    return query


def test_the_spoed_box_comes_back_after_back_and_after_a_reload(kcc):
    page = kcc
    query = typed_crisis_call(page, CRISIS_CALLS[0])
    page.goto(page.url.split("/kcc/")[0] + "/contact/")
    page.go_back()
    assert_call_restored(page, query)
    page.reload()
    assert_call_restored(page, query)
    assert_arrow_down_k_copies_the_crisis_line(page, query)


def test_enter_and_v_on_a_crisis_call_give_the_crisis_line(kcc):
    page = kcc
    query = typed_crisis_call(page, CRISIS_CALLS[1])
    first = crisis_lines(page, query)[0]
    page.keyboard.press("Enter")
    assert page.evaluate("!!document.activeElement.closest('[data-vangnet]')")
    referral = copied_after(page, "v")
    assert referral.startswith("Spoed: verwezen naar ") and first["tel"] in referral
    page.keyboard.press("Escape")  # back to the field, which Escape then clears: the box goes with the query
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('[data-vangnet]')")


def test_a_kern_without_results_puts_the_callers_own_team_first_and_counts_honestly(kcc, site_url, demo):
    """Speelotheek in Stroetinge (gemeente Wolderbeek): only Egelstede has places for it. The caller's own sociaal
    team is the first stop, K on the 'elders' button explains instead of throwing, another gemeente's place
    gives no number to pass on, and the count keeps saying 0 in Stroetinge."""
    page = kcc
    kern = demo.kernen["stroetinge"]
    team = demo.sociaal_team_voor(kern.id)
    assert demo.gemeente_van_kern[kern.id].id == "wolderbeek"
    page.goto(f"{site_url}/kcc/?kern={kern.id}")
    page.wait_for_function("document.getElementById('kcc-team').hidden === false")
    page.locator("#kcc-q").focus()
    page.keyboard.type("speelotheek")
    page.wait_for_function("document.querySelector('[data-kcc-elders]') !== null")
    status = page.text_content("#kcc-status")
    assert status.startswith(f"0 resultaten in {kern.naam}, ") and " elders" in status and team.naam in status

    page.keyboard.press("ArrowDown")  # the caller's own door first
    assert page.evaluate("!!document.activeElement.closest('#kcc-team')")
    assert copied_after(page, "k") == kopieer_nummer(team.contact.telefoon)

    page.keyboard.press("ArrowDown")  # then the "elders" button: K explains, nothing is copied, no script error
    assert page.evaluate("document.activeElement.hasAttribute('data-kcc-elders')")
    page.evaluate("window.kccKlembord = null")
    page.keyboard.press("k")
    page.wait_for_function("document.getElementById('kcc-gekopieerd').textContent.startsWith('Eerst Enter')")
    assert page.evaluate("window.kccKlembord") is None

    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#kcc-rijen .sk-kcc-rij--elders').length > 0")
    assert page.text_content("#kcc-status").startswith(f"0 resultaten in {kern.naam}, ")
    other = page.locator("#kcc-rijen .sk-kcc-rij--elders", has_text="andere gemeente")
    assert other.count() > 0
    for index in range(other.count()):
        row = other.nth(index)
        assert row.locator(".sk-kcc-kopieer").count() == 0
        row.locator(".sk-kcc-rij__naam").focus()
        page.evaluate("window.kccKlembord = null")
        page.keyboard.press("k")
        page.wait_for_function("document.getElementById('kcc-gekopieerd').textContent.startsWith('Voor inwoners van')")
        assert page.evaluate("window.kccKlembord") is None
        assert kern.naam in page.text_content("#kcc-gekopieerd")
