// The set review's pipeline: decode (./decode.js) -> pose (./pose.js) -> keypoint series, with
// progress, time left and Cancel. One frame is in the model at a time and each is closed once
// seen, so memory stays flat however long the video; the series (17 points a frame) is all that
// is kept, so a new target tempo or step re-runs only Python (./analyse.js), not the video.

import { VideoError, VideoSource } from "./decode.js";
import { keypointsOf, startPose } from "./pose.js";

// Chosen by measurement (tests/bench/set_review.py; figures in the issue note): MoveNet Thunder
// takes ~50-70 ms a frame on a 2-core laptop, so 10 frames a second of video analyse a set in
// well under its own duration, and 0.1 s is finer than the ±0.15 s the phase times must reach.
export const SAMPLE_FPS = 10;
// The frames go to the model (256 px square) shrunk to this long side: enough for the model and
// for showing a rep's top frame, small enough to copy between workers in no time.
export const ANALYSIS_SIDE = 640;
const PROGRESS_MS = 250;

/**
 * @typedef {object} Series
 * @property {{t: number, keypoints: number[][]}[]} frames
 * @property {number} width
 * @property {number} height
 * @property {number} duration
 */

/**
 * @typedef {object} RunHooks
 * @property {(stage: "opening" | "model" | "frames", text: string, percent: number) => void} onProgress
 * @property {AbortSignal} signal
 * @property {number} maxSeconds longer videos are refused
 */

/**
 * Open `file` and turn it into a keypoint series. Throws VideoError (reason "empty",
 * "not-video", "no-picture", "codec", "long", "cancelled", "failed"); the caller keeps `source`
 * (returned) to show frames later and closes it.
 * @param {File} file
 * @param {RunHooks} hooks
 * @returns {Promise<{source: VideoSource, series: Series}>}
 */
export async function readVideo(file, { onProgress: report, signal, maxSeconds }) {
  const onProgress = throttled(report);
  onProgress("opening", "Opening the video…", 0);
  const source = await VideoSource.open(file);
  try {
    const { duration } = source.info;
    if (!(duration > 0)) throw new VideoError("no-picture");
    if (duration > maxSeconds) throw new VideoError("long", String(duration));
    await startPose((loaded, total) =>
      onProgress(
        "model",
        `Downloading the pose model (once): ${(loaded / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB`,
        (10 * loaded) / Math.max(1, total),
      ),
    );
    const series = await framesToKeypoints(source, duration, onProgress, signal);
    return { source, series };
  } catch (error) {
    source.close();
    throw error;
  }
}

/**
 * @param {VideoSource} source @param {number} duration
 * @param {RunHooks["onProgress"]} onProgress @param {AbortSignal} signal
 * @returns {Promise<Series>}
 */
async function framesToKeypoints(source, duration, onProgress, signal) {
  /** @type {Series["frames"]} */
  const frames = [];
  let width = 0;
  let height = 0;
  const started = performance.now();
  for await (const frame of source.frames({ fps: SAMPLE_FPS, maxSide: ANALYSIS_SIDE, signal })) {
    if (signal.aborted) {
      frame.bitmap.close();
      break;
    }
    width = frame.bitmap.width;
    height = frame.bitmap.height;
    frames.push(await keypointsOf(frame));
    const done = Math.min(1, (frame.t + 1 / SAMPLE_FPS) / duration);
    const elapsed = (performance.now() - started) / 1000;
    const left = done > 0.02 ? (elapsed / done) * (1 - done) : null;
    onProgress(
      "frames",
      `Finding your joints: ${frame.t.toFixed(1)} of ${duration.toFixed(1)} s of video` +
        (left == null ? "" : `, about ${Math.max(1, Math.round(left))} s left`),
      10 + 85 * done,
    );
  }
  if (signal.aborted) throw new VideoError("cancelled");
  return { frames, width, height, duration };
}

/**
 * The same reports, at most one per PROGRESS_MS unless the stage changes: the model's download
 * reports every network chunk, and each report is page work.
 * @param {RunHooks["onProgress"]} report
 * @returns {RunHooks["onProgress"]}
 */
function throttled(report) {
  let last = 0;
  let lastStage = "";
  return (stage, text, percent) => {
    const now = performance.now();
    if (stage === lastStage && now - last < PROGRESS_MS) return;
    last = now;
    lastStage = stage;
    report(stage, text, percent);
  };
}
