// Checks the private Pyodide snapshot API that docs/javascripts/python/snapshot.js relies on,
// against the pinned npm runtime in Node.js: what that module's comments state about this
// version. Prints one JSON object of findings; tests/test_snapshot_api.py asserts on it.
//
// usage: node tests/pyodide/snapshot_api.mjs

import { loadPyodide } from "pyodide";
import { takeSnapshot } from "../../docs/javascripts/python/snapshot.js";

const quiet = { stdout: () => {}, stderr: () => {} };
const found = {};

const maker = await loadPyodide({ ...quiet, _makeSnapshot: true });
found.initialHeap = maker._module.HEAP8.length;
maker.runPython("import json\nstate = {'set before the copy': [1, 2, 3]}");

// loadPackage() fills loadedPackages; makeMemorySnapshot() then refuses, takeSnapshot() copes.
maker.loadedPackages.example = "default channel";
try {
  maker.makeMemorySnapshot();
  found.plainRefusesLoadedPackages = false;
} catch (error) {
  found.plainRefusesLoadedPackages = /Unexpected hiwire entry/.test(error.message);
}
const bytes = takeSnapshot(maker);
found.loadedPackagesPutBack = maker.loadedPackages.example === "default channel";
found.snapshotBytes = bytes.byteLength;

const restored = await loadPyodide({ ...quiet, _loadSnapshot: bytes });
found.stateAfterRestore = restored.runPython("json.dumps(state)");

// Another build's snapshot (BUILD_ID in bytes 16..47) is refused.
const other = bytes.slice();
other[16] ^= 0xff;
try {
  await loadPyodide({ ...quiet, _loadSnapshot: other });
  found.otherBuildRefused = false;
} catch (error) {
  found.otherBuildRefused = /build id mismatch/i.test(error.message);
}

// A heap grown past the initial one cannot be restored (pyodide#6254): takeSnapshot refuses.
maker.runPython("grown = bytearray(40_000_000)\ndel grown");
try {
  takeSnapshot(maker);
  found.grownHeapRefused = false;
} catch (error) {
  found.grownHeapRefused = /heap grew/.test(error.message);
}

console.log(JSON.stringify(found));
