// The prompt at DONE (issue 20): for each leg of the set, the reps done (pre-filled from the
// plan) and the reps in reserve (0, 1, 2, 3, 4+ as big buttons, the RIR of the Programming page),
// then the load (optional, kg or lb, the unit remembered) and the step. Save is one tap; Skip
// keeps nothing. The prompt is a sheet fixed at the bottom of the screen, in reach of a thumb,
// so it moves nothing on the page when it opens.
//
// This module only gathers the answers; the caller (tools/tempo-timer.js) has Python turn them
// into log entries and stores them (log/store.js). If saving fails, the prompt stays open with
// the reason, so what the lifter typed is never lost silently.

const UNIT_KEY = "hipthrust.log.unit";
const RIR_CHOICES = [0, 1, 2, 3, 4];
const LEG_NAMES = /** @type {Record<string, string>} */ ({
  right: "Right leg",
  left: "Left leg",
  both: "Both legs",
});

/**
 * @typedef {object} PromptLeg
 * @property {string} leg "right" | "left" | "both"
 * @property {number} reps planned reps (the pre-filled value)
 * @property {number} sets sets done
 */

/**
 * @typedef {object} PromptSet One set of one leg, as typed (Python checks it).
 * @property {string} leg
 * @property {number} set 1, 2, …
 * @property {string} reps
 * @property {number | null} rir null when not chosen
 */

/**
 * @typedef {object} PromptAnswers What the lifter said.
 * @property {PromptSet[]} sets
 * @property {string} load "" when no load
 * @property {string} unit "kg" | "lb"
 * @property {string} step a key of hipthrust.steps.STEPS
 * @property {boolean} pain
 * @property {boolean | null} hipsLevel null: not recorded
 */

/**
 * @typedef {object} PromptHandlers
 * @property {(answers: PromptAnswers) => Promise<string | null>} save resolves to an error to
 *   show (the prompt stays open), or null once saved
 * @property {() => void} skip
 */

/** @typedef {{key: string, name: string}} StepChoice */

/** @returns {string} */
function rememberedUnit() {
  try {
    return localStorage.getItem(UNIT_KEY) === "lb" ? "lb" : "kg";
  } catch {
    return "kg";
  }
}

