"""The Python Dutch pipeline (generator/search/dutch.py) against the real lunr.nl.js under Node.

Node is required: without it these tests fail rather than skip (CI installs Node).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import mkdocs
import pytest
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS

from generator.search.dutch import (
    JS_ONLY_SEPARATORS,
    STEM_EXCEPTIONS,
    STOP_WORDS,
    dutch_builder,
    search,
    tokens_for,
)

HERE = Path(__file__).resolve().parent
NODE_SCRIPT = HERE / "node_stem.js"
WORD_LIST = HERE.parent / "data" / "nl-woorden.txt"
MKDOCS_DIR = os.path.dirname(mkdocs.__file__)
LUNR_NL_JS = Path(MKDOCS_DIR) / "contrib" / "search" / "lunr-language" / "lunr.nl.js"

# Tokens the seed word list does not cover: digits, punctuation, ligatures, accents, emptiness.
EDGE_WORDS = [
    "", "2024", "1234ab", "06", "(schulden)", "«hulp»", "zo’n", "café's", "ﬁnanciën",
    "naïef", "coördinator", "ĳs", "…", "wmo-loket", "e_mail", "straße", "a", "ÉÉN", "geïnd",
]


def run_node(mode: str, stdin: str = "") -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is required for the lunr.js compatibility tests (install Node.js)"
    proc = subprocess.run(
        [node, str(NODE_SCRIPT), MKDOCS_DIR, mode],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=300,
        env={**os.environ, "STAMMEN": json.dumps(STEM_EXCEPTIONS)},
    )
    assert proc.returncode == 0, proc.stderr
    return proc


def python_pipeline_output(word: str) -> str:
    builder = dutch_builder()
    return " ".join(str(t) for t in builder.pipeline.run([Token(word)]))


def read_word_list() -> list[str]:
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_word_list_is_large_and_distinct():
    words = read_word_list()
    assert len(set(words)) == len(words)
    assert len(words) >= 4000


def test_every_word_gives_the_same_output_as_lunr_nl_js():
    words = read_word_list() + EDGE_WORDS + sorted(STOP_WORDS)
    assert len(words) >= 4000
    js = run_node("words", "".join(w + "\n" for w in words)).stdout.split("\n")[:-1]
    assert len(js) == len(words)
    mismatches = [
        (word, py, j)
        for word, j in zip(words, js)
        if (py := python_pipeline_output(word)) != j
    ]
    assert mismatches[:20] == [], f"{len(mismatches)} of {len(words)} words differ"


def test_stop_word_list_is_the_one_in_lunr_nl_js():
    source = LUNR_NL_JS.read_text(encoding="utf-8")
    match = re.search(r"generateStopWordFilter\('([^']*)'\.split\(' '\)\)", source)
    assert match, "stop word list not found in lunr.nl.js"
    assert STOP_WORDS == frozenset(match.group(1).split(" "))


def test_stop_words_removed_like_lunr_nl_js():
    sentence = "de kinderen van mijn buurvrouw hebben geldzorgen"
    js = json.loads(run_node("text", sentence + "\n").stdout)
    assert tokens_for(sentence) == js == ["kind", "buurvrouw", "geldzorg"]


def test_texts_tokenized_like_lunr_js():
    texts = [
        "Schuldhulpverlening voor inwoners van 18 jaar en ouder",
        "Bel 020-1234567 of mail naar info@voorbeeld.nl (ma–vr)",
        "Wmo-loket\u00a0en jeugd\u2009teams;\u202fsamen\u3000sterk\ufeffdoor",
        "  Café’s,  buurthuizen  & de Voedselbank!  ",
        "ﬁnanciële problemen? Geen paniek — wij helpen.",
    ]
    js = run_node("text", "".join(t + "\n" for t in texts)).stdout.splitlines()
    assert [tokens_for(t) for t in texts] == [json.loads(line) for line in js]


def test_pipelines_and_separators_match_lunr_nl_js():
    js = json.loads(run_node("pipelines").stdout)
    builder = dutch_builder()
    assert builder.pipeline.serialize() == js["pipeline"]
    assert builder.search_pipeline.serialize() == js["searchPipeline"]
    # What the Python tokenizer splits on plus what dutch.py maps to a space is what lunr.js
    # splits on (BMP code units; JS \s has no astral members).
    assert set(SEPARATOR_CHARS) | set(JS_ONLY_SEPARATORS) == set(js["separators"])


DOCUMENTS = [
    {"id": "schuldhulp", "title": "Schuldhulpverlening",
     "body": "Hulp bij schulden en geldzorgen. Wij maken een plan om schulden af te lossen."},
    {"id": "budgetcoach", "title": "Budgetcoach",
     "body": "Een vrijwilliger helpt met uw administratie, zodat schulden niet oplopen."},
    {"id": "voedselbank", "title": "Voedselbank",
     "body": "Pakketten voor huishoudens met weinig geld. Aanmelden via de schuldhulpverlener."},
    {"id": "jeugd", "title": "Jeugdteam",
     "body": "Ondersteuning voor kinderen en ouders bij opvoeden en opgroeien."},
]


def build_index():
    builder = dutch_builder()
    builder.ref("id")
    builder.field("title", boost=5)
    builder.field("body")
    for doc in DOCUMENTS:
        builder.add(doc)
    return builder.build()


def test_index_loads_in_lunr_js_and_gives_the_same_results():
    queries = ["schulden", "schul*", "Geldzorgen kinderen"]
    index = build_index()
    serialized = json.dumps(index.serialize())
    proc = run_node("search", json.dumps({"index": json.loads(serialized), "queries": queries}))
    assert "mismatch" not in proc.stderr.lower(), proc.stderr
    js_results = json.loads(proc.stdout)

    for query, js in zip(queries, js_results):
        py = search(index, query)
        assert py, f"no Python results for {query!r}"
        assert [r["ref"] for r in py] == [r["ref"] for r in js], query
        assert [r["score"] for r in py] == pytest.approx([r["score"] for r in js]), query

    refs = [r["ref"] for r in search(index, "schulden")]
    assert refs[:2] == ["schuldhulp", "budgetcoach"]
    assert "voedselbank" in [r["ref"] for r in search(index, "schul*")]


def test_signal_stems_in_the_manifest_are_lunr_nl_js_stems(demo_site):
    """zoeken.js takes the stems of the safety net's and the doors' signal words from the manifest
    (`signaalstammen`) instead of stemming them on the phone: they must be what the site's stemmer in
    the browser (lunr.nl.js with the stem exceptions) would have made."""
    import json

    stems = json.loads((demo_site / "zoeken" / "zoekindex.json").read_text(encoding="utf-8"))["signaalstammen"]
    words = sorted(stems)
    assert len(words) > 100
    out = run_node("words", "".join(word + "\n" for word in words)).stdout.splitlines()
    # "" = a stop word; a word with a digit at an end ('2atel', Arabic typed in Latin letters) is trimmed by the
    # pipeline's trimmer, which signal matching does not use: zoeken.js stems the word as it is, like the manifest
    compared = [(word, stems[word], lunr) for word, lunr in zip(words, out, strict=True) if lunr and word[0].isalpha() and word[-1].isalpha()]
    assert len(compared) > 0.8 * len(words)
    assert [(word, ours) for word, ours, lunr in compared if ours != lunr] == []


def _lunr_own_tokens(text: str) -> list[str]:
    from lunr.tokenizer import Tokenizer

    from generator.search.dutch import _DUTCH_PIPELINE, normalize_separators

    return [str(token) for token in _DUTCH_PIPELINE.run(Tokenizer(normalize_separators(text)))]


def test_fast_tokens_equal_lunrs_tokenizer_and_pipeline():
    """tokens_for skips lunr's Token objects and caches per word: same terms for every text of the demo
    search documents, the word list and the edge cases."""
    from generator.search.index import FIELDS, search_documents
    from generator.validate import load_kaart
    from support import DEMO_KAART

    kaart, _ = load_kaart(DEMO_KAART)
    texts = [piece for document in search_documents(kaart) for name in FIELDS for piece in document.field_pieces(name)]
    texts += read_word_list() + EDGE_WORDS + [" - ".join(EDGE_WORDS), "a\u2009b\u00a0c--d\te"]
    assert len(texts) > 5000
    assert [tokens_for(text) for text in texts] == [_lunr_own_tokens(text) for text in texts]


def test_fast_builder_gives_lunrs_own_index():
    """DutchBuilder.add without Token objects and DutchBuilder.serialized_index without lunr's Vector and
    TokenSet give exactly the serialized index lunr's own Builder.add and build() give."""
    from lunr.builder import Builder

    from generator.search.index import build_lunr_index, search_documents
    from generator.validate import load_kaart
    from support import DEMO_KAART
    import generator.search.dutch as dutch

    kaart, _ = load_kaart(DEMO_KAART)
    documents = search_documents(kaart)
    fast = build_lunr_index(documents)
    original_add, original_serialized = dutch.DutchBuilder.add, dutch.DutchBuilder.serialized_index
    try:
        dutch.DutchBuilder.add = Builder.add
        dutch.DutchBuilder.serialized_index = lambda builder: Builder.build(builder).serialize()
        own = build_lunr_index(documents)
    finally:
        dutch.DutchBuilder.add, dutch.DutchBuilder.serialized_index = original_add, original_serialized
    assert len(fast["invertedIndex"]) > 1000
    assert json.dumps(fast, sort_keys=True) == json.dumps(own, sort_keys=True)
    assert [entry[0] for entry in fast["invertedIndex"]] == [entry[0] for entry in own["invertedIndex"]]


