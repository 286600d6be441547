"""The unit tests again, inside Pyodide (Node.js + the pinned npm runtime), against the wheel the
site ships: the code that runs in the browser is the code we test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

WHEEL_CACHE = ROOT / ".cache" / "pyodide-test-wheels"


def _pinned_versions() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.strip().lower()] = version.strip()
    return pins


def _download_test_wheels() -> Path:
    """pytest and friends as pure-Python wheels from the package index, at the locked versions."""
    pins = _pinned_versions()
    names = [
        line.strip()
        for line in (ROOT / "tests/pyodide/wheels.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    wanted = [f"{name}=={pins[name]}" for name in names]
    stamp = WHEEL_CACHE / ".requirements"
    if stamp.exists() and stamp.read_text() == "\n".join(wanted):
        return WHEEL_CACHE
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    for old in WHEEL_CACHE.glob("*.whl"):
        old.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--dest",
            str(WHEEL_CACHE),
            *wanted,
        ],
        check=True,
    )
    for wheel in WHEEL_CACHE.glob("*.whl"):
        if not wheel.name.endswith("-none-any.whl"):
            raise AssertionError(f"{wheel.name} is not pure Python: Pyodide cannot use it")
    stamp.write_text("\n".join(wanted))
    return WHEEL_CACHE


@pytest.mark.slow
def test_unit_tests_pass_inside_pyodide(built_site: Path, tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for wheel in [
        *_download_test_wheels().glob("*.whl"),
        *(built_site / "pyodide").glob("hipthrust-*.whl"),
    ]:
        (wheels / wheel.name).write_bytes(wheel.read_bytes())
    result = subprocess.run(
        ["node", "tests/pyodide/run_unit_tests.mjs", str(ROOT), str(wheels), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # The wheel's copy was imported, not the source tree, and tests really ran.
    assert "hipthrust from /lib/python3.14/site-packages/hipthrust" in output, output
    assert re.search(r"\b[1-9]\d* passed\b", output), output
