// The checker's page: state → DOM. The points on the photo (through checker/landmarks.js) with
// the prompt for the next one and the points the detector asks to check; Python's results (the
// metrics, what still needs points, the view warning with its data-reason, the step Python
// suggests, the overlay); the open photo; the error line; the live region. A new piece of the page gets its element here and a method that draws
// it from the state.

import { find } from "../dom.js";
import { LandmarkLayer } from "./landmarks.js";
import { testId } from "./points.js";
import { checkItem, metricItem, signed, waitingItem } from "./results.js";
import { FLOOR } from "./state.js";

/** @typedef {import("./state.js").CheckerState} CheckerState */
/** @typedef {import("./types.js").Leg} Leg */
/** @typedef {import("./types.js").MeasureReply} MeasureReply */
/** @typedef {import("./types.js").Mode} Mode */
/** @typedef {import("./types.js").Photo} Photo */
/** @typedef {import("./types.js").Suggestion} Suggestion */

const SVG_NS = "http://www.w3.org/2000/svg";

export class CheckerView {
  /**
   * @param {HTMLElement} ui the checker's markup (.checker)
   * @param {ConstructorParameters<typeof LandmarkLayer>[2]} layerHooks the points' gestures
   * @param {{ readonly shown: boolean }} keyboard whether to give keyboard help (keyboard-help.js)
   */
  constructor(ui, layerHooks, keyboard) {
    this.ui = ui;
    this.keyboard = keyboard;
    this.stepSelect = find(ui, '[data-testid="checker-step"]', HTMLSelectElement);
    this.suggestion = find(ui, '[data-testid="checker-step-suggestion"]', HTMLElement);
    this.suggestionText = find(this.suggestion, "p", HTMLElement);
    this.suggestionButton = find(this.suggestion, "button", HTMLButtonElement);
    this.error = find(ui, '[data-testid="checker-error"]', HTMLElement);
    this.work = find(ui, ".checker-work", HTMLElement);
    this.stage = find(ui, ".checker-stage", HTMLElement);
    this.canvas = find(ui, ".checker-photo", HTMLCanvasElement);
    this.svg = find(ui, ".checker-svg", SVGSVGElement);
    this.prompt = find(ui, '[data-testid="checker-place-prompt"]', HTMLElement);
    this.viewWarning = find(ui, '[data-testid="checker-view-warning"]', HTMLElement);
    this.checks = find(ui, '[data-testid="checker-checks"]', HTMLElement);
    this.metrics = find(ui, ".checker-metrics", HTMLElement);
    this.waiting = find(ui, ".checker-waiting-list", HTMLElement);
    this.message = find(ui, ".checker-message", HTMLElement);
    this.facing = find(ui, ".checker-facing", HTMLElement);
    this.live = find(ui, ".checker-live", HTMLElement);
    this.undo = find(ui, '[data-action="undo"]', HTMLButtonElement);
    this.restart = find(ui, '[data-action="restart"]', HTMLButtonElement);
    this.overlay = document.createElementNS(SVG_NS, "g");
    this.overlay.setAttribute("class", "checker-overlay-layer");
    this.svg.append(this.overlay);
    this.layer = new LandmarkLayer(this.svg, this.stage, layerHooks);
  }

  /** @param {string | null} text a sentence for the user, or null to clear */
  showError(text) {
    this.error.textContent = text ?? "";
    this.error.hidden = !text;
  }

  /** @param {string} text */
  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  /** An undo step was just taken (before the drag or tap that follows it lands). */
  undoable() {
    this.undo.disabled = false;
  }

  /**
   * The placed points, the prompt for the next one and the points to check.
   * @param {CheckerState} state
   */
  renderPoints(state) {
    const { points, setup } = state;
    const names = state.activeNames();
    const list = [];
    for (const name of names) {
      const point = points.of(state.pointMode(name))[name];
      if (!point) continue;
      const floor = FLOOR.includes(name);
      const kind = floor ? "floor" : setup?.order[state.mode].includes(name) ? "body" : "extra";
      list.push({
        name,
        label: state.label(name),
        short: floor ? "Floor" : undefined,
        kind,
        ...point,
        testid: testId(floor ? "side" : state.mode, name),
      });
    }
    this.layer.set(list);
    const next = state.nextName();
    this.layer.setPlacing(next ? { name: next, label: state.label(next) } : null);
    this.prompt.hidden = !next;
    if (next) {
      this.prompt.dataset.point = next;
      // Keyboard help only for keyboard users (issue 18): not "press Enter" to a thumb.
      const keys = this.keyboard.shown && setup ? `; ${setup.keyboard}` : "";
      this.prompt.textContent = `${setup?.prompts[next]} (point ${names.indexOf(next) + 1} of ${names.length}${keys}).`;
    } else {
      delete this.prompt.dataset.point;
    }
    const checks = points.checks(state.mode).filter(({ name }) => names.includes(name));
    this.checks.replaceChildren(
      ...checks.map(({ name, reason }) => checkItem({ name, label: state.label(name), reason })),
    );
    this.checks.hidden = checks.length === 0;
    this.undo.disabled = !points.canUndo;
    this.restart.disabled = Object.keys(points.of(state.mode)).length === 0;
    this.showStepOptions(state);
  }

