// Types only (nothing runs here): the JSON the angle checker gets from Python's door,
// hipthrust.web_checker (checker_setup, checker_side, checker_front, checker_detect,
// checker_best_frame). Every reply may instead be {ok: false, message} with a sentence for the
// user. Read by tools/angle-checker.js and checker/*; python/client.js types callPython() with them.

/** @typedef {"side" | "front"} Mode */
/** @typedef {"right" | "left"} Leg */
/** @typedef {"foot" | "freeLeg" | "floor"} OptionName the side view's optional points */

/**
 * A point in the photo's own (oriented, natural) pixels.
 * @typedef {[number, number]} XY
 */

/**
 * Bad input, said in a sentence the page shows as it is.
 * @typedef {object} CheckerFailure
 * @property {false} ok
 * @property {string} message
 */

/**
 * checker_setup: which points to place, in which order, and what to call them.
 * @typedef {object} CheckerSetup
 * @property {true} ok
 * @property {Record<Mode, string[]>} order
 * @property {Record<OptionName, string[]>} optional
 * @property {Record<string, string>} prompts "Tap your hip (...)", by point name
 * @property {Record<string, string>} labels "Hip", by point name
 * @property {string} keyboard the prompt's help for keyboard users
 * @property {Record<string, {label: string, good: number, close: number}>} thresholds
 * @property {Record<string, string>} faults troubleshooting anchor -> title
 * @property {{key: string, name: string, options: OptionName[], staggered: boolean}[]} steps the
 *   ladder's steps; `staggered`: one foot forward on its heel (B-stance)
 * @property {string} default_step
 */

/**
 * One measured angle (hipthrust.metrics.metric).
 * @typedef {object} Metric
 * @property {string} name
 * @property {string} label
 * @property {number} value signed degrees, 0.1° steps
 * @property {"good" | "close" | "fix"} verdict
 * @property {string} direction in words
 * @property {{anchor: string, title: string, cue: string} | null} fault the fault to fix
 */

/**
 * A metric that still needs points (hipthrust.metrics.waiting).
 * @typedef {object} Waiting
 * @property {string} metric
 * @property {string} label
 * @property {string[]} needs point names, in placing order
 * @property {string} message "Place the knee to see the shin angle."
 */

/**
 * Whether the photo is a usable view (hipthrust.view); `reason` is the warning's data-reason.
 * @typedef {object} ViewCheck
 * @property {boolean} usable
 * @property {string} code
 * @property {string | null} reason null when usable
 * @property {string | null} message
 */

/**
 * Another step of the ladder the photo looks like (hipthrust.step_guess), only offered.
 * @typedef {object} Suggestion
 * @property {string} step
 * @property {string} name
 * @property {string} message
 */

/**
 * checker_side / checker_front: the metrics of the placed points and the overlay.
 * @typedef {object} CheckerMeasure
 * @property {true} ok
 * @property {Metric[]} metrics
 * @property {Waiting[]} waiting
 * @property {"left" | "right" | null} facing
 * @property {number | null} knee_angle
 * @property {string} overlay SVG markup (`<g ...>`) in photo pixels
 * @property {ViewCheck} view
 * @property {Suggestion | null} suggestion when the photo looks like another step, else null
 */

/**
 * checker_detect: the detector's keypoints turned into the checker's points; `message` is the
 * sentence to show when no person was found, null when one was.
 * @typedef {object} DetectedPoints
 * @property {true} ok
 * @property {Record<string, XY>} points
 * @property {Record<string, string>} checks point name -> why to check it
 * @property {Leg | null} near_side
 * @property {Leg | null} working_leg
 * @property {ViewCheck} view
 */
/** @typedef {DetectedPoints & ({found: true, message: null} | {found: false, message: string})} CheckerDetect */

/**
 * checker_best_frame: the burst frame with the highest hip.
 * @typedef {object} CheckerBestFrame
 * @property {true} ok
 * @property {number | null} index null when no frame shows the hips
 * @property {(number | null)[]} hip_y
 */

export {};
