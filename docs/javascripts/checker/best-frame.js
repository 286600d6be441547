// The self-timer's burst (checker/camera.js) → one photo: the pose model finds the keypoints of
// each frame and Python picks the frame with the highest hips; without the model on the phone (or
// when no frame shows a person) the user picks from the thumbnails. The frame then opens like any
// photo. The camera panel's data-hip-y and data-best are test hooks.

import { errorText } from "./measure.js";
import { bestFrame } from "./python-calls.js";
import { frameToFile } from "./camera.js";

/** @typedef {import("./types.js").Checker} Checker */
/** @typedef {import("./types.js").Keypoints} Keypoints */
/** @typedef {ImageBitmap} Frame a frame of the burst */

/**
 * @param {Checker} checker
 * @param {Frame[]} frames
 */
export async function pickFrame(checker, frames) {
  const { camera, view } = checker;
  /** @param {number} index */
  const use = async (index) => {
    const file = await frameToFile(frames[index]);
    for (const frame of frames) frame.close();
    camera.close();
    await checker.choose(file);
  };
  /** @param {number} index */
  const pick = (index) => {
    use(index).catch((error) => view.showError(errorText(error)));
  };
  const detector = await readyDetector(checker);
  if (!detector) {
    camera.showThumbnails(frames, pick);
    return;
  }
  /** @type {Keypoints[]} */
  const keypoints = [];
  for (const [index, frame] of frames.entries()) {
    camera.say(`Finding the frame with the highest hips (${index + 1} of ${frames.length})…`);
    try {
      const size = { width: frame.width, height: frame.height };
      keypoints.push((await detector.detectPose(frame, size)).keypoints);
    } catch {
      keypoints.push([]);
    }
    if (!camera.isOpen) return; // closed meanwhile
  }
  const { width, height } = frames[0];
  const best = await bestFrame(keypoints, width, height);
  camera.panel.dataset.hipY = JSON.stringify(best.ok ? best.hip_y : []);
  camera.panel.dataset.best = String(best.ok ? (best.index ?? "") : "");
  if (!best.ok || best.index == null) {
    camera.showThumbnails(frames, pick);
    camera.say("No frame showed a person clearly: tap the frame where your hips are highest.");
    return;
  }
  await use(best.index);
}

/**
 * The pose model, if it is on the phone (loading it when it is cached but not yet running).
 * @param {Checker} checker
 * @returns {Promise<typeof import("./detector.js") | null>}
 */
async function readyDetector({ autoDetect, camera }) {
  try {
    const detector = await import("./detector.js"); // already loaded by auto-detect.js
    if (!autoDetect.loaded && !(await detector.isDetectorCached())) return null;
    if (!autoDetect.loaded) {
      camera.say("Loading the pose model…");
      await detector.loadDetector();
      autoDetect.loaded = true;
    }
    return detector;
  } catch {
    return null;
  }
}
