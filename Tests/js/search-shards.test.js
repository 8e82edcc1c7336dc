// A split index gives the same results as the whole one, fetching only the
// shards a query needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { search } from "../../templates/assets/search-core.js";
import { ShardedIndex } from "../../templates/assets/search-shards.js";
import { wholeIndex, splitIndex, VOCABULARY } from "./index-fixture.js";

const words = "clerk council complaint bully respect officer meeting minutes budget grant tree footpath allotment cemetery hall".split(" ");
const entries = Array.from({ length: 60 }, (_, i) => ({
  slug: `p${i % 6}`, title: `Protocol ${i % 6}`, clause: `${1 + (i % 6)}.${1 + Math.floor(i / 6)}`, anchor: `clause-x`, url: `p${i % 6}/#clause-x`,
  heading: words[i % words.length], text: `${words[(i * 7) % words.length]} ${words[(i * 11) % words.length]} and ${words[(i * 13) % words.length]} matters`,
}));

const summary = (found) => found.results.map((r) => `${r.entry.slug} ${r.entry.clause}`);

for (const query of ["clerk complaint", "bully", "meet", "cemetry", "3.4", "council \"tree and\"", "budget grant hall"]) {
  test(`split and whole agree: ${query}`, async () => {
    const full = wholeIndex(entries);
    const { point, fetchJSON, fetched, shardCount } = splitIndex(full);
    const sharded = new ShardedIndex(point, fetchJSON);
    await sharded.prepare(query);
    assert.deepEqual(summary(search(sharded, query)), summary(search(full, query)));
    const termFiles = fetched.filter((f) => f.includes("terms-")).length;
    assert.ok(termFiles < shardCount, `${termFiles} of ${shardCount} shards fetched`);
    assert.equal(fetched.includes(VOCABULARY), query === "cemetry", "vocabulary only for a typo");
  });
}
