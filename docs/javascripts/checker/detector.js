// The page's handle on the pose detector: MoveNet SinglePose Thunder on TensorFlow.js (wasm
// backend), run in a Web Worker (./detector-worker.js) so the page never stalls. The model and
// runtime are copied into the site at build time (overrides/hooks/pose_model.py), downloaded
// only when the user first asks, and kept on the phone by the service worker (sw.js, its
// `detector-…` cache). This module only moves messages and pixels: which side is nearer, which
// point to trust and what the angles say is decided in Python (hipthrust).

import { messageOf } from "../errors.js";
import { keypointsInPhoto } from "./coordinates.js";

/** @import { DetectorFile, DetectorReply, Keypoint } from "./detector-protocol.js" */
/** @typedef {Extract<DetectorReply, {type: "progress"}>} ProgressReply */
/** @typedef {Extract<DetectorReply, {type: "loaded"}>} LoadedReply */
/** @typedef {Extract<DetectorReply, {type: "result"}>} ResultReply */
/** @typedef {(progress: {loaded: number, total: number}) => void} ProgressListener */
/**
 * A request waiting for the worker's answer.
 * @typedef {object} Pending
 * @property {(reply: DetectorReply) => void} resolve
 * @property {(error: Error) => void} reject
 * @property {((reply: ProgressReply) => void) | undefined} onProgress
 * @property {string} type "load" or "detect"
 */
/**
 * An Error whose message is a sentence for the user; the technical cause is in `detail`.
 * @typedef {Error & {detail: string, kind: string}} DetectorError
 */

// [path from the site root, bytes] of each file, filled in at build time (pose_model.py).
/** @type {DetectorFile[]} */
const FILES = [/* __DETECTOR_FILES__ */];

export const DETECTOR = {
  model: "MoveNet SinglePose Thunder",
  licence:
    "Apache-2.0 (model by Google, TF Hub movenet/singlepose/thunder/4; TensorFlow.js runtime)",
  // What ends up on the phone: runtime scripts, the wasm binaries and the model's weights.
  bytes: FILES.reduce((sum, [, size]) => sum + size, 0),
};

// COCO order, as MoveNet outputs them.
export const KEYPOINT_NAMES = [
  "nose",
  "left_eye",
  "right_eye",
  "left_ear",
  "right_ear",
  "left_shoulder",
  "right_shoulder",
  "left_elbow",
  "right_elbow",
  "left_wrist",
  "right_wrist",
  "left_hip",
  "right_hip",
  "left_knee",
  "right_knee",
  "left_ankle",
  "right_ankle",
];

// The worker gets at most this many pixels on the long side: MoveNet sees 256 px, and a crop
// around the person rarely needs more than this; a 48 MP photo would only cost memory.
const MAX_SIDE = 1280;
// Extra passes, chosen by measuring (tests/bench/pose_accuracy.py; figures in the issue note).
const DEFAULT_PASSES = { crop: false, flip: false };

const siteRoot = new URL("../../", import.meta.url);
const fileUrls = FILES.map(([path]) => new URL(path, siteRoot).href);

/** @type {Worker | null} */
let worker = null;
/** @type {Promise<{backend: string, ms: number}> | null} */
let loading = null;
let loaded = false;
/** @type {string | null} */
let loadedBackend = null;
let nextId = 1;
/** @type {Map<number, Pending>} */
const pending = new Map();
/** @type {Set<ProgressListener>} */
const progressListeners = new Set();

/** True when every model and runtime file is already stored on this phone (offline-ready). */
export async function isDetectorCached() {
  if (typeof caches === "undefined" || fileUrls.length === 0) return false;
  try {
    const found = await Promise.all(fileUrls.map((url) => caches.match(url)));
    return found.every(Boolean);
  } catch {
    return false; // storage blocked (private mode, …): treat as not stored
  }
}

/**
 * Download (first time), compile and warm up the model. `onProgress({loaded, total})` in bytes.
 * Resolves to `{backend, ms}`. Concurrent calls share one load; after a failure the next call
 * starts over.
 * @param {{onProgress?: ProgressListener}} [options]
 * @returns {Promise<{backend: string, ms: number}>}
 */
export function loadDetector({ onProgress } = {}) {
  if (onProgress && !loaded) progressListeners.add(onProgress);
  if (loading) return loading;
  const attempt = start().then(
    (message) => {
      loaded = true;
      progressListeners.clear();
      keepForOffline();
      return { backend: message.backend, ms: message.ms };
    },
    (error) => {
      if (loading === attempt) disposeDetector();
      throw error;
    },
  );
  loading = attempt;
  return attempt;
}

/** @returns {Promise<LoadedReply>} */
function start() {
  if (FILES.length === 0) {
    return Promise.reject(
      new Error("The pose model is not part of this build of the site. Place the points by hand."),
    );
  }
  try {
    worker = new Worker(new URL("./detector-worker.js", import.meta.url), {
      name: "pose-detector",
    });
  } catch (error) {
    return Promise.reject(userError("worker", messageOf(error)));
  }
  const current = worker;
  worker.addEventListener("message", onMessage);
  // A worker that cannot load its script, or dies (out of memory), fails whatever is pending.
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    if (worker === current)
      failAll(userError("worker", event.message ?? "the detector's worker stopped"));
  });
  const files = FILES.map(([path, size]) => [new URL(path, siteRoot).href, size]);
  const answer = request("load", { files }, [], (message) => {
    for (const listener of progressListeners)
      listener({ loaded: message.loaded, total: message.total });
  });
  return /** @type {Promise<LoadedReply>} */ (answer);
}

