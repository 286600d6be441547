"""Shared test plumbing: build the site once, serve it on loopback, find the system Chromium.

Used by the pytest fixtures (tests/conftest.py) and by the benchmarks (tests/bench/), so both
measure the same built site the same way.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]

# Every guide page (not the tools), as paths below the site root, in the order of the nav.
GUIDE_PAGES = [
    "",
    "setup/",
    "execution/",
    "troubleshooting/",
    "feel/",
    "scaling/",
    "programming/",
    "safety/",
    "faq/",
    "glossary/",
]
TOOL_PAGES = ["tools/tempo-timer/", "tools/angle-checker/", "tools/set-review/", "tools/log/"]
ALL_PAGES = [*GUIDE_PAGES, *TOOL_PAGES]
# A phone as the layout tests see it (browser.new_context(**PHONE)).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

# Chromium as root in a sandbox with a closed network: no sandbox, and no background calls home
# (they would be refused, many at a time, and count as cross-origin requests).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
    "--autoplay-policy=no-user-gesture-required",
]


def chromium_path() -> str:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    raise RuntimeError("No Chromium found: run scripts/ensure-browsers.sh (make test does)")


def build_site(target: Path) -> Path:
    """``mkdocs build --strict`` into ``target``; raises with MkDocs' output if it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(
    directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port (with ``handler_class``, a quiet static
    handler by default); yields the base URL (ending in /)."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def offline_precache(site: Path) -> list[str]:
    """The URLs (relative to the site root) the built ``sw.js`` stores on install."""
    text = (site / "sw.js").read_text(encoding="utf-8")
    start = text.index("const PRECACHE = ") + len("const PRECACHE = ")
    return list(json.loads(text[start : text.index("];", start) + 1]))


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def inject_axe(page: object) -> None:
    """Load axe-core into ``page``. Evaluated through DevTools, not as a ``<script>`` tag: the
    site's Content Security Policy (rightly) refuses inline scripts it does not know."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")  # type: ignore[attr-defined]


def load_hook(name: str) -> ModuleType:
    """A fresh copy of ``overrides/hooks/<name>.py`` (its module state reset), loaded as MkDocs
    loads it: with the hooks' folder on ``sys.path``, so a hook can import its neighbours."""
    hooks = ROOT / "overrides" / "hooks"
    spec = importlib.util.spec_from_file_location(f"{name}_hook", hooks / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(hooks))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(hooks))
    return module
