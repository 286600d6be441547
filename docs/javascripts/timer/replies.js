// Types only (nothing runs here): the JSON the tempo timer gets from Python's door,
// hipthrust.web_timer (timer_setup, timer_plan). Read by tools/tempo-timer.js, timer/run.js and
// timer/audio.js (through timer/types.js); python/client.js types callPython() with them.

/**
 * The plan as form fields (hipthrust.plan.Plan.fields; also the share link's query).
 * @typedef {object} PlanFields
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

/** @typedef {"lead_in" | "up" | "hold" | "down" | "pause" | "switch" | "rest"} SegmentKind */

/**
 * One phase of the workout, half-open [start, end) in seconds from the first cue.
 * @typedef {object} Segment
 * @property {number} start
 * @property {number} end
 * @property {SegmentKind} kind
 * @property {string} word the phase word shown big ("UP", "REST")
 * @property {number} set
 * @property {number} sets
 * @property {number} rep 0 outside the reps
 * @property {number} reps
 * @property {"left" | "right" | "both"} leg the working leg; "both": both feet together
 * @property {string} instruction
 * @property {string} breath
 * @property {string} next what comes next, in words
 * @property {[number, number]} motion the figure's height (0-1) at the start and end
 * @property {boolean} skippable rests, lead-in and leg switches
 */

/**
 * A cue due at `time` seconds into the workout (hipthrust.cues.Cue).
 * @typedef {object} Cue
 * @property {number} time
 * @property {string} sound a key of TimerPlan.sounds
 * @property {string} say the voice line, "" for none
 * @property {number[]} vibrate navigator.vibrate pattern
 */

/**
 * A beep as an oscillator (hipthrust.cues.Sound).
 * @typedef {object} Sound
 * @property {number} start_hz
 * @property {number} end_hz
 * @property {number} seconds
 * @property {number} gain 0-1 before the page's volume
 * @property {"sine" | "square" | "sawtooth" | "triangle"} wave an OscillatorType
 */

/**
 * timer_plan: the checked plan laid out as segments and cues.
 * @typedef {object} TimerPlan
 * @property {true} ok
 * @property {PlanFields} plan
 * @property {number} total seconds
 * @property {string} summary
 * @property {Segment[]} segments
 * @property {Cue[]} cues
 * @property {Record<string, Sound>} sounds
 */

/**
 * timer_plan with bad fields: one message per field.
 * @typedef {object} TimerPlanErrors
 * @property {false} ok
 * @property {Partial<Record<keyof PlanFields, string>>} errors
 */

/** @typedef {TimerPlan | TimerPlanErrors} TimerPlanReply */

/**
 * A ready-made plan of the Variation menu, one per ladder step.
 * @typedef {object} Preset
 * @property {string} key
 * @property {string} name
 * @property {string} summary
 * @property {PlanFields} fields
 */

/**
 * timer_setup: presets, field limits and the moving figure, asked for once.
 * @typedef {object} TimerSetup
 * @property {Preset[]} presets
 * @property {Record<string, [number, number]>} limits
 * @property {{viewBox: string, frames: string[]}} figure each frame is inner SVG markup, bottom to top
 * @property {{key: string, name: string, one_leg: boolean}[]} steps the ladder (the log prompt)
 * @property {string} default_step
 */

export {};
