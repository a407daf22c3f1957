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
