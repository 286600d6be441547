// The door between the tempo timer and the set review on the same phone (issue 19 §1): the
// timer films the set, stores the recording here and opens
//   tools/set-review/?tempo=<the plan's tempo>&step=<step key>&recording=<key>
// The review page takes the recording (and deletes it: it is kept only until it is opened).
// IndexedDB, because it holds a Blob of any size in every engine and survives the navigation;
// nothing leaves the phone. The timer's side is `storeRecording(blob)`.

const DB = "hipthrust-handover";
const STORE = "recordings";
// A recording nobody opened within this time is dropped on the next hand-over.
const KEEP_MS = 24 * 3600 * 1000;

/** @returns {Promise<IDBDatabase>} */
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * @template T
 * @param {"readonly" | "readwrite"} mode
 * @param {(store: IDBObjectStore) => IDBRequest<T>} action
 * @returns {Promise<T>}
 */
async function withStore(mode, action) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Keep `blob` (the timer's recording) for the review page; returns the key for `?recording=`.
 * @param {Blob} blob
 * @returns {Promise<string>}
 */
export async function storeRecording(blob) {
  const key = `rec-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const all = await withStore("readonly", (store) => store.getAllKeys());
  for (const old of all) {
    const age = Date.now() - parseInt(String(old).split("-")[1] ?? "0", 36);
    if (age > KEEP_MS) await withStore("readwrite", (store) => store.delete(old));
  }
  await withStore("readwrite", (store) =>
    store.put({ blob, type: blob.type, created: Date.now() }, key),
  );
  return key;
}

/**
 * The recording stored under `key` as a File (and forgotten), or null when there is none.
 * @param {string} key
 * @returns {Promise<File | null>}
 */
export async function takeRecording(key) {
  const entry = await withStore("readonly", (store) => store.get(key));
  if (!entry?.blob) return null;
  await withStore("readwrite", (store) => store.delete(key));
  const type = entry.type || entry.blob.type || "video/webm";
  const extension = type.startsWith("video/mp4") ? "mp4" : "webm";
  return new File([entry.blob], `timer-set.${extension}`, { type });
}
