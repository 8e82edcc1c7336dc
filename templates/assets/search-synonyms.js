// Synonyms at query time (docs/search-index.md): the index carries groups of
// index terms that mean the same ("clerk", "proper offic", "rfo" …); a query
// word or phrase in a group also finds the group's other members, ranked
// below exact matches. The same grouping as SearchSynonyms.units in Swift,
// checked by both against Tests/vectors/search-query.tsv.
import { terms as textTerms, isSubClause } from "./search-text.js";

/** The longest member phrase is this many terms. */
export const LONGEST_PHRASE = 4;

/** Groups of a vocabulary file (search-synonyms.txt): one a line, members separated by commas. */
export function parseSynonyms(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(",").map((m) => m.trim()).filter(Boolean));
}

/** A member as the index has it: its terms joined by spaces, or null ("SO" is only a stop word). */
export function synonymKey(member) {
  const found = textTerms(member).filter((t) => !isSubClause(t));
  return found.length ? found.join(" ") : null;
}

/** Groups as keys, each with two different members or more, as SearchSynonyms.compile (without `present`). */
export function compileSynonyms(groups) {
  const seen = new Set();
  const compiled = [];
  for (const group of groups) {
    const keys = [];
    for (const member of group) {
      const key = synonymKey(member);
      if (key && !keys.includes(key)) keys.push(key);
    }
    if (keys.length < 2 || seen.has(keys.join(","))) continue;
    seen.add(keys.join(","));
    compiled.push(keys);
  }
  return compiled;
}

/** Each key's other members, in a map without a prototype to trip on. */
export function synonymTable(groups = []) {
  const others = new Map();
  for (const group of groups) {
    for (const key of group) {
      if (!others.has(key)) others.set(key, []);
      for (const other of group) if (other !== key && !others.get(key).includes(other)) others.get(key).push(other);
    }
  }
  return others;
}

/**
 * Query terms grouped into units: each run of terms that is a member of a
 * group (longest first) becomes one term whose `own` stems are the run's and
 * whose `synonyms` are the other members' stems.
 */
export function applySynonyms(terms, table) {
  const units = [];
  let i = 0;
  while (i < terms.length) {
    let length = Math.min(LONGEST_PHRASE, terms.length - i);
    const keyOf = (n) => terms.slice(i, i + n).map((t) => t.stem).join(" ");
    while (length > 1 && !table.has(keyOf(length))) length--;
    const run = terms.slice(i, i + length);
    const others = table.get(keyOf(length));
    const last = run[run.length - 1];
    units.push({
      word: run.map((t) => t.word).join(" "), stem: keyOf(length), prefix: length === 1 && last.prefix,
      own: run.map((t) => t.stem), synonyms: others ? others.map((o) => o.split(" ")) : [],
    });
    i += length;
  }
  return units;
}

/** A unit written as the shared vectors write it: `own = other | other`. */
export function describeUnit(unit) {
  const others = unit.synonyms.map((s) => s.join(" ")).sort();
  return others.length ? `${unit.stem} = ${others.join(" | ")}` : unit.stem;
}
