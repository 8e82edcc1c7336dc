// Every page: bring review statuses up to the reader's own date (a site
// uploaded months ago still tells the truth), and offer "copy citation"
// beside each clause link. The page reads fully without this script.
import { reviewStatus, reviewSentence, isoDay, longForm, countSentence, statusCounts } from "./review-status.js";
import { citedNumber } from "./clause-number.js";

const STATUSES = ["overdue", "due-soon", "current", "none"];

function refreshReviewStatuses(today) {
  for (const element of document.querySelectorAll("[data-review-due]")) {
    const due = element.getAttribute("data-review-due");
    if (!due) continue;
    const label = element.getAttribute("data-review-label") || due;
    const days = parseInt(element.getAttribute("data-warning-days") || "60", 10);
    const status = reviewStatus(due, today, days);
    const text = element.querySelector(".review-text");
    if (text) text.textContent = reviewSentence(status, due, label, today);
    for (const s of STATUSES) element.classList.toggle(`review-${s}`, s === status);
    const panel = element.closest(".status-panel");
    if (panel) for (const s of STATUSES) panel.classList.toggle(`status-panel-${s}`, s === status);
  }
}

// The summaries count again what the statuses now say: an overdue count
// that was zero when the site was built may not be zero today.
function refreshStatusSummaries() {
  for (const summary of document.querySelectorAll("[data-status-summary]")) {
    const days = parseInt(summary.getAttribute("data-warning-days") || "60", 10);
    const statuses = [...document.querySelectorAll(".protocol-list [data-review-due], .schedule [data-review-due]")]
      .map((element) => STATUSES.find((s) => element.classList.contains(`review-${s}`)) || "none");
    const counts = statusCounts(statuses);
    let shown = 0;
    for (const item of summary.querySelectorAll("li[data-state]")) {
      const state = item.getAttribute("data-state");
      item.textContent = countSentence(state, counts[state], days);
      item.hidden = counts[state] === 0;
      if (!item.hidden) shown += 1;
    }
    if (summary.classList.contains("notice")) {
      summary.hidden = shown === 0;
      summary.classList.toggle("notice-overdue", counts.overdue > 0);
      summary.classList.toggle("notice-warning", counts.overdue === 0);
    }
  }
}

function addCopyCitation() {
  const article = document.querySelector("article.protocol");
  if (!article || !navigator.clipboard) return;
  const title = article.getAttribute("data-citation-title") || document.title;
  const base = article.getAttribute("data-citation-url") || location.href.split("#")[0];
  // Screen readers hear the outcome from a status region made up front.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  article.append(status);
  for (const link of article.querySelectorAll("a.clause-number, a.permalink")) {
    const anchor = link.getAttribute("href");
    const number = citedNumber(anchor);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-citation";
    button.textContent = "Copy";
    button.setAttribute("aria-label", number ? `Copy link to clause ${number}` : "Copy link to this section");
    // One stop per clause for the keyboard: the button. The number stays a
    // link for the pointer, and for everyone when this script does not run.
    link.setAttribute("tabindex", "-1");
    button.addEventListener("click", async () => {
      const citation = number ? `${title}, para ${number} — ${base}${anchor}` : `${title} — ${base}${anchor}`;
      try {
        await navigator.clipboard.writeText(citation);
        button.textContent = "Copied";
        status.textContent = `Copied: ${citation}`;
      } catch {
        button.textContent = "Copy failed";
        status.textContent = "The citation could not be copied.";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 2000);
    });
    placeAfterText(link, button);
  }
}

// The button goes after the clause's own words, not between its number and
// its text: at the end of the heading or paragraph, or in a list item before
// any list nested in it.
function placeAfterText(link, button) {
  const holder = link.parentElement;
  const block = [...holder.children].find((c) => c !== link && /^(UL|OL|P|DIV|TABLE|BLOCKQUOTE|PRE)$/.test(c.tagName));
  if (block) holder.insertBefore(button, block);
  else holder.append(button);
}

// A printed page says once, under its title, where it came from and when
// it was printed. The base is the page's published address (base_url),
// else the address it was opened from when that is a web address.
function addPrintAddress() {
  const article = document.querySelector("article.protocol");
  const source = article && article.querySelector(".print-address");
  if (!source) return;
  let base = article.getAttribute("data-citation-url");
  if (!base && /^https?:$/.test(location.protocol)) base = location.href.split("#")[0];
  if (!base) return;
  const stamp = () => { source.textContent = `Printed on ${longForm(isoDay(new Date()))} from ${base}`; };
  stamp();
  addEventListener("beforeprint", stamp);
}

refreshReviewStatuses(isoDay(new Date()));
refreshStatusSummaries();
addCopyCitation();
addPrintAddress();
