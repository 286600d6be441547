// The shapes the tempo timer exchanges: Python's replies (hipthrust.web_timer: timer_setup,
// timer_plan, defined once in ./replies.js and named here as the timer's modules call them), the
// cue options and the run's state at one moment (timer/lookup.js). Types only.

/**
 * A plan as form fields: strings as typed (Python checks them), or a checked plan.
 * @typedef {Record<string, string | number>} PlanFields
 */

/** @typedef {import("./replies.js").PlanFields} CheckedPlan the checked plan (Plan.fields) */
/** @typedef {import("./replies.js").Preset} Preset */
/** @typedef {import("./replies.js").TimerSetup} TimerSetup */
/** @typedef {import("./replies.js").SegmentKind} SegmentKind */
/** @typedef {import("./replies.js").Segment} Segment */
/** @typedef {import("./replies.js").Cue} Cue */
/** @typedef {import("./replies.js").TimerPlan} Workout timer_plan() for a valid plan */
/** @typedef {import("./replies.js").TimerPlanErrors} PlanRejected */
/** @typedef {import("./replies.js").TimerPlanReply} PlanReply */

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
