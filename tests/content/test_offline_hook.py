"""The offline hook fills in sw.js for a build, and leaves it inert under ``mkdocs serve``."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType, SimpleNamespace

from tests.support import ROOT, load_hook


def _hook() -> ModuleType:
    return load_hook("offline")


def _fake_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "setup").mkdir(parents=True)
    (site / "pyodide").mkdir()
    (site / "sw.js").write_text((ROOT / "docs" / "sw.js").read_text(encoding="utf-8"))
    (site / "index.html").write_text("<h1>Home</h1>")
    (site / "setup" / "index.html").write_text("<h1>Setup</h1>")
    (site / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm")
    (site / "app.js.map").write_text("{}")
    return site


def _build_id(site: Path) -> str:
    match = re.search(r'const BUILD = "([^"]*)";', (site / "sw.js").read_text())
    assert match
    return match.group(1)


def test_a_build_gets_an_id_that_changes_with_any_file(tmp_path: Path) -> None:
    hook = _hook()
    hook.on_startup(command="build")
    site = _fake_site(tmp_path)
    source = (site / "sw.js").read_text()
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    first = _build_id(site)
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    text = (site / "sw.js").read_text()
    assert 'const PRECACHE = ["./", "setup/"];' in text
    assert 'const TOOL_FILES = ["pyodide/pyodide.asm.wasm"];' in text
    assert "__BUILD__" not in text and "__PRECACHE__" not in text and "__TOOL_FILES__" not in text

    (site / "sw.js").write_text(source)
    (site / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm\1")
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    assert _build_id(site) not in ("", first)


def test_under_mkdocs_serve_the_worker_steps_aside(tmp_path: Path) -> None:
    hook = _hook()
    hook.on_startup(command="serve")
    site = _fake_site(tmp_path)
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    assert _build_id(site) == ""
    assert 'const ENABLED = BUILD !== ""' in (site / "sw.js").read_text()


def test_the_pose_model_gets_its_own_cache_not_the_install_copy(tmp_path: Path) -> None:
    hook = _hook()
    hook.on_startup(command="build")
    site = _fake_site(tmp_path)
    (site / "models" / "movenet-thunder").mkdir(parents=True)
    (site / "models" / "movenet-thunder" / "movenet-thunder.bin").write_bytes(b"weights")
    (site / "javascripts" / "vendor" / "tfjs").mkdir(parents=True)
    (site / "javascripts" / "vendor" / "tfjs" / "tf-core.min.js").write_text("var tf;")
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    text = (site / "sw.js").read_text()
    assert 'const PRECACHE = ["./", "setup/"];' in text
    assert (
        'const DETECTOR_FILES = ["javascripts/vendor/tfjs/tf-core.min.js", '
        '"models/movenet-thunder/movenet-thunder.bin"];'
    ) in text
    match = re.search(r'const DETECTOR_VERSION = "([^"]*)";', text)
    assert match and re.fullmatch(r"tfjs-core-[0-9.]+\+human-models-[0-9.]+", match.group(1))


def _runtime_version(site: Path) -> str:
    match = re.search(r'const RUNTIME_VERSION = "([^"]*)";', (site / "sw.js").read_text())
    assert match
    return match.group(1)


def test_the_runtime_cache_changes_with_the_shipped_runtime_not_with_our_wheel(
    tmp_path: Path,
) -> None:
    """The stdlib ships compiled by this build: a phone must not keep an older compile under the
    same Pyodide version, yet a change to our wheel alone must not re-download 14 MB."""
    hook = _hook()
    hook.on_startup(command="build")
    site = _fake_site(tmp_path)
    source = (site / "sw.js").read_text()
    (site / "pyodide" / "python_stdlib.zip").write_bytes(b"PK compiled once")
    (site / "pyodide" / "hipthrust-0.1.0-py3-none-any.whl").write_bytes(b"PK wheel one")
    hook.on_post_build(SimpleNamespace(site_dir=str(site)))
    first = _runtime_version(site)
    pyodide = hook._npm_version("pyodide")
    assert re.fullmatch(re.escape(pyodide) + r"-[0-9a-f]{8}", first)

    def rebuilt() -> str:
        (site / "sw.js").write_text(source)
        hook.on_post_build(SimpleNamespace(site_dir=str(site)))
        return _runtime_version(site)

    (site / "pyodide" / "hipthrust-0.1.0-py3-none-any.whl").write_bytes(b"PK wheel two")
    assert rebuilt() == first
    (site / "pyodide" / "python_stdlib.zip").write_bytes(b"PK compiled again")
    assert rebuilt() != first
