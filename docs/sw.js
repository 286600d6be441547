// Service worker: the guide keeps working in a basement gym with no signal, and a new deploy
// never breaks a set in progress.
// - On install it stores every page of the guide and the files they use (a few hundred KB, with
//   the tools' wheel and lock file), so one visit on Wi-Fi makes the whole guide readable offline.
// - The Python runtime (~14 MB) is stored only once a tool page has downloaded it, then comes
//   from the phone; its cache is named after the pinned Pyodide version, so a new build of the
//   site does not download it again.
// - The pose detector (TensorFlow.js + MoveNet, ~13 MB) likewise: stored once the angle checker
//   has loaded it, in a cache named after the pinned tfjs and model versions.
// - One version at a time: every page and file comes from this build's cache, never half from a
//   newer deploy. A new build's worker installs its own cache beside this one and then waits;
//   the page (javascripts/app.js) shows "Update ready — reload" once no tool is busy, and only
//   that reload (a "skip-waiting" message) lets it take over and drop this build's cache.
// The build (overrides/hooks/offline.py) fills in the values below; `mkdocs serve` leaves
// BUILD empty, and the worker then steps aside so live reload always shows fresh files.
// Unit-tested in node (tests/js/sw.test.mjs): the file as the build fills it in, run against a
// fake `caches` and `fetch`.

/** @type {string} */
const BUILD = "__BUILD__";
/** @type {string} */
const RUNTIME_VERSION = "__RUNTIME_VERSION__";
/** @type {string[]} */
const PRECACHE = [/* __PRECACHE__ */];
// What a tool needs beyond the pages: the runtime, the lock file and the tools' wheel.
/** @type {string[]} */
const TOOL_FILES = [/* __TOOL_FILES__ */];
// The pose detector's runtime and model (overrides/hooks/pose_model.py), and their versions.
/** @type {string} */
const DETECTOR_VERSION = "__DETECTOR_VERSION__";
/** @type {string[]} */
const DETECTOR_FILES = [/* __DETECTOR_FILES__ */];
// This script runs as a service worker: `self` is its global scope.
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const SITE_CACHE = `site-${BUILD}`;
const RUNTIME_CACHE = `pyodide-${RUNTIME_VERSION}`;
const DETECTOR_CACHE = `detector-${DETECTOR_VERSION}`;
// Python's memory snapshot (javascripts/python/snapshot.js): its worker keeps one entry, keyed by
// runtime and wheel, and replaces it itself, so a new build leaves it alone.
const SNAPSHOT_CACHE = "python-snapshot";
const OWN_CACHES = [SITE_CACHE, RUNTIME_CACHE, DETECTOR_CACHE, SNAPSHOT_CACHE];
const ENABLED = BUILD !== "" && !BUILD.startsWith("__");

const scopeUrl = new URL(worker.registration.scope);
const runtimeRoot = new URL("pyodide/", scopeUrl).pathname;
// Files of the pinned runtime: the same bytes for every build, so they get their own cache.
// (The lock file and the tools' wheel change with each build and stay in the site cache.)
const CONTENT_HASHED = /\.[0-9a-f]{8}\.min\.(css|js)$/;
const RUNTIME_FILES = /\/(pyodide\.asm\.wasm|pyodide\.asm\.mjs|pyodide\.mjs|python_stdlib\.zip)$/;
const detectorPaths = new Set(DETECTOR_FILES.map((path) => new URL(path, scopeUrl).pathname));

