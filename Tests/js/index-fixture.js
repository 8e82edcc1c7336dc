// Indexes built the way SearchIndexBuilder builds them, for the node tests
// (not a test file itself): plain weighted counts stand in for BM25F scores,
// which is enough to test ranking tiers and routing.
import { terms, clauseTerm } from "../../templates/assets/search-text.js";

/** The whole index: title words count 3, heading words and the clause number 2, text words 1. */
export function wholeIndex(entries) {
  const index = { version: 2, entries, terms: {} };
  entries.forEach((entry, i) => {
    const counts = {};
    const add = (t, weight) => { counts[t] = (counts[t] || 0) + weight; };
    // As the builder: a bare heading does not match on its protocol's title.
    if (entry.text) for (const t of terms(entry.title)) add(t, 3);
    for (const t of terms(entry.heading)) add(t, 2);
    if (entry.clause) add(clauseTerm(entry.clause), 2);
    for (const t of terms(entry.text)) add(t, 1);
    for (const [t, c] of Object.entries(counts)) (index.terms[t] ||= []).push(i, c * 100);
  });
  return index;
}

/**
 * The same index split as SearchIndexBuilder splits it (sorted term shards,
 * entry chunks), served by a fetchJSON that records what was fetched.
 */
export function splitIndex(index, termsPerShard = 6, chunkSize = 8) {
  const files = new Map();
  const sorted = Object.keys(index.terms).sort();
  const termShards = [];
  for (let i = 0; i < sorted.length; i += termsPerShard) {
    const file = `search/terms-${termShards.length}.json`;
    files.set(file, Object.fromEntries(sorted.slice(i, i + termsPerShard).map((t) => [t, index.terms[t]])));
    termShards.push({ file, first: sorted[i] });
  }
  const entries = index.entries;
  for (let i = 0; i < entries.length; i += chunkSize) files.set(`search/entries-${i / chunkSize}.json`, entries.slice(i, i + chunkSize));
  files.set("search/vocabulary.json", sorted);
  const point = { version: 2, entryCount: entries.length, chunkSize, entryChunk: "search/entries-{n}.json", vocabulary: "search/vocabulary.json", termShards };
  const fetched = [];
  const fetchJSON = async (path) => { fetched.push(path); return structuredClone(files.get(path)); };
  return { point, fetchJSON, fetched, shardCount: termShards.length };
}
