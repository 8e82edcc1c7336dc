// Clause numbers as councillors cite them, from the ids the build gives
// clauses: "clause-4.8" is 4.8, "clause-1-j-ii" is 1(j)(ii). Pure, so node
// tests can check it.

/** The cited number of a clause id or fragment, or null for a heading's id. */
export function citedNumber(anchor) {
  const id = String(anchor || "").replace(/^#/, "");
  const match = /^clause-(\d+(?:\.\d+)*)((?:-[a-z0-9]+)*)$/.exec(id);
  if (!match) return null;
  const labels = match[2] ? match[2].slice(1).split("-") : [];
  return match[1] + labels.map((label) => `(${label})`).join("");
}
