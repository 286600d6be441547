// The pose detector's Web Worker (classic): TensorFlow.js with the WebAssembly backend (SIMD),
// running MoveNet SinglePose Thunder, so that no model work ever blocks the page.
// Talked to by ./detector.js only, with plain messages:
//   {id, type: "load", files: [[url, bytes], ...]} -> {id, type: "progress", loaded, total}...,
//                                                     then {id, type: "loaded", backend, ms}
//   {id, type: "detect", bitmap, crop, flip}       -> {id, type: "result", keypoints, ms}
//   any failure                                    -> {id, type: "error", kind, message}
// The worker owns the ImageBitmaps it receives (transferred copies) and closes them.
//
// MoveNet (TF Hub movenet/singlepose/thunder/4): input [1, 256, 256, 3] int32 RGB, output
// [1, 1, 17, 3] = (y, x, score) normalised to the input square, COCO keypoint order.
// The photo is letterboxed into a square (black bars), as the model card prescribes.
// Optional passes (measured in tests/bench/pose_accuracy.py): `crop` runs the model again on a
// square around the person found by the first pass (MoveNet's crop-region idea: more pixels on
// the body), `flip` also runs it on the mirrored square and averages the two (left/right swapped).

/* global tf */
"use strict";

/** @typedef {import("./detector-protocol.js").DetectorRequest} DetectorRequest */
/** @typedef {import("./detector-protocol.js").DetectorReply} DetectorReply */
/** @typedef {import("./detector-protocol.js").RawKeypoint} RawKeypoint */
/** @typedef {import("./detector-protocol.js").ErrorKind} ErrorKind */
/** @typedef {import("@tensorflow/tfjs-core").Tensor} Tensor */
/** @typedef {{url: string, bytes: number}} NamedFile @typedef {(bytes: number) => void} ByteReport */
/** @typedef {{x: number, y: number, size: number}} Region a square, in bitmap pixels */

const INPUT_SIZE = 256;
const KEYPOINTS = 17;
// Left/right partner of each COCO keypoint (nose stays): used to undo a horizontal flip.
const MIRROR = [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15];
// The crop pass frames the keypoints the first pass is fairly sure of (pose-detection's
// MoveNet uses 0.2 for its crop region), with a margin for hands, feet and head beyond them.
const CROP_MIN_SCORE = 0.2;
const CROP_MIN_KEYPOINTS = 6;
const CROP_MARGIN = 1.3;

/** @type {import("@tensorflow/tfjs-converter").GraphModel | null} */
let model = null;
/** @type {string | null} */
let backend = null;
/** @type {OffscreenCanvas | null} */
let canvas = null;
/** @type {OffscreenCanvasRenderingContext2D | null} */
let context2d = null;
let queue = Promise.resolve();

/** @param {DetectorReply} reply */
function send(reply) {
  self.postMessage(reply);
}

self.addEventListener("message", (event) => {
  const message = /** @type {DetectorRequest} */ (/** @type {MessageEvent} */ (event).data);
  // One request at a time: the model and the canvas are shared.
  queue = queue.then(() => handle(message));
});

/** @param {DetectorRequest} message */
async function handle(message) {
  const started = performance.now();
  try {
    if (message.type === "load") {
      await load(message.id, message.files);
      send({
        id: message.id,
        type: "loaded",
        backend: backend ?? "",
        ms: performance.now() - started,
      });
    } else if (message.type === "detect") {
      const keypoints = await detect(message.bitmap, message);
      send({
        id: message.id,
        type: "result",
        keypoints,
        ms: performance.now() - started,
      });
    } else {
      throw new Error(`unknown request ${/** @type {{type: unknown}} */ (message).type}`);
    }
  } catch (error) {
    if (message.type === "detect") message.bitmap?.close?.();
    send({
      id: message.id,
      type: "error",
      kind: kindOf(error),
      message: String(/** @type {{message?: unknown} | null} */ (error)?.message ?? error),
    });
  }
}

