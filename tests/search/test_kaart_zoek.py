"""`kaart zoek`: plain Dutch output, JSON, filters, and Dutch messages instead of tracebacks."""

from __future__ import annotations

import json

from generator.cli import main


def zoek(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["zoek", *args, "--config", "bestaat-niet.yml"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_plain_output_is_a_readable_dutch_list(capsys, mini_kaart):
    code, out, _ = zoek(capsys, "formulieren", "--kaart", str(mini_kaart))
    assert code == 0
    assert "voor 'formulieren'" in out and "(voorziening)" in out and "/voorzieningen/formulierenhulp/" in out


def test_json_lists_hits_best_first_with_the_contract_fields(capsys, mini_kaart):
    code, out, _ = zoek(capsys, "formulieren", "--json", "--kaart", str(mini_kaart))
    hits = json.loads(out)
    assert code == 0 and hits
    assert "formulierenhulp" in [hit["id"] for hit in hits]
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    assert all({"id", "soort", "naam", "themas", "url"} <= set(hit) for hit in hits)


def test_nothing_found_is_said_in_dutch(capsys, mini_kaart):
    code, out, _ = zoek(capsys, "xqzzyv", "--kaart", str(mini_kaart))
    assert code == 0 and out.startswith("Niets gevonden voor 'xqzzyv'")
    code, out, _ = zoek(capsys, "xqzzyv", "--json", "--kaart", str(mini_kaart))
    assert code == 0 and json.loads(out) == []


def test_filters_only(capsys, mini_kaart):
    code, out, _ = zoek(capsys, "", "--soort", "ingang", "--json", "--kaart", str(mini_kaart))
    assert code == 0 and {hit["soort"] for hit in json.loads(out)} == {"ingang"}


def test_unknown_filter_values_get_a_dutch_message(capsys, mini_kaart):
    code, _, err = zoek(capsys, "hulp", "--thema", "geld-en-schuldn", "--kaart", str(mini_kaart))
    assert code == 1 and "Onbekende thema 'geld-en-schuldn'. Bedoel je 'geld-en-schulden'?" in err
    code, _, err = zoek(capsys, "hulp", "--soort", "boek", "--kaart", str(mini_kaart))
    assert code == 1 and "Onbekende soort 'boek'" in err


def test_an_invalid_kaart_gives_file_and_line_not_a_traceback(capsys, mini_kaart):
    (mini_kaart / "synoniemen.yaml").write_text("woorden:\n  geldzorgen: {naar: []}\n", encoding="utf-8")
    code, out, err = zoek(capsys, "hulp", "--kaart", str(mini_kaart))
    assert code == 1 and out == ""
    assert "synoniemen.yaml:2:" in err and "Traceback" not in err


def test_the_built_index_is_cached_and_a_change_in_the_kaart_builds_afresh(capsys, mini_kaart, monkeypatch):
    import generator.validate

    code, out, _ = zoek(capsys, "formulieren", "--json", "--kaart", str(mini_kaart))
    assert code == 0 and json.loads(out)
    cached = list((mini_kaart.parent / ".cache" / "zoek").glob("*.json"))
    assert len(cached) == 1

    def must_not_load(*args, **kwargs):
        raise AssertionError("a cache hit must not load the kaart")

    with monkeypatch.context() as patch:
        patch.setattr(generator.validate, "load_kaart", must_not_load)
        code, again, _ = zoek(capsys, "formulieren", "--json", "--kaart", str(mini_kaart))
    assert code == 0 and again == out

    record = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("naam: ", "naam: Zwaluwstaart ", 1), encoding="utf-8")
    code, out, _ = zoek(capsys, "zwaluwstaart", "--json", "--kaart", str(mini_kaart))
    assert code == 0 and [hit["id"] for hit in json.loads(out)][:1] == ["formulierenhulp"]
    assert len(list((mini_kaart.parent / ".cache" / "zoek").glob("*.json"))) == 2


def test_an_invalid_kaart_is_never_cached(capsys, mini_kaart):
    (mini_kaart / "synoniemen.yaml").write_text("woorden:\n  geldzorgen: {naar: []}\n", encoding="utf-8")
    code, _, _ = zoek(capsys, "hulp", "--kaart", str(mini_kaart))
    assert code == 1
    code, _, err = zoek(capsys, "hulp", "--kaart", str(mini_kaart))
    assert code == 1 and "synoniemen.yaml:2:" in err
    assert not list((mini_kaart.parent / ".cache").rglob("*.json"))


def test_plain_output_shows_the_crisis_line_above_the_results(capsys):
    from support import DEMO_KAART

    code, out, _ = zoek(capsys, "ik wil niet meer leven", "--kaart", str(DEMO_KAART))
    assert code == 0
    assert out.startswith("!! 113 Zelfmoordpreventie: bel 113\n")
    assert out.index("resultaten voor") > out.index("0800 0113")


def test_nothing_found_names_the_general_number_of_the_kerns_own_gemeente(capsys, demo):
    """With --kern only the KCC of the kern's gemeente (a Wolderbeek resident was sent to Egelstede's desk);
    without a kern every gemeente's."""
    from support import DEMO_KAART

    from generator.fields import format_phone

    numbers = {gemeente.id: format_phone(kcc.contact.telefoon) for gemeente, kcc in demo.kcc_per_gemeente()}
    _, out, _ = zoek(capsys, "xqzzyv", "--kaart", str(DEMO_KAART))
    assert all(number in out for number in numbers.values())
    for kern in ("stroetinge", "teutloo"):
        own = demo.gemeente_van_kern[kern].id
        _, out, _ = zoek(capsys, "xqzzyv", "--kern", kern, "--kaart", str(DEMO_KAART))
        assert [gemeente for gemeente, number in numbers.items() if number in out] == [own]
