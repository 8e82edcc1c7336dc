"""Fixtures for the browser tests (python3 -m pytest -q Tests/browser).

The sites are built once per run, before the tests are collected, because
the tests are generated per page: the example project (the repository's
content/ and protosite.yml) and ../shared/corpus, each with the protosite
binary built into .build-browser (or $PROTOSITE). A third build, the example
(or the corpus) with base_url, council and contact set, serves the print and
accessibility-statement tests. Everything is written under one temporary
folder, removed when the run ends. Each site is served by its own
http.server thread on 127.0.0.1, started for the session and shut down
after it; one headless Chromium serves every test.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile

import pytest

import browserkit as kit

CONFIGURED = {
    "base_url": "https://www.example-parish.gov.uk/policies/",
    "council": "Testwick Parish Council",
    "contact": "clerk@testwick.example, 01632 960123",
}

_work: list[str] = []


def work_dir() -> str:
    if not _work:
        _work.append(tempfile.mkdtemp(prefix="protosite-browser-"))
    return _work[0]


def pytest_sessionfinish(session, exitstatus):
    for folder in _work:
        shutil.rmtree(folder, ignore_errors=True)


@functools.lru_cache(maxsize=None)
def binary() -> str:
    return kit.protosite_binary()


def example_root() -> str | None:
    return kit.REPO if kit.has_content(kit.REPO) else None


@functools.lru_cache(maxsize=None)
def built_sites() -> dict[str, str]:
    """{"example": folder, "corpus": folder, "numbering": folder, "versions": folder} for the projects that exist."""
    sites = {}
    if example_root():
        sites["example"] = kit.build_site(binary(), kit.REPO, os.path.join(work_dir(), "example", "site"))
    if kit.has_content(kit.CORPUS):
        sites["corpus"] = kit.build_site(binary(), kit.CORPUS, os.path.join(work_dir(), "corpus", "site"))
    if kit.has_content(kit.NUMBERING):
        sites["numbering"] = kit.build_site(binary(), kit.NUMBERING, os.path.join(work_dir(), "numbering", "site"))
    if kit.has_content(kit.VERSIONS):
        sites["versions"] = kit.build_site(binary(), kit.VERSIONS, os.path.join(work_dir(), "versions", "site"))
    return sites


@functools.lru_cache(maxsize=None)
def configured_site() -> str:
    """The example (else the corpus) with base_url, council and contact set."""
    source = example_root() or kit.CORPUS
    project = kit.copy_project(source, os.path.join(work_dir(), "configured"),
                               "".join("%s: %s\n" % kv for kv in CONFIGURED.items()))
    return kit.build_site(binary(), project, os.path.join(project, "site"))


def page_params():
    params = []
    for name, site in built_sites().items():
        for rel in kit.html_pages(site):
            params.append(pytest.param((name, rel), id="%s:%s" % (name, rel)))
    return params


def pytest_generate_tests(metafunc):
    if "page" in metafunc.fixturenames:
        metafunc.parametrize("page", page_params())
    if "site_name" in metafunc.fixturenames:
        metafunc.parametrize("site_name", list(built_sites()))


@pytest.fixture(scope="session")
def sites() -> dict[str, str]:
    return built_sites()


@pytest.fixture(scope="session")
def configured() -> dict[str, str]:
    """The configured build: {"site": folder, "base_url": …, "council": …, "contact": …}."""
    return dict(CONFIGURED, site=configured_site())


@pytest.fixture(scope="session")
def servers(sites):
    """{site name: base URL} for every built site, plus "configured"."""
    with contextlib.ExitStack() as stack:
        bases = {name: stack.enter_context(kit.serve(folder)) for name, folder in sites.items()}
        bases["configured"] = stack.enter_context(kit.serve(configured_site()))
        yield bases


@pytest.fixture(scope="session")
def _chromium():
    driver = kit.chromium()
    yield driver
    driver.quit()


@pytest.fixture
def browser(_chromium):
    """The session's Chromium, reset: 1280 x 900, screen media, no
    colour-scheme preference, logs drained."""
    kit.set_viewport(_chromium, 1280, 900)
    kit.emulate_media(_chromium)
    _chromium.get("about:blank")
    kit.requested_urls(_chromium)
    _chromium.get_log("browser")
    yield _chromium
    kit.emulate_media(_chromium)


@pytest.fixture(scope="session")
def vnu_results(sites):
    return {name: kit.vnu_errors(folder) for name, folder in sites.items()}


@pytest.fixture(scope="session")
def crawl_results(sites, servers):
    return {name: kit.crawl(servers[name], kit.html_pages(folder)) for name, folder in sites.items()}