  /**
   * Only the optional checks the chosen step offers are on the page.
   * @param {CheckerState} state
   */
  showStepOptions(state) {
    for (const input of this.ui.querySelectorAll("input[data-option]")) {
      const option = /** @type {import("./types.js").OptionName} */ (
        input instanceof HTMLInputElement ? input.dataset.option : ""
      );
      const label = input.closest("label");
      if (label) label.hidden = !state.offers(option);
    }
  }

  /**
   * Python's suggestion of another step, with the button to accept it; hidden for none.
   * @param {Suggestion | null | undefined} suggestion
   * @param {string} step the chosen step
   */
  renderSuggestion(suggestion, step) {
    const offered = suggestion && suggestion.step !== step ? suggestion : null;
    this.suggestion.hidden = !offered;
    if (offered) {
      this.suggestion.dataset.step = offered.step;
      this.suggestionText.textContent = offered.message;
      this.suggestionButton.textContent = `Use “${offered.name}”`;
    } else {
      delete this.suggestion.dataset.step;
      this.suggestionText.textContent = "";
    }
  }

  /** A new photo: no point, no prompt, no check on the page. */
  clearPoints() {
    this.layer.set([]);
    this.layer.setPlacing(null);
    this.prompt.hidden = true;
    this.checks.hidden = true;
  }

  /** @param {string} markup Python's overlay (one <g>), or "" */
  renderOverlay(markup) {
    if (!markup) {
      this.overlay.replaceChildren();
      return;
    }
    const doc = new DOMParser().parseFromString(
      `<svg xmlns="${SVG_NS}">${markup}</svg>`,
      "image/svg+xml",
    );
    const group = doc.documentElement.firstElementChild;
    this.overlay.replaceChildren(group ? document.importNode(group, true) : "");
  }

  clearResults() {
    this.metrics.replaceChildren();
    this.waiting.replaceChildren();
    this.facing.textContent = "";
    this.message.hidden = true;
    this.viewWarning.hidden = true;
    this.viewWarning.textContent = "";
    delete this.viewWarning.dataset.reason;
    this.renderSuggestion(null, "");
    this.renderOverlay("");
  }

  /**
   * @param {MeasureReply} result
   * @param {Mode} mode
   * @param {Leg} leg
   * @param {string} step the chosen step: a suggestion of another one is offered
   */
  renderResult(result, mode, leg, step) {
    if (!result.ok) {
      this.clearResults();
      this.showMessage(result.message);
      return;
    }
    this.message.hidden = true;
    this.metrics.replaceChildren(...result.metrics.map(metricItem));
    this.waiting.replaceChildren(...result.waiting.map(waitingItem));
    const view = result.view;
    this.viewWarning.hidden = !view || view.usable || !view.message;
    this.viewWarning.textContent = view && !view.usable ? (view.message ?? "") : "";
    if (view) this.viewWarning.dataset.code = view.code;
    if (view?.reason) this.viewWarning.dataset.reason = view.reason;
    else delete this.viewWarning.dataset.reason;
    this.renderSuggestion(result.suggestion, step);
    if (mode === "side") {
      const knee = result.knee_angle == null ? "" : ` Knee bent ${result.knee_angle}°.`;
      this.facing.textContent = result.facing
        ? `Feet towards the ${result.facing} of the photo (from the points).${knee}`
        : "";
    } else {
      this.facing.textContent = `Working leg: ${leg}.`;
    }
    this.renderOverlay(result.overlay);
  }

  /** @param {MeasureReply | null} result said once the numbers settle */
  announce(result) {
    if (!result) return;
    this.live.textContent = result.ok
      ? result.metrics.map((m) => `${m.label} ${signed(m.value)}, ${m.verdict}`).join(". ")
      : result.message;
  }

  /** @param {Photo} photo shown in the canvas; the SVG's viewBox is its natural size */
  showPhoto({ width, height, display }) {
    this.canvas.width = display.width;
    this.canvas.height = display.height;
    this.canvas.getContext("2d")?.drawImage(display, 0, 0);
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.stage.style.aspectRatio = `${width} / ${height}`;
    this.stage.style.setProperty("--checker-ratio", String(width / height));
    this.stage.dataset.width = String(width);
    this.stage.dataset.height = String(height);
    this.work.hidden = false;
    this.stage.scrollIntoView({ block: "nearest" });
    this.layer.setSource(display, width);
  }

  /**
   * The form follows the state where the detector changed it (the working leg, the free leg).
   * @param {CheckerState} state
   * @param {{ leg: boolean, freeLeg: boolean }} changed
   */
  syncForm(state, changed) {
    const radio = this.ui.querySelector(`input[name="checker-leg"][value="${state.leg}"]`);
    if (changed.leg && radio instanceof HTMLInputElement) radio.checked = true;
    const freeLeg = this.ui.querySelector('[data-option="freeLeg"]');
    if (changed.freeLeg && freeLeg instanceof HTMLInputElement) freeLeg.checked = true;
  }

  /** @param {Mode} mode only that view's options show */
  showModeOptions(mode) {
    for (const fieldset of this.ui.querySelectorAll(".checker-options")) {
      if (fieldset instanceof HTMLElement) fieldset.hidden = fieldset.dataset.mode !== mode;
    }
  }
}
