"""The browser search and `kaart zoek` give the same hits in the same order, the same safety net
lines and the same "Bedoelde je" suggestions.

The browser side is the real thing: lunr.js + lunr.nl.js from the installed mkdocs package and
generator/assets/js/zoeken.js, under Node, on the search files of the built demo site: the
manifest zoeken/zoekindex.json, with the term shards and card chunks loaded per query as the
browser loads them (shards.py). The Python side is `kaart zoek --json` (its index built from the
kaart, then cached in .cache/zoek) and query.SearchEngine. Both compute lunr's score from the
postings by term; the scores are checked against lunr.js's and lunr.py's own Index.query, score
for score, on the demo and on a synthetic kaart of thousands of records.
Node is required: without it these tests fail rather than skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import mkdocs
import pytest

from generator.cli import main
from generator.search import cli as search_cli
from generator.validate import load_kaart
from generator.search.query import SearchEngine, clauses_for, round_score, run_clauses
from generator.search.shards import read_site_files

import kwaliteit  # tests/search is on sys.path (pytest's rootless test modules)
from zoekvragen import VRAGEN

ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPT = Path(__file__).resolve().parent / "node_zoek.js"
ZOEKEN_JS = ROOT / "generator" / "assets" / "js" / "zoeken.js"
MKDOCS_DIR = os.path.dirname(mkdocs.__file__)

# Typos, prefixes while typing, synonyms, multi-word questions, odd input and empty results.
EXTRA_QUERIES = [
    "schulden", "schuld", "schul", "sch", "s", "geld", "geldz", "geldzorg", "poets", "poetsh",
    "vergeet", "mantelz", "vrijwil", "Voedselbank!", "VOEDSELBANK", "voedsel-bank", "wmo-loket",
    "huishoudelijke hulp", "hulp bij het huishouden", "ik weet niet waar ik moet beginnen",
    "sociaal team", "sociaal team noord", "Brummerveen", "rosmarke koffie", "cliënt", "cliëntondersteuner",
    "coördinator", "café", "schuldn", "schlden", "mantelzrg", "dementia", "hlup", "zorgverzekring",
    "", "   ", "de het een", "van de", "xqzzyv", "2024", "0800 2000", "113", "112 bellen", "#@!?", "*",
    "schul*", "geld~2", "naam:schulden", "+schulden -geld", "schulden^10", "a*b*c", "😀 eenzaam",
    "eenzaam\u2003en\u00a0alleen", "ＤｉｇｉＤ", "ﬁets", "İstanbul", "e-mail", "'s avonds", "jeugd",
    "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien",
    # everyday phrases with a negation, answered at query time (query.with_phrases)
    "ik heb geen huis meer", "geen huis en geen wer", "niemand om mee te praten", "ik ben het niet eens met het besluit",
    "we hebben geen eten", "kan nergens slapen", "geen huizen", "gen huis", "geen  eigen huis",
    # a misspelt word next to known ones (typo tolerance whatever the hits), partner pages last, coverage
    "digit kwijt", "solicitatie brief", "hulp bij schuldn", "mantelzrog cafe", "telefoonnummer van de gemeente", "github",
    "gegevens aanpassen", "i cannot pay my bills", "trapleuning in huis", "ik kan mijn huis niet meer schoonhouden",
]

# Queries with filters, as the search page and the KCC page send them.
FILTERED = [
    ("schulden", {"gratis": True}),
    ("schulden", {"vrij": True, "gratis": True}),
    ("hulp", {"thema": "mantelzorg"}),
    ("hulp", {"doelgroep": "jongeren"}),
    ("hulp", {"leeftijd": 16}),
    ("hulp", {"leeftijd": 80, "doelgroep": "ouderen"}),
    ("koffie", {"kern": "brummerveen"}),
    ("", {"thema": "geld-en-schulden"}),
    ("", {"kern": "rosmarke", "gratis": True}),
    ("", {"soort": "ingang"}),
    ("sociaal team", {"soort": ["ingang", "clientondersteuner"]}),
    ("eenzaam", {"thema": "veiligheid"}),
    ("schuldn", {"thema": "geld-en-schulden"}),
]


# The safety net and residents' words: crisis phrasings, ordinary look-alikes, typos for "Bedoelde je".
QUALITY = [q for q, _ in kwaliteit.VRAGEN] + [q for q, _ in kwaliteit.CRISIS] + kwaliteit.GEWOON + [
    "mantelzrog", "schuldhulpverlenign", "eenzaamhied hulp", "rouwverwerking", "gezondste", "blowt", "zelfmoordgedachtes",
    "ik wil de dood van mijn moeder verwerken", "geweldig", "partnergeweld", "zelf moord", "ik kom niet rond",
    # spelled as they sound (dutch.sound)
    "consultatieburo", "sollisitatie brief", "mantelzorgkomplimend", "kinderopvank", "huisartsepost", "schuldhulpferlening",
    "dagbestetingg", "fysiotherapie", "tandartz", "wijkferpleging", "rolstoelbuz", "mantelzorgkafe",
    # typed without spaces (query.spaced)
    "ikwilnietmeerleven", "ikwildoodgaan", "mijnmanslaatmij", "ik heb geenwerk", "geenhuis", "huurtoeslagaanvraag",
    "kinderopvangtoeslag", "energiearmoede", "IkWilNietMeerLeven!", "hijslaatme, help", "ikbenbangvoormijnman",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ikikikikikikikikikik", "dedededededede", "kan de huur niet ophoesten",
    "naar de verjaardag van zijn kleinzoon", "opgroeivragen", "geenwerk", "aangeenhuis",
]
FILTERED += [("ik wil niet meer leven", {"thema": "geld-en-schulden"}), ("mijn man slaat me", {"kern": "rosmarke", "gratis": True}),
             ("schuldhulp", {"thema": "taal-en-digitaal"}),
             # a kern the official door does not serve gets its own (index.door_for_kern)
             ("huishoudelijke hulp", {"kern": "stroetinge"}), ("wmo", {"kern": "stroetinge"}), ("wmo", {"kern": "rosmarke"}),
             ("telefoonnummer van de gemeente", {"kern": "stroetinge"}), ("jeugdhulp", {"kern": "elsmarke"}),
             # several problems at once: the door with groups of problems (synoniemen.yaml `problemen`)
             ("schulden en mijn zoon drinkt", {"kern": "stroetinge"}), ("ontslagen, gescheiden en schulden", {"kern": "rosmarke"}),
             ("schulden en verslaving", {}), ("werkloos en depressief en de huur is niet betaald", {}), ("schulden en een deurwaarder", {})]


def all_queries() -> list[tuple[str, dict]]:
    queries = [(q, {}) for q, _ in VRAGEN] + [(q, {}) for q in EXTRA_QUERIES] + FILTERED
    seen = {q for q, f in queries if not f}
    return queries + [(q, {}) for q in dict.fromkeys(QUALITY) if q not in seen]


def node_search(source: Path, queries: list[tuple[str, dict]], lunr_index: Path | None = None) -> list[dict]:
    """zoeken.js on a site folder (sharded, loaded per query) or a whole-data file; with
    lunr_index also lunr.js's own scores for every query's clauses."""
    node = shutil.which("node")
    assert node, "node is required for the search parity tests (install Node.js)"
    proc = subprocess.run(
        [node, str(NODE_SCRIPT), MKDOCS_DIR, str(ZOEKEN_JS), str(source)] + (["--lunr", str(lunr_index)] if lunr_index else []),
        input=json.dumps([{"q": q, "filters": f, "woonkern": rest[0] if rest else None} for q, f, *rest in queries]),
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def site_data(demo_site) -> dict:
    """The whole search data, put back together from the site's manifest, shards and chunks."""
    return read_site_files(demo_site)


