"""MkDocs hook: put the set review's MP4/MOV demuxer (mp4box, pinned in package.json) into the site.

The set review (``javascripts/review/decode-worker.js``) reads MP4 and MOV files with mp4box's
ES module build and decodes the frames with WebCodecs. The build is split into chunks named by
their content hash (``styp-<hash>.mjs``, ...), so this hook starts from ``dist/mp4box.all.mjs``
and copies every module it imports, following the ``from "./..."`` specifiers, into
``site/javascripts/vendor/mp4box/`` under their own names (source maps are left out). The files
are small (~330 kB, ~70 kB gzipped) and are stored offline with the pages (``offline.py``). A
missing file fails the build: run ``npm ci``.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from npm_files import copy_if_changed, npm_file

PACKAGE = "mp4box"
ENTRY = "dist/mp4box.all.mjs"
TARGET_DIR = "javascripts/vendor/mp4box"
# Static imports and re-exports of a sibling module: `from "./name.mjs"` (the build's only form).
RELATIVE_IMPORT = re.compile(r"""from\s*["']\./([\w.-]+\.mjs)["']""")


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for source in module_closure(npm_file(PACKAGE, ENTRY)):
        copy_if_changed(source, site / TARGET_DIR / source.name)


def module_closure(entry: Path) -> list[Path]:
    """``entry`` and every module it imports from its own folder, each once, entry first."""
    found: list[Path] = []
    pending = [entry]
    while pending:
        module = pending.pop(0)
        if module in found:
            continue
        if not module.is_file():
            raise PluginError(f"{module} is missing: run `npm ci` (mp4box's build changed?).")
        found.append(module)
        text = module.read_text(encoding="utf-8")
        pending.extend(entry.parent / name for name in RELATIVE_IMPORT.findall(text))
    return found
