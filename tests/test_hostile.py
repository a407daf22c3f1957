"""A corpus of hostile and mistaken partner input, one parametrized test per class.

Every case changes one value of the mini kaart (or adds a file, or proposes a change as a partner)
and must be refused: a Dutch problem on the file that holds it (or a refusal of the change),
never an exception and never silence. The classes follow the partner-boundary issue: URLs,
phone numbers, e-mail, Markdown, text, ids, dates, hours, types, trust and ownership.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.ownership import check_changes
from generator.validate import load_kaart
from generator.vocabulary import INGANG_SOORTEN
from support import MINI_KAART

V = "voorzieningen/formulierenhulp.yaml"
I = "ingangen/sociaal-team-a.yaml"  # noqa: E741
O = "organisaties/welzijn-proef.yaml"
C = "clientondersteuners/ondersteuning-proef.yaml"
P = "vindplaatsen/school-akkerveen.yaml"
ENGLISH = ("error", "invalid", "expected", "found", "value is not", "Input should", "Traceback", "field required")


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part] if isinstance(part, int) else data.setdefault(part, {})
    data[path[-1]] = value


def _kaart(tmp_path: Path) -> Path:
    folder = tmp_path / "kaart"
    shutil.copytree(MINI_KAART, folder)
    return folder


def _set_value(kaart: Path, relative: str, path: tuple, value: Any) -> Path:
    file = kaart / relative
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    _set(data, path, value)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return file


def _refused(kaart: Path, file: Path, fragment: str = "") -> None:
    _, problems = load_kaart(kaart)
    mine = [p for p in problems if Path(p.path).resolve() == file.resolve()]
    assert mine, f"accepted: {[str(p) for p in problems]}"
    assert all(not any(word in p.message for word in ENGLISH) for p in mine), [p.message for p in mine]
    if fragment:
        assert any(fragment in p.message for p in mine), [p.message for p in mine]


def _cases(cls: str, rows: list) -> list:
    return [pytest.param(*row, id=f"{cls}-{index}") for index, row in enumerate(rows)]


# --- values set with YAML (file, path, value, fragment of the Dutch message) ---------------------------

URLS = [
    (V, ("contact", "website"), value, fragment) for value, fragment in [
        ("javascript:alert(1)", "webadres"), ("data:text/html,<script>", "webadres"), ("//evil.example/x", "webadres"),
        ("ftp://files.example.nl", "webadres"), ("file:///etc/passwd", "webadres"), ("www.buurthuis.nl", "https://"),
        ("https://exa mple.nl", "webadres"), ("https://a.nl/\"onmouseover=\"x", "webadres"), ("https://a.nl/<script>", "webadres"),
        ("vbscript:msgbox", "webadres"), ("https:/x.nl", "webadres"), ("http://", "webadres"), ("mailto:a@b.nl", "webadres"),
        ("https://localhost", "webadres"), ("https://a.nl/\u202epdf.exe", "onzichtbaar"), ("https://xn--80ak6aa92e.com/\u200b", "onzichtbaar"),
        ("  ", "webadres"),
    ]
]
PHONES = [
    (V, ("contact", field), value, fragment) for field, value, fragment in [
        ("telefoon", "0900 1234567", "betaalnummer"), ("telefoon", "0906 123456", "betaalnummer"), ("telefoon", "0909 1234567", "betaalnummer"),
        ("telefoon", "+44 909 879 0000", "buitenlands"), ("telefoon", "+32 2 555 12 34", "buitenlands"), ("telefoon", "+1 900 555 0100", "buitenlands"),
        ("whatsapp", "0900 1234567", "betaalnummer"), ("whatsapp", "+44 7911 123456", "buitenlands"), ("telefoon", "0800-HULP", "letters"),
        ("telefoon", "06-1234abcd", "letters"), ("telefoon", "0523 800 300 toestel 12", "toestelnummer"), ("telefoon", "0523 800 300 x12", "toestelnummer"),
        ("telefoon", "0523 800 300 ext. 4", "toestelnummer"), ("telefoon", "1200", "kort nummer"), ("telefoon", "9", "kort nummer"), ("telefoon", "1818", ""),
        ("telefoon", "0523 80", "telefoonnummer"), ("telefoon", "113", "113 Zelfmoordpreventie"), ("telefoon", "0800 2000", "Veilig Thuis"),
        ("whatsapp", "112", "Alarmnummer 112"), ("telefoon", "0800 0432", "Kindertelefoon"), ("telefoon", "088 0767 000", "Luisterlijn"),
        ("telefoon", "tel:0523800300", ""), ("telefoon", True, ""),
    ]
]
EMAILS = [
    (V, ("contact", "email"), value, "e-mailadres") for value in [
        "a@b", "a@b.nl?bcc=x@y.nl", "a@b.nl%0ABcc:x@y.nl", "a@b.nl\nbcc: x@y.nl", "<a@b.nl>", "a@@b.nl", "mailto:a@b.nl",
        "a b@c.nl", "a@b.nl,c@d.nl", "a@b.nl;c@d.nl", "info@organisatie", "@organisatie.nl",
    ]
]
MARKDOWN = [
    (V, ("beschrijving",), value, fragment) for value, fragment in [
        ("<script>alert(1)</script>", "HTML"), ("<form action='https://x.nl'><input></form>", "HTML"), ("<img src=x onerror=alert(1)>", "HTML"),
        ("<iframe src='https://x.nl'></iframe>", "HTML"), ("<style>body{}</style>", "HTML"), ("Tekst <b>vet</b>", "HTML"),
        ("![foto](https://x.nl/a.png)", "Afbeelding"), ("[klik](javascript:alert(1))", "javascript"), ("[klik](//evil.example)", "https://"),
        ("[klik](/pagina)", "niet getoond"), ("[klik](data:text/html,x)", "data"), ("[klik](vbscript:x)", "vbscript"),
        ("[mail](mailto:a@b.nl?bcc=x@y.nl)", "stuurt meer mee"), ("[mail](mailto:a@b.nl%0ABcc:x@y.nl)", "stuurt meer mee"),
        ("[mail](mailto:geen-adres)", "e-mailadres"), ("[bel](tel:0900-1234567)", "betaalnummer"), ("[bel](tel:0800-HULP)", "letters"), ("[bel](tel:1)", "kort nummer"),
        ("[bel](tel:+449098790000)", "buitenlands"), ("- a\n  - b\n    - c\n      - d\n        - e", "te diep"),
        ("> > > > > > diep", "te diep"), ("- " * 2000 + "x", "te diep"), ("x " * 3000, "te lang"), ("[" * 6000, "te lang"),
        ("[a](" * 1300, "te lang"),
        # a link is what it says: the website rules for https links, the dialled number in a tel: link's text
        ("[www.proefgem.nl/wmo](https://www.proefgem.nl@evil.example/wmo)", "@"), ("<https://proefgem.nl:x@evil.example/>", "@"),
        ("[gemeente](https://localhost/wmo)", "webadres"), ("[gemeente](https://proefgem/wmo)", "webadres"),
        ("Onveilig? Bel [Veilig Thuis: 0800 2000](tel:+31523871099).", "andere cijfers"), ("[Bel 0523 800 300](tel:0523800301)", "andere cijfers"),
        ("[Bel ons 24/7](tel:0523800300)", "andere cijfers"), ("[113](tel:0523800300)", "andere cijfers"),
    ]
]
TEXT = [
    (V, (field,), value, fragment) for field, value, fragment in [
        ("naam", "A" * 100_000, "te lang"), ("naam", "A" * 151, "te lang"), ("samenvatting", "x" * 301, "te lang"),
        ("naam", "Buurthuis\u202eDe Spil", "onzichtbaar"), ("naam", "Buurt\u200bhuis", "onzichtbaar"), ("naam", "Buurt\u200dhuis", "onzichtbaar"),
        ("naam", "Buurt\ufeffhuis", "onzichtbaar"), ("naam", "Buurt\u2066huis\u2069", "onzichtbaar"), ("naam", "Buurt\x00huis", "onzichtbaar"),
        ("naam", "Buurt\x1bhuis", "onzichtbaar"), ("naam", "Buurt\u00adhuis", "onzichtbaar"), ("samenvatting", "Zie \u202bhier\u202c", "onzichtbaar"),
        ("naam", "Вuurthuis De Spil", "schriften"), ("naam", "Buurthuіs", "schriften"), ("naam", "Vеilig Thuis", ""),
        ("naam", "Café <b>", "< of >"), ("samenvatting", "Bel Jan op 06 12345678", "06-nummer"), ("samenvatting", "Mail of bel Anne: 0612345678", "06-nummer"),
        ("aanmelden", "Bel +31 6 1234 5678 (Piet)", "06-nummer"), ("naam", "VUL IN", "VUL IN"), ("naam", "vul in", "VUL IN"),
        ("naam", "Vul In.", "VUL IN"), ("samenvatting", "Hier VUL IN je tekst", "VUL IN"), ("naam", "", "leeg"), ("naam", "   ", "leeg"),
        ("naam", "Formulierenhulp Formulierenhulp", "twee keer"), ("naam", "Taalcafé De Spil De Spil", "twee keer"),
        ("trefwoorden", ["woord"] * 51, "hoogstens"), ("talen", ["Nederlands"] * 60, "hoogstens"), ("samenvatting", "Tekst\u2028regel", "onzichtbaar"),
    ]
]
IDS = [
    (V, path, value, fragment) for path, value, fragment in [
        (("organisatie",), "Welzijn-Proef", "kleine letters"), (("organisatie",), "onbekend-iets", "Lijsten van ids"), (("organisatie",), None, "leeg"),
        (("werkgebied",), ["Leemslag"], "kleine letters"), (("werkgebied",), ["leemslag"], "Lijsten van ids"), (("werkgebied",), ["../gebieden"], "geen geldige id"),
        (("locaties", 0, "kern"), "é-dorp", "geen geldige id"), (("locaties", 0, "kern"), "", "leeg"), (("locaties", 0, "kern"), "beekzand-noord", "Lijsten van ids"),
        (("id",), "ander-id", "bestandsnaam"), (("id",), "a--b", "geen geldige id"), (("id",), "-a", "geen geldige id"), (("id",), 123, "geen geldige id"),
        (("id",), "VUL IN", "VUL IN"),
    ]
]
HOURS = [
    (V, ("locaties", 0, "inloop") + path, value, fragment) for path, value, fragment in [
        (("wo",), "25.00-26.00", ""), (("wo",), "9u", "tijd"), (("wo",), "10u-13u", "tijd"), (("wo",), "17.00-9.00", ""), (("wo",), "hele dag", ""),
        (("uitzonderingen",), [{"van": "2026-12-24", "tot": "9999-12-31", "reden": "Dicht"}], ""),
        (("uitzonderingen",), [{"van": "2026-01-01", "tot": "2028-01-01", "reden": "Verbouwing"}], "hoogstens een jaar"),
        (("uitzonderingen",), [{"van": "0001-01-01", "reden": "Dicht"}], "kan niet kloppen"),
        (("uitzonderingen",), [{"van": "2026-12-24", "tot": "2026-12-20", "reden": "Dicht"}], "vóór"),
        (("feestdagen",), "soms", ""), (("in_de_maand",), ["vijfde"], ""),
    ]
]
TYPES = [
    (V, path, value, fragment) for path, value, fragment in [
        (("leeftijd",), {"van": True}, "geen getal"), (("leeftijd",), {"van": False}, "geen getal"), (("leeftijd",), {"van": 1.5}, "heel getal"),
        (("leeftijd",), {"van": "achttien"}, "heel getal"), (("leeftijd",), {"van": 200}, "te hoog"), (("themas",), "formulieren-en-juridisch, geld-en-schulden", "vierkante haken"),
        (("toegang",), ["vrij"], ""), (("kosten",), "gratis", "velden"), (("locaties",), {"kern": "akkerveen"}, "lijst"),
        (("locaties", 0, "rolstoeltoegankelijk"), "misschien", "ja of nee"), (("status",), "open", "Kies uit"), (("doelgroepen",), [], "leeg"),
        (("locaties", 0, "adres", "postcode"), "9999 ZZ", "hoort niet bij kern"), (("locaties", 0, "adres", "postcode"), "77711", "postcode"),
        (("talen",), ["Nederlands", "nederlands"], "twee keer"),
    ]
]
TRUST = [
    (I, ("organisatie",), "welzijn-proef", "soort: gemeente"),
    (V, ("naam",), "113 Zelfmoordpreventie", "113 Zelfmoordpreventie"), (V, ("naam",), "Veilig Thuis Egelstede", "Veilig Thuis"),
    (V, ("naam",), "De Kindertelefoon", "Kindertelefoon"), (V, ("naam",), "Luisterlijn Proef", "Luisterlijn"), (V, ("naam",), "Alarmnummer 112", "112"),
    (V, ("naam",), "VeiIig Thuis", "Veilig Thuis"), (V, ("naam",), "Bel 1l3", "113"), (V, ("naam",), "Zelfmoord-preventie", "113"),
    (V, ("naam",), "Kinder telefoon", "Kindertelefoon"), (P, ("naam",), "Veilig-Thuis punt", "Veilig Thuis"), (C, ("naam",), "Luisterlijn voor ouders", "Luisterlijn"),
    # look-alikes from other scripts, each word in one script (so the mixed-script check does not see them)
    (V, ("naam",), "Veılıg Thuıs", "Veilig Thuis"), (V, ("naam",), "Veilig Тһціѕ", "Veilig Thuis"), (V, ("naam",), "Bel 11З", "113"),
    (V, ("naam",), "Bel ΙΙ3", "113"), (V, ("naam",), "Ⅴeilig 𝐓𝐡𝐮𝐢𝐬", "Veilig Thuis"),
    # the gemeente's doors: their names, 'gemeente X' and the words of its desks are the gemeente's (also for a cliëntondersteuner)
    (V, ("naam",), "Sociaal team Gebied A", "van de gemeente"), (V, ("naam",), "Klantcontactcentrum gemeente Proefgem", "van de gemeente"),
    (V, ("naam",), "Gemeente Proefgem – Wmo-loket", "gemeente"), (O, ("naam",), "Gemeente Proefgem", "gemeente"),
    (C, ("naam",), "Gemeente Proefgem: Sociaal team en Wmo-loket", "gemeente"), (V, ("naam",), "Formulierenhulp namens de gemeente Proefgem", "gemeente"),
    (V, ("naam",), "Ѕосіааӏ теам Akkerveen", "gemeente"), (V, ("naam",), "ΚϹϹ Proefgem", "gemeente"), (V, ("naam",), "Het Sociaalteam", "gemeente"),
    (V, ("naam",), "Gebiedsteam Akkerveen", "gemeente"), (V, ("naam",), "Wmo loket Cranenburg", "gemeente"), (O, ("naam",), "Klantcontactcentrum Proef", "gemeente"),
    # ... and their numbers, on every record type, also as WhatsApp and as a tel: link
    (V, ("contact", "telefoon"), "0523 800 000", "van de gemeente"), (V, ("contact", "whatsapp"), "0523 800 100", "van de gemeente"),
    (C, ("contact", "telefoon"), "0523 800 000", "van de gemeente"), (O, ("contact", "telefoon"), "0523 800 200", "van de gemeente"),
    (V, ("beschrijving",), "Bel [de gemeente](tel:0523800000).", "van de gemeente"), (C, ("kcc",), {"antwoord": "Bel [ons](tel:0523-800-100)."}, "van de gemeente"),
    # a link whose text names a national line or a door of the gemeente goes there
    (V, ("beschrijving",), "Onveilig? Bel [Veilig Thuis](tel:0523800300).", "Veilig Thuis"),
    (C, ("beschrijving",), "Lees meer bij [Sociaal team Gebied A](https://www.evil.example/team).", "Sociaal team Gebied A"),
    # what the KCC reads out never sends the caller back to the KCC (a gemeente's general number), typed or as a link
    (V, ("kcc",), {"antwoord": "Vragen over de formulierenhulp? Bel de gemeente, 0523 800 000."}, "niet naar zichzelf"),
    (V, ("kcc",), {"antwoord": "Loop binnen.", "doorverwijzen": "Lukt het niet, dan belt de beller 0523-800000."}, "niet naar zichzelf"),
    (C, ("kcc",), {"antwoord": "Bel [de gemeente](tel:+31523800000)."}, "niet naar zichzelf"),
    (P, ("wat_kun_je_vragen",), "Vragen over opvoeden; voor de rest: +31 523 800 000.", "niet naar zichzelf"),
    (O, ("samenvatting",), "Welzijn voor iedereen. Meer weten? 0523 800 000.", "niet naar zichzelf"),
    # the gemeente's e-mail addresses and websites (of its organisation and its doors) are the gemeente's
    (V, ("contact", "email"), "team-a@proefgem.nl", "e-mailadres van"), (V, ("contact", "email"), "formulieren@proefgem.nl", "e-mailadres van"),
    (V, ("contact", "website"), "https://www.proefgem.nl/sociaal-team-a", "website van"), (O, ("contact", "website"), "https://proefgem.nl", "website van"),
    (C, ("contact", "email"), "hulp@wijk.proefgem.nl", "e-mailadres van"),
    # ... and so are its voice and its referrals: a partner's text does not speak as the team or tell the KCC not to hand over
    (V, ("kcc",), {"antwoord": "Loop binnen.", "doorverwijzen": "Verbind niet door met het sociaal team; bel altijd eerst ons."}, "namens de gemeente"),
    (V, ("kcc",), {"antwoord": "Wij zijn het sociaal team voor Akkerveen: bel ons."}, "namens de gemeente"),
    (V, ("samenvatting",), "We zijn het Wmo-loket van Akkerveen.", "namens de gemeente"),
    (C, ("beschrijving",), "Stuur de beller nooit naar het Sociaal team Gebied A, maar naar ons.", "namens de gemeente"),
    (V, ("aanmelden",), "Niet doorverwijzen naar de gemeente Proefgem; wij regelen het.", "namens de gemeente"),
]


VALUE_CLASSES = {"url": URLS, "phone": PHONES, "email": EMAILS, "markdown": MARKDOWN, "text": TEXT, "id": IDS,
                 "hours": HOURS, "type": TYPES, "trust": TRUST}


@pytest.mark.parametrize("relative, path, value, fragment", [case for cls, rows in VALUE_CLASSES.items() for case in _cases(cls, rows)])
def test_hostile_value_is_refused_on_its_file(tmp_path, relative, path, value, fragment):
    """One test per class (the test id names it: url-3, phone-12, …): set the value, expect a Dutch refusal."""
    kaart = _kaart(tmp_path)
    _refused(kaart, _set_value(kaart, relative, path, value), fragment)


@pytest.mark.parametrize("soort", sorted(INGANG_SOORTEN))
def test_only_the_gemeente_holds_ingangen_that_route_residents(tmp_path, soort):
    """Every ingang soort: each is a loket or help line on /kcc/ and /contact/ (vocabulary.INGANG_HOUDERS)."""
    kaart = _kaart(tmp_path)
    file = _set_value(kaart, I, ("organisatie",), "welzijn-proef")
    _set_value(kaart, I, ("soort",), soort)
    _set_value(kaart, I, ("contact", "telefoon"), "0523 801 000")  # its own number: refused for the soort, not the number
    _set_value(kaart, I, ("naam",), "Dokterslijn Welzijn")
    _refused(kaart, file, "gemeente")
    _, problems = load_kaart(kaart)
    lines = [p.line for p in problems if Path(p.path).resolve() == file.resolve()]
    assert len(lines) == 1 and lines[0] in (_line_of(file, "soort:"), _line_of(file, "  telefoon:")), lines  # one message, where to act


def _line_of(file: Path, start: str) -> int:
    return next(number for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1) if line.startswith(start))


def test_a_partner_huisartsenpost_needs_the_gemeentes_review_of_its_number(tmp_path):
    """A partner's own 'crisis' line (soort huisartsenpost) shows on every KCC page and on /contact/: the gemeente
    reviews it in toegestane-nummers.yaml (number and organisation), like the real regional huisartsenpost."""
    kaart = _kaart(tmp_path)
    file = _ingang(kaart, "dokterslijn", "huisartsenpost", "welzijn-proef", "0523 801 000")
    _refused(kaart, file, "toegestane-nummers.yaml")
    reviewed = "nummers:\n  - nummer: 0523 801 000\n    organisatie: {}\n    reden: De huisartsenpost van de regio.\n    beoordeeld: 2026-10-01\n"
    (kaart / "toegestane-nummers.yaml").write_text(reviewed.format("gemeente-proefgem"), encoding="utf-8")  # for another organisation
    _refused(kaart, file, "toegestane-nummers.yaml")
    (kaart / "toegestane-nummers.yaml").write_text(reviewed.format("welzijn-proef"), encoding="utf-8")
    assert list(load_kaart(kaart)[1]) == []
    _set_value(kaart, "ingangen/dokterslijn.yaml", ("contact", "whatsapp"), "0523 801 001")  # a second, unreviewed number
    _refused(kaart, file, "toegestane-nummers.yaml")


def test_the_gemeente_holds_a_huisartsenpost_without_review(tmp_path):
    kaart = _kaart(tmp_path)
    _ingang(kaart, "dokterslijn", "huisartsenpost", "gemeente-proefgem", "0523 801 000")
    assert list(load_kaart(kaart)[1]) == []


@pytest.mark.parametrize("relative, path, value", [
    (V, ("samenvatting",), "Wij zijn er voor iedereen in Akkerveen."), (V, ("samenvatting",), "Je hebt geen verwijzing van het sociaal team nodig."),
    (V, ("kcc",), {"antwoord": "Bel ons gerust, ook als je geen indicatie van de gemeente Proefgem hebt."}),
    (V, ("kcc",), {"antwoord": "Loop binnen.", "doorverwijzen": "Verbind niet door als de beller alleen een vraag over de bus heeft."}),
    (V, ("beschrijving",), "Meer over de Wmo op [de website van de gemeente](https://www.proefgem.nl/wmo)."),
    (V, ("kcc",), {"antwoord": "Loop binnen; het nummer van de formulierenhulp is 0523 800 300."}),
    (V, ("contact", "website"), "https://www.proefgemeente-welzijn.nl"),  # another domain that only starts like the gemeente's
    # 'wij zijn' followed by what is no name of the gemeente's, and 'bel niet' about calling (the review found them refused)
    (V, ("samenvatting",), "Wij zijn een initiatief van de gemeente Proefgem."),
    (V, ("samenvatting",), "Wij zijn geen onderdeel van het sociaal team."),
    (V, ("beschrijving",), "We zijn bereikbaar via het KCC van de gemeente."),
    (V, ("beschrijving",), "Bel niet met vragen over de Wmo, maar ga naar het Wmo-loket."),
])
def test_partner_texts_near_the_gemeentes_voice_are_accepted(tmp_path, relative, path, value):
    kaart = _kaart(tmp_path)
    _set_value(kaart, relative, path, value)
    assert [str(p) for p in load_kaart(kaart)[1]] == []


def test_the_gemeente_speaks_as_itself_and_uses_its_addresses(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("organisatie",), "gemeente-proefgem")
    _set_value(kaart, V, ("contact", "email"), "formulieren@proefgem.nl")
    _set_value(kaart, V, ("kcc",), {"antwoord": "Wij zijn het sociaal team: verbind niet door met het Wmo-loket, maar met team A."})
    assert [str(p) for p in load_kaart(kaart)[1]] == []


@pytest.mark.parametrize("gemeente_site", [False, True])
def test_a_partner_may_show_a_doors_addresses_for_which_the_gemeente_reviewed_its_number(tmp_path, gemeente_site):
    """The exception for a door's number (aanmelden loopt echt via dat loket) covers that door's e-mail and website,
    also when the gemeente organisation itself has a website on the same domain (it was taken as the only holder)."""
    kaart = _kaart(tmp_path)
    if gemeente_site:
        _set_value(kaart, "organisaties/gemeente-proefgem.yaml", ("contact", "website"), "https://www.proefgem.nl")
    _set_value(kaart, V, ("contact", "email"), "team-a@proefgem.nl")
    _refused(kaart, kaart / V, "e-mailadres van")
    (kaart / "toegestane-nummers.yaml").write_text(
        "nummers:\n  - nummer: 0523 800 100\n    organisatie: welzijn-proef\n    reden: Aanmelden via team A.\n    beoordeeld: 2026-10-01\n", encoding="utf-8")
    assert [str(p) for p in load_kaart(kaart)[1]] == []


def test_the_gemeentes_own_records_never_send_the_kcc_caller_back_to_the_kcc(tmp_path):
    """Also the gemeente's own voorziening (brandveilig-thuis, inburgering in the demo): its KCC answer is read by the KCC."""
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("organisatie",), "gemeente-proefgem")
    _set_value(kaart, V, ("kcc",), {"antwoord": "Dit regelt de gemeente: 0523 800 000."})
    _refused(kaart, kaart / V, "niet naar zichzelf")


