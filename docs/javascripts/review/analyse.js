// Stage 3 of the set review: keypoint series -> reps, phases, top metrics, chart and summary.
// Every decision is Python's (hipthrust.web_review.review_analyse, the same code as the timer's
// tempo parser and the checker's metrics and overlay); this module only makes the call and
// checks that an answer came back in the expected shape.

import { callPython } from "../python/client.js";

/** @typedef {import("./replies.js").ReviewReply} Analysis */

/**
 * @param {{frames: {t: number, keypoints: number[][] | null}[], width: number, height: number,
 *   step: string, tempo: string | null, duration: number | null}} series
 * @returns {Promise<Analysis>}
 */
export async function analyse(series) {
  const result = await callPython("review_analyse", series);
  if (!result || typeof result.state !== "string") {
    return { ok: false, state: "failed", message: "The analysis gave no answer." };
  }
  return result;
}

/**
 * The timer's own tempo check: `{ok, tempo}` or `{ok: false, message}`.
 * @param {string} text
 * @returns {Promise<{ok: boolean, tempo?: string, message?: string}>}
 */
export function checkTempo(text) {
  return callPython("check_tempo", { text });
}
