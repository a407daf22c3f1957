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
    (mini_kaart / "synoniemen.yaml").write_text("geldzorgen: []\n", encoding="utf-8")
    code, out, err = zoek(capsys, "hulp", "--kaart", str(mini_kaart))
    assert code == 1 and out == ""
    assert "synoniemen.yaml:1:" in err and "Traceback" not in err
