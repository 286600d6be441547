// The pose detector's keypoints → the points of a view. checker/auto-detect.js finds the
// keypoints on the phone; Python (checker_detect) chooses the near side, the working leg and the
// points to check; this module places them (one undo step), then measures. The same keypoints
// give the other view its points when the user switches view.

import { detectPoints } from "./python-calls.js";

/** @typedef {import("./types.js").Checker} Checker */
/** @typedef {import("./types.js").DetectOutcome} DetectOutcome */
/** @typedef {import("./types.js").Keypoints} Keypoints */
/** @typedef {import("./types.js").Mode} Mode */

/**
 * The detector's keypoints of photo `photoId` (stale ones are dropped).
 * @param {Checker} checker
 * @param {Keypoints} keypoints
 * @param {number} photoId
 * @param {boolean} automatic the detection ran by itself: the user's own points stay
 * @returns {Promise<DetectOutcome | undefined>} undefined when the answer no longer applies
 */
export async function applyKeypoints(checker, keypoints, photoId, automatic) {
  const { state } = checker;
  if (!state.current(photoId)) return undefined;
  state.keypointsFound(photoId, keypoints);
  return detectFor(checker, state.mode, automatic);
}

/**
 * Points of view `mode` from this photo's keypoints.
 * @param {Checker} checker
 * @param {Mode} mode
 * @param {boolean} automatic
 * @returns {Promise<DetectOutcome | undefined>}
 */
export async function detectFor({ state, view, measurer }, mode, automatic) {
  const { photo, detected } = state;
  if (!photo || !detected) return undefined;
  const result = await detectPoints(detected.keypoints, photo, mode, state.step);
  if (!state.current(photo.id, mode)) return undefined;
  if (!result.ok) return { found: false, message: result.message };
  if (!result.found) {
    await measurer.schedule(); // the view judgement ("no person") still shows
    return { found: false, message: result.message };
  }
  const changed = state.detectedPoints(mode, result, automatic);
  view.syncForm(state, changed);
  view.renderPoints(state);
  await measurer.schedule();
  const checks = Object.keys(result.checks ?? {}).map((name) => state.label(name));
  const side = result.near_side ? ` (${result.near_side} side, nearer the camera)` : "";
  return {
    found: true,
    message: `Points placed by the detector${side}. Check ${checks.length ? checks.join(", ") : "them"}: drag a point to move it, or tap “Looks right”.`,
  };
}
