// Checks what zoeken.js's `covers` relies on: lunr.nl's stemmer never changes a word before the last two letters
// of its stem (Snowball Dutch only removes endings, undoubles a letter near the end and turns -heden into -heid).
// Usage: node node_stemkop.js <mkdocs package dir> <words .json> <random count>
//   stdout: JSON {checked, wrong: [[word, stem], ...]} over the given words and `random count` made-up words
//   built from Dutch letter groups and endings.
"use strict";

const fs = require("fs");
const path = require("path");

const [mkdocsDir, wordsFile, randomCount] = process.argv.slice(2);
const searchDir = path.join(mkdocsDir, "contrib", "search");
const lunr = require(path.join(searchDir, "templates", "search", "lunr.js"));
require(path.join(searchDir, "lunr-language", "lunr.stemmer.support.js"))(lunr);
require(path.join(searchDir, "lunr-language", "lunr.nl.js"))(lunr);

const PARTS = ["a", "aa", "e", "ee", "i", "ie", "ij", "y", "o", "oo", "u", "uu", "oe", "ui", "eu", "ou", "b", "c", "d", "dd", "f",
  "g", "h", "j", "k", "kk", "l", "ll", "m", "n", "nn", "p", "r", "s", "ss", "t", "tt", "v", "w", "x", "z", "heden", "heid", "en",
  "ene", "se", "ing", "end", "ig", "lijk", "baar", "bar", "ye", "yi", "ei", "ch", "sch"];
let seed = 20261130;
function random(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

const words = JSON.parse(fs.readFileSync(wordsFile, "utf8"));
for (let n = 0; n < Number(randomCount); n++) {
  let word = "";
  for (let k = 1 + random(6); k > 0; k--) word += PARTS[random(PARTS.length)];
  words.push(word);
}
const wrong = [];
for (const word of words) {
  const stem = lunr.nl.stemmer(new lunr.Token(word, {})).toString();
  if (!word.startsWith(stem.slice(0, Math.max(0, stem.length - 2)))) wrong.push([word, stem]);
}
process.stdout.write(JSON.stringify({checked: words.length, wrong: wrong.slice(0, 20)}));
