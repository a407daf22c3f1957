"""A page kept open while a new build of the search data is published: every search combines the files of one
build only (zoeken.js browserApi under Node, with a fake window that switches builds mid-search)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.search.index import gap_encoded
from generator.search.shards import read_site_files, site_files
from test_parity import MKDOCS_DIR, ZOEKEN_JS

NODE_SCRIPT = Path(__file__).resolve().parent / "node_herbouw.js"


def reversed_documents(data: dict) -> dict:
    """The same search data with the documents in reverse order: the same hits and scores for every query,
    but a document position means another document (postings, cards, doors and crisis lines follow)."""
    last = len(data["docs"]) - 1
    moved = dict(data)
    postings = []
    for row in data["postings"]:
        new_row = [row[0]]
        for flat in row[1:]:
            docs, previous = [], 0
            for i in range(0, len(flat), 2):
                previous += flat[i]
                docs.append((last - previous, flat[i + 1]))
            new_row.append(gap_encoded(docs))
        postings.append(new_row)
    moved["postings"] = postings
    moved["docs"] = data["docs"][::-1]
    moved["kaarten"] = data["kaarten"][::-1]
    moved["deuren"] = [[last - door[0], door[1]] + ([{kern: last - at for kern, at in door[2].items()}] if len(door) > 2 else [])
                       for door in data["deuren"]]
    moved["vangnet"] = [dict(entry, at=last - entry["at"]) for entry in data["vangnet"]]
    return moved


@pytest.fixture(scope="module")
def two_builds(demo_site, tmp_path_factory) -> tuple[Path, Path]:
    second = tmp_path_factory.mktemp("herbouw")
    for uri, text in site_files(reversed_documents(read_site_files(demo_site))).items():
        (second / uri).parent.mkdir(parents=True, exist_ok=True)
        (second / uri).write_text(text, encoding="utf-8")
    return demo_site, second


def run(two_builds, query_a: str, query_b: str) -> dict:
    node = shutil.which("node")
    assert node, "node is required for the search tests (install Node.js)"
    proc = subprocess.run([node, str(NODE_SCRIPT), MKDOCS_DIR, str(ZOEKEN_JS), *map(str, two_builds), query_a, query_b],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def cards_of(site: Path) -> set[tuple[str, str]]:
    data = read_site_files(site)
    return {(doc["naam"], card["url"]) for doc, card in zip(data["docs"], data["kaarten"])}


def test_the_second_build_is_the_same_search_with_other_positions(two_builds):
    first, second = (read_site_files(site) for site in two_builds)
    assert cards_of(two_builds[0]) == cards_of(two_builds[1])
    assert first["docs"][0]["naam"] != second["docs"][0]["naam"]


@pytest.mark.parametrize("query_a, query_b", [("schulden", "mantelzorg"), ("eenzaam", "geldzorgen"), ("huur", "vrijwilligerswerk")])
def test_searches_in_flight_across_a_rebuild_never_mix_two_builds(two_builds, query_a, query_b):
    result = run(two_builds, query_a, query_b)
    pairs = cards_of(two_builds[0])
    maps = [json.loads((site / "zoeken" / "zoekindex.json").read_text(encoding="utf-8"))["delen"]["map"] for site in two_builds]
    assert any(f"zoeken/{maps[1]}/" in path for path in result["verzoeken"]), "the test reached the second build"
    for name in ("a", "b", "oudNaHerbouw"):
        hits = result[name]
        assert isinstance(hits, list) and hits, f"search {name} gave {hits}"
        cards = [hit for hit in hits if hit[1] is not None]
        assert len(cards) == len(hits), f"search {name}: every shown hit has its card"
        wrong = [hit for hit in cards if tuple(hit) not in pairs]
        assert not wrong, f"search {name}: a card of another document (two builds mixed): {wrong[:3]}"
