// Writes Tests/vectors/search-text.tsv from the browser's implementation,
// over every word of ../shared/corpus and some hand-picked cases. The Swift
// tests read the same file: both implementations must agree on every line.
//   node Tests/vectors/make-search-vectors.mjs
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { words, stem, fold } from "../../Sources/ProtositeTheme/files/assets/search-text.js";

const here = new URL(".", import.meta.url).pathname;
const corpus = here + "../../../shared/corpus/content/";
const seen = new Set();
let text = "Councillors' Café — naïve “quoted” Ünïcödé clause 4.8, §2.2.1 and 2020 bullied bullying complaints complained stopped hopping meetings formally regulations 1.5 flyying buzzing falling missed sayyed running annually copied grabbed hopped.\n";
try {
  for (const name of readdirSync(corpus).sort()) text += readFileSync(corpus + name, "utf8");
} catch { /* the hand-picked cases alone */ }
const lines = ["# kind\tinput\toutput (words joined by spaces)"];
for (const sample of text.split("\n").slice(0, 400)) {
  if (!sample.trim() || sample.includes("\t")) continue;
  lines.push(`words\t${sample}\t${words(sample).join(" ")}`);
  for (const word of words(sample)) {
    if (seen.has(word)) continue;
    seen.add(word);
    lines.push(`stem\t${word}\t${stem(word)}`);
  }
}
lines.push(`fold\tÉcole d’Été\t${fold("École d’Été")}`);
writeFileSync(here + "search-text.tsv", lines.join("\n") + "\n");
console.log(`search-text.tsv: ${lines.length - 1} cases`);
