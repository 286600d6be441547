// The state of the workout at one moment, looked up in Python's segment list (the same rule as
// hipthrust.timeline.state_at): segments are half-open [start, end); past the end it is done.

/** @import { Segment } from "./replies.js" */

/**
 * Where the run stands: `index`/`segment` of the current phase (-1/null before the start and
 * after the end), seconds `remaining` in it, `progress` through it (0-1).
 * @typedef {{index: number, segment: Segment | null, remaining: number, progress: number, done: boolean}} RunState
 */

/**
 * @param {Segment[]} segments in time order, back to back
 * @param {number} total the workout's length in seconds
 * @param {number} elapsed seconds since the first cue
 * @returns {RunState}
 */
export function stateAt(segments, total, elapsed) {
  if (elapsed >= total) return { index: -1, segment: null, remaining: 0, progress: 1, done: true };
  if (elapsed < 0)
    return { index: -1, segment: null, remaining: -elapsed, progress: 0, done: false };
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid].start <= elapsed) low = mid;
    else high = mid - 1;
  }
  const segment = segments[low];
  return {
    index: low,
    segment,
    remaining: segment.end - elapsed,
    progress: (elapsed - segment.start) / (segment.end - segment.start),
    done: false,
  };
}
