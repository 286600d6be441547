// The page's handle on Python: one Web Worker for the whole visit (it survives instant
// navigation between the tools), reached through Comlink. `python()` returns the remote API once
// it is ready; `onStatus` reports the boot stages for the loading panel; `retry()` starts over.

import * as Comlink from "../vendor/comlink.mjs";
import { messageOf } from "../errors.js";

/** @import { PythonApi, PythonStatus, Replies } from "./protocol.js" */
/** @typedef {import("../vendor/comlink.mjs").Remote<PythonApi>} RemotePython */
/**
 * One boot of the worker; `failed` keeps a failed boot's message up until Retry.
 * @typedef {{worker: Worker, api: RemotePython, failed: boolean, ready: Promise<RemotePython>}} Session
 */
/** @typedef {(status: PythonStatus) => void} StatusListener */

/** @type {Session | null} */
let session = null;
/** @type {PythonStatus} */
let status = { stage: "idle" };
/** @type {Set<StatusListener>} */
const listeners = new Set();

// Each stage's first start is a User Timing mark ("python-download" … "python-ready"), on the
// page's clock from navigation: the benchmarks read them in every engine, as can devtools.
/** @type {Set<string>} */
const marked = new Set();

/** @param {PythonStatus} next */
function setStatus(next) {
  status = next;
  if (!marked.has(next.stage)) {
    marked.add(next.stage);
    // The worker's reports say when the stage began (it may have started before the page
    // subscribed); the page's own stages (ready, error) are marked now.
    const startTime = next.at ? Math.max(0, next.at - performance.timeOrigin) : performance.now();
    performance.mark(`python-${next.stage}`, { startTime });
  }
  for (const listener of listeners) listener(status);
}

/** @param {unknown} error */
function describeFailure(error) {
  const text = messageOf(error);
  if (/fetch|network|404|load|import/i.test(text)) {
    return "Could not download the Python runtime. Check your connection and try again.";
  }
  return "Python could not start in this browser.";
}

// A tool page's <head> starts the worker before any module runs (overrides/main.html): the first
// boot takes that one, with any load error it has already seen; later ones (Retry) make their own.
/** @returns {Worker & {earlyError?: string}} */
function newWorker() {
  const early = globalThis.hipthrustEarlyWorker;
  globalThis.hipthrustEarlyWorker = null;
  return (
    early ?? new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "python" })
  );
}

/** @returns {Session} */
function start() {
  const worker = newWorker();
  /** @type {RemotePython} */
  const api = Comlink.wrap(worker);
  // A worker whose script fails to load never answers Comlink: its `error` event is the signal.
  /** @type {Promise<never>} */
  const crashed = new Promise((_, reject) => {
    if (worker.earlyError) reject(new Error(`worker failed to load: ${worker.earlyError}`));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error(`worker failed to load: ${event.message ?? "script error"}`));
    });
  });
  // Progress messages already queued by a worker can arrive after its boot has settled; once
  // settled, they must not overwrite the "ready" or "error" the reader is looking at.
  let settled = false;
  const booted = api.boot(
    Comlink.proxy((report) => {
      if (!settled) setStatus(report);
    }),
  );
  /** @type {Session} */
  const current = {
    worker,
    api,
    failed: false,
    ready: Promise.race([booted, crashed]).then(
      (info) => {
        settled = true;
        // How Python started: "python-boot-snapshot" (restored from memory) or "python-boot-fresh".
        performance.mark(`python-boot-${info.boot}`);
        setStatus({ stage: "ready", info });
        keepForOffline();
        return api;
      },
      (error) => {
        settled = true;
        worker.terminate();
        // The error stays until the reader taps Retry: a tool's later call must not start another
        // boot behind the message (the panel would flip back to "loading").
        current.failed = true;
        setStatus({
          stage: "error",
          message: describeFailure(error),
          detail: messageOf(error),
        });
        throw error;
      },
    ),
  };
  session = current;
  return current;
}

// Ask the offline service worker (sw.js) to keep the runtime this page just used, so the tools
// start without a signal next time. No service worker (unsupported, or plain http): nothing to do.
function keepForOffline() {
  navigator.serviceWorker?.ready
    .then((registration) => registration.active?.postMessage({ type: "keep-tools" }))
    .catch(() => {});
}

/** The remote Python API (a Comlink proxy): `await (await python()).call(name, args)`. */
export function python() {
  const current = session ?? start();
  return current.ready;
}

/**
 * Call a `hipthrust.web` function once Python is ready.
 * @template {keyof Replies} K
 * @param {K} name
 * @param {object} [args] its keyword arguments
 * @returns {Promise<Replies[K]>}
 */
export async function callPython(name, args = {}) {
  const api = await python();
  return /** @type {Replies[K]} */ (await api.call(name, args));
}

export function retry() {
  if (session?.failed) session = null;
  return python();
}

/**
 * Follow the boot: `listener` gets the current status now, then each change.
 * @param {StatusListener} listener
 * @returns {() => boolean} stops listening
 */
export function onStatus(listener) {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}
