// Ranking and snippets over a small index shaped like search-index.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { search, snippet, parseQuery, withinOneEdit } from "../../templates/assets/search-core.js";
import { wholeIndex } from "./index-fixture.js";

const index = wholeIndex([
  { slug: "code", title: "Code of Conduct", clause: "4.8", anchor: "clause-4.8", url: "code/#clause-4.8", heading: "Respect", text: "A councillor must not bully the clerk or any officer." },
  { slug: "code", title: "Code of Conduct", clause: "4.9", anchor: "clause-4.9", url: "code/#clause-4.9", heading: "Respect", text: "Complaints about councillors go to the monitoring officer." },
  { slug: "complaints", title: "Complaints Procedure", clause: null, anchor: "making-a-complaint", url: "complaints/#making-a-complaint", heading: "Making a complaint", text: "Write to the clerk. If your complaint is about the clerk, write to the chair." },
  { slug: "press", title: "Press Protocol", clause: "2.1", anchor: "clause-2.1", url: "press/#clause-2.1", heading: "Press releases", text: "The clerk issues press releases <img src=x onerror=alert(1)> on behalf of the council." },
]);

test("all words together rank above any one", () => {
  const found = search(index, "complain about the clerk");
  assert.equal(found.results[0].entry.anchor, "making-a-complaint");
});

test("English word forms and the last word as a prefix", () => {
  assert.equal(search(index, "councillors bullying").results[0].entry.anchor, "clause-4.8");
  assert.equal(search(index, "monitor").results[0].entry.anchor, "clause-4.9");
});

test("one typo is forgiven in longer words, transpositions included", () => {
  assert.ok(withinOneEdit("complaint", "compliant"));
  assert.ok(withinOneEdit("clerk", "clekr"));
  assert.ok(!withinOneEdit("clerk", "cleric"));
  assert.equal(search(index, "monitroing ").results[0]?.entry.anchor, "clause-4.9");
  assert.equal(search(index, "relaeses ").results[0]?.entry.anchor, "clause-2.1");
});

test("clause numbers come first", () => {
  for (const q of ["4.9", "§4.9", "code of conduct 4.9"]) {
    assert.equal(search(index, q).results[0].entry.anchor, "clause-4.9", q);
  }
});

test("quoted phrases inside longer queries", () => {
  const found = search(index, 'clerk "press releases"');
  assert.deepEqual(found.results.map((r) => r.entry.anchor), ["clause-2.1"]);
});

test("no results is an empty list, not an error", () => {
  assert.equal(search(index, "zzzzqqq").total, 0);
  assert.deepEqual(parseQuery("").terms, []);
});

test("snippets mark the matched words and keep markup as text", () => {
  const found = search(index, "press releases");
  const pieces = snippet(found.results[0].entry.text, found.query);
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ["press", "releases"]);
  assert.ok(pieces.map((p) => p.text).join("").includes("<img src=x onerror=alert(1)>"));
});
