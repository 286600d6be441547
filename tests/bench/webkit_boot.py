"""WebKit's half of the Python-boot benchmark (tests/bench/python_boot.py runs it, same run).

Drives Debian's WebKitGTK (MiniBrowser through WebKitWebDriver, with Selenium) under ``xvfb-run``:
each run is a new automation session (an ephemeral profile: cold caches), then a reload in it
(warm). Times are the pages' own User Timing marks ("python-ready", and the site's stage marks
"python-start"/"python-tools"), on the page's clock from navigation. Prints one JSON object.

    xvfb-run -a .venv/bin/python -m tests.bench.webkit_boot SITE_URL BARE_URL RUNS
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
DRIVER = "/usr/bin/WebKitWebDriver"
TIMEOUT_S = 180
START_TIMEOUT_S = 60
MARKS = ("python-start", "python-tools", "python-ready", "python-boot-snapshot")

READ_MARKS = """
const names = arguments[0];
const out = {};
for (const name of [...names, "python-error"]) {
  const entry = performance.getEntriesByName(name)[0];
  out[name] = entry ? entry.startTime : null;
}
return out;
"""

# Resolves once the offline copy holds the 4 runtime files (as the Chromium half waits), or
# after 30 s when this WebKit session keeps no service worker cache (the reload is then warm
# from the HTTP cache only; the result says which).
RUNTIME_STORED = """
const done = arguments[arguments.length - 1];
(async () => {
  for (const deadline = Date.now() + 30000; Date.now() < deadline; ) {
    const name = self.caches && (await caches.keys()).find((n) => n.startsWith("pyodide-"));
    if (name && (await (await caches.open(name)).keys()).length === 4) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
})().then(done, () => done(false));
"""


# The gzipped size of the memory snapshot once the first boot has stored it, or null after 60 s.
SNAPSHOT_STORED = """
const done = arguments[arguments.length - 1];
(async () => {
  // A site without snapshots (an older build) marks no "python-boot-*": nothing to wait for.
  if (!performance.getEntriesByName("python-boot-fresh").length) return null;
  for (const deadline = Date.now() + 60000; Date.now() < deadline; ) {
    const cache = self.caches && (await caches.open("python-snapshot"));
    const [key] = cache ? await cache.keys() : [];
    if (key) return (await (await cache.match(key)).blob()).size;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
})().then(done, () => done(null));
"""
DROP_SNAPSHOT = """
const done = arguments[arguments.length - 1];
caches.delete("python-snapshot").then(done, () => done(false));
"""


def missing() -> str | None:
    """Why WebKit cannot be measured here, or None when it can."""
    if not MINIBROWSER.is_file() or not shutil.which(DRIVER):
        return "webkit2gtk-driver is not installed (apt-get install webkit2gtk-driver)"
    if not shutil.which("xvfb-run"):
        return "xvfb-run is not installed (apt-get install xvfb)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed in the venv (pip install selenium)"
    return None


def measure(site_url: str, bare_url: str, runs: int) -> dict[str, Any]:
    """Run this module under xvfb-run and return its JSON answer."""
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", __name__, site_url, bare_url, str(runs)],
        capture_output=True,
        text=True,
        check=False,
        timeout=runs * 4 * TIMEOUT_S,
    )
    if result.returncode != 0:
        raise RuntimeError(f"WebKit run failed:\n{result.stdout}\n{result.stderr}")
    answer: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def _driver() -> Any:
    """A new WebKit session; a start that hangs (seen under heavy load) is killed and retried."""
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    for _ in range(3):
        options = Options()
        options.binary_location = str(MINIBROWSER)
        options.add_argument("--automation")
        service = Service(executable_path=DRIVER)
        with ThreadPoolExecutor(max_workers=1) as pool:
            starting = pool.submit(webdriver.WebKitGTK, options=options, service=service)
            try:
                driver = starting.result(timeout=START_TIMEOUT_S)
            except (FutureTimeout, WebDriverException):
                if service.process:
                    service.process.kill()  # ends the hanging call too
                continue
        driver.set_script_timeout(60)
        return driver
    raise RuntimeError("WebKitWebDriver could not start a session in 3 tries")


def _marks(driver: Any, url: str, *, reload: bool) -> dict[str, float | None]:
    if reload:
        driver.refresh()
    else:
        driver.get(url)
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        marks: dict[str, float | None] = driver.execute_script(READ_MARKS, list(MARKS))
        if marks["python-error"] is not None:
            raise RuntimeError(f"Python failed to start in WebKit at {url}")
        if marks["python-ready"] is not None:
            return marks
        time.sleep(0.05)
    raise RuntimeError(f"Python was not ready in WebKit within {TIMEOUT_S} s at {url}")


def _run(site_url: str, bare_url: str, runs: int) -> dict[str, Any]:
    results: dict[str, Any] = {"site": [], "bare": [], "stored": [], "snapshot": []}
    for index in range(runs):
        # Alternate which boots first, so neither always gets the quieter machine.
        order = [("site", site_url), ("bare", bare_url)]
        for kind, url in order if index % 2 == 0 else order[::-1]:
            driver = _driver()
            try:
                run = {"cold": _marks(driver, url, reload=False)}
                if kind == "site":
                    results["stored"].append(bool(driver.execute_async_script(RUNTIME_STORED)))
                    results["snapshot"].append(driver.execute_async_script(SNAPSHOT_STORED))
                run["warm"] = _marks(driver, url, reload=True)
                if kind == "site":
                    driver.execute_async_script(DROP_SNAPSHOT)
                    run["warm_fresh"] = _marks(driver, url, reload=True)
            finally:
                driver.quit()
            results[kind].append(run)
    return results


if __name__ == "__main__":
    site, bare, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(_run(site, bare, count)))
