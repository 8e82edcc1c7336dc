// The Snowball English ("Porter2") stemmer, as published at snowballstem.org
// (algorithms/english.sbl, with the 2025 exceptions: gener, commun, arsen,
// past, univers, later, emerg, organ, inter; -ogist). Ported by hand, step
// for step, in the same shape as Porter2.swift: both are checked against the
// Snowball vocabulary in Tests/vectors/porter2.tsv. Works on code points, so
// a word with letters outside a–z stems alike here and in Swift.

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const isV = (c) => VOWELS.has(c);
/** Not a vowel, nor w, x or Y (a consonant y). */
const isNonVWXY = (c) => !isV(c) && c !== "w" && c !== "x" && c !== "Y";
const VALID_LI = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);

/** Whole words with a stem of their own (Snowball's exception1). */
const EXCEPTIONS = new Map([
  ["skis", "ski"], ["skies", "sky"], ["idly", "idl"], ["gently", "gentl"], ["ugly", "ugli"], ["early", "earli"],
  ["only", "onli"], ["singly", "singl"], ["sky", "sky"], ["news", "news"], ["howe", "howe"], ["atlas", "atlas"],
  ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"],
]);
/** Word starts whose R1 begins right after them (generate/general, …). */
const REGION_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

const STEP2 = [
  ["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
  ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
  ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["ogist", "og"], ["enci", "ence"],
  ["anci", "ance"], ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"],
  ["ogi", "og"], ["li", ""],
];
const STEP3 = [
  ["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ative", ""],
  ["ical", "ic"], ["ness", ""], ["ful", ""],
];
const STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
  "ize", "ion", "al", "er", "ic"];

function endsWith(w, suffix) {
  if (suffix.length > w.length) return false;
  for (let i = 0; i < suffix.length; i++) if (w[w.length - suffix.length + i] !== suffix[i]) return false;
  return true;
}
/** The longest of `suffixes` (sorted longest first) that `w` ends with. */
function longest(w, suffixes) {
  for (const s of suffixes) if (endsWith(w, typeof s === "string" ? s : s[0])) return s;
  return null;
}
function replaceEnd(w, length, by) {
  w.splice(w.length - length, length, ...by);
}

/** A short syllable ends at `k`: consonant, vowel, consonant not w/x/Y; or a vowel then consonant opening the word; or "past". */
function shortSyllable(w, k) {
  if (k >= 3 && isNonVWXY(w[k - 1]) && isV(w[k - 2]) && !isV(w[k - 3])) return true;
  if (k === 2 && !isV(w[1]) && isV(w[0])) return true;
  return k >= 4 && w[k - 4] === "p" && w[k - 3] === "a" && w[k - 2] === "s" && w[k - 1] === "t";
}

/** R1 and R2: where the region after the first (and second) vowel–consonant pair begins. */
function regions(w) {
  const n = w.length;
  const after = (start) => {
    let i = start;
    while (i < n && !isV(w[i])) i++;
    if (i >= n) return n;
    while (i < n && isV(w[i])) i++;
    return i >= n ? n : i + 1;
  };
  const word = w.join("");
  const prefix = REGION_PREFIXES.find((p) => word.startsWith(p));
  const p1 = prefix ? prefix.length : after(0);
  return { p1, p2: p1 >= n ? n : after(p1) };
}

function step1a(w) {
  const apostrophe = longest(w, ["'s'", "'s", "'"]);
  if (apostrophe) replaceEnd(w, apostrophe.length, []);
  if (endsWith(w, "sses")) replaceEnd(w, 2, []);
  else if (endsWith(w, "ied") || endsWith(w, "ies")) replaceEnd(w, 3, w.length - 3 >= 2 ? ["i"] : ["i", "e"]);
  else if (endsWith(w, "us") || endsWith(w, "ss")) return;
  else if (endsWith(w, "s")) {
    // The letter before the s is skipped; a vowel must come before it.
    for (let i = w.length - 3; i >= 0; i--) if (isV(w[i])) { w.pop(); return; }
  }
}

function step1b(w, p1) {
  const suffix = longest(w, ["eedly", "ingly", "edly", "eed", "ing", "ed"]);
  if (!suffix) return;
  const s = w.length - suffix.length;
  const before = w.slice(0, s).join("");
  if (suffix === "eed" || suffix === "eedly") {
    if (s >= p1 && !["proc", "exc", "succ"].includes(before)) replaceEnd(w, suffix.length, ["e", "e"]);
    return;
  }
  if (suffix === "ing") {
    // dying → die, lying → lie; inning, outing, … are left alone.
    if (s === 2 && w[1] === "y" && !isV(w[0])) { replaceEnd(w, 4, ["i", "e"]); return; }
    if (["inn", "out", "cann", "herr", "earr", "even"].includes(before)) return;
  }
  if (!w.slice(0, s).some(isV)) return;
  w.length = s;
  const end = longest(w, ["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
  if (end === "at" || end === "bl" || end === "iz") { w.push("e"); return; }
  if (end) {
    if (!(w.length === 3 && (w[0] === "a" || w[0] === "e" || w[0] === "o"))) w.pop();
    return;
  }
  if (s === p1 && shortSyllable(w, w.length)) w.push("e");
}

function step1c(w) {
  const n = w.length;
  if (n >= 3 && (w[n - 1] === "y" || w[n - 1] === "Y") && !isV(w[n - 2])) w[n - 1] = "i";
}

function step2(w, p1) {
  const found = longest(w, STEP2);
  if (!found) return;
  const [suffix, by] = found;
  const s = w.length - suffix.length;
  if (s < p1) return;
  if (suffix === "ogi" && w[s - 1] !== "l") return;
  if (suffix === "li" && !VALID_LI.has(w[s - 1])) return;
  replaceEnd(w, suffix.length, [...by]);
}

function step3(w, p1, p2) {
  const found = longest(w, STEP3);
  if (!found) return;
  const [suffix, by] = found;
  const s = w.length - suffix.length;
  if (s < p1 || (suffix === "ative" && s < p2)) return;
  replaceEnd(w, suffix.length, [...by]);
}

function step4(w, p2) {
  const suffix = longest(w, STEP4);
  if (!suffix) return;
  const s = w.length - suffix.length;
  if (s < p2) return;
  if (suffix === "ion" && w[s - 1] !== "s" && w[s - 1] !== "t") return;
  replaceEnd(w, suffix.length, []);
}

function step5(w, p1, p2) {
  const s = w.length - 1;
  if (s < 1) return;
  if (w[s] === "e") {
    if (s >= p2 || (s >= p1 && !shortSyllable(w, s))) w.pop();
  } else if (w[s] === "l") {
    if (s >= p2 && w[s - 1] === "l") w.pop();
  }
}

/** The Snowball English stem of a folded word. */
export function porter2(word) {
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  const w = Array.from(word);
  if (w.length < 3) return word;
  if (w[0] === "'") w.shift();
  if (w[0] === "y") w[0] = "Y";
  for (let i = 1; i < w.length; i++) if (w[i] === "y" && isV(w[i - 1])) w[i] = "Y";
  const { p1, p2 } = regions(w);
  step1a(w);
  step1b(w, p1);
  step1c(w);
  step2(w, p1);
  step3(w, p1, p2);
  step4(w, p2);
  step5(w, p1, p2);
  return w.join("").replaceAll("Y", "y");
}
