// Every page: bring review statuses up to the reader's own date (a site
// uploaded months ago still tells the truth), and offer "copy citation"
// beside each clause link. The page reads fully without this script.
import { reviewStatus, reviewSentence, isoDay } from "./review-status.js";

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

function addCopyCitation() {
  const article = document.querySelector("article.protocol");
  if (!article || !navigator.clipboard) return;
  const title = article.getAttribute("data-citation-title") || document.title;
  const base = article.getAttribute("data-citation-url") || location.href.split("#")[0];
  for (const link of article.querySelectorAll("a.clause-number, a.permalink")) {
    const anchor = link.getAttribute("href");
    const number = anchor.startsWith("#clause-") ? anchor.slice(8) : null;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-citation";
    button.textContent = "Copy";
    button.setAttribute("aria-label", number ? `Copy citation for clause ${number}` : "Copy link to this section");
    button.addEventListener("click", async () => {
      const citation = number ? `${title}, para ${number} — ${base}${anchor}` : `${title} — ${base}${anchor}`;
      try {
        await navigator.clipboard.writeText(citation);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 2000);
    });
    link.after(button);
  }
}

refreshReviewStatuses(isoDay(new Date()));
addCopyCitation();
