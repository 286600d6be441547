"""Benchmark: time from navigation to "Python ready" on a tool page, cold and warm cache, and
the bytes a cold visit transfers. Prints medians over several runs.

    .venv/bin/python -m tests.bench.python_boot [--runs N]

Cold = a new browser profile per run (empty caches; an on-disk profile like a phone's browser,
not an in-memory private one); warm = a reload in the same profile once the offline copy (sw.js)
has stored the runtime. The transfer counts every byte that came from the network in the cold
run, the service worker's offline copy included (files it takes from the HTTP cache count 0).
The loopback server does not compress; the gzip figure estimates what a static host that
compresses (GitHub Pages, Netlify) would send for the same files.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, Request, sync_playwright

from tests.support import CHROMIUM_ARGS, build_site, chromium_path, serve

TOOL_PAGE = "tools/tempo-timer/"
# Records when the tool root turns data-python="ready", on the page's own clock.
READY_CLOCK = """
new MutationObserver((_, observer) => {
  if (document.querySelector("[data-tool][data-python='ready']")) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-python"] });
"""


def _time_to_ready(page: Page, url: str) -> float:
    page.goto(url)
    page.wait_for_selector("[data-tool][data-python='ready']", state="attached", timeout=120_000)
    return float(page.evaluate("window.__readyAt"))


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


def _recorder(into: list[Request]) -> Callable[[Request], None]:
    # A plain function: Playwright cannot wrap a bound builtin like `list.append`.
    return lambda request: into.append(request)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site = build_site(Path(scratch) / "site")
        with serve(site) as base, sync_playwright() as playwright:
            cold, warm, transfers = [], [], []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as profile:
                    context = playwright.chromium.launch_persistent_context(
                        profile, executable_path=chromium_path(), args=CHROMIUM_ARGS
                    )
                    context.add_init_script(READY_CLOCK)
                    requests: list[Request] = []
                    context.on("requestfinished", _recorder(requests))
                    page = context.new_page()
                    cold.append(_time_to_ready(page, base + TOOL_PAGE))
                    if not page.evaluate(RUNTIME_STORED):
                        raise SystemExit("the service worker never stored the runtime")
                    transfers.append(
                        [
                            (
                                r.url,
                                max(0, r.sizes()["responseBodySize"])
                                + r.sizes()["responseHeadersSize"],
                            )
                            for r in requests
                            if r.sizes()["responseBodySize"] > 0
                        ]
                    )
                    warm.append(_time_to_ready(page, base + TOOL_PAGE))
                    context.close()
        first = transfers[0]
        total = sum(size for _, size in first)
        gzipped = 0
        for url, _ in first:
            file = site / urlparse(url).path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if file.is_file():
                gzipped += len(gzip.compress(file.read_bytes(), compresslevel=6))
        print(f"tool page: {TOOL_PAGE} ({args.runs} runs, loopback server, headless Chromium)")
        print(
            f"navigation -> Python ready, cold cache: median {statistics.median(cold):.0f} ms "
            f"(min {min(cold):.0f}, max {max(cold):.0f})"
        )
        print(
            f"navigation -> Python ready, warm cache: median {statistics.median(warm):.0f} ms "
            f"(min {min(warm):.0f}, max {max(warm):.0f})"
        )
        print(
            f"cold transfer: {total / 1e6:.2f} MB in {len(first)} requests "
            f"(about {gzipped / 1e6:.2f} MB from a host that gzips)"
        )
        biggest = sorted(first, key=lambda item: -item[1])[:4]
        for url, size in biggest:
            print(f"  {size / 1e6:6.2f} MB  {urlparse(url).path}")


if __name__ == "__main__":
    main()
