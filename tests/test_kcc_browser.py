"""The KCC pages in headless Chromium, driven by the keyboard only: search, rows, copy, kern filter, call script."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from generator.fields import format_phone
from generator.wegwijzer.nummers import cijfers
from generator.wegwijzer.validate import CRISIS_SOORTEN
from support import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def kcc(browser, site_url):
    """/kcc/ in a context that may use the clipboard; fails on requests outside localhost or script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", timezone_id="Europe/Amsterdam",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    problems: list[str] = []
    page.on("request", lambda req: problems.append(req.url) if urlparse(req.url).hostname not in ("127.0.0.1", "localhost") and not req.url.startswith(("data:", "blob:", "about:")) else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.goto(site_url + "/kcc/")
    page.wait_for_function("document.getElementById('kcc-status').textContent === ''")  # index and kcc.json loaded
    yield page
    context.close()
    assert problems == []


def focused(page, script: str = "el => el.id"):
    return page.evaluate(f"({script})(document.activeElement)")


def type_query(page, text: str) -> None:
    page.keyboard.type(text)
    page.locator("#kcc-rijen > li").first.wait_for()


def row_phone(page, index: int) -> str:
    return page.locator("#kcc-rijen > li").nth(index).locator(".sk-kcc-rij__tel a.sk-tel").inner_text()


def test_keyboard_only_search_open_copy_and_back(kcc):
    page = kcc
    assert focused(page) == "kcc-q"
    type_query(page, "geldmaatje")
    page.keyboard.press("ArrowDown")
    assert focused(page, "el => el.classList.contains('sk-kcc-rij__naam')")
    name = focused(page, "el => el.textContent")
    assert "Geldmaatje" in name
    page.keyboard.press("Enter")
    row = page.locator("#kcc-rijen > li").first
    assert row.locator(".sk-kcc-rij__naam").get_attribute("aria-expanded") == "true"
    assert row.locator(".sk-kcc-rij__meer").is_visible()
    phone = row.locator("a.sk-tel")
    assert phone.is_visible() and re.fullmatch(r"[0-9 ]{8,}", phone.inner_text())
    assert row.locator(".sk-kcc-rij__zeg").is_visible()
    page.keyboard.press("Tab")  # the tel: link
    page.keyboard.press("Tab")  # the copy button
    assert focused(page, "el => el.textContent") == "Kopieer"
    page.keyboard.press("Enter")
    expected = phone.inner_text()
    page.wait_for_function("document.getElementById('kcc-gekopieerd').textContent.startsWith('Gekopieerd')")
    assert page.locator("#kcc-gekopieerd").inner_text() == f"Gekopieerd: {expected}"
    assert page.evaluate("navigator.clipboard.readText()") == expected.replace(" ", "")
    page.keyboard.press("/")
    assert focused(page) == "kcc-q"
    assert page.locator("#kcc-q").input_value() == "geldmaatje"


def test_arrows_move_through_rows_and_k_copies_the_focused_row(kcc):
    page = kcc
    type_query(page, "schulden")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    third = page.locator("#kcc-rijen .sk-kcc-rij__naam").nth(2)
    assert focused(page, "el => el.id") == third.get_attribute("id")
    page.keyboard.press("ArrowUp")
    assert focused(page, "el => el.id") == page.locator("#kcc-rijen .sk-kcc-rij__naam").nth(1).get_attribute("id")
    page.keyboard.press("k")
    page.wait_for_function("document.getElementById('kcc-gekopieerd').textContent !== ''")
    assert page.locator("#kcc-gekopieerd").inner_text() == "Gekopieerd: " + row_phone(page, 1)
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert focused(page) == "kcc-q"


def test_typing_on_a_row_goes_on_in_the_search_field(kcc):
    page = kcc
    type_query(page, "schuld")
    page.keyboard.press("ArrowDown")
    page.keyboard.type("en")
    assert focused(page) == "kcc-q" and page.locator("#kcc-q").input_value() == "schulden"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Backspace")
    assert focused(page) == "kcc-q" and page.locator("#kcc-q").input_value() == "schulde"


def test_a_redraw_of_the_rows_keeps_the_focus_on_the_same_record(kcc):
    """ArrowDown pressed before the last keystroke's answer arrives: the redraw must not drop the focus to the page."""
    page = kcc
    type_query(page, "geldmaatje")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    name = focused(page, "el => el.textContent")
    assert focused(page, "el => el.classList.contains('sk-kcc-rij__naam')") and name
    redraw_for = """(query) => new Promise(resolve => {
        document.addEventListener('kcc:bijgewerkt', () => resolve(), {once: true});
        const field = document.getElementById('kcc-q');
        field.value = query;
        field.dispatchEvent(new Event('input', {bubbles: true}));
    })"""
    page.evaluate(redraw_for, "geldmaatje")
    assert focused(page, "el => el.classList.contains('sk-kcc-rij__naam')")
    assert focused(page, "el => el.textContent") == name
    page.evaluate(redraw_for, "voedselbank")  # the record is gone from the rows: back to the field
    assert focused(page) == "kcc-q"


def test_slash_in_the_field_is_typed_and_escape_clears(kcc):
    page = kcc
    page.keyboard.type("24/7")
    assert page.locator("#kcc-q").input_value() == "24/7"
    page.keyboard.press("Escape")
    assert page.locator("#kcc-q").input_value() == ""
    assert page.locator("#kcc-rijen > li").count() == 0


def test_kern_filter_shows_that_kerns_sociaal_team_and_escape_starts_a_new_call(kcc, demo):
    page = kcc
    kern_id, kern = next((k, v) for k, v in sorted(demo.kernen.items()) if demo.sociaal_team_voor(k) is not None and k.startswith("b"))
    team = demo.sociaal_team_voor(kern_id)
    page.keyboard.press("Tab")
    assert focused(page) == "kcc-kern"
    page.keyboard.type(kern.naam)
    assert page.locator("#kcc-kern").input_value() == kern_id
    slot = page.locator("#kcc-team")
    slot.wait_for()
    assert team.naam in slot.inner_text()
    assert format_phone(team.contact.telefoon) in slot.locator("a.sk-tel").inner_text()
    assert slot.locator(".sk-kcc-kopieer").count() == 1
    assert page.locator("#kcc-rijen > li").count() > 0  # an empty query lists the offers for the kern
    page.keyboard.press("Shift+Tab")
    type_query(page, "huishouden")
    covered = page.evaluate("""(kern) => SocialeKaartZoek.zoek(document.getElementById('kcc-q').value, {kern, soort: ['voorziening','vindplaats','clientondersteuner','ingang','organisatie']}).then(hits => hits.slice(0, 20).map(h => h.naam))""", kern_id)
    assert page.locator("#kcc-rijen .sk-kcc-rij__naam").all_inner_texts() == covered
    page.keyboard.press("Escape")  # clears the query
    page.keyboard.press("Escape")  # in an empty field: clears the kern (next caller)
    assert page.locator("#kcc-kern").input_value() == ""
    assert slot.is_hidden()


def general_numbers(demo) -> set[str]:
    return {cijfers(kcc.contact.telefoon) for _, kcc in demo.kcc_per_gemeente()}


def demo_sample(demo):
    """A spread of demo records of every type that has a phone of its own (not a gemeente's general number), in a fixed order."""
    picks = []
    algemeen = general_numbers(demo)
    for soort in ("voorziening", "vindplaats", "clientondersteuner", "ingang"):
        records = sorted((r for r in demo.records[soort].values() if getattr(r, "status", "actief") != "gestopt" and r.contact.telefoon
                          and getattr(r, "soort", None) not in CRISIS_SOORTEN  # their name calls up the Spoed box instead
                          and (getattr(r, "soort", None) == "kcc" or cijfers(r.contact.telefoon) not in algemeen)), key=lambda r: r.id)
        picks += records[:: max(1, len(records) // 3)][:3]
    return picks


def focus_row_named(page, record) -> None:
    """A new call ('/', Escape), the record's name typed, then ArrowDown until its row has the focus."""
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    type_query(page, record.naam)
    page.keyboard.press("ArrowDown")
    for _ in range(20):
        if focused(page, "el => el.textContent") == record.naam:
            break
        page.keyboard.press("ArrowDown")
    assert focused(page, "el => el.textContent") == record.naam, record.id


def test_find_demo_records_and_their_phone_numbers_with_the_keyboard_alone(kcc, demo):
    page = kcc
    sample = demo_sample(demo)
    assert len(sample) >= 10
    for record in sample:
        focus_row_named(page, record)
        page.keyboard.press("Enter")
        row = page.locator("#kcc-rijen > li", has=page.locator("[aria-expanded=true]"))
        assert row.locator("a.sk-tel").inner_text() == format_phone(record.contact.telefoon), record.id
        assert row.locator("a.sk-tel").is_visible()
        if getattr(record, "kcc", None):
            assert record.kcc.antwoord in row.locator(".sk-kcc-rij__zeg").inner_text()


def test_every_demo_record_is_in_the_first_rows_for_its_name(kcc, demo):
    """Every record is found by its name: as a row, or (a crisis line) in the Spoed box above the rows."""
    names = sorted({(r.naam, r.id) for _, records in demo.records.items() for r in records.values() if getattr(r, "status", "actief") != "gestopt"})
    missing = kcc.evaluate("""async (names) => {
        const missing = [];
        for (const [name, id] of names) {
            const field = document.getElementById('kcc-q');
            const shown = new Promise(resolve => document.addEventListener('kcc:bijgewerkt', resolve, {once: true}));
            field.value = name;
            field.dispatchEvent(new Event('input', {bubbles: true}));
            await shown;  // the rows come once the query's term shards and cards are loaded
            if (!SocialeKaartZoek.vangnet(name).some(line => line.id === id) &&
                ![...document.querySelectorAll('#kcc-rijen .sk-kcc-rij__naam')].some(b => b.textContent === name)) missing.push(name);
        }
        return missing;
    }""", [list(pair) for pair in names])
    assert missing == []


def test_a_record_on_the_general_number_gives_no_number_to_pass_on(kcc, demo):
    """A caller of the KCC must not be sent back to a KCC: a record whose number is a gemeente's general number
    says so on its row, and K copies nothing."""
    algemeen = general_numbers(demo)
    records = sorted((r for soort in ("voorziening", "vindplaats", "clientondersteuner") for r in demo.records[soort].values()
                      if getattr(r, "status", "actief") != "gestopt" and r.contact.telefoon and cijfers(r.contact.telefoon) in algemeen),
                     key=lambda r: r.id)
    assert len(records) >= 3
    for record in records[:4]:
        focus_row_named(kcc, record)
        row = kcc.locator("#kcc-rijen > li", has=kcc.locator(".sk-kcc-rij__naam:focus"))
        assert row.locator("a.sk-tel").count() == 0, record.id
        assert "Geen eigen nummer" in row.locator(".sk-kcc-rij__tel").inner_text(), record.id
        kcc.keyboard.press("k")
        kcc.wait_for_function("document.getElementById('kcc-gekopieerd').textContent !== ''")
        assert kcc.locator("#kcc-gekopieerd").inner_text().startswith("Geen eigen nummer"), record.id


@pytest.mark.parametrize("query", ["ik wil niet meer leven", "mijn man slaat me", "ik word thuis geslagen"])
def test_a_crisis_line_in_the_spoed_box_is_not_repeated_as_a_row(kcc, query):
    type_query(kcc, query)
    box = kcc.locator("[data-vangnet]")
    box.wait_for()
    in_box = box.get_attribute("data-vangnet").split()
    hrefs = kcc.evaluate("[...document.querySelectorAll('#kcc-rijen .sk-kcc-rij__meer a')].map(a => a.getAttribute('href'))")
    assert in_box and hrefs
    assert not [href for href in hrefs for line in in_box if href.rstrip("/").endswith("/" + line)]


def test_freshness_is_decided_on_the_day_the_page_is_used(browser, site_url, demo):
    """A record checked recently is unmarked today, and marked when the page is opened 13 and 19 months later
    (a site that is not rebuilt still warns)."""
    newest = max((r for r in demo.voorzieningen.values() if r.status != "gestopt"), key=lambda r: r.laatst_gecontroleerd)
    d = newest.laatst_gecontroleerd
    shown = {}
    for months in (0, 13, 19):
        year, month = d.year + (d.month - 1 + months) // 12, (d.month - 1 + months) % 12 + 1
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        page = context.new_page()
        page.clock.set_fixed_time(f"{year}-{month:02d}-{min(d.day, 28):02d}T12:00:00+01:00")
        page.goto(site_url + "/kcc/")
        page.wait_for_function("document.getElementById('kcc-status').textContent === ''")
        type_query(page, newest.naam)
        row = page.locator("#kcc-rijen > li", has=page.locator(".sk-kcc-rij__naam", has_text=newest.naam)).first
        mark = row.locator(".sk-kcc-controle")
        shown[months] = mark.inner_text() if mark.count() else None
        context.close()
    assert shown[0] is None
    assert shown[13].startswith(f"Controleer: gegevens van {d.day} ") and "ouder dan" not in shown[13]
    assert shown[19].endswith("(ouder dan 18 maanden)")


def test_old_records_are_marked_in_the_rows(kcc, demo):
    oldest = min((r for r in demo.voorzieningen.values() if r.status != "gestopt"), key=lambda r: r.laatst_gecontroleerd)
    type_query(kcc, oldest.naam)
    row = kcc.locator("#kcc-rijen > li", has=kcc.locator(".sk-kcc-rij__naam", has_text=oldest.naam)).first
    d = oldest.laatst_gecontroleerd
    assert re.search(rf"Controleer: gegevens van {d.day} \w+ {d.year}", row.locator(".sk-kcc-controle").inner_text())


def test_kcc_page_with_results_team_and_open_row_has_no_wcag_violations(kcc):
    page = kcc
    page.select_option("#kcc-kern", index=1)
    page.locator("#kcc-q").focus()
    type_query(page, "mantelzorg")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert axe_violations(page) == []


def test_call_script_answers_open_the_next_question_by_keyboard(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/kcc/belscript/")
    assert page.locator("#v-gevaar").get_attribute("open") is not None
    assert page.locator("#v-wie").get_attribute("open") is None
    link = page.locator("#v-gevaar a[href='#v-wie']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('v-wie').open")
    assert focused(page, "el => el.parentElement.id") == "v-wie"  # the summary of the question
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first answer of V2
    page.wait_for_function("location.hash !== '#v-wie'")
    target = page.evaluate("location.hash.slice(1)")
    # hashchange fires after the hash is set: wait for kcc.js to open the question (times out if it never does)
    page.wait_for_function("id => document.getElementById(id).open", arg=target)
    assert focused(page, "el => el.parentElement.id") == target


def test_call_script_prints_every_question_with_its_answers(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/kcc/belscript/")
    hidden_answer = page.locator("#v-wie li a").first
    assert not hidden_answer.is_visible()
    page.emulate_media(media="print")
    assert hidden_answer.is_visible()
    assert not page.locator("[data-belscript-knoppen]").is_visible()


def test_without_javascript_the_pages_show_the_call_script_and_the_way_on(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/kcc/")
    assert page.locator("[data-kcc-zonderjs]").is_visible()
    assert not page.locator("#kcc-q").is_visible()
    assert page.get_by_role("link", name="A-Z lijst").is_visible()
    assert page.locator("#kcc-nummers").is_visible()
    page.get_by_role("link", name="belscript", exact=True).click()
    page.wait_for_url("**/kcc/belscript/")
    page.locator("#v-gevaar a").last.click()
    assert page.locator("#v-wie summary").is_visible()
    context.close()
