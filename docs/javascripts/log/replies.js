// Types only (nothing runs here): the JSON the training log gets from Python's door,
// hipthrust.web_log (log_check_entry, log_validate, log_export, log_csv, log_sessions, log_advice,
// log_balance, log_trend_svg, log_setup, log_rule). Every call that takes entries may instead
// answer {ok: false, message} with a sentence for the user. Read by tools/training-log.js,
// log/save-set.js and log/view.js; python/client.js types callPython() with them.

/**
 * One checked set of one leg, optional fields filled in (hipthrust.log_format).
 * @typedef {object} CheckedEntry
 * @property {string} id
 * @property {string} date ISO 8601 local date and time, as written
 * @property {string} step a key of hipthrust.steps.STEPS
 * @property {"left" | "right" | "both"} leg
 * @property {number} set
 * @property {number} reps
 * @property {number} rir 0-4 (4: 4 or more)
 * @property {number | null} load null: bodyweight
 * @property {"kg" | "lb"} unit
 * @property {boolean} pain
 * @property {boolean | null} hips_level null: not recorded
 * @property {{lowering: number, bottom_pause: number, drive: number, top_hold: number} | null} tempo
 *   measured by the set review, mean seconds per phase
 * @property {{tempo: string, reps: number, preset: string | null}} plan what the timer ran
 */

/**
 * Bad entries, a bad import or a bad date, said in a sentence the page shows as it is.
 * @typedef {object} LogFailure
 * @property {false} ok
 * @property {string} message
 */

/** @typedef {{ok: true, entry: CheckedEntry}} LogChecked log_check_entry */

/**
 * log_validate: an import's entries, normalised.
 * @typedef {object} LogImport
 * @property {true} ok
 * @property {CheckedEntry[]} entries
 * @property {number} count
 * @property {number} sessions
 */

/** @typedef {{ok: true, json: string, filename: string}} LogExport log_export */
/** @typedef {{ok: true, csv: string, filename: string}} LogCsv log_csv */

/**
 * One leg's sets in a session.
 * @typedef {object} LegSession
 * @property {"left" | "right" | "both"} leg
 * @property {number} sets
 * @property {number[]} reps
 * @property {number[]} rir
 * @property {number | null} load
 * @property {"kg" | "lb"} unit
 * @property {string} summary "3 x 10 at 12.5 kg, 2, 2, 1 in reserve"
 * @property {string[]} entries ids
 */

/**
 * A day's sets of one step.
 * @typedef {object} Session
 * @property {string} date YYYY-MM-DD
 * @property {string} step
 * @property {string} step_name
 * @property {LegSession[]} legs
 */

/** @typedef {{ok: true, sessions: Session[]}} LogSessions log_sessions, newest first */

/** @typedef {"add-rep" | "add-load" | "next-step" | "repeat" | "ease-off"} AdviceAction */

/**
 * What one leg should do next time, with the rule's words.
 * @typedef {object} Advice
 * @property {"left" | "right" | "both"} leg
 * @property {AdviceAction} action
 * @property {string} title "Add a rep"
 * @property {string} reason what the log shows
 * @property {string} next_words "Next time: 11 reps a set."
 * @property {{title: string, when: string, do: string, link: string}} rule
 * @property {{step: string, step_name: string, reps: number, load: number | null, unit: "kg" | "lb"}} next
 * @property {string} row the programming row key
 */

/**
 * Left against right in the latest session.
 * @typedef {object} Balance
 * @property {"left" | "right"} lagging
 * @property {"left" | "right"} first the leg to start with
 * @property {string} words
 * @property {string} link relative to the site's root
 */

/**
 * The timer's plan for next time.
 * @typedef {object} NextPlan
 * @property {string} step
 * @property {string} step_name
 * @property {string} preset a programming row key
 * @property {import("../timer/replies.js").PlanFields} fields timer_plan's fields
 * @property {string} summary
 * @property {"left" | "right" | null} first the lagging leg on a one-leg step
 */

/**
 * log_advice: for the latest session's step (empty `advice` and nulls when the log is empty).
 * @typedef {object} AdviceResult
 * @property {true} ok
 * @property {string | null} date
 * @property {string | null} step
 * @property {string | null} step_name
 * @property {Advice[]} advice one per leg
 * @property {Balance | null} balance
 * @property {NextPlan | null} timer
 */

/** @typedef {{ok: true, balance: Balance | null}} LogBalance log_balance */

/**
 * log_trend_svg: volume and load per leg by week; `svg` is "" and `message` says why when there
 * is nothing to draw.
 * @typedef {{ok: true, svg: string, weeks: number, message: string}} LogTrend
 */

/**
 * log_setup: the prompt's choices and the import's limits.
 * @typedef {object} LogSetup
 * @property {"hipthrust-log"} format
 * @property {number} version
 * @property {number} max_file_bytes refuse a bigger file before reading it
 * @property {("kg" | "lb")[]} units
 * @property {{value: number, label: string}[]} rir
 * @property {{set: [number, number], reps: [number, number], load: [number, number]}} limits
 * @property {{kg: [number, number], lb: [number, number]}} load_jump
 * @property {string} rule_link
 */

/**
 * log_rule: the progression rule's outcomes.
 * @typedef {{rule: {key: string, title: string, when: string, do: string}[], link: string}} LogRule
 */

export {};
