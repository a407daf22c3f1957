// Runs the site's own search (generator/assets/js/zoeken.js) with the real lunr.js,
// lunr.stemmer.support.js and lunr.nl.js from the installed mkdocs package, so tests can compare
// it with generator/search/query.py on the same zoekindex.json.
//
// Usage: node node_zoek.js <mkdocs package dir> <zoeken.js> <zoekindex.json>
//   stdin:  JSON list of {"q": "...", "filters": {...}}
//   stdout: JSON list, per query, of {hits: [[ref, score], ...] best first, vangnet: [[id, snel_weg], ...],
//           suggestie: "..." or null}
"use strict";

const fs = require("fs");
const path = require("path");

const [mkdocsDir, zoekenJs, dataFile] = process.argv.slice(2);
if (!mkdocsDir || !zoekenJs || !dataFile) {
  console.error("usage: node node_zoek.js <mkdocs package dir> <zoeken.js> <zoekindex.json>");
  process.exit(2);
}
const searchDir = path.join(mkdocsDir, "contrib", "search");
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(searchDir, "lunr-language", "lunr.nl.js"))(lunr);
const zoeken = require(path.resolve(zoekenJs));

const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
const engine = zoeken.createEngine(lunr, data);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const out = queries.map(({q, filters}) => ({
  hits: engine.search(q, filters || {}).map((hit) => [hit.ref, hit.score]),
  vangnet: engine.vangnet(q).map((line) => [line.id, !!line.snel_weg]),
  suggestie: engine.suggestion(q),
}));
process.stdout.write(JSON.stringify(out) + "\n");
