// Looking up and ranking a query in the prebuilt index (docs/search-index.md).
// Pure functions over plain data: search.js does the page, node tests this.
import { words, stem, fold, isStopWord, isSubClause, clauseTerm, SUB_CLAUSE } from "./search-text.js";

/**
 * A query: its terms (stemmed words; the last one also a prefix unless the
 * query ends in a space), quoted phrases, and clause numbers ("4.8", "§4.8",
 * and sub-clause numbers, "1(k)", "10(2)(a)": a bracket makes them clauses
 * without a dot or §).
 */
export function parseQuery(raw) {
  const phrases = [];
  const rest = raw.replace(/"([^"]+)"/g, (_, phrase) => { phrases.push(fold(phrase).trim()); return " " + phrase + " "; });
  const all = words(rest);
  const clauses = all.filter((w) => isSubClause(w) || (/^\d+(\.\d+)*$/.test(w) && (w.includes(".") || /§/.test(raw))));
  const meaningful = all.filter((w) => !isStopWord(w) || all.length === 1);
  const lastIsPrefix = meaningful.length > 0 && !/[\s"]$/.test(raw) && !/^\d/.test(meaningful[meaningful.length - 1]);
  const terms = meaningful.map((w, i) => ({ word: w, stem: stem(w), prefix: lastIsPrefix && i === meaningful.length - 1 }));
  return { terms, phrases: phrases.filter(Boolean), clauses };
}

/**
 * Whether a query term that matches nothing may be a typo: a word of five
 * letters or more. Not a sub-clause number: 10(2)(a)(x) is not a slip for
 * 10(2)(a)(ix), and a clause that does not exist should find none.
 */
export function forgivesTypo(term) {
  return term.word.length >= 5 && !isSubClause(term.word);
}

/** Damerau–Levenshtein distance, stopping early above 1. */
export function withinOneEdit(a, b) {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1); // one insertion or deletion
}

/**
 * The sorted vocabulary: the whole of it for a one-file index (or once a
 * split index has fetched it), else the terms of the shards loaded so far.
 */
export function vocabulary(index) {
  if (!index._vocabulary) index._vocabulary = Object.keys(index.terms).sort();
  return index._vocabulary;
}

/** Index terms a query term stands for: itself, words it begins, or near misses. */
export function expand(index, term) {
  const vocab = vocabulary(index);
  const found = new Set();
  if (index.terms[term.stem]) found.add(term.stem);
  if (term.prefix) {
    const start = lowerBound(vocab, term.word);
    for (let i = start; i < vocab.length && vocab[i].startsWith(term.word); i++) found.add(vocab[i]);
    const stemStart = lowerBound(vocab, term.stem);
    for (let i = stemStart; i < vocab.length && vocab[i].startsWith(term.stem); i++) found.add(vocab[i]);
  }
  // One typo forgiven in words of five letters or more that match nothing.
  if (found.size === 0 && forgivesTypo(term)) {
    for (const candidate of vocab) {
      if (withinOneEdit(candidate, term.stem) || withinOneEdit(candidate, term.word)) found.add(candidate);
    }
  }
  return [...found];
}

function lowerBound(sorted, value) {
  let low = 0, high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1; else high = mid;
  }
  return low;
}

/** How many holders of a clause number may be that clause's own entry. */
const CLAUSE_CANDIDATES = 50;

/**
 * Entries that may be the clause a query names: for each number, its best
 * scored holders (the clause's own entry has it with heading weight, others
 * only cite it). A split index loads these entries before it ranks; the
 * whole and split forms look at the same ones, so they rank alike.
 */
export function clauseCandidates(index, query) {
  const found = [];
  for (const clause of query.clauses) {
    const postings = index.terms[clause] || [];
    const pairs = [];
    for (let i = 0; i < postings.length; i += 2) pairs.push([postings[i], postings[i + 1]]);
    pairs.sort((a, b) => (b[1] - a[1]) || (a[0] - b[0]));
    for (const [entry] of pairs.slice(0, CLAUSE_CANDIDATES)) found.push(entry);
  }
  return found;
}

/**
 * Entries scored for a parsed query, best first: [{index, score, matched,
 * clause}]. Needs only the terms (and the entries of clauseCandidates), so a
 * split index can rank before it fetches the results. The clause the query
 * names by number comes first, then entries that cite that number; then
 * entries matching more of the query's terms; then by BM25F score.
 */
