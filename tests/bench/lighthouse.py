"""Lighthouse (mobile, its default simulated slow 4G and 4x CPU slowdown) on every page of the
built site: performance, accessibility, best practices and SEO scores (issue 11 §5 asks for
>= 95 / 100 / 100 / 100), with FCP, LCP and TBT.

Run: ``.venv/bin/python -m tests.bench.lighthouse`` (builds the site into a temporary directory;
``--site DIR`` uses a built one). The pinned npm ``lighthouse`` drives the system Chromium. The
site is served gzipped, as GitHub Pages serves it (uncompressed, Material's CSS alone costs about
1.4 s of first paint on the simulated link). Scores move by a point or two on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.support import ALL_PAGES, ROOT, _QuietHandler, build_site, chromium_path, serve

PAGES = ALL_PAGES
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = ("text/", "javascript", "json", "svg")


class _GzipHandler(_QuietHandler):
    """Text files gzipped when the browser accepts it, with a short cache lifetime (as Pages)."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and any(k in kind for k in COMPRESSED)):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def audit(url: str, report: Path) -> dict[str, Any]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless=new --no-sandbox",
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        check=True,
        timeout=300,
    )
    return dict(json.loads(report.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, help="an already built site/ directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        print(f"{'page':22} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}   FCP     LCP     TBT")
        with serve(site, _GzipHandler) as url:
            for page in PAGES:
                result = audit(url + page, Path(tmp) / "report.json")
                scores = [round(100 * result["categories"][c]["score"]) for c in CATEGORIES]
                timing = [
                    result["audits"][k]["displayValue"]
                    for k in (
                        "first-contentful-paint",
                        "largest-contentful-paint",
                        "total-blocking-time",
                    )
                ]
                print(
                    f"{page or 'home':22} "
                    + " ".join(f"{s:>4}" for s in scores)
                    + "   "
                    + "  ".join(f"{t:>6}" for t in timing),
                    flush=True,
                )


if __name__ == "__main__":
    main()