# --- dates written in the file as they are (YAML reads them itself) -----------------------------------

DATES = [
    ("laatst_gecontroleerd: 2026-10-01", new, fragment) for new, fragment in [
        ("laatst_gecontroleerd: 2026-02-30", "februari 2026 heeft 28 dagen"), ("laatst_gecontroleerd: 2026-13-01", "geen maand 13"),
        ("laatst_gecontroleerd: 9999-01-01", "kan niet kloppen"), ("laatst_gecontroleerd: 0001-01-01", "kan niet kloppen"),
        ("laatst_gecontroleerd: 2099-10-01", "kan niet kloppen"), ("laatst_gecontroleerd: 2026-12-31", "toekomst"),
        ("laatst_gecontroleerd: 31-02-2026", "geen datum"), ("laatst_gecontroleerd: gisteren", "geen datum"),
        ("laatst_gecontroleerd: 1999-12-31", "kan niet kloppen"), ("laatst_gecontroleerd:", "geen datum"),
    ]
]


@pytest.mark.parametrize("old, new, fragment", _cases("date", DATES))
def test_dates(tmp_path, old, new, fragment):
    kaart = _kaart(tmp_path)
    file = kaart / V
    file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _refused(kaart, file, fragment)


# --- YAML mistakes: the message stands on the line that is wrong --------------------------------------

