// Results as a list: shared by the search page (search.js) and the results
// shown under the header's search box (live-search.js). Index text is only
// ever inserted as text, never as HTML.
import { snippet } from "./search-core.js";

const STATUS_WORDS = { draft: "Draft", superseded: "Superseded", withdrawn: "Withdrawn" };

/** Fills `list` with the results and says in `status` (a live region) how many there are. */
export function renderResults(list, status, query, found, root) {
  list.replaceChildren();
  for (const { entry } of found.results) {
    const item = document.createElement("li");
    const anchor = document.createElement("a");
    anchor.href = new URL(entry.url, root).href;
    const heading = document.createElement("span");
    heading.className = "result-heading";
    heading.textContent = entry.clause ? `${entry.clause} ${entry.heading}` : entry.heading;
    anchor.append(heading);
    item.append(anchor);
    // A protocol that is not in force says so, in words, before its name.
    const label = Object.hasOwn(STATUS_WORDS, entry.status || "") ? STATUS_WORDS[entry.status] : null;
    if (label) {
      const badge = document.createElement("span");
      badge.className = `result-status result-status-${entry.status}`;
      badge.textContent = label;
      item.append(" ", badge);
    }
    const where = document.createElement("span");
    where.className = "result-protocol";
    where.textContent = entry.clause ? `${entry.title}, para ${entry.clause}` : entry.title;
    item.append(" ", where);
    const text = document.createElement("p");
    text.className = "result-snippet";
    for (const piece of snippet(entry.text || entry.heading, found.query)) {
      if (piece.mark) {
        const mark = document.createElement("mark");
        mark.textContent = piece.text;
        text.append(mark);
      } else {
        text.append(piece.text);
      }
    }
    item.append(text);
    list.append(item);
  }
  const shown = found.results.length;
  const said = query.length > 80 ? query.slice(0, 80) + "…" : query;
  status.textContent = !query.trim() ? "" : found.total === 0
    ? `No results for “${said}”.`
    : `${found.total} result${found.total === 1 ? "" : "s"} for “${said}”${found.total > shown ? `, best ${shown} shown` : ""}.`;
}
