"""Benchmark: time from navigation to "Python ready" on a tool page, cold and warm cache, against
a bare Web Worker boot of the stock runtime and wheel in the same run, in Chromium and WebKit;
and the bytes a cold visit transfers. Prints medians over several runs.

    .venv/bin/python -m tests.bench.python_boot [--runs N] [--no-webkit]

The bare boot (tests/bench/fixtures/bare_boot/, served only here, on its own origin so the
site's service worker stays out of it) is what Pyodide's documentation shows: the npm runtime as
published, the wheel as hatchling builds it, ``loadPyodide`` then ``loadPackage``. Targets (issue
11 §1): site/bare ≤ 0.7 cold, ≤ 0.45 warm; issue 10 §2: WebKit ≤ 1.5 times Chromium.

Cold = a new browser profile per run (empty caches; for Chromium an on-disk profile like a
phone's browser); warm = a reload in the same profile once the offline copy (sw.js) has stored
the runtime and the first boot has stored Python's memory snapshot (javascripts/python/
snapshot.js), so the site's warm boot restores it (the bare page: its HTTP cache); "warm, no
snapshot" = one more reload after deleting the snapshot (the warm boot without that lever, same
profile, same run). Times are the pages' User Timing marks ("python-ready"; the site also marks
"python-start", "python-tools" and "python-boot-snapshot|fresh", see client.js). The
transfer counts every byte that came from the network in the first cold run, the service
worker's offline copy included. The loopback server does not compress; the gzip figure
estimates what a static host that compresses (GitHub Pages, Netlify) would send.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import BrowserContext, Page, Playwright, Request, sync_playwright

from tests.bench import webkit_boot
from tests.support import CHROMIUM_ARGS, ROOT, build_site, chromium_path, load_hook, serve

TOOL_PAGE = "tools/tempo-timer/"
FIXTURE = Path(__file__).with_name("fixtures") / "bare_boot"
STOCK_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
STAGES = ("python-start", "python-tools", "python-ready")
RESTORED = "python-boot-snapshot"

READ_MARKS = """
(names) => Object.fromEntries(
  names.map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null]),
)
"""

RUNTIME_STORED = """
async () => {
  for (const deadline = Date.now() + 60000; Date.now() < deadline; ) {
    const name = (await caches.keys()).find((n) => n.startsWith("pyodide-"));
    if (name && (await (await caches.open(name)).keys()).length === 4) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
"""

# Resolves to the gzipped size of the stored memory snapshot once the first boot has stored it
# (it is made when Python is ready and stored while the tools are in use), or null after 60 s.
SNAPSHOT_STORED = """
async () => {
  // A site without snapshots (an older build) marks no "python-boot-*": nothing to wait for.
  if (!performance.getEntriesByName("python-boot-fresh").length) return null;
  for (const deadline = Date.now() + 60000; Date.now() < deadline; ) {
    const cache = await caches.open("python-snapshot");
    const [key] = await cache.keys();
    if (key) return (await (await cache.match(key)).blob()).size;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
"""
DROP_SNAPSHOT = "caches.delete('python-snapshot')"

# Tap Start -> first cue handed to the audio clock (issue 11 §1: < 10 ms), from the click (the
# finger lifted) and from the pointerdown (the finger down: the timer opens the audio device
# then). The capture listeners run before the button's own; the first
# AudioScheduledSourceNode.start() is the cue.
FIRST_CUE_CLOCK = """
window.__tapAt = null;
window.__downAt = null;
window.__firstCueAt = null;
const originalStart = AudioScheduledSourceNode.prototype.start;
AudioScheduledSourceNode.prototype.start = function (...args) {
  window.__firstCueAt ??= performance.now();
  return originalStart.apply(this, args);
};
const onStart = (event) => event.target.closest?.("[data-testid='start-button']");
document.addEventListener("pointerdown", (event) => {
  if (onStart(event)) window.__downAt ??= performance.now();
}, true);
document.addEventListener("click", (event) => {
  if (onStart(event)) window.__tapAt ??= performance.now();
}, true);
"""

Marks = dict[str, float | None]


def _bare_fixture(target: Path) -> Path:
    """The bare page: fixture files, the npm runtime as published, the plain wheel, its lock."""
    hook: Any = load_hook("pyodide_runtime")
    shutil.copytree(FIXTURE, target)
    runtime = target / "pyodide"
    runtime.mkdir()
    for name in STOCK_RUNTIME:
        shutil.copyfile(ROOT / "node_modules/pyodide" / name, runtime / name)
    wheel = hook._project_wheel()
    shutil.copyfile(wheel, runtime / wheel.name)
    hook._write_lock(runtime, wheel.name)
    return target


def _time_to_ready(page: Page, url: str, *, reload: bool = False) -> Marks:
    if reload:
        page.reload()
    else:
        page.goto(url)
    # Polled from here: the site's CSP forbids the string evaluation wait_for_function uses.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        ready = page.evaluate("performance.getEntriesByName('python-ready').length > 0")
        if ready:
            break
        page.wait_for_timeout(50)
    else:
        raise SystemExit(f"Python was not ready within 180 s at {url}")
    marks: Marks = page.evaluate(READ_MARKS, [*STAGES, RESTORED])
    return marks


def _tap_to_first_cue(page: Page) -> tuple[float, float]:
    """(click -> first cue, pointerdown -> first cue) in ms."""
    button = page.get_by_test_id("start-button")
    button.wait_for(state="visible")
    for _ in range(200):
        if button.is_enabled():
            break
        page.wait_for_timeout(50)
    button.click()
    for _ in range(200):
        delay = page.evaluate(
            "window.__firstCueAt === null ? null"
            " : [window.__firstCueAt - window.__tapAt, window.__firstCueAt - window.__downAt]"
        )
        if delay is not None:
            return float(delay[0]), float(delay[1])
        page.wait_for_timeout(25)
    raise SystemExit("no cue was scheduled after tapping Start")


def _recorder(into: list[Request]) -> Callable[[Request], None]:
    # A plain function: Playwright cannot wrap a bound builtin like `list.append`.
    return lambda request: into.append(request)


@contextmanager
def _profile(playwright: Playwright) -> Iterator[BrowserContext]:
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        try:
            yield context
        finally:
            context.close()


def _sizes(requests: list[Request]) -> list[tuple[str, int]]:
    """(url, bytes of body and headers) of each request that brought a body over the network."""
    sizes = [(r.url, r.sizes()) for r in requests]
    return [
        (url, max(0, size["responseBodySize"]) + size["responseHeadersSize"])
        for url, size in sizes
        if size["responseBodySize"] > 0
    ]


def _chromium(
    site_url: str, bare_url: str, runs: int
) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    results: dict[str, Any] = {"site": [], "bare": [], "first_cue": [], "snapshot": []}
    first_cold: list[tuple[str, int]] = []
    with sync_playwright() as playwright:
        for index in range(runs):
            order = [("site", site_url + TOOL_PAGE), ("bare", bare_url)]
            for kind, url in order if index % 2 == 0 else order[::-1]:
                with _profile(playwright) as context:
                    requests: list[Request] = []
                    context.on("requestfinished", _recorder(requests))
                    context.add_init_script(FIRST_CUE_CLOCK)
                    page = context.new_page()
                    cold = _time_to_ready(page, url)
                    if kind == "site":
                        if not page.evaluate(RUNTIME_STORED):
                            raise SystemExit("the service worker never stored the runtime")
                        results["snapshot"].append(page.evaluate(SNAPSHOT_STORED))
                        if not first_cold:
                            first_cold = _sizes(requests)
                    run = {"cold": cold, "warm": _time_to_ready(page, url, reload=True)}
                    if kind == "site":
                        results["first_cue"].append(_tap_to_first_cue(page))
                        page.evaluate(DROP_SNAPSHOT)
                        run["warm_fresh"] = _time_to_ready(page, url, reload=True)
                results[kind].append(run)
    return results, first_cold


def _median(runs: list[dict[str, Marks]], cache: str, mark: str = "python-ready") -> float:
    return statistics.median(float(run[cache][mark] or 0) for run in runs)


def _report(engine: str, results: dict[str, Any]) -> dict[str, float]:
    medians: dict[str, float] = {}
    for cache in ("cold", "warm", "warm_fresh"):
        site = _median(results["site"], cache)
        bare = _median(results["bare"], cache.removesuffix("_fresh"))
        every = [round(float(run[cache]["python-ready"])) for run in results["site"]]
        stages = ", ".join(
            f"{mark.removeprefix('python-')} {_median(results['site'], cache, mark):.0f}"
            for mark in STAGES[:-1]
        )
        restored = sum(run[cache][RESTORED] is not None for run in results["site"])
        label = {"cold": "cold", "warm": "warm", "warm_fresh": "warm, no snapshot"}[cache]
        print(
            f"{engine:8} {label}: site {site:5.0f} ms, bare worker {bare:5.0f} ms, "
            f"ratio {site / bare:.2f}  (site runs {every}; stages start at: {stages} ms; "
            f"restored from the snapshot in {restored}/{len(results['site'])})"
        )
        medians[cache] = site
    sizes = [size for size in results["snapshot"] if size]
    print(
        f"{engine:8} snapshot stored after {len(sizes)}/{len(results['snapshot'])} first boots"
        + (f", {statistics.median(sizes) / 1e6:.2f} MB gzipped" if sizes else "")
    )
    return medians


def _transfer(site: Path, sizes: list[tuple[str, int]]) -> None:
    total = sum(size for _, size in sizes)
    gzipped = 0
    for url, _ in sizes:
        file = site / urlparse(url).path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            gzipped += len(gzip.compress(file.read_bytes(), compresslevel=6))
    print(
        f"cold transfer: {total / 1e6:.2f} MB in {len(sizes)} requests "
        f"(about {gzipped / 1e6:.2f} MB from a host that gzips)"
    )
    for url, size in sorted(sizes, key=lambda item: -item[1])[:4]:
        print(f"  {size / 1e6:6.2f} MB  {urlparse(url).path}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-webkit", action="store_true", help="Chromium only")
    parser.add_argument("--site", type=Path, help="a site already built (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as servers:
        site = args.site or build_site(Path(scratch) / "site")
        bare = _bare_fixture(Path(scratch) / "bare")
        site_url = servers.enter_context(serve(site))
        bare_url = servers.enter_context(serve(bare))
        print(f"tool page {TOOL_PAGE} vs bare worker boot, {args.runs} runs each, same run")
        chromium, first_cold = _chromium(site_url, bare_url, args.runs)
        ready = {"Chromium": _report("Chromium", chromium)}
        cues = [click for click, _ in chromium["first_cue"]]
        downs = [down for _, down in chromium["first_cue"]]
        print(
            f"Chromium tap Start -> first cue scheduled: median {statistics.median(cues):.1f} ms "
            f"(max {max(cues):.1f}) from the click; {statistics.median(downs):.1f} ms from the "
            "pointerdown (the audio device opens then)"
        )
        why_not = "skipped (--no-webkit)" if args.no_webkit else webkit_boot.missing()
        if why_not is None:
            webkit = webkit_boot.measure(site_url + TOOL_PAGE, bare_url, args.runs)
            ready["WebKit"] = _report("WebKit", webkit)
            if not all(webkit["stored"]):
                print(
                    "  (WebKit: the offline copy was not stored; its warm runs used the HTTP cache)"
                )
            for cache in ("cold", "warm", "warm_fresh"):
                ratio = ready["WebKit"][cache] / ready["Chromium"][cache]
                print(f"Python ready, WebKit / Chromium, {cache}: {ratio:.2f}")
        else:
            print(f"WebKit: not measured: {why_not}")
        _transfer(site, first_cold)


if __name__ == "__main__":
    main()
