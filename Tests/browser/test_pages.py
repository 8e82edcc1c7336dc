"""Every page of every built site, in Chromium and by the tools auditors use:
axe-core WCAG 2.0/2.1/2.2 A and AA in light and dark, the Nu HTML Checker,
links and #fragments, requests to other hosts, and reflow at 320 px."""

import pytest

import browserkit as kit


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_wcag_a_and_aa(browser, servers, page, scheme):
    kit.emulate_media(browser, color_scheme=scheme)
    kit.open_page(browser, servers, page)
    assert browser.execute_script("return matchMedia('(prefers-color-scheme: %s)').matches" % scheme)
    violations = kit.axe_violations(browser)
    assert violations == [], "axe-core (%s): %s\n%s" % (scheme, page[1], kit.describe_violations(violations))


def test_no_request_to_other_hosts_and_no_console_errors(browser, servers, page):
    kit.open_page(browser, servers, page)
    # Also what a reader's actions load: the print stylesheet and dark colours.
    kit.emulate_media(browser, media="print", color_scheme="dark")
    browser.execute_script("return document.body.offsetHeight")
    kit.emulate_media(browser)
    requested = kit.requested_urls(browser)
    assert requested, "the performance log saw no requests at all"
    elsewhere = sorted({u for u in requested if kit.is_other_host(u)})
    assert elsewhere == [], "%s asked other hosts for %s" % (page[1], elsewhere)
    errors = [e for e in kit.console_errors(browser) if "favicon.ico" not in e]
    assert errors == [], "console errors (a blocked inline script or style shows here): %s" % errors


def test_vnu_no_errors(vnu_results, page):
    name, rel = page
    errors = vnu_results[name].get(rel, [])
    assert errors == [], "Nu HTML Checker:\n" + "\n".join(errors)


def test_links_and_fragments(crawl_results, page):
    name, rel = page
    problems, checked = crawl_results[name]
    assert checked > 0
    assert problems.get(rel, []) == [], "broken links on %s:\n%s" % (rel, "\n".join(problems[rel]))


def test_reflows_at_320_px(browser, servers, page):
    """WCAG 1.4.10: nothing scrolls sideways at 320 CSS px but tables and code."""
    kit.set_viewport(browser, 320, 640)
    kit.open_page(browser, servers, page)
    overflow = browser.execute_script("""
        const width = document.documentElement.clientWidth;
        const wide = [];
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('.table-wrap, pre')) continue;
          const r = el.getBoundingClientRect();
          if (r.width && (r.right > width + 1 || r.left < -1) && getComputedStyle(el).position !== 'absolute')
            wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '')
                      + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
        }
        return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8)};
    """)
    assert overflow["scroll"] <= overflow["width"], "page is %d px wide at 320 px: %s" % (overflow["scroll"], overflow["wide"])
    assert overflow["wide"] == []
