"""The page of what changed between versions, in Chromium: axe-core clean
in light and dark, the deleted and inserted words announced (in the
accessibility tree Chromium gives screen readers, and in innerText), and
kept apart by line as well as colour on screen, in dark mode and in print.
Uses ../shared/corpus-versions (its 2019 → 2022 change deletes "ten" and
inserts "five" in 2.2)."""

import pytest
from selenium.webdriver.common.by import By

import browserkit as kit


@pytest.fixture
def changes_page(browser, servers, sites):
    if "versions" not in sites:
        pytest.skip("../shared/corpus-versions is not beside the checkout")
    rel = "complaints-procedure/changes/index.html"
    browser.get(kit.page_url(servers["versions"], rel))
    return rel


def accessible_texts(driver) -> list[str]:
    """Every name and text in Chromium's accessibility tree of the page."""
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    out = []
    for node in tree.get("nodes", []):
        if node.get("ignored"):
            continue
        name = (node.get("name") or {}).get("value")
        if name:
            out.append(name)
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_changes_page_has_no_axe_violations(browser, changes_page, scheme):
    kit.emulate_media(browser, color_scheme=scheme)
    browser.get(browser.current_url)
    violations = kit.axe_violations(browser)
    assert violations == [], kit.describe_violations(violations)


def test_deleted_and_inserted_words_are_announced(browser, changes_page):
    redline = browser.find_element(By.CSS_SELECTOR, "#change-2022-05-10 .clause-changed .redline")
    # The hidden markers are positioned out of the flow, so innerText puts
    # line breaks around them; what is read is the words in order.
    text = " ".join(browser.execute_script("return arguments[0].innerText", redline).split())
    assert "[deleted: ten ]" in text and "[inserted: five ]" in text, text
    texts = accessible_texts(browser)
    joined = " ".join(texts)
    assert "[deleted: " in joined and "[inserted: " in joined, texts[:40]
    assert any(t.strip() == "ten" for t in texts) and any(t.strip() == "five" for t in texts)
    # Chromium maps <del> and <ins> to the deletion and insertion roles.
    roles = {(n.get("role") or {}).get("value") for n in browser.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]}
    assert {"deletion", "insertion"} <= roles, roles


def test_the_markers_are_hidden_on_screen_and_the_words_differ_by_line(browser, changes_page):
    deleted = browser.find_element(By.CSS_SELECTOR, "#change-2022-05-10 del")
    inserted = browser.find_element(By.CSS_SELECTOR, "#change-2022-05-10 ins")
    # What shows is the word alone: the markers are clipped to nothing.
    for marker in browser.find_elements(By.CSS_SELECTOR, "#change-2022-05-10 del .visually-hidden, #change-2022-05-10 ins .visually-hidden"):
        size = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height, getComputedStyle(arguments[0]).clipPath]", marker)
        assert size[0] <= 1 and size[1] <= 1 and size[2] != "none", size
    for scheme in ("light", "dark"):
        kit.emulate_media(browser, color_scheme=scheme)
        line = lambda e: browser.execute_script("return getComputedStyle(arguments[0]).textDecorationLine", e)
        assert "line-through" in line(deleted) and "underline" in line(inserted)


def test_print_keeps_the_redline_in_black_with_its_lines(browser, changes_page):
    kit.emulate_media(browser, media="print", color_scheme="dark")
    deleted = browser.find_element(By.CSS_SELECTOR, "#change-2022-05-10 del")
    style = browser.execute_script("const s = getComputedStyle(arguments[0]); return [s.color, s.textDecorationLine]", deleted)
    assert style[0] == "rgb(0, 0, 0)" and "line-through" in style[1], style
    assert deleted.is_displayed()


def test_each_listed_clause_links_to_its_place(browser, changes_page, servers):
    links = browser.find_elements(By.CSS_SELECTOR, ".clause-change-number")
    assert len(links) == 11
    hrefs = [l.get_attribute("href") for l in links]
    assert hrefs[3].endswith("/complaints-procedure/#clause-4.1")
    assert any(h.endswith("/versions/2019-05-14/#clause-4.2") for h in hrefs)


def test_an_earlier_version_shows_its_banner_and_links_home(browser, servers, sites):
    if "versions" not in sites:
        pytest.skip("../shared/corpus-versions is not beside the checkout")
    browser.get(kit.page_url(servers["versions"], "complaints-procedure/versions/2019-05-14/index.html"))
    banner = browser.find_element(By.CSS_SELECTOR, ".version-banner")
    assert "adopted on 14 May 2019 and replaced on 10 May 2022" in banner.text
    assert banner.find_element(By.LINK_TEXT, "Read the current text").get_attribute("href").endswith("/complaints-procedure/")
    assert browser.find_element(By.ID, "clause-4.3").is_displayed()