YAML_MISTAKES = [
    ("toegang: vrij", "toegang vrij", "dubbele punt"), ("  telefoon: 0523 800 300", "  telefoon 0523 800 300", "dubbele punt"),
    ("toegang: vrij", "toegang:vrij", "spatie"), ("  - naam: Bibliotheek Akkerveen", "  - naam: 't Leemhuus", "dubbele aanhalingstekens"),
    ("themas: [formulieren-en-juridisch, geld-en-schulden]", "themas: [formulieren-en-juridisch, geld-en-schulden", "]"),
    ("aanmelden: Loop binnen tijdens het spreekuur.", 'aanmelden: "Loop binnen tijdens het spreekuur.', "aanhalingsteken"),
    ("aanmelden: Loop binnen tijdens het spreekuur.", "aanmelden: 'Loop binnen tijdens het spreekuur.", "aanhalingstekens"),
    ("    adres:", "     adres:", "springt"), ("toegang: vrij", "toegang: vrij\n\ttoegang: x", "tab"),
    ("toegang: vrij", "toegang: vrij\ntoegang: aanmelden", "twee keer"), ("toegang: vrij", "toegang: &a vrij", "Ankers"),
    ("toegang: vrij", "toegang: !!python/object:os.system vrij", "tag"),
    ("kosten:\n  soort: gratis", "kosten: {soort: gratis, alleen voor inwoners}", "komma"),  # a comma in text between { }
    # a field of a block not indented under it: one message that says where it belongs (not 'no fields here' + 'no such field')
    ("kosten:\n  soort: gratis", "kosten:\nsoort: gratis", "Zet het onder kosten: (inspringen)"),
    ("kcc:\n  antwoord:", "kcc:\nantwoord:", "Zet het onder kcc: (inspringen)"),
]


