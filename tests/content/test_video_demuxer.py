"""The set review's demuxer in the built site (overrides/hooks/video_demuxer.py): mp4box's ES
module and every module it imports are there, at the pinned version, stored offline with the
pages, and the decode worker imports it from where the hook puts it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support import ROOT, load_hook, offline_precache

VENDOR = "javascripts/vendor/mp4box"


def test_every_module_mp4box_imports_is_in_the_site(built_site: Path) -> None:
    folder = built_site / VENDOR
    shipped = {path.name for path in folder.iterdir()}
    assert "mp4box.all.mjs" in shipped
    assert not any(name.endswith(".map") for name in shipped)
    for module in folder.iterdir():
        for name in re.findall(r"""from\s*["']\./([\w.-]+)["']""", module.read_text()):
            assert name in shipped, f"{module.name} imports {name}, which is not in the site"
    # The hook's list is exactly what is shipped: nothing missing, nothing extra.
    closure = load_hook("video_demuxer").module_closure(
        ROOT / "node_modules" / "mp4box" / "dist" / "mp4box.all.mjs"
    )
    assert {path.name for path in closure} == shipped


def test_the_pinned_version_is_shipped_and_stored_offline(built_site: Path) -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["mp4box"]
    installed = json.loads((ROOT / "node_modules/mp4box/package.json").read_text())["version"]
    assert pinned == installed
    stored = offline_precache(built_site)
    for module in (built_site / VENDOR).iterdir():
        assert f"{VENDOR}/{module.name}" in stored
    assert "tools/set-review/" in stored


def test_the_decode_worker_imports_the_shipped_demuxer(built_site: Path) -> None:
    worker = built_site / "javascripts/review/decode-worker.js"
    imported = re.search(r'from "(\.\./vendor/mp4box/[^"]+)"', worker.read_text())
    assert imported
    assert (worker.parent / imported[1]).resolve().is_file()
