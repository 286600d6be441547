// From the prompt's answers to stored entries: one entry per set and leg in Python's stored format
// (hipthrust.log_format), each checked by Python (`log_check_entry`) before anything is stored,
// then saved in one transaction (log/store.js). Any refusal comes back as a sentence for the
// prompt, which stays open with what the lifter typed.

import { callPython } from "../python/client.js";
import { addEntries, askToPersist } from "./store.js";

/** @typedef {import("../timer/log-prompt.js").PromptAnswers} PromptAnswers */
/** @typedef {import("./store.js").LogEntry} LogEntry */

/**
 * @typedef {object} SetPlan What the timer ran.
 * @property {string} tempo e.g. "3-0-1-1"
 * @property {number} reps the plan's reps per leg
 * @property {string | null} preset the preset (a programming row key) the plan matches, or null
 */

const LEG_NAMES = /** @type {Record<string, string>} */ ({
  right: "right leg",
  left: "left leg",
  both: "both legs",
});

/**
 * The phone's local date and time, as the stored format writes it.
 * @param {Date} now
 * @returns {string} e.g. "2026-12-02T18:30:05"
 */
export function localIso(now) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${day}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

/** @returns {string} a short random id prefix: time and randomness, letters and digits only */
function idPrefix() {
  const random = new Uint32Array(1);
  crypto.getRandomValues(random);
  return `${Date.now().toString(36)}${random[0].toString(36)}`;
}

/**
 * A typed value as a number when it is one; otherwise as typed, so Python's check names it.
 * @param {string} text
 * @returns {number | string}
 */
function numberOrText(text) {
  const value = Number(text);
  return text.trim() !== "" && Number.isFinite(value) ? value : text;
}

/**
 * The entries of one prompt (not yet checked).
 * @param {PromptAnswers} answers
 * @param {SetPlan} plan
 * @param {Date} now
 * @returns {LogEntry[]}
 */
export function entriesFrom(answers, plan, now) {
  const prefix = idPrefix();
  const date = localIso(now);
  return answers.sets.map((set) => ({
    id: `${prefix}-${set.leg}-${set.set}`,
    date,
    step: answers.step,
    leg: set.leg,
    set: set.set,
    reps: numberOrText(set.reps),
    rir: set.rir,
    load: answers.load.trim() === "" ? null : numberOrText(answers.load),
    unit: answers.unit,
    pain: answers.pain,
    hips_level: answers.hipsLevel,
    tempo: null,
    plan: { tempo: plan.tempo, reps: plan.reps, preset: plan.preset },
  }));
}

/**
 * Check and store the prompt's sets.
 * @param {PromptAnswers} answers
 * @param {SetPlan} plan
 * @returns {Promise<{error: string} | {entries: LogEntry[]}>}
 */
export async function saveSets(answers, plan) {
  const missing = answers.sets.find((set) => set.rir === null);
  if (missing) {
    const which = answers.sets.length > 1 ? `: ${LEG_NAMES[missing.leg]}, set ${missing.set}` : "";
    return { error: `Tap the reps in reserve for every set${which}.` };
  }
  /** @type {LogEntry[]} */
  const checked = [];
  for (const entry of entriesFrom(answers, plan, new Date())) {
    const result = await callPython("log_check_entry", { entry });
    if (!result.ok) {
      const where = `${LEG_NAMES[String(entry.leg)] ?? entry.leg}, set ${entry.set}`;
      return { error: `Not saved (${where}): ${result.message}` };
    }
    checked.push(result.entry);
  }
  try {
    await addEntries(checked);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: `Not saved: ${reason} Write your sets down before you leave this page.` };
  }
  void askToPersist();
  return { entries: checked };
}
