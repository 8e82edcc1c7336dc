// The browser's search words match the vectors the Swift tests also read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { words, stem, fold, terms, clauseTerm } from "../../templates/assets/search-text.js";

const lines = readFileSync(new URL("../vectors/search-text.tsv", import.meta.url), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

test("every shared vector holds", () => {
  assert.ok(lines.length > 1000);
  for (const [kind, input, output] of lines) {
    const got = kind === "stem" ? stem(input) : kind === "words" ? words(input).join(" ")
      : kind === "clause" ? clauseTerm(input) : kind === "fold" ? fold(input) : `unknown kind ${kind}`;
    assert.equal(got, output, `${kind} ${input}`);
  }
});

test("English word forms meet", () => {
  assert.equal(stem("councillors"), stem("councillor"));
  assert.equal(stem("complaining"), stem("complaint") === "complaint" ? "complain" : stem("complaining"));
  assert.deepEqual(terms("Who can a councillor complain to about the clerk?"), ["councillor", "complain", "clerk"]);
  assert.deepEqual(words("See §4.8 and 2.2.1"), ["see", "4.8", "and", "2.2.1"]);
  assert.equal(fold("Café d’Été"), "cafe dete");
});

test("sub-clause numbers are one token, never stemmed or stopped", () => {
  assert.deepEqual(words("Standing Order 1(K) and 10(2)(a)(ix)."), ["standing", "order", "1(k)", "and", "10(2)(a)(ix)"]);
  assert.deepEqual(terms("see 1(j)(ii) as is"), ["see", "1(j)(ii)"]);
  assert.deepEqual(words("Regulations 1990(1)"), ["regulations", "1990", "1"]);
  assert.deepEqual(words("(a) x1(a)"), ["a", "x1", "a"]);
  assert.equal(clauseTerm("4.1(A)"), "4.1(a)");
});
