// A page kept open while a new build of the search data is published (kaart serve, a deploy): runs
// zoeken.js's browser API (browserApi) under Node with a fake window whose fetch serves the files of
// build 1, then of build 2, and holds answers back to put two searches in flight across the switch.
//
// Usage: node node_herbouw.js <mkdocs package dir> <zoeken.js> <build 1 dir> <build 2 dir> <query A> <query B>
//   Each build dir holds zoeken/zoekindex.json and zoeken/<map>/*.json. The two builds hold the same
//   documents in another order, so a hit ranked on one build's postings with a card from the other
//   build's chunk gets another document's url.
//   stdout: JSON {a, b, oud, oudNaHerbouw, verzoeken}: per search the hits as [naam, url] (url null when no
//   card), and every requested path.
"use strict";

const fs = require("fs");
const path = require("path");

const [mkdocsDir, zoekenJs, dir1, dir2, queryA, queryB] = process.argv.slice(2);
const searchDir = path.join(mkdocsDir, "contrib", "search");
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(searchDir, "lunr-language", "lunr.nl.js"))(lunr);
const zoeken = require(path.resolve(zoekenJs));

function filesOf(dir) {
  const files = new Map();
  const manifest = fs.readFileSync(path.join(dir, "zoeken", "zoekindex.json"), "utf8");
  files.set("zoeken/zoekindex.json", manifest);
  const folder = JSON.parse(manifest).delen.map;
  for (const name of fs.readdirSync(path.join(dir, "zoeken", folder))) {
    files.set(`zoeken/${folder}/${name}`, fs.readFileSync(path.join(dir, "zoeken", folder, name), "utf8"));
  }
  return files;
}

const build1 = filesOf(dir1);
const build2 = filesOf(dir2);
const ROOT = "http://sociale-kaart.test/";
let served = build1;
let holding = false;
const held = [];
const requested = [];

const win = {
  lunr: lunr,
  location: {href: ROOT + "zoeken/", search: ""},
  document: {querySelector: () => null},
  setTimeout: setTimeout,
  fetch: function (url) {
    const at = url.slice(ROOT.length);
    requested.push(at);
    const text = served.get(at); // what the server has when the request arrives
    const answer = () => ({ok: text !== undefined, status: text === undefined ? 404 : 200, json: async () => JSON.parse(text)});
    if (holding) return new Promise((resolve) => held.push(() => resolve(answer())));
    return Promise.resolve(answer());
  },
};

const shown = (hits) => hits.map((hit) => [hit.naam, hit.url === undefined ? null : hit.url]);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function main() {
  const api = zoeken.browserApi(win);
  await api.ready();
  // A search on build 1 whose cards are not loaded yet (the search page loads them a page at a time).
  const oud = await api.zoek(queryB, {}, {kaarten: 0});
  // Search A starts on build 1; its term shards are on their way when build 2 replaces build 1.
  holding = true;
  const a = api.zoek(queryA, {}, {kaarten: 20});
  await settle();
  holding = false;
  served = build2;
  // Search B asks for build 1's files, which are gone: it fetches the manifest again and goes on with build 2.
  const b = await api.zoek(queryB, {}, {kaarten: 20});
  // Now A's term shards (build 1, as the server had them when they were asked for) arrive.
  held.splice(0).forEach((release) => release());
  const hitsA = await a.then((hits) => (Array.isArray(hits) ? hits : {error: "search A gave " + hits}), (error) => ({error: String(error)}));
  // The cards of the older search: build 1's files linger on a CDN for a while.
  served = new Map([...build1, ...build2]);
  const oudNaHerbouw = await api.kaarten(oud.slice(0, 20)).then(shown, (error) => ({error: String(error)}));
  process.stdout.write(JSON.stringify({
    a: hitsA.error ? hitsA : shown(hitsA.slice(0, 20)),
    b: shown(b.slice(0, 20)),
    oudNaHerbouw: oudNaHerbouw,
    verzoeken: requested,
  }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