def test_the_stem_exceptions_part_what_snowball_conflates_and_join_what_it_splits():
    """Each exception changes Snowball's stem (else it is not needed), and the words of different meaning
    that Snowball gives one stem get different stems on both sides."""
    from generator.search.dutch import snowball_stem, stem

    assert all(snowball_stem(word) != own for word, own in STEM_EXCEPTIONS.items()), \
        [word for word, own in STEM_EXCEPTIONS.items() if snowball_stem(word) == own]
    pairs_apart = [("rekeningen", "rekenen"), ("rekening", "rekenen"), ("ouderen", "ouders"), ("oudere", "ouder"),
                   ("weet", "wet"), ("weten", "wetten"), ("waar", "war"), ("zoon", "zone"), ("vaak", "vak"), ("lees", "les")]
    pairs_together = [("kinderen", "kind"), ("rekeningen", "rekening"), ("ouderen", "oudere"), ("zonen", "zoon"),
                      ("lezen", "lees"), ("lessen", "les"), ("weten", "weet")]
    words = sorted({w for pair in pairs_apart + pairs_together for w in pair})
    js = dict(zip(words, run_node("words", "".join(w + "\n" for w in words)).stdout.split("\n")))
    for a, b in pairs_apart:
        assert snowball_stem(a) == snowball_stem(b) and stem(a) != stem(b) and js[a] != js[b], (a, b)
    for a, b in pairs_together:
        assert stem(a) == stem(b) and js[a] == js[b], (a, b)


