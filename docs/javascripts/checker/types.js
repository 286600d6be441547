// The shapes the angle checker exchanges: Python's replies (hipthrust.web_checker, defined once in
// ./replies.js and named here as the checker's modules call them), the open photo and the
// detector's outcome. Types only.

/** @typedef {import("./replies.js").Mode} Mode */
/** @typedef {import("./replies.js").Leg} Leg */
/** @typedef {import("./replies.js").OptionName} OptionName */
/** @typedef {import("./replies.js").XY} XY */
/** @typedef {import("./replies.js").CheckerFailure} Failed */
/** @typedef {import("./replies.js").CheckerSetup} Setup checker_setup() */
/** @typedef {import("./replies.js").Metric} Metric */
/** @typedef {import("./replies.js").Waiting} Waiting */
/** @typedef {import("./replies.js").ViewCheck} View */
/** @typedef {import("./replies.js").Suggestion} Suggestion */
/** @typedef {import("./replies.js").CheckerMeasure} Measured checker_side() / checker_front() */
/** @typedef {Measured | Failed} MeasureReply */
/** @typedef {import("./replies.js").CheckerDetect} Detected checker_detect() */
/** @typedef {Detected | Failed} DetectReply */
/** @typedef {import("./replies.js").CheckerBestFrame | Failed} BestFrameReply */

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
