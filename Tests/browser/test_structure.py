"""The markup every page must have (SPEC §5, every page): read from the
files themselves, so these run without a browser."""

import html.parser
import os
import re

import browserkit as kit


class Outline(html.parser.HTMLParser):
    """What the tests need from one page."""

    LANDMARKS = ("header", "nav", "main", "footer", "search")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.h1 = 0
        self.landmarks = {k: 0 for k in self.LANDMARKS}
        self.first_link = None
        self.ids = set()
        self.labels = {}
        self.search_inputs = []
        self.csp = None
        self.inline_scripts = 0
        self.style_attributes = []
        self.style_elements = 0
        self.handlers = []
        self.loads = []
        self._stack = []
        self._script_inline = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if tag in self.landmarks:
            self.landmarks[tag] += 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and self.first_link is None and "href" in a:
            self.first_link = a
        if tag == "label" and "for" in a:
            self.labels[a["for"]] = True
        if tag == "input" and a.get("type") == "search":
            self.search_inputs.append(a)
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content", "")
        if "style" in a:
            self.style_attributes.append(tag)
        if tag == "style":
            self.style_elements += 1
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "script":
            self._script_inline = "src" not in a and a.get("type") != "application/ld+json"
            if "src" in a:
                self.loads.append(a["src"])
        if tag == "link" and set(a.get("rel", "").split()) & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            self.loads.append(a.get("href", ""))
        if tag in ("img", "iframe", "source", "video", "audio", "embed") and a.get("src"):
            self.loads.append(a["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_inline = False

    def handle_data(self, data):
        if self._script_inline and data.strip():
            self.inline_scripts += 1


def outline(sites, page):
    name, rel = page
    parser = Outline()
    with open(os.path.join(sites[name], rel), encoding="utf-8") as f:
        parser.feed(f.read())
    return parser


def test_one_h1_landmarks_and_language(sites, page):
    o = outline(sites, page)
    assert o.lang, "<html> needs lang"
    assert o.h1 == 1, "%d h1 elements" % o.h1
    assert o.landmarks["main"] == 1
    assert o.landmarks["header"] >= 1 and o.landmarks["footer"] >= 1 and o.landmarks["nav"] >= 1


def test_skip_link_comes_first_and_reaches_main(sites, page):
    o = outline(sites, page)
    assert o.first_link is not None and "skip-link" in o.first_link.get("class", "")
    target = o.first_link["href"].lstrip("#")
    assert o.first_link["href"].startswith("#") and target in o.ids


def test_labelled_search_box(sites, page):
    o = outline(sites, page)
    assert o.search_inputs, "no search box"
    assert o.landmarks["search"] >= 1, "the search form is not in a <search> landmark"
    for box in o.search_inputs:
        assert box.get("id") in o.labels, "search box %s has no <label for>" % box.get("id")
        assert box.get("name") == "q"


def test_csp_only_self_and_nothing_inline(sites, page):
    o = outline(sites, page)
    assert o.csp, "no Content-Security-Policy <meta>"
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in o.csp.split(";") if d.strip())
    assert directives.get("default-src") == "'self'"
    for name, value in directives.items():
        assert "unsafe" not in value and "http" not in value and "*" not in value, "%s %s" % (name, value)
    assert "'self'" in directives.get("script-src", "'self'") and "'self'" in directives.get("style-src", "'self'")
    assert o.inline_scripts == 0, "inline <script>"
    assert o.style_elements == 0, "<style> element"
    assert o.style_attributes == [], "style= attributes on %s" % o.style_attributes
    assert o.handlers == [], "inline event handlers %s" % o.handlers


def test_loads_only_own_files(sites, page):
    o = outline(sites, page)
    elsewhere = [u for u in o.loads if re.match(r"^([a-z][a-z0-9+.-]*:)?//", u, re.I)]
    assert elsewhere == []


def test_stylesheets_and_scripts_name_no_other_host(site_name, sites):
    site = sites[site_name]
    for folder, _, files in os.walk(os.path.join(site, "assets")):
        for name in files:
            if not name.endswith((".css", ".js")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", text), name
            assert not re.search(r"""(import|fetch)\s*\(?\s*['"](https?:)?//""", text), name


def test_every_protocol_is_reachable_from_the_index(site_name, sites):
    site = sites[site_name]
    with open(os.path.join(site, "index.html"), encoding="utf-8") as f:
        index = f.read()
    protocols = kit.protocol_pages(site)
    assert protocols
    for p in protocols:
        assert 'href="%s"' % p[: -len("index.html")] in index or 'href="%s"' % p in index, p
