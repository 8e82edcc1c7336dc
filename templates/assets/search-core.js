// Looking up and ranking a query in the prebuilt index (docs/search-index.md).
// Pure functions over plain data: search.js does the page, node tests this.
import { words, stem, fold, isStopWord, isSubClause, clauseTerm, SUB_CLAUSE } from "./search-text.js";
import { boundQuery, splitPhrases, clauseForms, queryClauses, MAX_QUERY_LENGTH, MAX_TERMS } from "./search-query.js";
import { applySynonyms, synonymTable } from "./search-synonyms.js";

export { MAX_QUERY_LENGTH, MAX_TERMS };

/**
 * A query: its terms (stemmed words; the last one also a prefix unless the
 * query ends in a space; runs of words in a synonym group made one unit
 * with the group's other members), quoted phrases, and clause numbers
 * ("4.8", "§4.8", and sub-clause numbers in any written form: "1(k)",
 * "1k", "SO 3C", "10(2)(a)"). Only the first MAX_QUERY_LENGTH characters
 * and MAX_TERMS words are read.
 */
export function parseQuery(raw, synonyms = []) {
  const bounded = boundQuery(raw);
  const { rest, phrases } = splitPhrases(bounded);
  const all = words(clauseForms(rest));
  const clauses = queryClauses(bounded);
  const meaningful = all.filter((w) => !isStopWord(w) || all.length === 1).slice(0, MAX_TERMS);
  const lastIsPrefix = meaningful.length > 0 && bounded === raw && !/[\s"]$/.test(raw) && !/^\d/.test(meaningful[meaningful.length - 1]);
  const terms = meaningful.map((w, i) => ({ word: w, stem: stem(w), prefix: lastIsPrefix && i === meaningful.length - 1 }));
  return { terms: applySynonyms(terms, synonymTable(synonyms)), phrases, clauses };
}

/** A term's postings, only if the index has that term as its own: "constructor" is no term. */
export function postingsOf(index, key) {
  return Object.hasOwn(index.terms, key) ? index.terms[key] : undefined;
}

/** Words longer than this are never taken for typos or prefixes of anything. */
const LONGEST_WORD = 40;
/** At most this many words of a query are looked for as typos. */
export const MAX_TYPO_TERMS = 3;

/**
 * Whether a query term that matches nothing may be a typo: a word of five
 * letters or more. Not a sub-clause number: 10(2)(a)(x) is not a slip for
 * 10(2)(a)(ix), and a clause that does not exist should find none.
 */
export function forgivesTypo(term) {
  return term.own.length === 1 && term.word.length >= 5 && term.word.length <= LONGEST_WORD && !isSubClause(term.word);
}

/** The query's terms that may be typos: the first MAX_TYPO_TERMS that forgivesTypo allows. */
export function typoTerms(query) {
  return query.terms.filter(forgivesTypo).slice(0, MAX_TYPO_TERMS);
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
  if (!index._vocabulary) index._vocabulary = Object.keys(index.terms).filter((k) => Object.hasOwn(index.terms, k)).sort();
  return index._vocabulary;
}

/** Index terms a query term stands for: itself, words it begins, or near misses. */
export function expand(index, term, mayBeTypo = forgivesTypo(term)) {
  const vocab = vocabulary(index);
  const found = new Set();
  if (postingsOf(index, term.stem)) found.add(term.stem);
  if (term.prefix && term.word.length <= LONGEST_WORD) {
    const start = lowerBound(vocab, term.word);
    for (let i = start; i < vocab.length && vocab[i].startsWith(term.word); i++) found.add(vocab[i]);
    const stemStart = lowerBound(vocab, term.stem);
    for (let i = stemStart; i < vocab.length && vocab[i].startsWith(term.stem); i++) found.add(vocab[i]);
  }
  // One typo forgiven in words of five letters or more that match nothing.
  if (found.size === 0 && mayBeTypo) {
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
    const postings = postingsOf(index, clause) || [];
    const pairs = [];
    for (let i = 0; i < postings.length; i += 2) pairs.push([postings[i], postings[i + 1]]);
    pairs.sort((a, b) => (b[1] - a[1]) || (a[0] - b[0]));
    for (const [entry] of pairs.slice(0, CLAUSE_CANDIDATES)) found.push(entry);
  }
  return found;
}

/** A synonym's match counts this much of a word: below an exact match, above none. */
export const SYNONYM_MATCH = 0.9;
/** …and its score is weighed by this. */
export const SYNONYM_WEIGHT = 0.5;

/**
 * Per entry, the score and share of a run of stems that all must occur:
 * {entry: [sum, count]}.
 */
function together(index, stems) {
  const per = new Map();
  for (const key of stems) {
    const postings = postingsOf(index, key);
    if (!postings) continue;
    for (let i = 0; i < postings.length; i += 2) {
      const [sum, count] = per.get(postings[i]) || [0, 0];
      per.set(postings[i], [sum + postings[i + 1], count + 1]);
    }
  }
  return per;
}

/**
 * For one query term, each entry's best score and how much of the term it
 * matches (1 for the word itself, a prefix or a near miss; SYNONYM_MATCH for
 * a synonym; a share for part of a phrase).
 */
function termMatches(index, term, mayBeTypo) {
  const best = new Map();
  const offer = (entry, score, matched) => {
    const [s, m] = best.get(entry) || [0, 0];
    best.set(entry, [Math.max(s, score), Math.max(m, matched)]);
  };
  if (term.own.length > 1) {
    for (const [entry, [sum, count]] of together(index, term.own)) {
      const whole = count === term.own.length;
      offer(entry, whole ? sum : sum * 0.5, whole ? 1 : count / (term.own.length + 1));
    }
  } else {
    for (const key of expand(index, term, mayBeTypo)) {
      const postings = postingsOf(index, key);
      if (!postings) continue; // a split index's shard not loaded: not this query's
      // An exact term outweighs a prefix or a near miss.
      const weight = key === term.stem ? 1 : 0.6;
      for (let i = 0; i < postings.length; i += 2) offer(postings[i], postings[i + 1] * weight, 1);
    }
  }
  for (const synonym of term.synonyms) {
    for (const [entry, [sum, count]] of together(index, synonym)) {
      if (count === synonym.length) offer(entry, (sum / synonym.length) * SYNONYM_WEIGHT, SYNONYM_MATCH);
    }
  }
  return best;
}

/**
 * Whether an entry belongs to a protocol that is not adopted (draft,
 * superseded, withdrawn): the index's `status` lists [first, last, status]
 * runs of entries, so a split index knows before it loads them.
 */
export function statusOf(index, i) {
  for (const [first, last, status] of index.status || index.point?.status || []) if (i >= first && i <= last) return status;
  return "adopted";
}

/**
 * Entries scored for a parsed query, best first: [{index, score, matched,
 * clause}]. Needs only the terms (and the entries of clauseCandidates), so a
 * split index can rank before it fetches the results. The clause the query
 * names by number comes first, then entries that cite that number; then
 * entries matching more of the query's terms (a synonym a little less than
 * the word itself); then adopted protocols before drafts, superseded and
 * withdrawn ones; then by BM25F score.
 */
export function rank(index, query) {
  const scores = new Map();
  const matched = new Map();
  const typos = new Set(typoTerms(query));
  for (const term of query.terms) {
    for (const [entry, [score, share]] of termMatches(index, term, typos.has(term))) {
      scores.set(entry, (scores.get(entry) || 0) + score);
      matched.set(entry, (matched.get(entry) || 0) + share);
    }
  }
  // A clause number is also a term of its own clause's entry and of those citing it.
  const clauseHits = new Map();
  for (const clause of query.clauses) {
    const postings = postingsOf(index, clause) || [];
    for (let i = 0; i < postings.length; i += 2) {
      clauseHits.set(postings[i], 1);
      if (!scores.has(postings[i])) { scores.set(postings[i], 0); matched.set(postings[i], 0); }
    }
  }
  for (const i of clauseCandidates(index, query)) {
    const entry = index.entries[i];
    if (entry && entry.clause && query.clauses.includes(clauseTerm(entry.clause))) clauseHits.set(i, 2);
  }
  const results = [...scores.keys()].map((i) => ({
    index: i, score: scores.get(i), matched: Math.round(matched.get(i) * 1000) / 1000, clause: clauseHits.get(i) || 0,
    adopted: statusOf(index, i) === "adopted" ? 1 : 0,
  }));
  results.sort((a, b) => (b.clause - a.clause) || (b.matched - a.matched) || (b.adopted - a.adopted) || (b.score - a.score) || (a.index - b.index));
  return results;
}

/** The synonym groups an index carries (a split index: in its entry point). */
export function synonymsOf(index) {
  return index.synonyms || index.point?.synonyms || [];
}

/**
 * Ranked results with their entries: {query, results: [{entry, …}], total}.
 * Quoted phrases keep only entries whose heading or text holds them (the
 * entries of the candidates must be loaded for that).
 */
export function search(index, raw, limit = 50) {
  const query = parseQuery(raw, synonymsOf(index));
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
  // Every stem a term or its synonyms stand for, each word of a phrase alike.
  const stems = new Set(query.terms.flatMap((t) => [...t.own, ...t.synonyms.flat()]));
  const isMatch = (token) => {
    const w = fold(token);
    const s = stem(w);
    return stems.has(s) || query.terms.some((t) => w === t.word || (t.prefix && (w.startsWith(t.word) || s.startsWith(t.stem))))
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
