// Runs the real lunr.js + lunr.stemmer.support.js + lunr.nl.js (from the installed mkdocs
// package) so tests can compare them with generator/search/dutch.py.
//
// Usage: STAMMEN='{...}' node node_stem.js <mkdocs package dir> <mode>   (input on stdin)
//   words      one word per line in; per line out the Dutch pipeline's output
//              (trimmer + stop word filter + stemmer), tokens joined by a space, empty if removed
//   text       one text per line in; per line out a JSON array of lunr.tokenizer + the pipeline
//   pipelines  no input; JSON {pipeline, searchPipeline, separators} of a Builder after lunr.nl
//   search     JSON {index, queries} in; JSON array, per query, of [{ref, score}]
"use strict";

const fs = require("fs");
const path = require("path");

const [mkdocsDir, mode] = process.argv.slice(2);
if (!mkdocsDir || !mode) {
  console.error("usage: node node_stem.js <mkdocs package dir> words|text|pipelines|search");
  process.exit(2);
}
const searchDir = path.join(mkdocsDir, "contrib", "search");
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(searchDir, "lunr-language", "lunr.nl.js"))(lunr);

// Exactly what the site uses: a builder configured by the lunr.nl plugin, with the site's stem
// exceptions (JSON word -> stem in the environment variable STAMMEN) over lunr.nl's stemmer.
const builder = new lunr.Builder();
builder.use(lunr.nl);
require("./node_site_stemmer.js")(lunr, JSON.parse(process.env.STAMMEN || "{}")).intoBuilder(builder);

const input = mode === "pipelines" ? "" : fs.readFileSync(0, "utf8");
const lines = () => input.split("\n").slice(0, input.endsWith("\n") ? -1 : undefined);
const out = [];

if (mode === "words") {
  for (const word of lines()) {
    out.push(builder.pipeline.run([new lunr.Token(word)]).map(String).join(" "));
  }
} else if (mode === "text") {
  for (const text of lines()) {
    out.push(JSON.stringify(builder.pipeline.run(lunr.tokenizer(text)).map(String)));
  }
} else if (mode === "pipelines") {
  const separators = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (lunr.tokenizer.separator.test(ch)) separators.push(ch);
  }
  out.push(JSON.stringify({
    pipeline: builder.pipeline.toJSON(),
    searchPipeline: builder.searchPipeline.toJSON(),
    separators: separators.join(""),
  }));
} else if (mode === "search") {
  const { index, queries } = JSON.parse(input);
  const idx = lunr.Index.load(index);
  out.push(JSON.stringify(queries.map(
    (q) => idx.search(q).map((r) => ({ ref: r.ref, score: r.score })))));
} else {
  console.error("unknown mode " + mode);
  process.exit(2);
}
process.stdout.write(out.map((line) => line + "\n").join(""));
