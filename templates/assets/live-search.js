// Results as you type in the header's search box, on every page but the
// search page itself: a list under the box, its count announced by a live
// region, the query kept in the URL (?q=) so the search can be shared.
// Enter still goes to the search page; Escape closes the list; the Down
// arrow moves into it. Without this script the box is a plain form.
import { search } from "./search-core.js";
import { indexLoader } from "./search-load.js";
import { renderResults } from "./search-render.js";

const root = new URL("../", import.meta.url);
const input = document.getElementById("site-search-q");
const form = input && input.closest("form");

// The search page has its own list; one list of results a page.
if (input && form && !document.getElementById("search-results")) {
  const panel = document.createElement("section");
  panel.className = "live-search";
  panel.setAttribute("aria-label", "Search results");
  panel.hidden = true;
  const status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const list = document.createElement("ol");
  list.id = "search-results";
  const more = document.createElement("a");
  more.className = "live-search-more";
  more.textContent = "Open these results on the search page";
  panel.append(status, list, more);
  // At the top of the main landmark, where a reader's eye and a screen
  // reader's landmarks both find it.
  (document.getElementById("main") || form).prepend(panel);
  input.setAttribute("aria-controls", "search-results");

  const load = indexLoader(root);
  let latest = 0;

  const remember = (query) => {
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(history.state, "", url);
  };

  async function run(query) {
    const mine = ++latest;
    remember(query);
    more.href = new URL(`search/index.html?q=${encodeURIComponent(query)}`, root).href;
    if (!query.trim()) { panel.hidden = true; list.replaceChildren(); status.textContent = ""; return; }
    try {
      const index = await load(query);
      if (mine !== latest) return;
      const found = search(index, query, 10);
      renderResults(list, status, query, found, root);
      panel.hidden = false;
    } catch (error) {
      status.textContent = "Search is not available right now.";
      panel.hidden = false;
      console.error(error);
    }
  }

  input.addEventListener("input", () => run(input.value));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) { panel.hidden = true; event.preventDefault(); }
    if (event.key === "ArrowDown" && !panel.hidden) {
      const first = list.querySelector("a");
      if (first) { first.focus(); event.preventDefault(); }
    }
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { panel.hidden = true; input.focus(); }
  });

  const shared = new URL(location.href).searchParams.get("q");
  if (shared) { input.value = shared; run(shared); }
}
