// Words for search, exactly as the build makes them (SearchText.swift):
// case and accent folding, apostrophes dropped, English word forms reduced
// to a common stem (the Snowball English stemmer), clause numbers (4.8) and sub-clause numbers (1(k)) kept
// whole. Pure functions, so node tests them against the same vectors as the
// Swift tests.

import { porter2 } from "./porter2.js";

const STOP = new Set(("a about above after all also am an and any are as at be been being below but by can " +
  "could did do does doing for from had has have having he her him his how i if in into is it its me my no " +
  "nor not of off on once only or other our out over own same she should so some such than that the their " +
  "them then there these they this those through to too under until up very was we were what when where " +
  "which while who whom why will with would you your").split(" "));

/** Lower case, accents and apostrophes removed. */
export function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2018\u2019]/g, "").toLowerCase();
}

/**
 * A sub-clause number as folded text holds it: a clause number followed
 * directly by bracketed labels, 1(k), 4.1(a), 10(2)(a)(ix). A label is a
 * letter or doubled letter, a roman numeral (up to xxxix) or digits, at most
 * five characters. The first part has at most three digits: 1990(1) is a
 * year, not a clause (SPEC §4). Exported for the snippet's highlighting.
 */
export const SUB_CLAUSE = String.raw`\d{1,3}(?:\.\d+)*(?:\((?=[a-z0-9]{1,5}\))(?:([a-z])\1?|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|\d+)\))+`;

// Tried in order at each place: a sub-clause number, a dotted clause number,
// a word. A number run into letters before it (x1(a)) is part of that word.
const WORD = new RegExp(`${SUB_CLAUSE}|\\d+(?:\\.\\d+)+|[\\p{L}\\p{N}]+`, "gu");

/** Words, clause numbers (4.8, 2.2.1) and sub-clause numbers (1(k)) of a text, folded, in order. */
export function words(text) {
  return fold(text).match(WORD) || [];
}

/** Whether a word is a sub-clause number: only they hold a bracket. */
export function isSubClause(word) {
  return word.includes("(");
}

/**
 * The index term of an entry's clause number: the one token the query side
 * makes of it ("1(K)" → "1(k)"), or, if the tokenizer would split it, the
 * number folded as it is (as the index has always kept it).
 */
export function clauseTerm(clause) {
  const found = words(clause);
  return found.length === 1 ? found[0] : fold(clause);
}

/**
 * English word forms reduced to a common stem by the Snowball English
 * stemmer (porter2.js); numbers, and words that start with a digit, are
 * never stemmed (4.8, 1(k), 2020).
 */
export function stem(word) {
  return /^[0-9]/.test(word) ? word : porter2(word);
}

/** Whether a word carries meaning for search. */
export function isStopWord(word) {
  return STOP.has(word);
}

/** The index terms of a text: words, stop words out, stemmed. */
export function terms(text) {
  return words(text).filter((w) => !STOP.has(w)).map(stem);
}
