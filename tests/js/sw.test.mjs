// The service worker (docs/sw.js) as the build fills it in (overrides/hooks/offline.py), run in a
// fresh global scope with a fake Cache Storage and network (tests/js/fake-caches.mjs): the caches'
// names, what install stores, and which build's cache answers a request.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import vm from "node:vm";

import { FakeCacheStorage, FakeNetwork } from "./fake-caches.mjs";

const SOURCE = readFileSync(new URL("../../docs/sw.js", import.meta.url), "utf8");
const SCOPE = "https://example.org/hip/";
const RUNTIME = "314.0.7-1a2b3c4d";
const DETECTOR = "tfjs-core-4.22.0+human-models-3.0.4";
const PRECACHE = [
  "./",
  "setup/",
  "tools/tempo-timer/",
  "assets/javascripts/bundle.0123abcd.min.js",
];
const TOOL_FILES = ["pyodide/pyodide.asm.wasm", "pyodide/pyodide-lock.json", "pyodide/tools.whl"];
const DETECTOR_FILES = ["javascripts/vendor/tfjs/tf-core.min.js", "models/movenet-thunder/w.bin"];

/** @param {string[]} urls */
const list = (urls) => urls.map((url) => JSON.stringify(url)).join(", ");

/**
 * One build's worker, started in its own global scope over shared `caches` and `network`.
 * @param {string} build "" as under `mkdocs serve`
 * @param {FakeCacheStorage} caches
 * @param {FakeNetwork} network
 */
function startWorker(build, caches, network) {
  const filled = SOURCE.replace("__BUILD__", build)
    .replace("__RUNTIME_VERSION__", RUNTIME)
    .replace("__DETECTOR_VERSION__", DETECTOR)
    .replace("/* __PRECACHE__ */", list(PRECACHE))
    .replace("/* __TOOL_FILES__ */", list(TOOL_FILES))
    .replace("/* __DETECTOR_FILES__ */", list(DETECTOR_FILES));
  /** @type {Record<string, (event: object) => void>} */
  const listeners = {};
  const scope = {
    registration: { scope: SCOPE },
    skipped: 0,
    claimed: 0,
    addEventListener(/** @type {string} */ type, /** @type {(event: object) => void} */ fn) {
      listeners[type] = fn;
    },
    skipWaiting() {
      scope.skipped += 1;
      return Promise.resolve();
    },
    clients: {
      claim: async () => {
        scope.claimed += 1;
      },
    },
  };
  const context = { self: scope, caches, fetch: network.fetch, Request, Response, URL, console };
  vm.runInNewContext(filled, context, { filename: "sw.js" });

  /** Dispatch an extendable event; resolves once everything it waits for is done. */
  const extendable = async (/** @type {string} */ type, fields = {}) => {
    /** @type {Promise<unknown>[]} */
    const waits = [];
    listeners[type]({ ...fields, waitUntil: (/** @type {Promise<unknown>} */ p) => waits.push(p) });
    await Promise.all(waits);
  };
  /** A GET (by default) for `path` under the scope; the answer's text, or null when not handled. */
  const request = async (/** @type {string} */ path, { mode = "no-cors", method = "GET" } = {}) => {
    /** @type {{answer: Promise<Response> | null}} */
    const handled = { answer: null };
    /** @type {Promise<unknown>[]} */
    const waits = [];
    listeners.fetch({
      request: { url: new URL(path, SCOPE).href, method, mode },
      respondWith: (/** @type {Promise<Response>} */ p) => (handled.answer = p),
      waitUntil: (/** @type {Promise<unknown>} */ p) => waits.push(p),
    });
    if (!handled.answer) return null;
    const response = await handled.answer;
    await Promise.all(waits);
    return { status: response.status, text: await response.text() };
  };
  return {
    scope,
    install: () => extendable("install"),
    activate: () => extendable("activate"),
    message: (/** @type {string} */ type) => extendable("message", { data: { type } }),
    request,
  };
}

/** A worker of `build` installed and active, as on a phone after a first visit. */
async function visited(build = "build-a") {
  const network = new FakeNetwork();
  const caches = new FakeCacheStorage(network);
  const worker = startWorker(build, caches, network);
  await worker.install();
  await worker.activate();
  return { network, caches, worker };
}

describe("cache names", () => {
  test("the site's cache is named after the build; the runtime's and the detector's after their versions", async () => {
    const { caches, worker } = await visited();
    assert.deepEqual(await caches.keys(), ["site-build-a"]);
    await worker.message("keep-tools");
    await worker.message("keep-detector");
    assert.deepEqual((await caches.keys()).sort(), [
      `detector-${DETECTOR}`,
      `pyodide-${RUNTIME}`,
      "site-build-a",
    ]);
    // The runtime files go to the runtime's cache; the lock and the wheel stay with their build.
    assert.deepEqual((await caches.open(`pyodide-${RUNTIME}`)).urls(), [
      `${SCOPE}pyodide/pyodide.asm.wasm`,
    ]);
    assert.deepEqual((await caches.open("site-build-a")).urls().slice(-2), [
      `${SCOPE}pyodide/pyodide-lock.json`,
      `${SCOPE}pyodide/tools.whl`,
    ]);
    assert.deepEqual(
      (await caches.open(`detector-${DETECTOR}`)).urls(),
      DETECTOR_FILES.map((path) => SCOPE + path),
    );
  });

  test("install stores every page of the build, fetched anew except content-hashed assets", async () => {
    const { caches, network } = await visited();
    assert.deepEqual(
      (await caches.open("site-build-a")).urls(),
      PRECACHE.map((path) => new URL(path, SCOPE).href),
    );
    assert.deepEqual(
      network.requests.map((request) => request.cache),
      ["reload", "reload", "reload", "default"],
    );
  });

  test("keeping the tools takes what the HTTP cache has, and stores nothing twice", async () => {
    const { network, worker } = await visited();
    network.requests = [];
    await worker.message("keep-tools");
    assert.deepEqual(
      network.requests.map((request) => request.cache),
      ["force-cache", "force-cache", "force-cache"],
    );
    network.requests = [];
    await worker.message("keep-tools");
    assert.equal(network.requests.length, 0);
  });
});