def test_serialized_index_equals_lunrs_with_a_field_no_document_fills():
    """A field empty in every document (synthetic kaarten have no synonyms) has average length 0: lunr never
    divides by it, and neither may serialized_index."""
    from lunr.builder import Builder

    def filled(builder):
        builder.ref("id")
        builder.field("title", boost=5)
        builder.field("leeg", extractor=lambda doc: "")
        builder.field("body")
        for doc in DOCUMENTS:
            builder.add(doc)
        return builder

    own = Builder.build(filled(dutch_builder())).serialize()
    assert filled(dutch_builder()).serialized_index() == own
    assert any(vector == [] for _, vector in own["fieldVectors"])


# Newcomers type in their own script: lunr.nl's trimmer keeps Latin letters only, so fold() writes
# Cyrillic and Arabic letters in a-z first (dutch.SCRIPT_LETTERS, the same table in zoeken.js).
OTHER_SCRIPTS = ["допомога", "лікар", "поліція", "насильство", "самогубство", "ПОЛІЦІЯ", "Їжа", "ґанок", "бʼє мене",
                 "скорая помощь", "жильё", "مساعدة", "طبيب", "شرطة", "أريد أن أموت", "إسعاف", "مأوى", "آمن", "مُساعَدة",
                 "زوجي يضربني، ساعدني؟", "١١٢", "پول", "café naïef"]


def test_lunr_nl_trims_a_word_in_another_script_to_nothing():
    """Why fold() transliterates: without it both pipelines drop the word entirely."""
    words = ["допомога", "лікар", "مساعدة", "طبيب"]
    assert run_node("words", "\n".join(words) + "\n").stdout.splitlines() == [""] * len(words)
    assert [python_pipeline_output(word) for word in words] == [""] * len(words)


def test_a_word_in_another_script_reaches_the_index_and_the_safety_net():
    from generator.search.dutch import fold
    from generator.search.query import clean_query
    from generator.search.signalen import clauses_of, words_of

    assert clean_query("допомога лікар") == ["dopomoha", "likar"]  # as synoniemen.yaml writes them in Latin script
    assert clean_query("شرطة") == ["shrta"]
    assert words_of("زوجي يضربني، ساعدني؟") == ["zwjy", "ydrbny", "saadny"]
    assert clauses_of("زوجي يضربني، ساعدني؟") == [0, 0, 1]  # the Arabic comma ends a clause
    assert fold("مُساعَدة") == fold("مساعدة")  # vowel signs dropped like accents
    assert fold("ПОЛІЦІЯ") == fold("поліція")
    assert fold("Straße café schulden") == "Straße cafe schulden"  # Latin text as before
    assert all(python_pipeline_output(fold(word)) for word in ["допомога", "лікар", "مساعدة", "طبيب"])


def test_fold_is_the_same_in_zoeken_js():
    from generator.search.dutch import SCRIPT_LETTERS, fold

    letters = [pair.split("=")[0] for pair in SCRIPT_LETTERS.split(" ")]
    texts = OTHER_SCRIPTS + letters + [letter.upper() for letter in letters]
    zoeken_js = HERE.parents[1] / "generator" / "assets" / "js" / "zoeken.js"
    script = f"const z = require({json.dumps(str(zoeken_js))}); process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(0, 'utf8')).map(z.fold)));"
    proc = subprocess.run([shutil.which("node"), "-e", script], input=json.dumps(texts), capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [fold(text) for text in texts]
