"""What a resident is told about reviews and status, as Chromium shows it:
counts above zero only, never "0 overdue"; the counts brought up to the
reader's own date; a draft with a history never shown as adopted."""

import os

from selenium.webdriver.common.by import By

import browserkit as kit
from conftest import binary, work_dir


def project(name, files):
    root = os.path.join(work_dir(), name)
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
        with open(os.path.join(root, path), "w", encoding="utf-8") as f:
            f.write(text)
    return root


def visible_text(driver, selector):
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    return found[0].text if found and found[0].is_displayed() else ""


def test_four_protocols_without_review_dates_are_a_warning_with_no_zero_counts(browser):
    files = {"protosite.yml": "title: Four\ncouncil: Example Community Council\n"}
    for n in range(1, 5):
        files["content/p%d.md" % n] = "---\ntitle: Policy %d\n---\nText.\n" % n
    site = kit.build_site(binary(), project("four", files), os.path.join(work_dir(), "four", "site"), today="2026-11-23")
    with kit.serve(site) as base:
        browser.get(kit.page_url(base, "index.html"))
        notice = visible_text(browser, "[data-status-summary]")
        assert "4 protocols have no review date" in notice, notice
        assert "0 " not in notice and "overdue" not in notice, notice
        browser.get(kit.page_url(base, "reviews/index.html"))
        counts = visible_text(browser, "ul.counts")
        assert counts == "4 protocols have no review date", counts


def test_the_counts_are_made_again_for_the_readers_own_date(browser):
    # Built on a day when the review was years away; read today, it is overdue.
    files = {"protosite.yml": "title: Old\ncouncil: Example Parish Council\n",
             "content/a.md": "---\ntitle: Grants\nadopted: 2019-05-14\nreview: 2021-05\n---\nText.\n"}
    site = kit.build_site(binary(), project("old", files), os.path.join(work_dir(), "old", "site"), today="2019-06-01")
    with open(os.path.join(site, "index.html"), encoding="utf-8") as f:
        assert "data-warning-days=\"60\" hidden>" in f.read(), "at build time nothing needed attention"
    with kit.serve(site) as base:
        browser.get(kit.page_url(base, "index.html"))
        notice = visible_text(browser, "[data-status-summary]")
        assert notice.startswith("Reviews that need attention") and "1 protocol is overdue for review" in notice, notice


def test_a_draft_with_history_is_never_shown_as_adopted(browser):
    files = {"protosite.yml": "title: Drafts\ncouncil: Example Parish Council\n",
             "content/grants.md": "---\ntitle: Grants Policy\nstatus: draft\nreview: 2027-06\nhistory:\n"
                                  "  - {date: 2026-10-06, version: 0.1, change: First draft}\n---\n## 1. Who may apply\n\n1.1 Any group.\n"}
    site = kit.build_site(binary(), project("draft", files), os.path.join(work_dir(), "draft", "site"), today="2026-11-23")
    with kit.serve(site) as base:
        browser.get(kit.page_url(base, "index.html"))
        card = browser.find_element(By.CSS_SELECTOR, ".protocol-card").text
        assert "Draft" in card and "Adopted" not in card and "6 October 2026" not in card, card
        browser.get(kit.page_url(base, "reviews/index.html"))
        row = browser.find_element(By.CSS_SELECTOR, ".schedule tbody tr").text
        assert "(Draft)" in row and "6 October 2026" not in row, row
        browser.get(kit.page_url(base, "grants/index.html"))
        panel = browser.find_element(By.CSS_SELECTOR, ".status-panel").text
        assert "This is a draft. The council has not adopted it." in panel and "Adopted" not in panel.replace("has not adopted", ""), panel
