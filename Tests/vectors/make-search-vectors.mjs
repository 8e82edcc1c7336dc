// Writes Tests/vectors/search-text.tsv from the browser's implementation,
// over every word of ../shared/corpus and some hand-picked cases. The Swift
// tests read the same file: both implementations must agree on every line.
//   node Tests/vectors/make-search-vectors.mjs
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { words, stem, fold, clauseTerm } from "../../templates/assets/search-text.js";

const here = new URL(".", import.meta.url).pathname;
const corpus = here + "../../../shared/corpus/content/";
const seen = new Set();
let text = "Councillors' Café — naïve “quoted” Ünïcödé clause 4.8, §2.2.1 and 2020 bullied bullying complaints complained stopped hopping meetings formally regulations 1.5 flyying buzzing falling missed sayyed running annually copied grabbed hopped.\n";
try {
  for (const name of readdirSync(corpus).sort()) text += readFileSync(corpus + name, "utf8");
} catch { /* the hand-picked cases alone */ }
// Sub-clause numbers (SPEC §4), one case a line so a failure names it: the
// token's edges, years, bare labels, labels too long or of no kind, a number
// run into a word, folded text around it.
const subClauses = [
  "1(k)", "1(K)", "see 1(j)(ii).", "4.1(a),", "10(2)(a)(ix)(aa)", "standing order 1(K)", "paragraph 10(2)(a)",
  "4(a)", "4(2)(b) and 5.1(b)", "1990(1)", "Regulations 1990(1)(a)", "2015.1(a)", "12345(a)", "123(a)",
  "(a)", "(iv) where", "5(", "5()", "5(a", "5(abcdefg)", "5(abcde)", "5(12345)(123456)", "1 (k)",
  "x1(a)", "1(a)b", "4D(viii)", "1(k)(zzz)", "1(aa)(bb)", "1(aaa)", "1(ab)", "1(ii)", "1(iv)", "1(xiv)",
  "1(xxxix)", "1(xxxx)", "1(xl)", "1(vx)", "1(xx)", "1(J)(III)", "1(’k)", "Règlement 1(É) “voir” 4(a)",
  "Café 10(2)(a)(ix) naïve", "§1(k) — 2.2.1(c)",
];
const lines = ["# kind\tinput\toutput (words joined by spaces; clause: an entry's clause number and its index term)"];
for (const sample of text.split("\n").slice(0, 400)) {
  if (!sample.trim() || sample.includes("\t")) continue;
  lines.push(`words\t${sample}\t${words(sample).join(" ")}`);
  for (const word of words(sample)) {
    if (seen.has(word)) continue;
    seen.add(word);
    lines.push(`stem\t${word}\t${stem(word)}`);
  }
}
// Lines of the numbering corpus that cite sub-clauses, as clerks write them.
let numbering = "";
try {
  numbering = readFileSync(here + "../../../shared/corpus-numbering/content/standing-orders.md", "utf8");
} catch { /* the hand-picked cases alone */ }
for (const sample of [...subClauses, ...numbering.split("\n").filter((l) => /\d\(/.test(l) && !l.includes("\t"))]) {
  lines.push(`words\t${sample}\t${words(sample).join(" ")}`);
  for (const word of words(sample)) {
    if (seen.has(word)) continue;
    seen.add(word);
    lines.push(`stem\t${word}\t${stem(word)}`);
  }
}
for (const clause of ["4.8", "1", "1(k)", "1(K)", "1(j)(ii)", "4.1(a)", "10(2)(a)(ix)", "4(2)(b)", "1990(1)"]) {
  lines.push(`clause\t${clause}\t${clauseTerm(clause)}`);
}
lines.push(`fold\tÉcole d’Été\t${fold("École d’Été")}`);
writeFileSync(here + "search-text.tsv", lines.join("\n") + "\n");
console.log(`search-text.tsv: ${lines.length - 1} cases`);
