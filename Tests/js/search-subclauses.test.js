// Sub-clause numbers (SPEC §4) in queries: the clause named comes first, on
// the whole index and on the split one, and is marked in snippets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { search, snippet, parseQuery } from "../../templates/assets/search-core.js";
import { ShardedIndex } from "../../templates/assets/search-shards.js";
import { wholeIndex, splitIndex, VOCABULARY } from "./index-fixture.js";

const entry = (slug, title, clause, heading, text) =>
  ({ slug, title, clause, anchor: `clause-${clause}`, url: `${slug}/#clause-${clause}`, heading, text });
const so = (clause, heading, text) => entry("so", "Standing Orders", clause, heading, text);
const fr = (clause, heading, text) => entry("fr", "Financial Regulations", clause, heading, text);
const cc = (clause, heading, text) => entry("cc", "Code of Conduct", clause, heading, text);

// Short clauses that cite a number stand beside the long clause that has it,
// so BM25F alone would put the citing clause first.
const entries = [
  so("1", "Meetings", "Rules of debate at meetings of the council."),
  so("1(j)", "Meetings", "A motion may be moved to:"),
  so("1(j)(ii)", "Meetings", "adjourn the meeting, or any item on the agenda, to a later date."),
  so("1(k)", "Meetings", "Only one amendment is moved and debated at a time, and any further amendment waits until the one before it is disposed of, which at a long meeting of the full council may take a long while."),
  so("5", "Motions", "Standing order 1(k) applies."),
  fr("4.1", "Budget", "The clerk prepares the budget; see 4.1(a)."),
  fr("4.1(a)", "Budget", "Each committee reviews its spending against the budget it was given and reports to the full council on that budget each quarter of the year."),
  cc("10(2)", "Interests", "A member must register these interests."),
  cc("10(2)(a)", "Interests", "Any employment, office, trade, profession or vocation carried on for profit or gain, by the member or by the member's partner, at any time of the year."),
  cc("10(2)(a)(ix)", "Interests", "Any land in the area of the authority in which the member has a beneficial interest."),
  cc("4", "Dispensations", "See paragraph 10(2)(a) and 4(2)(b)."),
  cc("4(2)(b)", "Dispensations", "A dispensation may be granted where the council considers that without it the number of persons prohibited from taking part would impede the transaction of the business."),
];

const expected = {
  "1(k)": "1(k)",
  "standing order 1(K)": "1(k)",
  "1(j)(ii)": "1(j)(ii)",
  "4.1(a)": "4.1(a)",
  "paragraph 10(2)(a)": "10(2)(a)",
  "10(2)(a)(ix)": "10(2)(a)(ix)",
  "dispensation 4(2)(B)": "4(2)(b)",
};

test("a sub-clause number in a query is a clause query", () => {
  assert.deepEqual(parseQuery("standing order 1(K)").clauses, ["1(k)"]);
  assert.deepEqual(parseQuery("paragraph 10(2)(a)").clauses, ["10(2)(a)"]);
  assert.deepEqual(parseQuery("(a)").clauses, []);
  assert.deepEqual(parseQuery("Regulations 1990(1)").clauses, []);
  assert.equal(parseQuery("1(k)").terms[0].prefix, false, "a number is not a word being typed");
});

const index = wholeIndex(entries);

for (const [query, clause] of Object.entries(expected)) {
  test(`whole index: ${query} puts ${clause} first`, () => {
    assert.equal(search(index, query).results[0]?.entry.clause, clause);
  });

  test(`split index: ${query} puts ${clause} first, as the whole does`, async () => {
    const { point, fetchJSON, fetched, shardCount } = splitIndex(index, 4, 3);
    const sharded = new ShardedIndex(point, fetchJSON);
    await sharded.prepare(query);
    const clauses = (found) => found.results.map((r) => `${r.entry.slug} ${r.entry.clause}`);
    assert.equal(search(sharded, query).results[0]?.entry.clause, clause);
    assert.deepEqual(clauses(search(sharded, query)), clauses(search(index, query)));
    assert.ok(fetched.filter((f) => f.includes("terms-")).length < shardCount);
    assert.ok(!fetched.includes(VOCABULARY), "a clause number is no typo");
  });
}

test("the clause named comes before clauses citing it, which still follow", () => {
  const found = search(index, "1(k)").results.map((r) => r.entry.clause);
  assert.deepEqual(found, ["1(k)", "5"]);
});

test("a sub-clause that does not exist finds nothing, not a neighbour", async () => {
  assert.equal(search(index, "10(2)(a)(x)").total, 0);
  const { point, fetchJSON, fetched } = splitIndex(index, 4, 3);
  const sharded = new ShardedIndex(point, fetchJSON);
  await sharded.prepare("10(2)(a)(x)");
  assert.equal(search(sharded, "10(2)(a)(x)").total, 0);
  assert.ok(!fetched.includes(VOCABULARY));
});

test("snippets mark sub-clause numbers as written, and years as before", () => {
  const query = parseQuery("standing order 1(K)");
  const marked = (text, q = query) => snippet(text, q).filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked("Subject to Standing Order 1(K), motions are moved."), ["Standing", "Order", "1(K)"]);
  assert.deepEqual(marked("Orders 1 and (k) and 1(k)(zzz)."), ["Orders", "1(k)"]);
  assert.deepEqual(marked("See paragraph 10(2)(a), not 10(2).", parseQuery("paragraph 10(2)(a)")), ["paragraph", "10(2)(a)"]);
  assert.deepEqual(marked("the Regulations 1990(1) apply", parseQuery("regulations 1990")), ["Regulations", "1990"]);
});

test("the split index finds the clause itself among more citing clauses than it shows", async () => {
  const many = [...entries, ...Array.from({ length: 60 }, (_, i) => so(`${20 + i}`, "Motions", "Standing order 1(k) applies."))];
  const big = wholeIndex(many);
  const { point, fetchJSON } = splitIndex(big, 4, 1); // one entry a chunk: none comes along with another
  const sharded = new ShardedIndex(point, fetchJSON);
  await sharded.prepare("standing order 1(k)");
  assert.equal(search(big, "standing order 1(k)").results[0].entry.clause, "1(k)");
  assert.equal(search(sharded, "standing order 1(k)").results[0].entry.clause, "1(k)");
});