@pytest.mark.parametrize("old, new, fragment", _cases("yaml", YAML_MISTAKES))
def test_yaml_mistakes_are_reported_on_their_line(tmp_path, old, new, fragment):
    kaart = _kaart(tmp_path)
    file = kaart / V
    text = file.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    file.write_text(changed, encoding="utf-8")
    _, problems = load_kaart(kaart)
    mine = [p for p in problems if Path(p.path).resolve() == file.resolve()]
    assert len(mine) == 1 and fragment in mine[0].message, [str(p) for p in mine]
    wrong_lines = {number for number, line in enumerate(changed.splitlines(), start=1) if line not in text.splitlines()}
    assert mine[0].line in wrong_lines | {min(wrong_lines) + 1}, (mine[0].line, wrong_lines)  # the line itself (or the one it breaks)
    assert not any(word in mine[0].message for word in ENGLISH)


# --- copies: one offer under two ids ------------------------------------------------------------------


@pytest.mark.parametrize("change", [
    {},  # an exact copy
    {("samenvatting",): "Een andere samenvatting, maar op hetzelfde adres."},  # same name and address
    {("locaties", 0, "adres", "straat"): "Kerkstraat 9"},  # same name and summary
])
def test_a_copy_of_a_record_under_a_new_id_is_reported_on_both_files(tmp_path, change):
    kaart = _kaart(tmp_path)
    copy = kaart / "voorzieningen" / "formulierenhulp-2.yaml"
    shutil.copy(kaart / V, copy)
    _set_value(kaart, "voorzieningen/formulierenhulp-2.yaml", ("id",), "formulierenhulp-2")
    for path, value in change.items():
        _set_value(kaart, "voorzieningen/formulierenhulp-2.yaml", path, value)
    loaded, problems = load_kaart(kaart)
    warnings = loaded.extras["waarschuwingen"]
    found = sorted((Path(w.path).name, w.line, w.message.split("'")[1]) for w in warnings if "kopie" in w.message)
    assert found == [("formulierenhulp-2.yaml", 2, "formulierenhulp"), ("formulierenhulp.yaml", 2, "formulierenhulp")[:2] + ("formulierenhulp-2",)], \
        [str(w) for w in warnings]
    assert not any(word in w.message for w in warnings for word in ENGLISH)


