"""The private Pyodide snapshot API, as docs/javascripts/python/snapshot.js uses it, checked
against the pinned npm runtime in Node.js (tests/pyodide/snapshot_api.mjs): a Pyodide update that
changes any of it fails here before it can break a warm boot."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


@pytest.fixture(scope="module")
def found() -> dict[str, object]:
    result = subprocess.run(
        ["node", "tests/pyodide/snapshot_api.mjs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    # Pyodide itself logs a line when makeMemorySnapshot refuses; the findings are the last line.
    last = result.stdout.strip().splitlines()[-1]
    answer: dict[str, object] = json.loads(last[last.index('{"') :])
    return answer


def test_restore_fills_the_initial_heap_of_30_mib(found: dict[str, object]) -> None:
    # snapshot.js refuses heaps above this (pyodide#6254); the tools' heap is just at it.
    assert found["initialHeap"] == 30 * 1024 * 1024


def test_loaded_packages_are_emptied_for_the_copy_and_put_back(found: dict[str, object]) -> None:
    assert found["plainRefusesLoadedPackages"] is True
    assert found["loadedPackagesPutBack"] is True


def test_a_restore_brings_back_python_state(found: dict[str, object]) -> None:
    assert found["stateAfterRestore"] == '{"set before the copy": [1, 2, 3]}'
    size, heap = found["snapshotBytes"], found["initialHeap"]
    assert isinstance(size, int) and isinstance(heap, int) and size > heap


def test_another_build_and_a_grown_heap_are_refused(found: dict[str, object]) -> None:
    assert found["otherBuildRefused"] is True
    assert found["grownHeapRefused"] is True
