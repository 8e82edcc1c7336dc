// The browser's review-status rule must match the build's (ReviewStatus.swift,
// tested with the same boundaries in DateParserTests.swift).
import { test } from "node:test";
import assert from "node:assert/strict";
import { reviewStatus, reviewSentence, longForm, dayNumber, isoDay } from "../../templates/assets/review-status.js";

test("statuses at the corpus date", () => {
  assert.equal(reviewStatus("2021-09-30", "2026-11-23", 60), "overdue");
  assert.equal(reviewStatus("2027-05-31", "2026-11-23", 60), "current");
  assert.equal(reviewStatus("", "2026-11-23", 60), "none");
});

test("boundaries are inclusive", () => {
  assert.equal(reviewStatus("2027-05-31", "2027-03-31", 60), "current");
  assert.equal(reviewStatus("2027-05-31", "2027-04-01", 60), "due-soon");
  assert.equal(reviewStatus("2027-05-31", "2027-05-31", 60), "due-soon");
  assert.equal(reviewStatus("2027-05-31", "2027-06-01", 60), "overdue");
  assert.equal(reviewStatus("2027-05-31", "2027-05-30", 0), "current");
});

test("sentences match the build's wording", () => {
  assert.equal(reviewSentence("overdue", "2021-09-30", "September 2021", "2026-11-23"), "Review overdue since September 2021");
  assert.equal(reviewSentence("due-soon", "2027-01-31", "January 2027", "2027-01-30"), "Review due by January 2027 (1 day left)");
  assert.equal(reviewSentence("due-soon", "2027-01-31", "January 2027", "2027-01-31"), "Review due today");
  assert.equal(reviewSentence("current", "2027-05-31", "May 2027", "2026-11-23"), "Next review due May 2027");
  assert.equal(reviewSentence("none", "", "", "2026-11-23"), "No review date set");
});

test("dates", () => {
  assert.equal(dayNumber("1970-01-01"), 0);
  assert.equal(dayNumber("2026-11-23"), 20780);
  assert.equal(dayNumber("nonsense"), null);
  assert.equal(longForm("2020-09-22"), "22 September 2020");
  assert.equal(longForm("2021-09"), "September 2021");
  assert.equal(isoDay(new Date(2026, 10, 3)), "2026-11-03");
});

test("count sentences match the shared vectors the Swift tests also read", async () => {
  const { countSentence, statusCounts } = await import("../../templates/assets/review-status.js");
  const { readFileSync } = await import("node:fs");
  const rows = readFileSync(new URL("../vectors/review-counts.tsv", import.meta.url), "utf8").trim().split("\n").slice(1);
  assert.ok(rows.length >= 8);
  for (const row of rows) {
    const [status, count, days, sentence] = row.split("\t");
    assert.equal(countSentence(status, +count, +days), sentence);
  }
  assert.deepEqual(statusCounts(["none", "none", "overdue", "x"]), { overdue: 1, "due-soon": 0, current: 0, none: 2 });
});