/** @param {string} unit */
function rememberUnit(unit) {
  try {
    localStorage.setItem(UNIT_KEY, unit);
  } catch {
    /* private mode: the unit is asked again next time */
  }
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

export class LogPrompt {
  /**
   * @param {HTMLElement} root the timer's root: the sheet is appended to it
   * @param {PromptHandlers} handlers
   * @param {{rirHelp: string, log: string}} urls the Programming page's definition of reps in
   *   reserve, and the Log page
   */
  constructor(root, handlers, urls) {
    this.handlers = handlers;
    this.sheet = element("section", {
      class: "log-prompt",
      "data-testid": "log-prompt",
      role: "dialog",
      "aria-labelledby": "log-prompt-title",
    });
    this.sheet.hidden = true;
    this.sheet.dataset.state = "closed";
    root.append(this.sheet);
    this.urls = urls;
    /** @type {Map<string, number>} reserve by "leg/set" */
    this.rir = new Map();
    /** @type {Set<string>} the "leg/set"s the lifter tapped (not filled in from an earlier set) */
    this.chosen = new Set();
    this.busy = false;
    this.sheet.addEventListener("click", (event) => this.onClick(event));
  }

  get open() {
    return !this.sheet.hidden;
  }

  /**
   * Ask about the set that just ended.
   * @param {PromptLeg[]} legs in the order they were worked
   * @param {StepChoice[]} steps the steps this set can be (one-leg or two-leg ones)
   * @param {string} step the step to select first
   */
  show(legs, steps, step) {
    this.rir.clear();
    this.chosen.clear();
    this.busy = false;
    const title = element("h2", { id: "log-prompt-title" }, "Log this set?");
    const help = element("p", { class: "log-prompt-help" });
    help.append(
      "For each set: the reps you did and the ",
      element("a", { href: this.urls.rirHelp }, "reps in reserve"),
      " (how many more good reps you had left).",
    );
    const blocks = legs.map((leg) => this.legBlock(leg));
    this.error = element("p", { class: "log-prompt-error", role: "alert" });
    this.error.hidden = true;
    const actions = element("div", { class: "log-prompt-actions" });
    actions.append(
      element("button", { type: "button", class: "log-big", "data-testid": "log-save" }, "Save"),
      element("button", { type: "button", class: "log-big", "data-testid": "log-skip" }, "Skip"),
    );
    this.sheet.replaceChildren(
      title,
      help,
      ...blocks,
      this.details(steps, step),
      this.error,
      actions,
    );
    this.sheet.hidden = false;
    this.sheet.dataset.state = "open"; // app.js holds a site update back until it is answered
    /** @type {HTMLElement | null} */ (
      this.sheet.querySelector('[data-testid="log-rir"]')
    )?.focus();
  }

  /**
   * One leg: a row per set with the reps done and the reps in reserve.
   * @param {PromptLeg} leg
   * @returns {HTMLFieldSetElement}
   */
  legBlock(leg) {
    const name = LEG_NAMES[leg.leg] ?? leg.leg;
    const block = element("fieldset", { class: "log-prompt-leg", "data-leg": leg.leg });
    block.append(element("legend", {}, name));
    const head = element("div", { class: "log-prompt-row log-prompt-head", "aria-hidden": "true" });
    head.append(element("span", {}, "Reps"), element("span", {}, "Reps in reserve"));
    block.append(head);
    for (let set = 1; set <= leg.sets; set += 1) block.append(this.setRow(leg, set, name));
    return block;
  }

  /**
   * @param {PromptLeg} leg
   * @param {number} set
   * @param {string} name the leg's name
   * @returns {HTMLDivElement}
   */
  setRow(leg, set, name) {
    const which = leg.sets > 1 ? `, set ${set}` : "";
    const row = element("div", { class: "log-prompt-row", "data-set": String(set) });
    const reps = element("input", {
      type: "number",
      inputmode: "numeric",
      min: "0",
      max: "50",
      value: String(leg.reps),
      "aria-label": `Reps done, ${name}${which}`,
      "data-testid": "log-reps",
      "data-leg": leg.leg,
      "data-set": String(set),
    });
    const group = element("div", {
      class: "log-prompt-rir",
      role: "group",
      "aria-label": `Reps in reserve, ${name}${which}`,
    });
    for (const value of RIR_CHOICES) {
      const attributes = {
        type: "button",
        class: "log-big",
        "data-testid": "log-rir",
        "data-rir": String(value),
        "data-leg": leg.leg,
        "data-set": String(set),
        "aria-pressed": "false",
      };
      group.append(element("button", attributes, value === 4 ? "4+" : String(value)));
    }
    row.append(reps, group);
    return row;
  }

  /**
   * The load (optional, with its remembered unit) and the step.
   * @param {StepChoice[]} steps
   * @param {string} step
   * @returns {HTMLDivElement}
   */
  details(steps, step) {
    const row = element("div", { class: "log-prompt-details" });
    const load = element("input", {
      id: "log-load",
      type: "number",
      inputmode: "decimal",
      min: "0",
      step: "any",
      placeholder: "none",
      "data-testid": "log-load",
    });
    const unit = element("select", {
      id: "log-unit",
      "data-testid": "log-unit",
      "aria-label": "Unit",
    });
    for (const name of ["kg", "lb"]) unit.append(element("option", { value: name }, name));
    unit.value = rememberedUnit();
    unit.addEventListener("change", () => rememberUnit(unit.value));
    const loadField = element("div", { class: "log-prompt-field" });
    const loadLine = element("div", { class: "log-prompt-load" });
    loadLine.append(load, unit);
    loadField.append(element("label", { for: "log-load" }, "Load (optional)"), loadLine);
    const menu = element("select", { id: "log-step", "data-log-step": "" });
    for (const option of steps) menu.append(element("option", { value: option.key }, option.name));
    menu.value = step;
    const stepField = element("div", { class: "log-prompt-field" });
    stepField.append(element("label", { for: "log-step" }, "Step"), menu);
    const checks = element("div", { class: "log-prompt-checks" });
    for (const [name, text] of [
      ["pain", "It hurt (pain, not effort)"],
      ["hips", "My hips dipped to one side"],
    ]) {
      const label = element("label", { class: "log-prompt-check" });
      label.append(element("input", { type: "checkbox", "data-log-check": name }), text);
      checks.append(label);
    }
    row.append(loadField, stepField, checks);
    return row;
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const button = /** @type {HTMLElement | null} */ (
      /** @type {Element} */ (event.target).closest("button")
    );
    if (!button || this.busy) return;
    const testid = button.dataset.testid;
    if (testid === "log-rir") {
      this.choose(button.dataset.leg ?? "", Number(button.dataset.set), Number(button.dataset.rir));
    } else if (testid === "log-save") {
      void this.save();
    } else if (testid === "log-skip") {
      this.close();
      this.handlers.skip();
    } else if (testid === "log-close") {
      this.close();
    }
  }

  /**
   * Choose the reserve of one set; the leg's later sets not chosen yet take the same value, so
   * one tap per leg answers a set done evenly (each can still be changed).
   * @param {string} leg
   * @param {number} set
   * @param {number} rir
   */
  choose(leg, set, rir) {
    this.rir.set(`${leg}/${set}`, rir);
    this.chosen.add(`${leg}/${set}`);
    for (const input of this.sheet.querySelectorAll(
      `[data-testid="log-reps"][data-leg="${leg}"]`,
    )) {
      const later = Number(/** @type {HTMLElement} */ (input).dataset.set);
      if (later > set && !this.chosen.has(`${leg}/${later}`)) this.rir.set(`${leg}/${later}`, rir);
    }
    for (const button of this.sheet.querySelectorAll(
      `[data-testid="log-rir"][data-leg="${leg}"]`,
    )) {
      const data = /** @type {HTMLElement} */ (button).dataset;
      const pressed = this.rir.get(`${leg}/${data.set}`) === Number(data.rir);
      button.setAttribute("aria-pressed", String(pressed));
    }
  }

  /** @returns {PromptAnswers} */
  answers() {
    const sets = [...this.sheet.querySelectorAll('[data-testid="log-reps"]')].map((node) => {
      const input = /** @type {HTMLInputElement} */ (node);
      const leg = input.dataset.leg ?? "";
      const set = Number(input.dataset.set);
      return { leg, set, reps: input.value, rir: this.rir.get(`${leg}/${set}`) ?? null };
    });
    const field = (/** @type {string} */ selector) =>
      /** @type {HTMLInputElement} */ (this.sheet.querySelector(selector));
    return {
      sets,
      load: field('[data-testid="log-load"]').value,
      unit: field('[data-testid="log-unit"]').value,
      step: field("[data-log-step]").value,
      pain: field('[data-log-check="pain"]').checked,
      hipsLevel: field('[data-log-check="hips"]').checked ? false : null,
    };
  }

  async save() {
    this.busy = true;
    this.sheet.dataset.busy = "";
    const failure = await this.handlers
      .save(this.answers())
      .catch((error) => String(error?.message ?? error));
    this.busy = false;
    delete this.sheet.dataset.busy;
    if (failure) {
      if (this.error) {
        this.error.textContent = failure;
        this.error.hidden = false;
      }
      return;
    }
    this.saved();
  }

  /** Saved: say so, with the way to the log, until the lifter closes it or starts again. */
  saved() {
    const line = element("p", {
      class: "log-prompt-saved",
      "data-testid": "log-saved",
      role: "status",
    });
    line.append(
      "Saved to your log on this phone. ",
      element("a", { href: this.urls.log }, "Open the log"),
    );
    const close = element(
      "button",
      { type: "button", class: "log-big", "data-testid": "log-close" },
      "Close",
    );
    const actions = element("div", { class: "log-prompt-actions" });
    actions.append(close);
    this.sheet.replaceChildren(line, actions);
    this.sheet.dataset.state = "saved";
    close.focus();
  }

  close() {
    this.sheet.hidden = true;
    this.sheet.dataset.state = "closed";
    this.sheet.replaceChildren();
  }

  destroy() {
    this.sheet.remove();
  }
}
