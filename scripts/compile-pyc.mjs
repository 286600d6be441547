// Compile the .py files of a zip (Pyodide's stdlib) or a wheel (ours) to .pyc INSIDE the pinned
// Pyodide, at build time, in Node: the .pyc must come from the runtime's own Python (3.14 in
// Pyodide 314.0.7), as the host's CPython writes another bytecode version that would not load.
// Called by overrides/hooks/pyodide_runtime.py:
//
//   node scripts/compile-pyc.mjs <pyodide dir> <in.zip|in.whl> <out>
//
// Each `x.py` becomes `x.pyc` at the same place (sourceless import: zipimport and the path
// finder both load a lone .pyc), as an unchecked-hash pyc so the bytes do not depend on the
// time of the build. A file Python cannot compile stays as it is. A wheel's RECORD is rewritten
// with the new files' sha256 and sizes. Why: importing from .pyc skips parsing and compiling
// ~100 modules at each boot (issue 11 §1: 0.56× cold, 0.44× warm in the prototype; most of
// WebKit's slow "starting Python" stage, issue 10 §2).

import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const COMPILE = `
import base64, hashlib, importlib.util, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def _record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

def compile_archive(source, target, prefix):
    compiled = 0
    record_name = None
    written = {}
    with zipfile.ZipFile(source) as zin:
        infos = zin.infolist()
        for info in infos:
            data = zin.read(info)
            name = info.filename
            if name.endswith(".dist-info/RECORD"):
                record_name = name
                continue
            if name.endswith(".py"):
                try:
                    code = compile(data, prefix + name, "exec", dont_inherit=True)
                except (SyntaxError, ValueError):
                    code = None
                if code is not None:
                    data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))
                    name = name + "c"
                    compiled += 1
            written[name] = (info, data)
    if record_name is not None:
        lines = [f"{name},{_record_hash(data)},{len(data)}" for name, (_, data) in written.items()]
        lines.append(f"{record_name},,")
        record_info = next(i for i in infos if i.filename == record_name)
        written[record_name] = (record_info, ("\\n".join(lines) + "\\n").encode())
    with zipfile.ZipFile(target, "w") as zout:
        for name, (info, data) in written.items():
            out = zipfile.ZipInfo(name, date_time=info.date_time)
            out.compress_type = info.compress_type
            out.external_attr = info.external_attr
            zout.writestr(out, data)
    return compiled
`;

async function main([pyodideDir, source, target]) {
  if (!pyodideDir || !source || !target) {
    throw new Error("usage: node scripts/compile-pyc.mjs <pyodide dir> <in.zip|in.whl> <out>");
  }
  const indexURL = resolve(pyodideDir) + "/";
  const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
  const pyodide = await loadPyodide({
    indexURL,
    stdout: () => {},
    stderr: (line) => console.error(line),
  });
  const [major, minor] = pyodide.runPython("import sys; sys.version_info[:2]").toJs();
  pyodide.FS.writeFile("/tmp/in.zip", await readFile(source));
  pyodide.runPython(COMPILE);
  // Tracebacks name the file where Pyodide puts it: the stdlib zip's path, or site-packages.
  const prefix = source.endsWith(".whl")
    ? `/lib/python${major}.${minor}/site-packages/`
    : `/lib/python${major}${minor}.zip/`;
  const count = pyodide.globals.get("compile_archive")("/tmp/in.zip", "/tmp/out.zip", prefix);
  if (!count) throw new Error(`no .py file compiled in ${source}`);
  await writeFile(target, pyodide.FS.readFile("/tmp/out.zip"));
  console.log(`compiled ${count} modules of ${source} with Python ${major}.${minor}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
