"""The strict Content Security Policy holds on every page and tool journey, and no request fails.

Each test records, from before the page's first script, every ``securitypolicyviolation`` event
of the document, and every response with an error status (or a request that failed outright).
Journeys: every page loaded directly; the timer run to its end; the angle checker with a photo
and "Find my joints" (the pose detector: tfjs wasm in a worker, the model from the site); and a
tool reached by Material's instant navigation from a guide page (the first page's policy then
governs). The policy itself (no ``'unsafe-inline'`` scripts, ``'wasm-unsafe-eval'`` on tool
pages only) is read from each built page.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.checker_page import TIMEOUT_MS, choose, open_checker, wait_ready
from tests.support import ALL_PAGES, ROOT, serve

pytestmark = pytest.mark.browser

PAGES = ALL_PAGES
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""
PHOTO = ROOT / "tests" / "data" / "photos" / "01_ht_fedb.jpg"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


class Recorder:
    def __init__(self, page: Any) -> None:
        self.page = page
        self.failed: list[str] = []
        page.on("response", self._response)
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations"))

    def assert_clean(self) -> None:
        self.page.wait_for_timeout(300)
        assert self.violations() == []
        assert self.failed == []


@pytest.fixture
def recorder(browser: Any) -> Iterator[Recorder]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(RECORD_VIOLATIONS)
    yield Recorder(context.new_page())
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_policy_is_strict_and_fits_the_page(built_site: Path, path: str) -> None:
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    match = CSP_META.search(html)
    assert match, "no CSP meta"
    assert html.index(match.group(0)) < html.index("<script"), "the policy must precede scripts"
    directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
    scripts = directives["script-src"].split()
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert ("'wasm-unsafe-eval'" in scripts) == path.startswith("tools/")
    assert directives["worker-src"] == directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'"


@pytest.mark.parametrize("path", PAGES)
def test_no_page_breaks_the_policy_or_misses_a_file(
    recorder: Recorder, site_url: str, path: str
) -> None:
    recorder.page.goto(site_url + path)
    recorder.page.wait_for_load_state("networkidle")
    if path.startswith("tools/"):
        recorder.page.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
    recorder.assert_clean()


def test_a_timer_run_keeps_to_the_policy(recorder: Recorder, site_url: str) -> None:
    page = recorder.page
    page.goto(site_url + "tools/tempo-timer/?tempo=1-0-1-0&reps=1&sets=1&legs=one&lead_in=0")
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=TIMEOUT_MS)
    page.get_by_test_id("start-button").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"phase-label\"]').textContent === 'DONE'",
        timeout=30_000,
    )
    recorder.assert_clean()


@pytest.mark.slow
def test_the_checker_with_a_photo_and_find_my_joints_keeps_to_the_policy(
    recorder: Recorder, site_url: str
) -> None:
    page = recorder.page
    open_checker(page, site_url)
    choose(page, PHOTO.name, PHOTO.read_bytes(), "image/jpeg")
    wait_ready(page)
    page.get_by_test_id("auto-detect").click()
    page.wait_for_selector(
        "[data-testid='checker-auto-status']:is([data-state='done'], [data-state='none'], [data-state='failed'])",
        timeout=120_000,
    )
    assert page.get_by_test_id("checker-auto-status").get_attribute("data-state") == "done"
    recorder.assert_clean()


def test_a_tool_reached_by_instant_navigation_keeps_to_the_policy(
    recorder: Recorder, built_site: Path, tmp_path: Path
) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    sitemap = site / "sitemap.xml"
    built_for = re.search(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8"))
    assert built_for
    page = recorder.page
    with serve(site) as url:
        # Material navigates in place only to the pages of its sitemap: publish it at this address.
        sitemap.write_text(
            sitemap.read_text(encoding="utf-8").replace(built_for.group(1), url), encoding="utf-8"
        )
        page.goto(url + "setup/")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")
        # (the navigation drawer is closed on a phone: a click event as a tap on a link makes it)
        page.evaluate(
            "document.querySelector('a.md-nav__link[href$=\"tools/tempo-timer/\"]').click()"
        )
        page.wait_for_selector("[data-tool][data-python='ready']", timeout=TIMEOUT_MS)
        assert page.evaluate("window.__sameDocument") is True  # Material swapped the page in place
        recorder.assert_clean()
