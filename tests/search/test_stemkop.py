"""zoeken.js rules out most names of a query's hits without stemming their words (`covers`, `mayCover`): that is
exact only because lunr.nl's stemmer never changes a word before the last two letters of its stem. This checks
that property of the stemmer the site ships, over every word of the demo's search data and 200,000 made-up words."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from generator.search.dutch import fold
from generator.search.shards import read_site_files
from test_parity import MKDOCS_DIR

NODE_SCRIPT = Path(__file__).resolve().parent / "node_stemkop.js"


def test_a_stem_never_differs_from_its_word_before_its_last_two_letters(demo_site, tmp_path):
    data = read_site_files(demo_site)
    words = set(data["woorden"])
    for doc in data["docs"]:  # folded and lower-cased, as zoeken.js's nameWords gives them to the stemmer
        words.update(fold(doc["naam"].lower()).split())
    words_file = tmp_path / "woorden.json"
    words_file.write_text(json.dumps(sorted(words)), encoding="utf-8")
    node = shutil.which("node")
    assert node, "node is required for the search tests (install Node.js)"
    proc = subprocess.run([node, str(NODE_SCRIPT), MKDOCS_DIR, str(words_file), "200000"],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["checked"] >= 200000 + 1000
    assert result["wrong"] == []