describe("which build answers", () => {
  test("pages come from this build's copy, whatever their query, even offline", async () => {
    const { network, worker } = await visited();
    network.version = "v2"; // the server has a newer build now
    network.online = false;
    const page = await worker.request("tools/tempo-timer/?reps=8&sets=3", { mode: "navigate" });
    assert.deepEqual(page, { status: 200, text: "/hip/tools/tempo-timer/@v1" });
  });

  test("a page this build does not have comes from the network, or says offline", async () => {
    const { network, worker } = await visited();
    const online = await worker.request("missing/", { mode: "navigate" });
    assert.equal(online?.status, 404);
    network.online = false;
    const offline = await worker.request("old-page/", { mode: "navigate" });
    assert.equal(offline?.status, 503);
    assert.match(offline?.text ?? "", /No connection/);
    assert.match(offline?.text ?? "", new RegExp(`href="${SCOPE}"`));
  });

  test("a new deploy waits beside the old one: the old worker keeps answering from its own build", async () => {
    const { network, caches, worker: old } = await visited("build-a");
    network.version = "v2";
    const incoming = startWorker("build-b", caches, network);
    await incoming.install();
    assert.equal(incoming.scope.skipped, 0, "it waits: a set may be running on build A");
    assert.deepEqual((await caches.keys()).sort(), ["site-build-a", "site-build-b"]);
    assert.equal((await old.request("setup/", { mode: "navigate" }))?.text, "/hip/setup/@v1");
    assert.equal(
      (await old.request("assets/javascripts/bundle.0123abcd.min.js"))?.text,
      "/hip/assets/javascripts/bundle.0123abcd.min.js@v1",
    );
    // The reader taps "Update ready — reload": build B takes over and drops build A's pages,
    // but keeps the runtime, detector and snapshot caches, and forgets any other.
    await old.message("keep-tools");
    await caches.open("python-snapshot");
    await caches.open("site-someone-else");
    await incoming.message("skip-waiting");
    assert.equal(incoming.scope.skipped, 1);
    await incoming.activate();
    assert.deepEqual((await caches.keys()).sort(), [
      `pyodide-${RUNTIME}`,
      "python-snapshot",
      "site-build-b",
    ]);
    assert.equal(incoming.scope.claimed, 1);
    assert.equal((await incoming.request("setup/", { mode: "navigate" }))?.text, "/hip/setup/@v2");
  });

  test("the runtime is stored on first use and then comes from the phone", async () => {
    const { network, caches, worker } = await visited();
    const first = await worker.request("pyodide/pyodide.asm.wasm?v=1");
    assert.equal(first?.text, "/hip/pyodide/pyodide.asm.wasm@v1");
    network.online = false;
    const again = await worker.request("pyodide/pyodide.asm.wasm");
    assert.equal(again?.text, "/hip/pyodide/pyodide.asm.wasm@v1");
    assert.equal((await caches.open(`pyodide-${RUNTIME}`)).urls().length, 1);
  });

  test("the detector's files are stored while they stream to the page", async () => {
    const { network, caches, worker } = await visited();
    const bin = await worker.request("models/movenet-thunder/w.bin");
    assert.equal(bin?.text, "/hip/models/movenet-thunder/w.bin@v1");
    network.online = false;
    assert.equal(
      (await worker.request("models/movenet-thunder/w.bin"))?.text,
      "/hip/models/movenet-thunder/w.bin@v1",
    );
    assert.deepEqual((await caches.open(`detector-${DETECTOR}`)).urls(), [
      `${SCOPE}models/movenet-thunder/w.bin`,
    ]);
  });

  test("other origins and non-GET requests are left to the browser", async () => {
    const { worker } = await visited();
    assert.equal(await worker.request("https://elsewhere.example/x.js"), null);
    assert.equal(await worker.request("setup/", { method: "POST" }), null);
  });
});

test("under mkdocs serve (no build id) the worker steps aside and clears every cache", async () => {
  const network = new FakeNetwork();
  const caches = new FakeCacheStorage(network);
  await caches.open("site-build-a");
  const worker = startWorker("", caches, network);
  await worker.install();
  assert.equal(worker.scope.skipped, 1);
  await worker.activate();
  assert.deepEqual(await caches.keys(), []);
  assert.equal(await worker.request("setup/", { mode: "navigate" }), null);
  await worker.message("keep-tools");
  assert.deepEqual(await caches.keys(), []);
});
