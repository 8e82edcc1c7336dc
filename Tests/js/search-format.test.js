// Format 3's files as the client reads them (docs/search-index.md): delta
// postings, entries naming their protocol by number, gzipped split files,
// all read through the real loader over fetch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { search } from "../../templates/assets/search-core.js";
import { decodePostings, decodeEntries, parseIndexFile } from "../../templates/assets/search-format.js";
import { indexLoader } from "../../templates/assets/search-load.js";
import { wholeIndex, splitIndex, encodeWhole } from "./index-fixture.js";

test("postings: each entry number but the first is the difference from the one before", () => {
  assert.deepEqual(decodePostings([3, 120, 4, 95, 1, 300]), [3, 120, 7, 95, 8, 300]);
  assert.deepEqual(decodePostings([]), []);
});

test("entries: the protocol by number, the URL derived unless the entry has its own", () => {
  const decoded = decodeEntries({
    protocols: [["code", "Code of Conduct"], ["old", "Old Rules", "superseded"]],
    entries: [[0, "4.8", "clause-4.8", "Respect", "4.8 A councillor …"], [0, null, "", "Code of Conduct", "Preamble"],
      [1, "1", "clause-1", "Scope", "Text", "old/elsewhere.html#clause-1"]],
  });
  assert.deepEqual(decoded, [
    { slug: "code", title: "Code of Conduct", clause: "4.8", anchor: "clause-4.8", url: "code/#clause-4.8", heading: "Respect", text: "4.8 A councillor …" },
    { slug: "code", title: "Code of Conduct", clause: null, anchor: "", url: "code/", heading: "Code of Conduct", text: "Preamble" },
    { slug: "old", title: "Old Rules", clause: "1", anchor: "clause-1", url: "old/elsewhere.html#clause-1", heading: "Scope", text: "Text", status: "superseded" },
  ]);
});

test("a file's bytes: gzip unpacked, plain JSON (a server that unpacked it already) read as it is", async () => {
  const value = { "clerk": [0, 223, 7, 195], "é": "text with “quotes” and \u2028" };
  const json = Buffer.from(JSON.stringify(value));
  assert.deepEqual(await parseIndexFile(gzipSync(json)), value);
  assert.deepEqual(await parseIndexFile(json), value);
});

const entries = Array.from({ length: 40 }, (_, i) => ({
  slug: `p${i % 4}`, title: `Protocol ${i % 4}`, clause: `${1 + (i % 4)}.${1 + Math.floor(i / 4)}`,
  anchor: `clause-${1 + (i % 4)}.${1 + Math.floor(i / 4)}`, url: `p${i % 4}/#clause-${1 + (i % 4)}.${1 + Math.floor(i / 4)}`,
  heading: ["Meetings", "Complaints", "Finance"][i % 3], text: `The clerk ${["minutes", "budget", "complaint", "tree"][i % 4]} item ${i}`,
  ...(i % 4 === 3 ? { status: "draft" } : {}),
}));

/** A fetch over files: gzipped where the split index names .gz, counting bytes. */
function serve(files) {
  return async (url) => {
    const path = new URL(url).pathname.replace(/^\/site\//, "");
    if (!files.has(path)) return new Response("", { status: 404 });
    const body = Buffer.from(JSON.stringify(files.get(path)));
    return new Response(path.endsWith(".gz") ? gzipSync(body) : body);
  };
}

const summary = (found) => found.results.map((r) => `${r.entry.url} ${r.entry.status || ""} ${r.score}`);

for (const query of ["clerk budget", "complaint", "2.3", "minute", "\"clerk tree\""]) {
  test(`over fetch, the whole and split files give the index's results: ${query}`, async () => {
    const index = wholeIndex(entries);
    const expected = summary(search(index, query));
    assert.ok(expected.length > 0);
    const whole = new Map([["search-index.json", encodeWhole(structuredClone(index))]]);
    globalThis.fetch = serve(whole);
    assert.deepEqual(summary(search(await indexLoader("http://localhost/site/")(query), query)), expected);
    const { point, fetchJSON } = splitIndex(structuredClone(index), 3, 7);
    const split = new Map([["search-index.json", point]]);
    for (const file of [...point.termShards.map((s) => s.file), point.vocabulary, ...Array.from({ length: 6 }, (_, n) => `search/entries-${n}.json.gz`)]) {
      split.set(file, await fetchJSON(file));
    }
    globalThis.fetch = serve(split);
    assert.deepEqual(summary(search(await indexLoader("http://localhost/site/")(query), query)), expected);
  });
}

test("an index of another format version is refused", async () => {
  globalThis.fetch = serve(new Map([["search-index.json", { version: 2, entries: [], terms: {} }]]));
  await assert.rejects(indexLoader("http://localhost/site/")("clerk"), /version 2/);
});
