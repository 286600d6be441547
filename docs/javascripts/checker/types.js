// The shapes the angle checker exchanges: Python's replies (hipthrust.web_checker: checker_setup,
// checker_side/front, checker_detect, checker_best_frame), the open photo and the detector's
// outcome. Every reply may instead be {ok: false, message}: a sentence the page shows. Types only.

/** @typedef {"side" | "front"} Mode */
/** @typedef {"right" | "left"} Leg */
/** @typedef {"foot" | "freeLeg" | "floor"} OptionName the side view's optional points */
/** @typedef {[number, number]} XY a point in the photo's own pixels */
/** @typedef {{ ok: false, message: string }} Failed */

/**
 * checker_setup(): which points each view asks for, in order, and their words.
 * @typedef {object} Setup
 * @property {true} ok
 * @property {Record<Mode, string[]>} order
 * @property {Record<OptionName, string[]>} optional
 * @property {Record<string, string>} prompts
 * @property {Record<string, string>} labels
 * @property {string} keyboard the prompt's help for keyboard users
 * @property {{ key: string, name: string, options: OptionName[] }[]} steps the ladder's steps
 * @property {string} default_step
 */

/**
 * One measured angle (hipthrust.metrics.metric).
 * @typedef {object} Metric
 * @property {string} name
 * @property {string} label
 * @property {number} value signed degrees
 * @property {"good" | "close" | "fix"} verdict
 * @property {string} direction
 * @property {{ anchor: string, title: string, cue: string } | null} [fault]
 */

/** @typedef {{ metric: string, label: string, needs: string[], message: string }} Waiting */
/**
 * The view judgement; `reason` is the warning's data-reason (null when usable).
 * @typedef {{ usable: boolean, code: string, reason?: string | null, message: string | null }} View
 */
/** @typedef {{ step: string, name: string, message: string }} Suggestion another step to offer */

/**
 * checker_side() / checker_front(): what the placed points allow, and the overlay.
 * @typedef {object} Measured
 * @property {true} ok
 * @property {Metric[]} metrics
 * @property {Waiting[]} waiting
 * @property {"left" | "right" | null} facing
 * @property {number | null} knee_angle
 * @property {string} overlay SVG markup, one <g>
 * @property {View | null} view
 * @property {Suggestion | null} [suggestion] the step the photo looks like, when not the chosen one
 */
/** @typedef {Measured | Failed} MeasureReply */

/**
 * checker_detect(): the detector's keypoints as the view's points.
 * @typedef {object} Detected
 * @property {true} ok
 * @property {boolean} found
 * @property {string} message
 * @property {Record<string, XY>} points
 * @property {Record<string, string> | null} checks reasons of the points to check
 * @property {"left" | "right" | null} near_side
 * @property {Leg | null} working_leg
 * @property {View} view
 */
/** @typedef {Detected | Failed} DetectReply */

/** @typedef {{ ok: true, index: number | null, hip_y: (number | null)[] } | Failed} BestFrameReply */

/**
 * The detector's keypoints, as checker/detector.js gives them; only Python reads them.
 * @typedef {unknown[]} Keypoints
 */

/**
 * The open photo: natural size (the points' coordinates) and a display copy.
 * @typedef {object} Photo
 * @property {number} id which photo of this visit (a newer one makes older answers stale)
 * @property {File} file
 * @property {number} width
 * @property {number} height
 * @property {ImageBitmap | HTMLCanvasElement} display
 */

/** @typedef {{ found: boolean, message: string }} DetectOutcome */

/**
 * The parts of one mounted checker, handed to the modules that act on it.
 * @typedef {object} Checker
 * @property {HTMLElement} root the tool (data-photo: none | loading | ready | error)
 * @property {import("./state.js").CheckerState} state
 * @property {import("./render.js").CheckerView} view
 * @property {import("./measure.js").Measurer} measurer
 * @property {import("./auto-detect.js").AutoDetect} autoDetect
 * @property {import("./camera.js").SelfTimer} camera
 * @property {import("./keyboard-help.js").KeyboardHelp} keyboard
 * @property {(file: File | null | undefined) => Promise<void>} choose open a photo (checker/choose-photo.js)
 */

export {};