def test_a_long_text_copied_to_another_offer_is_a_warning_and_a_stopped_copy_is_fine(tmp_path):
    kaart = _kaart(tmp_path)
    long_text = "Een vrijwilliger helpt je met formulieren, brieven en toeslagen. Neem je brieven en je DigiD mee naar het spreekuur."
    _set_value(kaart, V, ("samenvatting",), long_text)
    _set_value(kaart, "voorzieningen/maaltijdservice.yaml", ("samenvatting",), long_text)
    loaded, problems = load_kaart(kaart)
    assert [str(p) for p in problems] == []
    assert any("Deze tekst staat ook bij" in w.message for w in loaded.extras["waarschuwingen"])
    copy = kaart / "voorzieningen" / "formulierenhulp-oud.yaml"
    shutil.copy(kaart / V, copy)
    _set_value(kaart, "voorzieningen/formulierenhulp-oud.yaml", ("id",), "formulierenhulp-oud")
    _set_value(kaart, "voorzieningen/formulierenhulp-oud.yaml", ("status",), "gestopt")
    assert [str(p) for p in load_kaart(kaart)[1]] == []


def test_a_website_with_http_gets_a_warning_to_use_https(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("contact", "website"), "http://www.formulierenhulp-proef.nl")
    loaded, problems = load_kaart(kaart)
    assert [str(p) for p in problems] == []
    found = [w for w in loaded.extras["waarschuwingen"] if Path(w.path).resolve() == (kaart / V).resolve()]
    assert len(found) == 1 and "https://www.formulierenhulp-proef.nl" in found[0].message, [str(w) for w in found]


