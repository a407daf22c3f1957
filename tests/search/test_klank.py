"""zoeken.js finds a word that sounds like a typed one (`soundsLike`) by looking only at the words whose first
letter can start that sound: `firstLetters` works those letters out from the sound table with a list of contexts
the rules look at. If dutch.SOUNDS gains a rule the contexts miss, the browser would stop finding words Python
finds. This runs zoeken.js's sound() and firstLetters() under Node on every start of up to three letters and on
the common Dutch words: the same key as dutch.sound, and the word's first letter among those looked at."""

from __future__ import annotations

import itertools
import json
import shutil
import string
import subprocess
from pathlib import Path

from generator.search import dutch
from generator.search.gewoon import frequencies
from test_parity import ZOEKEN_JS

NODE_SCRIPT = Path(__file__).resolve().parent / "node_klank.js"


def test_the_browser_looks_for_sound_alikes_under_every_first_letter_python_may_find():
    starts = ["".join(letters) for length in (1, 2, 3) for letters in itertools.product(string.ascii_lowercase, repeat=length)]
    words = sorted(set(starts) | {word for word in frequencies() if word.isalpha() and word.isascii()})
    node = shutil.which("node")
    assert node, "node is required for the search tests (install Node.js)"
    proc = subprocess.run([node, str(NODE_SCRIPT), str(ZOEKEN_JS)], input=json.dumps({"sounds": dutch.SOUNDS, "words": [[w, dutch.sound(w)] for w in words]}),
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["checked"] == len(words) > 40000
    assert result["other_sound"] == []
    assert result["not_looked_at"] == []
