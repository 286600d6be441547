// Types only (nothing runs here): the JSON the set review gets from Python's door,
// hipthrust.web_review (review_analyse; its docstring is the reference). Bad input comes back as
// {ok: false, state: "failed", message} with a sentence for the user. Read by review/analyse.js,
// review/render.js and tools/set-review.js; python/client.js types callPython() with it.

/** @typedef {import("../checker/replies.js").Metric} Metric */
/** @typedef {import("../checker/replies.js").ViewCheck} ViewCheck */

/** @typedef {"lower" | "bottom" | "drive" | "top"} PhaseName */
/** @typedef {"good" | "close" | "fix"} Verdict */

/**
 * A warning under the status line.
 * @typedef {object} ReviewWarning
 * @property {"not-bridge" | "no-person" | "no-rep" | "view" | "small" | "partial" | "sparse"
 *   | "tempo"} reason
 * @property {string} message a sentence for the user
 */

/**
 * The target tempo in seconds per phase; `drive` null when X (as fast as possible).
 * @typedef {object} ReviewTarget
 * @property {string} tempo
 * @property {number} lower
 * @property {number} bottom
 * @property {number | null} drive
 * @property {number} top
 * @property {boolean} explosive
 */

/**
 * One phase of a rep, judged against the target.
 * @typedef {object} RepPhase
 * @property {number | null} seconds null when cut by the video's start or end
 * @property {number | null} start
 * @property {number | null} end
 * @property {number | null} target null: no target (or X for the drive)
 * @property {Verdict | null} verdict
 * @property {number | null} off seconds against the target (+ = longer)
 * @property {string} text "✓", "+1.1 s", "−0.9 s" (minus sign) or ""
 */

/**
 * One counted rep: times in seconds of the video, angles in degrees with the checker's signs.
 * @typedef {object} ReviewRep
 * @property {number} rep
 * @property {"left" | "right" | "both"} leg
 * @property {number} start
 * @property {number} end
 * @property {number | null} lower
 * @property {number | null} bottom
 * @property {number | null} drive
 * @property {number | null} top
 * @property {Record<PhaseName, RepPhase>} phases
 * @property {number[]} top_frames times of the top-hold frames used
 * @property {number | null} top_time the frame to show when the row is tapped
 * @property {Record<string, [number, number]>} points that frame's checker points (px)
 * @property {string | null} overlay the checker's overlay of that frame (SVG group markup)
 * @property {number | null} shin
 * @property {number | null} hip_line
 * @property {number | null} pelvis
 * @property {Metric[]} metrics
 * @property {ViewCheck} view the checker's view judgement of the top
 * @property {Verdict | null} verdict worst of the judged phases and metrics
 */

/**
 * The median seconds of each phase over the reps (hipthrust.review_table.measured_tempo), in the
 * training log's names.
 * @typedef {object} MeasuredTempo
 * @property {number} lowering
 * @property {number} bottom_pause
 * @property {number} drive
 * @property {number} top_hold
 */

/**
 * review_analyse: "done" when reps were found; "none" (no person, not a bridge, no full rep:
 * the last warning says which) with a zero count and no reps.
 * @typedef {object} ReviewAnalysis
 * @property {true} ok
 * @property {"done" | "none"} state
 * @property {string} message the status line
 * @property {"side" | "front"} view
 * @property {ReviewWarning[]} warnings
 * @property {ReviewTarget | null} target
 * @property {{value: number, left: number | null, right: number | null}} count left/right null
 *   for a two-leg step
 * @property {{leg: "left" | "right" | "both", start: number, end: number, reps: number[]}[]} blocks
 * @property {{start: number, end: number, where: "start" | "end" | "middle"}[]} partial
 * @property {ReviewRep[]} reps
 * @property {MeasuredTempo | null} measured for the training log; null when a phase was never timed
 * @property {string} chart SVG markup ("" when state is "none")
 * @property {string[]} summary
 * @property {string} csv the table as CSV, for the export button
 */

/**
 * review_analyse with unreadable input (no size, unknown step or view, too many frames).
 * @typedef {object} ReviewFailure
 * @property {false} ok
 * @property {"failed"} state
 * @property {string} message
 */

/** @typedef {ReviewAnalysis | ReviewFailure} ReviewReply */

export {};
