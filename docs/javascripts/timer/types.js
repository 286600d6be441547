// The shapes the tempo timer exchanges: Python's replies (hipthrust.web_timer: timer_setup,
// timer_plan), the cue options and the run's state at one moment (timer/lookup.js). Types only.

/**
 * A plan as form fields: strings as typed (Python checks them), or a checked plan.
 * @typedef {Record<string, string | number>} PlanFields
 */

/**
 * The checked plan (hipthrust.plan.Plan.fields; also the share link's query).
 * @typedef {object} CheckedPlan
 * @property {string} tempo e.g. "3-0-1-1"
 * @property {number} reps
 * @property {number} sets
 * @property {"both" | "one" | "together"} legs
 * @property {"left" | "right"} first
 * @property {number} rest_legs
 * @property {number} rest_sets
 * @property {number} lead_in
 * @property {"single" | "two_up_one_down"} variant
 */

/** @typedef {{ key: string, name: string, summary: string, fields: CheckedPlan }} Preset */

/**
 * timer_setup(): the presets, the fields' limits, the figure's frames (SVG markup, bottom to top)
 * and the ladder's steps.
 * @typedef {object} TimerSetup
 * @property {Preset[]} presets
 * @property {Record<string, [number, number]>} limits
 * @property {{ viewBox: string, frames: string[] }} figure
 * @property {{ key: string, name: string, one_leg: boolean }[]} steps the ladder (the log prompt)
 * @property {string} default_step
 */

/** @typedef {"lead_in" | "up" | "hold" | "down" | "pause" | "switch" | "rest"} SegmentKind */

/**
 * One segment of the laid-out workout, [start, end) in seconds of run time.
 * @typedef {object} Segment
 * @property {number} start
 * @property {number} end
 * @property {SegmentKind} kind
 * @property {string} word
 * @property {number} set
 * @property {number} sets
 * @property {number} rep 0 outside a rep (lead-in, rests)
 * @property {number} reps
 * @property {string} leg "left", "right" or "both"
 * @property {string} instruction
 * @property {string} breath
 * @property {string} next
 * @property {[number, number]} motion the figure's height at the start and the end, 0..1
 * @property {boolean} skippable
 */

/** @typedef {import("./replies.js").Cue} Cue */

/**
 * timer_plan() for a valid plan: the plan as Python read it and the whole workout laid out.
 * @typedef {object} Workout
 * @property {true} ok
 * @property {CheckedPlan} plan
 * @property {number} total
 * @property {string} summary
 * @property {Segment[]} segments
 * @property {Cue[]} cues
 * @property {Record<string, import("./replies.js").Sound>} sounds
 */

/** @typedef {{ ok: false, errors: Partial<Record<keyof CheckedPlan, string>> }} PlanRejected */
/** @typedef {Workout | PlanRejected} PlanReply */

/** @typedef {{ beeps: boolean, voice: boolean, vibration: boolean, volume: number }} CueOptions */

/**
 * The workout at one moment (timer/lookup.js stateAt).
 * @typedef {object} RunState
 * @property {number} index
 * @property {Segment | null} segment
 * @property {number} remaining
 * @property {number} progress
 * @property {boolean} done
 */

export {};
