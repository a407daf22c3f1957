"""The YAML reader: every unsafe or broken file gets a Dutch message with the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import MAX_FILE_BYTES, read_yaml
from generator.problems import Problemen


def read(tmp_path: Path, content: str | bytes):
    path = tmp_path / "x.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    problems = Problemen()
    return read_yaml(path, problems), problems


def only_problem(problems: Problemen):
    assert len(problems) == 1, problems
    return problems[0]


def test_positions_of_keys_and_list_items(tmp_path):
    source, problems = read(tmp_path, "naam: A\nlocaties:\n  - kern: b\n    adres:\n      postcode: 7771 AB\n")
    assert not problems
    assert source.position(("naam",)) == (1, 7)
    assert source.position(("naam",), key=True) == (1, 1)
    assert source.position(("locaties", 0, "kern")) == (3, 11)
    assert source.position(("locaties", 0, "adres", "postcode")) == (5, 17)
    # a block is reported on the line of its key; a missing key at its nearest parent
    assert source.position(("locaties", 0, "adres")) == (4, 5)
    assert source.position(("locaties", 0, "adres", "straat")) == (4, 5)


def test_scalars_resolve_safely(tmp_path):
    source, _ = read(tmp_path, "a: 9:00\nb: nee\nc: no\nd: true\ne: 2026-10-01\nf: 12\ng: 0523 123456\nh: 1.5\n")
    data = source.data
    assert data["a"] == "9:00" and data["b"] == "nee" and data["c"] == "no"
    assert data["d"] is True and str(data["e"]) == "2026-10-01" and data["f"] == 12
    assert data["g"] == "0523 123456" and data["h"] == 1.5


@pytest.mark.parametrize(
    "content, line, fragment",
    [
        ("a: &x 1\nb: *x\n", 1, "Ankers en verwijzingen"),
        ("basis:\n  a: 1\nander:\n  <<: {a: 2}\n", 4, "Samenvoegen met '<<'"),
        ("naam: A\ntelefoon: 1\nnaam: B\n", 3, "staat twee keer"),
        ("naam: A\nlijst:\n\t- a\n", 3, "tab"),
        ("naam: !!python/object:os.system A\n", 1, "tag"),
        ("naam: !eigen A\n", 1, "tag"),
        ("naam: A\nsamenvatting: Let op: dit\n", 2, "dubbele punt"),
        ("naam: \"A\nb: c\n", 1, "aanhalingsteken"),  # the line where the quote opens, not the end of the file
        ("woorden:\n  a: {naar: [b], reden: 's avonds}\n  c: {naar: [d], reden: e}\n", 2, "dubbele aanhalingstekens"),
        ("woorden:\n  a: [b, 't c]\n  c: d\n", 2, "dubbele aanhalingstekens"),
        ("", 1, "leeg"),
    ],
)
def test_rejected_yaml_has_dutch_message_and_line(tmp_path, content, line, fragment):
    source, problems = read(tmp_path, content)
    assert source is None
    problem = only_problem(problems)
    assert problem.line == line, problem
    assert fragment in problem.message, problem


@pytest.mark.parametrize("key", ["onafhankelijk advies", "telefoon kwijt", "adres wijzigen", "naam van de dokter"])
def test_a_key_of_several_words_that_starts_with_a_field_name_is_read(tmp_path, key):
    """synoniemen.yaml has keys of several words; one starting with a field name is not a missing colon."""
    source, problems = read(tmp_path, f"woorden:\n  {key}: {{naar: [x], reden: y}}\n")
    assert list(problems) == [] and key in source.data["woorden"]


def test_non_utf8_file(tmp_path):
    source, problems = read(tmp_path, "naam: Caf\xe9\n".encode("latin-1"))
    assert source is None
    assert "UTF-8" in only_problem(problems).message


def test_too_large_file(tmp_path):
    source, problems = read(tmp_path, "a: " + "x" * (MAX_FILE_BYTES + 10))
    assert source is None
    assert "te groot" in only_problem(problems).message


def test_problem_prints_as_path_line_column(tmp_path):
    _, problems = read(tmp_path, "a: 1\na: 2\n")
    text = str(only_problem(problems))
    assert text.endswith("x.yaml:2:1: Het veld 'a' staat twee keer in dit blok (eerder op regel 1). Haal er één weg.")


def test_github_annotation_format(tmp_path):
    _, problems = read(tmp_path, "a: 1\na: 2\n")
    annotation = only_problem(problems).as_github()
    assert annotation.startswith("::error file=") and ",line=2,col=1::" in annotation


def test_the_check_and_the_loader_take_the_same_record_files(tmp_path):
    """What a record file is, defined once (load.is_yaml_file): the check reads what the wegwijzer loader and
    the schema test read, and reports the rest."""
    from generator.load import iter_yaml_files
    from generator.validate import _record_files

    for name in ("b.yaml", "a.yml", "c.YAML", "notities.txt", "README.md", ".verborgen.yaml"):
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "map.yaml").mkdir()
    (tmp_path / "verwijzing.yaml").symlink_to(tmp_path / "b.yaml")
    problems = Problemen()
    assert _record_files(tmp_path, problems) == iter_yaml_files(tmp_path) == [tmp_path / ".verborgen.yaml", tmp_path / "a.yml", tmp_path / "b.yaml"]
    reported = sorted(Path(problem.path).name for problem in problems)
    assert reported == ["c.YAML", "map.yaml", "notities.txt", "verwijzing.yaml"]