// --- Loading -------------------------------------------------------------------------------

/** @param {number} id the request's (for progress) @param {[string, number][]} files */
async function load(id, files) {
  if (model) return;
  if (typeof WebAssembly !== "object") throw tagged(new Error("no WebAssembly"), "wasm");
  const byName = new Map(files.map(([url, bytes]) => [url.split("/").pop(), { url, bytes }]));
  /** @type {(name: string) => NamedFile} */
  const need = (name) => {
    const file = byName.get(name);
    if (!file) throw new Error(`${name} is not in the detector's file list`);
    return file;
  };
  const scripts = [
    "tf-core.min.js",
    "tf-backend-cpu.min.js",
    "tf-backend-wasm.min.js",
    "tf-converter.min.js",
  ].map(need);
  const modelJson = need("movenet-thunder.json");
  // Which wasm binary is needed is only known once tfjs is loaded: count the SIMD one (the
  // usual case) in the total, and correct the total if the plain one is used instead.
  const simd = need("tfjs-backend-wasm-simd.wasm");
  const plain = need("tfjs-backend-wasm.wasm");
  const weights = need("movenet-thunder.bin");
  const progress = {
    loaded: 0,
    total: [...scripts, simd, modelJson, weights].reduce((sum, f) => sum + f.bytes, 0),
  };
  /** @type {ByteReport} */
  const report = (bytes) => {
    progress.loaded += bytes;
    send({ id, type: "progress", loaded: progress.loaded, total: progress.total });
  };

  for (const script of scripts) {
    const bytes = await download(script.url, report);
    const url = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
    try {
      importScripts(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  backend = await startBackend(simd, plain, progress, report);

  /** @type {import("@tensorflow/tfjs-core").io.ModelJSON} */
  const topology = JSON.parse(new TextDecoder().decode(await download(modelJson.url, report)));
  const weightSpecs = topology.weightsManifest.flatMap((group) => group.weights);
  const names = topology.weightsManifest.flatMap((group) => group.paths);
  if (names.length !== 1 || names[0] !== weights.url.split("/").pop()) {
    throw new Error(`unexpected weight files ${names.join(", ")}`);
  }
  const weightData = await download(weights.url, report);
  const loaded = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: topology.modelTopology,
      format: topology.format,
      generatedBy: topology.generatedBy,
      convertedBy: topology.convertedBy,
      signature: topology.signature,
      userDefinedMetadata: topology.userDefinedMetadata,
      weightSpecs,
      weightData,
    }),
  );
  // Warm-up: the first run compiles and allocates; the user's first photo should not pay it.
  const warm = tf.tidy(() =>
    single(loaded.execute(tf.zeros([1, INPUT_SIZE, INPUT_SIZE, 3], "int32"))),
  );
  await warm.data();
  warm.dispose();
  model = loaded;
}

/** MoveNet has one output tensor. @param {Tensor | Tensor[]} output */
function single(output) {
  return Array.isArray(output) ? output[0] : output;
}

/**
 * The wasm backend (SIMD when the browser has it); the cpu backend when wasm cannot start.
 * @param {NamedFile} simd @param {NamedFile} plain
 * @param {{loaded: number, total: number}} progress @param {ByteReport} report
 */
async function startBackend(simd, plain, progress, report) {
  try {
    const hasSimd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    // Threads need cross-origin isolation (SharedArrayBuffer), which a static host does not give.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    const file = hasSimd ? simd : plain;
    progress.total += file.bytes - simd.bytes;
    const binary = await download(file.url, report);
    const url = URL.createObjectURL(new Blob([binary], { type: "application/wasm" }));
    tf.wasm.setWasmPaths({
      "tfjs-backend-wasm.wasm": url,
      "tfjs-backend-wasm-simd.wasm": url,
      "tfjs-backend-wasm-threaded-simd.wasm": url,
    });
    if (await tf.setBackend("wasm")) {
      await tf.ready();
      return hasSimd ? "wasm-simd" : "wasm";
    }
  } catch (error) {
    if (kindOf(error) === "network") throw error;
    console.warn("wasm backend failed, using cpu:", error);
  }
  if (!(await tf.setBackend("cpu")))
    throw tagged(new Error("neither wasm nor cpu backend started"), "wasm");
  await tf.ready();
  return "cpu";
}

