"""Hostile content, loaded in Chromium: script and markup payloads in every
field a clerk controls must never run. Each payload tries to set
window.__pwned or open a dialog; every page of the built site is opened and
neither may happen, and no script error may be logged."""

from __future__ import annotations

import json
import os
import tempfile

import pytest
from selenium.common.exceptions import NoAlertPresentException

import browserkit as kit
from conftest import binary, work_dir

PAYLOADS = [
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
    "' onmouseover='window.__pwned=1",
    "]]><x>",
    "\u2028\u2029",
]


def quoted(text: str) -> str:
    return json.dumps(text)  # JSON strings are valid YAML double-quoted scalars


def hostile_project(root: str) -> None:
    payload = " ".join(PAYLOADS)
    os.makedirs(os.path.join(root, "content"), exist_ok=True)
    # base_url at the top of its host, where the test serves the site: the
    # links of 404.html start at base_url's path.
    with open(os.path.join(root, "protosite.yml"), "w", encoding="utf-8") as f:
        f.write("title: %s\ncouncil: %s\ncontact: %s\nbase_url: https://example.org/\n" % (quoted("Site " + payload), quoted("Council " + payload), quoted(payload)))
    front = "\n".join([
        "title: %s" % quoted("Code " + payload),
        "summary: %s" % quoted(payload),
        "aliases: [%s]" % quoted("Alias " + payload),
        "tags: [%s]" % quoted(payload),
        "version: %s" % quoted(payload),
        "review: 2021-01",
        "history:",
        "  - {date: 2020-01-01, version: %s, change: %s}" % (quoted(payload), quoted(payload)),
    ])
    body = "\n".join([
        "## 1. Heading %s" % payload,
        "",
        "1.1 Clause %s [link](javascript:window.__pwned=1) [data](data:text/html,<script>window.__pwned=1</script>) note[^n]." % payload,
        "",
        "| A %s | B |" % payload.replace("|", "\\|"),
        "|---|---|",
        "| <img src=x onerror=window.__pwned=1> | c |",
        "",
        "[^n]: Footnote %s" % payload,
        "",
    ])
    with open(os.path.join(root, "content", "hostile.md"), "w", encoding="utf-8") as f:
        f.write("---\n%s\n---\n\n%s" % (front, body))


@pytest.fixture(scope="module")
def hostile_site():
    root = tempfile.mkdtemp(prefix="hostile-", dir=work_dir())
    hostile_project(root)
    site = kit.build_site(binary(), root, os.path.join(root, "site"), today="2026-11-23")
    with kit.serve(site) as base:
        yield site, base


@pytest.fixture(scope="module")
def hostile_browser():
    driver = kit.chromium()
    yield driver
    driver.quit()


def assert_nothing_ran(driver, where: str) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - any dialog fails the test
    assert driver.execute_script("return window.__pwned === undefined"), "payload ran on " + where
    errors = [e for e in kit.console_errors(driver) if "favicon" not in e]
    assert not errors, "%s: %s" % (where, errors)


def test_no_page_runs_a_payload(hostile_site, hostile_browser):
    site, base = hostile_site
    pages = kit.html_pages(site)
    assert len(pages) >= 6
    for page in pages:
        hostile_browser.get(kit.page_url(base, page))
        assert_nothing_ran(hostile_browser, page)


def test_a_hostile_query_shows_as_text(hostile_site, hostile_browser):
    site, base = hostile_site
    from urllib.parse import quote
    query = '<img src=x onerror="window.__pwned=1"> code'
    hostile_browser.get(base + "search/index.html?q=" + quote(query))
    kit.wait_for_search_results(hostile_browser)
    status = hostile_browser.find_element("id", "search-status").text
    assert "<img src=x" in status
    assert_nothing_ran(hostile_browser, "search")
