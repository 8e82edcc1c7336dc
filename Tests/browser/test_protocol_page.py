"""The protocol page's own layout: contents beside the text on wide screens,
above it on phones, and the copy buttons after each clause's words."""

import os

import pytest
from selenium.webdriver.common.by import By

import browserkit as kit


def protocol_with_toc(site):
    for rel in kit.protocol_pages(site):
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            text = f.read()
        if 'class="toc"' in text and 'class="clause-number"' in text:
            return rel
    pytest.skip("no protocol with contents and numbered clauses")


@pytest.fixture
def protocol_url(browser, servers, sites, site_name):
    rel = protocol_with_toc(sites[site_name])
    return kit.page_url(servers[site_name], rel)


def rect(driver, selector):
    return driver.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().toJSON()", selector)


def test_contents_beside_the_text_when_wide(browser, protocol_url):
    kit.set_viewport(browser, 1280, 900)
    browser.get(protocol_url)
    toc, body = rect(browser, "nav.toc"), rect(browser, ".protocol-body")
    assert toc["right"] <= body["left"], "contents should sit left of the text at 1280 px"
    assert body["width"] <= 42 * 16, "the text column is %d px wide: too long a line" % body["width"]


def test_contents_above_the_text_on_a_phone(browser, protocol_url):
    kit.set_viewport(browser, 375, 812)
    browser.get(protocol_url)
    toc, body = rect(browser, "nav.toc"), rect(browser, ".protocol-body")
    assert toc["bottom"] <= body["top"]


def test_copy_button_follows_the_clause_words(browser, protocol_url):
    browser.get(protocol_url)
    clauses = browser.find_elements(By.CSS_SELECTOR, ".protocol-body a.clause-number")
    assert clauses
    for number in clauses[:10]:
        placement = browser.execute_script("""
            const link = arguments[0], holder = link.parentElement;
            const button = holder.querySelector(':scope > .copy-citation');
            if (!button) return 'no button';
            if (link.nextSibling === button) return 'between the number and the words';
            if (button.nextSibling && button.nextSibling.textContent.trim() && !button.nextElementSibling) return 'before words';
            return 'ok';""", number)
        assert placement == "ok", "%s: %s" % (number.get_attribute("href"), placement)
    label = browser.find_element(By.CSS_SELECTOR, ".copy-citation").get_attribute("aria-label")
    assert label.startswith("Copy"), "the visible word must start the accessible name (WCAG 2.5.3)"


def test_copy_button_copies_and_announces_the_citation(browser, protocol_url):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    origin = protocol_url.split("/", 3)
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": "/".join(origin[:3]), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    browser.get(protocol_url)
    button = browser.find_element(By.CSS_SELECTOR, ".protocol-body .copy-citation[aria-label^='Copy link to clause']")
    number = button.get_attribute("aria-label").rsplit(" ", 1)[-1]
    button.send_keys(Keys.ENTER)
    status = browser.find_element(By.CSS_SELECTOR, "article.protocol [role=status]")
    WebDriverWait(browser, 5).until(lambda d: status.get_attribute("textContent"))
    said = status.get_attribute("textContent")
    assert said.startswith("Copied: ") and ("para %s" % number) in said and "#clause-%s" % number in said, said
    copied = browser.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e))")
    assert copied == said[len("Copied: "):]
    assert button.text == "Copied"


def sub_clause_page(site):
    for rel in kit.protocol_pages(site):
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            if "clause-number sub-2" in f.read():
                return rel
    pytest.skip("no protocol with sub-clauses two levels deep")


def test_sub_clauses_step_in_by_level(browser, servers, sites, site_name):
    rel = sub_clause_page(sites[site_name])
    kit.set_viewport(browser, 1280, 900)
    browser.get(kit.page_url(servers[site_name], rel))
    lefts = browser.execute_script("""
        const left = (sel) => document.querySelector(sel).closest('p').getBoundingClientRect().left;
        return [left('.clause-number.sub-1'), left('.clause-number.sub-2')];""")
    assert lefts[0] < lefts[1], "a sub-clause two levels deep should stand further in than one level deep: %s" % lefts


def test_a_page_of_sub_clauses_shows_the_copy_control_of_the_chosen_clause_only(browser, servers, sites, site_name):
    """Headless Chromium has no hovering pointer, as a phone has none: the
    sub-clauses' copy controls stay out of sight until one is the target."""
    rel = sub_clause_page(sites[site_name])
    kit.set_viewport(browser, 375, 812)
    browser.get(kit.page_url(servers[site_name], rel))
    if not browser.execute_script("return matchMedia('(hover: none)').matches"):
        pytest.skip("this Chromium reports a hovering pointer")
    anchor = browser.find_element(By.CSS_SELECTOR, "p .clause-number.sub-2").get_attribute("href").split("#")[1]
    browser.get(kit.page_url(servers[site_name], rel) + "#" + anchor)
    shown = browser.execute_script("""
        return [...document.querySelectorAll('.protocol-body :is(p, li) > .copy-citation')]
            .filter((b) => b.getBoundingClientRect().width > 2).map((b) => b.parentElement.id);""")
    assert shown == [anchor], shown


def test_a_clause_is_one_tab_stop_at_most(browser, servers, sites, site_name):
    """The number is a link for the pointer; the keyboard meets the copy
    button alone (or the number link, where the script does not run)."""
    rel = protocol_with_toc(sites[site_name])
    browser.get(kit.page_url(servers[site_name], rel))
    most = browser.execute_script("""
        const stops = new Map();
        for (const control of document.querySelectorAll('.protocol-body :is(.clause-number, .permalink, .copy-citation)')) {
          if (control.tabIndex < 0 || control.getClientRects().length === 0) continue;
          const clause = control.closest('[id^="clause-"], h2[id], h3[id], h4[id]');
          const key = clause ? clause.id : '?';
          stops.set(key, (stops.get(key) || 0) + 1);
        }
        return [...stops.entries()].sort((a, b) => b[1] - a[1])[0] || ['none', 0];""")
    assert most[1] <= 1, "%s has %d tab stops of its own" % (most[0], most[1])


def accessible_name(browser, selector):
    """The name Chromium's accessibility tree gives the first match."""
    document = browser.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
    if not node.get("nodeId"):
        return None
    tree = browser.execute_cdp_cmd("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})
    return tree["nodes"][0].get("name", {}).get("value")


def test_accessible_names_are_short_and_say_where_a_reference_leads(browser, servers, sites, site_name):
    rel = protocol_with_toc(sites[site_name])
    browser.get(kit.page_url(servers[site_name], rel))
    number = browser.find_element(By.CSS_SELECTOR, ".protocol-body a.clause-number")
    assert accessible_name(browser, ".protocol-body a.clause-number") == number.text.strip()
    copy = accessible_name(browser, ".protocol-body .copy-citation")
    assert copy and copy.startswith("Copy link to "), copy
    if browser.find_elements(By.CSS_SELECTOR, ".protocol-body a.xref:not(.xref-document)"):
        link = browser.find_element(By.CSS_SELECTOR, ".protocol-body a.xref:not(.xref-document)")
        name = accessible_name(browser, ".protocol-body a.xref:not(.xref-document)")
        assert link.text in name and "clause" in name, name