export function rank(index, query) {
  const scores = new Map();
  const matched = new Map();
  for (const term of query.terms) {
    const best = new Map();
    for (const key of expand(index, term)) {
      const postings = index.terms[key];
      if (!postings) continue; // a split index's shard not loaded: not this query's
      // An exact term outweighs a prefix or a near miss.
      const weight = key === term.stem ? 1 : 0.6;
      for (let i = 0; i < postings.length; i += 2) {
        best.set(postings[i], Math.max(best.get(postings[i]) || 0, postings[i + 1] * weight));
      }
    }
    for (const [entry, score] of best) {
      scores.set(entry, (scores.get(entry) || 0) + score);
      matched.set(entry, (matched.get(entry) || 0) + 1);
    }
  }
  // A clause number is also a term of its own clause's entry and of those citing it.
  const clauseHits = new Map();
  for (const clause of query.clauses) {
    const postings = index.terms[clause] || [];
    for (let i = 0; i < postings.length; i += 2) {
      clauseHits.set(postings[i], 1);
      if (!scores.has(postings[i])) { scores.set(postings[i], 0); matched.set(postings[i], 0); }
    }
  }
  for (const i of clauseCandidates(index, query)) {
    const entry = index.entries[i];
    if (entry && entry.clause && query.clauses.includes(clauseTerm(entry.clause))) clauseHits.set(i, 2);
  }
  const results = [...scores.keys()].map((i) => ({ index: i, score: scores.get(i), matched: matched.get(i), clause: clauseHits.get(i) || 0 }));
  results.sort((a, b) => (b.clause - a.clause) || (b.matched - a.matched) || (b.score - a.score) || (a.index - b.index));
  return results;
}

/**
 * Ranked results with their entries: {query, results: [{entry, …}], total}.
 * Quoted phrases keep only entries whose heading or text holds them (the
 * entries of the candidates must be loaded for that).
 */
export function search(index, raw, limit = 50) {
  const query = parseQuery(raw);
  let results = rank(index, query).map((r) => ({ ...r, entry: index.entries[r.index] }));
  if (query.phrases.length) {
    results = results.filter((r) => {
      if (!r.entry) return false;
      const haystack = fold(r.entry.heading + " " + r.entry.text).replace(/\s+/g, " ");
      return query.phrases.every((p) => haystack.includes(p.replace(/\s+/g, " ")));
    });
  }
  return { query, results: results.slice(0, limit).filter((r) => r.entry), total: results.length };
}

// Words as written (4.8 and councillor's whole), with sub-clause numbers
// (1(K)) one token as the index has them; case-blind because the text is not
// folded here.
const SNIPPET_TOKEN = new RegExp(`${SUB_CLAUSE}|[\\p{L}\\p{N}]+(?:[.'’][\\p{L}\\p{N}]+)*`, "giu");

/**
 * A snippet of the entry's text around the first matched word, as pieces
 * [{text, mark}] for the page to turn into text nodes and <mark> elements.
 */
export function snippet(text, query, length = 220) {
  const tokens = [...text.matchAll(SNIPPET_TOKEN)];
  const wanted = query.terms.map((t) => t);
  const isMatch = (token) => {
    const w = fold(token);
    const s = stem(w);
    return wanted.some((t) => s === t.stem || w === t.word || (t.prefix && (w.startsWith(t.word) || s.startsWith(t.stem))))
      || query.clauses.includes(w);
  };
  const first = tokens.find((m) => isMatch(m[0]));
  let start = first ? Math.max(0, first.index - 60) : 0;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < (first ? first.index : start + 20) ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + 40) end = space;
  }
  const pieces = [];
  let cursor = start;
  for (const m of tokens) {
    if (m.index < start || m.index + m[0].length > end) continue;
    if (!isMatch(m[0])) continue;
    if (m.index > cursor) pieces.push({ text: text.slice(cursor, m.index), mark: false });
    pieces.push({ text: m[0], mark: true });
    cursor = m.index + m[0].length;
  }
  if (cursor < end) pieces.push({ text: text.slice(cursor, end), mark: false });
  if (start > 0) pieces.unshift({ text: "… ", mark: false });
  if (end < text.length) pieces.push({ text: " …", mark: false });
  return pieces;
}
