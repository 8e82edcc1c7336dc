// Indexes built the way SearchIndexBuilder builds them, for the node tests
// (not a test file itself): plain weighted counts stand in for BM25F scores,
// which is enough to test ranking tiers and routing.
import { terms, clauseTerm } from "../../templates/assets/search-text.js";

/** The whole index: title words count 3, heading words and the clause number 2, text words 1. */
export function wholeIndex(entries) {
  const index = { version: 3, entries, terms: {} };
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

/** Postings as format 3 writes them: each entry number but the first as the difference from the one before. */
export function encodePostings(list) {
  return list.map((n, i) => (i % 2 === 0 && i > 0 ? n - list[i - 2] : n));
}

/** Entries as format 3 writes them: {protocols, entries}, each entry naming its protocol by number. */
export function encodeEntries(entries) {
  const protocols = [];
  const numbers = new Map();
  const rows = entries.map((e) => {
    const row = e.status ? [e.slug, e.title, e.status] : [e.slug, e.title];
    const key = JSON.stringify(row);
    if (!numbers.has(key)) { numbers.set(key, protocols.length); protocols.push(row); }
    const fields = [numbers.get(key), e.clause, e.anchor, e.heading, e.text];
    if (e.url !== `${e.slug}/${e.anchor ? "#" + e.anchor : ""}`) fields.push(e.url);
    return fields;
  });
  return { protocols, entries: rows };
}

/** The whole index as search-index.json holds it (format 3). */
export function encodeWhole(index) {
  const { entries, terms, ...rest } = index;
  return {
    ...rest, version: 3, ...encodeEntries(entries),
    terms: Object.fromEntries(Object.entries(terms).map(([t, list]) => [t, encodePostings(list)])),
  };
}

/**
 * The same index split as SearchIndexBuilder splits it (sorted term shards,
 * entry chunks, encoded as format 3), served by a fetchJSON that records
 * what was fetched and returns what the real one returns once it has
 * gunzipped a file.
 */
export function splitIndex(index, termsPerShard = 6, chunkSize = 8) {
  const files = new Map();
  const sorted = Object.keys(index.terms).sort();
  const termShards = [];
  for (let i = 0; i < sorted.length; i += termsPerShard) {
    const file = `search/terms-${termShards.length}.json.gz`;
    files.set(file, Object.fromEntries(sorted.slice(i, i + termsPerShard).map((t) => [t, encodePostings(index.terms[t])])));
    termShards.push({ file, first: sorted[i] });
  }
  const entries = index.entries;
  for (let i = 0; i < entries.length; i += chunkSize) files.set(`search/entries-${i / chunkSize}.json.gz`, encodeEntries(entries.slice(i, i + chunkSize)));
  files.set(VOCABULARY, sorted);
  const point = { version: 3, entryCount: entries.length, chunkSize, entryChunk: "search/entries-{n}.json.gz", vocabulary: VOCABULARY, termShards };
  const fetched = [];
  const fetchJSON = async (path) => { fetched.push(path); return structuredClone(files.get(path)); };
  return { point, fetchJSON, fetched, shardCount: termShards.length };
}

/** The split index's vocabulary file. */
export const VOCABULARY = "search/vocabulary.json.gz";
