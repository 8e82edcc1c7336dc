// A split index gives the same results as the whole one, fetching only the
// shards a query needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { search } from "../../Sources/ProtositeTheme/files/assets/search-core.js";
import { ShardedIndex } from "../../Sources/ProtositeTheme/files/assets/search-shards.js";
import { terms } from "../../Sources/ProtositeTheme/files/assets/search-text.js";

const words = "clerk council complaint bully respect officer meeting minutes budget grant tree footpath allotment cemetery hall".split(" ");
const entries = Array.from({ length: 60 }, (_, i) => ({
  slug: `p${i % 6}`, title: `Protocol ${i % 6}`, clause: `${1 + (i % 6)}.${1 + Math.floor(i / 6)}`, anchor: `clause-x`, url: `p${i % 6}/#clause-x`,
  heading: words[i % words.length], text: `${words[(i * 7) % words.length]} ${words[(i * 11) % words.length]} and ${words[(i * 13) % words.length]} matters`,
}));

function whole() {
  const index = { version: 1, entries, terms: {} };
  entries.forEach((entry, i) => {
    const counts = {};
    for (const t of terms(entry.title)) counts[t] = (counts[t] || 0) + 3;
    for (const t of terms(entry.heading)) counts[t] = (counts[t] || 0) + 2;
    counts[entry.clause] = (counts[entry.clause] || 0) + 2;
    for (const t of terms(entry.text)) counts[t] = (counts[t] || 0) + 1;
    for (const [t, c] of Object.entries(counts)) (index.terms[t] ||= []).push(i, c * 100);
  });
  return index;
}

/** The same index split as SearchIndexBuilder splits it: sorted term shards, entry chunks. */
function split(index, termsPerShard = 6, chunkSize = 8) {
  const files = new Map();
  const sorted = Object.keys(index.terms).sort();
  const termShards = [];
  for (let i = 0; i < sorted.length; i += termsPerShard) {
    const file = `search/terms-${termShards.length}.json`;
    files.set(file, Object.fromEntries(sorted.slice(i, i + termsPerShard).map((t) => [t, index.terms[t]])));
    termShards.push({ file, first: sorted[i] });
  }
  for (let i = 0; i < entries.length; i += chunkSize) files.set(`search/entries-${i / chunkSize}.json`, entries.slice(i, i + chunkSize));
  files.set("search/vocabulary.json", sorted);
  const point = { version: 1, entryCount: entries.length, chunkSize, entryChunk: "search/entries-{n}.json", vocabulary: "search/vocabulary.json", termShards };
  const fetched = [];
  const fetchJSON = async (path) => { fetched.push(path); return structuredClone(files.get(path)); };
  return { point, fetchJSON, fetched, shardCount: termShards.length };
}

const summary = (found) => found.results.map((r) => `${r.entry.slug} ${r.entry.clause}`);

for (const query of ["clerk complaint", "bully", "meet", "cemetry", "3.4", "council \"tree and\"", "budget grant hall"]) {
  test(`split and whole agree: ${query}`, async () => {
    const full = whole();
    const { point, fetchJSON, fetched, shardCount } = split(full);
    const sharded = new ShardedIndex(point, fetchJSON);
    await sharded.prepare(query);
    assert.deepEqual(summary(search(sharded, query)), summary(search(full, query)));
    const termFiles = fetched.filter((f) => f.includes("terms-")).length;
    assert.ok(termFiles < shardCount, `${termFiles} of ${shardCount} shards fetched`);
    assert.equal(fetched.includes("search/vocabulary.json"), query === "cemetry", "vocabulary only for a typo");
  });
}
