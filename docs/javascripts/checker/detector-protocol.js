// Types only (nothing runs here): the messages between the page's detector adapter
// (./detector.js) and the pose detector's worker (./detector-worker.js), and the keypoints they
// produce. Shared by both, whose type checks use different libs (DOM, WebWorker).

/**
 * One MoveNet keypoint in the pixels of the image it was found in; `score` 0-1.
 * @typedef {{x: number, y: number, score: number}} RawKeypoint
 */

/**
 * A named keypoint in the photo's natural pixels: what Python's checker_detect reads.
 * @typedef {RawKeypoint & {name: string}} Keypoint
 */

/** @typedef {"network" | "http" | "memory" | "wasm" | "worker" | "input" | "other"} ErrorKind */

/**
 * [URL, bytes] of one runtime or model file.
 * @typedef {[string, number]} DetectorFile
 */

/**
 * Page -> worker.
 * @typedef {{id: number, type: "load", files: DetectorFile[]}
 *   | {id: number, type: "detect", bitmap: ImageBitmap, crop: boolean, flip: boolean}} DetectorRequest
 */

/**
 * Worker -> page.
 * @typedef {{id: number, type: "progress", loaded: number, total: number}
 *   | {id: number, type: "loaded", backend: string, ms: number}
 *   | {id: number, type: "result", keypoints: RawKeypoint[], ms: number}
 *   | {id: number, type: "error", kind: ErrorKind, message: string}} DetectorReply
 */

export {};
