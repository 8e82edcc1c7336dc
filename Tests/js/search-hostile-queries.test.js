// Queries that once broke the search page (security issue #16, item 8): a
// word that is a property every object inherits, and a query of 140 KB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { search, parseQuery, typoTerms, MAX_QUERY_LENGTH, MAX_TERMS, MAX_TYPO_TERMS } from "../../templates/assets/search-core.js";
import { ShardedIndex } from "../../templates/assets/search-shards.js";
import { wholeIndex, splitIndex } from "./index-fixture.js";

const entries = [
  { slug: "code", title: "Code of Conduct", clause: "4.8", anchor: "clause-4.8", url: "code/#clause-4.8", heading: "Respect", text: "A councillor must not bully the clerk." },
  { slug: "press", title: "Press Protocol", clause: "2.1", anchor: "clause-2.1", url: "press/#clause-2.1", heading: "Press releases", text: "The clerk issues press releases." },
];
// As the browser gets it: parsed JSON, whose objects inherit from Object.prototype.
const index = JSON.parse(JSON.stringify(wholeIndex(entries)));

test("a word that names an inherited property finds nothing and reports nothing", () => {
  for (const q of ["constructor", "toString", "hasOwnProperty", "__proto__ ", "valueOf", "constructor clerk"]) {
    const found = search(index, q);
    assert.equal(found.results.length, found.total, `${q}: every result counted is shown`);
    if (!q.includes("clerk")) assert.equal(found.total, 0, q);
  }
});

test("a split index takes no inherited property for a term either", async () => {
  const { point, fetchJSON } = splitIndex(wholeIndex(entries), 3, 1);
  const sharded = new ShardedIndex(point, fetchJSON);
  await sharded.prepare("constructor");
  assert.equal(search(sharded, "constructor").total, 0);
});

test("a 140 KB query is read only up to its bound, its words and typos capped", () => {
  const words = Array.from({ length: 20000 }, (_, i) => `wordy${i.toString(36)}x`).join(" ");
  assert.ok(words.length > 140000);
  const query = parseQuery(words);
  assert.ok(query.terms.length <= MAX_TERMS, `${query.terms.length} terms`);
  assert.ok(query.terms.map((t) => t.word).join(" ").length <= MAX_QUERY_LENGTH);
  assert.ok(typoTerms(query).length <= MAX_TYPO_TERMS);
  assert.ok(search(index, words).total >= 0);
});

test("a long query's cut-off last word is not taken for a prefix", () => {
  const query = parseQuery("clerk ".repeat(100) + "pressreleases");
  assert.ok(query.terms.every((t) => !t.prefix));
});
