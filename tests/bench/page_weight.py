"""Page weight of each guide page: every byte a phone downloads on a cold visit (HTML, CSS, JS,
images, fonts, other), measured in headless Chromium on the built site; Pyodide must not load.

Run: ``.venv/bin/python -m tests.bench.page_weight`` (builds the site into a temporary directory).
Inline SVG figures are part of the HTML. The offline copy (sw.js) is reported on its own line.
Sizes are uncompressed bytes as served by a static host without compression; the last column is the same bytes gzipped (what a compressing host sends).
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support import (
    CHROMIUM_ARGS,
    GUIDE_PAGES,
    build_site,
    chromium_path,
    offline_precache,
    serve,
)

PAGES = {(path.strip("/").title() or "Home"): path for path in GUIDE_PAGES}
KINDS = ("html", "css", "js", "image", "font", "other")


def _kind(url: str, content_type: str) -> str:
    if "html" in content_type:
        return "html"
    if "css" in content_type or url.endswith(".css"):
        return "css"
    if "javascript" in content_type or url.endswith((".js", ".mjs")):
        return "js"
    if content_type.startswith("image/"):
        return "image"
    if "font" in content_type or url.endswith((".woff", ".woff2")):
        return "font"
    return "other"


def measure(site: Path) -> dict[str, dict[str, int]]:
    weights: dict[str, dict[str, int]] = {}
    others: set[str] = set()
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, path in PAGES.items():
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            sizes: dict[str, int] = defaultdict(int)
            urls: list[str] = []

            def on_response(response, sizes=sizes, urls=urls, base=base) -> None:  # type: ignore[no-untyped-def]
                urls.append(response.url)
                try:
                    body = response.body()
                except Exception:  # redirects and aborted requests have no body
                    return
                kind = _kind(response.url, response.headers.get("content-type", ""))
                sizes[kind] += len(body)
                sizes["gzip"] += len(gzip.compress(body, 6))
                if kind == "other":
                    others.add(response.url.removeprefix(base))

            page.on("response", on_response)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            context.close()
            if any("/pyodide/" in url for url in urls):
                raise SystemExit(f"{name} loaded Pyodide files")
            weights[name] = dict(sizes)
        browser.close()
    print("other =", ", ".join(sorted(others)))
    return weights


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args[0]) if args else build_site(Path(tmp) / "site")
        weights = measure(site)
        stored = [
            site / url / "index.html" if url.endswith("/") else site / url
            for url in offline_precache(site)
        ]
        offline = [path.read_bytes() for path in stored]
    header = (
        f"{'page':<16}" + "".join(f"{kind:>9}" for kind in KINDS) + f"{'total':>10}{'gzipped':>10}"
    )
    print("Guide page weight, cold cache, bytes (KiB in the last column); no /pyodide/ requests")
    print(header)
    for name, sizes in weights.items():
        total = sum(sizes.get(kind, 0) for kind in KINDS)
        row = "".join(f"{sizes.get(kind, 0):>9}" for kind in KINDS)
        print(f"{name:<16}{row}{total / 1024:>9.1f}K{sizes['gzip'] / 1024:>9.1f}K")
    size = sum(len(body) for body in offline) / 1024
    packed = sum(len(gzip.compress(body, 6)) for body in offline) / 1024
    print(
        f"Offline copy the service worker stores after the first page: {len(offline)} files,"
        f" {size:.1f}K ({packed:.1f}K gzipped), in the background; the Python runtime is not in it"
    )


if __name__ == "__main__":
    main()
