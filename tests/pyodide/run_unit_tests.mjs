// Runs tests/unit inside Pyodide on Node.js: the pinned npm runtime, the project's wheel (the
// same artifact the site ships) and pytest + hypothesis from wheels downloaded from the package
// index (tests/pyodide/wheels.txt). Prints pytest's output; exits with pytest's exit code.
//
// usage: node tests/pyodide/run_unit_tests.mjs <repo root> <wheel dir> [pytest args...]

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [root, wheelDir, ...pytestArgs] = process.argv.slice(2);
const pyodide = await loadPyodide({
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});

const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const name of readdirSync(wheelDir).filter((file) => file.endsWith(".whl"))) {
  // Pure-Python wheels are zip files: unpacking into site-packages installs them.
  const bytes = new Uint8Array(readFileSync(path.join(wheelDir, name)));
  pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
}

// The repository is mounted read-only in spirit: pytest writes no cache (-p no:cacheprovider).
pyodide.FS.mkdirTree("/repo");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, "/repo");
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
// CI makes Hypothesis derandomize (tests/unit/conftest.py), in Pyodide as in CPython.
pyodide.globals.set("ci", process.env.CI ?? "");
let exitCode;
try {
  exitCode = await pyodide.runPythonAsync(`
import os, sys
os.chdir("/repo")
if ci:
    os.environ["CI"] = ci
sys.path.insert(0, "/repo")
import pytest, hipthrust
print("hipthrust from", hipthrust.__file__)
int(pytest.main(["-p", "no:cacheprovider", "-c", "/repo/pyproject.toml", "--rootdir", "/repo", "tests/unit", *pytest_args]))
`);
} catch (error) {
  // A Python exception: its traceback is the useful part, not Pyodide's JavaScript stack.
  console.error(error.message);
  exitCode = 2;
}
process.exit(exitCode);
