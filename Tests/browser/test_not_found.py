"""404.html as a web server shows it: at whatever address was missed, two
folders deep under the sub-folder the site is published in. Built with
base_url http://127.0.0.1:PORT/policies/ and served only under /policies/
by a handler that answers every missing path with 404.html and status 404
(as Apache's ErrorDocument or a host's "custom 404 page" do). Opened at
/policies/no/such/page, the page must be styled, load without errors, and
every link on it must lead to a real page."""

from __future__ import annotations

import contextlib
import http.server
import mimetypes
import os
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import browserkit as kit

PREFIX = "/policies/"


class _SubFolderHandler(http.server.BaseHTTPRequestHandler):
    """The site under PREFIX; everything else, and every missing file, is
    404.html with status 404."""

    site = ""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        found = None
        if path.startswith(PREFIX) and "/.." not in path:
            candidate = os.path.join(self.site, path[len(PREFIX):])
            if os.path.isdir(candidate) and path.endswith("/"):
                candidate = os.path.join(candidate, "index.html")
            if os.path.isfile(candidate):
                found = candidate
        status = 200 if found else 404
        file = found or os.path.join(self.site, "404.html")
        with open(file, "rb") as f:
            body = f.read()
        kind = mimetypes.guess_type(file)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def sub_folder_site(tmp_path_factory):
    """(base URL of the sub-folder, site folder): the example (else the
    corpus) built for http://127.0.0.1:PORT/policies/ and served there."""
    source = kit.REPO if kit.has_content(kit.REPO) else kit.CORPUS
    if not kit.has_content(source):
        pytest.skip("no example content and ../shared/corpus is not beside the checkout")
    # The port comes first: base_url names it, so the server is made, then the site built.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SubFolderHandler)
    server.daemon_threads = True
    base = "http://127.0.0.1:%d%s" % (server.server_address[1], PREFIX)
    work = tmp_path_factory.mktemp("not-found")
    project = kit.copy_project(source, str(work / "project"), "base_url: %s\ncontact: clerk@example.org\n" % base)
    site = kit.build_site(kit.protosite_binary(), project, os.path.join(project, "site"))
    _SubFolderHandler.site = site
    thread = threading.Thread(target=server.serve_forever, name="sub-folder-http", daemon=True)
    thread.start()
    try:
        yield base, site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def status_of(url: str) -> int:
    with contextlib.suppress(urllib.error.HTTPError):
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    try:
        urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error.code
    return 0


def test_the_handler_answers_a_miss_with_404_html(sub_folder_site):
    base, site = sub_folder_site
    assert status_of(base) == 200
    assert status_of(base + "no/such/page") == 404


def test_404_two_folders_deep_is_styled_and_its_links_work(browser, sub_folder_site):
    base, _ = sub_folder_site
    browser.get(base + "no/such/page")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Page not found"

    # site.css applied: body is a flex column without the browser's 8 px
    # margin, and the header has the theme's panel colour.
    body = browser.execute_script("const s = getComputedStyle(document.body); return [s.display, s.marginTop];")
    assert body == ["flex", "0px"], "the stylesheet did not load: %s" % body
    header = browser.execute_script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header == "rgb(243, 242, 241)", header
    sheets = browser.execute_script("return [...document.styleSheets].map(s => s.href)")
    assert base + "assets/site.css" in sheets, sheets
    # Of the site's files, only the missed address itself is a 404 (the
    # browser's own /favicon.ico, outside the site, is not the page's).
    failures = [e for e in kit.console_errors(browser) if e.startswith(base) and not e.startswith(base + "no/such/page ")]
    assert failures == [], "a resource of the page failed to load"

    # Every link (and the search form) leads to a real page of the site.
    # (The skip link, #main, stays on the page.)
    links = browser.execute_script(
        "return [...document.querySelectorAll('a[href]:not([href^=\"#\"])')].map(a => a.href)")
    local = [urllib.parse.urldefrag(link)[0] for link in links if link.startswith("http://127.0.0.1")]
    assert len(local) >= 6, links
    for link in local:
        assert link.startswith(base), "%s leads out of the site's folder" % link
        assert status_of(link) == 200, "%s is not a page" % link
    action = browser.find_element(By.CSS_SELECTOR, "form[action]").get_property("action")
    assert action == base + "search/index.html" and status_of(action) == 200

    # And following one lands there, styled as well.
    browser.find_element(By.LINK_TEXT, "See all protocols").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url == base + "index.html")
    assert browser.execute_script("return getComputedStyle(document.body).display") == "flex"
