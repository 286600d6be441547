"""Files the hooks copy from the pinned npm packages into the site (not a hook itself).

MkDocs puts a hook's folder on ``sys.path`` while it imports the hook, so the hooks import this
module by name. Missing files fail the build with the command that fixes it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"


def npm_file(package: str, relative: str) -> Path:
    path = NODE_MODULES / package / relative
    if not path.is_file():
        raise PluginError(f"{path} is missing: run `npm ci` (or `make serve`, which does it).")
    return path


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy unless the target already has these bytes (keeps mtimes, so live reload stays calm)."""
    same_size = target.exists() and target.stat().st_size == source.stat().st_size
    if same_size and target.read_bytes() == source.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
