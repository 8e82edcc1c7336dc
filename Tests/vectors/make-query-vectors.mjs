// Writes Tests/vectors/search-query.tsv from the browser's implementation:
// the clause numbers a query names (every written form of SPEC §4) and the
// synonym units the built-in vocabulary makes of a query. The Swift tests
// read the same file (SearchQueryVectorTests.swift).
//   node Tests/vectors/make-query-vectors.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { parseQuery } from "../../templates/assets/search-core.js";
import { queryClauses } from "../../templates/assets/search-query.js";
import { parseSynonyms, compileSynonyms, describeUnit } from "../../templates/assets/search-synonyms.js";

const here = new URL(".", import.meta.url).pathname;
const groups = compileSynonyms(parseSynonyms(readFileSync(here + "../../Sources/ProtositeSearch/search-synonyms.txt", "utf8")));

const clauseQueries = [
  "1(k)", "1k", "1K", "SO 1(k)", "so 1k", "standing order 1(K)", "Standing Order 3C", "SO 3C", "3c", "para 10(2)(a)",
  "paragraph 10(2)(a)(ix)", "4.1(a)", "4.1a", "5.1b", "5.1B", "3B(iv)", "4D(viii)", "SO 1(j)(ii)", "1(J)(II)", "2aa", "1(aa)",
  "4.8", "§4.8", "§ 12", "12", "clause 12", "2.2.1", "1st meeting", "10am start", "2nd", "4th July", "2020s", "1990(1)",
  "Regulations 1990(1)", "a4 paper", "x1k", "1.2.3k", "1ab", "(3c)", "5.1(b) and 5.1c", "\"SO 3C\"", "3C?", "3C.", "3C,4D",
  "12345a", "123a", "1234a", "cllr 2b", "£1k budget", "rule 7(1)", "Café 3é", "Ⅻ 3c", "3c(ii)(z)",
];
const unitQueries = [
  "RFO legal responsibilities", "responsible financial officer", "proper officer head of paid service", "the Proper Officer",
  "chairman", "chairperson relationship with staff", "how should staff address the mayor", "DPI criminal offence",
  "disclosable pecuniary interest", "councillors accountable to voters", "complain about the clerk", "complaints",
  "pay rise for the clerk", "quotes for grass cutting", "tender", "SO 3C", "standing orders", "financial regulations 4.1(a)",
  "code of conduct complaint", "monitoring officer", "facebook posts", "e-mail", "social media policy", "vice chairman",
  "deputy mayor", "co-opted member", "resignation of a councillor", "appointing councillors to outside bodies",
  "member member", "bullying", "nothing matches here", "friendship", "personal relationship", "right of way",
  "freedom of information request", "the annual parish meeting", "sign cheques", "Councillors' allowances",
];
const lines = ["# kind\tinput\toutput (clauses: the clause numbers a query names, space-separated; units: its terms, a unit in a synonym group as `own = other | other`, units joined by ' ; ')"];
for (const q of clauseQueries) lines.push(`clauses\t${q}\t${queryClauses(q).join(" ")}`);
for (const q of unitQueries) lines.push(`units\t${q}\t${parseQuery(q + " ", groups).terms.map(describeUnit).join(" ; ")}`);
writeFileSync(here + "search-query.tsv", lines.join("\n") + "\n");
console.log(`search-query.tsv: ${lines.length - 1} cases`);