# --- files: one id one file, nothing silently ignored -------------------------------------------------

def test_a_yml_file_with_an_existing_id_is_refused_on_the_new_file(tmp_path):
    kaart = _kaart(tmp_path)
    new = kaart / "organisaties" / "welzijn-proef.yml"
    new.write_text((kaart / O).read_text(encoding="utf-8").replace("Welzijn Proef", "Overgenomen"), encoding="utf-8")
    kaart_obj, problems = load_kaart(kaart)
    assert [Path(p.path).name for p in problems] == ["welzijn-proef.yml"]
    assert kaart_obj.organisaties["welzijn-proef"].naam == "Welzijn Proef"  # the record that was there stays


@pytest.mark.parametrize("other", ["ingangen/formulierenhulp.yaml", "voorzieningen/formulierenhulp.yml", "organisaties/formulierenhulp.yaml"])
def test_one_id_across_folders_and_extensions(tmp_path, other):
    kaart = _kaart(tmp_path)
    shutil.copy(kaart / V, kaart / other)
    _, problems = load_kaart(kaart)
    assert problems and {Path(p.path).resolve() for p in problems} == {(kaart / other).resolve()}


@pytest.mark.parametrize("stray", ["voorzieningen/sub/nieuw.yaml", "voorzieningen/nieuw.txt", "voorzieningen/nieuw.YAML", "ingangen/oud/team.yml"])
def test_files_the_loader_would_skip_are_errors(tmp_path, stray):
    kaart = _kaart(tmp_path)
    (kaart / stray).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(kaart / V, kaart / stray)
    _refused(kaart, kaart / stray)