/** GET `url` as bytes, reporting each received chunk's size. @param {string} url @param {ByteReport} report */
async function download(url, report) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw tagged(error, "network");
  }
  if (!response.ok) throw tagged(new Error(`${url}: HTTP ${response.status}`), "http");
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  if (!response.body) throw tagged(new Error(`${url}: no body`), "http");
  const reader = response.body.getReader();
  for (;;) {
    let part;
    try {
      part = await reader.read();
    } catch (error) {
      throw tagged(error, "network");
    }
    if (part.done) break;
    chunks.push(part.value);
    size += part.value.byteLength;
    report(part.value.byteLength);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

// --- Detection -----------------------------------------------------------------------------

/** @param {ImageBitmap} bitmap closed when done @param {{crop: boolean, flip: boolean}} passes */
async function detect(bitmap, { crop, flip }) {
  if (!model) throw new Error("the model is not loaded");
  try {
    const { width, height } = bitmap;
    if (!(width > 0 && height > 0)) throw tagged(new Error("empty image"), "input");
    const side = Math.max(width, height);
    let region = { x: (width - side) / 2, y: (height - side) / 2, size: side };
    let keypoints = await pass(bitmap, region, false);
    if (crop) {
      const around = cropRegion(keypoints, width, height);
      if (around) {
        region = around;
        keypoints = await pass(bitmap, region, false);
      }
    }
    if (flip) keypoints = average(keypoints, await pass(bitmap, region, true));
    return keypoints;
  } finally {
    bitmap.close();
  }
}

/**
 * One run of the model on the square `region` of the bitmap (bitmap pixels; may overhang).
 * @param {ImageBitmap} bitmap @param {Region} region @param {boolean} mirrored
 */
async function pass(bitmap, region, mirrored) {
  if (!canvas || !context2d) {
    canvas = new OffscreenCanvas(INPUT_SIZE, INPUT_SIZE);
    context2d = canvas.getContext("2d", { willReadFrequently: true });
  }
  const loaded = model;
  if (!context2d || !loaded) throw new Error("the model is not loaded");
  context2d.setTransform(1, 0, 0, 1, 0, 0);
  context2d.fillStyle = "#000";
  context2d.fillRect(0, 0, INPUT_SIZE, INPUT_SIZE);
  if (mirrored) context2d.setTransform(-1, 0, 0, 1, INPUT_SIZE, 0);
  context2d.imageSmoothingEnabled = true;
  context2d.imageSmoothingQuality = "high";
  // The part of the region outside the bitmap stays black.
  const part = onBitmap(region, bitmap.width, bitmap.height);
  if (part) context2d.drawImage(bitmap, ...part);
  const rgba = context2d.getImageData(0, 0, INPUT_SIZE, INPUT_SIZE).data;
  const rgb = new Int32Array(INPUT_SIZE * INPUT_SIZE * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  const output = tf.tidy(() =>
    single(loaded.execute(tf.tensor4d(rgb, [1, INPUT_SIZE, INPUT_SIZE, 3], "int32"))),
  );
  const raw = await output.data();
  output.dispose();
  /** @type {RawKeypoint[]} */
  const keypoints = [];
  for (let k = 0; k < KEYPOINTS; k++) {
    // A mirrored run sees the left knee where the right one is: read its partner, unflip x.
    const source = mirrored ? MIRROR[k] : k;
    const ny = raw[source * 3];
    const nx = mirrored ? 1 - raw[source * 3 + 1] : raw[source * 3 + 1];
    keypoints.push({
      x: region.x + nx * region.size,
      y: region.y + ny * region.size,
      score: raw[source * 3 + 2],
    });
  }
  return keypoints;
}

/**
 * drawImage's arguments for the part of `region` (may overhang) that lies on the bitmap, placed
 * where it belongs in the model's square; null when none does. The spec clips an overhanging
 * source, but WebKit (every iPhone browser; seen in WebKitGTK 2.50) then draws nothing for an
 * ImageBitmap: the model saw a black square and gave the same points for every photo.
 * @param {Region} region @param {number} width @param {number} height the bitmap's size
 * @returns {[number, number, number, number, number, number, number, number] | null}
 */
function onBitmap(region, width, height) {
  const [left, top] = [Math.max(region.x, 0), Math.max(region.y, 0)];
  const [w, h] = [
    Math.min(region.x + region.size, width) - left,
    Math.min(region.y + region.size, height) - top,
  ];
  if (!(w > 0 && h > 0)) return null;
  const scale = INPUT_SIZE / region.size;
  const [dx, dy] = [(left - region.x) * scale, (top - region.y) * scale];
  return [left, top, w, h, dx, dy, w * scale, h * scale];
}

/**
 * A square around the confident keypoints, or null when too few are confident to frame.
 * @param {RawKeypoint[]} keypoints @param {number} width the bitmap's @param {number} height
 */
function cropRegion(keypoints, width, height) {
  const sure = keypoints.filter((point) => point.score >= CROP_MIN_SCORE);
  if (sure.length < CROP_MIN_KEYPOINTS) return null;
  const xs = sure.map((point) => point.x);
  const ys = sure.map((point) => point.y);
  const [left, right, top, bottom] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const size = Math.max(right - left, bottom - top) * CROP_MARGIN;
  // No gain once the square is as large as the whole letterboxed photo.
  if (!(size > 0) || size >= Math.max(width, height)) return null;
  return { x: (left + right) / 2 - size / 2, y: (top + bottom) / 2 - size / 2, size };
}

/**
 * The mean of two runs. In a side view the model's "left" and "right" are often swapped between
 * the plain and the mirrored run, so each left/right pair is matched by position (the pairing
 * with the smaller total distance), not by name, before averaging.
 * @param {RawKeypoint[]} a @param {RawKeypoint[]} b
 */
function average(a, b) {
  const matched = b.slice();
  for (let k = 1; k < KEYPOINTS; k += 2) {
    const [l, r] = [k, MIRROR[k]];
    const kept = distance(a[l], b[l]) + distance(a[r], b[r]);
    const swapped = distance(a[l], b[r]) + distance(a[r], b[l]);
    if (swapped < kept) [matched[l], matched[r]] = [b[r], b[l]];
  }
  return a.map((point, k) => ({
    x: (point.x + matched[k].x) / 2,
    y: (point.y + matched[k].y) / 2,
    score: (point.score + matched[k].score) / 2,
  }));
}

/** @param {RawKeypoint} p @param {RawKeypoint} q */
function distance(p, q) {
  return Math.hypot(p.x - q.x, p.y - q.y);
}

// --- Errors --------------------------------------------------------------------------------

/** @param {unknown} error @param {ErrorKind} kind */
function tagged(error, kind) {
  /** @type {Error & {kind?: ErrorKind}} */
  const wrapped = error instanceof Error ? error : new Error(String(error));
  wrapped.kind = kind;
  return wrapped;
}

/** @param {unknown} error @returns {ErrorKind} */
function kindOf(error) {
  const seen = /** @type {{kind?: ErrorKind, name?: string, message?: string} | null} */ (error);
  if (seen?.kind) return seen.kind;
  const text = `${seen?.name ?? ""} ${seen?.message ?? error}`;
  if (error instanceof RangeError || /memory|allocation|OOM/i.test(text)) return "memory";
  return "other";
}
