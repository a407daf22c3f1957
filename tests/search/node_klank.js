// Checks zoeken.js's sound-alike lookup against generator/search/dutch.py: sound() gives Python's key, and
// firstLetters() (the per-first-letter buckets soundsLike looks in) holds the first letter of every word whose
// key starts with that sound.
// Usage: node node_klank.js <zoeken.js>
//   stdin:  JSON {sounds: dutch.SOUNDS, words: [[word, Python's sound(word)], ...]}
//   stdout: JSON {checked, other_sound: [[word, js, python], ...], not_looked_at: [[word, python], ...]} (at most 20 each)
"use strict";

const fs = require("fs");
const path = require("path");

const zoeken = require(path.resolve(process.argv[2]));
const {sounds, words} = JSON.parse(fs.readFileSync(0, "utf8"));
const settings = {sounds: sounds};
const otherSound = [];
const notLookedAt = [];
for (const [word, python] of words) {
  const js = zoeken.sound(word, settings);
  if (js !== python) otherSound.push([word, js, python]);
  if (!zoeken.firstLetters(python[0], settings).includes(word[0])) notLookedAt.push([word, python]);
}
process.stdout.write(JSON.stringify({checked: words.length, other_sound: otherSound.slice(0, 20), not_looked_at: notLookedAt.slice(0, 20)}));
