// The plan form ⇄ plain values: the plan's fields as typed (Python checks them, not this file),
// the cue options, Python's message under each field, the presets and the lock while a set runs.
// The cue options stay live during a set (they change the sound, not the plan).

import { find } from "../dom.js";

/** @typedef {import("./types.js").CueOptions} CueOptions */
/** @typedef {import("./types.js").Preset} Preset */

export const PLAN_FIELDS = [
  "tempo",
  "reps",
  "sets",
  "legs",
  "first",
  "rest_legs",
  "rest_sets",
  "lead_in",
  "variant",
];
export const CUE_FIELDS = ["beeps", "voice", "vibration", "volume"];

export class PlanForm {
  /**
   * @param {HTMLFormElement} form
   * @param {ParentNode} root the tool, which holds the fields' error lines
   */
  constructor(form, root) {
    this.form = form;
    this.root = root;
    this.preset = find(form, '[data-testid="preset-select"]', HTMLSelectElement);
    this.presetSummary = find(form, "[data-timer-preset-summary]", HTMLElement);
    this.summary = find(root, "[data-timer-summary]", HTMLElement);
    this.shareStatus = find(root, "[data-timer-share-status]", HTMLElement);
  }

  /**
   * @param {string} name
   * @returns {HTMLInputElement | HTMLSelectElement}
   */
  field(name) {
    const field = this.form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) return field;
    throw new Error(`The timer's form lacks the field ${name}`);
  }

  /**
   * @param {string} name
   * @returns {HTMLInputElement}
   */
  checkbox(name) {
    const field = this.field(name);
    if (field instanceof HTMLInputElement) return field;
    throw new Error(`The timer's field ${name} is not an input`);
  }

  /** @returns {Record<string, string>} */
  readFields() {
    return Object.fromEntries(PLAN_FIELDS.map((name) => [name, this.field(name).value]));
  }

  /**
   * Fill in the fields a plan has (a preset, a link, or whatever the device stored).
   * @param {unknown} fields
   */
  writeFields(fields) {
    if (!fields || typeof fields !== "object") return;
    const given = /** @type {Record<string, unknown>} */ (fields);
    for (const name of PLAN_FIELDS)
      if (given[name] !== undefined) this.field(name).value = String(given[name]);
  }

  /** @returns {CueOptions} */
  cueOptions() {
    return {
      beeps: this.checkbox("beeps").checked,
      voice: this.checkbox("voice").checked,
      vibration: this.checkbox("vibration").checked,
      volume: Number(this.field("volume").value),
    };
  }

  /**
   * Remembered cue options (whatever the device stored: only known, well-typed keys count).
   * @param {unknown} cues
   */
  writeCues(cues) {
    if (!cues || typeof cues !== "object") return;
    const stored = /** @type {Record<string, unknown>} */ (cues);
    for (const name of ["beeps", "voice", "vibration"])
      if (name in stored) this.checkbox(name).checked = Boolean(stored[name]);
    if (typeof stored.volume === "number") this.field("volume").value = String(stored.volume);
  }

  /**
   * Python's message under each field (an empty map clears them).
   * @param {Record<string, string>} errors
   */
  showErrors(errors) {
    for (const name of PLAN_FIELDS) {
      const message = errors[name] ?? "";
      const box = this.root.querySelector(`#timer-${name}-error`);
      const field = this.field(name);
      if (box instanceof HTMLElement) {
        box.textContent = message;
        box.hidden = !message;
      }
      if (message) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }

  /** @param {string} text the checked plan in words, or "" */
  showSummary(text) {
    this.summary.textContent = text;
  }

  /** @param {Preset[]} presets */
  addPresets(presets) {
    for (const preset of presets) {
      const option = document.createElement("option");
      option.value = preset.key;
      option.textContent = preset.name;
      this.preset.append(option);
    }
    this.preset.disabled = false;
  }

  /**
   * Show the preset these fields are, if any.
   * @param {Record<string, string>} fields
   * @param {Preset[]} presets
   */
  matchPreset(fields, presets) {
    const found = presets.find((preset) =>
      PLAN_FIELDS.every((name) => String(preset.fields[name]) === String(fields[name])),
    );
    this.preset.value = found ? found.key : "";
    this.presetSummary.textContent = found ? found.summary : "";
  }

  /**
   * The plan cannot change while a set runs, nor before Python has started; the cues always can.
   * @param {boolean} locked
   */
  lock(locked) {
    for (const element of this.form.querySelectorAll("input, select")) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
      if (!CUE_FIELDS.includes(element.name)) element.disabled = locked;
    }
  }
}
