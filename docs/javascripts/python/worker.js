// Web Worker that runs Python: boots the self-hosted Pyodide, loads the `hipthrust` wheel
// (sha256-checked against pyodide-lock.json) and answers calls through Comlink. Booting here
// keeps the page's main thread free: on the main thread the boot is one ~2 s long task.

import * as Comlink from "../vendor/comlink.mjs";
import { messageOf } from "../errors.js";
import {
  dropSnapshot,
  findSnapshot,
  snapshotKey,
  snapshotOptions,
  snapshotsSupported,
  storeSnapshot,
  takeSnapshot,
} from "./snapshot.js";

const RUNTIME = new URL("../../pyodide/", import.meta.url);
// The two big files of the boot, watched so the page can show download progress in bytes.
const WATCHED = ["pyodide.asm.wasm", "python_stdlib.zip"];

/** @import { BootInfo, BootReport, PythonApi } from "./protocol.js" */
/** @import { PyodideAPI, Lockfile, PyodideConfig } from "pyodide" */
/** @typedef {typeof import("pyodide").loadPyodide} LoadPyodide */
/** @typedef {(report: BootReport) => void} OnReport */
/** @typedef {{stop: () => void, failed: Promise<never>}} Downloads */
/** @typedef {import("pyodide/ffi").PyProxy & {call(name: string, json: string): string}} WebModule */

/** @type {WebModule | null} */
let web = null;

// Watches the runtime downloads: reports bytes, and rejects `failed` when one cannot be fetched
// (Pyodide itself only logs a failed WebAssembly download and then waits forever). Pyodide gets
// each Response untouched, so WebAssembly.instantiateStreaming compiles the wasm while it
// arrives and the engine can cache the compiled code; the bytes are counted on a clone().
// (Re-wrapping the body in a new Response defeated both: issue 11 §1 measured 0.84× without it.)
/**
 * @param {OnReport} report
 * @returns {Downloads}
 */
function watchDownloads(report) {
  /** @type {(error: Error) => void} */
  let fail = () => {};
  /** @type {Promise<never>} */
  const failed = new Promise((_, reject) => {
    fail = reject;
  });
  const progress = Object.fromEntries(WATCHED.map((name) => [name, { loaded: 0, total: 0 }]));
  /** @type {Set<string>} */
  const finished = new Set();
  let watching = true;
  const send = () => {
    if (!watching) return;
    const loaded = Object.values(progress).reduce((sum, p) => sum + p.loaded, 0);
    const total = Object.values(progress).reduce((sum, p) => sum + p.total, 0);
    report({ stage: "download", loaded, total });
  };
  /** @type {(name: string, body: ReadableStream<Uint8Array>) => Promise<void>} */
  const count = async (name, body) => {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress[name].loaded += value.byteLength;
      send();
    }
    finished.add(name);
    // Both files are in: what remains is compiling WebAssembly and starting the interpreter.
    if (watching && finished.size === WATCHED.length) report({ stage: "start" });
  };
  const originalFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const name = WATCHED.find((file) => url.endsWith(file));
    let response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      if (name) fail(new Error(`download of ${name} failed: ${messageOf(error)}`));
      throw error;
    }
    if (name && !response.ok)
      fail(new Error(`download of ${name} failed: HTTP ${response.status}`));
    if (!name || !response.ok || !response.body) return response;
    if (!response.headers.get("Content-Encoding")) {
      progress[name].total = Number(response.headers.get("Content-Length")) || 0;
    }
    // A broken stream shows up where Pyodide reads the original; the count just stops.
    // (A clone of a response with a body has one.)
    const copy = /** @type {ReadableStream<Uint8Array>} */ (response.clone().body);
    count(name, copy).catch(() => {});
    return response;
  };
  const stop = () => {
    watching = false;
    self.fetch = originalFetch;
  };
  return { stop, failed };
}

// The boot starts as soon as the worker runs, not when the page first calls: a tool page creates
// this worker from its <head> (overrides/main.html), so the downloads start while the page is
// still loading, and the boot may be stages ahead when the page subscribes through `api.boot`.
// Each report carries `at` (epoch ms), so the page marks every stage when it really began; the
// first report of each stage and the latest one wait for the subscriber.
/** @type {BootReport[]} */
const firstOfStage = [];
/** @type {BootReport | null} */
let latest = null;
/** @type {OnReport | null} */
let subscriber = null;
/** @type {OnReport} */
function reportStage(status) {
  const stamped = { ...status, at: performance.timeOrigin + performance.now() };
  latest = stamped;
  if (!firstOfStage.some((earlier) => earlier.stage === stamped.stage)) firstOfStage.push(stamped);
  subscriber?.(stamped);
}
reportStage({ stage: "download", loaded: 0, total: 0 });

// The lock file, read once: Pyodide gets it as `lockFileContents`, and it names our wheel (with
// its sha256, which keys the memory snapshot).
/** @returns {Promise<Lockfile>} */
function readLock() {
  return fetch(new URL("pyodide-lock.json", RUNTIME)).then((response) => {
    if (!response.ok)
      throw new Error(`download of pyodide-lock.json failed: HTTP ${response.status}`);
    return response.json();
  });
}

// A boot without a snapshot fetches the wheel beside the runtime instead of after Python has
// started; loadPackage (which checks the sha256) then finds those bytes in the HTTP cache or the
// offline copy. Should this early fetch fail, loadPackage's own fetch reports the error.
/** @param {Lockfile} lock */
function prefetchWheel(lock) {
  fetch(new URL(lock.packages.hipthrust.file_name, RUNTIME))
    .then((response) => response.arrayBuffer())
    .catch(() => {});
}

