// The browser's Snowball English stemmer gives Snowball's own stems for the
// vocabulary in Tests/vectors/porter2.tsv, the file the Swift tests read too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { porter2 } from "../../templates/assets/porter2.js";

const pairs = readFileSync(new URL("../vectors/porter2.tsv", import.meta.url), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

test("every Snowball vocabulary pair holds", () => {
  assert.ok(pairs.length > 10000);
  const wrong = pairs.filter(([word, stem]) => porter2(word) !== stem).map(([w, s]) => `${w}: ${porter2(w)}, not ${s}`);
  assert.deepEqual(wrong.slice(0, 10), []);
});

test("the word forms residents type meet the documents' forms", () => {
  assert.equal(porter2("resign"), porter2("resignation"));
  assert.equal(porter2("appoint"), porter2("appointment"));
  assert.equal(porter2("consign"), porter2("consigned"));
  assert.equal(porter2("generously"), "generous");
  // Snowball keeps these apart: protosite's vocabulary joins them (search-synonyms.txt).
  assert.notEqual(porter2("complain"), porter2("complaint"));
});

test("short words, odd letters and apostrophes do not break it", () => {
  for (const word of ["", "a", "'", "''", "''s", "'s'", "yy", "ııı", "日本語", "y'all"]) assert.equal(typeof porter2(word), "string");
  assert.equal(porter2("naïve"), "naïv");
});
