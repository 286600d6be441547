// Python memory snapshot: the second and later boots on a phone restore Python's memory as it
// was once the tools were imported, instead of starting the interpreter and importing them
// again (issue 11 §1: most of a warm boot was that start-up).
//
// The only module that touches Pyodide's PRIVATE snapshot API, checked against the pinned
// pyodide 314.0.7 (package.json): loadPyodide's `_makeSnapshot: true` / `_loadSnapshot: bytes`
// options and `pyodide.makeMemorySnapshot()`. A Pyodide update must re-check them here
// (tests/browser/test_python_snapshot.py does). What that version does and does not do:
// - restoreSnapshot() refuses a snapshot of another Pyodide build (magic number and BUILD_ID),
//   so a runtime update never restores an old heap; our key adds the wheel's sha256 from the
//   lock file, so a new build of the tools never does either.
// - makeMemorySnapshot() refuses when `pyodide.loadedPackages` is not empty (it compares that
//   object with `{}`); loadPackage() has filled it in, so it is emptied for the copy and put back.
// - A restore copies the snapshot into the module's initial heap, whatever its size (pyodide#6254:
//   INITIAL_MEMORY is ignored), 30 MiB in this build; a heap that has grown beyond it would fail
//   every restore, so such a snapshot is not kept (the tools' heap is just at 30 MiB today).
// - Only the heap is saved, not the file system: the wheel's files are gone after a restore, so
//   the worker imports every module of the package before the copy (a later import would fail).
// The snapshot (about 31 MB of heap, 5 MB gzipped) is kept in Cache Storage under CACHE, one
// entry at a time; sw.js keeps that cache. Every failure is logged and falls back to a normal
// boot; a snapshot that could not be restored is deleted.

/** @import { PyodideAPI } from "pyodide" */
/**
 * Pyodide's private heap, which its public types do not name (checked against 314.0.7 above).
 * @typedef {{_module: {HEAP8: Int8Array}}} PyodideInternals
 */

export const CACHE = "python-snapshot";
// The heap a restore can fill: the initial heap of pyodide 314.0.7 (measured, see above).
const RESTORABLE_HEAP = 30 * 1024 * 1024;
const BYTES_HEADER = "X-Snapshot-Bytes";

/**
 * The cache key of the snapshot for this runtime and this wheel (its sha256 in the lock).
 * @param {URL} runtime the runtime's folder
 * @param {string} version Pyodide's
 * @param {string} wheelSha256
 */
export function snapshotKey(runtime, version, wheelSha256) {
  return new URL(`snapshot/${version}/${wheelSha256}.bin.gz`, runtime).href;
}

/**
 * @param {string} message
 * @param {unknown} [error]
 */
function log(message, error) {
  console.warn(`Python snapshot: ${message}`, error ?? "");
}

/** Whether this browser can keep a snapshot (Cache Storage needs a secure context). */
export function snapshotsSupported() {
  return Boolean(self.caches && self.CompressionStream && self.DecompressionStream);
}

async function openCache() {
  return snapshotsSupported() ? caches.open(CACHE) : null;
}

/** The stored snapshot for `key` as `{bytes}`, a promise of its bytes (unpacked while the
 * runtime downloads), or null when there is none or this browser cannot keep one.
 * @param {string} key
 * @returns {Promise<{bytes: Promise<Uint8Array>} | null>} */
export async function findSnapshot(key) {
  try {
    const cache = await openCache();
    const stored = await cache?.match(key);
    if (!stored) return null;
    const bytes = unpack(stored);
    bytes.catch(() => {}); // reported where loadPyodide awaits it
    return { bytes };
  } catch (error) {
    log("could not read the cache", error);
    return null;
  }
}

/**
 * @param {Response} response the stored snapshot
 * @returns {Promise<Uint8Array>}
 */
async function unpack(response) {
  const expected = Number(response.headers.get(BYTES_HEADER));
  if (!response.body) throw new Error("snapshot has no body");
  const body = response.body.pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(body).arrayBuffer());
  if (!expected || bytes.byteLength !== expected) {
    throw new Error(`snapshot has ${bytes.byteLength} bytes, expected ${expected}`);
  }
  return bytes;
}

/**
 * Options for loadPyodide: restore `bytes` (a promise) when given, else record for a snapshot.
 * @param {Promise<Uint8Array> | null} bytes
 * @returns {{_loadSnapshot: Promise<Uint8Array>} | {_makeSnapshot: true}}
 */
export function snapshotOptions(bytes) {
  return bytes ? { _loadSnapshot: bytes } : { _makeSnapshot: true };
}

/** Copy Python's memory now (synchronous: nothing else runs in Python meanwhile). Call it once
 * the tools are imported and before any call, so no user data is in the copy.
 * @param {PyodideAPI} pyodide
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function takeSnapshot(pyodide) {
  const heap = /** @type {PyodideInternals} */ (/** @type {unknown} */ (pyodide))._module.HEAP8
    .length;
  if (heap > RESTORABLE_HEAP) {
    throw new Error(
      `Python's heap grew to ${heap} bytes; a restore fills only ${RESTORABLE_HEAP} (pyodide#6254)`,
    );
  }
  const loaded = { ...pyodide.loadedPackages };
  for (const name of Object.keys(loaded)) delete pyodide.loadedPackages[name];
  try {
    // A copy of the heap in an ordinary buffer (what Blob and Cache Storage take).
    return /** @type {Uint8Array<ArrayBuffer>} */ (pyodide.makeMemorySnapshot());
  } finally {
    Object.assign(pyodide.loadedPackages, loaded);
  }
}

/** Gzip `bytes` and store them under `key`, replacing any other snapshot. Resolves to the
 * stored size in bytes, or null when it could not be stored (logged; the next boot is normal).
 * @param {string} key
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @returns {Promise<number | null>}
 */
export async function storeSnapshot(key, bytes) {
  try {
    const cache = await openCache();
    if (!cache) return null;
    const gzipped = await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip")),
    ).blob();
    await cache.put(
      key,
      new Response(gzipped, {
        headers: {
          "Content-Type": "application/octet-stream",
          [BYTES_HEADER]: String(bytes.byteLength),
        },
      }),
    );
    for (const request of await cache.keys()) {
      if (request.url !== key) await cache.delete(request);
    }
    console.info(`Python snapshot stored: ${bytes.byteLength} bytes, ${gzipped.size} gzipped`);
    return gzipped.size;
  } catch (error) {
    log("could not store it (quota?)", error);
    await dropSnapshot(key);
    return null;
  }
}

/**
 * Delete the snapshot under `key` (it failed to restore, or could not be stored whole).
 * @param {string} key
 */
export async function dropSnapshot(key) {
  try {
    await (await openCache())?.delete(key);
  } catch (error) {
    log("could not delete it", error);
  }
}
