"""Synthetic kaarten for benchmarks are valid and deterministic."""

from generator.synthetic import write_synthetic_kaart
from generator.validate import load_kaart


def test_synthetic_kaart_is_valid_and_deterministic(tmp_path):
    first = write_synthetic_kaart(tmp_path / "a", 60)
    second = write_synthetic_kaart(tmp_path / "b", 60)
    kaart, problems = load_kaart(first)
    assert problems == []
    assert len(kaart.voorzieningen) == 60
    for path in sorted((first / "voorzieningen").glob("*.yaml")):
        assert path.read_text(encoding="utf-8") == (second / "voorzieningen" / path.name).read_text(encoding="utf-8")


def test_kaart_demo_command(tmp_path, capsys):
    from generator.cli import main

    assert main(["demo", "--aantal", "25", "--uit", str(tmp_path / "k")]) == 0
    assert main(["check", "--kaart", str(tmp_path / "k")]) == 0


def test_kaart_demo_passes_the_check_without_warnings_in_two_gemeenten(tmp_path, capsys):
    """Past record 113 (the reserved names 112 and 113), two gemeenten: no errors and no warnings."""
    from generator.cli import main

    assert main(["demo", "--aantal", "150", "--gemeenten", "2", "--uit", str(tmp_path / "k")]) == 0
    capsys.readouterr()
    assert main(["check", "--kaart", str(tmp_path / "k")]) == 0
    output = capsys.readouterr()
    assert "waarschuwing" not in output.out and "De kaart is in orde: 150 voorzieningen" in output.err, output


def test_records_of_large_kaarten_are_valid_on_their_own():
    """Names and numbers that depend on the record number, up to 20,000 records (organisations up to 1,000)."""
    import random

    from generator.models import Organisatie, Voorziening
    from generator.synthetic import organisaties, voorziening
    from generator.trust import reserved_line

    rng = random.Random(1)
    for number in (112, 113, 911, 1000, 1120, 1130, 9999, 11200, 11300, 19999, 20000):
        record = Voorziening.model_validate(voorziening(rng, number, 1000, gemeenten=2))
        assert reserved_line(record.naam) is None, record.naam
    for data in organisaties(1000, gemeenten=2):
        assert reserved_line(Organisatie.model_validate(data).naam) is None, data["naam"]
