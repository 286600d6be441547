// Stage 2 of the set review: frames -> keypoints, with the angle checker's pose detector
// (../checker/detector.js: MoveNet SinglePose Thunder in its own Web Worker, downloaded on the
// first use and then kept on the phone). Each frame is seen once and closed right after, so the
// memory held does not grow with the video's length; only the 17 points of each frame are kept.

import { DETECTOR, detectPose, disposeDetector, loadDetector } from "../checker/detector.js";

export { DETECTOR, disposeDetector };

// What the model cost so far (read by tests/bench/set_review.py): frames seen, the worker's own
// time for them, and the page's time from handing a frame over to having its points.
export const poseStats = { frames: 0, modelMs: 0, roundTripMs: 0 };

/**
 * @typedef {object} KeypointFrame
 * @property {number} t seconds, the video's own time of the frame
 * @property {number[][]} keypoints 17 × [x, y, score] in frame pixels (COCO order)
 */

/**
 * Start the model (downloading it the first time).
 * @param {(loaded: number, total: number) => void} [onProgress] bytes
 * @returns {Promise<{backend: string, ms: number}>}
 */
export function startPose(onProgress) {
  return loadDetector({
    onProgress: onProgress
      ? (/** @type {{loaded: number, total: number}} */ { loaded, total }) =>
          onProgress(loaded, total)
      : undefined,
  });
}

/**
 * The keypoints of one frame; the frame's bitmap is closed whatever happens.
 * @param {{t: number, bitmap: ImageBitmap}} frame
 * @returns {Promise<KeypointFrame>}
 */
export async function keypointsOf(frame) {
  const { bitmap } = frame;
  try {
    const started = performance.now();
    // detector.js has no JSDoc for its options yet: the size is the frame's own.
    const size = /** @type {any} */ ({ width: bitmap.width, height: bitmap.height });
    const { keypoints, ms } = await detectPose(bitmap, size);
    poseStats.frames += 1;
    poseStats.modelMs += ms;
    poseStats.roundTripMs += performance.now() - started;
    return {
      t: frame.t,
      keypoints: keypoints.map((/** @type {{x: number, y: number, score: number}} */ p) => [
        Math.round(p.x * 10) / 10,
        Math.round(p.y * 10) / 10,
        Math.round(p.score * 1000) / 1000,
      ]),
    };
  } finally {
    bitmap.close();
  }
}
