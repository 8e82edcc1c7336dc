// Query vocabulary (issue #20): clause numbers in every written form, synonym
// expansion below exact matches, and protocols not in force ranked after
// adopted ones. The vectors are the ones the Swift tests read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { search, parseQuery } from "../../templates/assets/search-core.js";
import { queryClauses } from "../../templates/assets/search-query.js";
import { parseSynonyms, compileSynonyms, describeUnit } from "../../templates/assets/search-synonyms.js";
import { ShardedIndex } from "../../templates/assets/search-shards.js";
import { wholeIndex, splitIndex } from "./index-fixture.js";

const builtIn = compileSynonyms(parseSynonyms(readFileSync(new URL("../../Sources/ProtositeSearch/search-synonyms.txt", import.meta.url), "utf8")));
const vectors = readFileSync(new URL("../vectors/search-query.tsv", import.meta.url), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

test("every shared query vector holds: clause numbers and synonym units", () => {
  assert.ok(vectors.length > 80);
  for (const [kind, input, output] of vectors) {
    const got = kind === "clauses" ? queryClauses(input).join(" ")
      : kind === "units" ? parseQuery(input + " ", builtIn).terms.map(describeUnit).join(" ; ") : `unknown kind ${kind}`;
    assert.equal(got, output, `${kind} ${input}`);
  }
});

test("clause numbers are read in every written form of SPEC §4", () => {
  for (const [q, clause] of [["1(k)", "1(k)"], ["1k", "1(k)"], ["SO 1(k)", "1(k)"], ["standing order 1(K)", "1(k)"], ["SO 3C", "3(c)"],
    ["para 10(2)(a)", "10(2)(a)"], ["4.1(a)", "4.1(a)"], ["4.1a", "4.1(a)"], ["3B(iv)", "3(b)(iv)"]]) {
    assert.deepEqual(queryClauses(q), [clause], q);
  }
  for (const q of ["1st meeting", "10am", "2020s", "1990(1)", "4th", "a4"]) assert.deepEqual(queryClauses(q), [], q);
});

const entry = (slug, title, clause, heading, text, status) =>
  ({ slug, title, clause, anchor: `clause-${clause}`, url: `${slug}/#clause-${clause}`, heading, text, ...(status ? { status } : {}) });
const entries = [
  entry("fin", "Financial Regulations", "3.1", "Staff", "The remuneration of the Proper Officer is set by the council each year."),
  entry("pay", "Pay Policy", "1.1", "Pay", "Pay for the clerk is reviewed each year."),
  entry("so", "Standing Orders", "3", "Meetings", "Meetings of the council."),
  entry("so", "Standing Orders", "3(c)", "Meetings", "The period for public speaking is fifteen minutes."),
  entry("old", "Old Pay Policy", "1.1", "Pay", "Pay for the clerk is reviewed each year.", "superseded"),
];
const withStatus = (index) => ({ ...index, status: [[4, 4, "superseded"]], synonyms: builtIn });
const index = withStatus(wholeIndex(entries));

test("a synonym finds the formal word, below the word itself", () => {
  const found = search(index, "clerk pay ").results.map((r) => r.entry.slug);
  assert.deepEqual(found.slice(0, 1), ["pay"], "the exact words first");
  assert.ok(found.includes("fin"), "remuneration and Proper Officer found by pay and clerk");
  assert.deepEqual(search(index, "remuneration proper officer").results[0].entry.slug, "fin");
  assert.equal(search({ ...index, synonyms: [] }, "salary").total, 0, "no vocabulary, no expansion");
  assert.ok(search(index, "salary").results.some((r) => r.entry.slug === "fin"), "salary finds remuneration");
});

test("a protocol that is not adopted ranks after the adopted one that matches alike", () => {
  const found = search(index, "clerk pay ").results.map((r) => r.entry.slug);
  assert.ok(found.indexOf("old") > found.indexOf("pay"));
});

test("SO 3C and 3c put the clause first, on the whole and the split index", async () => {
  for (const q of ["SO 3C", "3c", "standing order 3(C)"]) {
    assert.equal(search(index, q).results[0].entry.clause, "3(c)", q);
    const { point, fetchJSON } = splitIndex(index, 4, 2);
    const sharded = new ShardedIndex({ ...point, synonyms: builtIn, status: index.status }, fetchJSON);
    await sharded.prepare(q);
    assert.equal(search(sharded, q).results[0].entry.clause, "3(c)", q);
  }
});

test("the split index fetches the shards of a query's synonyms and ranks as the whole does", async () => {
  const { point, fetchJSON } = splitIndex(index, 4, 2);
  const sharded = new ShardedIndex({ ...point, synonyms: builtIn, status: index.status }, fetchJSON);
  await sharded.prepare("salary clerk");
  const slugs = (found) => found.results.map((r) => r.entry.slug);
  assert.deepEqual(slugs(search(sharded, "salary clerk")), slugs(search(index, "salary clerk")));
});
