"""The checkers themselves: each must catch a fault planted for it, so a
check that silently stopped working cannot pass the whole site."""

import os

import browserkit as kit

BAD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body><main><h1>Bad</h1><img src="pixel.png"><p style="color:#999;background:#aaa">faint</p>
<a href="missing.html">gone</a> <a href="#nowhere">no target</a> <a href="index.html#nowhere">no target</a>
<img src="http://other.example/pixel.png" alt="from elsewhere">
<div><li>list item outside a list</li></div></main></body></html>
"""


def _bad_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    (site / "pixel.png").write_bytes(b"")
    return str(site)


def test_axe_catches_violations(browser, tmp_path):
    with kit.serve(_bad_site(tmp_path)) as base:
        browser.get(base)
        ids = {v["id"] for v in kit.axe_violations(browser)}
    assert {"image-alt", "color-contrast", "listitem"} <= ids, ids


def test_request_log_catches_other_hosts(browser, tmp_path):
    with kit.serve(_bad_site(tmp_path)) as base:
        browser.get(base)
        requested = kit.requested_urls(browser)
    assert "http://other.example/pixel.png" in requested
    assert [u for u in requested if kit.is_other_host(u)] == ["http://other.example/pixel.png"]


def test_vnu_catches_errors(tmp_path):
    site = _bad_site(tmp_path)
    errors = kit.vnu_errors(site)
    assert "index.html" in errors and any("“li”" in e or "li" in e for e in errors["index.html"]), errors


def test_crawler_catches_missing_pages_and_fragments(tmp_path):
    site = _bad_site(tmp_path)
    with kit.serve(site) as base:
        problems, checked = kit.crawl(base, ["index.html"])
    found = "\n".join(problems.get("index.html", []))
    assert "missing.html" in found and "'nowhere'" in found, problems
    assert found.count("no id 'nowhere'") == 2, found
    assert not os.path.exists(os.path.join(site, "missing.html"))
