// The search page: reads ?q=, searches the prebuilt index, and lists the
// clauses that answer, updating as the reader types. Index text is only
// ever inserted as text, never as HTML.
import { search, snippet } from "./search-core.js";
import { ShardedIndex } from "./search-shards.js";

const root = new URL("../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const list = document.getElementById("search-results");
const status = document.getElementById("search-status");
let index = null;

async function fetchJSON(path) {
  const response = await fetch(new URL(path, root));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** The whole index for a small site; for a large one, what this query needs. */
async function loadIndex(query) {
  if (!index) {
    const point = await fetchJSON("search-index.json");
    if (point.version !== 2) throw new Error(`search index version ${point.version} is not understood`);
    index = point.termShards ? new ShardedIndex(point, fetchJSON) : point;
  }
  if (index instanceof ShardedIndex) await index.prepare(query);
  return index;
}

function render(query, found) {
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
  status.textContent = !query.trim() ? "" : found.total === 0
    ? `No results for “${query}”.`
    : `${found.total} result${found.total === 1 ? "" : "s"} for “${query}”${found.total > shown ? `, best ${shown} shown` : ""}.`;
}

async function run(query) {
  if (!query.trim()) { render(query, { results: [], total: 0 }); return; }
  try {
    render(query, search(await loadIndex(query), query));
  } catch (error) {
    status.textContent = "Search is not available right now.";
    console.error(error);
  }
}

let timer = null;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  }, 120);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run(input.value);
});

const initial = new URL(location.href).searchParams.get("q") || "";
input.value = initial;
run(initial);