@pytest.fixture(scope="module")
def js_results(demo_site):
    return node_search(demo_site, all_queries())


def kaart_zoek_json(capsys, query: str, *options: str) -> list[dict]:
    capsys.readouterr()
    assert main(["zoek", query, "--json", "--kaart", str(ROOT / "kaart"), "--config", str(ROOT / "mkdocs.yml"), *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_there_are_enough_queries():
    queries = all_queries()
    assert len(queries) >= 400
    assert len({(q, json.dumps(f, sort_keys=True)) for q, f in queries}) == len(queries)


def test_browser_and_python_give_the_kerns_own_door(demo_site, site_data):
    """With the kern chosen on the device (not a filter), both put that kern's own official door first."""
    queries = [(q, {}, kern) for q in ("huishoudelijke hulp", "wmo", "telefoonnummer van de gemeente", "jeugdhulp",
                                       "mantelzorgcafe", "boodschappen", "sociaal team", "hulp bij formulieren", "koffie",
                                       "schulden en verslaving")
               for kern in ("stroetinge", "rosmarke", "tilmarke")]
    engine = SearchEngine(site_data)
    for (query, _, kern), js in zip(queries, node_search(demo_site, queries)):
        python = [[hit["ref"], hit["score"]] for hit in engine.search(query, woonkern=kern)]
        assert js["hits"] == python, (query, kern)
    assert node_search(demo_site, [("wmo", {}, "stroetinge")])[0]["hits"][0] != node_search(demo_site, [("wmo", {})])[0]["hits"][0]


def test_browser_and_python_put_the_help_of_the_fired_line_next(demo_site, site_data):
    """vangnet.yaml `daarna`: after the fired line's card its help, in order, whatever the words match; 'sociaal-team'
    is the resident's own team (every team without a kern); filters and the kern leave out what they rule out."""
    teams = ["sociaal-team-noord", "sociaal-team-oost", "sociaal-team-west", "sociaal-team-wolderbeek", "sociaal-team-zuid"]
    queries = [("ik wil dood", {}, None), ("ik wil dood", {}, "brummerveen"), ("ik wil dood", {"kern": "rosmarke"}, None),
               ("mijn man doet me pijn", {}, "stroetinge"), ("mijn vriend doet me pijn", {}, None),
               ("ik word gepest", {}, "brummerveen"), ("ik word gepest", {}, "rosmarke"),
               ("hij slaat me nu", {}, "tilmarke"), ("mijn man slaat me", {"thema": "geld-en-schulden"}, None)]
    expected = [["113-zelfmoordpreventie", "de-luisterlijn", "huisartsenpost-egelland"] + teams,
                ["113-zelfmoordpreventie", "de-luisterlijn", "huisartsenpost-egelland", "sociaal-team-noord"],
                ["113-zelfmoordpreventie", "de-luisterlijn", "huisartsenpost-egelland", "sociaal-team-zuid"],
                ["veilig-thuis", "opvang-veilige-plek", "slachtofferhulp", "sociaal-team-wolderbeek"],
                ["veilig-thuis", "opvang-veilige-plek", "slachtofferhulp"] + teams,
                ["de-kindertelefoon", "cjg-egelstede", "veilig-thuis"],  # Hoofd Omhoog is for Oost and Zuid only
                ["de-kindertelefoon", "cjg-egelstede", "hoofd-omhoog-jongeren", "veilig-thuis"],
                ["alarmnummer-112", "veilig-thuis", "slachtofferhulp", "opvang-veilige-plek", "sociaal-team-oost"],
                ["veilig-thuis"] + teams]  # a theme filter leaves out the help outside the theme (the teams have it)
    engine = SearchEngine(site_data)
    for (query, filters, kern), js, ids in zip(queries, node_search(demo_site, queries), expected):
        python = engine.search(query, filters, woonkern=kern)
        assert js["hits"] == [[hit["ref"], hit["score"]] for hit in python], (query, filters, kern)
        assert [hit["id"] for hit in python[: len(ids)]] == ids, (query, filters, kern)
        assert python[len(ids)]["rang"] < 3, (query, filters, kern)  # then the word matches


def test_kaart_zoek_builds_the_same_index_as_the_site(site_data):
    kaart, problems = load_kaart(ROOT / "kaart")
    assert problems == []
    engine = search_cli.engine_for(kaart, ROOT / "mkdocs.yml")
    assert engine.data == site_data


def test_browser_and_python_give_the_same_hits_in_the_same_order(site_data, js_results):
    engine = SearchEngine(site_data)
    mismatches = []
    for (query, filters), js in zip(all_queries(), js_results):
        python = [[hit["ref"], hit["score"]] for hit in engine.search(query, filters)]
        if python != js["hits"]:
            mismatches.append((query, filters, python[:5], js["hits"][:5]))
    assert mismatches == []


def test_browser_and_python_call_up_the_same_crisis_lines(site_data, js_results):
    engine = SearchEngine(site_data)
    fired = 0
    for (query, _), js in zip(all_queries(), js_results):
        python = [[line["id"], bool(line.get("snel_weg"))] for line in engine.vangnet(query)]
        assert python == js["vangnet"], query
        fired += bool(python)
    assert fired >= 40


def test_browser_and_python_suggest_the_same_words(site_data, js_results):
    engine = SearchEngine(site_data)
    suggested = 0
    for (query, _), js in zip(all_queries(), js_results):
        assert engine.suggestion(query) == js["suggestie"], query
        suggested += engine.suggestion(query) is not None
    assert suggested >= 5


def test_kaart_zoek_json_gives_the_browser_ids(capsys, site_data, js_results):
    data = site_data
    queries = all_queries()
    checked = 0
    for (query, filters), js in list(zip(queries, js_results))[::15]:  # a sample: each call reads the cached index
        if filters or query.startswith("-"):
            continue  # filters: see the next tests; argparse would read a leading '-' as an option
        hits = kaart_zoek_json(capsys, query)
        browser = [(data["docs"][int(ref[1:])]["soort"], data["docs"][int(ref[1:])]["id"]) for ref, _ in js["hits"]]
        assert [(hit["soort"], hit["id"]) for hit in hits] == browser, query
        lines = {line[0] for line in js["vangnet"]}
        assert [hit["id"] for hit in hits if hit.get("vangnet")] == [hit["id"] for hit in hits[: len(lines)]]
        assert {hit["id"] for hit in hits if hit.get("vangnet")} == lines, query
        checked += 1
    assert checked >= 30


def test_kaart_zoek_puts_the_crisis_line_first_whatever_the_filters(capsys):
    for options in [(), ("--thema", "geld-en-schulden"), ("--kern", "rosmarke", "--gratis"), ("--soort", "voorziening")]:
        hits = kaart_zoek_json(capsys, "ik wil niet meer leven", *options)
        assert hits[0]["id"] == "113-zelfmoordpreventie" and hits[0]["vangnet"] is True, options
        assert not any(hit.get("vangnet") for hit in hits[1:])


def test_kaart_zoek_json_has_the_contract_fields(capsys):
    hits = kaart_zoek_json(capsys, "geldzorgen")
    assert hits, "no hits for geldzorgen"
    for hit in hits:
        assert {"id", "soort", "naam", "themas", "url"} <= set(hit)
        assert isinstance(hit["themas"], list)
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_kaart_zoek_filters_match_the_browser(capsys, site_data, demo_site):
    data = site_data
    queries = [("hulp", {"thema": "mantelzorg", "gratis": True}), ("koffie", {"kern": "brummerveen", "vrij": True}), ("hulp", {"leeftijd": 16, "doelgroep": "jongeren"})]
    results = node_search(demo_site, queries)
    for (query, filters), browser in zip(queries, results):
        options = []
        for key, value in filters.items():
            options += [f"--{key}"] if value is True else [f"--{key}", str(value)]
        hits = kaart_zoek_json(capsys, query, *options)
        assert [hit["id"] for hit in hits] == [data["docs"][int(ref[1:])]["id"] for ref, _ in browser["hits"]], (query, filters)
        assert hits, (query, filters)


def test_the_browser_loads_only_a_few_files_per_query(site_data, js_results):
    """Per query the manifest plus a few term shards and card chunks, and the cards are the right ones."""
    loaded = [js["geladen"] for js in js_results]
    assert max(loaded) <= 12 and sum(loaded) / len(loaded) < 4, (max(loaded), sum(loaded) / len(loaded))
    for js in js_results:
        assert js["urls"] == [site_data["kaarten"][int(ref[1:])]["url"] for ref, _ in js["hits"][:5]]


def lunr_parity_queries() -> list[str]:
    return [q for q, _ in VRAGEN][::3] + [q for q, _ in kwaliteit.CRISIS][::4] + EXTRA_QUERIES


def python_lunr_scores(lunr_index: dict, engine: SearchEngine, clauses: list[dict]) -> list[list]:
    from lunr.index import Index
    from lunr.query import Query

    index = Index.load(lunr_index)
    query = index.create_query()
    for clause in clauses:
        options = {"use_pipeline": clause["usePipeline"], "boost": clause["boost"]}
        if clause.get("wildcard"):
            options["wildcard"] = Query.WILDCARD_TRAILING
        if clause.get("editDistance"):
            options["edit_distance"] = clause["editDistance"]
        query.term(clause["term"], **options)
    return sorted([result["ref"], round_score(result["score"])] for result in index.query(query))


def check_scores_against_lunr(tmp_path: Path, kaart, queries: list[str]) -> int:
    """lunr.js's and lunr.py's own Index.query against the scores from the postings, in Node (on
    the sharded files) and in Python, for every query's clauses with and without typo tolerance."""
    from generator.search.index import build_lunr_index, build_search_data, search_data_json, search_documents
    from generator.search.shards import write_site_files

    data = build_search_data(kaart)
    lunr_index = build_lunr_index(search_documents(kaart))
    (tmp_path / "lunr.json").write_text(json.dumps(lunr_index), encoding="utf-8")
    write_site_files(tmp_path / "site", search_data_json(data))
    results = node_search(tmp_path / "site", [(q, {}) for q in queries], tmp_path / "lunr.json")
    engine = SearchEngine(data)
    compared = 0
    for query, js in zip(queries, results):
        if not engine.terms(query):
            continue  # no clauses: search() never queries (lunr would answer every document)
        for fuzzy, both in zip((False, True), js["lunr"]):
            assert both["zoeken"] == both["lunr"], (query, fuzzy)
            clauses = clauses_for(engine.terms(query), engine.settings, fuzzy, engine.vocabulary)
            ours = sorted([f"d{doc}", round_score(score)] for doc, score in run_clauses(engine.index, clauses).items())
            assert ours == python_lunr_scores(lunr_index, engine, clauses) == both["lunr"], (query, fuzzy)
            compared += bool(ours)
    return compared


def test_scores_are_lunrs_own_on_the_demo(tmp_path, demo):
    assert check_scores_against_lunr(tmp_path, demo, lunr_parity_queries()) >= 100


def test_scores_are_lunrs_own_on_thousands_of_synthetic_records(tmp_path, synthetic_2000):
    queries = ["hulp", "schulden", "schul", "buurthuis", "koffie inloop", "mantelzorger", "spreekuur", "vrijwilliger",
               "taal", "computr", "brieven formulieren", "ouders kinderen", "zorg", "geldzorgen", "eenzaam", "budgt"]
    assert check_scores_against_lunr(tmp_path, synthetic_2000, queries) >= 12


@pytest.fixture(scope="module")
def synthetic_2000(tmp_path_factory):
    from generator.synthetic import write_synthetic_kaart

    kaart, problems = load_kaart(write_synthetic_kaart(tmp_path_factory.mktemp("synthetisch") / "kaart", 2000))
    assert problems == []
    return kaart


def test_same_order_on_thousands_of_synthetic_records_sharded(tmp_path, synthetic_2000):
    """Synthetic records reuse a few dozen words, so many scores tie: the tie-break must agree,
    with the browser loading shards and chunks per query."""
    from generator.search.index import build_search_data, search_data_json
    from generator.search.shards import write_site_files

    data = build_search_data(synthetic_2000)
    files = write_site_files(tmp_path / "site", search_data_json(data))
    assert files > 60  # thousands of records: many chunks, several shards
    queries = [(q, {}) for q in ["hulp", "schulden", "buurthuis", "koffie inloop", "mantelzorger", "geld*", "spreekuur",
                                  "vrijwilliger", "taal", "computr", "brieven formulieren", "ouders kinderen", "zorg"]]
    queries += [("hulp", {"kern": "noord-kern-1"}), ("", {"thema": "mantelzorg", "gratis": True}), ("inloop", {"leeftijd": 70})]
    engine = SearchEngine(data)
    results = node_search(tmp_path / "site", queries)
    ties = 0
    for (query, filters), js in zip(queries, results):
        python = engine.search(query, filters)
        assert [[hit["ref"], hit["score"]] for hit in python] == js["hits"], (query, filters)
        assert js["urls"] == [hit["url"] for hit in python[:5]]
        scores = [hit["score"] for hit in python]
        ties += len(scores) - len(set(scores))
    assert ties > 0, "no tied scores: this test no longer tests the tie-break"


def test_same_order_on_a_synthetic_kaart_full_of_ties(tmp_path):
    """Synthetic records reuse a few dozen words, so many scores tie: the tie-break must agree."""
    from generator.search.index import build_search_data, search_data_json
    from generator.synthetic import write_synthetic_kaart

    kaart, problems = load_kaart(write_synthetic_kaart(tmp_path / "kaart", 300))
    assert problems == []
    data_file = tmp_path / "zoekindex.json"
    data_file.write_text(search_data_json(build_search_data(kaart)), encoding="utf-8")
    queries = [(q, {}) for q in ["hulp", "schulden", "buurthuis", "koffie inloop", "mantelzorger", "geld*", "spreekuur",
                                  "vrijwilliger", "taal", "computr", "brieven formulieren", "ouders kinderen", "zorg"]]
    queries += [("hulp", {"kern": "noord-kern-1"}), ("", {"thema": "mantelzorg", "gratis": True}), ("inloop", {"leeftijd": 70})]
    engine = SearchEngine(json.loads(data_file.read_text(encoding="utf-8")))
    results = node_search(data_file, queries)
    ties = 0
    for (query, filters), js in zip(queries, results):
        python = [[hit["ref"], hit["score"]] for hit in engine.search(query, filters)]
        assert python == js["hits"], (query, filters)
        scores = [score for _, score in python]
        ties += len(scores) - len(set(scores))
    assert ties > 0, "no tied scores: this test no longer tests the tie-break"