// Every module of the package, imported before the memory copy: a restored Python has the
// modules but not the wheel's files, so an import made later (figure_rep imports lazily) would
// fail. Then `random` gets a fresh seed after a restore (every restore would replay one sequence).
const IMPORT_ALL = `
import importlib, pkgutil, hipthrust
for module in pkgutil.iter_modules(hipthrust.__path__):
    importlib.import_module("hipthrust." + module.name)
`;
const RESEED = `
import sys
if "random" in sys.modules:
    sys.modules["random"].seed()
`;

/**
 * @param {LoadPyodide} loadPyodide
 * @param {Lockfile} lock
 * @param {Downloads} downloads
 * @param {PyodideConfig} options
 * @returns {Promise<PyodideAPI>}
 */
async function startPython(loadPyodide, lock, downloads, options) {
  const loading = loadPyodide({
    indexURL: RUNTIME.href,
    lockFileContents: lock,
    packageBaseUrl: RUNTIME.href,
    // Python's stdout goes to the worker console, never to the network.
    stdout: (line) => console.log(line),
    stderr: (line) => console.warn(line),
    ...options,
  });
  return Promise.race([loading, downloads.failed]);
}

/**
 * @param {PyodideAPI} pyodide
 * @param {BootInfo["boot"]} boot
 * @returns {BootInfo}
 */
function describe(pyodide, boot) {
  const module = /** @type {WebModule} */ (pyodide.pyimport("hipthrust.web"));
  web = module;
  return { ...JSON.parse(module.call("describe", "{}")), boot };
}

// Restores the stored snapshot; any failure (corrupt bytes, another build, a throw on the first
// call) is logged and the snapshot deleted, and the caller boots normally.
/**
 * @param {LoadPyodide} loadPyodide
 * @param {Lockfile} lock
 * @param {Downloads} downloads
 * @param {string} key the snapshot's cache key
 * @param {{bytes: Promise<Uint8Array>}} found
 * @returns {Promise<BootInfo | null>}
 */
async function restore(loadPyodide, lock, downloads, key, found) {
  const started = performance.now();
  try {
    const pyodide = await startPython(loadPyodide, lock, downloads, snapshotOptions(found.bytes));
    reportStage({ stage: "tools" });
    pyodide.runPython(RESEED);
    const info = describe(pyodide, "snapshot");
    if (info.package !== lock.packages.hipthrust.version) {
      throw new Error(
        `snapshot holds tools ${info.package}, the lock names ${lock.packages.hipthrust.version}`,
      );
    }
    console.info(
      `Python restored from its memory snapshot in ${Math.round(performance.now() - started)} ms`,
    );
    return info;
  } catch (error) {
    web = null;
    console.warn("Python snapshot: restore failed, booting normally:", error);
    await dropSnapshot(key);
    return null;
  }
}

/**
 * @param {LoadPyodide} loadPyodide
 * @param {Lockfile} lock
 * @param {Downloads} downloads
 * @param {string} key where to keep the snapshot
 * @returns {Promise<BootInfo>}
 */
async function freshBoot(loadPyodide, lock, downloads, key) {
  const making = snapshotsSupported();
  prefetchWheel(lock);
  const pyodide = await startPython(
    loadPyodide,
    lock,
    downloads,
    making ? snapshotOptions(null) : {},
  );
  reportStage({ stage: "tools" });
  /** @type {string[]} */
  const failures = [];
  await pyodide.loadPackage("hipthrust", {
    checkIntegrity: true,
    messageCallback: () => {},
    errorCallback: (message) => failures.push(message),
  });
  if (failures.length) throw new Error(failures.join("\n"));
  const info = describe(pyodide, "fresh");
  if (!making) return info;
  // The copy is taken before the page's first call (so none of its data is in it) and stored
  // while the tools are in use; a failure there only means the next boot is a normal one.
  try {
    const started = performance.now();
    pyodide.runPython(IMPORT_ALL);
    const bytes = takeSnapshot(pyodide);
    console.info(
      `Python snapshot made in ${Math.round(performance.now() - started)} ms (imports and copy)`,
    );
    storeSnapshot(key, bytes);
  } catch (error) {
    console.warn("Python snapshot: could not make one:", error);
  }
  return info;
}

/** @returns {Promise<BootInfo>} */
async function bootPython() {
  const downloads = watchDownloads(reportStage);
  try {
    /** @type {[typeof import("pyodide"), Lockfile]} */
    const [{ loadPyodide, version }, lock] = await Promise.all([
      import(new URL("pyodide.mjs", RUNTIME).href),
      readLock(),
    ]);
    const key = snapshotKey(RUNTIME, version, lock.packages.hipthrust.sha256);
    const found = await findSnapshot(key);
    const restored = found && (await restore(loadPyodide, lock, downloads, key, found));
    return restored || (await freshBoot(loadPyodide, lock, downloads, key));
  } finally {
    downloads.stop();
  }
}

const booting = bootPython();
booting.catch(() => {}); // reported to the page through api.boot

/** @type {PythonApi} */
const api = {
  /** Python's boot (started when the worker started); `report` gets {stage, at, ...}: first
   * what happened before the call (each stage's first report, then the latest), then each
   * report as it comes. Resolves to the package's `describe` answer plus
   * `boot`: "snapshot" (restored from the memory snapshot) or "fresh". */
  async boot(onReport) {
    subscriber = onReport;
    for (const earlier of firstOfStage) onReport(earlier);
    if (latest && latest !== firstOfStage.at(-1)) onReport(latest);
    return booting;
  },

  /** Call `hipthrust.web.<name>(**args)`: plain data in, plain data out. */
  call(name, args = {}) {
    if (!web) throw new Error("Python is not ready yet");
    return JSON.parse(web.call(name, JSON.stringify(args)));
  },
};

Comlink.expose(api);