/**
 * Find the 17 keypoints in `source` (an ImageBitmap or canvas of the oriented photo).
 * `width`/`height` = the photo's natural size: the result's coordinates are in those pixels.
 * The caller's bitmap is left as it is (the worker gets a copy).
 * @param {ImageBitmap | HTMLCanvasElement} source
 * @param {{width: number, height: number, crop?: boolean, flip?: boolean}} size the photo's
 *   natural size; `crop`, `flip`: the extra passes (DEFAULT_PASSES)
 * @returns {Promise<{keypoints: Keypoint[], ms: number, backend: string | null}>}
 */
export async function detectPose(
  source,
  { width, height, crop = DEFAULT_PASSES.crop, flip = DEFAULT_PASSES.flip },
) {
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) {
    throw new Error("The photo's size is unknown, so the joints cannot be placed on it.");
  }
  if (!loading) throw new Error("The pose model is not loaded yet: tap “Find my joints” first.");
  await loading;
  const sourceWidth = source?.width;
  const sourceHeight = source?.height;
  if (!(sourceWidth > 0 && sourceHeight > 0))
    throw new Error("This photo is empty, so no joints can be found in it.");
  const scale = Math.min(1, MAX_SIDE / Math.max(sourceWidth, sourceHeight));
  const copy = await createImageBitmap(
    source,
    scale < 1
      ? {
          resizeWidth: Math.round(sourceWidth * scale),
          resizeHeight: Math.round(sourceHeight * scale),
          resizeQuality: "high",
        }
      : {},
  );
  const copySize = { width: copy.width, height: copy.height }; // the transfer empties `copy`
  const result = /** @type {ResultReply} */ (
    await request("detect", { bitmap: copy, crop, flip }, [copy])
  );
  const keypoints = keypointsInPhoto(result.keypoints, KEYPOINT_NAMES, copySize, {
    width,
    height,
  });
  if (
    keypoints.length !== KEYPOINT_NAMES.length ||
    keypoints.some((p) => ![p.x, p.y, p.score].every(Number.isFinite))
  ) {
    throw new Error(
      "The pose model returned no usable points for this photo. Place the points by hand.",
    );
  }
  return { keypoints, ms: result.ms, backend: loadedBackend };
}

/** Stop the worker and free the model's memory (the page is being left). */
export function disposeDetector() {
  const stopped = worker;
  worker = null;
  loading = null;
  loaded = false;
  loadedBackend = null;
  progressListeners.clear();
  stopped?.terminate();
  failAll(new Error("The pose detector was stopped."));
}

// --- Messages with the worker --------------------------------------------------------------

/**
 * Send a request; resolves to the worker's answer (not its progress reports).
 * @param {"load" | "detect"} type
 * @param {object} fields
 * @param {ImageBitmap[]} transfer moved to the worker (closed if there is none)
 * @param {(reply: ProgressReply) => void} [onProgress]
 * @returns {Promise<DetectorReply>}
 */
function request(type, fields, transfer, onProgress) {
  const current = worker;
  if (!current) {
    for (const item of transfer) item.close?.();
    return Promise.reject(new Error("The pose detector was stopped."));
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress, type });
    current.postMessage({ id, type, ...fields }, transfer);
  });
}

/** @param {MessageEvent<DetectorReply>} event */
function onMessage(event) {
  const message = event.data;
  const waiting = pending.get(message.id);
  if (!waiting) return;
  if (message.type === "progress") {
    waiting.onProgress?.(message);
    return;
  }
  pending.delete(message.id);
  if (message.type === "error")
    waiting.reject(userError(message.kind, message.message, waiting.type));
  else {
    if (message.type === "loaded") loadedBackend = message.backend;
    waiting.resolve(message);
  }
}

/** @param {Error} error */
function failAll(error) {
  for (const [id, waiting] of pending) {
    pending.delete(id);
    waiting.reject(error);
  }
}

/**
 * An Error whose message is a sentence for the user; the technical cause stays in `detail`.
 * @param {string} kind an ErrorKind, or anything else for the general sentence
 * @param {string} detail
 * @param {string} [during] "load" or "detect"
 * @returns {DetectorError}
 */
function userError(kind, detail, during = "load") {
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  /** @type {Partial<Record<string, string>>} */
  const sentences = {
    network: offline
      ? "You are offline and the pose model is not on this phone yet. Connect once to download it, or place the points by hand."
      : "The pose model could not be downloaded. Check your connection and try again, or place the points by hand.",
    http: "The pose model's files could not be found on this site. Place the points by hand.",
    memory:
      "There is not enough memory on this device to run the pose model. Close other apps or tabs and try again, or place the points by hand.",
    wasm: "This browser cannot run the pose model (it needs WebAssembly). Place the points by hand.",
    worker: "This browser could not start the pose model. Place the points by hand.",
    input:
      "This photo could not be read for pose detection. Try another photo, or place the points by hand.",
  };
  const fallback =
    during === "detect"
      ? "The pose model failed on this photo. Try again, or place the points by hand."
      : "The pose model could not start. Try again, or place the points by hand.";
  return Object.assign(new Error(sentences[kind] ?? fallback), { detail, kind });
}

// Ask the offline service worker (sw.js) to keep the model and runtime this page just used, so
// the detector also works without a signal. No service worker: nothing to do.
function keepForOffline() {
  navigator.serviceWorker?.ready
    .then((registration) => registration.active?.postMessage({ type: "keep-detector" }))
    .catch(() => {});
}
