// Runs the site's own search (generator/assets/js/zoeken.js) with the real lunr.js,
// lunr.stemmer.support.js and lunr.nl.js from the installed mkdocs package, so tests can compare
// it with generator/search/query.py and with lunr itself.
//
// Usage: node node_zoek.js <mkdocs package dir> <zoeken.js> <site dir or whole data .json> [--lunr <lunr index .json>]
//   With a site dir the search reads the manifest zoeken/zoekindex.json and loads term shards and
//   card chunks as the browser does (dataStore + complete); with a .json file it has everything.
//   stdin:  JSON list of {"q": "...", "filters": {...}}
//   stdout: JSON list, per query, of {hits: [[ref, score], ...] best first, vangnet: [[id, snel_weg], ...],
//           suggestie: "..." or null, urls: the url of the first 5 hits, geladen: files loaded for this query}
//   With --lunr, per query also `lunr`: for the clauses of the query (without and with typo
//   tolerance) lunr.Index.query's own [[ref, score rounded], ...] and zoeken.js's, sorted by ref.
"use strict";

const fs = require("fs");
const path = require("path");

const [mkdocsDir, zoekenJs, source, lunrFlag, lunrFile] = process.argv.slice(2);
if (!mkdocsDir || !zoekenJs || !source) {
  console.error("usage: node node_zoek.js <mkdocs package dir> <zoeken.js> <site dir or data .json> [--lunr <index .json>]");
  process.exit(2);
}
const searchDir = path.join(mkdocsDir, "contrib", "search");
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(searchDir, "lunr-language", "lunr.nl.js"))(lunr);
const zoeken = require(path.resolve(zoekenJs));

const sharded = fs.statSync(source).isDirectory();
const data = JSON.parse(fs.readFileSync(sharded ? path.join(source, "zoeken", "zoekindex.json") : source, "utf8"));
const store = zoeken.dataStore(data);
const engine = zoeken.createEngine(lunr, data, store);
let loaded = 0;
const load = (kind, number) => {
  loaded += 1;
  return JSON.parse(fs.readFileSync(path.join(source, zoeken.partPath(data, kind, number)), "utf8"));
};
require("./node_site_stemmer.js")(lunr, data.stammen || {});
const lunrIndex = lunrFlag === "--lunr" ? lunr.Index.load(JSON.parse(fs.readFileSync(lunrFile, "utf8"))) : null;

function lunrScores(clauses) {
  const round = (score) => Math.floor(score * 1e6 + 0.5) / 1e6;
  const own = lunrIndex.query((q) => clauses.forEach((c) => {
    const options = {usePipeline: c.usePipeline, boost: c.boost};
    if (c.wildcard) options.wildcard = lunr.Query.wildcard.TRAILING;
    if (c.editDistance) options.editDistance = c.editDistance;
    q.term(c.term, options);
  })).map((r) => [r.ref, round(r.score)]);
  const ours = [...engine.score(clauses).entries()].map(([doc, score]) => ["d" + doc, round(score)]);
  const byRef = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {lunr: own.sort(byRef), zoeken: ours.sort(byRef)};
}

async function main() {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = [];
  for (const {q, filters, woonkern} of queries) {
    loaded = 0;
    const hits = await zoeken.complete(store, () => {
      const found = engine.search(q, filters || {}, woonkern ? {woonkern: woonkern} : undefined);
      if (found) engine.cards(found.slice(0, 5));
      return found;
    }, load);
    const suggestie = await zoeken.complete(store, () => engine.suggestion(q), load);
    const row = {
      hits: hits.map((hit) => [hit.ref, hit.score]),
      vangnet: engine.vangnet(q).map((line) => [line.id, !!line.snel_weg]),
      suggestie: suggestie,
      urls: hits.slice(0, 5).map((hit) => hit.url),
      geladen: loaded,
    };
    if (lunrIndex) {
      const terms = engine.terms(q);
      row.lunr = [false, true].map((fuzzy) => {
        const clauses = engine.clauses(terms, fuzzy);
        return zoeken.complete(store, () => engine.score(clauses) && null, load).then(() => lunrScores(clauses));
      });
      row.lunr = await Promise.all(row.lunr);
    }
    out.push(row);
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
