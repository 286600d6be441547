// The checker's calls into Python (hipthrust.web_checker), one function per call, each building
// its JSON from the state: the setup, the measurement of the placed points (side or front view),
// the detector's keypoints as points, and the self-timer burst's best frame.

import { callPython } from "../python/client.js";
import { FLOOR } from "./state.js";

/** @typedef {import("./state.js").CheckerState} CheckerState */
/** @typedef {import("./types.js").BestFrameReply} BestFrameReply */
/** @typedef {import("./types.js").DetectReply} DetectReply */
/** @typedef {import("./types.js").Failed} Failed */
/** @typedef {import("./types.js").Keypoints} Keypoints */
/** @typedef {import("./types.js").MeasureReply} MeasureReply */
/** @typedef {import("./types.js").Mode} Mode */
/** @typedef {import("./types.js").Setup} Setup */
/** @typedef {import("./types.js").XY} XY */

/**
 * @param {number} width
 * @param {number} height
 * @returns {Promise<Setup | Failed>}
 */
export async function checkerSetup(width, height) {
  return /** @type {Setup | Failed} */ (await callPython("checker_setup", { width, height }));
}

/**
 * The metrics, verdicts, view warning and overlay of the placed points of the current view.
 * @param {CheckerState} state with an open photo
 * @param {import("./types.js").Photo} photo
 * @returns {Promise<MeasureReply>}
 */
export async function measurePoints(state, photo) {
  const { width, height, id } = photo;
  const { points } = state;
  if (state.mode === "side") {
    const detected = state.detected?.photoId === id ? state.detected.keypoints : null;
    const names = state.activeNames().filter((name) => !FLOOR.includes(name));
    const side = points.of("side");
    /** @type {XY[] | null} */
    const floor =
      state.options.floor && FLOOR.every((name) => points.has("side", name))
        ? FLOOR.map((name) => [side[name].x, side[name].y])
        : null;
    return /** @type {MeasureReply} */ (
      await callPython("checker_side", {
        landmarks: points.coordinates("side", names),
        width,
        height,
        floor,
        detected,
        step: state.step,
      })
    );
  }
  return /** @type {MeasureReply} */ (
    await callPython("checker_front", {
      landmarks: points.coordinates("front", state.activeNames()),
      width,
      height,
      leg: state.leg,
      step: state.step,
    })
  );
}

/**
 * The detector's keypoints as the points of view `mode` (Python picks the side, leg, checks;
 * the step tells a B-stance, whose working leg is the back foot's).
 * @param {Keypoints} keypoints
 * @param {{ width: number, height: number }} size
 * @param {Mode} mode
 * @param {string} step
 * @returns {Promise<DetectReply>}
 */
export async function detectPoints(keypoints, { width, height }, mode, step) {
  return /** @type {DetectReply} */ (
    await callPython("checker_detect", { keypoints, width, height, mode, step })
  );
}

/**
 * Of a self-timer burst, the frame with the highest hips.
 * @param {Keypoints[]} frames each frame's keypoints
 * @param {number} width
 * @param {number} height
 * @returns {Promise<BestFrameReply>}
 */
export async function bestFrame(frames, width, height) {
  return /** @type {BestFrameReply} */ (
    await callPython("checker_best_frame", { frames, width, height })
  );
}
