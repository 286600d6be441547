// The training log's storage on this phone: IndexedDB through `idb` (pinned in package.json,
// copied into the site by overrides/hooks/idb_vendor.py as vendor/idb.js). Nothing here is ever sent anywhere.
// One record per set and leg, in the stored format Python defines and checks
// (hipthrust.log_format, through hipthrust.web_log), keyed by the entry's own string `id`: this
// module only keeps records, it never decides what they mean.
//
// Where IndexedDB is missing or refuses (private browsing, storage full or blocked), every
// function rejects with a LogStoreError whose message is meant for the page: the caller shows it
// and keeps what the lifter typed, so nothing is lost silently.
//
// For the set review (issue 19): `addMeasuredTempo(entryId, tempo)` adds the measured tempo to
// the entry the timer saved (the timer passes the set's entry ids on to the review).

import { openDB } from "../vendor/idb.js";

const DB_NAME = "hipthrust-log";
const DB_VERSION = 1;
const STORE = "entries";

/**
 * One stored set of one leg, in Python's stored format (hipthrust.log_format); `id` is the key.
 * @typedef {Record<string, unknown> & { id: string }} LogEntry
 */

export class LogStoreError extends Error {}

const UNAVAILABLE =
  "This browser will not keep the log here (private browsing, or storage is blocked or full).";

/** @type {Promise<import("../vendor/idb.js").IDBPDatabase> | null} */
let opening = null;

/** @returns {Promise<import("../vendor/idb.js").IDBPDatabase>} */
function database() {
  if (!globalThis.indexedDB) return Promise.reject(new LogStoreError(UNAVAILABLE));
  opening ??= openDB(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const store = db.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("date", "date");
    },
    blocking() {
      // Another tab opens a newer version: let it, and reopen on the next call.
      opening?.then((db) => db.close());
      opening = null;
    },
  }).catch((/** @type {unknown} */ error) => {
    opening = null;
    throw asStoreError(error);
  });
  return opening;
}

/**
 * @param {unknown} error
 * @returns {LogStoreError}
 */
function asStoreError(error) {
  if (error instanceof LogStoreError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError")
    return new LogStoreError("The phone's storage for this site is full: the set was not saved.");
  return new LogStoreError(UNAVAILABLE);
}

/**
 * Run `work`, turning any storage failure into a LogStoreError.
 * @template T
 * @param {(db: import("../vendor/idb.js").IDBPDatabase) => Promise<T>} work
 * @returns {Promise<T>}
 */
async function withDb(work) {
  const db = await database();
  try {
    return await work(db);
  } catch (error) {
    throw asStoreError(error);
  }
}

/**
 * Ask the browser to keep the log when storage runs low (it may say no; the log still works).
 * @returns {Promise<boolean>}
 */
export async function askToPersist() {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/**
 * Save the sets of one prompt in one transaction (all or none).
 * @param {LogEntry[]} entries checked by Python (`log_check_entry`)
 * @returns {Promise<void>}
 */
export function addEntries(entries) {
  return withDb(async (db) => {
    const tx = db.transaction(STORE, "readwrite");
    await Promise.all([...entries.map((entry) => tx.store.add(entry)), tx.done]);
  });
}

/**
 * Every entry, oldest first.
 * @returns {Promise<LogEntry[]>}
 */
export function allEntries() {
  return withDb((db) => db.getAll(STORE));
}

/**
 * @param {string} id
 * @returns {Promise<void>}
 */
export function deleteEntry(id) {
  return withDb((db) => db.delete(STORE, id));
}

/** @returns {Promise<void>} */
export function deleteAll() {
  return withDb((db) => db.clear(STORE));
}

/**
 * Add an import's entries (validated by Python) to the log in one transaction: a set already
 * here (the same id) is replaced by the file's copy, nothing else is removed; if anything
 * fails, the log is as it was.
 * @param {LogEntry[]} entries
 * @returns {Promise<void>}
 */
export function mergeEntries(entries) {
  return withDb(async (db) => {
    const tx = db.transaction(STORE, "readwrite");
    await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
  });
}

/**
 * The set review adds the tempo it measured to the entry the timer saved for that set.
 * `tempo` is the stored format's `tempo` field: mean seconds per phase,
 * `{lowering, bottom_pause, drive, top_hold}`, each 0-30 (check it with Python's
 * `log_check_entry` first); it replaces any earlier measurement. Rejects with a
 * LogStoreError if the entry is gone.
 * @param {string} entryId the entry's `id` (the timer hands the set's ids to the review)
 * @param {import("../review/replies.js").MeasuredTempo} tempo
 * @returns {Promise<LogEntry>} the updated entry
 */
export function addMeasuredTempo(entryId, tempo) {
  return withDb(async (db) => {
    const tx = db.transaction(STORE, "readwrite");
    const entry = await tx.store.get(entryId);
    if (!entry) throw new LogStoreError(`No log entry ${entryId}: it may have been deleted.`);
    const updated = { ...entry, tempo };
    await tx.store.put(updated);
    await tx.done;
    return updated;
  });
}
