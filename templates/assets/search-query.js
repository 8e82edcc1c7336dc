// What a query asks for, before any index is looked at: its length bounded,
// clause numbers in the forms councillors write them (1(k), 1k, SO 3C,
// 4.1(a), 5.1b, para 10(2)(a)), quoted phrases. The same clause rules as
// SearchQuery.swift, checked by both against Tests/vectors/search-query.tsv.
import { words, fold, isSubClause } from "./search-text.js";

/** A query is read up to this many characters: a pasted page must not freeze the tab. */
export const MAX_QUERY_LENGTH = 256;
/** At most this many words of a query are looked up. */
export const MAX_TERMS = 12;

// A clause number with one letter (or a doubled one) written against it:
// 1k, 3C, 5.1b, 3B(iv). Not a year's digits (four), not 1st or 10am.
const LETTER_LABEL = /(^|[^\p{L}\p{N}.])(\d{1,3}(?:\.\d+)*)([a-z])(\3)?(?![\p{L}\p{N}])/giu;

/** The query with letters written against clause numbers put in brackets: "SO 3C" → "SO 3(c)". */
export function clauseForms(raw) {
  return raw.replace(LETTER_LABEL, (_, before, number, letter, again) => `${before}${number}(${(letter + (again || "")).toLowerCase()})`);
}

/** The first MAX_QUERY_LENGTH characters of a query, not cutting a word in two where it can help it. */
export function boundQuery(raw) {
  if (raw.length <= MAX_QUERY_LENGTH) return raw;
  const cut = raw.slice(0, MAX_QUERY_LENGTH);
  const space = cut.lastIndexOf(" ");
  return space > MAX_QUERY_LENGTH / 2 ? cut.slice(0, space) : cut;
}

/** The query without its quotes, and the quoted phrases, folded. */
export function splitPhrases(raw) {
  const phrases = [];
  const rest = raw.replace(/"([^"]+)"/g, (_, phrase) => { phrases.push(fold(phrase).trim()); return " " + phrase + " "; });
  return { rest, phrases: phrases.filter(Boolean) };
}

/**
 * The clause numbers a query names: sub-clause numbers in any written form,
 * and dotted numbers (4.8), or a plain number after §.
 */
export function queryClauses(raw) {
  const bounded = boundQuery(raw);
  return words(clauseForms(splitPhrases(bounded).rest))
    .filter((w) => isSubClause(w) || (/^\d+(\.\d+)*$/.test(w) && (w.includes(".") || /§/.test(bounded))));
}
