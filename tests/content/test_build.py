"""The built site: strict build, the self-hosted runtime, the wheel's lock entry, one origin."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from pathlib import Path

from hipthrust import __version__, guide

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# The first 4 bytes of a .pyc written by Python 3.14 (MAGIC_NUMBER, 3627, in importlib's
# _bootstrap_external): the .pyc files must come from Pyodide's Python, not the host's.
_PYTHON_314_MAGIC = (3627).to_bytes(2, "little") + b"\r\n"


def test_runtime_files_are_self_hosted(built_site: Path) -> None:
    for name in RUNTIME_FILES:
        assert (built_site / "pyodide" / name).stat().st_size > 0, name
    assert (built_site / "javascripts/vendor/comlink.mjs").is_file()


def test_pose_model_and_runtime_are_self_hosted_and_listed(built_site: Path) -> None:
    """pose_model.py copies the pinned files and lists them, with their sizes, in detector.js."""
    adapter = (built_site / "javascripts/checker/detector.js").read_text(encoding="utf-8")
    match = re.search(r"const FILES = (\[.*\]);", adapter)
    assert match, "the build did not fill in detector.js's file list"
    listed = json.loads(match.group(1))
    assert {Path(path).name for path, _ in listed} == {
        "tf-core.min.js",
        "tf-backend-cpu.min.js",
        "tf-backend-wasm.min.js",
        "tf-converter.min.js",
        "tfjs-backend-wasm-simd.wasm",
        "tfjs-backend-wasm.wasm",
        "movenet-thunder.json",
        "movenet-thunder.bin",
    }
    for path, size in listed:
        assert (built_site / path).stat().st_size == size, path
    model = json.loads((built_site / "models/movenet-thunder/movenet-thunder.json").read_text())
    assert model["signature"]["inputs"]["input:0"]["dtype"] == "DT_INT32"


def test_lock_names_our_wheel_with_its_sha256(built_site: Path) -> None:
    lock = json.loads((built_site / "pyodide/pyodide-lock.json").read_text())
    entry = lock["packages"]["hipthrust"]
    wheel = built_site / "pyodide" / entry["file_name"]
    assert entry["version"] == __version__
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert lock["info"]["python"].startswith("3.14")
    # Only packages whose files ship with the site are listed.
    for package in lock["packages"].values():
        assert (built_site / "pyodide" / package["file_name"]).is_file()


def test_wheel_holds_the_package_compiled_by_pyodide(built_site: Path) -> None:
    wheel = zipfile.ZipFile(next((built_site / "pyodide").glob("hipthrust-*.whl")))
    names = wheel.namelist()
    assert "hipthrust/web.pyc" in names
    assert "hipthrust/py.typed" in names
    assert not any(name.endswith(".py") for name in names)
    assert not any(name.startswith(("tests/", "docs/")) for name in names)
    # Bytecode of the runtime's Python (3.14), not the host's: its magic number is 3.14's.
    assert wheel.read("hipthrust/web.pyc")[:4] == _PYTHON_314_MAGIC
    # RECORD lists every file with the sha256 and size of the bytes actually shipped.
    record_name = next(name for name in names if name.endswith(".dist-info/RECORD"))
    rows = [line.split(",") for line in wheel.read(record_name).decode().splitlines()]
    assert {row[0] for row in rows} == set(names)
    for name, digest, size in rows:
        if name == record_name:
            continue
        data = wheel.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, int(size)) == (f"sha256={expected}", len(data)), name


def test_build_tools_stay_out_of_the_site(built_site: Path) -> None:
    # The theme's custom_dir (overrides/) is copied into the site: no build script may live there.
    assert not list(built_site.rglob("compile-pyc.mjs"))
    assert not (built_site / "hooks").exists()


def test_stdlib_ships_as_bytecode_only(built_site: Path) -> None:
    stdlib = zipfile.ZipFile(built_site / "pyodide/python_stdlib.zip")
    names = set(stdlib.namelist())
    assert {"os.pyc", "json/__init__.pyc", "random.pyc"} <= names
    assert not [name for name in names if name.endswith(".py")]
    assert stdlib.read("random.pyc")[:4] == _PYTHON_314_MAGIC


def test_macros_put_package_numbers_into_pages(built_site: Path) -> None:
    html = (built_site / "index.html").read_text()
    assert f"{guide.LOWERING_SECONDS_MIN}\N{EN DASH}{guide.LOWERING_SECONDS_MAX} seconds" in html


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# Attributes through which a page loads something (an <a href> is a link a reader may follow,
# and <link rel="canonical"> is never fetched: both are fine).
LOADING_REFERENCES = re.compile(
    r'<(?:script|img|iframe|source|video|audio|embed|object|form)\b[^>]*\s(?:src|data|action|poster)="(?P<a>[^"]+)"'
    r'|<link\b(?![^>]*rel="canonical")[^>]*\shref="(?P<b>[^"]+)"'
)


def test_pages_load_nothing_from_another_origin(built_site: Path) -> None:
    offenders = []
    for page in _html_pages(built_site):
        for match in LOADING_REFERENCES.finditer(page.read_text()):
            url = match.group("a") or match.group("b")
            if re.match(r"(?:[a-z]+:)?//", url):
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    assert offenders == []


def test_no_google_fonts_or_cdn_in_css(built_site: Path) -> None:
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, stylesheet


def test_every_page_carries_the_same_origin_policy(built_site: Path) -> None:
    for page in _html_pages(built_site):
        if page.name == "404.html" or page.parent.name == "assets":
            continue
        assert "Content-Security-Policy" in page.read_text(), page


def test_pages_may_use_the_whole_screen_and_keep_out_of_the_notch(built_site: Path) -> None:
    """viewport-fit=cover lets iOS draw under the notch and home bar (home-screen use); site.css
    then pads header, content and footer by env(safe-area-inset-*)."""
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert 'content="width=device-width,initial-scale=1,viewport-fit=cover"' in html, page
    css = (built_site / "stylesheets/site.css").read_text(encoding="utf-8")
    for side in ("left", "right", "bottom"):
        assert f"env(safe-area-inset-{side}" in css