PARTNER_NAMES_THAT_STAY = ["Protestantse Gemeente Proefgem", "Sociaal Raadslieden Proefgem", "Het Juridisch Loket", "Teamwork Akkerveen",
                           "Evangeliegemeente Proefgem", "Juridisch spreekuur in het gemeentehuis", "Brandveilig thuis"]


@pytest.mark.parametrize("naam", PARTNER_NAMES_THAT_STAY)
def test_partner_names_that_only_look_near_the_gemeente_are_accepted(tmp_path, naam):
    kaart = _kaart(tmp_path)
    _set_value(kaart, O, ("naam",), naam)
    _set_value(kaart, V, ("naam",), naam)
    assert list(load_kaart(kaart)[1]) == []


def _ingang(kaart: Path, ingang_id: str, soort: str, organisatie: str, telefoon: str) -> Path:
    file = kaart / "ingangen" / f"{ingang_id}.yaml"
    shutil.copy(kaart / "ingangen" / "sociaal-team-b.yaml", file)
    for path, value in [(("id",), ingang_id), (("naam",), "Nachtlijn Proef"), (("soort",), soort), (("organisatie",), organisatie),
                        (("contact", "telefoon"), telefoon)]:
        _set_value(kaart, f"ingangen/{ingang_id}.yaml", path, value)
    return file


@pytest.mark.parametrize("soort, organisatie, telefoon", [
    ("huisartsenpost", "welzijn-proef", "0523 800 000"),  # a partner's line with the KCC's number
    ("huisartsenpost", "gemeente-proefgem", "0523 800 100"),  # the gemeente's own: still never a desk's number
    ("crisislijn", "gemeente-proefgem", "0523 800 000"),
])
def test_a_crisis_line_never_shows_the_number_of_a_desk_with_office_hours(tmp_path, soort, organisatie, telefoon):
    kaart = _kaart(tmp_path)
    (kaart / "toegestane-nummers.yaml").write_text(  # no reviewed exception helps here
        f"nummers:\n  - nummer: {telefoon}\n    organisatie: {organisatie}\n    reden: Proef.\n    beoordeeld: 2026-10-01\n", encoding="utf-8")
    file = _ingang(kaart, "nachtlijn", soort, organisatie, telefoon)
    _refused(kaart, file, "dag en nacht")
    _, problems = load_kaart(kaart)
    assert len([p for p in problems if Path(p.path).resolve() == file.resolve()]) == 1  # one message for the number, not one per rule


def test_a_number_of_the_gemeente_with_a_reviewed_exception_is_accepted_only_for_its_organisation(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("contact", "telefoon"), "0523 800 200")
    (kaart / "toegestane-nummers.yaml").write_text(
        "nummers:\n  - nummer: 0523 800 200\n    organisatie: welzijn-proef\n    reden: Aanmelden via het team.\n    beoordeeld: 2026-10-01\n", encoding="utf-8")
    assert list(load_kaart(kaart)[1]) == []
    (kaart / "toegestane-nummers.yaml").write_text(
        "nummers:\n  - nummer: 0523 800 200\n    organisatie: gemeente-proefgem\n    reden: Verkeerd.\n    beoordeeld: 2026-10-01\n", encoding="utf-8")
    _refused(kaart, kaart / V, "van de gemeente")


def test_the_gemeente_itself_uses_its_names_and_numbers(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("organisatie",), "gemeente-proefgem")
    _set_value(kaart, V, ("naam",), "Formulierenhulp van het sociaal team, gemeente Proefgem")
    _set_value(kaart, V, ("contact", "telefoon"), "0523 800 100")
    assert list(load_kaart(kaart)[1]) == []


def test_a_link_with_the_name_of_a_door_may_go_to_that_door(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, I, ("contact", "website"), "https://www.proefgem.nl/team-a")
    _set_value(kaart, V, ("beschrijving",), "Lees meer bij [Sociaal team Gebied A](https://www.proefgem.nl/team-a/).")
    assert list(load_kaart(kaart)[1]) == []


@pytest.mark.parametrize("keyword", ["sociaal-team", "crisis", "clientondersteuning"])
def test_the_keywords_of_the_wegwijzer_are_no_record_ids(tmp_path, keyword):
    kaart = _kaart(tmp_path)
    file = kaart / "voorzieningen" / f"{keyword}.yaml"
    file.write_text((kaart / V).read_text(encoding="utf-8").replace("id: formulierenhulp", f"id: {keyword}"), encoding="utf-8")
    _refused(kaart, file, "vast woord")


