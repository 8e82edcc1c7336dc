"""accessibility/index.html follows the GOV.UK model accessibility statement
and names the council and contact from protosite.yml."""

import os
import re

from selenium.webdriver.common.by import By

import browserkit as kit

# The sections of https://www.gov.uk/government/publications/sample-accessibility-statement
MODEL_SECTIONS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website’s accessibility",
    "Compliance status",
    "Non-accessible content",
    "Preparation of this accessibility statement",
]


def test_statement_has_the_model_sections_in_order(browser, servers):
    browser.get(servers["configured"] + "accessibility/")
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2, main h3")]
    positions = [headings.index(s) if s in headings else -1 for s in MODEL_SECTIONS]
    assert -1 not in positions, "missing sections: %s" % [s for s, p in zip(MODEL_SECTIONS, positions) if p < 0]
    assert positions == sorted(positions), headings
    assert browser.find_element(By.CSS_SELECTOR, "h1").text.startswith("Accessibility statement")


def test_statement_names_council_contact_and_address(browser, servers, configured):
    browser.get(servers["configured"] + "accessibility/")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert configured["council"] in text
    assert configured["contact"] in text
    assert configured["base_url"] in text
    assert "WCAG" in text or "Web Content Accessibility Guidelines version 2.2" in text
    assert "Equality Advisory and Support Service" in text


def test_statement_is_linked_from_every_page(sites):
    for name, site in sites.items():
        for rel in kit.html_pages(site):
            with open(os.path.join(site, rel), encoding="utf-8") as f:
                assert 'accessibility/index.html">Accessibility statement</a>' in f.read(), "%s:%s" % (name, rel)


def test_statement_without_settings_still_reads(sites, configured):
    """The corpus sets no council and no contact: the sentences must still be whole."""
    site = sites.get("corpus") or configured["site"]
    with open(os.path.join(site, "accessibility", "index.html"), encoding="utf-8") as f:
        page = f.read()
    main = page[page.index("<main"):page.index("</main>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", main))
    for gap in (" .", " ,", " :", "by .", "run by the council the council"):
        assert gap not in text, "%r in: %s" % (gap, text[max(0, text.find(gap) - 80): text.find(gap) + 40])
