"""MkDocs hook: a strict Content Security Policy in every page (``<meta http-equiv>``).

``overrides/main.html`` puts ``<meta http-equiv="Content-Security-Policy" content="__CSP__">``
early in ``<head>`` (before Material's first inline script: a meta policy only covers what follows
it); after the build this hook fills it in for every HTML file of the site:

- scripts: the site's own files (``'self'``) and, instead of ``'unsafe-inline'``, the SHA-256 of
  each inline script Material writes (its ``__md_scope`` helper, the palette and the tabs
  snippets; JSON data blocks do not run and are left out). Every page lists the hashes of all
  pages: with Material's instant navigation the first page's policy governs the ones it loads;
- ``'wasm-unsafe-eval'`` on the tool pages only (they start Pyodide and the pose detector, which
  compile WebAssembly): guide pages never run WebAssembly;
- workers, fetches, images, media, fonts, the manifest: this origin only (images and media also
  ``blob:``, the photo the reader opens; images ``data:``, Material's icons in its CSS). No
  plugins, no ``<base>`` elsewhere, no form posts.

Under ``mkdocs serve`` scripts get ``'unsafe-inline'`` instead of hashes: the dev server injects
its live-reload script, different on every request, into each page. Styles keep
``'unsafe-inline'`` (Material and the tools set inline styles; style injection cannot run code). A page without the placeholder fails the build, so a template change cannot drop the
policy unnoticed. Runs after every hook that writes HTML and before ``offline.py``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Final

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PLACEHOLDER: Final = "__CSP__"
# Under `mkdocs serve`: what lets the dev server's live-reload script run (never in a build).
DEV_SERVER_SCRIPTS: Final = ["'unsafe-inline'"]
TOOL_PAGE: Final = re.compile(r"<[^>]+\sdata-tool=\"")
INLINE_SCRIPT: Final = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
# Script types a browser runs (anything else, e.g. application/json, is a data block).
RUNNABLE_TYPES: Final = ("", "text/javascript", "module", "application/javascript")
TYPE_ATTR: Final = re.compile(r"\stype=[\"']?([^\"'\s>]*)")


_command = "build"


def on_startup(command: str, **_: object) -> None:
    global _command
    _command = command


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = sorted({digest for text in texts.values() for digest in inline_script_hashes(text)})
    if _command == "serve":
        hashes = DEV_SERVER_SCRIPTS
    for page, text in texts.items():
        if PLACEHOLDER not in text:
            raise PluginError(f"{page.relative_to(site)}: no CSP placeholder (overrides/main.html)")
        page.write_text(
            text.replace(PLACEHOLDER, policy(hashes, wasm=bool(TOOL_PAGE.search(text)))),
            encoding="utf-8",
        )


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` sources of the runnable inline scripts of one page."""
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\ssrc=", attrs):
            continue
        kind = TYPE_ATTR.search(attrs)
        if (kind.group(1).lower() if kind else "") not in RUNNABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


def policy(script_hashes: list[str], *, wasm: bool) -> str:
    scripts = ["'self'", *script_hashes, *(["'wasm-unsafe-eval'"] if wasm else [])]
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(scripts),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "media-src": "'self' blob:",
        "worker-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())
