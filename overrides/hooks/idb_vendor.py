"""MkDocs hook: put ``idb`` (the small IndexedDB wrapper the training log uses) into the site.

After each build it copies the pinned npm package's ES module build (``build/index.js``, one
self-contained file of about 12 KB) to ``site/javascripts/vendor/idb.js``, where
``javascripts/log/store.js`` imports it. Being an ordinary site file, it is stored offline on
install with the pages (``offline.py``, listed after this hook in mkdocs.yml). A missing file
fails the build: run ``npm ci``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from mkdocs.config.defaults import MkDocsConfig
from npm_files import copy_if_changed, npm_file

SOURCE: Final = "build/index.js"
TARGET: Final = "javascripts/vendor/idb.js"


def on_post_build(config: MkDocsConfig) -> None:
    copy_if_changed(npm_file("idb", SOURCE), Path(config.site_dir) / TARGET)
