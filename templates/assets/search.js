// The search page: reads ?q=, searches the prebuilt index, and lists the
// clauses that answer, updating as the reader types (the query kept in the
// URL, so a search can be shared).
import { search } from "./search-core.js";
import { indexLoader } from "./search-load.js";
import { renderResults } from "./search-render.js";

const root = new URL("../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const list = document.getElementById("search-results");
const status = document.getElementById("search-status");
const load = indexLoader(root);
let latest = 0;

async function run(query) {
  const mine = ++latest;
  if (!query.trim()) { renderResults(list, status, query, { results: [], total: 0 }, root); return; }
  try {
    const index = await load(query);
    // A slower earlier query must not overwrite a later one's results.
    if (mine === latest) renderResults(list, status, query, search(index, query), root);
  } catch (error) {
    status.textContent = "Search is not available right now.";
    console.error(error);
  }
}

function remember(query) {
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  history.replaceState(null, "", url);
}

// Each keystroke searches at once: the index is in memory after the first.
input.addEventListener("input", () => { remember(input.value); run(input.value); });
form.addEventListener("submit", (event) => {
  event.preventDefault();
  remember(input.value);
  run(input.value);
});

const initial = new URL(location.href).searchParams.get("q") || "";
input.value = initial;
run(initial);
