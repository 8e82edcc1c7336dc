// Review status of a protocol against a day, the same rule the build uses
// (ReviewStatus.swift): overdue after the due day, due soon on it and the
// warning days before it. Pure functions, so node tests them.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];

/** Days since 1970-01-01 for an ISO day "YYYY-MM-DD" (UTC, no time zone drift). */
export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return null;
  return Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

/** The reader's own date as an ISO day, from a Date (local calendar). */
export function isoDay(date) {
  const p = (n, w) => String(n).padStart(w, "0");
  return `${p(date.getFullYear(), 4)}-${p(date.getMonth() + 1, 2)}-${p(date.getDate(), 2)}`;
}

/** "overdue" | "due-soon" | "current" | "none". */
export function reviewStatus(dueISO, todayISO, warningDays) {
  const due = dayNumber(dueISO);
  const today = dayNumber(todayISO);
  if (due === null || today === null) return "none";
  if (today > due) return "overdue";
  if (due - today <= warningDays) return "due-soon";
  return "current";
}

/** "22 September 2020" for an ISO day, "September 2021" for "2021-09". */
export function longForm(iso) {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (m) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${+m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(iso || "");
  if (m) return `${MONTHS[+m[2] - 1]} ${+m[1]}`;
  return iso || "";
}

/** The sentence the page shows, word for word as the build writes it. */
export function reviewSentence(status, dueISO, label, todayISO) {
  switch (status) {
    case "overdue": return `Review overdue since ${label}`;
    case "due-soon": {
      const days = dayNumber(dueISO) - dayNumber(todayISO);
      return days === 0 ? "Review due today" : `Review due by ${label} (${days} day${days === 1 ? "" : "s"} left)`;
    }
    case "current": return `Next review due ${label}`;
    default: return "No review date set";
  }
}

/**
 * The sentence a count of protocols in one review state is shown in, word
 * for word as the build writes it (ReviewCounts.swift).
 */
export function countSentence(status, count, warningDays) {
  const one = count === 1;
  const subject = one ? "1 protocol" : `${count} protocols`;
  switch (status) {
    case "overdue": return `${subject} ${one ? "is" : "are"} overdue for review`;
    case "due-soon": return `${subject} ${one ? "is" : "are"} due for review within ${warningDays} days`;
    case "current": return `${subject} ${one ? "is" : "are"} current`;
    default: return `${subject} ${one ? "has" : "have"} no review date`;
  }
}

/** { overdue, "due-soon", current, none } counts of a list of statuses. */
export function statusCounts(statuses) {
  const counts = { overdue: 0, "due-soon": 0, current: 0, none: 0 };
  for (const status of statuses) if (status in counts) counts[status] += 1;
  return counts;
}
