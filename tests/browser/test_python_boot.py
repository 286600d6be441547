"""Python in the browser: the tool pages boot the self-hosted Pyodide in a Web Worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hipthrust import __version__
from tests.main_thread import TASK_BUDGET_MS, over_budget, traced
from tests.support import TOOL_PAGES, serve

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 60_000

# Records every value data-python takes on the tool root during `ms` milliseconds.
STATE_CHANGES_WITHIN = """
(ms) => new Promise((resolve) => {
  const root = document.querySelector("[data-tool]");
  const seen = [];
  const observer = new MutationObserver(() => seen.push(root.dataset.python));
  observer.observe(root, { attributes: true, attributeFilter: ["data-python"] });
  setTimeout(() => { observer.disconnect(); resolve(seen.filter((s) => s !== "error")); }, ms);
})
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
    page.goto("about:blank")
    with traced(page) as tasks:
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

    # Booting happened off the main thread, and the tool mounted in small steps: no task of ours
    # (the worker's start, Comlink's answers, the tool's mount) held the main thread for more
    # than the budget of CPU time (tests/main_thread.py). Material's bundle and the browser's
    # parsing are not ours; a busy machine stretches wall time, not this measure.
    assert tasks, "the trace saw no task of the page"
    assert over_budget(tasks, site_url) == [], f"over {TASK_BUDGET_MS} ms of main-thread CPU"


@pytest.mark.parametrize("path", TOOL_PAGES)
def test_the_tool_page_starts_python_before_its_scripts_load(
    context, site_url: str, path: str
) -> None:
    # The <head> of a tool page starts the worker (overrides/main.html): its script is asked for
    # before the page's own modules, and the page keeps that one worker.
    requests: list[str] = []
    page = context.new_page()
    # The page's and its workers' requests (the service worker stores worker.js too).
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path)
    _wait_ready(page)
    names = [url.rsplit("/", 1)[-1] for url in requests]
    assert names.index("worker.js") < names.index("app.js"), names
    assert names.count("worker.js") == 1, names
    assert page.evaluate("window.hipthrustEarlyWorker") is None  # adopted by client.js


def test_guide_pages_start_no_worker(context, site_url: str) -> None:
    requests: list[str] = []
    page = context.new_page()
    # The page's own requests: the service worker stores the tools' files too, in the background.
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert not [url for url in requests if "/python/" in url or "/pyodide/" in url]


def test_an_early_worker_that_cannot_load_shows_the_error_and_retry_recovers(
    context, site_url: str
) -> None:
    failures = {"left": 1}

    def worker_script(route) -> None:
        if failures["left"]:
            failures["left"] -= 1
            route.fulfill(status=404, body="not found")
        else:
            route.continue_()

    context.route("**/javascripts/python/worker.js", worker_script)
    page = context.new_page()
    page.goto(site_url + TOOL_PAGES[0])
    page.wait_for_selector(
        "[data-tool][data-python='error']", state="attached", timeout=BOOT_TIMEOUT_MS
    )
    assert page.evaluate(STATE_CHANGES_WITHIN, 1500) == []  # no boot behind the message
    assert page.get_by_test_id("python-error").is_visible()
    page.get_by_test_id("python-retry").click()
    _wait_ready(page)


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
        # Late progress messages from the failed worker must not bring back the loading panel.
        changes = page.evaluate(STATE_CHANGES_WITHIN, 1500)
        assert changes == [], f"the error was replaced by {changes}"
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


# A module worker made from a blob: it records what WebAssembly.instantiateStreaming is given,
# then runs the site's own worker.js, which boots Python as on a tool page.
STREAMING_PROBE = """
async (workerUrl) => {
  const source = `
    const original = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (source, imports) => {
      const response = await source;
      postMessage({ probe: { url: response.url, type: response.type } });
      return original(response, imports);
    };
    await import(${JSON.stringify(workerUrl)});
  `;
  const blob = new Blob([source], { type: "text/javascript" });
  const worker = new Worker(URL.createObjectURL(blob), { type: "module" });
  return await new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => data?.probe && resolve(data.probe);
    worker.onerror = (event) => reject(new Error(event.message));
    setTimeout(() => reject(new Error("instantiateStreaming was never called")), 60000);
  }).finally(() => worker.terminate());
}
"""


def test_wasm_response_reaches_the_engine_untouched(page, site_url: str) -> None:
    # A Response re-made around a counting stream has no URL: the engine could then neither
    # stream-compile it as the server's file nor cache its compiled code.
    # The probe is a blob: worker, which the tool pages' CSP rightly refuses (worker-src 'self'):
    # run it from a blank page of the same origin instead.
    blank = site_url + "streaming-probe.html"
    page.route(blank, lambda route: route.fulfill(body="<!doctype html><title>probe</title>"))
    page.goto(blank)
    probe = page.evaluate(STREAMING_PROBE, site_url + "javascripts/python/worker.js")
    assert probe == {"url": site_url + "pyodide/pyodide.asm.wasm", "type": "basic"}


def test_boot_stages_are_reported_in_order(page, site_url: str) -> None:
    page.goto(site_url + TOOL_PAGES[0])
    _wait_ready(page)
    marks = page.evaluate(
        """["download", "start", "tools", "ready"].map(
            (stage) => performance.getEntriesByName(`python-${stage}`)[0]?.startTime ?? null)"""
    )
    assert None not in marks, marks
    assert marks == sorted(marks), marks
