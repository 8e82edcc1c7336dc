"""The split search index (docs/search-index.md) in Chromium: the same
project built whole and split (PROTOSITE_SEARCH_SHARD_THRESHOLD) lists
the same results, the split one fetching gzipped files and unpacking them
itself, or reading them as they come from a server that sends them with
Content-Encoding: gzip (the browser has unpacked them then)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import urllib.parse

import pytest

import browserkit as kit
from conftest import binary, work_dir

QUERIES = ("bullying", "councillor complaint", "clerk", "4.8", "complant", '"press release"', "standing order")


class _EncodingHandler(kit.Handler):
    """Sends .gz files as a server configured with AddEncoding gzip .gz does."""

    def end_headers(self):
        if urllib.parse.urlsplit(self.path).path.endswith(".gz"):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()


def _project() -> str | None:
    for root in (kit.CORPUS, kit.REPO):
        if kit.has_content(root):
            return root
    return None


def _build(root: str, name: str, threshold: int | None) -> str:
    output = os.path.join(work_dir(), name, "site")
    env = dict(os.environ)
    env.pop("PROTOSITE_SEARCH_SHARD_THRESHOLD", None)
    if threshold is not None:
        env["PROTOSITE_SEARCH_SHARD_THRESHOLD"] = str(threshold)
    run = subprocess.run([binary(), "build", "--root", root, "--output", output, "--today", "2025-06-01"],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    return output


@pytest.fixture(scope="module")
def split_servers():
    root = _project()
    if root is None:
        pytest.skip("no project with content beside the checkout")
    whole = _build(root, "search-whole", None)
    split = _build(root, "search-split", 20)
    assert not os.path.exists(os.path.join(whole, "search", "entries-0.json.gz")), "the whole build is not split"
    assert os.path.exists(os.path.join(split, "search", "entries-0.json.gz")), "the split build is split"
    with contextlib.ExitStack() as stack:
        yield {
            "whole": stack.enter_context(kit.serve(whole)),
            "split": stack.enter_context(kit.serve(split)),
            "encoded": stack.enter_context(kit.serve(split, _EncodingHandler)),
        }


def _results(browser, base: str, query: str) -> tuple[list[str], str]:
    browser.get(base + "search/index.html?q=" + urllib.parse.quote(query))
    assert kit.wait_for_search_results(browser, timeout=10), "no results for %r at %s" % (query, base)
    hrefs = browser.execute_script(
        "return [...document.querySelectorAll('ol#search-results li a')].map((a) => a.getAttribute('href'))")
    status = browser.find_element("id", "search-status").text
    return [urllib.parse.urlsplit(h).path + "#" + urllib.parse.urlsplit(h).fragment for h in hrefs], status


@pytest.mark.parametrize("query", QUERIES)
def test_split_index_lists_what_the_whole_one_does(browser, split_servers, query):
    expected = _results(browser, split_servers["whole"], query)
    for name in ("split", "encoded"):
        kit.requested_urls(browser)
        browser.get_log("browser")
        base = split_servers[name]
        got = _results(browser, base, query)
        assert got[0] == expected[0], name
        assert got[1] == expected[1], name
        fetched = [u for u in kit.requested_urls(browser) if u.endswith(".gz")]
        assert any("/search/terms-" in u for u in fetched), "%s: fetched %s" % (name, fetched)
        assert any("/search/entries-" in u for u in fetched), "%s: fetched %s" % (name, fetched)
        # A new origin's first page asks for /favicon.ico, which no site has.
        assert [e for e in kit.console_errors(browser) if "favicon.ico" not in e] == [], name