def test_bel_is_filled_in_only_in_text_never_inside_a_tag_or_a_link(tmp_path):
    from generator.build.sanitize import safe_markdown
    from generator.wegwijzer.nummers import als_html

    kaart, _ = load_kaart(_kaart(tmp_path))
    html = safe_markdown('Zie [hier](https://a.nl "{bel:kcc-proefgem} > x") of [{bel:kcc-proefgem}](https://b.nl), of bel {bel:kcc-proefgem}.')
    out = str(als_html(kaart, html))
    assert 'title="{bel:kcc-proefgem} &gt; x"' in out or 'title="{bel:kcc-proefgem} > x"' in out, out  # the title stays as written
    assert out.count("<a ") == 3 and out.count("</a>") == 3, out  # no link inside a link, none inside an attribute
    assert '<a href="https://b.nl" rel="noopener noreferrer">0523 800 000</a>' in out, out
    assert out.endswith('bel <a class="sk-tel" href="tel:+31523800000">0523 800 000</a>.</p>\n') or 'bel <a class="sk-tel" href="tel:+31523800000">0523 800 000</a>.' in out, out


def test_premium_number_with_a_reviewed_exception_is_accepted_only_for_its_organisation(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("contact", "telefoon"), "0900 8020")
    (kaart / "toegestane-nummers.yaml").write_text(
        "nummers:\n  - nummer: 0900 8020\n    organisatie: welzijn-proef\n    reden: Alleen zo bereikbaar.\n    beoordeeld: 2026-10-01\n", encoding="utf-8")
    assert list(load_kaart(kaart)[1]) == []
    _set_value(kaart, C, ("contact", "telefoon"), "0900 8020")
    _set_value(kaart, C, ("organisatie",), "gemeente-proefgem")
    _refused(kaart, kaart / C, "betaalnummer")


def test_clientondersteuning_by_a_care_provider_is_not_independent(tmp_path):
    kaart = _kaart(tmp_path)
    _set_value(kaart, O, ("soort",), "zorg")
    _refused(kaart, kaart / C, "zorgaanbieder")


# --- ownership in a pull request (who may change what) -------------------------------------------------

PARTNER = "welzijn-proef"
OWNERSHIP = [
    ("kaart/ingangen/sociaal-team-a.yaml", None, "mag dit bestand niet aanpassen"),
    ("kaart/gebieden.yaml", None, "mag dit bestand niet aanpassen"),
    ("kaart/toegestane-nummers.yaml", "nummers: []\n", "mag dit bestand niet aanpassen"),
    (".github/workflows/kaart.yml", None, "mag dit bestand niet aanpassen"),
    (".github/CODEOWNERS", "* @welzijn-proef\n", "mag dit bestand niet aanpassen"),
    ("kaart/organisaties/nieuwe-org.yaml", "id: nieuwe-org\n", "geen nieuwe organisatie"),
    ("kaart/ingangen/veilig-thuis.yaml", "id: veilig-thuis\norganisatie: welzijn-proef\n", "landelijke hulplijn"),
    ("kaart/ingangen/formulierenhulp.yml", "id: formulierenhulp\norganisatie: welzijn-proef\n", "bestaat al"),
    ("kaart/voorzieningen/nieuw.yaml", "id: nieuw\norganisatie: gemeente-proefgem\n", "geen beheerder"),
    ("generator/cli.py", "print('x')\n", "mag dit bestand niet aanpassen"),
    ("../buiten.yaml", None, "buiten de map"),
]


@pytest.mark.parametrize("relative, content, fragment", _cases("ownership", OWNERSHIP))
def test_ownership(tmp_path, relative, content, fragment):
    head = _kaart(tmp_path / "head")
    base_folder = _kaart(tmp_path / "base")
    base, problems = load_kaart(base_folder)
    assert not problems
    target = (head.parent / relative)
    if content is not None and target.resolve().is_relative_to(head.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    refused = check_changes(PARTNER, [relative], head, base)
    assert len(refused) == 1 and fragment in refused[0].message, [str(p) for p in refused]


def test_a_partner_may_not_change_the_soort_of_its_organisation(tmp_path):
    head = _kaart(tmp_path / "head")
    base, _ = load_kaart(_kaart(tmp_path / "base"))
    _set_value(head, O, ("soort",), "landelijk")
    refused = check_changes(PARTNER, ["kaart/" + O], head, base)
    assert len(refused) == 1 and "soort" in refused[0].message


def test_the_corpus_is_large():
    sizes = {name: len(rows) for name, rows in [*VALUE_CLASSES.items(), ("date", DATES), ("yaml", YAML_MISTAKES), ("ownership", OWNERSHIP),
                                                ("partner-names", PARTNER_NAMES_THAT_STAY)]}
    sizes["ingang-soort"] = len(INGANG_SOORTEN)
    print(sizes, sum(sizes.values()))
    assert sum(sizes.values()) >= 150


def test_a_name_that_says_a_short_word_twice_is_a_warning_not_an_error(tmp_path):
    """Proper names repeat a short word ('Tam Tam'); a partner must be able to keep one (a long word or a run of
    words twice stays an error: see VALUE_CLASSES)."""
    kaart = _kaart(tmp_path)
    _set_value(kaart, V, ("naam",), "Tam Tam Formulierenhulp")
    loaded, problems = load_kaart(kaart)
    assert [str(p) for p in problems] == []
    assert any("twee keer achter elkaar" in w.message for w in loaded.extras["waarschuwingen"])


def test_a_yes_no_word_where_text_belongs_is_named_as_yes_or_no_never_python_true():
    from generator.messages import text_expected

    message = text_expected(True)
    assert "True" not in message and "ja of nee" in message and "aanhalingstekens" in message
