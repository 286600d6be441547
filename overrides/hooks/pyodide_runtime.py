"""MkDocs hook: put a self-hosted Pyodide runtime, our wheel and its lock file into the site.

After each build it writes ``site/pyodide/`` with the pinned npm ``pyodide`` runtime files, the
``hipthrust`` wheel built from ``tools/``, and a ``pyodide-lock.json`` made by
``pyodide lockfile add-wheels`` (pyodide-build), so the worker's ``loadPackage("hipthrust")``
checks the wheel's sha256. The stdlib zip and the wheel ship as ``.pyc`` only, compiled inside
the pinned Pyodide by ``scripts/compile-pyc.mjs`` (Node): a boot then imports bytecode instead of
parsing and compiling every module (issue 11 §1). Both are cached in ``.cache/pyc/`` by digest.
The lock is trimmed to the packages the site ships: the npm lock lists ~350 packages whose
files are not here, and a smaller lock is less to download on a bad signal.
Comlink's ES module goes to ``site/javascripts/vendor/``. Nothing is fetched from the network.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build import ProjectBuilder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from npm_files import NODE_MODULES, copy_if_changed, npm_file

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
WHEEL_CACHE = ROOT / ".cache" / "wheels"
PACKAGE_SOURCES = (ROOT / "tools", ROOT / "pyproject.toml")
PYC_CACHE = ROOT / ".cache" / "pyc"
# Outside overrides/: the theme's custom_dir is copied into the site.
COMPILER = ROOT / "scripts" / "compile-pyc.mjs"
# Runtime files that ship compiled to .pyc; the others are copied as npm has them.
COMPILED_FILES = ("python_stdlib.zip",)


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **_: object) -> LiveReloadServer:
    """Rebuild when the Python package changes, not only the Markdown."""
    server.watch(str(ROOT / "tools"))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    runtime_dir = site / "pyodide"
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        source = npm_file("pyodide", name)
        copy_if_changed(_compiled(source) if name in COMPILED_FILES else source, runtime_dir / name)
    wheel = _compiled(_project_wheel())
    copy_if_changed(wheel, runtime_dir / wheel.name)
    _write_lock(runtime_dir, wheel.name)
    copy_if_changed(
        npm_file("comlink", "dist/esm/comlink.mjs"), site / "javascripts/vendor/comlink.mjs"
    )


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for root in PACKAGE_SOURCES:
        files = (
            [root]
            if root.is_file()
            else sorted(root.rglob("*.py")) + sorted(root.rglob("py.typed"))
        )
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _project_wheel() -> Path:
    """Build the wheel with the project's own backend, once per change of the sources."""
    cache = WHEEL_CACHE / _sources_digest()
    wheels = sorted(cache.glob("hipthrust-*.whl"))
    if wheels:
        return wheels[0]
    shutil.rmtree(WHEEL_CACHE, ignore_errors=True)
    cache.mkdir(parents=True)
    # No isolated env: the backend (hatchling) is pinned in requirements.lock, so no network.
    return Path(ProjectBuilder(ROOT, python_executable=sys.executable).build("wheel", cache))


def _compiled(source: Path) -> Path:
    """``source`` (a zip or a wheel) with its modules compiled to .pyc by the pinned Pyodide.

    Cached by the digest of the source, the compiler script and the runtime, so a rebuild (the
    content tests build the site several times) costs a hash, not a 10 s run of Pyodide in Node.
    """
    digest = hashlib.sha256()
    for part in (source, COMPILER, npm_file("pyodide", "pyodide.asm.wasm")):
        digest.update(hashlib.sha256(part.read_bytes()).digest())
    target = PYC_CACHE / digest.hexdigest()[:16] / source.name
    if target.is_file():
        return target
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to compile Python to .pyc inside Pyodide.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    result = subprocess.run(
        [node, str(COMPILER), str(NODE_MODULES / "pyodide"), str(source), str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"compiling {source.name} to .pyc failed:\n{result.stderr}")
    partial.replace(target)  # atomic: a build that stops half-way leaves no broken cache entry
    for stale in PYC_CACHE.glob(f"*/{source.name.split('-')[0]}*"):
        if stale.parent != target.parent:
            shutil.rmtree(stale.parent, ignore_errors=True)
    return target


def _write_lock(runtime_dir: Path, wheel_name: str) -> None:
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    with tempfile.TemporaryDirectory() as scratch:
        full_lock = Path(scratch) / "pyodide-lock.json"
        result = subprocess.run(
            [
                str(pyodide_cli),
                "lockfile",
                "add-wheels",
                "--input",
                str(npm_file("pyodide", "pyodide-lock.json")),
                "--output",
                str(full_lock),
                "--base-path",
                str(runtime_dir),
                str(runtime_dir / wheel_name),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise PluginError(f"pyodide lockfile add-wheels failed:\n{result.stderr}")
        lock = json.loads(full_lock.read_text())
    shipped = {
        name: package
        for name, package in lock["packages"].items()
        if (runtime_dir / package["file_name"]).is_file()
    }
    lock["packages"] = shipped
    text = json.dumps(lock, indent=1, sort_keys=True) + "\n"
    target = runtime_dir / "pyodide-lock.json"
    if not target.exists() or target.read_text() != text:
        target.write_text(text)
