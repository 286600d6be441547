"""An update never breaks a set (issue 11 §4).

Build A is served and the timer runs on it; build B (the same sources, published at another
address, so every page differs) is copied over A's folder mid-set and the browser checks for an
update. The set must run to its end on A's files without a reload or a prompt; then the page
offers "Update ready — reload", and that reload brings B.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support import build_site, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

B_URL = "https://b.example.org/"
# 3 reps of 1 s up and 1 s down, one leg, no lead-in: a 6 s set.
PLAN = "?tempo=1-0-1-0&reps=3&sets=1&legs=one&lead_in=0&rest_sets=0&rest_legs=0"
CANONICAL = "document.querySelector('link[rel=canonical]').href"
SITE_CACHES = "caches.keys().then((names) => names.filter((n) => n.startsWith('site-')).sort())"


@pytest.fixture
def build_b(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SITE_URL", B_URL)
    return build_site(tmp_path / "b")


def test_a_deploy_mid_set_waits_for_the_set_then_the_prompt_brings_it(
    browser: Any, built_site: Path, build_b: Path, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(built_site, tmp_path / "served"))
    context = browser.new_context()
    page = context.new_page()
    with serve(folder) as url:
        page.goto(url + "tools/tempo-timer/" + PLAN)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => !!navigator.serviceWorker.controller")
        page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=120_000)
        canonical_a = page.evaluate(CANONICAL)
        assert not canonical_a.startswith(B_URL)
        page.evaluate("window.__sameDocument = true")
        page.get_by_test_id("start-button").click()
        page.wait_for_selector('[data-tool][data-state="running"]')

        # Deploy B into the same folder while the set runs, and let the browser find it.
        shutil.copytree(build_b, folder, dirs_exist_ok=True)
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        page.wait_for_function(
            "() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)",
            timeout=60_000,
        )
        assert len(page.evaluate(SITE_CACHES)) == 2  # B's copy is stored beside A's
        # Still A, everywhere: the page, its files, no prompt over a running set.
        assert page.evaluate("document.querySelector('[data-tool]').dataset.state") == "running"
        assert not page.get_by_test_id("update-ready").is_visible()
        fetched = page.evaluate("fetch('../../setup/').then((r) => r.text())")
        assert canonical_a.replace("tools/tempo-timer/", "setup/") in fetched
        assert B_URL not in fetched

        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"phase-label\"]').textContent === 'DONE'",
            timeout=30_000,
        )
        assert page.evaluate("window.__sameDocument") is True  # never reloaded
        assert page.get_by_test_id("rep-counter").text_content() == "Rep 3 of 3"

        # The set is over, but its log prompt (issue 20) is open: a reload would lose it, so the
        # update waits for it to be answered.
        page.get_by_test_id("log-prompt").wait_for(state="visible")
        page.wait_for_timeout(500)
        assert not page.get_by_test_id("update-ready").is_visible()
        page.get_by_test_id("log-skip").click()
        # The prompt answered: the update's prompt, and its reload brings B (and drops A's copy).
        prompt = page.get_by_test_id("update-ready")
        prompt.wait_for(state="visible", timeout=10_000)
        assert prompt.text_content() == "Update ready — reload"
        with page.expect_navigation():
            prompt.click()
        page.wait_for_function(f"() => {CANONICAL}.startsWith({B_URL!r})")
        page.wait_for_function(
            f"() => {SITE_CACHES}.then((names) => names.length === 1)", timeout=30_000
        )
    context.close()
