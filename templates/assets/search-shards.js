// A split index (docs/search-index.md): fetch only the term shards a query's
// words fall in, the vocabulary only when a typo must be forgiven, and the
// entry chunks of the results shown, each decoded as it comes.
// `fetchJSON(path)` (the file's JSON, gunzipped) is injected so node tests
// run it on files.
import { parseQuery, rank, withinOneEdit, typoTerms, clauseCandidates, postingsOf } from "./search-core.js";
import { decodeTerms, decodeEntries } from "./search-format.js";

export class ShardedIndex {
  constructor(entryPoint, fetchJSON) {
    this.point = entryPoint;
    this.fetchJSON = fetchJSON;
    this.terms = Object.create(null); // no inherited "constructor" to be taken for a term
    this.entries = [];
    this.loadedShards = new Set();
    this.loadedChunks = new Set();
    this._vocabulary = null;
    this.fullVocabulary = null;
  }

  /** The shard a term falls in: the last whose first term is not after it. */
  shardFor(term) {
    const shards = this.point.termShards;
    let low = 0, high = shards.length - 1, found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (shards[mid].first <= term) { found = mid; low = mid + 1; } else high = mid - 1;
    }
    return found;
  }

  async loadShard(number) {
    if (this.loadedShards.has(number)) return;
    this.loadedShards.add(number);
    Object.assign(this.terms, decodeTerms(await this.fetchJSON(this.point.termShards[number].file)));
    if (!this.fullVocabulary) this._vocabulary = null; // recomputed from the loaded terms
  }

  /** Shards for every term of the query: exact, prefix range, near misses. */
  async loadTerms(query) {
    const wanted = new Set();
    for (const term of query.terms) {
      for (const key of [...term.own, ...term.synonyms.flat()]) wanted.add(this.shardFor(key));
      if (term.prefix) {
        for (const start of [term.word, term.stem]) {
          const last = this.shardFor(start + "\uffff");
          for (let i = this.shardFor(start); i <= last; i++) wanted.add(i);
        }
      }
    }
    for (const clause of query.clauses) wanted.add(this.shardFor(clause));
    await Promise.all([...wanted].map((n) => this.loadShard(n)));
    // A word with no exact term (and, while typed, none it begins) may be a
    // typo whose correction lives in any shard: only the vocabulary knows.
    const loaded = Object.keys(this.terms);
    const typos = typoTerms(query);
    const needsTypo = typos.some((t) => !postingsOf(this, t.stem) &&
      !(t.prefix && loaded.some((k) => k.startsWith(t.word) || k.startsWith(t.stem))));
    if (needsTypo) {
      if (!this.fullVocabulary) {
        this.fullVocabulary = await this.fetchJSON(this.point.vocabulary);
        this._vocabulary = this.fullVocabulary;
      }
      const near = new Set();
      for (const t of typos) {
        for (const candidate of this.fullVocabulary) {
          if (withinOneEdit(candidate, t.stem) || withinOneEdit(candidate, t.word)) near.add(this.shardFor(candidate));
        }
      }
      await Promise.all([...near].map((n) => this.loadShard(n)));
    }
  }

  async loadEntries(indices) {
    const chunks = new Set(indices.map((i) => Math.floor(i / this.point.chunkSize)));
    await Promise.all([...chunks].filter((c) => !this.loadedChunks.has(c)).map(async (c) => {
      this.loadedChunks.add(c);
      const list = decodeEntries(await this.fetchJSON(this.point.entryChunk.replace("{n}", String(c))));
      list.forEach((entry, k) => { this.entries[c * this.point.chunkSize + k] = entry; });
    }));
  }

  /** Loads what the query needs, so `search(this, raw)` can run. */
  async prepare(raw, limit = 50) {
    const query = parseQuery(raw, this.point.synonyms || []);
    await this.loadTerms(query);
    // The entries that may be the clause the query names, so that ranking
    // can tell the clause itself from clauses that cite its number.
    await this.loadEntries(clauseCandidates(this, query));
    const ranked = rank(this, query);
    await this.loadEntries(ranked.slice(0, query.phrases.length ? 400 : limit).map((r) => r.index));
  }
}
