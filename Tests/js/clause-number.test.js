import { test } from "node:test";
import assert from "node:assert/strict";
import { citedNumber } from "../../templates/assets/clause-number.js";

test("a clause id gives its dotted number", () => {
  assert.equal(citedNumber("#clause-4.8"), "4.8");
  assert.equal(citedNumber("clause-12"), "12");
});

test("a sub-clause id gives each label in brackets", () => {
  assert.equal(citedNumber("#clause-1-j-ii"), "1(j)(ii)");
  assert.equal(citedNumber("#clause-4.1-a"), "4.1(a)");
  assert.equal(citedNumber("#clause-10-2-a-ix"), "10(2)(a)(ix)");
});

test("a heading's id is not a clause", () => {
  assert.equal(citedNumber("#press-and-media"), null);
  assert.equal(citedNumber("#clause-"), null);
  assert.equal(citedNumber("#clause-1--a"), null);
  assert.equal(citedNumber(null), null);
});
