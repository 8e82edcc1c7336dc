#!/usr/bin/env python3
"""Screenshots of the built site in headless Chromium, for docs/screenshots.

    python3 Tests/browser/screenshots.py [--site SITE_DIR] [--out DIR]
        [--protocol SLUG] [--query WORDS] [--scheme light|dark] [--media print]

Without --site it builds the example project (the repository's content/ and
protosite.yml; ../shared/corpus while content/ is empty) into a temporary
folder. It shoots the index, a protocol page, the review schedule and the
search page with results, and the changes page of a protocol with earlier
versions (when there is one), each 375 px and 1280 px wide, as PNG files named
PAGE-WIDTH.png (with -dark or -print added for those modes).
"""

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browserkit as kit  # noqa: E402

SIZES = ((375, 812), (1280, 900))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site")
    ap.add_argument("--out", default=os.path.join(kit.REPO, "docs", "screenshots"))
    ap.add_argument("--protocol", help="slug of the protocol page to show (default: the one with most clauses)")
    ap.add_argument("--query", default="councillor")
    ap.add_argument("--scheme", choices=("light", "dark"), default="light")
    ap.add_argument("--media", choices=("screen", "print"), default="screen")
    ap.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    ap.add_argument("--only", help="comma-separated pages to shoot (index, protocol, reviews, search, changes); default: all")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="protosite-shots-") as tmp:
        site = args.site
        if not site:
            root = kit.REPO if kit.has_content(kit.REPO) else kit.CORPUS
            site = kit.build_site(kit.protosite_binary(), root, os.path.join(tmp, "site"))
        slug = args.protocol or busiest_protocol(site)
        pages = [("index", "index.html", ""), ("protocol", slug + "/index.html", ""),
                 ("reviews", "reviews/index.html", ""), ("search", "search/index.html", "?q=" + args.query)]
        pages += [("changes", rel, "") for rel in kit.changes_pages(site)[:1]]
        only = set(args.only.split(",")) if args.only else None
        if only:
            pages = [p for p in pages if p[0] in only]
        os.makedirs(args.out, exist_ok=True)
        suffix = ("-dark" if args.scheme == "dark" else "") + ("-print" if args.media == "print" else "")
        with kit.serve(os.path.abspath(site)) as base:
            driver = kit.chromium(perf_log=False)
            try:
                for width, height in SIZES:
                    kit.set_viewport(driver, width, height)
                    kit.emulate_media(driver, "print" if args.media == "print" else "", args.scheme)
                    for name, rel, query in pages:
                        driver.get(kit.page_url(base, rel) + query)
                        if name == "search":
                            wait_for_results(driver)
                        if args.full_page:
                            full = driver.execute_script("return document.documentElement.scrollHeight")
                            kit.set_viewport(driver, width, min(full, 12000))
                        path = os.path.join(args.out, "%s-%d%s.png" % (name, width, suffix))
                        driver.save_screenshot(path)
                        kit.set_viewport(driver, width, height)
                        print(path)
                if only and "protocol" not in only:
                    return
                # A phone reader in the middle of a long protocol, reached by a
                # link to one clause; and the first printed page.
                kit.set_viewport(driver, 375, 812)
                kit.emulate_media(driver, "", args.scheme)
                url = kit.page_url(base, slug + "/index.html")
                driver.get(url)
                ids = driver.execute_script("return [...document.querySelectorAll('.protocol-body [id^=\"clause-\"]')].map(e => e.id)")
                if ids:
                    driver.get(url + "#" + ids[len(ids) * 2 // 3])
                    path = os.path.join(args.out, "protocol-mid-375%s.png" % suffix)
                    driver.save_screenshot(path)
                    print(path)
                print_first_page(driver, url, os.path.join(args.out, "protocol-print-page1.png"))
            finally:
                driver.quit()


def print_first_page(driver, url, path):
    """The page printed to PDF by Chromium, its first page as a PNG (pdftoppm)."""
    import base64
    import shutil
    import subprocess
    if not shutil.which("pdftoppm"):
        print("note: pdftoppm (poppler-utils) is missing: no print screenshot", file=sys.stderr)
        return
    driver.get(url)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "page.pdf")
        with open(source, "wb") as f:
            f.write(base64.b64decode(pdf["data"]))
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", source, path[: -len(".png")]], check=True)
    print(path)


def busiest_protocol(site):
    best, most = None, -1
    for rel in kit.protocol_pages(site):
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            n = f.read().count('id="clause-')
        if n > most:
            best, most = rel[: -len("/index.html")], n
    return best


def wait_for_results(driver):
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol#search-results li a"))
    except TimeoutException:
        print("note: the search page showed no results", file=sys.stderr)


if __name__ == "__main__":
    main()
