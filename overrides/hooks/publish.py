"""MkDocs hook: what a published site needs beside its pages.

- ``robots.txt``: everything may be crawled; it names the sitemap at ``site_url`` (``SITE_URL`` in
  the environment, else mkdocs.yml: the address canonical links and ``sitemap.xml`` use too).
  A build whose address is still the local server's says so in the log, as a deploy built that
  way would point search engines at 127.0.0.1.
- No dangling source-map links: a script copied from npm (e.g. Comlink's ``comlink.mjs``) may end
  with ``//# sourceMappingURL=…`` naming a map the site does not ship; browsers with developer
  tools open then request it and get a 404. Such comments are removed; scripts whose map is in
  the site (Material's) keep theirs. The pose detector's files are left alone: their byte sizes
  are written into ``detector.js`` for the download progress (``pose_model.py``), and the worker
  loads them from ``blob:`` URLs, where a relative map link never resolves.

Runs after the hooks that copy scripts (listed after them in mkdocs.yml) and before
``offline.py``, which hashes the final files.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Final

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.publish")

LOCAL_HOSTS: Final = ("://127.0.0.1", "://localhost")
SOURCE_MAP: Final = re.compile(r"\n//# sourceMappingURL=(?P<map>[^\s]+)\s*$")
LEFT_ALONE: Final = ("javascripts/vendor/tfjs/", "models/")


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    site_url = config.site_url or "/"
    if any(host in site_url for host in LOCAL_HOSTS):
        log.info("site_url is %s: set SITE_URL to the published address before deploying", site_url)
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n",
        encoding="utf-8",
    )
    for script in sorted([*site.rglob("*.js"), *site.rglob("*.mjs")]):
        if not script.relative_to(site).as_posix().startswith(LEFT_ALONE):
            strip_dangling_source_map(script)


def strip_dangling_source_map(script: Path) -> bool:
    """Remove the final ``sourceMappingURL`` comment if the map it names is not there."""
    text = script.read_text(encoding="utf-8")
    match = SOURCE_MAP.search(text)
    if not match or match.group("map").startswith("data:"):
        return False
    if (script.parent / match.group("map")).is_file():
        return False
    script.write_text(text[: match.start()] + "\n", encoding="utf-8")
    return True
