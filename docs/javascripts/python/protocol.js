// Types only (nothing runs here): what the page and the Python worker (python/worker.js) say to
// each other through Comlink, and what hipthrust.web's `call` answers for each name. Shared by
// the page (client.js, status.js) and the worker, whose configs use different libs.

/**
 * @typedef {import("../timer/replies.js").TimerSetup} TimerSetup
 * @typedef {import("../timer/replies.js").TimerPlanReply} TimerPlanReply
 * @typedef {import("../checker/replies.js").CheckerFailure} CheckerFailure
 * @typedef {import("../checker/replies.js").CheckerSetup} CheckerSetup
 * @typedef {import("../checker/replies.js").CheckerMeasure} CheckerMeasure
 * @typedef {import("../checker/replies.js").CheckerDetect} CheckerDetect
 * @typedef {import("../checker/replies.js").CheckerBestFrame} CheckerBestFrame
 * @typedef {import("../log/replies.js").LogFailure} LogFailure
 * @typedef {import("../log/replies.js").LogChecked} LogChecked
 * @typedef {import("../log/replies.js").LogImport} LogImport
 * @typedef {import("../log/replies.js").LogExport} LogExport
 * @typedef {import("../log/replies.js").LogCsv} LogCsv
 * @typedef {import("../log/replies.js").LogSessions} LogSessions
 * @typedef {import("../log/replies.js").AdviceResult} LogAdvice
 * @typedef {import("../log/replies.js").LogBalance} LogBalance
 * @typedef {import("../log/replies.js").LogTrend} LogTrend
 * @typedef {import("../log/replies.js").LogSetup} LogSetup
 * @typedef {import("../log/replies.js").LogRule} LogRule
 * @typedef {import("../review/replies.js").ReviewReply} ReviewReply
 */

/**
 * hipthrust.web.describe, plus how Python started ("snapshot": restored from the memory
 * snapshot, "fresh": started and imported).
 * @typedef {object} BootInfo
 * @property {string} package the tools' version
 * @property {string} python
 * @property {string} platform
 * @property {"snapshot" | "fresh"} boot
 */

/**
 * A boot stage as the worker reports it; `at` is when it began (epoch ms).
 * @typedef {{stage: "download", loaded: number, total: number, at?: number}
 *   | {stage: "start" | "tools", at?: number}} BootReport
 */

/**
 * What the page's loading panel follows: the worker's reports, then ready or error.
 * @typedef {{stage: "idle", at?: number}
 *   | BootReport
 *   | {stage: "ready", info: BootInfo, at?: number}
 *   | {stage: "error", message: string, detail: string, at?: number}} PythonStatus
 */

/**
 * What each name of hipthrust.web.API answers (a JSON object).
 * @typedef {object} Replies
 * @property {Omit<BootInfo, "boot">} describe
 * @property {{ok: true, tempo: string} | {ok: false, message: string}} check_tempo
 * @property {TimerSetup} timer_setup
 * @property {TimerPlanReply} timer_plan
 * @property {CheckerSetup | CheckerFailure} checker_setup
 * @property {CheckerMeasure | CheckerFailure} checker_side
 * @property {CheckerMeasure | CheckerFailure} checker_front
 * @property {CheckerDetect | CheckerFailure} checker_detect
 * @property {CheckerBestFrame | CheckerFailure} checker_best_frame
 * @property {LogChecked | LogFailure} log_check_entry
 * @property {LogImport | LogFailure} log_validate
 * @property {LogExport | LogFailure} log_export
 * @property {LogCsv | LogFailure} log_csv
 * @property {LogSessions | LogFailure} log_sessions
 * @property {LogAdvice | LogFailure} log_advice
 * @property {LogBalance | LogFailure} log_balance
 * @property {LogTrend | LogFailure} log_trend_svg
 * @property {LogRule} log_rule
 * @property {LogSetup} log_setup
 * @property {ReviewReply} review_analyse
 */

/** @typedef {keyof Replies} CallName */

/**
 * The worker's API (python/worker.js), as the page sees it through Comlink.
 * @typedef {object} PythonApi
 * @property {(onReport: (report: BootReport) => void) => Promise<BootInfo>} boot
 * @property {(name: CallName, args?: object) => unknown} call
 */

export {};
