"""Python in the browser: the tool pages boot the self-hosted Pyodide in a Web Worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hipthrust import __version__
from tests.support import serve

pytestmark = pytest.mark.browser

TOOL_PAGES = ["tools/tempo-timer/", "tools/angle-checker/"]
BOOT_TIMEOUT_MS = 60_000

# Installed before any page script: records every long task (> 50 ms) of the main thread.
LONG_TASK_RECORDER = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def _wait_ready(page) -> None:
    page.wait_for_selector(
        "[data-tool][data-python='ready']", state="attached", timeout=BOOT_TIMEOUT_MS
    )


@pytest.mark.parametrize("path", TOOL_PAGES)
def test_tool_page_runs_python_from_its_own_origin(context, site_url: str, path: str) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.add_init_script(LONG_TASK_RECORDER)
    page.goto(site_url + path)
    _wait_ready(page)

    ready = page.get_by_test_id("python-ready").inner_text()
    assert f"tools {__version__}" in ready and "Python 3.14" in ready

    # Call Python through the page's own client module (the same instance the tool uses).
    result = page.evaluate(
        """async (url) => {
            const { callPython } = await import(url);
            return callPython("check_tempo", { text: "2-0-x-1" });
        }""",
        site_url + "javascripts/python/client.js",
    )
    assert result == {"ok": True, "tempo": "2-0-X-1"}

    # The runtime was fetched (by the worker) and every request stayed on the site's origin.
    assert any(url.endswith("/pyodide/pyodide.asm.wasm") for url in requests), requests
    assert any(url.endswith(".whl") for url in requests), requests
    foreign = [
        url
        for url in requests
        if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))
    ]
    assert foreign == []

    # Booting happened off the main thread: no long task anywhere near the ~2 s boot.
    long_tasks = page.evaluate("window.__longTasks")
    assert max(long_tasks, default=0) < 200, long_tasks


def test_python_runs_in_a_worker_not_the_page(page, site_url: str) -> None:
    page.goto(site_url + TOOL_PAGES[1])
    _wait_ready(page)
    assert page.evaluate(
        "typeof window.loadPyodide === 'undefined' && typeof window.pyodide === 'undefined'"
    )
    assert [worker.url for worker in page.workers if worker.url.endswith("/python/worker.js")]


def test_instant_navigation_keeps_one_python(page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Tempo timer").first.click()
    _wait_ready(page)
    workers_before = [w for w in page.workers if w.url.endswith("/python/worker.js")]
    page.get_by_role("link", name="Angle checker").first.click()
    page.wait_for_url("**/tools/angle-checker/")
    _wait_ready(page)
    workers_after = [w for w in page.workers if w.url.endswith("/python/worker.js")]
    assert len(workers_before) == len(workers_after) == 1


def test_missing_runtime_shows_an_error_and_retry_recovers(
    browser, built_site: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken)
    wasm = broken / "pyodide" / "pyodide.asm.wasm"
    saved = tmp_path / "pyodide.asm.wasm"
    wasm.rename(saved)
    with serve(broken) as url:
        page = browser.new_page()
        page.goto(url + TOOL_PAGES[0])
        page.wait_for_selector(
            "[data-tool][data-python='error']", state="attached", timeout=BOOT_TIMEOUT_MS
        )
        message = page.get_by_test_id("python-error")
        assert message.is_visible()
        assert "Python runtime" in message.inner_text()
        retry = page.get_by_test_id("python-retry")
        assert retry.is_visible()

        saved.rename(wasm)  # the connection is back
        retry.click()
        _wait_ready(page)
        assert page.get_by_test_id("python-ready").is_visible()
        page.close()
