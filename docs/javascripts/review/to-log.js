// The set review's answer to the training log (issue 19 §1, issue 20 §2): when the timer filmed
// a set and the lifter logged it, the review's link carries the new entries' ids
// (`?entries=<id> <id>`), and once the analysis is done the tempo it measured (Python's
// `measured`: the median of each phase over the reps, hipthrust.review_table.measured_tempo)
// is added to each of those entries. Returns the one line the page shows; a storage failure
// is said, never swallowed.

import { addMeasuredTempo } from "../log/store.js";

/** @typedef {import("./replies.js").ReviewReply} ReviewReply */

/**
 * The log entries named in the page's address (`?entries=`), none when it has none.
 * @param {URLSearchParams} query
 * @returns {string[]}
 */
export function entryIdsFrom(query) {
  return (query.get("entries") ?? "").split(/[\s,]+/).filter(Boolean);
}

/**
 * Add the measured tempo to the logged entries of the reviewed set.
 * @param {string[]} entryIds
 * @param {ReviewReply} result
 * @returns {Promise<string>} the line for the page ("" when no entry was named)
 */
export async function addTempoToLog(entryIds, result) {
  if (!entryIds.length) return "";
  const measured = result.state === "done" ? result.measured : null;
  // Said so that a lifter who saved the set does not read it as lost.
  if (!measured) {
    return "No full rep was timed, so no measured tempo was added. What you logged is kept as you saved it.";
  }
  try {
    for (const id of entryIds) await addMeasuredTempo(id, measured);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `The measured tempo was not added to your log. ${why}`;
  }
  const sets = entryIds.length === 1 ? "this set" : `these ${entryIds.length} sets`;
  return `The measured tempo was added to your log for ${sets}.`;
}
