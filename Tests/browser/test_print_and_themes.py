"""Emulated media: the print stylesheet, dark mode by prefers-color-scheme,
and reduced motion. Uses the configured build (base_url set) so printed
clause addresses are the published ones."""

import os

import pytest
from selenium.webdriver.common.by import By

import browserkit as kit


def protocol_with_clauses(site):
    best = None
    for rel in kit.protocol_pages(site):
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            text = f.read()
        if 'class="clause-number"' in text and (best is None or text.count("clause-number") > best[1]):
            best = (rel, text.count("clause-number"))
    assert best, "no protocol page with numbered clauses in %s" % site
    return best[0]


@pytest.fixture
def protocol_page(browser, servers, configured):
    rel = protocol_with_clauses(configured["site"])
    browser.get(kit.page_url(servers["configured"], rel))
    return rel


def display(driver, selector):
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => getComputedStyle(e).display)", selector)


def after(driver, element):
    return driver.execute_script("return getComputedStyle(arguments[0], '::after').content", element)


def test_print_hides_navigation_and_keeps_clauses_and_status(browser, protocol_page):
    screen_toc = display(browser, "nav.toc")
    kit.emulate_media(browser, media="print")
    assert browser.execute_script("return matchMedia('print').matches")
    for selector in ("header.site-header", "footer.site-footer", "nav", ".skip-link", "search", ".copy-citation"):
        shown = [d for d in display(browser, selector) if d != "none"]
        assert shown == [], "%s still shows in print" % selector
    assert screen_toc in ([], ["block"], ["grid"]) or "none" not in screen_toc
    numbers = browser.find_elements(By.CSS_SELECTOR, ".protocol-body a.clause-number")
    assert numbers and all(n.is_displayed() for n in numbers[:20]), "clause numbers hidden in print"
    assert browser.find_element(By.CSS_SELECTOR, ".status-panel").is_displayed(), "status panel hidden in print"
    assert browser.find_element(By.CSS_SELECTOR, "h1").is_displayed()


def test_print_shows_the_pages_address_once_and_no_address_per_clause(browser, protocol_page, configured):
    base = configured["base_url"]
    page_address = base + protocol_page[: -len("index.html")]
    kit.emulate_media(browser)
    assert not browser.find_element(By.CSS_SELECTOR, ".print-address").is_displayed(), "address shows on screen"
    kit.emulate_media(browser, media="print")
    shown = browser.find_element(By.CSS_SELECTOR, ".print-address")
    assert shown.is_displayed() and shown.text.startswith("Printed on ") and shown.text.endswith(" from " + page_address), shown.text
    for number in browser.find_elements(By.CSS_SELECTOR, ".protocol-body a.clause-number")[:20]:
        assert after(browser, number) in ("none", "normal"), "a clause prints an address of its own"
    for link in browser.find_elements(By.CSS_SELECTOR, "main a[href^='http']")[:5]:
        assert link.get_attribute("href") in after(browser, link)


def test_the_printed_pdf_has_page_numbers_and_no_address_per_clause(browser, protocol_page, configured, tmp_path):
    import base64
    import shutil
    import subprocess
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    path = tmp_path / "page.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.count("\f") or 1
    assert "Page 1 of %d" % pages in text, text[:500]
    page_address = configured["base_url"] + protocol_page[: -len("index.html")]
    assert text.count(page_address) == 1, "the page's address should print once, not once a clause"
    assert "#clause-" not in text


def test_print_uses_black_on_white_even_in_dark_mode(browser, protocol_page):
    kit.emulate_media(browser, media="print", color_scheme="dark")
    colours = browser.execute_script("""
        const b = getComputedStyle(document.body);
        return [b.color, b.backgroundColor];""")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]


def luminance(rgb):
    parts = [int(x) / 255 for x in rgb[rgb.index("(") + 1: rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_dark_mode_follows_the_reader_preference(browser, protocol_page):
    kit.emulate_media(browser, color_scheme="light")
    light = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    kit.emulate_media(browser, color_scheme="dark")
    dark = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert luminance(light) > 0.8 and luminance(dark) < 0.05, (light, dark)


def test_reduced_motion_leaves_nothing_moving(browser, servers, configured):
    kit.emulate_media(browser, reduced_motion="reduce")
    for rel in ("index.html", "search/index.html", protocol_with_clauses(configured["site"])):
        browser.get(kit.page_url(servers["configured"], rel) + ("?q=council" if rel.startswith("search") else ""))
        moving = browser.execute_script("""
            const slow = [];
            for (const el of document.querySelectorAll('*')) {
              const s = getComputedStyle(el);
              const longest = v => Math.max(...v.split(',').map(t => parseFloat(t) * (t.trim().endsWith('ms') ? 1 : 1000)));
              if (longest(s.transitionDuration) > 1 || (s.animationName !== 'none' && longest(s.animationDuration) > 1)
                  || s.scrollBehavior === 'smooth')
                slow.push(el.tagName + '.' + el.className);
            }
            return slow.slice(0, 5);""")
        assert moving == [], "%s moves under prefers-reduced-motion: %s" % (rel, moving)


def test_a_clause_reached_by_a_link_on_a_phone_shows_its_protocol(browser, servers, configured):
    rel = protocol_with_clauses(configured["site"])
    kit.set_viewport(browser, 375, 812)
    browser.get(kit.page_url(servers["configured"], rel))
    anchors = browser.execute_script("return [...document.querySelectorAll('.protocol-body [id^=\"clause-\"]')].map(e => e.id)")
    target = anchors[len(anchors) * 2 // 3]
    browser.get(kit.page_url(servers["configured"], rel) + "#" + target)
    seen = browser.execute_script("""
        const bar = document.querySelector('.reading-bar').getBoundingClientRect();
        const clause = document.getElementById(arguments[0]).getBoundingClientRect();
        return {barTop: bar.top, barBottom: bar.bottom, clauseTop: clause.top,
                title: document.querySelector('.reading-title').textContent};""", target)
    title = browser.find_element(By.CSS_SELECTOR, "h1").text
    assert seen["barTop"] == 0 and seen["title"] == title, seen
    assert seen["clauseTop"] >= seen["barBottom"] - 1, "the bar hides the clause it was linked to: %s" % seen