worker.addEventListener("install", (event) => {
  if (!ENABLED) {
    worker.skipWaiting();
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SITE_CACHE);
      // Files named by their content hash (Material's assets) may come from the HTTP cache, as
      // the page has just loaded them; the others are fetched anew, so they are this build's.
      const requests = PRECACHE.map(
        (path) =>
          new Request(new URL(path, scopeUrl), {
            cache: CONTENT_HASHED.test(path) ? "default" : "reload",
          }),
      );
      await cache.addAll(requests);
      // No skipWaiting: a page of the previous build may be in the middle of a set. The first
      // install has no predecessor and takes over at once anyway.
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = ENABLED ? OWN_CACHES : [];
      for (const name of await caches.keys()) {
        if (!keep.includes(name)) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("fetch", (event) => {
  if (!ENABLED) return;
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scopeUrl.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(pageFromThisBuild(event.request));
  } else if (url.pathname.startsWith(runtimeRoot) && RUNTIME_FILES.test(url.pathname)) {
    event.respondWith(storedFirst(request, RUNTIME_CACHE));
  } else if (detectorPaths.has(url.pathname)) {
    event.respondWith(storedFirstStreamed(event, DETECTOR_CACHE));
  } else {
    event.respondWith(storedFirst(request, SITE_CACHE));
  }
});

// A tool page says "Python is ready": keep what it downloaded. Its first download may have
// happened before this worker controlled the page (the very first visit): take what is missing
// from the browser's HTTP cache, which has just stored it ("force-cache" accepts a stale copy),
// so the runtime is not downloaded twice; only a file the HTTP cache dropped is fetched again.
worker.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") worker.skipWaiting(); // the reader chose to reload
  if (ENABLED && event.data?.type === "keep-tools") event.waitUntil(keepToolFiles());
  if (ENABLED && event.data?.type === "keep-detector") event.waitUntil(keepDetectorFiles());
});

async function keepToolFiles() {
  for (const path of TOOL_FILES) {
    const url = new URL(path, scopeUrl);
    const cache = await caches.open(RUNTIME_FILES.test(url.pathname) ? RUNTIME_CACHE : SITE_CACHE);
    if (await cache.match(url)) continue;
    const response = await fetch(url, { cache: "force-cache" });
    if (response.ok) await cache.put(url, response);
  }
}

// Same for the pose detector, once the angle checker has loaded it (detector.js).
async function keepDetectorFiles() {
  const cache = await caches.open(DETECTOR_CACHE);
  for (const path of DETECTOR_FILES) {
    const url = new URL(path, scopeUrl);
    if (await cache.match(url)) continue;
    const response = await fetch(url, { cache: "force-cache" });
    if (response.ok) await cache.put(url, response);
  }
}

/** This build's stored copy of the page (stored on install); a page it does not have (a wrong
 * link) from the network, and with no network a page that says so.
 * @param {Request} request */
async function pageFromThisBuild(request) {
  const cache = await caches.open(SITE_CACHE);
  const key = new URL(request.url);
  key.search = ""; // the timer's plan travels in the query: one stored copy of the page
  const stored = await cache.match(key.href);
  if (stored) return stored;
  return fetch(request).catch(() => offlinePage());
}

/** The stored copy if there is one; otherwise fetch it and keep a copy of a good answer.
 * @param {Request} request @param {string} cacheName */
async function storedFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const stored = await cache.match(request, { ignoreSearch: true });
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

/** Like storedFirst, but the answer streams to the page while it is stored: the 12 MB model's
 * download progress then moves as the bytes arrive, not all at once at the end.
 * @param {FetchEvent} event @param {string} cacheName */
async function storedFirstStreamed(event, cacheName) {
  const cache = await caches.open(cacheName);
  const stored = await cache.match(event.request, { ignoreSearch: true });
  if (stored) return stored;
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic") {
    event.waitUntil(cache.put(event.request, response.clone()).catch(() => {}));
  }
  return response;
}

/** A page that was never stored, and no network: say so, and offer the guide, which is. */
function offlinePage() {
  const home = new URL("./", scopeUrl).href;
  const body = `<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title>
<body style="font: 1.1rem/1.5 system-ui, sans-serif; margin: 2rem 1rem; max-width: 34rem">
<h1>No connection</h1>
<p>This page is not saved on this phone yet. The guide is: <a href="${home}">open the guide</a>.</p>`;
  return new Response(body, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}
