"""Offline: after one visit the guide and the tools keep working with the server gone.

Each test serves its own copy of the site and then shuts that server down, which is what a phone
in a basement sees: every request to the site fails.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support import offline_precache, serve

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 60_000
WAIT_FOR_OFFLINE_COPY = "navigator.serviceWorker.ready.then(() => caches.keys())"


# Polls an async condition in the page until it holds (wait_for_function cannot await).
UNTIL = """
async ([condition, arg]) => {
  const check = eval(condition);
  for (const deadline = Date.now() + 30000; Date.now() < deadline; ) {
    if (await check(arg)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
"""


def _until(page: Any, condition: str, arg: object = None) -> None:
    assert page.evaluate(UNTIL, [condition, arg]), f"never true: {condition}"


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built_site, tmp_path / "site"))


def test_the_worker_stores_every_page_but_not_the_python_runtime(own_site: Path) -> None:
    stored = offline_precache(own_site)
    for page in ("./", "setup/", "execution/", "troubleshooting/", "scaling/", "faq/"):
        assert page in stored
    for tool in ("tools/tempo-timer/", "tools/angle-checker/", "javascripts/python/worker.js"):
        assert tool in stored
    # The pinned runtime waits for a tool to load it; this build's wheel and lock file go with
    # the pages (a deploy must never pair pages of one build with the tools of another).
    runtime = {"pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs", "python_stdlib.zip"}
    assert {url.removeprefix("pyodide/") for url in stored} & runtime == set()
    assert "pyodide/pyodide-lock.json" in stored
    assert any(url.startswith("pyodide/hipthrust-") and url.endswith(".whl") for url in stored)
    assert [url for url in stored if url.endswith(".map")] == []
    for url in stored:
        assert (own_site / url).exists() or (own_site / url / "index.html").exists(), url


def test_after_one_visit_the_guide_reads_offline(browser: Any, own_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serve(own_site) as url:
        page.goto(url)
        caches = page.evaluate(WAIT_FOR_OFFLINE_COPY)
        assert any(name.startswith("site-") for name in caches)
    # The server is gone. Pages never opened before come from the phone, by link and by tap.
    page.goto(url + "troubleshooting/")
    assert "Troubleshooting" in page.locator("h1").first.inner_text()
    page.get_by_role("link", name="Scaling").first.click()
    page.wait_for_url("**/scaling/")
    assert page.locator("h1").first.inner_text().strip() != ""
    # A page the site does not have: a clear offline message that points back to the guide.
    page.goto(url + "no-such-page/")
    assert "No connection" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="open the guide").is_visible()
    context.close()


def test_a_tool_opened_once_starts_python_offline(browser: Any, own_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serve(own_site) as url:
        page.goto(url + "tools/tempo-timer/")
        page.evaluate(WAIT_FOR_OFFLINE_COPY)
        page.wait_for_selector(
            "[data-tool][data-python='ready']", state="attached", timeout=BOOT_TIMEOUT_MS
        )
        # The very first visit booted Python before the service worker controlled the page:
        # the page then asks it to keep the runtime (pyodide.mjs, .asm.mjs, .asm.wasm, stdlib).
        _until(
            page,
            """async () => {
              const names = await caches.keys();
              const runtime = names.find((name) => name.startsWith("pyodide-"));
              return runtime && (await (await caches.open(runtime)).keys()).length === 4;
            }""",
        )
        # And the first boot stored Python's memory snapshot (python/snapshot.js).
        _until(page, "async () => (await (await caches.open('python-snapshot')).keys()).length")
    page.reload()
    page.wait_for_selector(
        "[data-tool][data-python='ready']", state="attached", timeout=BOOT_TIMEOUT_MS
    )
    # Offline, Python came back from the snapshot (the worker needs no network for it).
    assert page.evaluate("performance.getEntriesByName('python-boot-snapshot').length") == 1
    page.get_by_test_id("tempo-input").fill("3-1-1-2")
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])')
    page.get_by_test_id("tempo-input").fill("fast")
    page.get_by_test_id("tempo-error").wait_for(state="visible")
    context.close()


def test_a_new_build_replaces_the_stored_copy(browser: Any, own_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serve(own_site) as url:
        page.goto(url)
        first = page.evaluate(WAIT_FOR_OFFLINE_COPY)
        # Python's memory snapshot (python/snapshot.js) is not this build's to drop: its worker
        # replaces it, keyed by runtime and wheel.
        page.evaluate("caches.open('python-snapshot')")
        worker = own_site / "sw.js"
        build = worker.read_text(encoding="utf-8")
        old_id = next(name for name in first if name.startswith("site-")).removeprefix("site-")
        home = own_site / "index.html"
        marked = home.read_text(encoding="utf-8").replace(
            "</article>", '<p id="new-build">new</p></article>', 1
        )
        home.write_text(marked, encoding="utf-8")
        worker.write_text(build.replace(old_id, "0123456789abcdef"), encoding="utf-8")
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        # The new build's worker waits until the reader takes the update (sw.js, app.js).
        page.get_by_test_id("update-ready").click()
        page.wait_for_selector("#new-build")
        _until(
            page,
            """async (old) => {
              const names = await caches.keys();
              return names.includes("site-0123456789abcdef") && !names.includes(`site-${old}`);
            }""",
            old_id,
        )
        assert "python-snapshot" in page.evaluate("caches.keys()")
    page.goto(url)  # offline again: the new build's copy
    assert page.locator("#new-build").is_visible()
    context.close()
